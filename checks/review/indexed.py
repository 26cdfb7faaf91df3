"""A review indexed for the checklist rules, which ask about every flag of an article."""

from __future__ import annotations

from checks.review.verdicts import Review, Verdict

__all__ = ["IndexedReview"]


class IndexedReview:
    """A review with constant-time look-ups, for the checklist rules that ask about every flag.

    ``Review.verdict`` scans the verdicts, which is right for one question and too slow for
    thousands (a 1 MB article has ~3,000 flags); this answers the same two questions from dicts.
    """

    __slots__ = ("_review", "_ticks", "_verdicts")

    def __init__(self, review: Review) -> None:
        self._review = review
        self._verdicts = {v.flag: v for v in review.verdicts}
        self._ticks = {t.item for t in review.ticks}

    def verdict(self, flag_id: str) -> Verdict | None:
        return self._verdicts.get(flag_id)

    def ticked(self, item_id: str) -> bool:
        return item_id in self._ticks

    def __getattr__(self, name: str) -> object:
        return getattr(self._review, name)
