"""``sourcecheck [review] FILE...``: check the arguments, then open the app (``tui.make_app``).

Bad input ends here with one line and exit code 2, before the terminal switches to the app.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from checks import DataFileError, load_lexicon
from checks.config import resolve_config
from checks.review.checklist import resolve_checklist

from sourcecheck.articles import ArgumentError, collect_articles, pasted_article
from sourcecheck.corpus_commands import load_against, load_sources_arg
from sourcecheck.exit_codes import ExitCode
from sourcecheck.seed import DATA_DIR_ENV, is_seed, seed_article, seed_verdicts_path
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


def remembered_sources(articles: list[Path], verdicts: str | Path | None) -> tuple[str, ...]:
    """The ``--sources`` a verdict file remembers, so a reopened review checks quotes against the
    same files: those of the first article's verdict file that has some (none when unreadable)."""
    from checks.review.store import ReviewStore, StoreError, verdict_path_for

    for article in articles:
        path = Path(verdicts) if verdicts else verdict_path_for(article)
        try:
            review = ReviewStore(path).load() if path.is_file() else None
        except (StoreError, OSError):
            continue
        if review is not None and review.sources:
            return review.sources
    return ()


def run_review(args: argparse.Namespace) -> int:
    try:
        verdicts = args.verdicts
        if verdicts is not None and not Path(verdicts).resolve().parent.is_dir():
            raise ArgumentError(f"{verdicts}: its folder does not exist (--verdicts names a file to write)")
        if args.files:
            files = [str(pasted_article(DATA_DIR_ENV)) if f == "-" else f for f in args.files]
            articles = collect_articles(files)
        else:
            articles = [seed_article()]
        if verdicts is None and len(articles) == 1 and is_seed(articles[0]):
            # The seed's review lives in the user data folder however the seed was named, so
            # `sourcecheck report seeds/north-korea-talks.txt` finds it (sourcecheck.seed).
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
        source_paths = list(getattr(args, "sources", None) or remembered_sources(articles, verdicts))
        sources = None
        if source_paths:
            sources = load_sources_arg(source_paths)
            if sources is None:
                return ExitCode.ERROR  # load_sources_arg printed the one-line reason
        app = make_app(articles, verdicts=verdicts, checklist=checklist, reviewer=args.reviewer,
                       lexicon=lexicon, corpus=corpus, config=config,
                       min_checkworthy=getattr(args, "min_checkworthy", None),
                       sources=sources, source_paths=source_paths)
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
