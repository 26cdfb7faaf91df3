"""The reference-corpus side of the command line: the corpus of ``--against DIR`` and ``dupes DIR``.

Long work shows a progress bar on standard error (``sourcecheck.progress``).
"""

from __future__ import annotations

import argparse
import json
import sys

from sourcecheck.exit_codes import ExitCode
from sourcecheck.terminal import message, safe
from sourcecheck.progress import with_bar as _with_bar



def load_against(folder: str):
    """The corpus index of ``folder`` (cached on disk), or None after a one-line error."""
    from checks.corpus.cache import CorpusError, load_corpus_index

    warnings: list[str] = []
    try:
        index = _with_bar(
            f"reading {folder}", lambda bar: load_corpus_index(folder, progress=bar, warnings=warnings)
        )
    except CorpusError as exc:
        _warn(warnings)  # what was skipped says why nothing was left
        message(f"sourcecheck: error: {exc}")
        return None
    _warn(warnings)
    return index


def load_sources_arg(paths: list[str]):
    """The source index of ``--sources PATH...``, or None after a one-line error."""
    from checks.quotecheck.load import SourceError, load_sources

    warnings: list[str] = []
    try:
        index = _with_bar("reading the sources", lambda bar: load_sources(paths, warnings=warnings, progress=bar))
    except SourceError as exc:
        message(f"sourcecheck: error: {exc}")
        return None
    for w in warnings:
        message(f"sourcecheck: warning: --sources: {w}")
    return index


def warn_own_sources(doc, sources) -> None:
    """One line for each source that is the article itself (it is left out of the check)."""
    for d in sorted(sources.own(doc)):
        message(f"sourcecheck: warning: --sources: {sources.path(d)} is the article itself; not used as a source")


def _warn(warnings: list[str]) -> None:
    for w in warnings:
        message(f"sourcecheck: warning: {w}")


def add_dupes_parser(sub) -> None:
    dupes = sub.add_parser("dupes", help="list duplicate and near-duplicate articles in a folder")
    dupes.add_argument("folder", metavar="DIR")
    dupes.add_argument("--format", choices=("text", "json"), default="text")
    dupes.add_argument("--min-share", type=float, default=0.5, metavar="F",
                       help="near duplicates: share of the shorter article's sentences found in the other (default 0.5)")


def run_dupes(args: argparse.Namespace) -> int:
    from checks.corpus.index import corpus_duplicates

    if not 0.0 < args.min_share <= 1.0:
        print("sourcecheck: error: --min-share must be in (0, 1]", file=sys.stderr)
        return ExitCode.ERROR
    index = load_against(args.folder)
    if index is None:
        return ExitCode.ERROR
    found = _with_bar("comparing sentences", lambda bar: corpus_duplicates(index, min_share=args.min_share, progress=bar))
    if args.format == "json":
        payload = {
            "folder": args.folder,
            "documents": len(index.documents),
            "sentences": index.sentence_count,
            "exact_groups": [list(g) for g in found.exact_groups],
            "near": [
                {
                    "a": n.a,
                    "b": n.b,
                    "share": round(n.share, 3),
                    "shared_a": n.shared_a,
                    "shared_b": n.shared_b,
                    "sentences_a": n.sentences_a,
                    "sentences_b": n.sentences_b,
                }
                for n in found.near
            ],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(safe(_dupes_text(args.folder, index, found)))
    return ExitCode.FLAGGED if found.exact_groups or found.near else ExitCode.CLEAN


def _dupes_text(folder: str, index, found) -> str:
    lines = [f"{folder}: {len(index.documents)} articles, {index.sentence_count} sentences"]
    files = sum(len(g) for g in found.exact_groups)
    lines.append(f"exact duplicates: {len(found.exact_groups)} groups ({files} files)")
    lines.extend("  " + " = ".join(g) for g in found.exact_groups)
    lines.append(f"near duplicates: {len(found.near)} pairs")
    for n in found.near:
        lines.append(
            f"  {n.a} ~ {n.b}: {n.share:.0%} "
            f"({n.shared_a} of {n.sentences_a} sentences, {n.shared_b} of {n.sentences_b})"
        )
    return "\n".join(lines)
