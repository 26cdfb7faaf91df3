"""The review app and the files around it: another program's changes, read-only folders, an
edited article, files that cannot be read, and a corpus of earlier stories (``--against``).

Driven with Pilot on the pinned article of ``test_app_review``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from fixed_review import FIXED_CHECKLIST, FIXED_TEXT, _span, fixed_analyzer
from test_app_review import (
    SIZE,
    decisions,
    fixed_app,
    fixed_article,  # noqa: F401 - a fixture, used by name
    loaded,
    record_notifications,
    saved,
)

from checks import Analysis, Document, Flag, FlagKind, Span
from checks.details import ReusedDetails
from checks.flags import assign_ids
from tui import ArticleView, ChoiceDialog, make_app



async def test_a_change_on_disk_is_never_overwritten(fixed_article: Path) -> None:
    app = fixed_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("a")
        verdict_file = fixed_article.with_name("fixed.txt.review.yaml")
        theirs = verdict_file.read_text(encoding="utf-8").replace("tester", "someone-else")
        verdict_file.write_text(theirs, encoding="utf-8")
        await pilot.press("a")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("k")
        assert verdict_file.read_text(encoding="utf-8") == theirs
        copies = list(fixed_article.parent.glob("fixed.txt.conflict-*.review.yaml"))
        assert len(copies) == 1 and len(yaml.safe_load(copies[0].read_text())["verdicts"]) == 2


async def test_reload_theirs_after_a_change_on_disk(fixed_article: Path) -> None:
    app = fixed_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        await pilot.press("a")
        verdict_file = fixed_article.with_name("fixed.txt.review.yaml")
        verdict_file.write_text(verdict_file.read_text().replace("accepted", "needs_work"), encoding="utf-8")
        await pilot.press("a", "r")
        assert [str(v.decision) for v in screen.session.review.verdicts] == ["needs_work"]


async def test_read_only_folder_opens_read_only(fixed_article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from checks.review.store import ReviewStore

    if os.geteuid() == 0:  # root writes anywhere; let the store report what a user would see
        monkeypatch.setattr(ReviewStore, "read_only", property(lambda self: True))
    folder = fixed_article.parent
    folder.chmod(0o555)
    try:
        app = fixed_app(fixed_article)
        async with app.run_test(size=SIZE) as pilot:
            screen = await loaded(pilot)
            assert "READ-ONLY" in screen.sub_title
            await pilot.press("a", "space", "S")
            assert screen.session.review.verdicts == () and screen.session.review.ticks == ()
            await pilot.press("q")
    finally:
        folder.chmod(0o755)
    assert not fixed_article.with_name("fixed.txt.review.yaml").exists()


async def test_verdicts_follow_an_edited_article_and_weak_matches_wait_for_confirmation(
    fixed_article: Path,
) -> None:
    app = fixed_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("b", "s", "q")  # keep both on the duplicate; the opinion needs work
    edited = FIXED_TEXT.replace("Critics called the plan reckless.", "Some critics called this plan reckless and cruel today.")
    fixed_article.write_text("Intro added by the desk.\n\n" + edited.split("\n", 1)[1], encoding="utf-8")

    again = fixed_app(fixed_article)
    shown = record_notifications(again)
    async with again.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        session = screen.session
        duplicate, opinion = session.flags[0], session.flags[1]
        assert session.review.verdict(duplicate.id).decision == "keep_both", "a strong match carries over"
        assert session.review.verdict(opinion.id) is None
        assert session.pending_weak(opinion) is not None
        assert saved(fixed_article)["article"]["sha256"] == session.loaded.analysis.document.sha256
        screen.current = 1
        await pilot.pause()
        assert "w confirms it here" in str(screen.query_one("#flag-summary").render())
        await pilot.press("w")
        assert decisions(fixed_article)[opinion.id] == "needs_work"
        assert any("re-attached" in message for _, message in shown)


async def test_an_unreadable_article_in_the_queue_is_one_line_not_a_crash(fixed_article: Path) -> None:
    broken = fixed_article.with_name("empty.txt")
    broken.write_text("   \n", encoding="utf-8")
    app = make_app([broken, fixed_article], reviewer="tester", checklist=FIXED_CHECKLIST, analyzer=fixed_analyzer)
    shown = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert screen.session.error is not None and "empty article" in screen.session.error
        assert ("Cannot open", screen.session.error) in shown
        await pilot.press("a", "n", "greater_than_sign")
        screen = await loaded(pilot)
        assert screen.session.name == "fixed.txt" and screen.current_flag is not None
        assert screen.sessions[0].progress_label() == "cannot open"


async def test_quit_asks_when_work_could_not_be_saved(fixed_article: Path) -> None:
    app = fixed_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        await pilot.press("a")
        verdict_file = fixed_article.with_name("fixed.txt.review.yaml")
        verdict_file.write_text(verdict_file.read_text().replace("tester", "other"), encoding="utf-8")
        await pilot.press("a", "escape")  # the conflict is left undecided: our change is unsaved
        assert screen.session.dirty
        await pilot.press("q")
        assert isinstance(app.screen, ChoiceDialog) and "Quit with unsaved work?" in app.screen._title
        await pilot.press("n")
        assert app.is_running and app.screen is screen
        await pilot.press("q", "y")
        await pilot.pause()
        assert not app.is_running


async def test_a_reused_passage_shows_its_corpus_source(fixed_article: Path) -> None:
    """A reused flag's related span points into the corpus file: shown beside, never painted here."""
    from dataclasses import replace

    def with_reuse(document: Document) -> Analysis:
        analysis = fixed_analyzer(document)
        quote = _span(document.text, "Critics called the plan reckless.")
        source = Span(5000, 5040, "Critics called the scheme reckless today.")
        reused = Flag("", FlagKind.REUSED, quote.start, quote.end, quote.text, "reused from wire/old.txt:3:1",
                      related=(source,), details=ReusedDetails(source="wire/old.txt", source_line=3, source_col=1, score=88.0))
        return replace(analysis, flags=assign_ids([*analysis.flags, reused]))

    app = make_app([fixed_article], reviewer="tester", checklist=FIXED_CHECKLIST, analyzer=with_reuse)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        index = next(i for i, f in enumerate(screen.session.flags) if f.kind is FlagKind.REUSED)
        screen.current = index
        await pilot.pause()
        second = str(screen.query_one("#flag-second").render())
        assert "Source wire/old.txt:3" in second and "scheme" in second
        await pilot.press("t")
        assert screen.query_one(ArticleView).focus_span == (screen.current_flag.start, screen.current_flag.end)
        await pilot.press("a")
        assert decisions(fixed_article) == {screen.session.flags[index].id: "accepted"}


