"""Which colour means which kind of flag, with how many of each the article has."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.widgets import Static

from checks import FlagKind

from .palette import LEGEND_GROUPS, kind_style

__all__ = ["Legend"]

COLUMN_WIDTH = 19


class Legend(Static):
    """One row per colour; kinds hidden by the filter are dimmed."""

    DEFAULT_CSS = """
    Legend {
        height: auto;
        padding: 0 1;
    }
    """

    def __init__(self, *, enabled: frozenset[FlagKind] | None = None, id: str | None = None) -> None:
        """``enabled``: the kinds the newsroom config leaves on; rows of kinds switched off are not shown."""
        super().__init__(id=id)
        self._groups = [(label, kinds) for label, kinds in LEGEND_GROUPS
                        if enabled is None or any(k in enabled for k in kinds)]

    def show_counts(self, counts: Mapping[FlagKind, int], visible: frozenset[FlagKind] | None) -> None:
        text = Text()
        # Two columns keep the legend short enough to leave the checklist room.
        for n, (label, kinds) in enumerate(self._groups):
            count = sum(counts.get(k, 0) for k in kinds)
            shown = visible is None or any(k in visible for k in kinds)
            if n:
                text.append("\n" if n % 2 == 0 else "")
            cell = Text()
            cell.append("  ", style=kind_style(kinds[0]))
            cell.append(f" {label} ", style="" if shown else "dim strike")
            cell.append(str(count), style="bold" if count and shown else "dim")
            if n % 2 == 0:
                cell.pad_right(COLUMN_WIDTH - cell.cell_len)
            text.append_text(cell)
        self.update(text)
