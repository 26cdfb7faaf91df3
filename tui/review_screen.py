"""The review: the article with its flags, the current flag, the checklist and the progress.

One key resolves a flag and moves on to the next one without a verdict (Prodigy's accept/reject
flow). Every change is saved at once through ``ReviewStore``; a save that would overwrite another
program's change asks first.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header
from textual.worker import Worker, WorkerState

from checks import Flag, FlagKind
from checks.store import ExternalChangeError, StoreError
from checks.verdicts import Decision

from .article_view import ArticleView
from .checklist_pane import ChecklistPane
from .choice_dialog import ChoiceDialog
from .filter_dialog import FilterDialog
from .flag_panel import FlagPanel
from .help_screen import HelpScreen
from .legend import Legend
from .note_dialog import NoteDialog
from .progress_pane import ProgressPane
from .queue_list import QueueList
from .session import Analyzer, LoadedArticle, ReadOnlyError, ReviewSession, kind_counts, load_article

__all__ = ["ReviewScreen"]

_DUPLICATE_DECISIONS = {Decision.KEEP_FIRST, Decision.KEEP_SECOND, Decision.KEEP_BOTH}


class ReviewScreen(Screen[None]):
    """Review the flags of one article at a time from a queue of articles.

    | Key | Description |
    | :- | :- |
    | n, j, down / p, k, up | Next / previous flag. |
    | ] / [ | Next / previous flag with no verdict. |
    | t | Jump to the twin passage of a duplicate and back. |
    | a / x / s | Accept / dismiss as a false positive (reason required) / needs work. |
    | 1 / 2 / b | Duplicates: keep first / keep second / keep both. |
    | e | Edit the note of the verdict. |
    | u / ctrl+r | Undo / redo a verdict or tick. |
    | space | Tick the highlighted checklist item. |
    | c / escape | Go to the checklist (up/down, enter) / back to the article. |
    | f | Filter by kind. |
    | ctrl+s | Save now. |
    | S | Sign off the review. |
    | > / < | Next / previous article in the queue. |
    | ? | Help. |
    """

    AUTO_FOCUS = None  # keep focus off the lists so up/down move between flags

    BINDINGS = [
        Binding("n", "next_flag", "Next", id="review.next"),
        Binding("j,down", "next_flag", "Next flag", show=False, id="review.next_alt"),
        Binding("p", "previous_flag", "Prev", id="review.previous"),
        Binding("k,up", "previous_flag", "Previous flag", show=False, id="review.previous_alt"),
        Binding("]", "next_open", "Next unresolved", show=False, id="review.next_open"),
        Binding("[", "previous_open", "Previous unresolved", show=False, id="review.previous_open"),
        Binding("t", "twin", "Twin passage", show=False, id="review.twin"),
        Binding("a", "decide('accepted')", "Accept", id="review.accept"),
        Binding("x", "dismiss_flag", "Dismiss", id="review.dismiss"),
        Binding("s", "decide('needs_work')", "Needs work", id="review.needs_work"),
        Binding("1", "decide('keep_first')", "Keep first (duplicate)", show=False, id="review.keep_first"),
        Binding("2", "decide('keep_second')", "Keep second (duplicate)", show=False, id="review.keep_second"),
        Binding("b", "decide('keep_both')", "Keep both (duplicate)", show=False, id="review.keep_both"),
        Binding("e", "edit_note", "Note", show=False, id="review.note"),
        Binding("u", "undo", "Undo", id="review.undo"),
        Binding("ctrl+r", "redo", "Redo", show=False, id="review.redo"),
        Binding("space", "tick", "Tick checklist item", show=False, id="review.tick"),
        Binding("c", "focus_checklist", "Go to the checklist", show=False, id="review.checklist"),
        Binding("f", "filter", "Filter", id="review.filter"),
        Binding("ctrl+s", "save", "Save now", show=False, id="review.save"),
        Binding("S", "sign_off", "Sign off", show=False, id="review.sign_off"),
        Binding("greater_than_sign", "switch_article(1)", "Next article", show=False, id="review.next_article"),
        Binding("less_than_sign", "switch_article(-1)", "Previous article", show=False, id="review.prev_article"),
        Binding("pagedown", "page(1)", "Scroll article down", show=False, id="review.page_down"),
        Binding("pageup", "page(-1)", "Scroll article up", show=False, id="review.page_up"),
        Binding("question_mark", "help", "Help", id="review.help"),
        Binding("escape", "unfocus", "Back to the article", show=False, id="review.unfocus"),
    ]

    current: reactive[int | None] = reactive[int | None](None, always_update=True)
    """Index of the flag under review in the current article's flags."""
    kinds: reactive[frozenset[FlagKind] | None] = reactive[frozenset[FlagKind] | None](None)
    """The kinds filter; None shows every kind."""

    def __init__(self, sessions: Sequence[ReviewSession], *, analyzer: Analyzer) -> None:
        super().__init__()
        self.sessions = tuple(sessions)
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
                yield Legend(id="legend")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(QueueList).display = len(self.sessions) > 1
        self.open_article(0)

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
        return session, load_article(
            session.article, session.store, reviewer=session.reviewer, analyzer=self._analyzer
        )

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
            self.query_one(ProgressPane).show_loading("this article could not be opened")
            return
        document = session.loaded.analysis.document
        self.title = "sourcecheck"
        self.sub_title = " · ".join(
            p for p in (session.name, document.date, "READ-ONLY" if session.read_only else "") if p
        )
        if session.read_only:
            self.notify(
                f"{session.store.path.parent} is read-only: you can read the review but not change it "
                "(--verdicts PATH writes elsewhere)", severity="warning", timeout=10,
            )
        article.show_document(document, session.flags)
        self.kinds = None
        self.current = session.start_index()
        self._refresh_panels()
        if not session.flags:
            self.query_one(FlagPanel).show_nothing("No flags in this article: tick the checklist and sign off (S).")

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

    def watch_kinds(self, kinds: frozenset[FlagKind] | None) -> None:
        if not self.is_mounted or self.session.loaded is None:
            return
        self.query_one(ArticleView).visible_kinds = kinds
        flag = self.current_flag
        if flag is not None and kinds is not None and flag.kind not in kinds:
            self.current = self.session.step(self.current, 1, kinds=kinds)
        self._refresh_panels()

    def _refresh_panels(self) -> None:
        session = self.session
        if session.loaded is None:
            return
        review = session.review
        self.query_one(ProgressPane).show_progress(
            resolved=session.resolved_count(),
            total=len(session.flags),
            needs_work=session.needs_work_count(),
            kinds_label=", ".join(sorted(k.label for k in self.kinds)) if self.kinds else None,
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
        pair_id = flag.details.get("pair")
        panel.show_flag(
            flag,
            document=analysis.document,
            position=f"flag {self.current + 1 if self.current is not None else 0} of {len(session.flags)}",
            verdict=session.review.verdict(flag.id),
            pair=next((p for p in analysis.duplicates if p.id == pair_id), None),
            weak_match=flag.id in session.loaded.weak_flags,
        )

    def _refresh_queue(self) -> None:
        if len(self.sessions) > 1:
            rows = [(s.name, s.progress_label()) for s in self.sessions]
            self.query_one(QueueList).show_queue(rows, self.article_index)

    # -- moving -------------------------------------------------------------------------------

    def _move(self, direction: int, *, undecided_only: bool) -> None:
        if self.session.loaded is None:
            return
        index = self.session.step(self.current, direction, undecided_only=undecided_only, kinds=self.kinds)
        if index is None:
            self.notify("Every flag here has a verdict." if undecided_only else "No flags to move to.")
        else:
            self.current = index

    def action_next_flag(self) -> None:
        self._move(1, undecided_only=False)

    def action_previous_flag(self) -> None:
        self._move(-1, undecided_only=False)

    def action_next_open(self) -> None:
        self._move(1, undecided_only=True)

    def action_previous_open(self) -> None:
        self._move(-1, undecided_only=True)

    @on(FlagPanel.TwinRequested)
    def action_twin(self) -> None:
        flag = self.current_flag
        if flag is None or flag.kind is not FlagKind.DUPLICATE or not flag.related:
            self.notify("t jumps between the two passages of a duplicate; this flag is not one.")
            return
        article = self.query_one(ArticleView)
        article.showing_twin = not article.showing_twin

    @on(ArticleView.FlagClicked)
    def _clicked(self, event: ArticleView.FlagClicked) -> None:
        self.current = event.index

    def action_page(self, direction: int) -> None:
        article = self.query_one(ArticleView)
        (article.scroll_page_down if direction > 0 else article.scroll_page_up)(animate=False)

    def action_focus_checklist(self) -> None:
        self.query_one(ChecklistPane).focus()

    def action_unfocus(self) -> None:
        self.set_focus(None)

    def action_switch_article(self, step: int) -> None:
        if len(self.sessions) == 1:
            self.notify("Only one article is open (open a folder or several files for a queue).")
            return
        self.open_article((self.article_index + step) % len(self.sessions))

    @on(QueueList.ArticleChosen)
    def _article_chosen(self, event: QueueList.ArticleChosen) -> None:
        if event.index != self.article_index:
            self.open_article(event.index)

    # -- deciding -----------------------------------------------------------------------------

    def action_decide(self, decision: str) -> None:
        flag = self.current_flag
        if flag is None:
            return
        chosen = Decision(decision)
        if chosen in _DUPLICATE_DECISIONS and flag.kind is not FlagKind.DUPLICATE:
            self.notify(f"'{chosen.label}' is for duplicate passages; this flag is a {flag.kind.label}.")
            return
        self._decide(flag, chosen)

    def action_dismiss_flag(self) -> None:
        flag = self.current_flag
        if flag is None or self._refuse_if_read_only():
            return
        verdict = self.session.review.verdict(flag.id)

        def done(note: str | None) -> None:
            if note:
                self._decide(flag, Decision.DISMISSED, note=note)
            else:
                self.notify("Not dismissed: a false positive needs a reason.", severity="warning")

        self.app.push_screen(
            NoteDialog(f"Dismiss this {flag.kind.label} as a false positive: why?",
                       initial=verdict.note if verdict else "", required=True,
                       placeholder="e.g. the source is named in the next sentence"),
            done,
        )

    def action_edit_note(self) -> None:
        flag = self.current_flag
        if flag is None or self._refuse_if_read_only():
            return
        verdict = self.session.review.verdict(flag.id)
        if verdict is None:
            self.notify("Give this flag a verdict first (a, x or s), then add a note.")
            return

        def done(note: str | None) -> None:
            if note is not None:
                self._decide(flag, verdict.decision, note=note, advance=False)

        self.app.push_screen(
            NoteDialog(f"Note on this {verdict.decision.label} verdict", initial=verdict.note,
                       required=verdict.decision is Decision.DISMISSED),
            done,
        )

    def _decide(self, flag: Flag, decision: Decision, *, note: str | None = None, advance: bool = True) -> None:
        try:
            self.session.decide(flag, decision, note=note)
        except ReadOnlyError as exc:
            self.notify(str(exc), severity="warning")
            return
        self._changed()
        if not advance:
            return
        following = self.session.step(self.current, 1, undecided_only=True, kinds=self.kinds)
        if following is None:
            self.notify("Every flag has a verdict: tick the checklist and sign off (S).")
        else:
            self.current = following

    def action_undo(self) -> None:
        self._travel(undo=True)

    def action_redo(self) -> None:
        self._travel(undo=False)

    def _travel(self, *, undo: bool) -> None:
        if self.session.loaded is None:
            return
        try:
            changed = self.session.undo() if undo else self.session.redo()
        except ReadOnlyError as exc:
            self.notify(str(exc), severity="warning")
            return
        if changed is None:
            self.notify("Nothing to undo." if undo else "Nothing to redo.")
            return
        self._changed()
        ids = [f.id for f in self.session.flags]
        if changed and changed[0] in ids:
            self.current = ids.index(changed[0])

    def action_tick(self) -> None:
        item = self.query_one(ChecklistPane).highlighted_item
        if item is not None:
            self._tick(item)

    @on(ChecklistPane.TickRequested)
    def _tick_requested(self, event: ChecklistPane.TickRequested) -> None:
        self._tick(event.item_id)

    def _tick(self, item_id: str) -> None:
        if self.session.loaded is None:
            return
        try:
            self.session.toggle_tick(item_id)
        except ReadOnlyError as exc:
            self.notify(str(exc), severity="warning")
            return
        self._changed()

    def action_filter(self) -> None:
        if self.session.loaded is None:
            return

        def done(kinds: frozenset[FlagKind] | None) -> None:
            self.kinds = kinds

        self.app.push_screen(FilterDialog(kind_counts(self.session.flags), self.kinds), done)

    def action_sign_off(self) -> None:
        if self.session.loaded is None or self._refuse_if_read_only():
            return
        problems = self.session.sign_off()
        if problems:
            more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
            self.notify("Not yet: " + "; ".join(problems[:3]) + more, title="Cannot sign off", severity="warning",
                        timeout=10)
            return
        self._changed()
        self.notify(f"{self.session.name} signed off by {self.session.reviewer}.", title="Signed off")

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(list(self.help_sections())))

    # -- saving -------------------------------------------------------------------------------

    def action_save(self) -> None:
        session = self.session
        if session.loaded is None or self._refuse_if_read_only():
            return
        if self._save(session):
            self.notify(f"Saved {session.store.path}")

    def _changed(self) -> None:
        self._save(self.session)
        self._refresh_panels()

    def _save_position(self, session: ReviewSession) -> None:
        if session.loaded is not None and (session.dirty or session.position_moved) and not session.read_only:
            self._save(session)

    def save_all(self) -> list[str]:
        """Save every article before quitting; returns the names whose work is still unsaved."""
        for session in self.sessions:
            self._save_position(session)
        return [s.name for s in self.sessions if s.dirty]

    def _save(self, session: ReviewSession) -> bool:
        try:
            session.save()
        except ExternalChangeError:
            self._ask_about_conflict(session)
            return False
        except StoreError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=12)
            return False
        return True

    def _ask_about_conflict(self, session: ReviewSession) -> None:
        def done(choice: str | None) -> None:
            if choice == "reload":
                session.reload_theirs()
                self.notify(f"Reloaded {session.store.path.name} as the other program left it.")
                if session is self.session:
                    self.current = session.start_index()
                    self._refresh_panels()
            elif choice == "both":
                try:
                    copy = session.keep_both()
                except StoreError as exc:
                    self.notify(str(exc), title="Not saved", severity="error", timeout=12)
                    return
                self.notify(f"Your review is saved as {copy.name}; the other version is untouched.", timeout=10)
                self._refresh_queue()

        self.app.push_screen(
            ChoiceDialog(
                "The verdict file changed on disk",
                f"Another program changed {session.store.path} since it was opened here. "
                "Saving now would overwrite its work. Your changes are still here.",
                [("reload", "Reload theirs", "r"), ("both", "Keep both (write a copy)", "k")],
            ),
            done,
        )

    def _refuse_if_read_only(self) -> bool:
        if self.session.read_only:
            self.notify("This review is read-only here: nothing can change.", severity="warning")
            return True
        return False

    # -- keys listed for help and the command palette -----------------------------------------

    def key_rows(self) -> Iterator[tuple[str, str, str]]:
        """(keys, description, action) per action of this screen, keys in binding order."""
        keys: dict[str, list[str]] = {}
        described: dict[str, str] = {}
        for binding in Binding.make_bindings(self.BINDINGS):
            keys.setdefault(binding.action, []).append(self.app.get_key_display(binding))
            if binding.action not in described or not binding.show:
                described.setdefault(binding.action, binding.description)
        long_names = {"next_flag": "Next flag", "previous_flag": "Previous flag", "dismiss_flag":
                      "Dismiss as a false positive (asks for the reason)", "edit_note": "Edit the verdict's note",
                      "decide('needs_work')": "Needs work (back to the reporter)",
                      "decide('accepted')": "Accept (verified / sourced adequately)",
                      "filter": "Filter by kind", "undo": "Undo the last verdict or tick", "help": "This help"}
        for action, key_list in keys.items():
            yield " / ".join(key_list), long_names.get(action, described[action]), action

    def help_sections(self) -> Iterator[tuple[str, list[tuple[str, str]]]]:
        yield "Review", [(k, d) for k, d, _ in self.key_rows()]
        yield "Flag panel (when it has focus)", [
            (self.app.get_key_display(b), "Twin passage of a duplicate and back")
            for b in Binding.make_bindings(FlagPanel.BINDINGS)
        ]
        yield "Checklist and article list (when focused: tab)", [
            ("up / down", "Move the highlight"), ("enter", "Tick the item / open the article"),
            ("escape", "Back to the article"),
        ]
        yield "App", [("q", "Quit (asks if unsaved work would be lost)"), ("ctrl+p", "Command palette")]
