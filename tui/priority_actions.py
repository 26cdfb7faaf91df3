"""Keys that work by priority: jump to the next high-priority flag with no verdict (!), and accept
the remaining low-priority flags together with one note (A), undone in one step (u).

A mixin of ``ReviewScreen``, beside ``VerdictActions``: it reads the screen's session, current flag
and filter. The rule (one verdict per flag, one undo step) is the engine's ``decide_many``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks import Flag, FlagKind
from checks.kinds import Priority
from checks.review.decisions import DecisionError
from checks.review.session import ReadOnlyError, ReviewSession
from checks.review.verdicts import Decision

from .note_dialog import NoteDialog

if TYPE_CHECKING:
    from textual.screen import Screen

    _Base = Screen[None]
else:
    _Base = object

__all__ = ["BULK_NOTE", "PriorityActions"]

# The note the bulk accept offers: enter keeps it, so the record says how these flags were passed.
BULK_NOTE = "low priority: accepted together"


class PriorityActions(_Base):
    """Actions bound in ``ReviewScreen.BINDINGS``: next high-priority flag, accept the low ones."""

    if TYPE_CHECKING:
        current: int | None
        kinds: frozenset[FlagKind] | None
        priorities: frozenset[Priority] | None

        @property
        def session(self) -> ReviewSession: ...
        @property
        def current_flag(self) -> Flag | None: ...
        def key_of(self, action: str) -> str: ...
        def _changed(self) -> None: ...
        def _refuse_if_read_only(self) -> bool: ...

    def _shown_among(self, priority: Priority) -> frozenset[Priority]:
        """``priority`` if the filter shows it, else nothing: these keys act on what is shown."""
        return frozenset({priority}) if self.priorities is None or priority in self.priorities else frozenset()

    def _hidden_note(self, priority: Priority, then: str = "") -> str:
        """" (2 hidden by the filter)" when the filter hides open flags of ``priority``, else ""."""
        hidden = len(self.session.undecided(priorities=frozenset({priority}))) - len(
            self.session.undecided(kinds=self.kinds, priorities=self._shown_among(priority)))
        return f" ({hidden} hidden by the filter{then})" if hidden else ""

    def action_next_high(self) -> None:
        if self.session.loaded is None:
            return
        index = self.session.step(self.current, 1, undecided_only=True, kinds=self.kinds,
                                  priorities=self._shown_among(Priority.HIGH))
        if index is None:
            self.notify("No high-priority flag is without a verdict" + self._hidden_note(Priority.HIGH) + ".")
        else:
            self.current = index

    def action_accept_low(self) -> None:
        if self.session.loaded is None or self._refuse_if_read_only():
            return
        flags = self.session.undecided(kinds=self.kinds, priorities=self._shown_among(Priority.LOW))
        if not flags:
            self.notify("No low-priority flag is without a verdict" + self._hidden_note(Priority.LOW) + ".")
            return
        count = f"{len(flags)} low-priority flag" + ("" if len(flags) == 1 else "s")

        def done(note: str | None) -> None:
            if note is not None:
                self._accept_all(flags, note, count)

        self.app.push_screen(
            NoteDialog(f"Accept the {count} with no verdict{self._hidden_note(Priority.LOW, ', left open')}? "
                       "One note for all:", initial=BULK_NOTE, required=True,
                       required_message="A note is required: say why these flags can pass unread."),
            done,
        )

    def _accept_all(self, flags: tuple[Flag, ...], note: str, count: str) -> None:
        try:
            self.session.decide_many(flags, Decision.ACCEPTED, note=note)
        except (DecisionError, ReadOnlyError) as exc:
            self.notify(str(exc), severity="warning")
            return
        self._changed()
        self.notify(f"Accepted the {count} ({self.key_of('undo')} undoes all of them).")
        flag = self.current_flag
        if flag is not None and flag in flags:
            following = self.session.step(self.current, 1, undecided_only=True, kinds=self.kinds,
                                          priorities=self.priorities)
            if following is not None:
                self.current = following
