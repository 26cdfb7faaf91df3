"""The review queue: every article opened at once, with its progress; choosing one switches to it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from checks.text.display import escape_controls
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

__all__ = ["QueueList"]

NAME_WIDTH = 20


class QueueList(OptionList):
    """Articles in the queue; enter or a click opens the highlighted one.

    | Key | Description |
    | :- | :- |
    | up/down | Move between articles (when the list has focus). |
    | enter | Open the highlighted article. |
    """

    DEFAULT_CSS = """
    QueueList {
        width: 26;
        height: 1fr;
        border: round $primary-darken-2;
        &:focus { border: round $accent; }
    }
    """

    @dataclass
    class ArticleChosen(Message):
        index: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Articles"

    def show_queue(self, rows: Sequence[tuple[str, str]], current: int) -> None:
        """Rows of (article name, progress label); the current article is marked."""
        self.clear_options()
        for n, (name, progress) in enumerate(rows):
            name = escape_controls(name)
            prompt = Text()
            prompt.append("▶ " if n == current else "  ", style="bold")
            # One line per name: long file names are cut in the middle, where they differ least.
            shown = name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 9] + "…" + name[-8:]
            prompt.append(shown, style="bold" if n == current else "")
            prompt.append(f"\n  {progress}", style="green" if progress == "signed off" else "dim")
            self.add_option(Option(prompt, id=str(n)))
        self.border_title = f"Articles {current + 1}/{len(rows)}"
        self.highlighted = current

    @on(OptionList.OptionSelected)
    def _choose(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.ArticleChosen(event.option_index))
