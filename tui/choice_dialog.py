"""A question with a few answers, each on its own key: quit with unsaved work, a save conflict."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from checks.text.display import escape_controls

__all__ = ["ChoiceDialog"]


class ChoiceDialog(ModalScreen[str | None]):
    """Returns the id of the chosen answer, or None on escape.

    ``choices`` are (id, label, key) triples; pressing a choice's key answers it.
    """

    DEFAULT_CSS = """
    ChoiceDialog {
        align: center middle;
        & > Vertical {
            width: 76;
            height: auto;
            padding: 1 2;
            border: thick $warning;
            background: $panel;
        }
        & #choice-title { text-style: bold; margin-bottom: 1; }
        & Horizontal { height: auto; margin-top: 1; }
        & Button { margin-right: 2; }
    }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choice.cancel", priority=True)]

    def __init__(self, title: str, body: str, choices: Sequence[tuple[str, str, str]]) -> None:
        super().__init__()
        self._title = escape_controls(title)
        self._body = escape_controls(body, keep_lines=True)
        self._choices = tuple(choices)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._title, id="choice-title", markup=False)
            yield Static(self._body, markup=False)
            with Horizontal():
                for choice_id, label, key in self._choices:
                    yield Button(f"{label} ({key})", id=f"choice-{choice_id}")

    def on_key(self, event) -> None:  # type: ignore[no-untyped-def]
        for choice_id, _label, key in self._choices:
            if event.character == key:
                event.stop()
                self.dismiss(choice_id)
                return

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("choice-"))

    def action_cancel(self) -> None:
        self.dismiss(None)
