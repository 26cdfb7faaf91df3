"""Every key of the review, read from the bindings themselves so the list cannot drift."""

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
    from textual.screen import Screen

__all__ = ["HelpScreen", "help_sections", "key_rows"]

# Footer labels are short; help and the palette can say more.
LONG_DESCRIPTIONS = {
    "next_flag": "Next flag",
    "previous_flag": "Previous flag",
    "decide('accepted')": "Accept (verified / sourced adequately)",
    "dismiss_flag": "Dismiss as a false positive (asks for the reason)",
    "decide('needs_work')": "Needs work (back to the reporter)",
    "edit_note": "Edit the verdict's note",
    "confirm_weak": "Confirm that a verdict saved before the article changed belongs here",
    "twin": "Jump to a duplicate's twin passage and back",
    "tick": "Tick the highlighted checklist item",
    "undo": "Undo the last verdict or tick",
    "filter": "Filter by kind",
    "help": "This help",
}


def key_rows(bindings: Iterable[BindingType], app: App[object]) -> list[tuple[str, str, str]]:
    """(keys, description, action) per action, keys in binding order, as the app displays them."""
    keys: dict[str, list[str]] = {}
    described: dict[str, str] = {}
    for binding in Binding.make_bindings(bindings):
        keys.setdefault(binding.action, []).append(app.get_key_display(binding))
        described.setdefault(binding.action, binding.description)
    return [(" / ".join(k), LONG_DESCRIPTIONS.get(a, described[a]), a) for a, k in keys.items()]


def help_sections(screen: Screen[object]) -> list[tuple[str, list[tuple[str, str]]]]:
    """The help's sections for the review screen: its own keys, then the widgets' and the app's."""
    from .flag_panel import FlagPanel

    return [
        ("Review", [(k, d) for k, d, _ in key_rows(screen.BINDINGS, screen.app)]),
        ("Flag panel (when it has focus)", [
            (k, "Twin passage of a duplicate and back (shift+tab leaves the panel)")
            for k, _, _ in key_rows(FlagPanel.BINDINGS, screen.app)
        ]),
        ("Checklist and article list (c or tab to reach them)", [
            ("up / down", "Move the highlight"),
            ("enter", "Tick the item / open the article"),
            ("escape", "Back to the article"),
        ]),
        ("App", [("q", "Quit (asks if unsaved work would be lost)"), ("ctrl+p", "Command palette")]),
    ]


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
