"""A review that travels between editors, through the session API the app uses: another article's
verdict file set aside for a new review, and the "keep both" copies merged back in.

Every change goes through ``ReviewSession`` (undoable, saved by ``save``), so the app and the tests
drive the same path. Merging itself is ``checks.review.merge``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from checks.review.session import ReviewSession
from checks.review.store import ReviewStore, StoreError
from checks.review.verdicts import Review

__all__ = ["merge_copies", "start_new_review"]


def merge_copies(session: ReviewSession) -> tuple[list[Path], int]:
    """Merge every conflict copy beside the verdict file into the review, save, and remove the
    copies merged (their verdicts are in the file now, or in its conflicts). Returns the copies
    merged and the number of conflicts left to choose. Raises StoreError (nothing removed)."""
    merged: list[Path] = []
    for copy in session.store.conflict_copies():
        other = ReviewStore(copy).load()
        if other is not None:
            session.merge_in(other)  # no base: a copy and the file grew apart from an unknown point
            merged.append(copy)
    if merged:
        session.dirty = True
        session.save()
        for copy in merged:
            copy.unlink(missing_ok=True)
    return merged, len(session.review.conflicts)


def start_new_review(session: ReviewSession, path: Path) -> None:
    """Leave another article's verdict file alone and review this article afresh into ``path``.

    Raises StoreError when ``path`` is that file or already holds a review (nothing is overwritten).
    """
    if session.loaded is None:
        raise RuntimeError(f"{session.name} is not loaded yet")
    store = ReviewStore(path)
    if _same_file(path, session.store.path) or store.load() is not None:
        raise StoreError(f"{path}: already holds a review; pass --verdicts PATH to start one elsewhere")
    document = session.loaded.analysis.document
    fresh = Review(article_path=str(session.article), article_sha256=document.sha256, reviewer=session.reviewer)
    session.take_over(replace(session.loaded, review=fresh, saved=None, foreign=None, resumed=False), store)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b
