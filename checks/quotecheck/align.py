"""Where a quotation's words lie in one source: one passage, or pieces far apart (a splice).

Each quote word votes for the diagonals (source position minus quote position) where the source
has that word; the best diagonal, with a few words of drift for drops and additions, explains a run
of the quote: a *piece*. The quote words it leaves unexplained may form a piece of their own at
another diagonal. Pieces in quote order whose source passages follow each other closely are one
passage with words dropped or added (the diff shows them); pieces far apart, out of order or in
another speaker's turn are a splice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Piece", "find_pieces"]

DRIFT = 4  # quote words dropped or added inside one passage move the diagonal this far
MAX_POSTINGS = 400  # a word this common in a source (the, and) votes for no diagonal
MIN_PIECE = 3  # quote words a piece must explain


@dataclass(frozen=True, slots=True)
class Piece:
    """Quote words ``q_lo..q_hi`` (inclusive) found at source words ``s_lo..s_hi``."""

    q_lo: int
    q_hi: int
    s_lo: int
    s_hi: int
    matched: int


def _paired(quote: Sequence[str], source: Sequence[str], j: int, p: int) -> bool:
    """Whether quote word ``j`` at source word ``p`` has a neighbour that matches too: a word
    matched alone ("the", "is") near the diagonal is as likely chance as evidence."""
    before = j > 0 and p > 0 and quote[j - 1] == source[p - 1]
    return before or (j + 1 < len(quote) and p + 1 < len(source) and quote[j + 1] == source[p + 1])


def _best_diagonal(quote: Sequence[str], todo: Sequence[int], source: Sequence[str],
                   where: dict[str, list[int]], near: int | None = None) -> tuple[int, list[tuple[int, int]]]:
    """The diagonal explaining most of the quote words ``todo``, with the (quote, source) positions
    it explains (each quote word at most once, the source position nearest the diagonal, with a
    matching neighbour). Of diagonals explaining as many words, the one nearest ``near`` wins: the
    rest of a quote is likelier to come from beside its first piece than from a repeat elsewhere."""
    votes: Counter[int] = Counter()
    for j in todo:
        positions = where.get(quote[j], ())
        if len(positions) <= MAX_POSTINGS:
            votes.update({p - j for p in positions})
    if not votes:
        return 0, []
    best, best_hits = 0, []
    best_key = (0, 0)
    for d, _ in votes.most_common(24):
        hits = []
        for j in todo:
            positions = where.get(quote[j], ())
            close = [p for p in positions if abs(p - j - d) <= DRIFT and _paired(quote, source, j, p)]
            if close:
                hits.append((j, min(close, key=lambda p: abs(p - j - d))))
        key = (len(_run(sorted(hits))), -abs(d - near) if near is not None else 0)
        if key > best_key or not best_hits:
            best, best_hits, best_key = d, hits, key
    return best, best_hits


def _run(hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest stretch of ``hits`` (sorted by quote position) with no gap over ``DRIFT`` quote
    words and source positions moving forward."""
    runs: list[list[tuple[int, int]]] = []
    for j, p in hits:
        if runs and j - runs[-1][-1][0] <= DRIFT + 1 and p > runs[-1][-1][1] and p - runs[-1][-1][1] <= 2 * DRIFT + 2:
            runs[-1].append((j, p))
        else:
            runs.append([(j, p)])
    return max(runs, key=len) if runs else []


def find_pieces(quote: Sequence[str], source: Sequence[str], where: dict[str, list[int]], *,
                max_pieces: int = 4) -> list[Piece]:
    """Pieces of ``quote`` (normal forms) found in a ``source`` (its normal forms; ``where``: each
    one's word positions), in quote order; empty when no run of ``MIN_PIECE`` words is found."""
    todo = list(range(len(quote)))
    pieces: list[Piece] = []
    near: int | None = None
    while len(todo) >= MIN_PIECE and len(pieces) < max_pieces:
        d, hits = _best_diagonal(quote, todo, source, where, near)
        near = d if near is None else near
        run = _run(sorted(hits))
        if len(run) < min(MIN_PIECE, len(quote)):
            break
        q_lo, q_hi = run[0][0], run[-1][0]
        pieces.append(Piece(q_lo, q_hi, run[0][1], run[-1][1], len(run)))
        todo = [j for j in todo if not q_lo <= j <= q_hi]
    return sorted(pieces, key=lambda p: p.q_lo)
