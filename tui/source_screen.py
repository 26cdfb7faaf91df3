"""The source of a quote flag, opened around the passage the quote was matched to (key ``o``).

The source file is read through the engine's reader (``checks.text.read``), so the offsets the
flag carries are offsets into the very text shown; the passage is marked and scrolled into view.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from checks import ArticleError, Flag, read_article
from checks.details import QuoteDetails
from checks.text.display import display_text, location

__all__ = ["SourceScreen", "source_of"]

PASSAGE_STYLE = Style(color="black", bgcolor="#e0a030", bold=True)
CONTEXT = 1500  # characters of the source shown either side of the passage


def source_of(flag: Flag | None) -> QuoteDetails | None:
    """The quote details of ``flag`` when it names a source passage to open, else None."""
    details = flag.details if flag is not None else None
    return details if isinstance(details, QuoteDetails) and details.source and flag.related else None


class SourceScreen(ModalScreen[None]):
    """The source file around a quote's passage; escape, q or o closes it."""

    DEFAULT_CSS = """
    SourceScreen {
        align: center middle;
        & > VerticalScroll {
            width: 90%;
            height: 90%;
            padding: 0 1;
            border: thick $primary;
            background: $panel;
        }
        & #source-title { text-style: bold; }
    }
    """

    BINDINGS = [
        Binding("escape,q,o", "close", "Close the source", id="source.close", priority=True),
    ]

    def __init__(self, flag: Flag, details: QuoteDetails) -> None:
        super().__init__()
        self.flag = flag
        self.details = details
        self.passage = flag.related[0]
        self.error: str | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self._title(), id="source-title")
            yield Static(self._body(), id="source-text")

    def _title(self) -> Text:
        d = self.details
        title = Text(f"Source {location(d.source or '?', d.source_line, d.source_col)}")
        if d.source_speaker:
            title.append(f"  ·  {d.source_speaker} speaking")
        title.append("  (escape closes)", style="dim")
        return title

    def _body(self) -> Text:
        try:
            text = read_article(self.details.source or "").text
        except ArticleError as exc:
            self.error = str(exc)
            return Text(f"The source cannot be read now: {exc}", style="italic")
        start, end = self.passage.start, self.passage.end
        if text[start:end] != self.passage.text:
            self.error = "changed"
            return Text("The source file changed since the check: run the check again.", style="italic")
        lo, hi = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
        body = Text("… " if lo else "")
        shift = len(body)
        body.append(display_text(text[lo:hi]))
        body.stylize(PASSAGE_STYLE, shift + start - lo, shift + end - lo)
        if hi < len(text):
            body.append(" …")
        return body

    def on_mount(self) -> None:
        before = self.passage.start - max(0, self.passage.start - CONTEXT)
        # Bring the passage near the top: a line is about the view's width of characters.
        width = max(20, self.size.width - 8)
        self.query_one(VerticalScroll).scroll_to(y=max(0, before // width - 3), animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
