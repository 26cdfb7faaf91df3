"""Keys that move through the review: next and previous flag (all, or those with no verdict),
paging the article, the checklist's focus, the next article of the queue, and the filter.

A mixin of ``ReviewScreen``, beside ``VerdictActions`` and ``PriorityActions``: it reads the
screen's session, current flag and filter; where the next flag is, is the engine's
``ReviewSession.step``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.kinds import FlagKind, Priority
from checks.review.session import ReviewSession, kind_counts

from .article_view import ArticleView
from .checklist_pane import ChecklistPane
from .filter_dialog import FilterDialog, FlagFilter

if TYPE_CHECKING:
    from textual.screen import Screen

    _Base = Screen[None]
else:
    _Base = object

__all__ = ["MoveActions"]


class MoveActions(_Base):
    """Actions bound in ``ReviewScreen.BINDINGS``: n/p, ]/[, paging, c, escape, >/<, f."""

    if TYPE_CHECKING:
        sessions: tuple[ReviewSession, ...]
        article_index: int
        current: int | None
        kinds: frozenset[FlagKind] | None
        priorities: frozenset[Priority] | None

        @property
        def session(self) -> ReviewSession: ...
        def all_decided_message(self) -> str: ...
        def open_article(self, index: int) -> None: ...

    def _move(self, direction: int, *, undecided_only: bool) -> None:
        if self.session.loaded is None:
            return
        index = self.session.step(
            self.current, direction, undecided_only=undecided_only, kinds=self.kinds, priorities=self.priorities
        )
        if index is None:
            self.notify(self.all_decided_message() if undecided_only else "No flags to move to.")
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

    def action_filter(self) -> None:
        if self.session.loaded is None:
            return

        def done(chosen: FlagFilter | None) -> None:
            if chosen is not None:
                self.kinds, self.priorities = chosen.kinds, chosen.priorities

        flags = self.session.flags
        priority_counts = {p: sum(1 for f in flags if f.priority is p) for p in Priority}
        self.app.push_screen(
            FilterDialog(kind_counts(flags), FlagFilter(self.kinds, self.priorities), priority_counts), done
        )
