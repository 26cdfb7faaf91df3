"""Passages that say the same thing twice: inside one article, or between two documents.

Windows of one or more adjacent sentences are compared pairwise with ``similarity.score_prepared``;
window matches whose sentences touch on both sides are merged into one passage pair, which is then
scored as a whole. Which window pairs get compared is pluggable (``candidates``): the default is
every pair, and a sub-quadratic generator can be passed for long documents and corpora.
"""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from .candidates import LONG_INPUT
from .model import Document, DuplicatePair, Span
from .similarity import (
    PassageScore,
    Weights,
    Prepared,
    join_prepared,
    near_copy_norms,
    normalise,
    prepare,
    rarity_weights,
    score_prepared,
    score_upper_bound,
)
from .run_links import run_weight_bound
from .word_diff import word_diff

__all__ = ["CandidateFn", "DEFAULT_MIN_SCORE", "all_pairs", "compare_documents", "find_duplicates", "pair_id"]

# Window-index pairs to verify, given the window texts (in order; see ``find_duplicates``).
CandidateFn = Callable[[Sequence[str]], Iterable[tuple[int, int]]]

DEFAULT_MIN_SCORE = 40.0
_MIN_SHARED_CONTENT = 3  # a cheap gate: fewer shared content words cannot reach any useful score
# A passage with fewer content words is a name, a byline, a time stamp or a stock exclamation:
# repeating it is no news ("David Groner." twice, "___. 2:00 p.m.").
_MIN_CONTENT = 4
_ALIGNED_BONUS = 10.0
_ALIGNED_SHARED = 2  # content words each aligned sentence pair must share
_COMMON_WEIGHT = 0.5  # stems at or below this rarity weight go in the gate's "common" mask
_TRIM_LENGTH_RATIO = 1.5  # a side this much longer than the other gets trimmed to the aligned stretch
_TRIM_MIN_ALIGNMENT = 85.0
_CLOSING = ".,;:!?\"”’)"  # punctuation a trimmed stretch keeps at its end


@dataclass(frozen=True, slots=True)
class _Window:
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
class _Match:
    a: _Window
    b: _Window
    score: PassageScore


def all_pairs(texts: Sequence[str]) -> Iterable[tuple[int, int]]:
    """The exhaustive candidate generator: every pair of windows."""
    n = len(texts)
    return ((i, j) for i in range(n) for j in range(i + 1, n))


def pair_id(a_text: str, b_text: str) -> str:
    """Stable across runs and positions: a hash of both passages' normalised text, in sorted order."""
    first, second = sorted((normalise(a_text), normalise(b_text)))
    return "dup-" + hashlib.sha1(f"{first}\x00{second}".encode()).hexdigest()[:12]


def find_duplicates(
    doc: Document,
    *,
    min_score: float = DEFAULT_MIN_SCORE,
    max_window: int = 2,
    candidates: CandidateFn | None = None,
) -> tuple[DuplicatePair, ...]:
    """Pairs of passages of ``doc`` that say the same thing, in document order of passage ``a``.

    ``candidates`` receives the texts of all windows (every run of 1..``max_window`` adjacent
    sentences, ordered by first sentence then length) and yields the index pairs to verify.
    """
    if candidates is None and _window_count(len(doc.sentences), max_window) > LONG_INPUT:
        # Imported here: the long road (indexed_duplicates) is built on this module's verification.
        from .indexed_duplicates import find_duplicates_indexed

        return find_duplicates_indexed(doc, min_score=min_score, max_window=max_window)
    windows = _windows(doc, 0, max_window)
    sentences = [w.prepared for w in windows if w.first == w.last]
    weights = rarity_weights(sentences)
    if candidates:
        pairs = candidates([w.prepared.text for w in windows])
    else:
        pairs = _gated_pairs(windows, windows, weights, min_score)
    matches = _verify(windows, pairs, min_score, weights)
    return _passage_pairs(doc, doc, matches, min_score, weights, sentences)


def _window_count(sentences: int, max_window: int) -> int:
    return sum(max(0, sentences - k) for k in range(max_window))


def compare_documents(
    doc_a: Document,
    doc_b: Document,
    *,
    min_score: float = DEFAULT_MIN_SCORE,
    max_window: int = 2,
    candidates: CandidateFn | None = None,
) -> tuple[DuplicatePair, ...]:
    """Passages of ``doc_a`` reused in ``doc_b``: ``a`` spans are in ``doc_a``, ``b`` spans in ``doc_b``.

    ``candidates`` receives the windows of ``doc_a`` followed by those of ``doc_b``; pairs within
    one document are ignored.
    """
    side_a, side_b = _windows(doc_a, 0, max_window), _windows(doc_b, 1, max_window)
    windows = side_a + side_b
    weights = rarity_weights(w.prepared for w in windows if w.first == w.last)
    if candidates:
        pairs = (p for p in candidates([w.prepared.text for w in windows]) if (p[0] < len(side_a)) != (p[1] < len(side_a)))
    else:
        pairs = _gated_pairs(side_a, side_b, weights, min_score, shift=len(side_a))
    matches = _verify(windows, pairs, min_score, weights)
    return _passage_pairs(doc_a, doc_b, matches, min_score, weights)


