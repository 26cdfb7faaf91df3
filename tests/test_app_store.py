"""What a verdict file's folder holds after a review, and reviews that travel between editors:
no file until there is something in it, no lock or backup litter, another article's review left
alone, conflicts merged and chosen in the app, another writer noticed while the app is open.

Driven with Pilot on the pinned article of ``test_app_review``.
"""

from __future__ import annotations

from pathlib import Path

from fixed_review import FIXED_CHECKLIST, FIXED_TEXT, fixed_analyzer
from test_app_review import SIZE, decisions, fixed_app, fixed_article, loaded  # noqa: F401 - fixture by name

from tui import make_app


def _queue(tmp_path: Path, n: int) -> list[Path]:
    paths = []
    for i in range(n):
        path = tmp_path / f"story-{i}.txt"
        path.write_text(FIXED_TEXT, encoding="utf-8")
        paths.append(path)
    return paths


async def test_paging_through_a_queue_writes_no_verdict_files(tmp_path: Path) -> None:
    articles = _queue(tmp_path, 3)
    app = make_app(articles, reviewer="tester", checklist=FIXED_CHECKLIST, analyzer=fixed_analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        for _ in range(3):
            await pilot.press("n", "greater_than_sign")
            await loaded(pilot)
        await pilot.press("q")
    assert sorted(p.name for p in tmp_path.iterdir()) == [p.name for p in articles]


async def test_a_review_leaves_only_its_verdict_file_beside_the_article(tmp_path: Path) -> None:
    article = _queue(tmp_path, 1)[0]
    app = fixed_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("a", "a", "u")
        await pilot.press("q")
    assert decisions(article)
    visible = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert visible == ["story-0.txt", "story-0.txt.review.yaml"]
    hidden = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("."))
    assert hidden == [".story-0.txt.review.yaml.bak"], "no lock file left; the backup is hidden"
