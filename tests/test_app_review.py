"""The review app driven with Pilot: keys in, app state and the saved verdict file out.

Also the shared fixtures of the app tests: fixed_app, and FIXED_TEXT, fixed_analyzer, FIXED_CHECKLIST
(from ``fixed_review``, which the engine's session tests share without importing the app).

The seed article runs through the real engine; tests that need a particular flag (a duplicate, a
fixed order) use FIXED_TEXT with flags pinned by hand, so engine improvements cannot move them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from fixed_review import FIXED_CHECKLIST, FIXED_TEXT, fixed_analyzer  # noqa: F401 (shared by the app tests)

from checks import FlagKind
from tui import ArticleView, FilterDialog, HelpScreen, NoteDialog, ReviewScreen, make_app

SIZE = (120, 36)


@pytest.fixture
def seed_copy(tmp_path: Path, seed_path: Path) -> Path:
    """The seed in tmp_path, so its verdict file lands there and never in seeds/."""
    target = tmp_path / seed_path.name
    shutil.copy(seed_path, target)
    return target


@pytest.fixture
def fixed_article(tmp_path: Path) -> Path:
    path = tmp_path / "fixed.txt"
    path.write_text(FIXED_TEXT, encoding="utf-8")
    return path


def fixed_app(path: Path, **kwargs):
    return make_app([path], reviewer="tester", checklist=FIXED_CHECKLIST, analyzer=fixed_analyzer, **kwargs)


def record_notifications(app) -> list[tuple[str, str]]:
    """(title, message) of every notification the app shows from now on."""
    seen: list[tuple[str, str]] = []
    original = app.notify

    def notify(message: str, **kwargs) -> None:
        seen.append((kwargs.get("title", ""), message))
        original(message, **kwargs)

    app.notify = notify
    return seen


async def loaded(pilot) -> ReviewScreen:
    from textual.worker import WorkerFailed

    try:
        await pilot.app.workers.wait_for_complete()
    except WorkerFailed:
        pass  # the app reports a failed load itself; the tests look at what it shows
    await pilot.pause()
    return pilot.app.review_screen


def saved(article: Path) -> dict:
    return yaml.safe_load(article.with_name(article.name + ".review.yaml").read_text(encoding="utf-8"))


def decisions(article: Path) -> dict[str, str]:
    return {v["flag"]: v["decision"] for v in saved(article).get("verdicts", [])}


async def test_accept_saves_and_moves_to_the_next_unresolved_flag(seed_copy: Path) -> None:
    app = make_app([seed_copy], reviewer="tester")
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        first = screen.current_flag
        assert first is not None and screen.current == 0
        await pilot.press("a")
        assert decisions(seed_copy) == {first.id: "accepted"}
        assert screen.current == 1
        assert screen.query_one(ArticleView).current == 1
        verdict = saved(seed_copy)["verdicts"][0]
        assert verdict["text"] == first.text and verdict["by"] == "tester"


async def test_verdicts_ticks_and_position_survive_a_restart(seed_copy: Path) -> None:
    app = make_app([seed_copy], reviewer="tester")
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        await pilot.press("a", "s", "x")
        await pilot.press(*"a quote from the wire")
        await pilot.press("enter", "space", "n")
        expected_position = screen.current_flag.id
        expected = decisions(seed_copy)
        await pilot.press("q")
    assert len(expected) == 3 and sorted(expected.values()) == ["accepted", "dismissed", "needs_work"]
    data = saved(seed_copy)
    assert data["position"] == expected_position
    assert [t["item"] for t in data["checklist"]] == ["claims-sourced"]

    again = make_app([seed_copy], reviewer="tester")
    async with again.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert screen.current_flag.id == expected_position
        review = screen.session.review
        assert {v.flag: str(v.decision) for v in review.verdicts} == expected
        assert review.ticked("claims-sourced")
        dismissed = next(v for v in review.verdicts if v.decision == "dismissed")
        assert dismissed.note == "a quote from the wire"


async def test_undo_and_redo_cover_verdicts_and_ticks(seed_copy: Path) -> None:
    app = make_app([seed_copy], reviewer="tester")
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        await pilot.press("a", "a", "space")
        assert len(decisions(seed_copy)) == 2 and saved(seed_copy)["checklist"]
        await pilot.press("u")
        assert "checklist" not in saved(seed_copy)
        await pilot.press("u")
        assert len(decisions(seed_copy)) == 1
        assert screen.current == 1, "undo shows the flag whose verdict it took back"
        await pilot.press("ctrl+r")
        assert len(decisions(seed_copy)) == 2
        await pilot.press("u", "u", "u")
        assert "verdicts" not in saved(seed_copy)


async def test_dismiss_without_a_reason_is_refused(fixed_article: Path) -> None:
    app = fixed_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        flag = screen.current_flag
        await pilot.press("x", "enter")
        assert isinstance(app.screen, NoteDialog), "an empty reason keeps the dialog open"
        assert "reason is required" in str(app.screen.query_one("#note-error").render())
        await pilot.press("escape")
        assert screen.session.review.verdict(flag.id) is None
        await pilot.press("x", *"named in para 4", "enter")
        verdict = screen.session.review.verdict(flag.id)
        assert verdict is not None and verdict.decision == "dismissed" and verdict.note == "named in para 4"


async def test_edit_note_keeps_the_decision(fixed_article: Path) -> None:
    app = fixed_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        flag = screen.current_flag
        await pilot.press("e")
        assert not isinstance(app.screen, NoteDialog), "no note before a verdict"
        await pilot.press("s", "p", "e", *"ask for the source", "enter")
        verdict = screen.session.review.verdict(flag.id)
        assert (verdict.decision, verdict.note) == ("needs_work", "ask for the source")
        assert screen.current_flag.id == flag.id, "editing a note does not move on"


async def test_sign_off_is_refused_while_flags_are_open_then_allowed(fixed_article: Path) -> None:
    app = fixed_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        shown = record_notifications(app)
        await pilot.press("S")
        assert screen.session.review.signed_off is None
        assert any(title == "Cannot sign off" and "4 flags have no verdict" in message for title, message in shown)
        await pilot.press("b", "a", "a", "a")  # keep both, then accept the other three
        await pilot.press("space", "c", "down", "enter", "escape")
        assert screen.session.sign_off_problems() == []
        await pilot.press("S")
        assert saved(fixed_article)["signed_off"]["by"] == "tester"


async def test_duplicate_keys_only_apply_to_duplicates(fixed_article: Path) -> None:
    app = fixed_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        await pilot.press("n")
        assert screen.current_flag.kind is FlagKind.OPINION
        shown = record_notifications(app)
        await pilot.press("1")
        assert screen.session.review.verdicts == ()
        assert shown == [("", "'keep first' is for duplicate passages; this flag is an opinion as reporting.")]
        await pilot.press("p", "2")
        assert decisions(fixed_article) == {screen.session.flags[0].id: "keep_second"}


async def test_twin_jump_lands_on_the_other_passage_and_back(fixed_article: Path) -> None:
    app = fixed_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        article = screen.query_one(ArticleView)
        flag = screen.current_flag
        assert flag.kind is FlagKind.DUPLICATE
        twin = flag.related[0]
        await pilot.press("t")
        assert article.focus_span == (twin.start, twin.end)
        line = article.line_map.line_of(twin.start)
        assert article.scroll_y <= line < article.scroll_y + article.scrollable_content_region.height
        await pilot.press("t")
        assert article.focus_span == (flag.start, flag.end)
        screen.query_one("#flag").focus()
        await pilot.press("tab")
        assert article.focus_span == (twin.start, twin.end), "tab in the flag panel jumps too"


async def test_filter_steps_through_chosen_kinds_only(fixed_article: Path) -> None:
    app = fixed_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        await pilot.press("f")
        assert isinstance(app.screen, FilterDialog)
        # Kinds are listed in FlagKind order: duplicate, unsourced, anonymous, opinion.
        await pilot.press("n", "down", "space", "down", "space", "enter")
        assert screen.kinds == frozenset({FlagKind.UNSOURCED, FlagKind.ANONYMOUS})
        assert screen.current_flag.kind is FlagKind.UNSOURCED
        await pilot.press("n")
        assert screen.current_flag.kind is FlagKind.ANONYMOUS
        await pilot.press("n")
        assert screen.current_flag.kind is FlagKind.UNSOURCED
        await pilot.press("f", "a", "enter")
        assert screen.kinds is None


async def test_filter_marks_chosen_and_unchosen_kinds_by_glyph_not_only_colour(fixed_article: Path) -> None:
    from tui.mark_list import CHOSEN_MARK, UNCHOSEN_MARK

    app = fixed_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("f", "down", "space")  # the second kind (unsourced) unchosen
        kinds = app.screen.query_one("#filter-kinds")
        marks = [kinds.render_line(y).text[1] for y in range(kinds.option_count)]
        assert marks == [CHOSEN_MARK, UNCHOSEN_MARK, CHOSEN_MARK, CHOSEN_MARK]
        assert CHOSEN_MARK != UNCHOSEN_MARK and "X" not in marks


async def test_flag_panel_keeps_no_blank_lines_at_100x30(seed_copy: Path) -> None:
    from tui import FlagPanel

    app = make_app([seed_copy], reviewer="tester", checklist=FIXED_CHECKLIST)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await loaded(pilot)
        for _ in range(5):
            await pilot.pause()
            panel = screen.query_one(FlagPanel)
            bottom = max(child.region.bottom for child in panel.children if child.display and child.region)
            assert panel.content_region.bottom <= bottom, "the flag panel keeps no blank lines under what it shows"
            assert screen.query_one(ArticleView).size.height >= 14
            await pilot.press("n")


async def test_flag_panel_shows_the_link_and_l_copies_it(tmp_path: Path) -> None:
    from tui import FlagPanel

    article = tmp_path / "memo.md"
    article.write_text(
        "Officials who asked not to be named said the budget would be cut, as "
        "[this memo](https://example.org/memo) and [the minutes](https://example.org/minutes) show.\n",
        encoding="utf-8",
    )
    app = make_app([article], reviewer="tester", checklist=FIXED_CHECKLIST)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert screen.current_flag.kind is FlagKind.ANONYMOUS
        shown = str(screen.query_one(FlagPanel).query_one("#flag-summary").render())
        assert "Link: https://example.org/memo" in shown and "Link: https://example.org/minutes" in shown
        await pilot.press("l")
        assert app.clipboard == "https://example.org/memo"
        await pilot.press("l")
        assert app.clipboard == "https://example.org/minutes"


async def test_queue_switches_articles_each_with_its_own_file(seed_copy: Path, fixed_article: Path) -> None:
    app = make_app([fixed_article, seed_copy], reviewer="tester", checklist=FIXED_CHECKLIST)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert screen.query_one("#queue").display
        assert app.focused is None, "arrow keys move between flags, not through the queue"
        await pilot.press("down")
        assert screen.current == 1 and screen.session.name == "fixed.txt"
        await pilot.press("up")
        await pilot.press("a", "greater_than_sign")
        screen = await loaded(pilot)
        assert screen.session.name == seed_copy.name and screen.session.loaded is not None
        await pilot.press("a")
        await pilot.press("less_than_sign")
        assert screen.session.name == "fixed.txt"
        assert screen.sessions[1].progress_label() == f"1/{len(screen.sessions[1].flags)} resolved"
    assert len(decisions(fixed_article)) == 1 and len(decisions(seed_copy)) == 1


async def test_article_markup_and_escapes_show_literally(fixed_article: Path) -> None:
    app = fixed_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        article = screen.query_one(ArticleView)
        lines = "".join(article.render_line(y).text for y in range(article.scrollable_content_region.height))
        assert "[bold]rigged[/]" in lines
        assert "\N{SYMBOL FOR ESCAPE}[31mred" in lines and "\x1b" not in lines


async def test_help_lists_every_key_and_the_palette_offers_them(fixed_article: Path) -> None:
    app = fixed_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(" ".join(row) for _, rows in app.screen._sections for row in rows)
        for keys, description, _action in screen.key_rows():
            assert keys in shown and description in shown
        await pilot.press("escape")
        titles = {c.title for c in app.get_system_commands(screen)}
        assert {"Accept (verified / sourced adequately)", "Sign off", "Keep both (duplicate)"} <= titles


async def test_clicking_a_flagged_passage_selects_it(fixed_article: Path) -> None:
    app = fixed_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        article = screen.query_one(ArticleView)
        target = screen.session.flags[3]  # the anonymous flag, last paragraph
        line = article.line_map.line_of(target.start)
        await pilot.click(ArticleView, offset=(3, line - int(article.scroll_y)))
        assert screen.current_flag.id == target.id


async def test_the_command_palette_runs_review_actions(fixed_article: Path) -> None:
    app = fixed_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        await pilot.press("ctrl+p", *"Keep both", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert decisions(fixed_article) == {screen.session.flags[0].id: "keep_both"}
