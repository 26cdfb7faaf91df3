"""The review session (``checks.review.session``) without the app: decisions, undo, sign-off, resuming."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from fixed_review import FIXED_CHECKLIST, FIXED_TEXT, fixed_analyzer, priority_analyzer

from checks import Analysis, Document, FlagKind, render_report
from checks.kinds import Priority
from checks.flags import assign_ids
from checks.review.decisions import DecisionError, decisions_for
from checks.review.resume import load_article, resume_review
from checks.review.session import ReadOnlyError, ReviewSession, default_reviewer
from checks.review.verdicts import Decision


def _open(article: Path, analyzer=fixed_analyzer) -> ReviewSession:
    s = ReviewSession(article, article.with_name(article.name + ".review.yaml"), reviewer="tester",
                      checklist=FIXED_CHECKLIST)
    s.attach(load_article(article, s.store, reviewer="tester", analyzer=analyzer))
    return s


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "fixed.txt"
    path.write_text(FIXED_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def session(article: Path) -> ReviewSession:
    return _open(article)


def test_step_wraps_around_and_honours_filter_and_verdicts(session: ReviewSession) -> None:
    kinds = [f.kind.value for f in session.flags]
    assert kinds == ["duplicate", "opinion", "unsourced", "anonymous"]
    assert session.step(3, 1) == 0
    assert session.step(0, -1) == 3
    session.decide(session.flags[1], Decision.ACCEPTED)
    assert session.step(0, 1, undecided_only=True) == 2
    only = frozenset({session.flags[3].kind})
    assert session.step(0, 1, kinds=only) == 3 and session.step(3, 1, kinds=only) == 3


def test_needs_work_is_not_resolved(session: ReviewSession) -> None:
    session.decide(session.flags[0], Decision.KEEP_FIRST)
    session.decide(session.flags[1], Decision.NEEDS_WORK)
    assert session.resolved_count() == 1 and session.needs_work_count() == 1
    assert session.progress_label() == "1/4 resolved"
    assert any("need" in p for p in session.sign_off_problems())


def test_a_new_decision_keeps_the_note(session: ReviewSession) -> None:
    session.decide(session.flags[0], Decision.NEEDS_WORK, note="check the wire copy")
    session.decide(session.flags[0], Decision.KEEP_BOTH)
    assert session.review.verdict(session.flags[0].id).note == "check the wire copy"


@pytest.mark.parametrize("decision", [Decision.KEEP_FIRST, Decision.KEEP_SECOND, Decision.KEEP_BOTH])
def test_keep_decisions_are_refused_on_anything_but_a_duplicate(session: ReviewSession, decision: Decision) -> None:
    opinion = session.flags[1]
    with pytest.raises(DecisionError, match=r"^'keep .+' is for duplicate passages; this flag is an? [a-z]"):
        session.decide(opinion, decision)
    assert session.review.verdict(opinion.id) is None and not session.dirty
    assert session.undo() is None, "a refused decision leaves nothing to undo"


def test_refusal_names_the_kind_with_the_right_article() -> None:
    from checks.kinds import FlagKind
    from checks.review.decisions import check_decision

    with pytest.raises(DecisionError, match=r"this flag is an anonymous source\.$"):
        check_decision(FlagKind("anonymous"), Decision.KEEP_FIRST)
    with pytest.raises(DecisionError, match=r"this flag is a vague attribution\.$"):
        check_decision(FlagKind("vague"), Decision.KEEP_FIRST)


def test_which_decisions_each_kind_takes() -> None:
    keeps = {Decision.KEEP_FIRST, Decision.KEEP_SECOND, Decision.KEEP_BOTH}
    assert set(decisions_for(FlagKind.DUPLICATE)) == set(Decision)
    for kind in FlagKind:
        if kind is not FlagKind.DUPLICATE:
            assert set(decisions_for(kind)) == set(Decision) - keeps, kind


def test_undo_reports_which_flags_changed(session: ReviewSession) -> None:
    session.decide(session.flags[2], Decision.ACCEPTED)
    session.toggle_tick("quotes-checked")
    assert session.undo() == ()
    assert session.undo() == (session.flags[2].id,)
    assert session.undo() is None
    assert session.redo() == (session.flags[2].id,)


def test_sign_off_needs_every_verdict_and_tick(session: ReviewSession) -> None:
    for flag in session.flags:
        session.decide(flag, Decision.KEEP_BOTH if flag.kind.value == "duplicate" else Decision.ACCEPTED)
    assert session.sign_off() == ["unticked: No duplicated passages", "unticked: Quotes checked against the original"]
    session.toggle_tick("no-duplicates")
    session.toggle_tick("quotes-checked")
    assert session.sign_off() == [] and session.review.signed_off is not None


def test_saved_review_resumes_with_its_position(session: ReviewSession) -> None:
    session.decide(session.flags[1], Decision.ACCEPTED)
    session.set_position(session.flags[2])
    session.save()
    again = ReviewSession(session.article, session.store.path, reviewer="tester", checklist=FIXED_CHECKLIST)
    loaded = load_article(again.article, again.store, reviewer="tester", analyzer=fixed_analyzer)
    again.attach(loaded)
    assert loaded.resumed and again.start_index() == 2 and not loaded.reattach_notes and not again.dirty
    assert loaded.review is loaded.saved, "an unchanged article resumes the review exactly as saved"
    assert again.review.verdict(session.flags[1].id).decision is Decision.ACCEPTED


def test_read_only_store_refuses_changes(session: ReviewSession, monkeypatch: pytest.MonkeyPatch) -> None:
    from checks.review.store import ReviewStore

    monkeypatch.setattr(ReviewStore, "read_only", property(lambda self: True))
    with pytest.raises(ReadOnlyError):
        session.decide(session.flags[0], Decision.ACCEPTED)


def test_default_reviewer_survives_a_missing_login(monkeypatch: pytest.MonkeyPatch) -> None:
    import getpass

    def broken() -> str:
        raise OSError("no login")

    monkeypatch.setattr(getpass, "getuser", broken)
    monkeypatch.setenv("USER", "")
    monkeypatch.delenv("USERNAME", raising=False)
    assert default_reviewer() == "reviewer"


def _decide_all_and_save(session: ReviewSession) -> None:
    for flag in session.flags:
        session.decide(flag, Decision.KEEP_BOTH if flag.kind is FlagKind.DUPLICATE else Decision.ACCEPTED)
    session.save()


def test_an_edited_article_resumes_with_its_verdicts_re_attached(session: ReviewSession, article: Path) -> None:
    _decide_all_and_save(session)
    opinion_id = session.flags[1].id
    article.write_text(FIXED_TEXT.replace("the plan reckless.", "the whole plan reckless."), encoding="utf-8")
    again = _open(article)
    loaded = again.loaded
    assert loaded is not None and loaded.saved is not None
    assert loaded.reattach_notes[0].startswith("the article changed since this review was saved")
    assert again.flags[1].id != opinion_id and again.review.verdict(again.flags[1].id) is not None
    assert again.review.article_sha256 == loaded.analysis.document.sha256 != loaded.saved.article_sha256
    assert again.dirty, "the re-attached review is saved so the file follows the article"
    assert again.resolved_count() == 4


def _shorter_opinion(document: Document) -> Analysis:
    """The fixed flags, but the opinion flag now leaves out its first word (as another engine might)."""
    analysis = fixed_analyzer(document)
    cut = len("Critics ")
    flags = [replace(f, id="", start=f.start + cut, text=f.text[cut:]) if f.kind is FlagKind.OPINION
             else replace(f, id="") for f in analysis.flags]
    return replace(analysis, flags=assign_ids(flags))


def _without_unsourced(document: Document) -> Analysis:
    analysis = fixed_analyzer(document)
    return replace(analysis, flags=tuple(f for f in analysis.flags if f.kind is not FlagKind.UNSOURCED))


def test_flags_that_moved_on_the_same_article_are_re_attached_as_the_report_does(
    session: ReviewSession, article: Path
) -> None:
    """Same text, other flags (another lexicon or engine): the session and the report resume alike."""
    _decide_all_and_save(session)
    again = _open(article, analyzer=_shorter_opinion)
    assert again.loaded is not None and again.loaded.reattach_notes == (
        "the flags changed since this review was saved; verdicts were re-attached",
    )
    assert again.resolved_count() == 4 and again.dirty
    saved = again.store.load()
    report = render_report(again.loaded.analysis, saved, FIXED_CHECKLIST)
    assert "**Progress:** 4 of 4 flags resolved." in report
    assert len(re.findall(r"\*\*Carried over:\*\*", report)) == len(
        [1 for v, f, _ in again.loaded.carried if v.flag != f.id]
    ) == 1


def test_a_verdict_whose_flag_is_gone_stays_in_the_review_as_an_orphan(session: ReviewSession, article: Path) -> None:
    _decide_all_and_save(session)
    gone = session.flags[2].id
    again = _open(article, analyzer=_without_unsourced)
    loaded = again.loaded
    assert loaded is not None and [v.flag for v in loaded.orphans] == [gone]
    assert loaded.reattach_notes == ("1 verdict(s) match no flag now; they stay in the file",)
    assert again.review.verdict(gone) is not None, "nothing the reviewer wrote is dropped"
    assert not again.dirty, "nothing moved, so nothing to save"


def test_a_fresh_review_names_its_article_and_reviewer(article: Path) -> None:
    loaded = resume_review(_analysis(article), None, article_path=str(article), reviewer="ana")
    assert (loaded.review.article_path, loaded.review.reviewer, loaded.resumed) == (str(article), "ana", False)
    assert loaded.saved is None and not loaded.changed


def _analysis(article: Path) -> Analysis:
    from checks import read_article

    return fixed_analyzer(read_article(article))


@pytest.fixture
def ranked(article: Path) -> ReviewSession:
    """High, low, low, high in document order (``priority_analyzer``)."""
    return _open(article, priority_analyzer)


def test_step_and_undecided_honour_the_priority_filter(ranked: ReviewSession) -> None:
    assert [f.priority for f in ranked.flags] == [Priority.HIGH, Priority.LOW, Priority.LOW, Priority.HIGH]
    high = frozenset({Priority.HIGH})
    assert ranked.step(0, 1, priorities=high) == 3 and ranked.step(3, 1, priorities=high) == 0
    # combined with the kinds filter: both must let a flag through
    assert ranked.step(0, 1, priorities=high, kinds=frozenset({FlagKind.OPINION})) is None
    ranked.decide(ranked.flags[0], Decision.KEEP_FIRST)
    assert ranked.undecided(priorities=high) == (ranked.flags[3],)
    assert len(ranked.undecided()) == 3


def test_decide_many_is_one_undo_step(ranked: ReviewSession) -> None:
    ranked.decide(ranked.flags[0], Decision.KEEP_FIRST)
    low = ranked.undecided(priorities=frozenset({Priority.LOW}))
    verdicts = ranked.decide_many(low, Decision.ACCEPTED, note="  low priority, read together ")
    assert [v.flag for v in verdicts] == [ranked.flags[1].id, ranked.flags[2].id]
    for flag in low:
        verdict = ranked.review.verdict(flag.id)
        assert verdict.decision is Decision.ACCEPTED and verdict.note == "low priority, read together"
        assert verdict.by == "tester"
    assert ranked.resolved_count() == 3 and ranked.dirty
    assert sorted(ranked.undo()) == sorted(f.id for f in low)
    assert all(ranked.review.verdict(f.id) is None for f in low)
    assert ranked.review.verdict(ranked.flags[0].id) is not None, "one undo takes back the bulk step only"
    ranked.redo()
    assert ranked.resolved_count() == 3


def test_decide_many_replaces_earlier_verdicts_and_refuses_a_wrong_decision(ranked: ReviewSession) -> None:
    ranked.decide(ranked.flags[1], Decision.NEEDS_WORK, note="ask the desk")
    ranked.decide_many(ranked.flags[1:3], Decision.ACCEPTED, note="fine")
    assert [v.flag for v in ranked.review.verdicts].count(ranked.flags[1].id) == 1
    assert ranked.review.verdict(ranked.flags[1].id).decision is Decision.ACCEPTED
    before = ranked.review
    with pytest.raises(DecisionError):
        ranked.decide_many(ranked.flags[1:], Decision.KEEP_FIRST)  # only the duplicate takes keep first
    assert ranked.review is before, "nothing changes when one flag cannot take the decision"
    assert ranked.decide_many((), Decision.ACCEPTED) == () and ranked.review is before


def test_decide_many_clears_a_sign_off_and_sign_off_needs_every_flag(ranked: ReviewSession) -> None:
    ranked.decide_many(ranked.undecided(priorities=frozenset({Priority.LOW})), Decision.ACCEPTED)
    assert "2 flags have no verdict" in ranked.sign_off(), "the two high flags are still open"
    assert ranked.review.signed_off is None
