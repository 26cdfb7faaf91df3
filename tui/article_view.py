"""The article as written, every flag tinted in place, drawn a screen line at a time.

A Line API widget: it wraps the text once per width (``line_map``) and renders only the lines in
sight, so a 1 MB article paints as fast as a short one and moving between flags re-renders a
screen's worth of lines.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from checks import Document, Flag, FlagKind, Paragraph
from checks.review.session import shown
from checks.text.display import display_text, escape_controls
from checks.kinds import Priority, Related, spec

from .line_map import LineMap, wrap_paragraphs
from .palette import BACKGROUND_STYLE, CUE_STYLE, CURRENT_STYLE, HIGH_PRIORITY_STYLE, TWIN_STYLE, kind_style

__all__ = ["ArticleView"]


class ArticleView(ScrollView, can_focus=False):
    """Shows a document with its flags; the screen moves ``current`` and the view follows.

    It takes no keys of its own (the review screen's keys drive it); the mouse wheel scrolls and a
    click on a tinted passage selects that flag.
    """

    DEFAULT_CSS = """
    ArticleView {
        overflow-y: scroll;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        padding: 0 1;
        background: $surface;
    }
    """

    @dataclass
    class FlagClicked(Message):
        """The reader clicked a flagged passage."""

        index: int

    current: reactive[int | None] = reactive[int | None](None, layout=False)
    """Index into the flags of the flag under review."""
    showing_twin: reactive[bool] = reactive(False)
    """True while the view shows the other passage of the current duplicate."""
    visible_kinds: reactive[frozenset[FlagKind] | None] = reactive[frozenset[FlagKind] | None](None)
    """Kinds to tint; None tints every kind."""
    visible_priorities: reactive[frozenset[Priority] | None] = reactive[frozenset[Priority] | None](None)
    """Priorities to tint; None tints every priority. A flag is tinted when both filters let it through."""

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._document: Document | None = None
        self._text = ""
        self._blocks: tuple[Paragraph, ...] = ()
        self._body_start = 0  # the headline, if any, ends before this offset
        self._flags: tuple[Flag, ...] = ()
        self._flag_starts: list[int] = []
        self._background: list[tuple[int, int]] = []
        self._background_starts: list[int] = []
        self._longest_flag = 0
        self._lines: LineMap | None = None
        self._message: str | None = None
        self._pending_scroll: tuple[int, int] | None = None
        self._strips: LRUCache[tuple[int, int], Strip] = LRUCache(1024)

    # -- content ------------------------------------------------------------------------------

    def show_document(
        self, document: Document, flags: Sequence[Flag], *, background: Sequence[tuple[int, int]] = ()
    ) -> None:
        """``background``: (start, end) of the sentences graded background (no source, and no
        check-worthy claim to need one), drawn dim: not flags, but the reader sees them set aside."""
        self._document = document
        self._background = sorted(background)
        self._background_starts = [b[0] for b in self._background]
        self._text = display_text(document.text)
        self._blocks = _blocks(document)
        self._body_start = document.paragraphs[0].start if document.paragraphs else 0
        self._flags = tuple(flags)
        self._flag_starts = [f.start for f in self._flags]
        self._longest_flag = max((f.end - f.start for f in self._flags), default=0)
        self._message = None
        self._lines = None
        self.set_reactive(ArticleView.current, None)
        self.set_reactive(ArticleView.showing_twin, False)
        self._relayout()

    def show_message(self, message: str) -> None:
        """Replace the article with one line of text (still loading, or could not be read)."""
        self._document = None
        self._flags = ()
        self._flag_starts = []
        self._background, self._background_starts = [], []
        self._message = escape_controls(message, keep_lines=True)
        self._lines = None
        self._relayout()

    @property
    def line_map(self) -> LineMap | None:
        return self._lines

    @property
    def focus_span(self) -> tuple[int, int] | None:
        """The span the view is showing as current: the flag, or its twin passage."""
        flag = self._current_flag()
        if flag is None:
            return None
        if self.showing_twin and flag.related:
            return flag.related[0].start, flag.related[0].end
        return flag.start, flag.end

    def _current_flag(self) -> Flag | None:
        if self.current is None or not 0 <= self.current < len(self._flags):
            return None
        return self._flags[self.current]

    # -- reacting to state --------------------------------------------------------------------

    def watch_current(self) -> None:
        self._restyle_and_follow()

    def watch_showing_twin(self) -> None:
        self._restyle_and_follow()

    def watch_visible_kinds(self) -> None:
        self._strips.clear()
        self.refresh()

    def watch_visible_priorities(self) -> None:
        self._strips.clear()
        self.refresh()

    def _restyle_and_follow(self) -> None:
        self._strips.clear()
        span = self.focus_span
        if span is not None:
            self.scroll_to_span(*span)
        self.refresh()

    def scroll_to_span(self, start: int, end: int) -> None:
        """Bring a span into view, a third of the way down, unless it is already in sight."""
        if self._lines is None:
            self._pending_scroll = (start, end)
            return
        lines = self._lines.lines_between(start, end)
        top = int(self.scroll_y)
        height = max(1, self.scrollable_content_region.height)
        if lines.start >= top and lines.stop <= top + height:
            return
        self.scroll_to(y=max(0, lines.start - height // 3), animate=False, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        self._strips.clear()
        if width <= 0:
            return
        if self._document is not None:
            if self._lines is None or self._lines.width != width:
                self._lines = wrap_paragraphs(self._text, self._blocks, width)
            self.virtual_size = Size(width, len(self._lines))
        else:
            self.virtual_size = Size(width, 1 if self._message else 0)
        pending = self._pending_scroll or self.focus_span
        self._pending_scroll = None
        if pending is not None and self._lines is not None:
            self.scroll_to_span(*pending)
        self.refresh()

    # -- drawing ------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        strip = self._strips.get((index, width))
        if strip is None:
            strip = self._render_screen_line(index, base)
            self._strips[(index, width)] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _render_screen_line(self, index: int, base: object) -> Strip:
        if self._lines is None or index >= len(self._lines):
            if index == 0 and self._message:
                text = Text(self._message, style="italic", no_wrap=True, end="")
                return Strip(list(text.render(self.app.console)), text.cell_len)
            return Strip([Segment("", base)], 0)  # type: ignore[arg-type]
        start, end = self._lines.starts[index], self._lines.ends[index]
        text = Text(self._text[start:end], no_wrap=True, end="")
        # As a span, not Text(style=...): Text.render drops the base style of a text with no spans.
        text.stylize(base)  # type: ignore[arg-type]
        if start < self._body_start:
            text.stylize("bold")
        self._paint_background(text, start, end)
        self._paint_flags(text, start, end)
        return Strip(list(text.render(self.app.console)), text.cell_len)

    def _paint_background(self, text: Text, start: int, end: int) -> None:
        # Sentences do not overlap, so the one before the first starting in the line may reach into it.
        first = max(0, bisect_left(self._background_starts, start) - 1)
        for b_start, b_end in self._background[first:bisect_left(self._background_starts, end)]:
            self._emphasise(text, start, end, b_start, b_end, BACKGROUND_STYLE)

    def _paint_flags(self, text: Text, start: int, end: int) -> None:
        kinds, priorities = self.visible_kinds, self.visible_priorities
        first = bisect_left(self._flag_starts, start - self._longest_flag)
        last = bisect_left(self._flag_starts, end)
        for flag in self._flags[first:last]:
            if flag.end > start and shown(flag, kinds, priorities):
                style = kind_style(flag.kind)
                if flag.priority is Priority.HIGH:
                    style += HIGH_PRIORITY_STYLE
                text.stylize(style, max(flag.start, start) - start, min(flag.end, end) - start)
        flag = self._current_flag()
        if flag is None:
            return
        self._emphasise(text, start, end, flag.start, flag.end, CURRENT_STYLE)
        related = spec(flag.kind).related
        if related is Related.REPEAT:
            if self.showing_twin and flag.related:
                self._emphasise(text, start, end, flag.related[0].start, flag.related[0].end, TWIN_STYLE)
        elif related is not Related.SOURCE:  # a reused flag's related span is in the corpus file
            for cue in flag.related:
                self._emphasise(text, start, end, cue.start, cue.end, CUE_STYLE)

    @staticmethod
    def _emphasise(text: Text, start: int, end: int, span_start: int, span_end: int, style: object) -> None:
        if span_end > start and span_start < end:
            text.stylize(style, max(span_start, start) - start, min(span_end, end) - start)  # type: ignore[arg-type]

    # -- mouse --------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        if self._lines is None:
            return
        index = int(self.scroll_y) + event.y
        if not 0 <= index < len(self._lines):
            return
        # Offsets count characters and x counts cells; equal for the ASCII that most articles are.
        offset = self._lines.starts[index] + max(0, event.x - self.styles.padding.left)
        if offset >= self._lines.ends[index]:
            return
        first = bisect_left(self._flag_starts, offset - self._longest_flag)
        last = bisect_right(self._flag_starts, offset)
        hits = [i for i in range(first, last) if offset < self._flags[i].end]
        if hits:
            # The innermost passage is the one the reader aimed at.
            self.post_message(self.FlagClicked(min(hits, key=lambda i: self._flags[i].end - self._flags[i].start)))


def _blocks(document: Document) -> tuple[Paragraph, ...]:
    """The paragraphs, after the headline when the engine found one (it is not a paragraph)."""
    first = document.paragraphs[0].start if document.paragraphs else len(document.text)
    at = document.text.find(document.title, 0, first) if document.title else -1
    if at < 0:
        return document.paragraphs
    return (Paragraph(-1, at, at + len(document.title or "")), *document.paragraphs)
