"""From window matches to the passage pairs a reviewer sees: matches whose sentences touch on both
sides are merged into one passage pair, scored as a whole, trimmed to the stretch that repeats,
given a stable id and a word diff. ``duplicates`` finds the matches.
"""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from checks.model import Document, DuplicatePair, Span
from checks.duplicates.similarity import PassageScore, Prepared, join_prepared, prepare, score_prepared
from checks.text.words import normalise
from checks.duplicates.word_diff import word_diff

__all__ = ["Match", "Window", "pair_id", "passage_pairs"]

_TRIM_LENGTH_RATIO = 1.5  # a side this much longer than the other gets trimmed to the aligned stretch
_TRIM_MIN_ALIGNMENT = 85.0
# The longest passage aligned fuzzily inside a longer one. rapidfuzz's partial_ratio_alignment costs
# about 0.15 ns per (short x long) character pair: at most 2,000 characters keeps it under 0.3 s per
# MB of the longer side, near linear; news sentences, and most reused paragraphs, are far shorter.
_TRIM_ALIGN_MAX = 2000
_CLOSING = ".,;:!?\"”’)"  # punctuation a trimmed stretch keeps at its end


@dataclass(frozen=True, slots=True)
class Window:
    """Adjacent sentences of one document, prepared for the scorer."""

    doc: int  # 0 or 1: which document (one for find_duplicates)
    first: int  # sentence indices, inclusive
    last: int
    prepared: Prepared
    parts: tuple[Prepared, ...]  # one per sentence

    @property
    def part_contents(self) -> tuple[frozenset[str], ...]:
        return tuple(p.content for p in self.parts)

    @property
    def norm(self) -> str:
        return self.prepared.norm


@dataclass(frozen=True, slots=True)
class Match:
    """Two windows that score at least the threshold."""

    a: Window
    b: Window
    score: PassageScore


def pair_id(a_text: str, b_text: str) -> str:
    """Stable across runs and positions: a hash of both passages' normalised text, in sorted order."""
    first, second = sorted((normalise(a_text), normalise(b_text)))
    return "dup-" + hashlib.sha1(f"{first}\x00{second}".encode()).hexdigest()[:12]


def passage_pairs(
    doc_a: Document,
    doc_b: Document,
    matches: list[Match],
    min_score: float,
    weights: Mapping[str, float],
    sentences: Sequence[Prepared] | None = None,
) -> tuple[DuplicatePair, ...]:
    """Merge window matches that touch on both sides; keep one passage pair per group.
    ``sentences``: the document's sentences already prepared, when ``doc_a`` is ``doc_b``."""
    pairs = []
    used_a: list[tuple[int, int]] = []  # disjoint, sorted by first sentence
    groups = _touching_groups(matches)
    for group in sorted(groups, key=lambda g: -max(m.score.score for m in g)):
        best = _merged(doc_a, doc_b, group, min_score, weights, sentences)
        # The reported passages are disjoint, so only the last one starting at or before this
        # one's end can overlap it: a bisect instead of a scan of every passage reported so far.
        k = bisect_right(used_a, (best.a.last, math.inf))
        if k and used_a[k - 1][1] >= best.a.first:
            continue  # a passage reported once, with its best partner
        used_a.insert(k, (best.a.first, best.a.last))
        pairs.append(_to_pair(best))
    return tuple(sorted(pairs, key=lambda p: (p.a.start, p.b.start)))


def _touching_groups(matches: list[Match]) -> list[list[Match]]:
    """Matches in (a, b) order, each put in the earliest group holding a match it touches (a new
    group if none). Members are found through an index on their first sentences, so the work is
    linear in the matches; a test checks it against the plain quadratic statement. A match
    touching two groups joins the earlier one and does not merge them."""
    ordered = sorted(matches, key=lambda m: (m.a.first, m.b.first))
    # A touching member starts at most ``reach`` sentences before this match on either side.
    reach = 1 + max((max(m.a.last - m.a.first, m.b.last - m.b.first) for m in ordered), default=0)
    groups: list[list[Match]] = []
    # Members by first sentence of a, then of b. Plain loops, no generator: a long document has
    # tens of thousands of matches. Every member so far starts no later on side a than this match.
    by_start: dict[int, dict[int, list[tuple[int, Match]]]] = {}
    for m in ordered:
        home = len(groups)
        for af in range(m.a.first - reach, m.a.first + 1):
            by_b = by_start.get(af)
            if by_b is None:
                continue
            for bf in range(m.b.first - reach, m.b.last + 2):
                for g, other in by_b.get(bf, ()):
                    if g < home and _touch(m, other):
                        home = g
        if home == len(groups):
            groups.append([])
        groups[home].append(m)
        by_start.setdefault(m.a.first, {}).setdefault(m.b.first, []).append((home, m))
    return groups


