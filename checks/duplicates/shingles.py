"""Word shingles and the pairs of texts that share them: an inverted index of rare shingles.

The passage scorer (``checks.duplicates.similarity``) cannot reach a duplicate score unless two
passages share a run of content words or most of their content words, and in news text that
means sharing *shingles*: two consecutive content words (stopwords left out, words cut to the
scorer's 6-letter stems). So each passage is reduced to its set of shingles, the shingles go in
an inverted index, and only sets sharing ``min_shared`` of them become a candidate pair. Shingles
found in more than ``max_df`` sets ("prime minister", "last year") are dropped: they carry little
evidence, and their posting lists are what makes a search quadratic. Sets with the very same
shingles (boilerplate, repeated articles) are always paired, so dropping a common shingle never
hides an exact repeat.

Used by the corpus index (``checks.corpus.index``), the indexed search of a long document
(``checks.duplicates.indexed``) and the window candidates (``checks.duplicates.window_candidates``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from checks.text.words import word_stems

__all__ = [
    "content_stems",
    "same_shingle_classes",
    "sharing_pairs",
    "shingles",
    "similar_set_codes",
    "similar_set_pairs",
]


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
    classes = same_shingle_classes(sets)
    cap = max_df if max_df is not None else max(40, n // 1000)
    x, y = sharing_pairs([sets[m[0]] for m in classes], cap, min_shared)
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


def same_shingle_classes(sets: Sequence[frozenset[int]]) -> list[list[int]]:
    """Sets (pieces of text) grouped by identical shingle sets, so a repeated sentence is indexed once. A set of
    fewer than two shingles (a name, "He said so.") groups with nothing: such repeats are no news."""
    groups: dict[frozenset[int], list[int]] = defaultdict(list)
    classes: list[list[int]] = []
    for p, s in enumerate(sets):
        if len(s) >= 2:
            groups[s].append(p)
        elif s:
            classes.append([p])
    return [*groups.values(), *classes]


def sharing_pairs(sets: Sequence[frozenset[int]], max_df: int, min_shared: int) -> tuple[np.ndarray, np.ndarray]:
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
