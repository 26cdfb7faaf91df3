"""The current flag in full: kind, reason, evidence, verdict and note; duplicates side by side.

For a duplicate the two passages sit next to each other with the words that differ marked and
the phrases they share tinted, so the reviewer sees at a glance which version to keep.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from checks import Document, DuplicatePair, Flag, FlagKind
from checks.details import DuplicateDetails, QuoteDetails, ReusedDetails
from checks.kinds import Priority, Related, registry
from checks.model import DiffOp
from checks.review.reattach import WeakMatch
from checks.duplicates.word_diff import word_diff
from checks.review.verdicts import Verdict
from checks.sourcing.links import links_of_flag
from checks.text.display import display_text, escape_controls, location, truncate

from .palette import PRIORITY_STYLES, kind_style

__all__ = ["FlagPanel"]

DIFF_STYLE = Style(color="black", bgcolor="#e0a030", bold=True)
SHARED_STYLE = Style(underline=True)
# Flags shown as two passages side by side: the twin in this article, or the corpus source.
# Kinds whose related span is a whole passage to read beside the flagged one.
_COMPARED = frozenset(k for k, d in registry().items() if d.related in (Related.REPEAT, Related.SOURCE))
DECISION_STYLES = {
    "accepted": "bold green",
    "dismissed": "bold yellow",
    "needs_work": "bold red",
}


class FlagPanel(VerticalScroll, can_focus=True):
    """Details of one flag. Its key (tab: the twin passage) is described in ``BINDINGS``."""

    DEFAULT_CSS = """
    FlagPanel {
        /* As tall as the flag needs, up to a limit (then it scrolls): a short flag leaves its lines to the article. */
        height: auto;
        max-height: 14;
        &.-duplicate { max-height: 50%; }  /* two passages side by side, but never more than half the column */
        border-top: solid $primary-darken-2;
        padding: 0 1;
        & > #flag-summary { width: 1fr; }
        & > #flag-twins { height: auto; display: none; margin-top: 1; }
        & > #flag-twins.-shown { display: block; }
        & #flag-first, & #flag-second { width: 1fr; padding: 0 1; }
        & #flag-first { border-right: vkey $primary-darken-2; }
        &:focus { border-top: solid $accent; }
    }
    """

    BINDINGS = [
        Binding("tab", "twin", "Twin passage",
                tooltip="Twin passage of a duplicate and back (shift+tab leaves the panel)", id="flag_panel.twin"),
    ]

    @dataclass
    class TwinRequested(Message):
        """The reviewer asked to see the other passage of the duplicate (or to go back)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._has_twin = False

    def compose(self) -> ComposeResult:
        yield Static(id="flag-summary")
        with Horizontal(id="flag-twins"):
            yield Static(id="flag-first")
            yield Static(id="flag-second")

    def action_twin(self) -> None:
        # Only a duplicate has a twin; elsewhere tab keeps its usual job of moving focus on.
        if self._has_twin:
            self.post_message(self.TwinRequested())
        else:
            self.app.action_focus_next()

    def show_nothing(self, message: str) -> None:
        self.query_one("#flag-summary", Static).update(Text(escape_controls(message, keep_lines=True), style="italic"))
        self.query_one("#flag-twins").remove_class("-shown")
        self._has_twin = False
        self.remove_class("-duplicate")

    def show_flag(
        self,
        flag: Flag,
        *,
        document: Document,
        position: str,
        verdict: Verdict | None,
        pair: DuplicatePair | None = None,
        weak: WeakMatch | None = None,
        showing_twin: bool = False,
        decision_keys: Sequence[tuple[str, str]],
        confirm_key: str,
    ) -> None:
        """``decision_keys``: (key, what it does) for the decisions this flag can take, shown as a
        hint while it has no verdict; ``confirm_key`` confirms a weakly matched saved verdict."""
        self.query_one("#flag-summary", Static).update(
            _summary(flag, document, position, verdict, weak, decision_keys, confirm_key)
        )
        twins = self.query_one("#flag-twins")
        self._has_twin = flag.kind is FlagKind.DUPLICATE and bool(flag.related)
        compared = flag.kind in _COMPARED and bool(flag.related)
        self.set_class(compared, "-duplicate")
        if compared:
            first, second = _side_by_side(flag, document, pair, showing_twin)
            self.query_one("#flag-first", Static).update(first)
            self.query_one("#flag-second", Static).update(second)
            twins.add_class("-shown")
        else:
            twins.remove_class("-shown")
        self.scroll_home(animate=False)


