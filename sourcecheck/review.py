"""``sourcecheck [review] FILE...``: check the arguments, then open the app (``tui.make_app``).

Bad input ends here with one line and exit code 2, before the terminal switches to the app.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import platformdirs

from checks import DataFileError, load_lexicon
from checks.files import ARTICLE_SUFFIXES
from checks.config import resolve_config
from checks.review.checklist import resolve_checklist

from sourcecheck.corpus_commands import load_against
from sourcecheck.exit_codes import ExitCode
from sourcecheck.terminal import message
from tui.app import make_app

__all__ = [
    "DATA_DIR_ENV",
    "collect_articles",
    "run_review",
    "seed_article",
    "seed_verdicts_path",
    "start_process_helpers",
]

DATA_DIR_ENV = "SOURCECHECK_DATA_DIR"


class ArgumentError(ValueError):
    """A file or folder argument that cannot be reviewed; one line for the user."""


def collect_articles(arguments: list[str]) -> list[Path]:
    """Files as given; a folder stands for its article files (``ARTICLE_SUFFIXES``), sorted by name."""
    articles: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found = sorted(
                p for p in path.iterdir()
                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
            )
            if not found:
                raise ArgumentError(f"{path}: no article files ({', '.join(ARTICLE_SUFFIXES)}) in this folder")
            articles.extend(found)
        elif path.is_file():
            articles.append(path)
        elif path.exists():
            raise ArgumentError(f"{path}: not a regular file")
        else:
            raise ArgumentError(f"{path}: no such file or folder")
    return list(dict.fromkeys(articles))


def seed_article() -> Path:
    """The bundled seed article: beside the package in a checkout, inside it in a wheel."""
    here = Path(__file__).resolve().parent
    for folder in (here.parent / "seeds", here / "seeds"):
        candidate = folder / "north-korea-talks.txt"
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("the bundled seed article is missing from this installation")


def seed_verdicts_path() -> Path:
    """Where the review of the bundled seed goes: the user's data folder, never the package or
    the checkout (an installed package is often read-only; a checkout should stay clean)."""
    override = os.environ.get(DATA_DIR_ENV)
    folder = Path(override) if override else Path(platformdirs.user_data_dir("sourcecheck"))
    return folder / "north-korea-talks.review.yaml"


def start_process_helpers() -> None:
    """Start multiprocessing's resource tracker while stderr is still the real one.

    The engine segments large articles on several processes. Textual replaces ``sys.stderr``
    with an object whose ``fileno()`` is -1, and a tracker started later passes that to the
    child process ("bad value(s) in fds_to_keep"). Started here, it is reused by every pool.
    """
    try:
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()
    except (OSError, ValueError, RuntimeError):
        pass  # no processes to be had: the engine falls back to one core


def run_review(args: argparse.Namespace) -> int:
    try:
        verdicts = args.verdicts
        if verdicts is not None and not Path(verdicts).resolve().parent.is_dir():
            raise ArgumentError(f"{verdicts}: its folder does not exist (--verdicts names a file to write)")
        if args.files:
            articles = collect_articles(list(args.files))
        else:
            articles = [seed_article()]
            if verdicts is None:
                verdicts = seed_verdicts_path()
                verdicts.parent.mkdir(parents=True, exist_ok=True)
        checklist = resolve_checklist(args.checklist)
        lexicon = load_lexicon(args.lexicon) if args.lexicon else None
        config = resolve_config(getattr(args, "config", None))
        corpus = None
        if getattr(args, "against", None):
            corpus = load_against(args.against)  # a progress bar, before the app takes the screen
            if corpus is None:
                return ExitCode.ERROR  # load_against printed the one-line reason
        app = make_app(articles, verdicts=verdicts, checklist=checklist, reviewer=args.reviewer,
                       lexicon=lexicon, corpus=corpus, config=config,
                       min_checkworthy=getattr(args, "min_checkworthy", None))
    except (ArgumentError, DataFileError, OSError, ValueError) as exc:
        message(f"sourcecheck: error: {exc}")
        return ExitCode.ERROR
    start_process_helpers()
    app.run()
    code = app.return_code or ExitCode.CLEAN
    if app.analysis_running:
        # The reviewer quit while an article was still being analysed. Its thread cannot be
        # stopped and nothing depends on its result, so leave now instead of waiting minutes.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
