"""``find_duplicates`` for long documents: the same windows and scorer, without touching every window.

On a 300-page report the exhaustive search is out of reach, and even handing the scorer every
pair that shares a rare phrase costs minutes. So a long document takes a lighter road to the same
verification:

1. every sentence prepared for the scorer once (words, stems, content flags, no offsets), which
   gives the rarity weights, the windows' content sets, and the word shingles;
2. sentence pairs that share rare shingles (``shingles.similar_set_codes``), widened to every
   pair of windows holding those sentences;
3. the scorer's own cheap gates (too little content, too few shared words, an upper bound on the
   score) on those window pairs, from the content sets alone;
4. windows of two sentences joined only when a pair of them reaches the scorer, then
   the same verification (``checks.duplicates.gates``), merging and reporting, unchanged.

Only recall is at stake: every pair reported is scored exactly as the exhaustive search scores
it. ``benchmarks/bench_scale.py`` measures recall against the exhaustive search.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain, compress

import numpy as np

from checks.duplicates.passages import Match, passage_pairs
from checks.duplicates.gates import ALIGNED_BONUS, MIN_CONTENT, MIN_SHARED_CONTENT, verify_pairs
from checks.model import Document, DuplicatePair
from checks.processes import can_fork, cores, process_pool, without_gc
from checks.duplicates.run_bound import linked_stems, links
from checks.duplicates.shingles import shingles, similar_set_codes
from checks.duplicates.similarity import Prepared, join_prepared, prepare, rarity_weights_of, score_upper_bounds

__all__ = ["SHINGLE_MAX_DF", "SHINGLE_MIN_SHARED", "find_duplicates_indexed", "indexed_window_pairs"]

# A shingle found in more sentences than this is a stock phrase of the document ("prime minister
# said"), no evidence of a repeat. A fixed cap, not one that grows with the document: the pairs a
# shingle makes grow with the square of its count, and a longer document has no more need of them.
SHINGLE_MAX_DF = 40
SHINGLE_MIN_SHARED = 1


_SIGNATURE_WORDS = 4  # 256-bit content signatures per band of weight (see _Signatures)
# Rarity weights go in bands with these tops (weights are at most 1): the shared weight is bounded
# by the band tops times the shared bits of each band.
_BAND_TOPS = (0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1.0)


# Below this many window pairs to score, starting processes costs more than it saves.
PARALLEL_MIN_PAIRS = 200_000

# Pairs per numpy step: small enough that a step's temporaries stay in the CPU's cache (with
# 200,000 a step, the signature gate of a 74,000-sentence document took twice as long).
_BLOCK = 16_384

# Slices of the pairs to score per process: a few each, so one slow slice does not leave a core idle.
_SLICES_PER_PROCESS = 4


def find_duplicates_indexed(
    doc: Document, *, min_score: float, max_window: int, workers: int | None = None
) -> tuple[DuplicatePair, ...]:
    """``duplicates.find_duplicates`` for a long document (see the module docstring); many pairs
    to score are shared among ``workers`` processes (default: the machine's cores)."""
    with without_gc():
        light = LightWindows(doc, max_window)
        pairs, totals = indexed_window_pairs(
            light, min_score, min_content=MIN_CONTENT, min_shared=MIN_SHARED_CONTENT, bonus=ALIGNED_BONUS
        )
        windows = [_LazyWindow(light, w) for w in range(len(light))]
        n = cores(workers)
        if n >= 2 and len(pairs) >= PARALLEL_MIN_PAIRS and can_fork():
            matches = _verify_in_processes(light, windows, pairs, totals, min_score, n)
        else:
            matches = verify_pairs(windows, _decoded(pairs, len(light)), min_score, light.weights,
                              contents=light.contents, totals=totals, links=light.links)
        return passage_pairs(doc, doc, matches, min_score, light.weights, light.sentences)


class _LazyWindow:
    """A window of a long document, joined from its prepared sentences the first time its
    ``prepared`` or ``parts`` is read (most windows never are); otherwise
    ``duplicate_passages.Window``."""

    __slots__ = ("light", "index", "doc", "first", "last", "_prepared", "_parts", "_norm")

    def __init__(self, light: LightWindows, index: int) -> None:
        self.light, self.index, self.doc = light, index, 0
        self.first, self.last = light.firsts[index], light.lasts[index]
        self._prepared: Prepared | None = None
        self._parts: tuple[Prepared, ...] = ()
        self._norm: str | None = None

    @property
    def prepared(self) -> Prepared:
        if self._prepared is None:
            self._prepared, self._parts = self.light.prepared(self.index)
        return self._prepared

    @property
    def part_contents(self) -> tuple[frozenset[str], ...]:
        """Each sentence's content stems, from the light pass: no tokens needed."""
        return tuple(self.light.sentence_contents[self.first : self.last + 1])

    @property
    def norm(self) -> str:
        """The joined window's normal form, without joining the rest (a near-copy check needs only this)."""
        if self._prepared is not None:
            return self._prepared.norm
        if self._norm is None:
            self._norm = " ".join(norm for p in self.light.sentences[self.first : self.last + 1] if (norm := p.norm))
        return self._norm

    @property
    def parts(self) -> tuple[Prepared, ...]:
        if self._prepared is None:
            self._prepared, self._parts = self.light.prepared(self.index)
        return self._parts


def _decoded(codes: np.ndarray, n: int) -> Iterator[tuple[int, int]]:
    return (divmod(code, n) for code in codes.tolist())


# What forked scoring processes inherit instead of receiving: the windows and their weights.
_INHERITED: tuple | None = None


def _verify_in_processes(
    light: LightWindows, windows: list[_LazyWindow], codes: np.ndarray, totals: list[float], min_score: float, n: int
) -> list:
    """``verify_pairs`` on slices of the pairs in forked processes, which inherit the windows; each
    sends back (window, window, score) and the matches are rebuilt here, in the same order."""
    global _INHERITED
    _INHERITED = (light, windows, totals, min_score)
    try:
        # Slices in pair order keep each process on nearby windows, so it joins fewer of them.
        slices = np.array_split(codes, n * _SLICES_PER_PROCESS)
        with process_pool(n) as pool:
            found = [m for part in pool.map(_verify_slice, slices) for m in part]
    finally:
        _INHERITED = None
    return [Match(windows[i], windows[j], score) for i, j, score in found]


def _verify_slice(codes: np.ndarray) -> list:
    assert _INHERITED is not None, "only run in a process forked by _verify_in_processes"
    light, windows, totals, min_score = _INHERITED
    matches = verify_pairs(windows, _decoded(codes, len(light)), min_score, light.weights,
                      contents=light.contents, totals=totals, links=light.links)
    return [(m.a.index, m.b.index, m.score) for m in matches]


class LightWindows:
    """Every sentence prepared for the scorer once, every window's sentence range and content
    stems; a window of several sentences is joined from its sentences when asked."""

    def __init__(self, doc: Document, max_window: int) -> None:
        if max_window < 1:
            raise ValueError("max_window must be at least 1")
        self.doc = doc
        self.max_window = max_window
        sents = doc.sentences
        # Every sentence tokenised once, before any process forks: the scorer's workers inherit them.
        self.sentences = [prepare(s.text, offset=s.start) for s in sents]
        self.sequences = [tuple(compress(p.stems, p.is_content)) for p in self.sentences]
        self.sentence_contents = sentence_content = [p.content for p in self.sentences]
        self.weights = rarity_weights_of(sentence_content)
        self.firsts: list[int] = []
        self.lasts: list[int] = []
        self.contents: list[frozenset[str]] = []
        for first in range(len(sents)):
            for last in range(first, min(first + max_window, len(sents))):
                self.firsts.append(first)
                self.lasts.append(last)
                content = sentence_content[first]
                if last > first:
                    content = content.union(*sentence_content[first + 1 : last + 1])
                self.contents.append(content)
        self._links: list[frozenset[tuple[str, str]] | None] = [None] * len(self.firsts)

    def __len__(self) -> int:
        return len(self.firsts)

    def holding(self) -> np.ndarray:
        """``[s, k]``: the windows that hold sentence s, padded with -1."""
        width = self.max_window * (self.max_window + 1) // 2
        out = np.full((len(self.doc.sentences), width), -1, dtype=np.int64)
        filled = np.zeros(len(self.doc.sentences), dtype=np.int64)
        for w, (first, last) in enumerate(zip(self.firsts, self.lasts)):
            for s in range(first, last + 1):
                out[s, filled[s]] = w
                filled[s] += 1
        return out

    def links(self, w: int) -> frozenset[tuple[str, str]]:
        """Window ``w``'s links (``checks.duplicates.run_bound``), made the first time a pair of it needs them."""
        found = self._links[w]
        if found is None:
            sentences = self.sentences[self.firsts[w] : self.lasts[w] + 1]
            found = self._links[w] = links(linked_stems(chain.from_iterable(p.stems for p in sentences)))
        return found

    def prepared(self, w: int) -> tuple[Prepared, tuple[Prepared, ...]]:
        """Window ``w`` ready for the scorer, and its sentences: the same as the exhaustive
        search's windows (``join_prepared`` of the sentences)."""
        first, last = self.firsts[w], self.lasts[w]
        parts = tuple(self.sentences[first : last + 1])
        if first == last:
            return parts[0], parts
        sents = self.doc.sentences
        return join_prepared(self.doc.text[sents[first].start : sents[last].end], parts), parts


def indexed_window_pairs(
    windows: LightWindows, min_score: float, *, min_content: int, min_shared: int, bonus: float
) -> tuple[np.ndarray, list[float]]:
    """Window pairs that hold a candidate sentence pair and may pass the scorer's cheap gates, as
    sorted codes ``i * len(windows) + j`` (``i < j``), and each window's summed content weight
    (for ``gates.verify_pairs``, which applies the gates exactly)."""
    sets = [shingles(seq) for seq in windows.sequences]
    codes = similar_set_codes(sets, min_shared=SHINGLE_MIN_SHARED, max_df=SHINGLE_MAX_DF)
    sentence_pairs = np.stack(np.divmod(codes, max(1, len(sets))), axis=1)
    codes = _window_codes(windows, sentence_pairs)
    return _signature_gate(windows, codes, min_score, min_content, min_shared, bonus)


def _window_codes(windows: LightWindows, sentence_pairs: np.ndarray) -> np.ndarray:
    """Every pair of non-overlapping windows holding a candidate sentence pair, as ``i * n + j``
    (``i < j``), sorted and unique."""
    holding = windows.holding()
    firsts = np.asarray(windows.firsts, dtype=np.int64)
    lasts = np.asarray(windows.lasts, dtype=np.int64)
    n = len(windows)
    chunks = []
    for block in np.array_split(sentence_pairs, max(1, len(sentence_pairs) // _BLOCK)):
        wa = holding[block[:, 0]][:, :, None]
        wb = holding[block[:, 1]][:, None, :]
        wa, wb = np.broadcast_arrays(wa, wb)
        lo, hi = np.minimum(wa, wb).ravel(), np.maximum(wa, wb).ravel()
        keep = (lo >= 0) & (lasts[lo] < firsts[hi])
        chunks.append(lo[keep] * n + hi[keep])
    return _sorted_unique(np.concatenate(chunks)) if chunks else np.zeros(0, dtype=np.int64)


def _sorted_unique(codes: np.ndarray) -> np.ndarray:
    # np.unique hashes int arrays in numpy 2.x, ten times slower than a sort on millions of codes.
    codes = np.sort(codes)
    return codes[np.r_[True, codes[1:] != codes[:-1]]] if len(codes) else codes


def _window_totals(windows: LightWindows, sentence_totals: np.ndarray) -> list[float]:
    """Each window's summed content weight: a sentence's own, or for two sentences both less the
    stems they share (longer windows add up their union the slow way)."""
    if windows.max_window > 2:
        weight = windows.weights.__getitem__
        return [sum(map(weight, content)) for content in windows.contents]
    weight = windows.weights.__getitem__
    contents = windows.sentence_contents
    per_sentence = sentence_totals.tolist()
    out = []
    for first, last in zip(windows.firsts, windows.lasts):
        if first == last:
            out.append(per_sentence[first])
        else:
            out.append(per_sentence[first] + per_sentence[last] - sum(map(weight, contents[first] & contents[last])))
    return out


class _Signatures:
    """Each window's content as bits, one 256-bit signature per band of rarity weight, from which
    the shared stems of two windows and their shared weight are bounded from above in numpy.

    Two stems on one bit, one in each window, make the bounds looser. Two stems of one window on
    one bit count once; when both are shared they share one bit in the other window too, so the
    shared bits miss at most as many stems as either window lost to such crowding (``lost``), and
    that many are added back at full weight.
    """

    def __init__(self, windows: LightWindows) -> None:
        weights = windows.weights
        # Each sentence's distinct stems, numbered; every stem has a weight (rarity_weights_of saw them all).
        distinct = [tuple(dict.fromkeys(seq)) for seq in windows.sequences]
        number = {stem: k for k, stem in enumerate(dict.fromkeys(stem for seq in distinct for stem in seq))}
        stem = np.fromiter(map(number.__getitem__, (x for seq in distinct for x in seq)), dtype=np.int64)
        row = np.repeat(np.arange(len(distinct), dtype=np.int64), [len(seq) for seq in distinct])
        stem_weight = np.fromiter(map(weights.__getitem__, number), dtype=np.float64, count=len(number))
        band = np.minimum(np.searchsorted(_BAND_TOPS, stem_weight[stem]), len(_BAND_TOPS) - 1)
        bit = stem % (64 * _SIGNATURE_WORDS)
        per_sentence = np.zeros((len(distinct), len(_BAND_TOPS), _SIGNATURE_WORDS), dtype=np.uint64)
        np.bitwise_or.at(per_sentence, (row, band, bit // 64), np.left_shift(np.uint64(1), (bit % 64).astype(np.uint64)))
        # A window's signature is the union of its sentences'.
        firsts = np.asarray(windows.firsts, dtype=np.int64)
        lasts = np.asarray(windows.lasts, dtype=np.int64)
        self.sig = per_sentence[firsts].copy()
        for extra in range(1, windows.max_window):
            longer = lasts - firsts >= extra
            self.sig[longer] |= per_sentence[firsts[longer] + extra]
        self.totals = _window_totals(windows, np.bincount(row, weights=stem_weight[stem], minlength=len(distinct)))
        self.sizes = np.fromiter((len(c) for c in windows.contents), dtype=np.int64, count=len(windows))
        self.lost = self.sizes - np.bitwise_count(self.sig).sum(axis=(1, 2), dtype=np.int64)
        self._tops = np.array(_BAND_TOPS, dtype=np.float64)
        self._ones = np.ones(len(_BAND_TOPS), dtype=np.float64)

    def bounds(self, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """At least the number of stems windows ``i`` and ``j`` share, and at least their weight."""
        counts = np.bitwise_count(self.sig[i] & self.sig[j])
        # Word by word, not .sum(axis=2): numpy's reductions over an axis this short cost twice
        # as much as the whole rest of the bound.
        per_band = counts[:, :, 0].astype(np.int32)
        for word in range(1, _SIGNATURE_WORDS):
            per_band += counts[:, :, word]
        per_band_float = per_band.astype(np.float64)
        missed = np.minimum(self.lost[i], self.lost[j])
        shared = (per_band_float @ self._ones).astype(np.int64)
        return shared + missed, per_band_float @ self._tops + missed


def _signature_gate(
    windows: LightWindows, codes: np.ndarray, min_score: float, min_content: int, min_shared: int, bonus: float
) -> tuple[np.ndarray, list[float]]:
    """The cheap gates in numpy, on ``_Signatures``' bounds; what passes goes to the exact gates."""
    signatures = _Signatures(windows)
    sizes = signatures.sizes
    total_array = np.array(signatures.totals, dtype=np.float64)
    kept = []
    for block in np.array_split(codes, max(1, len(codes) // _BLOCK)):
        i, j = np.divmod(block, len(windows))
        enough = (sizes[i] >= min_content) & (sizes[j] >= min_content)
        block, i, j = block[enough], i[enough], j[enough]
        shared, weight = signatures.bounds(i, j)
        bound = score_upper_bounds(weight, (total_array[i] + total_array[j]) / 2)
        ok = (shared >= min_shared) & (
            (bound + bonus >= min_score - 1e-6) | (2 * shared >= np.minimum(sizes[i], sizes[j]))
        )
        kept.append(block[ok])
    return (np.concatenate(kept) if kept else codes), signatures.totals
