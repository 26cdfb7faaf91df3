"""``sourcecheck report FILE``: the review of one article as Markdown, on stdout or in a file.

No UI is imported. Exit 0 when the report was written, 2 with one line on bad input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sourcecheck.exit_codes import ExitCode
from sourcecheck.terminal import message as say, safe



def _error(message: str) -> int:
    say(f"sourcecheck: error: {message}")
    return ExitCode.ERROR


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def run_report(args: argparse.Namespace) -> int:
    """``sourcecheck report``: each option read and checked in turn, each failure one line and
    exit 2; long because every step can fail on its own input."""
    from checks import ArticleError, DataFileError, analyze, atomic_write_text, load_lexicon, read_article
    from checks.config import resolve_config
    from checks.review.checklist import resolve_checklist
    from checks.review.report import render_report, review_warnings
    from checks.review.store import ReviewStore, StoreError, conflict_copies_of
    from checks.review.verdicts import utc_now

    article = Path(args.file)
    from sourcecheck.seed import verdict_file_for

    verdict_path = Path(args.verdicts) if args.verdicts else verdict_file_for(article)
    output = Path(args.output) if args.output else None
    if output is not None and any(_same_file(output, p) for p in (article, verdict_path)):
        return _error(f"{output}: refusing to overwrite the article or its verdict file with the report")
    try:
        # The review's own lexicon and corpus, or its flags (and their ids) would differ from the app's.
        lexicon = load_lexicon(args.lexicon) if getattr(args, "lexicon", None) else None
        config = resolve_config(getattr(args, "config", None))
    except DataFileError as exc:
        return _error(str(exc))
    try:
        document = read_article(article)
    except ArticleError as exc:
        return _error(str(exc))
    corpus = None
    if getattr(args, "against", None):
        from sourcecheck.corpus_commands import load_against

        corpus = load_against(args.against)
        if corpus is None:
            return ExitCode.ERROR  # load_against printed the one-line reason
    if args.verdicts and not verdict_path.is_file():
        what = "is not a file" if verdict_path.exists() else "no such file"
        return _error(f"{verdict_path}: {what}")
    try:
        review = ReviewStore(verdict_path).load()
    except StoreError as exc:
        return _error(str(exc))
    except OSError as exc:
        return _error(f"{verdict_path}: cannot read ({exc.strerror or exc})")
    sources = None
    source_paths = getattr(args, "sources", None) or (review.sources if review is not None else ())
    if source_paths:
        from sourcecheck.corpus_commands import load_sources_arg

        sources = load_sources_arg(list(source_paths))  # the review's own sources, or its flags would differ
        if sources is None:
            return ExitCode.ERROR
    analysis = analyze(document, lexicon=lexicon, corpus=corpus, sources=sources, config=config,
                       min_checkworthy=getattr(args, "min_checkworthy", None))  # the review's own options
    try:
        checklist = resolve_checklist(getattr(args, "checklist", None))
    except DataFileError as exc:
        return _error(str(exc))

    for warning in analysis.document.warnings:
        say(f"sourcecheck: warning: {article}: {warning}")
    for warning in review_warnings(analysis, review):
        say(f"sourcecheck: warning: {verdict_path}: {warning}")
    copies = [str(c) for c in conflict_copies_of(verdict_path)]
    for copy in copies:
        say(f"sourcecheck: warning: {copy}: a conflict copy of this review, not merged into it "
              f"(sourcecheck merge {verdict_path} {copy} -o {verdict_path})")
    if review is not None and review.conflicts:
        say(f"sourcecheck: warning: {verdict_path}: {len(review.conflicts)} flag(s) with conflicting merged "
              "verdicts; choose in the app")
    text = safe(render_report(
        analysis,
        review,
        checklist,
        verdict_path=str(verdict_path) if review is not None else None,
        generated=utc_now(),
        config=config,
        conflict_copies=copies,
    ))
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return ExitCode.CLEAN
    try:
        atomic_write_text(output, text, backup=False)
    except OSError as exc:
        return _error(f"{output}: cannot write the report ({exc.strerror or exc})")
    return ExitCode.CLEAN
