"""Command line: ``sourcecheck [review] FILE...`` opens the app; ``sourcecheck scan FILE...`` checks.

FILE is a text, Markdown, ``.docx``, ``.odt`` or HTML file, a folder of them, or ``-`` for
standard input (``sourcecheck scan -``; ``sourcecheck -`` opens the app on pasted text).

Exit codes, like linters: 0 nothing flagged, 1 flags found, 2 error (bad file, bad option).
The app (textual) is imported only when the app is asked for, so ``scan`` starts fast.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

import orjson
import yaml

from sourcecheck import __version__
from sourcecheck.corpus_commands import add_dupes_parser, warn_own_sources
from sourcecheck.articles import ArgumentError, expand_folders, read_stdin
from sourcecheck.exit_codes import ExitCode
from checks.files import ArticleError
from sourcecheck.merge_command import add_merge_parser
from sourcecheck.terminal import message, safe

COMMANDS = ("scan", "review", "report", "dupes", "merge")
CONFIG_HELP = "a newsroom config YAML: kinds switched off or at another level (default: config.yaml in the config folder)"
CHECKWORTHY_HELP = ("flag an unattributed sentence as unsourced only from this check-worthiness (0-1) up; "
                    "below it the sentence is background (default: min_checkworthy of checks/data/checkworthy.yaml)")


def unit_interval(text: str) -> float:
    """An argparse type: a number from 0 to 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1")
    return value


def add_checkworthy_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--min-checkworthy", type=unit_interval, metavar="SCORE", help=CHECKWORTHY_HELP)


SOURCES_HELP = ("check every quotation against these transcripts, statements or folders of them "
                "(verbatim, altered, spliced, wrong speaker, not found)")


def add_sources_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sources", nargs="+", action="extend", metavar="PATH", help=SOURCES_HELP)


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with one line, as the other errors do."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(ExitCode.ERROR, f"sourcecheck: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="sourcecheck", description="Check news articles before they run: review flags in the app, or scan for CI.")
    parser.add_argument("--version", action="version", version=f"sourcecheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    scan = sub.add_parser("scan", help="check articles and print the flags (for CI and batch work)")
    scan.add_argument("files", nargs="+", metavar="FILE",
                      help="articles (.txt .md .docx .odt .html), folders of them, or - for standard input")
    scan.add_argument("--format", choices=("text", "json", "yaml"), default="text")
    scan.add_argument("--lexicon", action="append", default=[], metavar="PATH",
                      help="a YAML file of extra lexicon terms (repeatable)")
    scan.add_argument("--against", metavar="DIR",
                      help="also flag passages reused from the articles in DIR (indexed once, cached)")
    scan.add_argument("--config", metavar="PATH", help=CONFIG_HELP)
    add_checkworthy_argument(scan)
    add_sources_argument(scan)

    review = sub.add_parser("review", help="open articles in the review app (the default)")
    add_review_arguments(review)

    report = sub.add_parser("report", help="write a Markdown report of an article's review")
    report.add_argument("file", metavar="FILE")
    report.add_argument("--verdicts", metavar="PATH", help="verdict file (default: FILE.review.yaml)")
    report.add_argument("--output", "-o", metavar="PATH", help="write here instead of standard output")
    report.add_argument("--checklist", metavar="PATH", help="checklist YAML to report against")
    report.add_argument("--lexicon", action="append", default=[], metavar="PATH",
                        help="the lexicon files the review used, so the flags match (repeatable)")
    report.add_argument("--against", metavar="DIR", help="the corpus the review used for reused passages")
    report.add_argument("--config", metavar="PATH", help=CONFIG_HELP)
    add_checkworthy_argument(report)
    add_sources_argument(report)
    add_dupes_parser(sub)
    add_merge_parser(sub)
    return parser


def add_review_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE", help="articles or folders (default: the seed)")
    parser.add_argument("--verdicts", metavar="PATH", help="verdict file (default: FILE.review.yaml)")
    parser.add_argument("--checklist", metavar="PATH", help="checklist YAML to use")
    parser.add_argument("--reviewer", metavar="NAME", help="name recorded on verdicts (default: your login)")
    parser.add_argument("--lexicon", action="append", default=[], metavar="PATH")
    parser.add_argument("--against", metavar="DIR",
                        help="also flag passages reused from the articles in DIR (indexed once, cached)")
    parser.add_argument("--config", metavar="PATH", help=CONFIG_HELP)
    add_checkworthy_argument(parser)
    add_sources_argument(parser)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in COMMANDS and args_list[0] not in ("-h", "--help", "--version")):
        args_list.insert(0, "review")
    args = build_parser().parse_args(args_list)
    if args.command == "review":
        from sourcecheck.review import run_review  # the app (textual) only when asked for

        return run_review(args)
    try:
        return _run_command(args)
    except BrokenPipeError:
        # `sourcecheck scan ... | head`: the reader left; stop quietly, as other Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitCode.ERROR


