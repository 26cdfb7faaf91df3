"""Passages that say the same thing twice: inside one article, or between two documents.

Windows of one or more adjacent sentences are compared pairwise with ``similarity.score_prepared``;
window matches whose sentences touch on both sides are merged into one passage pair, which is then
scored as a whole. Which window pairs get compared is pluggable (``candidates``): the default is
every pair, and a sub-quadratic generator can be passed for long documents and corpora.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from .model import Document, DuplicatePair, Span
from .similarity import PassageScore, Prepared, normalise, prepare, rarity_weights, score_prepared, word_diff

__all__ = ["CandidateFn", "DEFAULT_MIN_SCORE", "all_pairs", "compare_documents", "find_duplicates", "pair_id"]

# Window-index pairs to verify, given the window texts (in order; see ``find_duplicates``).
CandidateFn = Callable[[Sequence[str]], Iterable[tuple[int, int]]]

DEFAULT_MIN_SCORE = 60.0
_MIN_SHARED_CONTENT = 2  # a cheap gate: fewer shared content words cannot reach any useful score


@dataclass(frozen=True, slots=True)
class _Window:
    doc: int  # 0 or 1: which document (one for find_duplicates)
    first: int  # sentence indices, inclusive
    last: int
    prepared: Prepared


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
    windows = _windows(doc, 0, max_window)
    weights = rarity_weights(w.prepared for w in windows if w.first == w.last)
    gen = candidates or all_pairs
    matches = _verify(windows, gen([w.prepared.text for w in windows]), min_score, weights)
    return _passage_pairs(doc, doc, matches, min_score, weights)


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
    windows = _windows(doc_a, 0, max_window) + _windows(doc_b, 1, max_window)
    weights = rarity_weights(w.prepared for w in windows if w.first == w.last)
    gen = candidates or _cross_pairs(sum(1 for w in windows if w.doc == 0))
    matches = _verify(windows, gen([w.prepared.text for w in windows]), min_score, weights)
    return _passage_pairs(doc_a, doc_b, matches, min_score, weights)


def _cross_pairs(n_a: int) -> CandidateFn:
    def generate(texts: Sequence[str]) -> Iterable[tuple[int, int]]:
        return ((i, j) for i in range(n_a) for j in range(n_a, len(texts)))

    return generate


def _windows(doc: Document, which: int, max_window: int) -> list[_Window]:
    if max_window < 1:
        raise ValueError("max_window must be at least 1")
    sents = doc.sentences
    out = []
    for first in range(len(sents)):
        for last in range(first, min(first + max_window, len(sents))):
            start, end = sents[first].start, sents[last].end
            out.append(_Window(which, first, last, prepare(doc.text[start:end], offset=start)))
    return out


def _verify(
    windows: Sequence[_Window], pairs: Iterable[tuple[int, int]], min_score: float, weights: Mapping[str, float]
) -> list[_Match]:
    matches = []
    for i, j in pairs:
        a, b = windows[i], windows[j]
        if (a.doc, a.first) > (b.doc, b.first):
            a, b = b, a
        if a.doc == b.doc and a.last >= b.first:
            continue  # overlapping windows share sentences: trivially alike
        if len(a.prepared.content & b.prepared.content) < _MIN_SHARED_CONTENT:
            continue
        score = score_prepared(a.prepared, b.prepared, weights=weights)
        if score.score >= min_score:
            matches.append(_Match(a, b, score))
    return matches


def _passage_pairs(
    doc_a: Document, doc_b: Document, matches: list[_Match], min_score: float, weights: Mapping[str, float]
) -> tuple[DuplicatePair, ...]:
    """Merge window matches that touch on both sides; keep one passage pair per group."""
    groups: list[list[_Match]] = []
    for m in sorted(matches, key=lambda m: (m.a.first, m.b.first)):
        home = next((g for g in groups if any(_touch(m, other) for other in g)), None)
        if home is None:
            groups.append([m])
        else:
            home.append(m)
    pairs = []
    used_a: list[tuple[int, int]] = []
    for group in sorted(groups, key=lambda g: -max(m.score.score for m in g)):
        best = _merged(doc_a, doc_b, group, min_score, weights)
        if any(best.a.first <= last and first <= best.a.last for first, last in used_a):
            continue  # a passage reported once, with its best partner
        used_a.append((best.a.first, best.a.last))
        pairs.append(_to_pair(best))
    return tuple(sorted(pairs, key=lambda p: (p.a.start, p.b.start)))


def _touch(m: _Match, n: _Match) -> bool:
    return (
        m.a.first <= n.a.last + 1
        and n.a.first <= m.a.last + 1
        and m.b.first <= n.b.last + 1
        and n.b.first <= m.b.last + 1
    )


def _merged(
    doc_a: Document, doc_b: Document, group: list[_Match], min_score: float, weights: Mapping[str, float]
) -> _Match:
    """The union of a group's passages, if it still scores and the two sides do not overlap."""
    best = max(group, key=lambda m: (m.score.score, m.a.last - m.a.first + m.b.last - m.b.first))
    if len(group) == 1:
        return best
    a = _span_window(doc_a, 0, min(m.a.first for m in group), max(m.a.last for m in group))
    b = _span_window(doc_b, best.b.doc, min(m.b.first for m in group), max(m.b.last for m in group))
    if doc_a is doc_b and a.last >= b.first:
        return best
    score = score_prepared(a.prepared, b.prepared, weights=weights)
    return _Match(a, b, score) if score.score >= max(min_score, best.score.score - 10) else best


def _span_window(doc: Document, which: int, first: int, last: int) -> _Window:
    start, end = doc.sentences[first].start, doc.sentences[last].end
    return _Window(which, first, last, prepare(doc.text[start:end], offset=start))


def _to_pair(m: _Match) -> DuplicatePair:
    pa, pb = m.a.prepared, m.b.prepared
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
