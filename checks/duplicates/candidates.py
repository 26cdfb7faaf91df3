"""Sub-quadratic candidate pairs for near-duplicate search: an inverted index of rare word shingles.

Scoring every pair of n passages is quadratic (50,000 sentences give 100,000 windows and five
billion pairs). The passage scorer (``checks.duplicates.similarity``) cannot reach a duplicate score unless
two passages share a run of content words or most of their content words, and in news text that
means sharing *shingles*: two consecutive content words (stopwords left out, words cut to the
scorer's 6-letter stems). So each passage is reduced to its set of shingles, the shingles go in
an inverted index, and only passages sharing ``min_shared`` of them become a candidate pair.
Shingles found in more than ``max_df`` passages ("prime minister", "last year") are dropped:
they carry little evidence, and their posting lists are what makes a search quadratic. Passages
with the very same shingles (boilerplate, repeated articles) are always paired, so dropping a
common shingle never hides an exact repeat.

Windows of adjacent sentences (what ``find_duplicates`` hands over) repeat each sentence in
several texts. A text that is the text before it plus white space plus more is recognised as
such, so each sentence is tokenised and indexed once, shingles are counted per sentence, and two
windows that share a sentence are never paired (the scorer skips them anyway). Any list of texts
works; the gain is there when it has that shape.

Every candidate is verified by the scorer, so only recall is at stake; it is measured against
the exhaustive search by ``benchmarks/bench_scale.py``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np

from checks.duplicates.similarity import word_stems
from checks.progress import Progress

__all__ = ["LONG_INPUT", "CandidateFinder", "candidate_pairs", "content_stems", "shingles", "similar_set_codes", "similar_set_pairs"]


# Above this many texts, the exhaustive search is slower than building the index.
LONG_INPUT = 400


def content_stems(text: str) -> list[str]:
    """The content words of ``text`` in order, as the scorer's 6-letter stems of their normal form."""
    return word_stems(text)


def shingles(stems: Sequence[str]) -> frozenset[int]:
    """Hashes of each two consecutive content stems (per process: Python salts string hashes)."""
    return frozenset(map(hash, zip(stems, stems[1:])))


