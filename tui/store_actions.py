"""The verdict file shared with other editors, as the review screen shows it.

When an article opens: another article's verdict file (read-only, or a new review), "keep both"
copies beside it (merge them in), merge conflicts from ``sourcecheck merge`` (choose a side). While
it is open: another program's change to the file is noticed within ``DISK_CHECK_S`` (reloaded when
nothing here is unsaved, asked about otherwise), and a save that meets such a change asks whether to
merge, reload theirs or keep both. A mixin of ``ReviewScreen``; the rules are ``checks.review``'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.review.session import ReviewSession
from checks.review.sharing import merge_copies, start_new_review
from checks.review.store import StoreError, verdict_path_for
from checks.review.verdicts import Verdict
from checks.text.display import one_line

from .choice_dialog import ChoiceDialog

if TYPE_CHECKING:
    from textual.screen import Screen

    _Base = Screen[None]
else:
    _Base = object

__all__ = ["DISK_CHECK_S", "StoreActions"]

DISK_CHECK_S = 2.0  # a stat() of the verdict file this often; hashed only when it moved


class StoreActions(_Base):
    """What the review screen does about a verdict file that others write too."""

    if TYPE_CHECKING:
        current: int | None

        @property
        def session(self) -> ReviewSession: ...
        def _refresh_panels(self) -> None: ...
        def _refresh_queue(self) -> None: ...
        def _save(self, session: ReviewSession, *, ask: bool = True) -> bool: ...

    _watch_paused: frozenset[int] = frozenset()  # sessions whose disk change the reviewer put off

    # -- when an article opens ----------------------------------------------------------------

    def after_open(self, session: ReviewSession) -> None:
        """Ask about whatever the verdict file's folder says needs the reviewer, one at a time."""
        if session.foreign is not None:
            self._ask_about_foreign(session)
        elif not session.read_only and session.store.conflict_copies():
            self._offer_copies(session)
        elif session.loaded is not None and session.review.conflicts:
            self._choose_conflicts(session)

    def _ask_about_foreign(self, session: ReviewSession) -> None:
        own = verdict_path_for(session.article)
        choices = [("read", "Read only", "r")]
        if own.resolve() != session.store.path.resolve() and not own.exists():
            choices.insert(0, ("new", f"Start a new review in {own.name}", "n"))

        def done(choice: str | None) -> None:
            if choice != "new":
                return
            try:
                start_new_review(session, own)
            except StoreError as exc:
                self.notify(str(exc), title="Not started", severity="error", timeout=12)
                return
            self.notify(f"New review of {session.name}: verdicts go to {own.name}.")
            self._reshow(session)

        self.app.push_screen(
            ChoiceDialog(
                "Another article's review",
                f"{session.store.path.name} is the review of {session.foreign}, not of {session.name}. "
                "It is open read-only: nothing will be written into it.",
                choices,
            ),
            done,
        )

    def _offer_copies(self, session: ReviewSession) -> None:
        copies = session.store.conflict_copies()

        def done(choice: str | None) -> None:
            if choice != "merge":
                return
            try:
                merged, conflicts = merge_copies(session)
            except StoreError as exc:
                self.notify(str(exc), title="Not merged", severity="error", timeout=12)
                return
            self.notify(f"Merged {len(merged)} conflict cop{'y' if len(merged) == 1 else 'ies'} into "
                        f"{session.store.path.name}.", timeout=10)
            self._reshow(session)
            if conflicts:
                self._choose_conflicts(session)

        names = ", ".join(c.name for c in copies[:3]) + (" ..." if len(copies) > 3 else "")
        self.app.push_screen(
            ChoiceDialog(
                "Conflict copies of this review",
                f"{len(copies)} copy(ies) saved with 'keep both' sit beside {session.store.path.name}: {names}. "
                "Merge their verdicts into this review (different decisions on a flag are yours to choose)?",
                [("merge", "Merge them in", "m"), ("later", "Not now", "l")],
            ),
            done,
        )

    def _choose_conflicts(self, session: ReviewSession) -> None:
        """One question a conflicted flag: which side's verdict stands. Later leaves the rest open."""
        if session.read_only or not session.review.conflicts:
            return
        conflict = session.review.conflicts[0]
        flags = {f.id: i for i, f in enumerate(session.flags)}
        if conflict.flag in flags and session is self.session:
            self.current = flags[conflict.flag]

        def done(choice: str | None) -> None:
            if choice is None or not choice.isdigit():
                left = len(session.review.conflicts)
                self.notify(f"{left} merge conflict(s) left; a verdict on the flag settles one too.")
                return
            session.choose(conflict.flag, int(choice))
            self._save(session)
            self._reshow(session)
            self._choose_conflicts(session)

        options = [(str(i), _option_label(v), str(i + 1)) for i, v in enumerate(conflict.options[:9])]
        self.app.push_screen(
            ChoiceDialog(
                f"Merged reviews disagree ({len(session.review.conflicts)} left)",
                f"Flag {conflict.flag}: which verdict stands?",
                [*((cid, label, key) for cid, label, key in options), ("later", "Later", "l")],
            ),
            done,
        )

    # -- while it is open ---------------------------------------------------------------------

    def check_disk(self) -> None:
        """Notice another writer: reload when nothing here is unsaved, else ask (once a change)."""
        session = self.session
        if session.loaded is None or session.read_only or id(session) in self._watch_paused:
            return
        try:
            if not session.store.changed_on_disk():
                return
            if session.dirty:
                self.ask_about_conflict(session)
                return
            session.reload_theirs()
        except StoreError as exc:
            self.notify(str(exc), title="Cannot read the verdict file", severity="error", timeout=12)
            self._watch_paused = self._watch_paused | {id(session)}
            return
        self.notify(f"{session.store.path.name} changed on disk (another editor or a git pull): reloaded.")
        self._reshow(session)

    def ask_about_conflict(self, session: ReviewSession) -> None:
        """A save met another program's change: merge, reload theirs (dropping ours) or keep both."""
        self._watch_paused = self._watch_paused | {id(session)}  # one question at a time

        def done(choice: str | None) -> None:
            if choice is None:
                return  # still paused: asked again at the next save
            self._watch_paused = self._watch_paused - {id(session)}
            try:
                message = self._resolve(session, choice)
            except StoreError as exc:
                self.notify(str(exc), title="Not saved", severity="error", timeout=12)
                return
            self.notify(message, timeout=10)
            self._reshow(session)
            self._refresh_queue()
            if choice == "merge" and session.review.conflicts:
                self._choose_conflicts(session)

        self.app.push_screen(
            ChoiceDialog(
                "The verdict file changed on disk",
                f"Another program changed {session.store.path} since it was opened here. Your unsaved "
                "changes are kept until you choose: merge combines them with theirs flag by flag; "
                "reload theirs drops them; keep both writes yours to a copy.",
                [("merge", "Merge", "m"), ("reload", "Reload theirs (drop mine)", "r"),
                 ("both", "Keep both (write a copy)", "k")],
            ),
            done,
        )

    def _resolve(self, session: ReviewSession, choice: str) -> str:
        if choice == "merge":
            conflicts = session.merge_with_disk()
            more = f"; {conflicts} flag(s) to choose" if conflicts else ""
            return f"Merged your changes with the version on disk and saved{more}."
        if choice == "reload":
            session.reload_theirs()
            return f"Reloaded {session.store.path.name} as the other program left it; your unsaved changes are gone."
        copy = session.keep_both()
        return f"Your review is saved as {copy.name}; the other version is untouched."

    def _reshow(self, session: ReviewSession) -> None:
        if session is self.session:
            if self.current is None:
                self.current = session.start_index()
            self._refresh_panels()
        self._refresh_queue()


def _option_label(verdict: Verdict) -> str:
    who = ", ".join(p for p in (verdict.by, verdict.at[:10]) if p)
    note = f": {one_line(verdict.note)[:40]}" if verdict.note else ""
    return f"{verdict.decision.label} ({who or 'unsigned'}){note}"
