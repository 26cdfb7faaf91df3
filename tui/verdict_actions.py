"""Keys that change the review (verdicts, notes, ticks, undo/redo, sign-off) and the autosave.

Every change goes through ``ReviewSession`` and is saved at once; a save that would overwrite
another program's change asks first (``StoreActions``: merge, reload theirs, or keep both).
A mixin of ``ReviewScreen``: it reads the screen's session, current flag and filter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks import Flag, FlagKind
from checks.kinds import Priority
from checks.review.decisions import DecisionError
from checks.review.session import ReadOnlyError, ReviewSession
from checks.review.store import ExternalChangeError, StoreError
from checks.review.verdicts import Decision

from .checklist_pane import ChecklistPane
from .note_dialog import NoteDialog

if TYPE_CHECKING:
    from textual.screen import Screen

    _Base = Screen[None]
else:
    _Base = object

__all__ = ["VerdictActions"]


class VerdictActions(_Base):
    """Actions bound in ``ReviewScreen.BINDINGS``: verdicts, notes, undo/redo, ticks, sign-off, save."""

    if TYPE_CHECKING:
        sessions: tuple[ReviewSession, ...]
        current: int | None
        kinds: frozenset[FlagKind] | None
        priorities: frozenset[Priority] | None

        @property
        def session(self) -> ReviewSession: ...
        @property
        def current_flag(self) -> Flag | None: ...
        def _refresh_panels(self) -> None: ...
        def key_of(self, action: str) -> str: ...
        def _refresh_queue(self) -> None: ...
        def ask_about_conflict(self, session: ReviewSession) -> None: ...


    def action_decide(self, decision: str) -> None:
        flag = self.current_flag
        if flag is None:
            return
        self._decide(flag, Decision(decision))

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
            a, x, s = (self.key_of(k) for k in ("decide('accepted')", "dismiss_flag", "decide('needs_work')"))
            self.notify(f"Give this flag a verdict first ({a}, {x} or {s}), then add a note.")
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
        except DecisionError as exc:  # keep first on a quote: the engine says which flags take it
            self.notify(str(exc))
            return
        except ReadOnlyError as exc:
            self.notify(str(exc), severity="warning")
            return
        self._changed()
        if not advance:
            return
        following = self.session.step(self.current, 1, undecided_only=True, kinds=self.kinds,
                                      priorities=self.priorities)
        if following is None:
            self.notify(self.all_decided_message())
        else:
            self.current = following

    def all_decided_message(self) -> str:
        """What to say when no shown flag is left without a verdict: sign off, unless the filter
        hides flags that still have none (then sign-off would refuse, so say so)."""
        hidden = len(self.session.undecided()) - len(self.session.undecided(kinds=self.kinds,
                                                                              priorities=self.priorities))
        if hidden:
            flags = "flag is" if hidden == 1 else "flags are"
            return (f"Every shown flag has a verdict; {hidden} other {flags} hidden by the filter and "
                    f"still open ({self.key_of('filter')} changes the filter).")
        return f"Every flag has a verdict: tick the checklist and sign off ({self.key_of('sign_off')})."

    def action_confirm_weak(self) -> None:
        flag = self.current_flag
        if flag is None or self._refuse_if_read_only():
            return
        if not self.session.confirm_weak(flag):
            self.notify("No saved verdict is waiting to be confirmed on this flag.")
            return
        self._changed()

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

    def on_checklist_pane_tick_requested(self, event: ChecklistPane.TickRequested) -> None:
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

    def _save_position(self, session: ReviewSession, *, ask: bool = True) -> None:
        if session.loaded is not None and (session.dirty or session.position_moved) and not session.read_only:
            self._save(session, ask=ask)

    def save_all(self) -> list[str]:
        """Save every article before quitting; returns the names whose work is still unsaved.

        A conflict is not asked about here: the quit question names what would be lost.
        """
        for session in self.sessions:
            self._save_position(session, ask=False)
        return [s.name for s in self.sessions if s.dirty]

    def _save(self, session: ReviewSession, *, ask: bool = True) -> bool:
        try:
            session.save()
        except ExternalChangeError:
            if ask:
                self.ask_about_conflict(session)
            return False
        except StoreError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=12)
            return False
        return True

    def _refuse_if_read_only(self) -> bool:
        if self.session.read_only:
            self.notify("This review is read-only here: nothing can change.", severity="warning")
            return True
        return False
