"""The help: every key of the app in a table, grouped by where it works (``keys.help_sections``)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

__all__ = ["HelpScreen"]


class HelpScreen(ModalScreen[None]):
    """A table of keys grouped by where they work; escape, q or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > VerticalScroll {
            width: 84;
            height: 90%;
            padding: 0 1;
            border: thick $primary;
            background: $panel;
        }
    }
    """

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close help", id="help.close", priority=True),
    ]

    def __init__(self, sections: Sequence[tuple[str, Sequence[tuple[str, str]]]]) -> None:
        """``sections``: (heading, rows of (keys, description))."""
        super().__init__()
        self._sections = tuple(sections)

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self._table())

    def _table(self) -> Group:
        parts: list[Text | Table] = [Text("sourcecheck keys", style="bold", justify="center")]
        for heading, rows in self._sections:
            parts.append(Text(f"\n{heading}", style="bold underline"))
            table = Table(box=None, show_header=False, padding=(0, 2), expand=True)
            table.add_column("keys", style="bold", no_wrap=True, width=16)
            table.add_column("what it does", ratio=1)
            for keys, description in rows:
                table.add_row(Text(keys), Text(description))
            parts.append(table)
        parts.append(Text("\nAlso in the command palette (ctrl+p). escape, q or ? closes this help.", style="dim"))
        return Group(*parts)

    def action_close(self) -> None:
        self.dismiss(None)