def _summary(
    flag: Flag, document: Document, position: str, verdict: Verdict | None, weak: WeakMatch | None,
    decision_keys: Sequence[tuple[str, str]], confirm_key: str,
) -> Text:
    line, col = document.line_col(flag.start)
    text = Text()
    text.append(f" {flag.kind.label} ", style=kind_style(flag.kind) + Style(bold=True))
    text.append(f"  {position}  ·  line {line}:{col}  ·  ", style="dim")
    marker = "! " if flag.priority is Priority.HIGH else ""
    text.append(f"{marker}{flag.priority.value} priority\n", style=PRIORITY_STYLES[flag.priority])
    text.append(display_text(flag.message))
    text.append("\n")
    if flag.kind not in _COMPARED:
        text.append("Passage: ", style="bold")
        text.append(display_text(truncate(flag.text, 300)))
        text.append("\n")
        if flag.related:
            text.append("Evidence: ", style="bold")
            for n, span in enumerate(flag.related):
                if n:
                    text.append(", ")
                text.append(f"“{display_text(span.text)}”", style="underline")
            text.append("\n")
    for link in links_of_flag(document, flag):
        text.append("Link: ", style="bold")
        text.append(display_text(link.url), style="underline")
        text.append(f"  (“{display_text(truncate(link.text, 40))}”)\n", style="dim")
    text.append("Verdict: ", style="bold")
    if verdict is None:
        text.append("none yet", style="italic")
        if decision_keys:
            text.append("  " + " · ".join(f"{key} {what}" for key, what in decision_keys), style="dim")
        if weak is not None:
            text.append(f"\nSaved before the article changed ({weak.score:.0f}% match): ", style="bold #e0a030")
            text.append(weak.verdict.decision.label, style=DECISION_STYLES.get(weak.verdict.decision.value, "bold"))
            text.append(f" on “{display_text(truncate(weak.verdict.text, 120))}”")
            text.append(f"  {confirm_key} confirms it here", style="bold")
    else:
        text.append(verdict.decision.label, style=DECISION_STYLES.get(verdict.decision.value, "bold cyan"))
        if verdict.by:
            text.append(f" by {escape_controls(verdict.by)}", style="dim")
        if verdict.note:
            text.append("\nNote: ", style="bold")
            text.append(display_text(verdict.note))
    return text


def _side_by_side(
    flag: Flag, document: Document, pair: DuplicatePair | None, showing_twin: bool
) -> tuple[Text, Text]:
    """The flagged passage and its twin (a duplicate) or its source (reused from the corpus)."""
    other = flag.related[0]
    ops: tuple[DiffOp, ...] = pair.diff if pair is not None and pair.diff else word_diff(
        flag.text, other.text, offset_a=flag.start, offset_b=other.start
    )
    details = flag.details
    shared = list(details.shared) if isinstance(details, (DuplicateDetails, ReusedDetails)) else []
    changed_a = [(op.a_start, op.a_end) for op in ops if op.tag != "equal"]
    changed_b = [(op.b_start, op.b_end) for op in ops if op.tag != "equal"]
    line = document.line_col(flag.start)[0]
    if flag.kind is FlagKind.REUSED:
        # The source passage's offsets are into the corpus file, not this article.
        source = (location(details.source, details.source_line, details.source_col)
                  if isinstance(details, ReusedDetails) else "corpus:?")
        return (
            _passage(f"This article (line {line})", flag.start, flag.text, shared, changed_a, in_view=False),
            _passage(f"Source {source}", other.start, other.text, shared, changed_b, in_view=False),
        )
    if isinstance(details, QuoteDetails):
        # A quotation beside the source passage it was matched to (offsets into the source file).
        who = f" · {details.source_speaker}" if details.source_speaker else ""
        said = f" · said by {details.speaker}" if details.speaker else ""
        source = location(details.source or "?", details.source_line, details.source_col)
        return (
            _passage(f"Quote (line {line}){said}", flag.start, flag.text, [], changed_a, in_view=False),
            _passage(f"Source {source}{who}", other.start, other.text, [], changed_b, in_view=False),
        )
    twin_line = document.line_col(other.start)[0]
    return (
        _passage(f"First (line {line})", flag.start, flag.text, shared, changed_a, in_view=not showing_twin),
        _passage(f"Second (line {twin_line})", other.start, other.text, shared, changed_b, in_view=showing_twin),
    )


def _passage(
    title: str, start: int, passage: str, shared: list[str], changed: list[tuple[int, int]], *, in_view: bool
) -> Text:
    body = Text(display_text(passage))
    folded = passage.lower()  # lower() keeps offsets; casefold() can change lengths
    for phrase in shared:
        needle = phrase.lower()
        at = folded.find(needle) if needle else -1
        while at != -1:
            body.stylize(SHARED_STYLE, at, at + len(needle))
            at = folded.find(needle, at + len(needle))
    for a, b in changed:
        if b > a:
            body.stylize(DIFF_STYLE, a - start, b - start)
    head = Text()
    head.append(display_text(title), style="bold")
    head.append("  ◀ in view (t)\n" if in_view else "\n", style="bold")
    return head + body