def similar_set_pairs(
    sets: Sequence[frozenset[int]], *, min_shared: int = 2, max_df: int | None = None
) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of shingle sets sharing ``min_shared`` rare shingles, or equal
    (two or more shingles): ``candidate_pairs`` for texts already reduced to shingles."""
    codes = similar_set_codes(sets, min_shared=min_shared, max_df=max_df)
    a, b = np.divmod(codes, max(1, len(sets)))
    return list(zip(a.tolist(), b.tolist()))


def similar_set_codes(sets: Sequence[frozenset[int]], *, min_shared: int = 2, max_df: int | None = None) -> np.ndarray:
    """``similar_set_pairs`` as sorted codes ``i * len(sets) + j``: a million candidate pairs of a
    long document stay in numpy instead of becoming Python tuples."""
    n = len(sets)
    classes = _same_shingles(sets)
    cap = max_df if max_df is not None else max(40, n // 1000)
    x, y = _sharing_pairs([sets[m[0]] for m in classes], cap, min_shared)
    first = np.fromiter((m[0] for m in classes), dtype=np.int64, count=len(classes))
    a, b = first[x], first[y]
    chunks = [np.minimum(a, b) * n + np.maximum(a, b)]
    # Repeated sentences: every member of a class pairs with every other, and with what the class
    # pairs with (few classes have more than one member).
    many = np.flatnonzero(np.fromiter((len(m) > 1 for m in classes), dtype=bool, count=len(classes)))
    if len(many):
        extra: list[int] = []
        for c in many.tolist():
            members = classes[c]
            extra.extend(min(p, q) * n + max(p, q) for k, p in enumerate(members) for q in members[k + 1 :])
        involved = np.isin(x, many) | np.isin(y, many)
        for cx, cy in zip(x[involved].tolist(), y[involved].tolist()):
            extra.extend(min(p, q) * n + max(p, q) for p in classes[cx] for q in classes[cy])
        chunks.append(np.array(extra, dtype=np.int64))
    codes = np.sort(np.concatenate(chunks))
    # Not np.unique: it hashes int arrays in numpy 2.x, several times slower than this on millions.
    return codes[np.r_[True, codes[1:] != codes[:-1]]] if len(codes) else codes


def candidate_pairs(
    texts: Sequence[str],
    *,
    min_shared: int = 2,
    max_df: int | None = None,
    progress: Progress | None = None,
) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of texts worth scoring: a sentence of each shares at least
    ``min_shared`` rare shingles, or the two sentences have the very same (two or more) shingles.

    ``max_df`` caps how many distinct sentences a shingle may occur in to count (default: one in
    a thousand, at least 40). ``progress(done, total)`` is called now and then.
    """
    if min_shared < 1:
        raise ValueError(f"min_shared must be at least 1, not {min_shared}")
    n = len(texts)
    if n < 2:
        return []
    pieces = _Pieces.of(texts, progress)
    cap = max_df if max_df is not None else max(40, len(pieces.shingles) // 1000)
    classes = _same_shingles(pieces.shingles)
    x, y = _sharing_pairs([pieces.shingles[members[0]] for members in classes], cap, min_shared)
    return pieces.text_pairs(classes, zip(x.tolist(), y.tolist()))


class CandidateFinder:
    """``candidate_pairs`` with fixed options, in the ``(texts) -> pairs`` shape a scorer takes."""

    __slots__ = ("min_shared", "max_df", "progress")

    def __init__(self, *, min_shared: int = 2, max_df: int | None = None, progress: Progress | None = None) -> None:
        self.min_shared = min_shared
        self.max_df = max_df
        self.progress = progress

    def __call__(self, texts: Sequence[str]) -> list[tuple[int, int]]:
        return candidate_pairs(texts, min_shared=self.min_shared, max_df=self.max_df, progress=self.progress)


class _Pieces:
    """Texts cut into pieces, each sentence occurrence once (a text that is no window is one piece).

    ``shingles[p]`` is piece p's set of shingle hashes and ``holders[p]`` the texts that hold it;
    ``parts[t]`` the sorted sentence pieces of text t: two texts that share one overlap.
    """

    __slots__ = ("shingles", "holders", "parts")

    def __init__(self) -> None:
        self.shingles: list[frozenset[int]] = []
        self.holders: list[list[int]] = []
        self.parts: list[tuple[int, ...]] = []

    @classmethod
    def of(cls, texts: Sequence[str], progress: Progress | None) -> _Pieces:
        self = cls()
        stems_cache: dict[str, list[str]] = {}  # a repeated sentence is tokenised once
        # A window's last sentence is met before that sentence's own text comes up: the piece
        # made for it waits here, so both texts hold the same occurrence.
        pending: dict[str, int] = {}
        step = max(1, len(texts) // 50)
        for t, text in enumerate(texts):
            if progress is not None and t % step == 0:
                progress(t, len(texts))
            prev = texts[t - 1] if t else ""
            rest = text[len(prev) :] if prev and len(text) > len(prev) and text.startswith(prev) else ""
            if rest[:1].isspace() and rest.strip():
                sentence = rest.strip()
                stems = self._stems(sentence, stems_cache)
                piece = pending.get(sentence)
                if piece is None:
                    piece = pending[sentence] = self._add(stems, t)
                else:
                    self.holders[piece].append(t)
                for p in self.parts[t - 1]:
                    self.holders[p].append(t)
                self.parts.append(tuple(sorted((*self.parts[t - 1], piece))))
            else:
                stems = self._stems(text, stems_cache)
                piece = pending.pop(text, None)
                if piece is None:
                    piece = self._add(stems, t)
                else:
                    self.holders[piece].append(t)
                self.parts.append((piece,))
        if progress is not None:
            progress(len(texts), len(texts))
        return self

    @staticmethod
    def _stems(text: str, cache: dict[str, list[str]]) -> list[str]:
        stems = cache.get(text)
        if stems is None:
            stems = cache[text] = content_stems(text)
        return stems

    def _add(self, stems: list[str], holder: int) -> int:
        self.shingles.append(shingles(stems))
        self.holders.append([holder])
        return len(self.shingles) - 1

    def text_pairs(self, classes: list[list[int]], class_pairs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """Expand pairs of piece classes (and each class with itself) to the pairs of texts that
        hold them, leaving out texts that share a sentence."""
        parts, holders = self.parts, self.holders
        # Pairs as one int each (ta * n + tb): a set and a sort of ints, not of tuples, on the
        # million candidates of a long document; the order is the same.
        n = len(parts)
        found: set[int] = set()

        def expand(pieces_a: Sequence[int], pieces_b: Sequence[int], same: bool) -> None:
            for x, pa in enumerate(pieces_a):
                for pb in pieces_b[x + 1 :] if same else pieces_b:
                    for ta in holders[pa]:
                        for tb in holders[pb]:
                            a, b = parts[ta], parts[tb]
                            # Sorted parts: disjoint ranges settle most pairs without a set.
                            if a[-1] < b[0] or b[-1] < a[0] or (ta != tb and set(a).isdisjoint(b)):
                                found.add(ta * n + tb if ta < tb else tb * n + ta)

        for members in classes:
            if len(members) > 1:
                expand(members, members, True)
        for a, b in class_pairs:
            expand(classes[a], classes[b], False)
        return [divmod(code, n) for code in sorted(found)]


def _same_shingles(sets: Sequence[frozenset[int]]) -> list[list[int]]:
    """Pieces grouped by identical shingle sets, so a repeated sentence is indexed once. A set of
    fewer than two shingles (a name, "He said so.") groups with nothing: such repeats are no news."""
    groups: dict[frozenset[int], list[int]] = defaultdict(list)
    classes: list[list[int]] = []
    for p, s in enumerate(sets):
        if len(s) >= 2:
            groups[s].append(p)
        elif s:
            classes.append([p])
    return [*groups.values(), *classes]


def _sharing_pairs(sets: Sequence[frozenset[int]], max_df: int, min_shared: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs ``(a, b)``, ``a < b``, of sets sharing ``min_shared`` elements each found in at most
    ``max_df`` sets, as two arrays: sort the elements, take every pair within each short run, count."""
    empty = np.zeros(0, dtype=np.int64)
    lengths = np.fromiter((len(s) for s in sets), dtype=np.int64, count=len(sets))
    if lengths.sum() == 0:
        return empty, empty
    owner = np.repeat(np.arange(len(sets), dtype=np.int64), lengths)
    keys = np.fromiter((h for s in sets for h in s), dtype=np.int64, count=int(lengths.sum()))
    order = np.argsort(keys, kind="stable")
    keys, owner = keys[order], owner[order]
    # Runs of one shingle: where it starts and how many sets hold it.
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    sizes = np.diff(np.r_[starts, len(keys)])
    pairs = []
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= max_df)]).tolist():
        # All runs of this size at once: a (runs x size) block of owners, then every column pair.
        block = owner[starts[sizes == size][:, None] + np.arange(size)]
        left, right = np.triu_indices(size, k=1)
        a, b = block[:, left].ravel(), block[:, right].ravel()
        pairs.append(np.minimum(a, b) * len(sets) + np.maximum(a, b))
    if not pairs:
        return empty, empty
    codes = np.sort(np.concatenate(pairs))
    if min_shared > 1:
        # Each code once per shared element: keep those repeated min_shared times.
        starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
        counts = np.diff(np.r_[starts, len(codes)])
        codes = codes[starts[counts >= min_shared]]
    else:
        codes = codes[np.r_[True, codes[1:] != codes[:-1]]]
    return np.divmod(codes, len(sets))
