"""Passages that say the same thing twice: inside one article, or between two documents.

Windows of one or more adjacent sentences are compared pairwise with ``similarity.score_prepared``,
after cheap gates that skip pairs which cannot reach the threshold; ``duplicate_passages`` merges
the window matches into the passage pairs reported. Which window pairs get compared is pluggable
(``candidates``): the default is every pair, and a sub-quadratic generator can be passed for long
documents and corpora.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from checks.duplicates.gates import ALIGNED_BONUS, MIN_CONTENT, MIN_SHARED_CONTENT, verify_pairs
from checks.duplicates.head import head_sentences
from checks.duplicates.indexed import find_duplicates_indexed
from checks.duplicates.names_only import names_only
from checks.duplicates.passages import Window, pair_id, passage_pairs
from checks.duplicates.similarity import join_prepared, prepare, rarity_weights, score_upper_bound
from checks.duplicates.window_candidates import LONG_INPUT
from checks.model import Document, DuplicatePair

__all__ = ["CandidateFn", "DEFAULT_MIN_SCORE", "all_pairs", "compare_documents", "find_duplicates", "pair_id"]

# Window-index pairs to verify, given the window texts (in order; see ``find_duplicates``).
CandidateFn = Callable[[Sequence[str]], Iterable[tuple[int, int]]]

DEFAULT_MIN_SCORE = 40.0
_COMMON_WEIGHT = 0.5  # stems at or below this rarity weight go in the gate's "common" mask


def all_pairs(texts: Sequence[str]) -> Iterable[tuple[int, int]]:
    """The exhaustive candidate generator: every pair of windows."""
    n = len(texts)
    return ((i, j) for i in range(n) for j in range(i + 1, n))


def find_duplicates(
    doc: Document,
    *,
    min_score: float = DEFAULT_MIN_SCORE,
    max_window: int = 2,
    candidates: CandidateFn | None = None,
) -> tuple[DuplicatePair, ...]:
    """Pairs of passages of ``doc`` that say the same thing, in document order of passage ``a``.

    ``candidates`` receives the texts of all windows (every run of 1..``max_window`` adjacent
    sentences after the article's head, ordered by first sentence then length) and yields the
    index pairs to verify. The head (headline, subtitle, abstract: ``checks.duplicates.head``)
    restates the story by design and is left out, and so are pairs that share only names
    (``checks.duplicates.names_only``).
    """
    head = head_sentences(doc)
    if candidates is None and _window_count(len(doc.sentences), max_window) > LONG_INPUT:
        found = find_duplicates_indexed(doc, min_score=min_score, max_window=max_window)
        return tuple(p for p in found if p.sentences_a[0] >= head and not names_only(p))
    windows = _windows(doc, 0, max_window, first=head)
    # Every sentence prepared, by index (the head too: its words count in how common a word is).
    sentences = [prepare(s.text, offset=s.start) for s in doc.sentences[:head]]
    sentences += [w.prepared for w in windows if w.first == w.last]
    weights = rarity_weights(sentences)
    if candidates:
        pairs = candidates([w.prepared.text for w in windows])
    else:
        pairs = _gated_pairs(windows, windows, weights, min_score)
    matches = verify_pairs(windows, pairs, min_score, weights)
    found = passage_pairs(doc, doc, matches, min_score, weights, sentences)
    return tuple(p for p in found if not names_only(p))


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
    matches = verify_pairs(windows, pairs, min_score, weights)
    return passage_pairs(doc_a, doc_b, matches, min_score, weights)


def _gated_pairs(
    side_a: Sequence[Window],
    side_b: Sequence[Window],
    weights: Mapping[str, float],
    min_score: float,
    *,
    shift: int = 0,
) -> Iterator[tuple[int, int]]:
    """Every pair, less those that fail the gates of ``verify_pairs`` anyway: the same result as
    ``all_pairs``, but the gates run on bit masks of content stems (a C-level AND and bit count)
    instead of Python sets. Rare and common stems get separate masks so the shared weight has an
    upper bound without a look-up per stem. ``shift`` offsets ``side_b``'s indices; the same list
    on both sides means pairs within one document."""
    bits: dict[str, int] = {}

    def masks(w: Window) -> tuple[int, int, float, int]:
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
        if n_a < MIN_CONTENT:
            continue
        for j in range(i + 1 if same else 0, len(side_b)):
            if same and firsts_b[j] <= wa.last:
                continue
            rare_b, common_b, total_b, n_b = info_b[j]
            shared_rare = (rare_a & rare_b).bit_count()
            shared_common = (common_a & common_b).bit_count()
            shared = shared_rare + shared_common
            if shared < MIN_SHARED_CONTENT or n_b < MIN_CONTENT:
                continue
            upper = shared_rare + _COMMON_WEIGHT * shared_common
            if score_upper_bound(upper, (total_a + total_b) / 2) + ALIGNED_BONUS < min_score:
                if 2 * shared < min(n_a, n_b):
                    continue  # no combined score can make it, and it is no near copy either
            yield i, j + shift


def _windows(doc: Document, which: int, max_window: int, *, first: int = 0) -> list[Window]:
    """Every run of 1..max_window adjacent sentences from sentence ``first`` on, each sentence
    tokenised once."""
    if max_window < 1:
        raise ValueError("max_window must be at least 1")
    sents = doc.sentences
    single = [prepare(s.text, offset=s.start) for s in sents[first:]]  # single[k]: sentence first + k
    out = []
    for k, prepared in enumerate(single):
        i = first + k
        out.append(Window(which, i, i, prepared, (prepared,)))
        for last in range(i + 1, min(i + max_window, len(sents))):
            text = doc.text[sents[i].start : sents[last].end]
            parts = tuple(single[k : last - first + 1])
            out.append(Window(which, i, last, join_prepared(text, parts), parts))
    return out
