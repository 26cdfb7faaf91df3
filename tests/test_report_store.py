"""``sourcecheck report`` finds what the app wrote: the seed's review in the user data folder,
"keep both" conflict copies beside the verdict file, and merge conflicts not chosen yet."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from checks import analyze, read_article
from checks.flags import by_priority
from checks.review.store import ReviewStore, verdict_path_for
from checks.review.verdicts import Decision, Review, Verdict, VerdictConflict
from sourcecheck.cli import main
from sourcecheck.seed import DATA_DIR_ENV, seed_article, seed_verdicts_path


@pytest.fixture(autouse=True)
def no_user_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCECHECK_CONFIG_DIR", str(tmp_path / "no-config"))
    monkeypatch.setenv("SOURCECHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))


def _reviewed(article: Path, path: Path, **kwargs) -> Review:
    analysis = analyze(read_article(article))
    first = by_priority(analysis.flags)[0]
    review = Review(article_path=str(article), article_sha256=analysis.document.sha256, reviewer="ana", **kwargs)
    review = review.with_verdict(Verdict.for_flag(first, Decision.ACCEPTED, note="checked", by="ana"))
    path.parent.mkdir(parents=True, exist_ok=True)
    store = ReviewStore(path)
    store.load()
    store.save(review)
    return review


def test_report_on_the_seed_finds_the_review_the_app_wrote(capsys: pytest.CaptureFixture[str]) -> None:
    seed = seed_article()
    _reviewed(seed, seed_verdicts_path())
    assert main(["report", str(seed)]) == 0
    out = capsys.readouterr().out
    assert "Not reviewed yet" not in out and "1 of" in out
    assert str(seed_verdicts_path()) in out.replace("\\", "")  # the Markdown escapes its dashes
    assert not verdict_path_for(seed).exists()


def test_the_app_opened_on_the_seed_by_name_writes_to_the_user_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.app import SourcecheckApp

    opened = {}
    monkeypatch.setattr(SourcecheckApp, "run", lambda self: opened.setdefault("path", self.sessions[0].store.path))
    assert main([str(seed_article())]) == 0
    assert opened["path"] == seed_verdicts_path()


def test_report_lists_conflict_copies_and_unchosen_conflicts(tmp_path: Path, seed_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "talks.txt"
    shutil.copyfile(seed_path, article)
    verdicts = verdict_path_for(article)
    review = _reviewed(article, verdicts)
    mine = review.verdicts[0]
    theirs = Verdict(mine.flag, mine.kind, Decision.NEEDS_WORK, mine.text, mine.start, mine.end, note="who?", by="ben")
    store = ReviewStore(verdicts)
    store.load()
    store.save(replace(review.without_verdict(mine.flag), conflicts=(VerdictConflict(mine.flag, (mine, theirs)),)))
    copy = store.save_copy(review)
    assert main(["report", str(article)]) == 0
    captured = capsys.readouterr()
    assert "## Not merged yet" in captured.out and "**needs work** (by ben): who?" in captured.out
    assert copy.name in captured.out and f"sourcecheck merge {verdicts} {copy}" in captured.err
    assert "1 flag(s) with conflicting merged verdicts" in captured.err