def _gated_pairs(
    side_a: Sequence[_Window],
    side_b: Sequence[_Window],
    weights: Mapping[str, float],
    min_score: float,
    *,
    shift: int = 0,
) -> Iterator[tuple[int, int]]:
    """Every pair, less those that fail the gates of ``_verify`` anyway: the same result as
    ``all_pairs``, but the gates run on bit masks of content stems (a C-level AND and bit count)
    instead of Python sets. Rare and common stems get separate masks so the shared weight has an
    upper bound without a look-up per stem. ``shift`` offsets ``side_b``'s indices; the same list
    on both sides means pairs within one document."""
    bits: dict[str, int] = {}

    def masks(w: _Window) -> tuple[int, int, float, int]:
        rare = common = 0
        total = 0.0
        for stem in w.prepared.content:
            weight = weights.get(stem, 1.0)
            total += weight
            bit = 1 << bits.setdefault(stem, len(bits))
            if weight > _COMMON_WEIGHT:
                rare |= bit
            else:
                common |= bit
        return rare, common, total, len(w.prepared.content)

    same = side_a is side_b
    info_a = [masks(w) for w in side_a]
    info_b = info_a if same else [masks(w) for w in side_b]
    firsts_b = [w.first for w in side_b]
    for i, (wa, (rare_a, common_a, total_a, n_a)) in enumerate(zip(side_a, info_a)):
        if n_a < _MIN_CONTENT:
            continue
        for j in range(i + 1 if same else 0, len(side_b)):
            if same and firsts_b[j] <= wa.last:
                continue
            rare_b, common_b, total_b, n_b = info_b[j]
            shared_rare = (rare_a & rare_b).bit_count()
            shared_common = (common_a & common_b).bit_count()
            shared = shared_rare + shared_common
            if shared < _MIN_SHARED_CONTENT or n_b < _MIN_CONTENT:
                continue
            upper = shared_rare + _COMMON_WEIGHT * shared_common
            if score_upper_bound(upper, (total_a + total_b) / 2) + _ALIGNED_BONUS < min_score:
                if 2 * shared < min(n_a, n_b):
                    continue  # no combined score can make it, and it is no near copy either
            yield i, j + shift


def _windows(doc: Document, which: int, max_window: int) -> list[_Window]:
    """Every run of 1..max_window adjacent sentences, each sentence tokenised once."""
    if max_window < 1:
        raise ValueError("max_window must be at least 1")
    sents = doc.sentences
    single = [prepare(s.text, offset=s.start) for s in sents]
    out = []
    for first in range(len(sents)):
        out.append(_Window(which, first, first, single[first], (single[first],)))
        for last in range(first + 1, min(first + max_window, len(sents))):
            text = doc.text[sents[first].start : sents[last].end]
            parts = tuple(single[first : last + 1])
            out.append(_Window(which, first, last, join_prepared(text, parts), parts))
    return out


