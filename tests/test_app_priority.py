"""Priority in the app, driven with Pilot: shown on the flag, filtered by, jumped to (!), and the
low-priority flags accepted together (A) and undone in one step (u).

The article is ``FIXED_TEXT`` with ``priority_analyzer``'s flags: duplicate (high), opinion (low),
unsourced (low), anonymous (high), in that order.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from fixed_review import FIXED_CHECKLIST, priority_analyzer
from test_app_review import SIZE, decisions, fixed_article, loaded, record_notifications, saved  # noqa: F401

from checks import Analysis, Document, FlagKind
from checks.model import SentenceGrade, Sourcing
from checks.kinds import Priority
from tui import ArticleView, FilterDialog, NoteDialog, make_app
from tui.priority_actions import BULK_NOTE


def ranked_app(path: Path):
    return make_app([path], reviewer="tester", checklist=FIXED_CHECKLIST, analyzer=priority_analyzer)


def summary(screen) -> str:
    return str(screen.query_one("#flag-summary").render())


async def test_the_flag_panel_names_the_priority(fixed_article: Path) -> None:
    async with ranked_app(fixed_article).run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert screen.current == 0 and "! high priority" in summary(screen)
        await pilot.press("n")
        assert "low priority" in summary(screen) and "high priority" not in summary(screen)


def _bold_text(view: ArticleView, flag) -> str:
    """The text drawn bold on the screen line where ``flag`` starts."""
    strip = view._render_screen_line(view.line_map.line_of(flag.start), view.rich_style)
    return "".join(seg.text for seg in strip if seg.style and seg.style.bold)


async def test_high_priority_passages_are_bold_in_the_article(fixed_article: Path) -> None:
    async with ranked_app(fixed_article).run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        view = screen.query_one(ArticleView)
        screen.current = 1  # not on the high flags, so the current flag's emphasis does not count
        await pilot.pause()
        anonymous, unsourced = screen.session.flags[3], screen.session.flags[2]
        assert "Sources close to the mayor" in _bold_text(view, anonymous)
        assert "after a long debate" in unsourced.text and "after a long debate" not in _bold_text(view, unsourced)


async def test_priority_filter_steps_and_says_what_it_hides(fixed_article: Path) -> None:
    app = ranked_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        seen = record_notifications(screen)
        await pilot.press("f")
        assert isinstance(app.screen, FilterDialog)
        offered = [str(o.prompt) for o in app.screen.query_one("#filter-priorities").options]
        assert offered == ["high (2)", "low (2)"], "only the priorities present, with their counts"
        await pilot.press("tab", "n", "space", "enter")  # the priority list: none, then high
        assert screen.kinds is None and screen.priorities == frozenset({Priority.HIGH})
        assert screen.query_one(ArticleView).visible_priorities == frozenset({Priority.HIGH})
        assert screen.current == 0
        await pilot.press("n")
        assert screen.current == 3
        await pilot.press("n")
        assert screen.current == 0, "the low flags in between are skipped, wrapping around"
        await pilot.press("1")  # keep first: on to the next shown flag with no verdict
        assert screen.current == 3
        await pilot.press("a")
        assert screen.current == 3, "no shown flag is left to move to"
        assert seen[-1][1] == ("Every shown flag has a verdict; 2 other flags are hidden by the filter "
                               "and still open (f changes the filter).")
        assert "Every flag has a verdict" not in " ".join(m for _, m in seen)
        await pilot.press("]")
        assert seen[-1][1].startswith("Every shown flag has a verdict; 2 other flags")
        # combined with the kinds filter: only the anonymous flag is both high and anonymous
        # kinds are listed duplicate, unsourced, anonymous, opinion
        await pilot.press("f", "n", "down", "down", "space", "enter")
        assert screen.kinds == frozenset({FlagKind.ANONYMOUS})
        assert screen.priorities == frozenset({Priority.HIGH}) and screen.current == 3
        await pilot.press("f", "a", "tab", "a", "enter")
        assert screen.kinds is None and screen.priorities is None
        await pilot.press("]")
        assert screen.current == 1
        await pilot.press("a", "a")
        assert seen[-1][1].startswith("Every flag has a verdict: tick the checklist and sign off")


async def test_bang_jumps_to_the_next_open_high_priority_flag(fixed_article: Path) -> None:
    async with ranked_app(fixed_article).run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        seen = record_notifications(screen)
        assert screen.current == 0
        await pilot.press("exclamation_mark")
        assert screen.current == 3, "past the two low-priority flags"
        await pilot.press("exclamation_mark")
        assert screen.current == 0, "wrapping around"
        await pilot.press("1")  # decided: the jump now skips it
        assert screen.current == 1
        await pilot.press("exclamation_mark")
        assert screen.current == 3
        await pilot.press("exclamation_mark")
        assert screen.current == 3, "the only open high flag is the one in view"
        await pilot.press("a")
        await pilot.press("exclamation_mark")
        assert seen[-1][1] == "No high-priority flag is without a verdict."
        await pilot.press("u")  # the anonymous flag is open again, but the filter hides it
        await pilot.press("f", "n", "space", "enter")  # duplicates only
        assert screen.kinds == frozenset({FlagKind.DUPLICATE})
        await pilot.press("exclamation_mark")
        assert seen[-1][1] == "No high-priority flag is without a verdict (1 hidden by the filter)."


async def test_accept_low_takes_one_note_and_one_undo(fixed_article: Path) -> None:
    app = ranked_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        seen = record_notifications(screen)
        flags = screen.session.flags
        await pilot.press("1")  # a verdict before the bulk step, which undo must leave alone
        await pilot.press("A")
        assert isinstance(app.screen, NoteDialog)
        await pilot.press("escape")
        assert decisions(fixed_article) == {flags[0].id: "keep_first"}, "escape accepts nothing"
        await pilot.press("A", *["backspace"] * (len(BULK_NOTE) + 1), "enter")
        assert isinstance(app.screen, NoteDialog), "an empty note is refused"
        await pilot.press(*"wire copy, read", "enter")
        assert not isinstance(app.screen, NoteDialog)
        verdicts = {v["flag"]: v for v in saved(fixed_article)["verdicts"]}
        for flag in flags[1:3]:
            assert verdicts[flag.id]["decision"] == "accepted" and verdicts[flag.id]["note"] == "wire copy, read"
        assert flags[3].id not in verdicts, "a high flag is not accepted in bulk"
        assert seen[-1][1] == "Accepted the 2 low-priority flags (u undoes all of them)."
        assert screen.current == 3, "off the accepted flag, onto the next open one"
        await pilot.press("u")
        assert decisions(fixed_article) == {flags[0].id: "keep_first"}, "one undo takes back both"
        await pilot.press("ctrl+r")
        assert len(decisions(fixed_article)) == 3
        await pilot.press("S")
        assert saved(fixed_article).get("signed_off") is None, "the high anonymous flag is still open"


async def test_accept_low_keeps_to_the_filter_and_offers_a_note(fixed_article: Path) -> None:
    app = ranked_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        seen = record_notifications(screen)
        flags = screen.session.flags
        await pilot.press("f", "n", "down", "space", "enter")  # unsourced only
        assert screen.kinds == frozenset({FlagKind.UNSOURCED})
        await pilot.press("A")
        title = str(app.screen.query_one("#note-title").render())
        assert title.startswith("Accept the 1 low-priority flag with no verdict (1 hidden by the filter, left open)?")
        await pilot.press("enter")  # the offered note
        assert decisions(fixed_article) == {flags[2].id: "accepted"}, "the hidden low opinion stays open"
        assert saved(fixed_article)["verdicts"][0]["note"] == BULK_NOTE
        await pilot.press("A")
        assert not isinstance(app.screen, NoteDialog)
        assert seen[-1][1] == "No low-priority flag is without a verdict (1 hidden by the filter)."


def background_analyzer(document: Document) -> Analysis:
    """``priority_analyzer`` with Jane Roe's quote (no flag) graded background."""
    analysis = priority_analyzer(document)
    quote = next(s for s in document.sentences if "Jane Roe" in s.text)
    return replace(analysis, grades=(SentenceGrade(quote.index, Sourcing.BACKGROUND),))


async def test_background_sentences_are_dim_and_no_flag(fixed_article: Path) -> None:
    app = make_app([fixed_article], reviewer="tester", checklist=FIXED_CHECKLIST, analyzer=background_analyzer)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        view = screen.query_one(ArticleView)
        quote = next(s for s in screen.session.loaded.analysis.document.sentences if "Jane Roe" in s.text)
        strip = view._render_screen_line(view.line_map.line_of(quote.start), view.rich_style)
        dim = "".join(seg.text for seg in strip if seg.style and seg.style.dim)
        assert "We will not stand for this," in dim
        assert "reckless" not in dim, "the flagged sentence before it on the line is not dimmed"
        assert len(screen.session.flags) == 4, "background is no flag"
