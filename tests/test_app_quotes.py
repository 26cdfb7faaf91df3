"""A misquote flag in the app (issue 15): the quote beside its source passage with the differing
words marked, the source key opening the source around the passage, and --sources remembered."""

from __future__ import annotations

from pathlib import Path

import yaml
from textual.widgets import Static

from checks import FlagKind
from checks.quotecheck.load import load_sources
from sourcecheck.review import remembered_sources
from test_app_review import SIZE, loaded
from tui import SourceScreen, make_app

TRANSCRIPT = ("JANE ORTIZ: Good morning. We will not raise taxes this year, and the budget is balanced.\n"
              "TOM HALE: Our figures show a slowdown in every region of the country.\n")
ARTICLE = 'Budget talks\n\nThe minister spoke on Friday.\n\n"We will raise taxes this year," said Jane Ortiz.\n'


async def test_misquote_side_by_side_and_source_key(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("transcript.txt").write_text(TRANSCRIPT, encoding="utf-8")
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    app = make_app([article], reviewer="tester", sources=load_sources(["transcript.txt"]),
                   source_paths=["transcript.txt"])
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        kinds = [f.kind for f in screen.session.flags]
        assert FlagKind.MISQUOTE in kinds
        while screen.current_flag.kind is not FlagKind.MISQUOTE:
            await pilot.press("n")
        flag = screen.current_flag
        quote = screen.query_one("#flag-first", Static).visual
        source = screen.query_one("#flag-second", Static).visual
        assert "We will raise taxes" in quote.plain
        assert "transcript.txt:1:27" in source.plain and "JANE ORTIZ" in source.plain
        heading = source.plain.index("\n")
        marked = [source.plain[s.start : s.end] for s in source.spans if s.start > heading]
        assert marked == ["not"], "the dropped word is marked in the source passage"
        await pilot.press("o")
        await pilot.pause()
        opened = app.screen
        assert isinstance(opened, SourceScreen) and opened.error is None
        body = opened.query_one("#source-text", Static).visual
        assert "We will not raise taxes this year" in body.plain and "TOM HALE" in body.plain
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("a")
        await pilot.pause()
    saved = yaml.safe_load(article.with_name("story.txt.review.yaml").read_text(encoding="utf-8"))
    assert saved["sources"] == ["transcript.txt"]
    assert any(v["flag"] == flag.id for v in saved["verdicts"])
    assert remembered_sources([article], None) == ("transcript.txt",)


async def test_source_key_on_another_flag_only_warns(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    app = make_app([article], reviewer="tester")
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert app.screen is screen
