"""Ask for a note: the reason for dismissing a flag (required), a note on a verdict, or the one
note of a bulk accept."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

__all__ = ["NoteDialog"]


class NoteDialog(ModalScreen[str | None]):
    """One line of text; enter saves, escape cancels. With ``required`` an empty note is refused."""

    DEFAULT_CSS = """
    NoteDialog {
        align: center middle;
        & > Vertical {
            width: 72;
            height: auto;
            padding: 1 2;
            border: thick $primary;
            background: $panel;
        }
        & #note-title { text-style: bold; }
        & #note-error { color: $error; height: auto; }
        & #note-hint { color: $text-muted; }
    }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note.cancel", priority=True)]

    def __init__(
        self, title: str, *, initial: str = "", required: bool = False, placeholder: str = "",
        required_message: str = "A reason is required: say why this is a false positive.",
    ) -> None:
        super().__init__()
        self._required_message = required_message
        self._title = title
        self._initial = initial
        self._required = required
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self._title, id="note-title", markup=False)
            yield Input(self._initial, placeholder=self._placeholder, id="note-input")
            yield Static("", id="note-error", markup=False)
            yield Static("enter to save · escape to cancel", id="note-hint", markup=False)

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        note = event.value.strip()
        if self._required and not note:
            self.query_one("#note-error", Static).update(self._required_message)
            self.app.bell()
            return
        self.dismiss(note)

    def action_cancel(self) -> None:
        self.dismiss(None)
