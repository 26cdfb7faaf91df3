"""One article under review: its verdicts and ticks, undo/redo, saving, sign-off.

The review rules, without a UI: the app's screens call these methods and show what they return.
Opening the article and re-attaching its saved verdicts is ``checks.review.resume``. Every change
is a new immutable ``Review`` value; undo and redo are two stacks of them. File I/O goes through
``ReviewStore`` (the verdict file) and ``read_article``.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import cast

from checks.kinds import Priority
from checks.model import Flag, FlagKind
from checks.review.checklist import Checklist, ItemState, item_state, open_flags, sign_off_problems
from checks.review.decisions import check_decision
from checks.review.reattach import WeakMatch, accept_weak
from checks.review.resume import LoadedArticle
from checks.review.merge import merge_reviews, same_article
from checks.review.indexed import IndexedReview
from checks.review.store import ReviewStore, StoreError
from checks.review.verdicts import Decision, Review, Verdict, utc_now

__all__ = [
    "ReadOnlyError",
    "ReviewSession",
    "default_reviewer",
    "kind_counts",
    "shown",
]

class ReadOnlyError(RuntimeError):
    """The verdict file cannot be written, so the review cannot change."""


class ReviewSession:
    """An article in the queue. Not loaded until the app opens it; then ``loaded`` is set."""

    def __init__(self, article: Path, verdicts: Path, *, reviewer: str, checklist: Checklist,
                 sources: Sequence[str] = ()) -> None:
        self.article = article
        self.sources = tuple(sources)  # --sources, remembered in the verdict file
        self.store = ReviewStore(verdicts)
        self.reviewer = reviewer
        self.checklist = checklist
        self.loaded: LoadedArticle | None = None
        self.error: str | None = None
        self.dirty = False  # verdicts or ticks not yet on disk
        self.position_moved = False  # the reviewer moved since the last save (not work, but nice to keep)
        self._review: Review | None = None
        self._undo: list[Review] = []
        self._redo: list[Review] = []
        self._index: IndexedReview | None = None
        self._base: Review | None = None  # the review as last read from or written to the file

    # -- state --------------------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self.article.name

    @property
    def read_only(self) -> bool:
        """Nothing can change: the folder or file is not writable, or the file is another article's."""
        return self.foreign is not None or self.store.read_only

    @property
    def foreign(self) -> str | None:
        """The article whose review the verdict file is, when it is not this one's (then read-only)."""
        return self.loaded.foreign if self.loaded is not None else None

    @property
    def review(self) -> Review:
        if self._review is None:
            raise RuntimeError(f"{self.name} is not loaded yet")
        return self._review

    def _indexed(self) -> Review:
        """The current review, indexed once per change (duck-typed: it answers what the rules ask)."""
        if self._index is None or self._index._review is not self._review:
            self._index = IndexedReview(self.review)
        return cast(Review, self._index)

    @property
    def flags(self) -> tuple[Flag, ...]:
        return self.loaded.analysis.flags if self.loaded else ()

    def attach(self, loaded: LoadedArticle) -> None:
        self.loaded, self._review, self.error = loaded, loaded.review, None
        self._base = loaded.saved
        self._undo.clear()
        self._redo.clear()
        # Re-attached verdicts changed the review in memory: save them so the file follows the article.
        self.dirty = loaded.changed

    def resolved_count(self) -> int:
        if self._review is None:
            return 0
        return len(self.flags) - len(open_flags(self.flags, self._indexed()))

    def needs_work_count(self) -> int:
        if self._review is None:
            return 0
        review = self._indexed()
        return sum(1 for f in self.flags if (v := review.verdict(f.id)) and v.decision is Decision.NEEDS_WORK)

    def progress_label(self) -> str:
        """The queue's one-line summary: '3/12 resolved', 'signed off', 'loading'."""
        if self.error:
            return "cannot open"
        if self._review is None:
            return "not opened"
        if self._review.signed_off:
            return "signed off"
        return f"{self.resolved_count()}/{len(self.flags)} resolved"

    def item_states(self) -> list[ItemState]:
        if self._review is None:
            return [item_state(item, self.flags, None) for item in self.checklist.items]
        review = self._indexed()
        return [item_state(item, self.flags, review) for item in self.checklist.items]

    def sign_off_problems(self) -> list[str]:
        return sign_off_problems(self.checklist, self.flags, self._indexed() if self._review else None)

    # -- navigation ---------------------------------------------------------------------------

    def start_index(self) -> int | None:
        """Where to resume: the saved position, else the first flag with no verdict, else the first."""
        if not self.flags:
            return None
        position = self._review.position if self._review else None
        for i, flag in enumerate(self.flags):
            if flag.id == position:
                return i
        return self.step(None, 1, undecided_only=True) or 0

    def step(
        self, current: int | None, direction: int, *, undecided_only: bool = False,
        kinds: frozenset[FlagKind] | None = None, priorities: frozenset[Priority] | None = None,
    ) -> int | None:
        """The next (direction 1) or previous (-1) flag that passes the filter, wrapping around.

        ``kinds`` and ``priorities`` are the filter (None lets every kind or priority through)."""
        flags = self.flags
        if not flags:
            return None
        count = len(flags)
        review = self._indexed()
        origin = (-1 if direction > 0 else count) if current is None else current
        for n in range(1, count + 1):
            i = (origin + direction * n) % count
            flag = flags[i]
            if not shown(flag, kinds, priorities):
                continue
            if undecided_only and review.verdict(flag.id) is not None:
                continue
            return i
        return None

    def undecided(
        self, *, kinds: frozenset[FlagKind] | None = None, priorities: frozenset[Priority] | None = None,
    ) -> tuple[Flag, ...]:
        """The flags with no verdict that pass the filter, in document order."""
        if self._review is None:
            return ()
        review = self._indexed()
        return tuple(f for f in self.flags if shown(f, kinds, priorities) and review.verdict(f.id) is None)

    # -- changes (each one undoable) ----------------------------------------------------------

    def apply(self, review: Review) -> None:
        if self.read_only:
            if self.foreign is not None:
                raise ReadOnlyError(f"{self.store.path.name} is the review of {self.foreign}: it cannot change here")
            raise ReadOnlyError(f"{self.store.path.parent}: read-only folder; this review cannot change")
        self._undo.append(self.review)
        self._redo.clear()
        self._review = review
        self.dirty = True

    def decide(self, flag: Flag, decision: Decision, *, note: str | None = None) -> Verdict:
        """Record a verdict; the previous note stays unless a new one is given.

        Raises DecisionError for a decision the flag's kind cannot take (keep first on a quote).
        """
        check_decision(flag.kind, decision)
        previous = self.review.verdict(flag.id)
        text = note if note is not None else (previous.note if previous else "")
        verdict = Verdict.for_flag(flag, decision, note=text.strip(), by=self.reviewer)
        self.apply(self.review.with_verdict(verdict))
        return verdict

    def decide_many(self, flags: Sequence[Flag], decision: Decision, *, note: str = "") -> tuple[Verdict, ...]:
        """One verdict with one note on each of ``flags``, recorded as one change (one undo step).

        Nothing changes (and nothing is recorded) when ``flags`` is empty. Raises DecisionError,
        before changing anything, when one of the flags' kinds cannot take ``decision``.
        """
        for flag in flags:
            check_decision(flag.kind, decision)
        verdicts = tuple(Verdict.for_flag(f, decision, note=note.strip(), by=self.reviewer) for f in flags)
        if verdicts:
            self.apply(self.review.with_verdicts(verdicts))
        return verdicts

    def toggle_tick(self, item_id: str) -> bool:
        """Tick or untick a checklist item; returns whether it is ticked now."""
        ticked = not self.review.ticked(item_id)
        self.apply(self.review.with_tick(item_id, ticked, by=self.reviewer))
        return ticked

    def undo(self) -> tuple[str, ...] | None:
        """Step back; returns the flag ids whose verdicts changed, or None when nothing to undo."""
        return self._travel(self._undo, self._redo)

    def redo(self) -> tuple[str, ...] | None:
        return self._travel(self._redo, self._undo)

    def _travel(self, source: list[Review], target: list[Review]) -> tuple[str, ...] | None:
        if not source:
            return None
        if self.read_only:
            raise ReadOnlyError("read-only: nothing to undo")
        before = self.review
        target.append(before)
        self._review = source.pop()
        self.dirty = True
        return _changed_flags(before, self._review)

    def set_position(self, flag: Flag | None) -> None:
        """Remember where the reviewer is; saved with the next save, never undone."""
        flag_id = flag.id if flag else None
        if self._review is not None and self._review.position != flag_id:
            self._review = self._review.with_position(flag_id)
            self.position_moved = True

    def pending_weak(self, flag: Flag) -> WeakMatch | None:
        """A saved verdict that may belong to this flag, while it has no verdict of its own."""
        if self.loaded is None or self.review.verdict(flag.id) is not None:
            return None
        verdicts = self.review.verdicts
        return next((m for m in self.loaded.weak if m.flag.id == flag.id and m.verdict in verdicts), None)

    def confirm_weak(self, flag: Flag) -> bool:
        """Move the weakly matched saved verdict onto this flag (undoable); False if there is none."""
        match = self.pending_weak(flag)
        if match is None:
            return False
        self.apply(accept_weak(self.review, match))
        return True

    def sign_off(self) -> list[str]:
        """Mark the review complete if nothing stands in the way; returns what does otherwise."""
        problems = self.sign_off_problems()
        if not problems:
            self.apply(self.review.with_sign_off(self.reviewer))
        return problems

    # -- disk ---------------------------------------------------------------------------------

    def save(self) -> None:
        """Write the review (raises ExternalChangeError or StoreError for the app to show)."""
        if self._review is None or self.read_only:
            return
        if not self.store.exists_on_disk() and not _has_work(self._review):
            # Paging through a queue must not leave a verdict file beside every article: a review
            # file is written once there is something in it (a verdict, a tick, a sign-off).
            self.dirty = self.position_moved = False
            return
        stamped = replace(self._review, updated=utc_now(), reviewer=self._review.reviewer or self.reviewer,
                          sources=self.sources or self._review.sources)
        self.store.save(stamped)
        self._review = self._base = stamped
        self.dirty = self.position_moved = False

    def take_over(self, loaded: LoadedArticle, store: ReviewStore) -> None:
        """Carry on in another verdict file (``checks.review.sharing.start_new_review``)."""
        self.store = store
        self.attach(loaded)

    def reload_theirs(self) -> None:
        """After another program changed the file: take its version, drop our unsaved changes."""
        theirs = self.store.load()
        if theirs is not None:
            self._review = theirs
        self._base = theirs
        self._undo.clear()
        self._redo.clear()
        self.dirty = False

    def merge_in(self, other: Review, *, base: Review | None = None) -> int:
        """Merge another review of this article into ours (one undo step); returns how many flags
        now hold a conflict for the reviewer to choose. ``base``: the version both grew from, when
        known (without it nothing is taken as removed). Not saved: ``save`` does that."""
        if not same_article(self.review, other):
            raise StoreError(f"that is a review of {other.article_path or 'another article'}, not of {self.name}")
        merged = merge_reviews(self.review, other, base)
        if merged != self.review:
            self.apply(merged)
        return len(merged.conflicts)

    def merge_with_disk(self) -> int:
        """Another program changed the file: merge its version with our unsaved work and save.

        Our changes since the last load or save and theirs both survive (``checks.review.merge``,
        with what we last read as the base); returns the number of conflicts to choose."""
        theirs = self.store.load()  # also remembers the version we merge over
        if theirs is None:
            count = 0
        else:
            count = self.merge_in(theirs, base=self._base)
            self._base = theirs
        self.dirty = True
        self.save()
        return count

    def choose(self, flag_id: str, option: int) -> Verdict:
        """Settle a merge conflict on ``flag_id`` with its ``option``-th verdict (undoable)."""
        conflict = self.review.conflict(flag_id)
        if conflict is None:
            raise KeyError(flag_id)
        chosen = conflict.options[option]
        self.apply(self.review.with_verdict(chosen))
        return chosen

    def keep_both(self) -> Path:
        """Write our version beside theirs and carry on in the copy, so neither is lost."""
        copy = self.store.save_copy(replace(self.review, updated=utc_now()))
        self.store = ReviewStore(copy)
        self.store.load()
        self.dirty = False
        return copy


def _has_work(review: Review) -> bool:
    return bool(review.verdicts or review.ticks or review.signed_off)


def shown(flag: Flag, kinds: frozenset[FlagKind] | None, priorities: frozenset[Priority] | None) -> bool:
    """Whether a filter of ``kinds`` and ``priorities`` (None: all of them) lets ``flag`` through."""
    return (kinds is None or flag.kind in kinds) and (priorities is None or flag.priority in priorities)


def _changed_flags(before: Review, after: Review) -> tuple[str, ...]:
    old = {v.flag: v for v in before.verdicts}
    new = {v.flag: v for v in after.verdicts}
    return tuple(f for f in dict.fromkeys([*old, *new]) if old.get(f) != new.get(f))


def default_reviewer() -> str:
    """The user's login; never fails (containers and services can lack a passwd entry)."""
    try:
        name = getpass.getuser()
    except Exception:  # getpass raises OSError or KeyError depending on the platform
        name = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    return name.strip() or "reviewer"


def kind_counts(flags: Sequence[Flag]) -> dict[FlagKind, int]:
    counts: dict[FlagKind, int] = {}
    for flag in flags:
        counts[flag.kind] = counts.get(flag.kind, 0) + 1
    return counts
