"""A SelectionList whose marks say chosen or not in the glyph, not only in colour: "✓" chosen,
blank not (Textual's own shows "X" for both and tells them apart by colour alone, which a
colour-blind reviewer or a monochrome terminal cannot see)."""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets._toggle_button import ToggleButton

__all__ = ["CHOSEN_MARK", "MarkList", "UNCHOSEN_MARK"]

CHOSEN_MARK = "✓"
UNCHOSEN_MARK = " "


class MarkList(SelectionList[str]):
    """SelectionList with "✓" on chosen rows and a blank on the others."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 3 or segments[0].text != ToggleButton.BUTTON_LEFT:
            return strip  # a line with no button (past the last option)
        index = self.scroll_offset.y + y
        chosen = self.get_option_at_index(index).value in self.selected
        inner = segments[1]
        mark = Segment(CHOSEN_MARK if chosen else UNCHOSEN_MARK, inner.style, inner.control)
        return Strip([segments[0], mark, *segments[2:]], strip.cell_length)