def _run_command(args: argparse.Namespace) -> int:
    if args.command == "scan":
        return run_scan(args)
    if args.command == "dupes":
        from sourcecheck.corpus_commands import run_dupes

        return run_dupes(args)
    if args.command == "report":
        from sourcecheck.report import run_report

        return run_report(args)
    if args.command == "merge":
        from sourcecheck.merge_command import run_merge

        return run_merge(args)
    raise AssertionError(f"unknown command {args.command!r}")


# Above this many sentences in all, `scan --format json` prints compact JSON (same fields).
COMPACT_JSON_SENTENCES = 5_000


def run_scan(args: argparse.Namespace) -> int:
    from checks import ArticleError, DataFileError, analysis_to_dict, analyze, format_text_report, load_lexicon
    from checks.config import resolve_config
    from sourcecheck.progress import with_bar, with_stages

    try:
        lexicon = load_lexicon(args.lexicon)
        config = resolve_config(args.config)
    except DataFileError as exc:
        message(f"sourcecheck: error: {exc}")
        return ExitCode.ERROR
    corpus = None
    if args.against:
        from sourcecheck.corpus_commands import load_against

        corpus = load_against(args.against)
        if corpus is None:
            return ExitCode.ERROR
    try:
        paths = expand_folders(list(args.files))
    except ArgumentError as exc:
        message(f"sourcecheck: error: {exc}")
        return ExitCode.ERROR
    sources = None
    if args.sources:
        from sourcecheck.corpus_commands import load_sources_arg

        sources = load_sources_arg(args.sources)
        if sources is None:
            return ExitCode.ERROR
    results, reports, failed, flagged = [], [], False, False
    for path in paths:
        try:
            doc = with_bar(f"reading {path}", lambda bar: _read(path, bar))
            if sources is not None:
                warn_own_sources(doc, sources)
            analysis = with_stages(
                str(path), lambda bar: analyze(doc, lexicon=lexicon, corpus=corpus, sources=sources, config=config,
                                   min_checkworthy=args.min_checkworthy, progress=bar)
            )
        except ArticleError as exc:
            message(f"sourcecheck: error: {exc}")
            failed = True
            continue
        for warning in analysis.document.warnings:
            message(f"sourcecheck: warning: {path}: {warning}")
        flagged = flagged or bool(analysis.flags)
        if args.format == "text":
            reports.append(format_text_report(analysis))
        else:
            results.append(analysis_to_dict(analysis))
    if args.format == "text":
        if reports:
            print(safe("\n\n".join(reports)))
    else:
        payload = results[0] if len(paths) == 1 and len(results) == 1 else results
        if args.format == "json":
            # Indented for a reader; a long document's JSON is for machines, compact, and written
            # by orjson: the standard encoder took 0.5 s of a whole-archive scan (46 MB), orjson 0.08.
            if sum(len(r["sentences"]) for r in results) <= COMPACT_JSON_SENTENCES:
                print(json.dumps(payload, ensure_ascii=False, indent=2))
            else:
                _print_bytes(orjson.dumps(payload) + b"\n")
        else:
            print(yaml.safe_dump(payload, sort_keys=False, allow_unicode=True), end="")
    if failed:
        return ExitCode.ERROR
    return ExitCode.FLAGGED if flagged else ExitCode.CLEAN


def _read(path: str, bar):
    """An article file, or standard input for ``-`` (its format told from its bytes)."""
    from checks import read_article
    from checks.text.read import STDIN_PATH, parse_article_bytes

    if path != STDIN_PATH:
        return read_article(path, progress=bar)
    try:
        data = read_stdin()
    except ArgumentError as exc:
        raise ArticleError(str(exc)) from None
    return parse_article_bytes(data, name="-", path=STDIN_PATH, progress=bar)


def _print_bytes(data: bytes) -> None:
    """Write encoded output as it is (no decoding to print it encoded again: 46 MB for an archive)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (a test's StringIO)
        print(data.decode(), end="")
        return
    sys.stdout.flush()
    buffer.write(data)
    buffer.flush()


if __name__ == "__main__":
    sys.exit(main())
