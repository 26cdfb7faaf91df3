"""The app's plain-Python parts: wrapping the article into screen lines, and the review session."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app_review import FIXED_CHECKLIST, FIXED_TEXT, fixed_analyzer

from checks import parse_article
from checks.review.verdicts import Decision
from checks.text.display import display_text
from tui.line_map import wrap_paragraphs
from tui.session import ReadOnlyError, ReviewSession, default_reviewer, load_article


def test_wrapped_lines_fit_the_width_and_cover_every_word() -> None:
    doc = parse_article("First paragraph. " * 40 + "\n\nSecond one with a " + "x" * 130 + " tail.\n")
    lines = wrap_paragraphs(doc.text, doc.paragraphs, 50)
    texts = [doc.text[s:e].rstrip() for s, e in zip(lines.starts, lines.ends)]
    assert all(len(t) <= 50 for t in texts)
    assert "" in texts, "a blank line separates paragraphs"
    body = "".join(doc.text[p.start : p.end] for p in doc.paragraphs)
    assert "".join("".join(texts).split()) == "".join(body.split()), "no character lost or repeated"


def test_line_of_finds_the_line_holding_an_offset() -> None:
    doc = parse_article("Alpha beta gamma delta epsilon zeta eta theta iota kappa.\n\nLambda mu.\n")
    lines = wrap_paragraphs(doc.text, doc.paragraphs, 20)
    for offset in (0, doc.text.index("kappa"), doc.text.index("mu")):
        line = lines.line_of(offset)
        assert lines.starts[line] <= offset < lines.ends[line]


def test_wide_characters_wrap_by_cells() -> None:
    doc = parse_article("漢字" * 30 + "\n")
    lines = wrap_paragraphs(doc.text, doc.paragraphs, 20)
    assert all(2 * (e - s) <= 20 for s, e in zip(lines.starts, lines.ends))


def test_display_text_shows_control_characters_and_keeps_offsets() -> None:
    raw = "red \x1b[31m alarm\x07 tab\there"
    shown = display_text(raw)
    assert len(shown) == len(raw)
    assert "\x1b" not in shown and "\x07" not in shown and "\N{SYMBOL FOR ESCAPE}[31m" in shown


@pytest.fixture
def session(tmp_path: Path) -> ReviewSession:
    article = tmp_path / "fixed.txt"
    article.write_text(FIXED_TEXT, encoding="utf-8")
    s = ReviewSession(article, tmp_path / "fixed.review.yaml", reviewer="tester", checklist=FIXED_CHECKLIST)
    s.attach(load_article(article, s.store, reviewer="tester", analyzer=fixed_analyzer))
    return s


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


def test_saved_review_resumes_with_its_position(session: ReviewSession, tmp_path: Path) -> None:
    session.decide(session.flags[1], Decision.ACCEPTED)
    session.set_position(session.flags[2])
    session.save()
    again = ReviewSession(session.article, session.store.path, reviewer="tester", checklist=FIXED_CHECKLIST)
    loaded = load_article(again.article, again.store, reviewer="tester", analyzer=fixed_analyzer)
    again.attach(loaded)
    assert loaded.resumed and again.start_index() == 2
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
