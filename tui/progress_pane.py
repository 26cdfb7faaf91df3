"""How far the review has come: "7 of 21 flags resolved", a bar, the filter and the sign-off."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import ProgressBar, Static

__all__ = ["ProgressPane"]


class ProgressPane(Vertical):
    """Resolved flags out of all flags, and what the reviewer is looking at."""

    DEFAULT_CSS = """
    ProgressPane {
        height: auto;
        padding: 0 1;
        & > #progress-label { height: auto; }
        & > ProgressBar { margin: 0; }
        & > ProgressBar Bar { width: 1fr; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="progress-label")
        yield ProgressBar(total=1, show_eta=False, show_percentage=True, id="progress-bar")

    def show_progress(
        self, *, resolved: int, total: int, needs_work: int, kinds_label: str | None, signed_off: str | None
    ) -> None:
        text = Text()
        text.append(f"{resolved} of {total} flags resolved", style="bold")
        if needs_work:
            text.append(f"\n{needs_work} sent back as needing work", style="#e0a030")
        if kinds_label:
            text.append(f"\nfilter: {kinds_label}", style="italic")
        if signed_off:
            text.append(f"\nsigned off by {signed_off}", style="bold green")
        self.query_one("#progress-label", Static).update(text)
        self.query_one(ProgressBar).update(total=max(total, 1), progress=resolved if total else 1)

    def show_loading(self, message: str, *, busy: bool = True, done: int | None = None, total: int = 1) -> None:
        """A message instead of the counts. The bar shows ``done`` of ``total`` stages when the
        engine reports them; otherwise ``busy`` animates it while the engine works."""
        self.query_one("#progress-label", Static).update(Text(message, style="italic"))
        if done is not None:
            self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        else:
            self.query_one(ProgressBar).update(total=None if busy else 1, progress=0)
