"""Issue 17 defect 1: strings read from files (file names, a verdict's ``by`` and note, checklist
items, reviewers) reach neither the terminal nor a text report raw. ESC, OSC (window title, OSC 8
link), CSI and C1 controls are shown as escapes, never obeyed; Rich markup shows literally."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest
import yaml

from checks import analyze, read_article
from checks.flags import by_priority
from checks.review.checklist import Checklist, ChecklistItem
from checks.review.store import ReviewStore, verdict_path_for
from checks.review.verdicts import Decision, Review, Verdict
from sourcecheck.cli import main

# Every kind of sequence a terminal obeys, and Rich markup, in one string.
EVIL = (
    "Legal \x1b]0;PWNED\x07 \x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\ \x1b[2J\x1b[31mred"
    " \x9b31mcsi\x9d0;T\x9c \x90dcs\x9c [bold]markup[/bold] read"
)
# The same in a file name (no slash there).
EVIL_NAME = "talks \x1b]0;PWNED\x07\x1b[31m\x9b2J [bold]b"


def assert_inert(text: str) -> None:
    """Nothing a terminal would obey: no C0 control but line breaks and tabs, no DEL, no C1."""
    bad = sorted({f"U+{ord(c):04X}" for c in text if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0})
    assert not bad, f"control characters reached the output: {bad}"


@pytest.fixture(autouse=True)
def no_user_files(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCECHECK_CONFIG_DIR", str(tmp_path / "no-config"))
    monkeypatch.setenv("SOURCECHECK_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def article(tmp_path, seed_path) -> Path:
    path = tmp_path / f"{EVIL_NAME}.txt"
    shutil.copyfile(seed_path, path)
    return path


def _save_evil_review(article: Path) -> None:
    analysis = analyze(read_article(article))
    first, second = by_priority(analysis.flags)[:2]
    review = Review(article_path=str(article), article_sha256=analysis.document.sha256, reviewer=EVIL)
    review = review.with_verdict(Verdict.for_flag(first, Decision.ACCEPTED, note=EVIL, by=EVIL))
    review = review.with_verdict(Verdict.for_flag(second, Decision.NEEDS_WORK, note=EVIL, by=EVIL))
    review = review.with_tick("evil", True, by=EVIL)
    store = ReviewStore(verdict_path_for(article))
    store.load()
    store.save(review)


def _evil_checklist(tmp_path: Path) -> Path:
    path = tmp_path / "checklist.yaml"
    items = [{"id": "evil", "text": EVIL, "help": EVIL, "auto": "no_open_flags:unsourced"}]
    path.write_text(yaml.safe_dump({"version": 1, "items": items}), encoding="utf-8")
    return path


def _run(capsys, args: list[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    assert_inert(out)
    assert_inert(err)
    return code, out, err


def test_scan_text_and_its_warnings(article, capsys):
    data = article.read_bytes()
    article.write_bytes(data.replace(b"talks", f"talks {EVIL}".encode(), 1) + b"\n\nA stray \xff byte.\n")
    code, out, err = _run(capsys, ["scan", str(article)])
    assert code == 1 and "\\x1b]0;PWNED\\x07" in out and "\\x1b]0;PWNED" in err


def test_report_markdown_on_stdout_and_in_a_file(article, tmp_path, capsys):
    _save_evil_review(article)
    checklist = _evil_checklist(tmp_path)
    code, out, _ = _run(capsys, ["report", str(article), "--checklist", str(checklist)])
    # file name, reviewer, by, note, checklist item: shown (as control pictures, the report's way)
    assert code == 0 and out.count("]0;PWNED") >= 4
    assert "\\[bold\\]markup" in out  # Markdown escaped: renders as typed
    written = tmp_path / "report.md"
    _run(capsys, ["report", str(article), "--checklist", str(checklist), "-o", str(written)])
    assert_inert(written.read_text(encoding="utf-8"))


def test_dupes_and_against_list_file_names_inert(article, tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copyfile(article, corpus / f"{EVIL_NAME} 1.txt")
    shutil.copyfile(article, corpus / f"{EVIL_NAME} 2.txt")
    code, out, _ = _run(capsys, ["dupes", str(corpus)])
    assert code == 1 and "\\x1b]0;PWNED" in out
    code, out, _ = _run(capsys, ["scan", str(article), "--against", str(corpus)])
    assert code == 1 and "\\x1b]0;PWNED" in out


def test_errors_name_files_inert(tmp_path, capsys):
    code, _, err = _run(capsys, ["scan", str(tmp_path / f"{EVIL_NAME}.txt")])
    assert code == 2 and "no such file" in err
    bad = _evil_checklist(tmp_path)
    bad.write_text(f"version: 1\nitems: [{{id: x, text: \"{EVIL_NAME}\"".replace("\x1b", "\\e"), encoding="utf-8")
    code, _, err = _run(capsys, ["report", str(tmp_path / "nope.txt"), "--checklist", str(bad)])
    assert code == 2


async def test_the_app_shows_every_file_string_inert(article, tmp_path):
    from tui import make_app

    _save_evil_review(article)
    checklist = Checklist((ChecklistItem("evil", EVIL, help=EVIL, auto="no_open_flags:unsourced"),))
    app = make_app([article], reviewer=EVIL, checklist=checklist)
    async with app.run_test(size=(140, 44)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screens = [app.export_screenshot()]
        app.review_screen.notify(f"{EVIL_NAME}: {EVIL}", title=EVIL_NAME)
        await pilot.pause()
        screens.append(app.export_screenshot())
    shown = html.unescape("".join(screens)).replace("\xa0", " ")
    assert_inert(shown)
    assert "\\x1b]0;PWNED" in shown  # the file name in the header, the by, the note, the checklist item
    assert "[bold]" in shown  # Rich markup shows as typed
