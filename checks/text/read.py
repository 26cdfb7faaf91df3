"""An article file read and segmented: ``checks.files`` reads the bytes, ``checks.text.formats``
extracts (``.docx``, ``.odt``, HTML) or decodes (text, Markdown) and segments them."""

from __future__ import annotations

import os
from pathlib import Path

from checks.files import MAX_ARTICLE_BYTES, ArticleError, read_file_bytes, shown
from checks.model import Document
from checks.progress import Progress
from checks.text.formats import parse_document

__all__ = ["STDIN_PATH", "parse_article_bytes", "read_article"]

STDIN_PATH = "-"  # the name standard input goes by, as in other Unix tools


def read_article(
    path: str | os.PathLike[str], *, max_bytes: int = MAX_ARTICLE_BYTES, progress: Progress | None = None
) -> Document:
    """Read, extract or decode, and segment an article file. Raises ArticleError with a one-line
    message. ``progress(done, total)`` hears how far sentence splitting is."""
    p = Path(path)
    data = read_file_bytes(p, max_bytes=max_bytes, what="article")
    return parse_article_bytes(data, name=shown(p), path=str(p), progress=progress)


def parse_article_bytes(
    data: bytes, *, name: str, path: str | None, fmt: str | None = None, progress: Progress | None = None
) -> Document:
    """An article's bytes (a file's, or standard input's) to a Document; errors name ``name``."""
    if not data.strip():
        raise ArticleError(f"{name}: empty article (no text to check)")
    try:
        doc = parse_document(data, path=path, fmt=fmt, progress=progress)
    except ArticleError as exc:
        raise ArticleError(f"{name}: {exc}") from None
    if not doc.sentences:
        what = "after the metadata" if doc.format in ("text", "markdown") else "in the document"
        raise ArticleError(f"{name}: no article text {what}")
    return doc