def _touch(m: Match, n: Match) -> bool:
    return (
        m.a.first <= n.a.last + 1
        and n.a.first <= m.a.last + 1
        and m.b.first <= n.b.last + 1
        and n.b.first <= m.b.last + 1
    )


def _merged(
    doc_a: Document,
    doc_b: Document,
    group: list[Match],
    min_score: float,
    weights: Mapping[str, float],
    sentences: Sequence[Prepared] | None = None,
) -> Match:
    """The union of a group's sentence-to-sentence matches (a reused paragraph, not just its best
    sentence), or the group's best pair when there is one such match, the union no longer scores
    or its two sides would overlap. Wider windows stay out of the union: next to a real match they
    also score, only because they contain it."""
    # On a tie the tighter pair wins: a window that adds an unrelated sentence is no better.
    best = max(group, key=lambda m: (m.score.score, -(m.a.last - m.a.first + m.b.last - m.b.first)))
    singles = [m for m in group if m.a.first == m.a.last and m.b.first == m.b.last]
    if len(singles) < 2:
        return best
    a = _span_window(doc_a, 0, min(m.a.first for m in singles), max(m.a.last for m in singles), sentences)
    b = _span_window(doc_b, best.b.doc, min(m.b.first for m in singles), max(m.b.last for m in singles),
                     sentences if doc_b is doc_a else None)
    if doc_a is doc_b and a.last >= b.first:
        return best
    score = score_prepared(a.prepared, b.prepared, weights=weights)
    if score.score < min_score:
        return best
    # Every member matched on its own, so the union keeps the best member's score if higher.
    return Match(a, b, replace(score, score=max(score.score, best.score.score)))


def _span_window(
    doc: Document, which: int, first: int, last: int, sentences: Sequence[Prepared] | None = None
) -> Window:
    sents = doc.sentences[first : last + 1]
    if sentences is not None:
        parts = tuple(sentences[first : last + 1])
    else:
        parts = tuple(prepare(s.text, offset=s.start) for s in sents)
    return Window(which, first, last, join_prepared(doc.text[sents[0].start : sents[-1].end], parts), parts)


def _to_pair(m: Match) -> DuplicatePair:
    pa, pb = m.a.prepared, m.b.prepared
    # A sentence repeated inside a longer one: point at the stretch that repeats, not the whole.
    if len(pb.text) >= _TRIM_LENGTH_RATIO * len(pa.text):
        pb = _trimmed(pa, pb)
    elif len(pa.text) >= _TRIM_LENGTH_RATIO * len(pb.text):
        pa = _trimmed(pb, pa)
    return DuplicatePair(
        id=pair_id(pa.text, pb.text),
        score=m.score.score,
        a=Span(pa.offset, pa.offset + len(pa.text), pa.text),
        b=Span(pb.offset, pb.offset + len(pb.text), pb.text),
        shared=m.score.shared,
        sentences_a=tuple(range(m.a.first, m.a.last + 1)),
        sentences_b=tuple(range(m.b.first, m.b.last + 1)),
        diff=word_diff(pa, pb),
    )


def _trimmed(short: Prepared, long: Prepared) -> Prepared:
    """The stretch of ``long`` that ``short`` matches (rapidfuzz partial_ratio_alignment), widened
    to whole words; ``long`` itself when the alignment is weak."""
    text = long.text
    lowered_short, lowered_long = short.text.lower(), text.lower()
    if len(lowered_short) != len(short.text) or len(lowered_long) != len(text):
        return long  # lower() changed the length (rare Unicode): offsets would not map back
    if len(lowered_short) <= _TRIM_ALIGN_MAX:
        found = fuzz.partial_ratio_alignment(lowered_short, lowered_long, score_cutoff=_TRIM_MIN_ALIGNMENT)
        if found is None:
            return long
        start, end = found.dest_start, found.dest_end
    else:
        # Aligning costs the product of the lengths: a long passage (a saved web page's one huge
        # "sentence") is trimmed only where it repeats word for word, found at str.find's speed.
        start = lowered_long.find(lowered_short)
        if start < 0:
            return long
        end = start + len(lowered_short)
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in _CLOSING):
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start >= len(text):
        return long
    return prepare(text[start:end], offset=long.offset + start)
