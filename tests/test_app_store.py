"""What a verdict file's folder holds after a review, and reviews that travel between editors:
no file until there is something in it, no lock or backup litter, another article's review left
alone, conflicts merged and chosen in the app, another writer noticed while the app is open.

Driven with Pilot on the pinned article of ``test_app_review``.
"""

from __future__ import annotations

from pathlib import Path

from fixed_review import FIXED_CHECKLIST, FIXED_TEXT, fixed_analyzer
from test_app_review import SIZE, decisions, fixed_app, fixed_article, loaded  # noqa: F401 - fixture by name

import yaml

from tui import ChoiceDialog, make_app


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


# -- another article's review ------------------------------------------------------------------

def _other_article(tmp_path: Path) -> Path:
    other = tmp_path / "other.txt"
    other.write_text("date 2026-02-01\n\nThe mayor resigned on Friday. Critics called the move reckless and "
                     "sources close to the council said more would follow.\n", encoding="utf-8")
    return other


def _someone_elses_review(fixed_article: Path) -> Path:
    from checks.review.store import ReviewStore
    from checks.review.verdicts import Decision, Review, Verdict

    path = fixed_article.with_name("fixed.txt.review.yaml")
    store = ReviewStore(path)
    store.load()
    verdict = Verdict("opinion-000000000000", "opinion", Decision.ACCEPTED, "Critics called the plan reckless.",
                      0, 10, by="ann")
    store.save(Review(str(fixed_article), "f" * 64, reviewer="ann", verdicts=(verdict,)))
    return path


async def test_another_article_s_review_opens_read_only_and_is_never_written(fixed_article: Path,
                                                                              tmp_path: Path) -> None:
    theirs = _someone_elses_review(fixed_article)
    before = theirs.read_bytes()
    other = _other_article(tmp_path)
    app = make_app([other], verdicts=theirs, reviewer="tester", checklist=FIXED_CHECKLIST)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert isinstance(app.screen, ChoiceDialog) and "is the review of" in app.screen._body
        assert str(fixed_article) in app.screen._body
        await pilot.press("r")
        assert screen.session.read_only and "READ-ONLY" in screen.sub_title
        await pilot.press("a", "s", "n", "a", "q")
    assert theirs.read_bytes() == before


async def test_another_article_s_review_can_give_way_to_a_new_review(fixed_article: Path, tmp_path: Path) -> None:
    theirs = _someone_elses_review(fixed_article)
    before = theirs.read_bytes()
    other = _other_article(tmp_path)
    app = make_app([other], verdicts=theirs, reviewer="tester", checklist=FIXED_CHECKLIST)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        await pilot.press("n")
        assert not screen.session.read_only and screen.session.review.verdicts == ()
        await pilot.press("a")
    assert theirs.read_bytes() == before
    own = yaml.safe_load(other.with_name("other.txt.review.yaml").read_text(encoding="utf-8"))
    assert own["article"]["path"] == str(other) and len(own["verdicts"]) == 1


# -- conflicts ---------------------------------------------------------------------------------

async def test_a_save_conflict_merges_both_sides_verdicts(fixed_article: Path) -> None:
    app = fixed_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        await pilot.press("a")  # the duplicate
        verdict_file = fixed_article.with_name("fixed.txt.review.yaml")
        data = yaml.safe_load(verdict_file.read_text(encoding="utf-8"))
        anonymous = screen.session.flags[3]
        data["verdicts"].append({"flag": anonymous.id, "kind": "anonymous", "decision": "needs_work",
                                 "note": "who are they?", "by": "bob", "text": anonymous.text})
        verdict_file.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        await pilot.press("s")  # the opinion, unsaved: the file changed under us
        assert isinstance(app.screen, ChoiceDialog) and "kept until you choose" in app.screen._body
        await pilot.press("m")
    assert sorted(decisions(fixed_article).values()) == ["accepted", "needs_work", "needs_work"]


async def test_keep_both_copies_are_offered_for_merging_on_reopening(fixed_article: Path) -> None:
    app = fixed_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("a")
        verdict_file = fixed_article.with_name("fixed.txt.review.yaml")
        verdict_file.write_text(verdict_file.read_text().replace("tester", "bob"), encoding="utf-8")
        await pilot.press("s", "k", "q")
    copies = list(fixed_article.parent.glob("fixed.txt.conflict-*.review.yaml"))
    assert len(copies) == 1
    again = fixed_app(fixed_article)
    async with again.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert isinstance(again.screen, ChoiceDialog) and copies[0].name in again.screen._body
        await pilot.press("m")
        await pilot.pause()
    assert not copies[0].exists()
    assert sorted(decisions(fixed_article).values()) == ["accepted", "needs_work"]


async def test_merge_conflicts_are_chosen_in_the_app(fixed_article: Path) -> None:
    from checks.review.merge import merge_reviews
    from checks.review.store import ReviewStore

    app = fixed_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        await pilot.press("a", "q")
    store = ReviewStore(fixed_article.with_name("fixed.txt.review.yaml"))
    ours = store.load()
    mine = ours.verdicts[0]
    theirs = ours.with_verdict(type(mine)(mine.flag, mine.kind, "keep_first", mine.text, mine.start, mine.end,
                                          note="the later one goes", by="bob", at="2026-01-02T00:00:00Z"))
    store.save(merge_reviews(ours, theirs))
    again = fixed_app(fixed_article)
    async with again.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert isinstance(again.screen, ChoiceDialog) and mine.flag in again.screen._body
        await pilot.press("2")  # bob's
        await pilot.pause()
        assert screen.session.review.conflicts == ()
    assert decisions(fixed_article) == {mine.flag: "keep_first"}


async def test_another_writer_is_noticed_while_the_app_is_open(fixed_article: Path) -> None:
    app = fixed_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        await pilot.press("a")
        verdict_file = fixed_article.with_name("fixed.txt.review.yaml")
        verdict_file.write_text(verdict_file.read_text().replace("accepted", "keep_both"), encoding="utf-8")
        screen.check_disk()  # what the app's timer runs every DISK_CHECK_S
        await pilot.pause()
        assert [str(v.decision) for v in screen.session.review.verdicts] == ["keep_both"]
        assert not isinstance(app.screen, ChoiceDialog)


async def test_the_watch_runs_on_its_own_timer(fixed_article: Path, monkeypatch) -> None:
    import tui.store_actions

    monkeypatch.setattr(tui.store_actions, "DISK_CHECK_S", 0.2)
    app = fixed_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        await pilot.press("a")
        verdict_file = fixed_article.with_name("fixed.txt.review.yaml")
        verdict_file.write_text(verdict_file.read_text().replace("accepted", "keep_both"), encoding="utf-8")
        for _ in range(50):
            await pilot.pause(0.1)
            if [str(v.decision) for v in screen.session.review.verdicts] == ["keep_both"]:
                break
        assert [str(v.decision) for v in screen.session.review.verdicts] == ["keep_both"]
