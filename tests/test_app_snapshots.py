"""What the reviewer sees, as SVG snapshots of the app on a small fixed article.

The flags are pinned by hand (``fixed_analyzer``) and the checklist is fixed, so these pictures
change only when the app's look changes. Update with ``pytest --snapshot-update`` after looking at
the report.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fixed_review import FIXED_CHECKLIST, FIXED_TEXT, fixed_analyzer

from tui import make_app

SIZE = (120, 36)


def _article(tmp_path: Path, name: str = "fixed.txt") -> Path:
    path = tmp_path / name
    path.write_text(FIXED_TEXT, encoding="utf-8")
    return path


def _app(*paths: Path):
    return make_app(list(paths), reviewer="tester", checklist=FIXED_CHECKLIST, analyzer=fixed_analyzer)


async def _settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_main_screen(snap_compare, tmp_path: Path) -> None:
    """The review after accepting the duplicate's 'keep both' and moving to the opinion flag.

    A reviewer should see: the article with each flag tinted by kind (the literal "[bold]" and
    an escape shown as "␛" in the last paragraph), the opinion sentence reversed as current with
    "reckless" underlined as evidence, the flag panel naming the kind, reason and evidence with
    no verdict yet, "1 of 4 flags resolved" with its bar, the checklist with "No duplicated
    passages" no longer blocked, the legend with counts, and the footer keys.
    """

    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press("b")
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(_app(_article(tmp_path)), terminal_size=SIZE, run_before=run_before)


def test_duplicate_side_by_side(snap_compare, tmp_path: Path) -> None:
    """The first flag, a duplicate, after `t` jumped to its twin.

    A reviewer should see both passages side by side in the flag panel, the differing words
    ("," vs "after a long debate") marked on each side and the shared phrase underlined; in the
    article the first passage is reversed and the twin passage reversed and underlined; the panel
    hints at 1 / 2 / b for keep first / second / both.
    """

    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press("t")
        await pilot.pause()

    assert snap_compare(_app(_article(tmp_path)), terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare, tmp_path: Path) -> None:
    """`?` opens the list of every key, grouped: review keys first, then the flag panel, lists, app."""

    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(_app(_article(tmp_path)), terminal_size=(120, 44), run_before=run_before)


def test_dismiss_needs_a_reason(snap_compare, tmp_path: Path) -> None:
    """`x` then enter with no text: the dialog stays open and says a reason is required."""

    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press("x", "enter")
        await pilot.pause()

    assert snap_compare(_app(_article(tmp_path)), terminal_size=SIZE, run_before=run_before)


def test_review_queue(snap_compare, tmp_path: Path) -> None:
    """Two articles open: the article list on the left shows each one's progress and marks the
    current one; after one verdict the first reads "1/4 resolved"."""
    first = _article(tmp_path, "a-first.txt")
    second = tmp_path / "b-second.txt"
    shutil.copy(first, second)

    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press("a")
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(_app(first, second), terminal_size=SIZE, run_before=run_before)
