"""The review: the article with its flags, the current flag, the checklist and the progress.

One key resolves a flag and moves on to the next one without a verdict (Prodigy's accept/reject
flow). Every change is saved at once through ``ReviewStore``; a save that would overwrite another
program's change asks first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Footer, Header
from textual.worker import Worker, WorkerState

from checks import Document, Flag, FlagKind
from checks.analysis import Pipeline
from checks.progress import Stage
from checks.kinds import Priority
from checks.model import Sourcing
from checks.review.resume import LoadedArticle, load_article
from checks.review.session import ReviewSession, kind_counts, shown
from checks.text.display import escape_controls

from .article_view import ArticleView
from .checklist_pane import ChecklistPane
from .flag_panel import FlagPanel
from .source_screen import SourceScreen, source_of
from .help_screen import HelpScreen
from .keys import decision_keys, first_bindings, help_sections, key_rows
from .legend import Legend
from .link_actions import LinkActions
from .move_actions import MoveActions
from .priority_actions import PriorityActions
from .progress_pane import ProgressPane
from .queue_list import QueueList
from . import store_actions
from .store_actions import StoreActions
from .verdict_actions import VerdictActions

__all__ = ["ReviewScreen"]


class ReviewScreen(MoveActions, PriorityActions, VerdictActions, LinkActions, StoreActions, Screen[None]):
    """Review the flags of one article at a time from a queue of articles.

    Keys: ``BINDINGS`` below, each with its footer label and, where help says more, its long
    description (``tooltip``). The help screen (?), the command palette and the README's key table
    are made from them (``keys``).
    """

    AUTO_FOCUS = ""  # nothing focused at first, so up/down move between flags (None means the app's "*")

    BINDINGS = [
        Binding("n", "next_flag", "Next", tooltip="Next flag", id="review.next"),
        Binding("j,down", "next_flag", "Next flag", show=False, id="review.next_alt"),
        Binding("p", "previous_flag", "Prev", tooltip="Previous flag", id="review.previous"),
        Binding("k,up", "previous_flag", "Previous flag", show=False, id="review.previous_alt"),
        Binding("]", "next_open", "Next unresolved", show=False, id="review.next_open"),
        Binding("[", "previous_open", "Previous unresolved", show=False, id="review.previous_open"),
        Binding("exclamation_mark", "next_high", "Next high priority", show=False,
                tooltip="Next high-priority flag with no verdict", id="review.next_high"),
        Binding("t", "twin", "Twin passage", show=False, tooltip="Jump to a duplicate's twin passage and back",
                id="review.twin"),
        Binding("o", "open_source", "Open source", show=False,
                tooltip="Open the source of a quote flag around the passage it was matched to", id="review.source"),
        Binding("a", "decide('accepted')", "Accept", tooltip="Accept (verified / sourced adequately)",
                id="review.accept"),
        Binding("A", "accept_low", "Accept low priority", show=False,
                tooltip="Accept every shown low-priority flag with no verdict, with one note (one undo step)",
                id="review.accept_low"),
        Binding("x", "dismiss_flag", "Dismiss", tooltip="Dismiss as a false positive (asks for the reason)",
                id="review.dismiss"),
        Binding("s", "decide('needs_work')", "Needs work", tooltip="Needs work (back to the reporter)",
                id="review.needs_work"),
        Binding("1", "decide('keep_first')", "Keep first", show=False, tooltip="Keep first (duplicate)",
                id="review.keep_first"),
        Binding("2", "decide('keep_second')", "Keep second", show=False, tooltip="Keep second (duplicate)",
                id="review.keep_second"),
        Binding("b", "decide('keep_both')", "Keep both", show=False, tooltip="Keep both (duplicate)",
                id="review.keep_both"),
        Binding("e", "edit_note", "Note", show=False, tooltip="Edit the verdict's note", id="review.note"),
        Binding("w", "confirm_weak", "Confirm re-attached verdict", show=False,
                tooltip="Confirm that a verdict saved before the article changed belongs here",
                id="review.confirm_weak"),
        Binding("u", "undo", "Undo", tooltip="Undo the last verdict or tick", id="review.undo"),
        Binding("ctrl+r", "redo", "Redo", show=False, id="review.redo"),
        Binding("space", "tick", "Tick checklist item", show=False, tooltip="Tick the highlighted checklist item",
                id="review.tick"),
        Binding("c", "focus_checklist", "Go to the checklist", show=False, id="review.checklist"),
        Binding("l", "copy_link", "Copy link", show=False,
                tooltip="Copy the URL of the flag's link to the clipboard (again: its next link)", id="review.copy_link"),
        Binding("f", "filter", "Filter", tooltip="Filter by kind and priority", id="review.filter"),
        Binding("ctrl+s", "save", "Save now", show=False, id="review.save"),
        Binding("S", "sign_off", "Sign off", show=False, id="review.sign_off"),
        Binding("greater_than_sign", "switch_article(1)", "Next article", show=False, id="review.next_article"),
        Binding("less_than_sign", "switch_article(-1)", "Previous article", show=False, id="review.prev_article"),
        Binding("pagedown", "page(1)", "Scroll article down", show=False, id="review.page_down"),
        Binding("pageup", "page(-1)", "Scroll article up", show=False, id="review.page_up"),
        Binding("question_mark", "help", "Help", tooltip="This help", id="review.help"),
        Binding("escape", "unfocus", "Back to the article", show=False, id="review.unfocus"),
    ]

    current: reactive[int | None] = reactive[int | None](None, always_update=True)
    """Index of the flag under review in the current article's flags."""
    kinds: reactive[frozenset[FlagKind] | None] = reactive[frozenset[FlagKind] | None](None)
    """The kinds filter; None shows every kind."""
    priorities: reactive[frozenset[Priority] | None] = reactive[frozenset[Priority] | None](None)
    """The priorities filter; None shows every priority. A flag is shown when both let it through."""

    @dataclass
    class DocumentRead(Message):
        """The loading worker has read an article's text; its analysis is still running."""

        session: ReviewSession
        document: Document

    @dataclass
    class StageStarted(Message):
        """The engine began a stage of an article's analysis: ``done`` of ``total`` stages are finished."""

        session: ReviewSession
        stage: Stage
        done: int
        total: int

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ReviewScreen.StageStarted) and message.session is self.session

    def __init__(
        self, sessions: Sequence[ReviewSession], *, analyzer: Pipeline,
        enabled: frozenset[FlagKind] | None = None,
    ) -> None:
        """``enabled``: the kinds the newsroom config leaves on (None: all), for the legend."""
        super().__init__()
        self.sessions = tuple(sessions)
        self._enabled = enabled
        self.article_index = 0
        self._analyzer = analyzer
        self._loading: dict[Worker[tuple[ReviewSession, LoadedArticle]], ReviewSession] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            yield QueueList(id="queue")
            with Vertical(id="main"):
                yield ArticleView(id="article")
                yield FlagPanel(id="flag")
            with Vertical(id="side"):
                yield ProgressPane(id="progress")
                yield ChecklistPane(id="checklist")
                yield Legend(id="legend", enabled=self._enabled)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(QueueList).display = len(self.sessions) > 1
        self.open_article(0)
        self.set_interval(store_actions.DISK_CHECK_S, self.check_disk)  # another editor's save, a git pull

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """As Widget.notify, but plain text by default and control characters shown, never obeyed:
        messages quote file names, article text and verdict files."""
        message, title = escape_controls(message, keep_lines=True), escape_controls(title)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    @property
    def session(self) -> ReviewSession:
        return self.sessions[self.article_index]

    @property
    def current_flag(self) -> Flag | None:
        flags = self.session.flags
        return flags[self.current] if self.current is not None and self.current < len(flags) else None

    # -- opening articles ---------------------------------------------------------------------

    def open_article(self, index: int) -> None:
        if self.sessions[self.article_index].loaded is not None and index != self.article_index:
            self._save_position(self.session)
        self.article_index = index
        session = self.session
        if session.loaded is None and session.error is None:
            article = self.query_one(ArticleView)
            article.show_message(f"Analysing {session.name} ...")
            article.loading = True
            self.query_one(ProgressPane).show_loading("analysing ...")
            self.query_one(FlagPanel).show_nothing("Analysing the article ...")
            self.title, self.sub_title = "sourcecheck", session.name
            self._loading[self._load(session)] = session
        else:
            self._show_session()
        self._refresh_queue()

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def _load(self, session: ReviewSession) -> tuple[ReviewSession, LoadedArticle]:
        def preview(document: Document) -> None:
            self.post_message(self.DocumentRead(session, document))

        def stage(stage: Stage, done: int, total: int) -> None:
            self.post_message(self.StageStarted(session, stage, done, total))

        with self.app.analysing():  # type: ignore[attr-defined]
            return session, load_article(
                session.article, session.store, reviewer=session.reviewer,
                analyzer=partial(self._analyzer, progress=stage), on_document=preview,
            )

    @on(DocumentRead)
    def _preview(self, event: DocumentRead) -> None:
        """The text is read: show it while the engine looks for flags (minutes for a long report)."""
        session, document = event.session, event.document
        if session is not self.session or session.loaded is not None:
            return
        article = self.query_one(ArticleView)
        article.loading = False
        article.show_document(document, ())
        self.sub_title = " · ".join(p for p in (session.name, document.date) if p)
        self.query_one(ProgressPane).show_loading(f"finding flags in {len(document.sentences):,} sentences ...")
        self.query_one(FlagPanel).show_nothing("The engine is still checking this article; flags appear here.")

    @on(StageStarted)
    def _analysis_stage(self, event: StageStarted) -> None:
        """The engine began a stage: the bar measures how far it is, the label is the stage's own."""
        if event.session is not self.session or event.session.loaded is not None:
            return
        self.query_one(ProgressPane).show_loading(event.stage.label, done=event.done, total=event.total)

    @on(Worker.StateChanged)
    def _load_finished(self, event: Worker.StateChanged) -> None:
        """The one place where loading succeeds or fails."""
        worker = event.worker
        if worker not in self._loading or event.state not in (
            WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED
        ):
            return
        session = self._loading.pop(worker)  # type: ignore[arg-type]
        if event.state is WorkerState.CANCELLED:
            return
        if event.state is WorkerState.SUCCESS and worker.result is not None:
            session.attach(worker.result[1])
            for note in session.loaded.reattach_notes if session.loaded else ():
                self.notify(note, title=session.name, severity="warning", timeout=12)
            if session.dirty:
                self._save(session)
            self.after_open(session)
        else:
            error = worker.error
            session.error = " ".join(str(error).split()) or type(error).__name__
            self.notify(session.error, title="Cannot open", severity="error", timeout=12)
        if session is self.session:
            self._show_session()
        self._refresh_queue()

    def _show_session(self) -> None:
        session = self.session
        article = self.query_one(ArticleView)
        article.loading = False
        if session.error or session.loaded is None:
            article.show_message(session.error or "")
            self.query_one(FlagPanel).show_nothing(session.error or "")
            self.query_one(ProgressPane).show_loading("this article could not be opened", busy=False)
            return
        document = session.loaded.analysis.document
        self.title = "sourcecheck"
        self.sub_title = " · ".join(
            p for p in (session.name, document.date, "READ-ONLY" if session.read_only else "") if p
        )
        if session.read_only and session.foreign is None:
            self.notify(
                f"{session.store.path.parent} is read-only: you can read the review but not change it "
                "(--verdicts PATH writes elsewhere)", severity="warning", timeout=10,
            )
        analysis = session.loaded.analysis
        quiet = (document.sentences[g.sentence] for g in analysis.grades if g.sourcing is Sourcing.BACKGROUND)
        background = [(sentence.start, sentence.end) for sentence in quiet]
        article.show_document(document, session.flags, background=background)
        self.kinds = self.priorities = None
        self.current = session.start_index()
        self._refresh_panels()
        if not session.flags:
            self.query_one(FlagPanel).show_nothing(
                f"No flags in this article: tick the checklist and sign off ({self.key_of('sign_off')})."
            )

    # -- showing state ------------------------------------------------------------------------

    def validate_current(self, value: int | None) -> int | None:
        count = len(self.session.flags) if self.sessions else 0
        if value is None or not count:
            return None
        return max(0, min(value, count - 1))

    def watch_current(self) -> None:
        if not self.is_mounted or self.session.loaded is None:
            return
        article = self.query_one(ArticleView)
        article.showing_twin = False
        article.current = self.current
        self.session.set_position(self.current_flag)
        self._refresh_flag_panel()

    def watch_kinds(self) -> None:
        self._filter_changed()

    def watch_priorities(self) -> None:
        self._filter_changed()

    def _filter_changed(self) -> None:
        """Tint only what the filter shows, and leave a flag it hides for the next one it shows."""
        if not self.is_mounted or self.session.loaded is None:
            return
        article = self.query_one(ArticleView)
        article.visible_kinds, article.visible_priorities = self.kinds, self.priorities
        flag = self.current_flag
        if flag is not None and not shown(flag, self.kinds, self.priorities):
            self.current = self.session.step(self.current, 1, kinds=self.kinds, priorities=self.priorities)
        self._refresh_panels()

    def filter_label(self) -> str | None:
        """What the filter shows, for the progress pane ("unsourced, vague · high"); None: no filter."""
        parts = [", ".join(sorted(k.label for k in self.kinds)) if self.kinds else "",
                 ", ".join(p.value for p in Priority if p in self.priorities) if self.priorities else ""]
        return " · ".join(p for p in parts if p) or None

    def _refresh_panels(self) -> None:
        session = self.session
        if session.loaded is None:
            return
        review = session.review
        self.query_one(ProgressPane).show_progress(
            resolved=session.resolved_count(),
            total=len(session.flags),
            needs_work=session.needs_work_count(),
            kinds_label=self.filter_label(),
            signed_off=review.signed_off.by if review.signed_off else None,
        )
        self.query_one(ChecklistPane).show_items(session.checklist, session.item_states())
        self.query_one(Legend).show_counts(kind_counts(session.flags), self.kinds)
        self._refresh_flag_panel()
        self._refresh_queue()

    def _refresh_flag_panel(self) -> None:
        session, flag, panel = self.session, self.current_flag, self.query_one(FlagPanel)
        if session.loaded is None or flag is None:
            return
        analysis = session.loaded.analysis
        panel.show_flag(
            flag,
            document=analysis.document,
            position=f"flag {self.current + 1 if self.current is not None else 0} of {len(session.flags)}",
            verdict=session.review.verdict(flag.id),
            pair=analysis.pair_for(flag),
            weak=session.pending_weak(flag),
            showing_twin=self.query_one(ArticleView).showing_twin,
            decision_keys=self.decision_keys(flag.kind),
            confirm_key=self.key_of("confirm_weak"),
        )

    def _refresh_queue(self) -> None:
        if len(self.sessions) > 1:
            rows = [(s.name, s.progress_label()) for s in self.sessions]
            self.query_one(QueueList).show_queue(rows, self.article_index)

    # -- moving -------------------------------------------------------------------------------

    @on(FlagPanel.TwinRequested)
    def action_twin(self) -> None:
        flag = self.current_flag
        if flag is None or flag.kind is not FlagKind.DUPLICATE or not flag.related:
            self.notify(f"{self.key_of('twin')} jumps between the two passages of a duplicate; this flag is not one.")
            return
        article = self.query_one(ArticleView)
        article.showing_twin = not article.showing_twin
        self._refresh_flag_panel()

    @on(ArticleView.FlagClicked)
    def _clicked(self, event: ArticleView.FlagClicked) -> None:
        self.current = event.index

    @on(QueueList.ArticleChosen)
    def _article_chosen(self, event: QueueList.ArticleChosen) -> None:
        if event.index != self.article_index:
            self.open_article(event.index)

    def action_open_source(self) -> None:
        flag = self.current_flag
        details = source_of(flag)
        if flag is None or details is None:
            self.notify("Only a quote flag matched to a source passage has a source to open.", severity="warning")
            return
        self.app.push_screen(SourceScreen(flag, details))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(help_sections(self.BINDINGS, self.app)))

    def key_rows(self) -> list[tuple[str, str, str]]:
        """(keys, description, action) for each action of this screen, for help and the palette."""
        return key_rows(self.BINDINGS, self.app)

    def key_of(self, action: str) -> str:
        """The first key bound to ``action``, as the app displays it (for hints in messages)."""
        return self.app.get_key_display(first_bindings(self.BINDINGS)[action])

    def decision_keys(self, kind: FlagKind) -> list[tuple[str, str]]:
        """(key, what it does) for each decision a flag of ``kind`` can take: the flag panel's hint."""
        return decision_keys(self.BINDINGS, self.app, kind)
