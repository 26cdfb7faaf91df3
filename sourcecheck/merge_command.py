"""``sourcecheck merge OURS THEIRS [--base BASE] [-o OUT]``: two reviews of one article merged.

Also git's merge driver for verdict files (README, "Merging reviews"): git calls it with
``%A %B --base %O -o %A``. Exit 0 when the merge is clean, 1 when flags got different decisions
(the result holds them as conflicts, listed on stderr, for the reviewer to choose in the app), 2 on
bad input (one line; nothing written).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sourcecheck.exit_codes import ExitCode
from sourcecheck.terminal import message as terminal_message

if TYPE_CHECKING:
    from checks.review.verdicts import Review

__all__ = ["add_merge_parser", "conflict_lines", "run_merge"]


def add_merge_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    merge = sub.add_parser("merge", help="merge two reviews of one article, flag by flag (also a git merge driver)")
    merge.add_argument("ours", metavar="OURS", help="a verdict file")
    merge.add_argument("theirs", metavar="THEIRS", help="another verdict file of the same article")
    merge.add_argument("--base", metavar="BASE", help="their common ancestor (git's %%O); empty means none")
    merge.add_argument("--output", "-o", metavar="OUT", help="write the merged review here (default: standard output)")


def _error(message: str) -> int:
    terminal_message(f"sourcecheck: error: {message}")
    return ExitCode.ERROR


def conflict_lines(review: Review) -> list[str]:
    """One line a conflict: the flag and each side's decision, who, when and note."""
    from checks.text.display import escape_controls  # names and notes come from files: never obeyed

    lines = []
    for c in review.conflicts:
        sides = " / ".join(
            f"{v.decision.label} ({', '.join(p for p in (v.by, v.at) if p) or 'unsigned'})"
            + (f": {' '.join(v.note.split())}" if v.note else "")
            for v in c.options
        )
        lines.append(escape_controls(f"{c.flag}: {sides}"))
    return lines


def run_merge(args: argparse.Namespace) -> int:
    from checks.files import atomic_write_text
    from checks.review.merge import merge_reviews, same_article
    from checks.review.store import ReviewStore, StoreError
    from checks.review.yaml_form import dump_review

    reviews = []
    for name in (args.ours, args.theirs):
        path = Path(name)
        try:
            review = ReviewStore(path).load()
        except StoreError as exc:
            return _error(str(exc))
        if review is None:
            return _error(f"{path}: no such file")
        reviews.append(review)
    base = None
    if args.base:
        base_path = Path(args.base)
        try:
            empty = base_path.is_file() and base_path.stat().st_size == 0
            base = None if empty else ReviewStore(base_path).load()
        except (StoreError, OSError) as exc:
            return _error(str(exc))
        if base is None and not empty:
            return _error(f"{base_path}: no such file")
    ours, theirs = reviews
    if not same_article(ours, theirs):
        return _error(f"{args.theirs}: a review of {theirs.article_path or 'another article'}, "
                      f"not of {ours.article_path or 'the same article'}; nothing merged")
    merged = merge_reviews(ours, theirs, base)
    text = dump_review(merged)
    if args.output:
        try:
            atomic_write_text(args.output, text, backup=False)
        except (OSError, UnicodeEncodeError) as exc:
            return _error(f"{args.output}: cannot write ({getattr(exc, 'strerror', None) or exc})")
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    if merged.conflicts:
        for line in conflict_lines(merged):
            terminal_message(f"sourcecheck: conflict: {line}")
        terminal_message(f"sourcecheck: {len(merged.conflicts)} flag(s) with different verdicts: choose in the app")
        return ExitCode.FLAGGED
    return ExitCode.CLEAN
