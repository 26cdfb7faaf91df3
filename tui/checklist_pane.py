"""The article's checklist: each item ticked by the reviewer, with the engine's live objection.

An item the engine can judge ("no duplicated passages") shows what still blocks it, so the
reviewer sees why sign-off is refused before asking for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from checks.text.display import escape_controls
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from checks.review.checklist import Checklist, ItemState

__all__ = ["ChecklistPane"]


class ChecklistPane(OptionList):
    """Checklist items; enter (or a click) ticks the highlighted one, as space does on the screen.

    | Key | Description |
    | :- | :- |
    | up/down | Move between items (when the list has focus). |
    | enter | Tick or untick the highlighted item. |
    """

    DEFAULT_CSS = """
    ChecklistPane {
        height: 1fr;
        border: round $primary-darken-2;
        border-title-color: $text;
        &:focus { border: round $accent; }
    }
    """

    @dataclass
    class TickRequested(Message):
        """Tick or untick the item with this id."""

        item_id: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Checklist"
        self._ids: list[str] = []

    def show_items(self, checklist: Checklist, states: Sequence[ItemState]) -> None:
        keep = self.highlighted
        self.clear_options()
        self._ids = [item.id for item in checklist.items]
        self.add_options(_option(item.id, item.text, state) for item, state in zip(checklist.items, states))
        done = sum(1 for s in states if s.done)
        self.border_title = f"Checklist {done}/{len(states)}"
        if self._ids:
            self.highlighted = min(keep or 0, len(self._ids) - 1)

    @property
    def highlighted_item(self) -> str | None:
        if self.highlighted is None or not 0 <= self.highlighted < len(self._ids):
            return None
        return self._ids[self.highlighted]

    @on(OptionList.OptionSelected)
    def _tick_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.TickRequested(event.option.id))


def _option(item_id: str, text: str, state: ItemState) -> Option:
    prompt = Text()
    prompt.append("[x] " if state.ticked else "[ ] ", style="bold green" if state.done else "bold")
    prompt.append(escape_controls(text), style="" if not state.done else "dim")
    if state.blocked_by:
        prompt.append(f"\n    open: {escape_controls(state.blocked_by)}", style="italic #e0a030")
    return Option(prompt, id=item_id)
