"""Opening a review: the article read and analysed, and its saved verdicts re-attached.

The one load-and-reattach path: the app's review session and ``sourcecheck report`` both resume a
saved review through ``resume_review``, so they agree on which verdicts still hold.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePath

from checks.model import Analysis, Document, Flag
from checks.text.read import read_article
from checks.review.reattach import WeakMatch, reattach
from checks.review.store import ReviewStore
from checks.review.verdicts import Review, Verdict

__all__ = ["Analyzer", "LoadedArticle", "foreign_owner", "load_article", "resume_review"]

# The engine with its options bound (lexicon, corpus, progress): a document in, its analysis out.
Analyzer = Callable[[Document], Analysis]


@dataclass(frozen=True, slots=True)
class LoadedArticle:
    """An analysed article and the review to continue on it (what the loading worker hands back).

    ``review`` holds the saved verdicts re-pointed at this analysis's flags and, when resumed,
    the current article's hash; ``saved`` is the file as read (None when there was none).
    """

    analysis: Analysis
    review: Review
    resumed: bool = False
    reattach_notes: tuple[str, ...] = ()
    weak: tuple[WeakMatch, ...] = ()  # saved verdicts that may belong to a new flag: the reviewer confirms
    saved: Review | None = None
    carried: tuple[tuple[Verdict, Flag, float], ...] = ()  # (verdict as saved, its flag now, text match)
    orphans: tuple[Verdict, ...] = ()  # saved verdicts that match no flag now; they stay in the review
    foreign: str | None = None  # the verdict file is another article's review (that article's path)

    @property
    def changed(self) -> bool:
        """The review differs from the file (re-attached verdicts, a new hash): save it."""
        return self.foreign is None and self.saved is not None and self.review != self.saved


def load_article(
    path: Path,
    store: ReviewStore,
    *,
    reviewer: str,
    analyzer: Analyzer,
    on_document: Callable[[Document], None] | None = None,
) -> LoadedArticle:
    """Read and analyse an article and resume its saved review (slow: runs in a worker).

    ``on_document`` receives the text as soon as it is read, so it can be shown while the
    analysis runs. Raises ArticleError or StoreError, each with a one-line message.
    """
    document = read_article(path)
    if on_document is not None:
        on_document(document)
    analysis = analyzer(document)
    return resume_review(analysis, store.load(), article_path=str(path), reviewer=reviewer)


def resume_review(analysis: Analysis, saved: Review | None, *, article_path: str = "", reviewer: str = "") -> LoadedArticle:
    """The review to continue on ``analysis``: a new one when nothing was saved, else the saved one
    with its verdicts re-attached to today's flags (``checks.review.reattach``).

    Nothing is re-attached when every verdict still sits on its flag in the same article; otherwise
    (the article was edited, or the lexicon or corpus changed the flags) verdicts move to their
    passages, weak matches wait for the reviewer, and the rest stay in the review as orphans.
    """
    document = analysis.document
    if saved is None:
        review = Review(article_path=article_path, article_sha256=document.sha256, reviewer=reviewer,
                        article_format=document.format)
        return LoadedArticle(analysis, review)
    owner = foreign_owner(saved, document, article_path=article_path or document.path or "")
    edited = saved.article_sha256 != document.sha256
    if not edited and _all_in_place(saved, analysis.flags):
        return LoadedArticle(analysis, saved, resumed=True, saved=saved)
    result = reattach(saved, analysis)
    notes = []
    if edited:
        notes.append("the article changed since this review was saved; verdicts were re-attached")
    elif result.review != saved or result.weak:
        notes.append("the flags changed since this review was saved; verdicts were re-attached")
    if result.weak:
        notes.append(f"{len(result.weak)} verdict(s) may belong to edited passages: w confirms one on its flag")
    if result.orphans:
        notes.append(f"{len(result.orphans)} verdict(s) match no flag now; they stay in the file")
    if owner is not None:
        # Shown as it would attach, read-only: never saved as this article's (``changed`` is False).
        notes = [f"this verdict file is the review of {owner}: opened read-only, nothing is written into it"]
    return LoadedArticle(
        analysis,
        replace(result.review, article_sha256=document.sha256 if owner is None else saved.article_sha256,
                article_format=document.format if owner is None else saved.article_format),
        resumed=True, reattach_notes=tuple(notes), weak=result.weak, saved=saved, carried=result.carried,
        orphans=result.orphans, foreign=owner,
    )


def foreign_owner(saved: Review, document: Document, *, article_path: str = "") -> str | None:
    """The article ``saved`` belongs to when that is not ``document`` (None when it is this one).

    A review is this article's when it was saved for the same text, or for a file of the same name
    (the article was edited), or when most of its verdicts' passages are still in the text (it was
    edited and renamed). Otherwise it is another article's review, and must not be rewritten.
    """
    if saved.article_sha256 == document.sha256:
        return None
    here = PurePath(article_path or document.path or "").name
    there = PurePath(saved.article_path.replace("\\", "/")).name
    if there and there == here:
        return None
    texts = [v.text for v in saved.verdicts if v.text]
    if texts and 2 * sum(t in document.text for t in texts) >= len(texts):
        return None
    return saved.article_path or "another article"


def _all_in_place(review: Review, flags: Sequence[Flag]) -> bool:
    """Every verdict names a flag of this analysis with the same kind, span and text."""
    by_id = {f.id: f for f in flags}
    for v in review.verdicts:
        f = by_id.get(v.flag)
        if f is None or (str(f.kind), f.start, f.end, f.text) != (v.kind, v.start, v.end, v.text):
            return False
    return True
