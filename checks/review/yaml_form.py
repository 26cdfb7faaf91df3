"""A review as its verdict file holds it: the YAML text written (``dump_review``) and read back
(``review_from_bytes``). The values themselves are ``checks.review.verdicts``; the file, with its
lock, backups and conflicts, is ``checks.review.store``."""

from __future__ import annotations

from typing import Any

import yaml

from checks.files import DataFileError
from checks.review.fast_load import no_gc, parse_review_text
from checks.review.verdicts import Review, review_from_dict, review_to_dict

__all__ = ["dump_review", "review_from_bytes"]


class _ReviewDumper(yaml.SafeDumper):
    """SafeDumper that keeps Unicode line separators: PyYAML writes NEL, U+2028 and U+2029 raw in
    plain or single-quoted scalars, where a reader folds them to spaces (a note pasted from a web
    page would change on every save). Such strings are written double-quoted, where they are
    escaped as \\N, \\L and \\P."""


def _represent_str(dumper: yaml.SafeDumper, data: str) -> Any:
    if any(c in data for c in "\x85\u2028\u2029"):
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style='"')
    return dumper.represent_str(data)


_ReviewDumper.add_representer(str, _represent_str)


def dump_review(review: Review) -> str:
    """The verdict file's text: block style, stable key order, Unicode kept readable."""
    return yaml.dump(
        review_to_dict(review), Dumper=_ReviewDumper, sort_keys=False, allow_unicode=True,
        default_flow_style=False, width=100,
    )


def review_from_bytes(data: bytes, *, source: str) -> Review:
    """A verdict file's bytes as a Review (the store hashes the very bytes it parses)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataFileError(f"{source}: not UTF-8 text") from None
    with no_gc():
        return review_from_dict(parse_review_text(text, source=source), source=source)
