"""An article file read and segmented: ``checks.files`` reads the bytes, ``checks.text.segment`` parses them."""

from __future__ import annotations

import os
from pathlib import Path

from checks.files import MAX_ARTICLE_BYTES, ArticleError, read_file_bytes, shown
from checks.model import Document
from checks.progress import Progress
from checks.text.segment import parse_article

__all__ = ["read_article"]


def read_article(
    path: str | os.PathLike[str], *, max_bytes: int = MAX_ARTICLE_BYTES, progress: Progress | None = None
) -> Document:
    """Read, decode and segment an article file. Raises ArticleError with a one-line message.
    ``progress(done, total)`` hears how far sentence splitting is."""
    p = Path(path)
    data = read_file_bytes(p, max_bytes=max_bytes, what="article")
    if not data.strip():
        raise ArticleError(f"{shown(p)}: empty article (no text to check)")
    try:
        doc = parse_article(data, path=str(p), progress=progress)
    except ArticleError as exc:
        raise ArticleError(f"{shown(p)}: {exc}") from None
    if not doc.sentences:
        raise ArticleError(f"{shown(p)}: no article text after the metadata")
    return doc