def _verify(
    windows: Sequence[_Window],
    pairs: Iterable[tuple[int, int]],
    min_score: float,
    weights: Mapping[str, float],
    *,
    contents: Sequence[frozenset[str]] | None = None,
    totals: Sequence[float] | None = None,
    links: Callable[[int], frozenset[tuple[str, str]]] | None = None,
) -> list[_Match]:
    """Score each candidate pair that passes the cheap gates. ``contents`` and ``totals`` (each
    window's content stems and their summed weight) may come precomputed, so that a window is
    only touched (and, on a long document, joined) once a pair of it passes the gates. With
    ``links`` (a window's ``run_links.links``), a pair whose shared run cannot be long enough skips
    the scorer: the same matches, fewer alignments."""
    matches = []
    weight = weights.get
    if contents is None:
        contents = [w.prepared.content for w in windows]
    sizes = [len(c) for c in contents]
    if totals is None:
        totals = [sum(weight(s, 1.0) for s in c) for c in contents]
    # Every stem's weight, default filled in, so a pair's shared weight is a C-level map and sum
    # (same stems in the same set order: the same float as summing weights.get one by one).
    stem_weight = (weights if isinstance(weights, Weights) else Weights(weights)).__getitem__
    for i, j in pairs:
        # The cheap gates first, on lists indexed by window (most candidates of a long document
        # stop here): too little content, too few shared words.
        if sizes[i] < _MIN_CONTENT or sizes[j] < _MIN_CONTENT:
            continue
        shared = contents[i] & contents[j]
        n_shared = len(shared)
        if n_shared < _MIN_SHARED_CONTENT:
            continue
        mean_total = (totals[i] + totals[j]) / 2
        # Weights are at most 1 and the bound grows with the shared weight, so the count of shared
        # words bounds it too: when even that fails, the weighted sum is not needed to decide.
        if score_upper_bound(n_shared, mean_total) + _ALIGNED_BONUS < min_score:
            bound = shared_weight = -math.inf  # below every threshold, as the exact bound would be
        else:
            shared_weight = sum(map(stem_weight, shared))
            bound = score_upper_bound(shared_weight, mean_total)
        # Only a near copy can pass below the bound, and a near copy shares most of its content words.
        if bound + _ALIGNED_BONUS < min_score and 2 * n_shared < min(sizes[i], sizes[j]):
            continue
        # Only now the windows themselves (a long document joins them on first use).
        if j < i:
            i, j = j, i
        a, b = windows[i], windows[j]
        if (a.doc, a.first) > (b.doc, b.first):
            a, b = b, a
        if a.doc == b.doc and a.last >= b.first:
            continue  # overlapping windows share sentences: trivially alike
        aligned = _aligned(a, b)
        bonus = _ALIGNED_BONUS if aligned else 0.0
        if links is not None and bound + bonus >= min_score:
            run = run_weight_bound(shared, links(i), links(j), stem_weight)
            bound = score_upper_bound(shared_weight, mean_total, run)
        if bound + bonus < min_score and not near_copy_norms(a.norm, b.norm, min_score - bonus):
            continue
        score = score_prepared(a.prepared, b.prepared, weights=weights)
        if aligned:
            score = replace(score, score=min(100.0, score.score + bonus))
        if score.score >= min_score:
            matches.append(_Match(a, b, score))
    return matches


def _aligned(a: _Window, b: _Window) -> bool:
    """Two passages of several sentences whose sentences match one for one, in order: the way a
    writer restates a paragraph, and much stronger evidence than one shared phrase."""
    if a.last - a.first != b.last - b.first or a.first == a.last:
        return False
    return all(len(x & y) >= _ALIGNED_SHARED for x, y in zip(a.part_contents, b.part_contents))


def _passage_pairs(
    doc_a: Document,
    doc_b: Document,
    matches: list[_Match],
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


def _touching_groups(matches: list[_Match]) -> list[list[_Match]]:
    """Matches in (a, b) order, each put in the earliest group holding a match it touches (a new
    group if none). Members are found through an index on their first sentences, so the work is
    linear in the matches; a test checks it against the plain quadratic statement. A match
    touching two groups joins the earlier one and does not merge them."""
    ordered = sorted(matches, key=lambda m: (m.a.first, m.b.first))
    # A touching member starts at most ``reach`` sentences before this match on either side.
    reach = 1 + max((max(m.a.last - m.a.first, m.b.last - m.b.first) for m in ordered), default=0)
    groups: list[list[_Match]] = []
    by_start: dict[tuple[int, int], list[tuple[int, _Match]]] = {}
    for m in ordered:
        home = len(groups)
        # Plain loops, no generator: a long document has tens of thousands of matches.
        for af in range(m.a.first - reach, m.a.last + 2):
            for bf in range(m.b.first - reach, m.b.last + 2):
                for g, other in by_start.get((af, bf), ()):
                    if g < home and _touch(m, other):
                        home = g
        if home == len(groups):
            groups.append([])
        groups[home].append(m)
        by_start.setdefault((m.a.first, m.b.first), []).append((home, m))
    return groups


def _touch(m: _Match, n: _Match) -> bool:
    return (
        m.a.first <= n.a.last + 1
        and n.a.first <= m.a.last + 1
        and m.b.first <= n.b.last + 1
        and n.b.first <= m.b.last + 1
    )


def _merged(
    doc_a: Document,
    doc_b: Document,
    group: list[_Match],
    min_score: float,
    weights: Mapping[str, float],
    sentences: Sequence[Prepared] | None = None,
) -> _Match:
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
    return _Match(a, b, replace(score, score=max(score.score, best.score.score)))


def _span_window(
    doc: Document, which: int, first: int, last: int, sentences: Sequence[Prepared] | None = None
) -> _Window:
    sents = doc.sentences[first : last + 1]
    if sentences is not None:
        parts = tuple(sentences[first : last + 1])
    else:
        parts = tuple(prepare(s.text, offset=s.start) for s in sents)
    return _Window(which, first, last, join_prepared(doc.text[sents[0].start : sents[-1].end], parts), parts)


def _to_pair(m: _Match) -> DuplicatePair:
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
    found = fuzz.partial_ratio_alignment(lowered_short, lowered_long, score_cutoff=_TRIM_MIN_ALIGNMENT)
    if found is None:
        return long
    start, end = found.dest_start, found.dest_end
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
