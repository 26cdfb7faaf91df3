"""A review shared between editors, through the session API the app uses: another article's
verdict file left alone, another writer's change merged with unsaved work, conflict copies merged
back, merge conflicts chosen, and no file written until there is something in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixed_review import FIXED_CHECKLIST, FIXED_TEXT, fixed_analyzer

from checks import analyze
from checks.review.resume import load_article
from checks.review.session import ReadOnlyError, ReviewSession
from checks.review.sharing import merge_copies, start_new_review
from checks.review.store import ReviewStore, StoreError
from checks.review.verdicts import Decision


def _open(article: Path, verdicts: Path | None = None, reviewer: str = "tester", analyzer=fixed_analyzer) -> ReviewSession:
    s = ReviewSession(article, verdicts or article.with_name(article.name + ".review.yaml"), reviewer=reviewer,
                      checklist=FIXED_CHECKLIST)
    s.attach(load_article(article, s.store, reviewer=reviewer, analyzer=analyzer))
    return s


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "fixed.txt"
    path.write_text(FIXED_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def other_article(tmp_path: Path) -> Path:
    path = tmp_path / "other.txt"
    path.write_text("date 2026-02-01\n\nA different story altogether. Officials said nothing new.\n", encoding="utf-8")
    return path


def test_moving_without_a_verdict_writes_no_file(article: Path) -> None:
    s = _open(article)
    s.set_position(s.flags[1])
    s.save()
    assert not s.store.path.exists() and not s.position_moved
    s.decide(s.flags[0], Decision.ACCEPTED)
    s.save()
    assert s.store.path.exists()


def test_another_article_s_verdict_file_is_never_written(article: Path, other_article: Path) -> None:
    theirs = _open(article)
    theirs.decide(theirs.flags[0], Decision.ACCEPTED)
    theirs.save()
    before = theirs.store.path.read_bytes()
    s = _open(other_article, verdicts=theirs.store.path, analyzer=analyze)
    assert s.foreign == str(article) and s.read_only and not s.dirty
    with pytest.raises(ReadOnlyError, match="is the review of"):
        s.decide(s.flags[0], Decision.ACCEPTED) if s.flags else s.toggle_tick("legal")
    s.save()
    assert theirs.store.path.read_bytes() == before
    with pytest.raises(StoreError, match="already holds a review"):
        start_new_review(s, theirs.store.path)
    own = other_article.with_name("other.txt.review.yaml")
    start_new_review(s, own)
    assert not s.read_only and s.review.verdicts == () and s.store.path == own
    s.toggle_tick("legal")
    s.save()
    assert ReviewStore(own).load().article_path == str(other_article)
    assert theirs.store.path.read_bytes() == before


def test_an_edited_article_is_still_its_own_review(article: Path) -> None:
    s = _open(article)
    s.decide(s.flags[0], Decision.ACCEPTED)
    s.save()
    article.write_text(FIXED_TEXT + "\nOne more sentence at the end.\n", encoding="utf-8")
    again = _open(article)
    assert again.foreign is None and not again.read_only


def test_another_writer_s_change_merges_with_unsaved_work(article: Path) -> None:
    ann, bob = _open(article, reviewer="ann"), None
    ann.decide(ann.flags[0], Decision.ACCEPTED)
    ann.save()
    bob = _open(article, reviewer="bob")
    bob.decide(bob.flags[1], Decision.NEEDS_WORK, note="no source")
    bob.save()
    ann.decide(ann.flags[2], Decision.ACCEPTED)  # unsaved when bob's save lands
    assert ann.store.changed_on_disk()
    assert ann.merge_with_disk() == 0
    saved = ReviewStore(ann.store.path).load()
    assert {v.flag for v in saved.verdicts} == {f.id for f in ann.flags[:3]}


def test_different_decisions_become_a_conflict_to_choose(article: Path) -> None:
    ann = _open(article, reviewer="ann")
    ann.decide(ann.flags[0], Decision.ACCEPTED)
    ann.save()
    bob = _open(article, reviewer="bob")
    bob.decide(bob.flags[0], Decision.NEEDS_WORK, note="who said it?")
    bob.save()
    ann.decide(ann.flags[0], Decision.DISMISSED, note="named in para 3")
    assert ann.merge_with_disk() == 1
    conflict = ann.review.conflict(ann.flags[0].id)
    assert sorted(o.by for o in conflict.options) == ["ann", "bob"]
    assert ann.sign_off_problems()  # a conflicted flag is open
    chosen = ann.choose(ann.flags[0].id, 1)
    assert ann.review.conflicts == () and ann.review.verdict(ann.flags[0].id) == chosen


def test_conflict_copies_are_found_and_merged_back(article: Path) -> None:
    ann = _open(article, reviewer="ann")
    ann.decide(ann.flags[0], Decision.ACCEPTED)
    ann.save()
    bob = _open(article, reviewer="bob")
    ann.decide(ann.flags[1], Decision.ACCEPTED)
    ann.save()
    bob.decide(bob.flags[2], Decision.NEEDS_WORK, note="check")
    with pytest.raises(StoreError):
        bob.save()
    copy = bob.keep_both()
    reopened = _open(article, reviewer="ann")
    assert reopened.store.conflict_copies() == [copy]
    merged, conflicts = merge_copies(reopened)
    assert merged == [copy] and conflicts == 0 and not copy.exists()
    saved = ReviewStore(reopened.store.path).load()
    assert {v.flag for v in saved.verdicts} == {f.id for f in reopened.flags[:3]}
