"""``sourcecheck [review]`` argument handling: bad input ends with one line and exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from sourcecheck.cli import main
from sourcecheck.exit_codes import ExitCode
from tui import SourcecheckApp
from sourcecheck.review import collect_articles


def test_missing_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nope.txt")]) == ExitCode.ERROR
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.txt: no such file or folder" in err


def test_verdicts_option_needs_a_single_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Text.\n", encoding="utf-8")
    code = main(["review", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--verdicts", str(tmp_path / "v.yaml")])
    assert code == ExitCode.ERROR and "one article only" in capsys.readouterr().err


def test_bad_checklist_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Text.\n", encoding="utf-8")
    checklist = tmp_path / "list.yaml"
    checklist.write_text("version: 1\nitems: oops\n", encoding="utf-8")
    assert main([str(article), "--checklist", str(checklist)]) == ExitCode.ERROR
    err = capsys.readouterr().err
    assert err.startswith("sourcecheck: error: ") and err.count("\n") == 1


def test_a_folder_is_a_queue_of_its_articles(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", ".hidden.txt", "a.txt.review.yaml", "notes.pdf"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in collect_articles([str(tmp_path)])] == ["a.md", "b.txt"]


def test_an_empty_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path)]) == ExitCode.ERROR
    assert "no article files" in capsys.readouterr().err


def test_the_seed_review_goes_to_the_user_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`sourcecheck` with no file opens the seed, and its verdicts never land in seeds/."""
    import sourcecheck.review as launch

    monkeypatch.setenv(launch.DATA_DIR_ENV, str(tmp_path / "data"))
    opened = {}

    def fake_run(self) -> None:  # the app itself is driven by the Pilot tests
        opened["verdicts"] = self.sessions[0].store.path
        opened["article"] = self.sessions[0].article

    monkeypatch.setattr(SourcecheckApp, "run", fake_run)
    assert main([]) == 0
    assert opened["article"].name == "north-korea-talks.txt"
    assert opened["verdicts"] == tmp_path / "data" / "north-korea-talks.review.yaml"
    assert opened["verdicts"].parent.is_dir()


def test_dash_opens_the_app_on_pasted_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`sourcecheck -`: standard input saved in the data folder, opened, its review beside it."""
    import io
    import sys

    import sourcecheck.articles
    import sourcecheck.review as launch

    class Pasted:
        buffer = io.BytesIO(b"The minister said the talks had failed.\n")

        def isatty(self) -> bool:
            return False

    monkeypatch.setenv(launch.DATA_DIR_ENV, str(tmp_path / "data"))
    monkeypatch.setattr(sys, "stdin", Pasted())
    monkeypatch.setattr(sourcecheck.articles, "_keys_from_terminal", lambda: None)  # no terminal in a test
    opened = {}

    def fake_run(self) -> None:
        opened["article"] = self.sessions[0].article
        opened["verdicts"] = self.sessions[0].store.path

    monkeypatch.setattr(SourcecheckApp, "run", fake_run)
    assert main(["-"]) == 0
    article = opened["article"]
    assert article.parent == tmp_path / "data" / "pasted" and article.read_bytes().startswith(b"The minister")
    assert opened["verdicts"].parent == article.parent


def test_against_a_missing_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Text.\n", encoding="utf-8")
    assert main([str(article), "--against", str(tmp_path / "no-such-corpus")]) == ExitCode.ERROR
    err = capsys.readouterr().err
    assert err.startswith("sourcecheck: error: ") and err.count("\n") == 1


def test_verdicts_in_a_missing_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Text.\n", encoding="utf-8")
    assert main([str(article), "--verdicts", str(tmp_path / "nowhere" / "v.yaml")]) == ExitCode.ERROR
    assert "folder does not exist" in capsys.readouterr().err
