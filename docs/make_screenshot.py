"""Regenerate docs/screenshot.svg: the app on the seed article, at a duplicate flag.

    python docs/make_screenshot.py

The seed is copied to a temporary folder first, so no verdict file is written beside it.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from checks import FlagKind  # noqa: E402
from sourcecheck.review import seed_article  # noqa: E402
from tui import make_app  # noqa: E402


async def shoot(target: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / seed_article().name
        shutil.copy(seed_article(), article)
        app = make_app([article], reviewer="editor")
        async with app.run_test(size=(130, 42)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.review_screen
            await pilot.press("a", "s", "a")  # a few verdicts, so the progress shows
            duplicate = next((i for i, f in enumerate(screen.session.flags) if f.kind is FlagKind.DUPLICATE), None)
            if duplicate is not None:
                screen.current = duplicate
            app.clear_notifications()
            await pilot.pause()
            app.save_screenshot(filename=target.name, path=str(target.parent))


if __name__ == "__main__":
    asyncio.run(shoot(REPO / "docs" / "screenshot.svg"))
    print("wrote docs/screenshot.svg")
