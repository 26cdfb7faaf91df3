"""Candidate pairs among a long list of texts (a long document's windows, a corpus's sentences):
those worth handing to the passage scorer, found through the shingle index
(``checks.duplicates.shingles``) instead of trying all pairs.

Scoring every pair of n passages is quadratic (50,000 sentences give 100,000 windows and five
billion pairs). Windows of adjacent sentences (what ``find_duplicates`` hands over) repeat each
sentence in several texts. A text that is the text before it plus white space plus more is
recognised as such, so each sentence is tokenised and indexed once, shingles are counted per
sentence, and two windows that share a sentence are never paired (the scorer skips them anyway).
Any list of texts works; the gain is there when it has that shape.

Every candidate is verified by the scorer, so only recall is at stake; it is measured against
the exhaustive search by ``benchmarks/bench_scale.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from checks.progress import Progress
from checks.duplicates.shingles import content_stems, same_shingle_classes, sharing_pairs, shingles

__all__ = ["LONG_INPUT", "candidate_pairs"]



# Above this many texts, the exhaustive search is slower than building the index.
LONG_INPUT = 400


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
    classes = same_shingle_classes(pieces.shingles)
    x, y = sharing_pairs([pieces.shingles[members[0]] for members in classes], cap, min_shared)
    return pieces.text_pairs(classes, zip(x.tolist(), y.tolist()))


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
