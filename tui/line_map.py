"""Where the article's text falls on screen lines at a given width, computed once per width.

The article view draws only the lines in sight (Textual's Line API), so a 1 MB article costs one
pass over its words to wrap, and then a handful of lines per frame. Lines are offsets into the
document text, never copies, so a flag's span maps to screen lines with a binary search.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from checks import Paragraph

__all__ = ["LineMap", "wrap_paragraphs"]

_WORD = re.compile(r"\S+\s*")
@dataclass(frozen=True, slots=True)
class LineMap:
    """Screen lines as (start, end) offsets; a blank line between paragraphs has start == end."""

    width: int
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """The screen line that holds a character offset (the nearest one before it otherwise)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def lines_between(self, start: int, end: int) -> range:
        """The screen lines a span covers."""
        first = self.line_of(start)
        last = self.line_of(max(start, end - 1))
        return range(first, last + 1)


def wrap_paragraphs(text: str, paragraphs: Sequence[Paragraph], width: int) -> LineMap:
    """Wrap each paragraph greedily at word boundaries; line breaks inside a paragraph are kept."""
    width = max(width, 8)
    starts: list[int] = []
    ends: list[int] = []
    for n, para in enumerate(paragraphs):
        if n:
            starts.append(para.start)
            ends.append(para.start)
        pos = para.start
        while pos <= para.end:
            newline = text.find("\n", pos, para.end)
            stop = para.end if newline == -1 else newline
            _wrap_line(text, pos, stop, width, starts, ends)
            if newline == -1:
                break
            pos = newline + 1
    return LineMap(width, tuple(starts), tuple(ends))


def _wrap_line(text: str, start: int, end: int, width: int, starts: list[int], ends: list[int]) -> None:
    line_start, used = start, 0
    for match in _WORD.finditer(text, start, end):
        word_start = match.start()
        word = match.group()
        body = word.rstrip()
        body_cells = len(body) if body.isascii() else cell_len(body)
        if used and used + body_cells > width:
            starts.append(line_start)
            ends.append(word_start)
            line_start, used = word_start, 0
        while body_cells > width:
            # A word wider than the view (a URL, a run of dashes) is cut; wide characters are
            # counted by cells, so cutting by characters stays within the width.
            cut = word_start + _fit(body, width)
            starts.append(line_start)
            ends.append(cut)
            body = body[cut - word_start :]
            word_start = line_start = cut
            body_cells = len(body) if body.isascii() else cell_len(body)
        used += body_cells + (len(word) - len(word.rstrip()))
    starts.append(line_start)
    ends.append(end)


def _fit(body: str, width: int) -> int:
    if body.isascii():
        return width
    cells = 0
    for i, ch in enumerate(body):
        cells += cell_len(ch)
        if cells > width:
            return max(i, 1)
    return len(body)
