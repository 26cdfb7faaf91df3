"""Word-level diff of two passages, with character offsets, for showing a duplicate pair."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import Indel

from checks.model import DiffOp
from checks.duplicates.similarity import Prepared, prepare

__all__ = ["word_diff"]


def word_diff(a: str | Prepared, b: str | Prepared, *, offset_a: int = 0, offset_b: int = 0) -> tuple[DiffOp, ...]:
    """Word-level diff from ``a`` to ``b`` with character offsets (shifted by the offsets given).

    Words compare by normal form, so "U.S." and "US" are equal; an insert or delete sits at the
    position in the other passage where it would go.
    """
    pa = a if isinstance(a, Prepared) else prepare(a)
    pb = b if isinstance(b, Prepared) else prepare(b)
    spans_a, spans_b = pa.word_spans(), pb.word_spans()  # offsets: made here, once each
    # A passage joined from sentences was tokenised a sentence at a time; markup such as a tag
    # running across a sentence end tokenises differently whole. Words and offsets must agree.
    if len(spans_a[0]) != len(pa.norms):
        pa = prepare(pa.text, offset=pa.offset)
    if len(spans_b[0]) != len(pb.norms):
        pb = prepare(pb.text, offset=pb.offset)
    ops = []
    for op in Indel.opcodes(pa.norms, pb.norms):
        a0, a1 = _char_range(spans_a, op.src_start, op.src_end, pa.offset + len(pa.text))
        b0, b1 = _char_range(spans_b, op.dest_start, op.dest_end, pb.offset + len(pb.text))
        ops.append(DiffOp(op.tag, a0 + offset_a, a1 + offset_a, b0 + offset_b, b1 + offset_b))
    return tuple(_merge_replacements(ops))


def _char_range(spans: tuple[Sequence[int], Sequence[int]], start: int, end: int, length: int) -> tuple[int, int]:
    """Character span of words start..end-1 (``spans``: their starts and ends); an empty range sits
    where word ``start`` would begin."""
    starts, ends = spans
    if start < end:
        return starts[start], ends[end - 1]
    if start < len(starts):
        return starts[start], starts[start]
    pos = ends[-1] if ends else length
    return pos, pos


def _merge_replacements(ops: list[DiffOp]) -> list[DiffOp]:
    """Indel has no "replace": a delete next to an insert becomes one replace, as difflib shows it."""
    merged: list[DiffOp] = []
    for op in ops:
        prev = merged[-1] if merged else None
        if prev is not None and op.tag != "equal" and prev.tag != "equal" and prev.tag != op.tag:
            a0, a1 = _union((prev.a_start, prev.a_end), (op.a_start, op.a_end))
            b0, b1 = _union((prev.b_start, prev.b_end), (op.b_start, op.b_end))
            merged[-1] = DiffOp("replace", a0, a1, b0, b1)
        else:
            merged.append(op)
    return merged


def _union(x: tuple[int, int], y: tuple[int, int]) -> tuple[int, int]:
    """Cover both ranges; an empty range (an insertion point) does not widen a non-empty one."""
    if x[0] == x[1]:
        return y if y[0] != y[1] else x
    if y[0] == y[1]:
        return x
    return min(x[0], y[0]), max(x[1], y[1])