async def test_against_a_corpus_adds_reused_flags(fixed_article: Path, tmp_path: Path) -> None:
    from checks.corpus.cache import load_corpus_index

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "wire.txt").write_text(
        "An unrelated opening line about the weather in the valley.\n\n"
        '"We will not stand for this," said Jane Roe, a local organiser, on Tuesday night.\n',
        encoding="utf-8",
    )
    index = load_corpus_index(corpus, use_cache=False)
    app = make_app([fixed_article], reviewer="tester", checklist=FIXED_CHECKLIST, corpus=index)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        reused = [f for f in screen.session.flags if f.kind is FlagKind.REUSED]
        assert reused and isinstance(reused[0].details, ReusedDetails) and reused[0].details.source == "wire.txt"


async def test_a_broken_verdict_file_is_reported_and_left_alone(fixed_article: Path) -> None:
    verdict_file = fixed_article.with_name("fixed.txt.review.yaml")
    verdict_file.write_text("version: 1\narticle: [not, a, mapping\n", encoding="utf-8")
    before = verdict_file.read_bytes()
    app = fixed_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert screen.session.error and "\n" not in screen.session.error
        assert "fixed.txt.review.yaml" in screen.session.error
        await pilot.press("a", "q")
    assert verdict_file.read_bytes() == before


async def test_the_bar_measures_the_engine_s_stages_while_an_article_is_analysed(
    fixed_article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from textual.widgets import ProgressBar, Static

    import tui.app
    from checks.analysis import DUPLICATES, stages_for
    from tui.progress_pane import ProgressPane

    halfway, go_on = threading.Event(), threading.Event()

    def staged_engine(document: Document, *, lexicon=None, corpus=None, config=None, min_checkworthy=None,
                      progress=None) -> Analysis:
        stages = stages_for(corpus)
        k, n = stages.index(DUPLICATES), len(stages)
        for done in range(k + 1):
            progress(stages[done], done, n)
        halfway.set()
        go_on.wait(10)  # the duplicate search, still running
        progress(stages[-1], n - 1, n)
        progress(stages[-1], n, n)
        return fixed_analyzer(document)

    monkeypatch.setattr(tui.app, "analyze", staged_engine)
    app = make_app([fixed_article], reviewer="tester", checklist=FIXED_CHECKLIST)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(1000):  # the engine fails the test, not hangs it, if it never gets there
            if halfway.is_set():
                break
            await pilot.pause(0.01)
        assert halfway.is_set()
        await pilot.pause()
        pane = app.review_screen.query_one(ProgressPane)
        bar = pane.query_one(ProgressBar)
        assert (bar.total, bar.progress) == (len(stages_for(None)), stages_for(None).index(DUPLICATES))
        assert str(pane.query_one("#progress-label", Static).render()) == DUPLICATES.label == (
            "looking for passages said twice ..."
        )
        go_on.set()
        screen = await loaded(pilot)
        assert screen.session.loaded is not None
        assert "4 flags" in str(pane.query_one("#progress-label", Static).render())
