"""Every key of the app, read from the bindings themselves so no list can drift.

Each binding carries its short label (``description``, for the footer) and, where help should say
more, its long description (``tooltip``) beside it. The help screen, the command palette, the flag
panel's hints and the README's key table (held to them by ``tests/test_keys.py``) are made from
them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.app import App

__all__ = ["HelpScreen", "help_sections", "key_rows", "key_table"]

# The checklist and the article list are Textual OptionLists: these keys are Textual's own, not
# bound here, so they are described here.
_LIST_KEYS = [
    ("up / down", "Move the highlight"),
    ("enter", "Tick the item / open the article"),
    ("escape", "Back to the article"),
]


def key_rows(bindings: Iterable[BindingType], app: App[object]) -> list[tuple[str, str, str]]:
    """(keys, description, action) per action, keys in binding order, as the app displays them.

    The description is the first binding's long one (``tooltip``), else its footer label."""
    keys: dict[str, list[str]] = {}
    described: dict[str, str] = {}
    for binding in Binding.make_bindings(bindings):
        keys.setdefault(binding.action, []).append(app.get_key_display(binding))
        described.setdefault(binding.action, binding.tooltip or binding.description)
    return [(" / ".join(k), described[a], a) for a, k in keys.items()]


def help_sections(
    bindings: Iterable[BindingType], app: App[object]
) -> list[tuple[str, list[tuple[str, str]]]]:
    """The help's sections: the review screen's ``bindings``, then the widgets' and the app's."""
    from .flag_panel import FlagPanel

    return [
        ("Review", _rows(bindings, app)),
        ("Flag panel (when it has focus)", _rows(FlagPanel.BINDINGS, app)),
        ("Checklist and article list (c or tab to reach them)", list(_LIST_KEYS)),
        ("App", _rows(type(app).BINDINGS, app)),
    ]


def _rows(bindings: Iterable[BindingType], app: App[object]) -> list[tuple[str, str]]:
    return [(k, d) for k, d, _ in key_rows(bindings, app)]


def key_table(sections: Sequence[tuple[str, Sequence[tuple[str, str]]]]) -> list[str]:
    """The README's key table (Markdown lines) for these help sections: one row per help row."""
    lines = ["| Key | What it does |", "| --- | --- |"]
    for _heading, rows in sections:
        for keys, description in rows:
            lines.append(f"| {' / '.join(f'`{k}`' for k in keys.split(' / '))} | {description} |")
    return lines


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
