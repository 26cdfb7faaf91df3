"""Which format an article's bytes are in, and the bytes of any format to a segmented Document.

Plain text and Markdown are segmented as written; ``.docx``, ``.odt`` and HTML go through their
extractor first, and the Document's text is the extracted text (what the app shows, what every
offset refers to) while its ``sha256`` stays the original file's. Pure: bytes in, Document out.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import PurePath

from checks.files import ArticleError
from checks.model import Document
from checks.progress import Progress
from checks.text.extract_docx import OLE_MAGIC, ZIP_MAGIC, extract_docx
from checks.text.extract_html import extract_html, looks_like_html
from checks.text.extract_odt import extract_odt
from checks.text.extracted import Extracted
from checks.text.links import merge_links, text_links
from checks.text.segment import parse_article

__all__ = ["FORMAT_OF_SUFFIX", "FORMATS", "parse_document", "sniff_format"]

FORMAT_OF_SUFFIX = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".docx": "docx", ".odt": "odt",
}
FORMATS = ("text", "markdown", "html", "docx", "odt")
_EXTRACTORS: dict[str, Callable[[bytes], Extracted]] = {"html": extract_html, "docx": extract_docx, "odt": extract_odt}
_ODT_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.text"


def sniff_format(data: bytes, path: str | None = None) -> str:
    """The format named by the file's suffix; without a known one (standard input, ``.article``),
    the one its bytes open as: a zip package (docx or odt), an HTML page, else text."""
    if path is not None and (fmt := FORMAT_OF_SUFFIX.get(PurePath(path).suffix.lower())):
        return fmt
    if data.startswith(ZIP_MAGIC):
        return "odt" if data[30:30 + len(_ODT_MIMETYPE)] == _ODT_MIMETYPE else "docx"
    if data.startswith(OLE_MAGIC):
        return "docx"  # its extractor says: encrypted, or an old .doc
    if looks_like_html(data):
        return "html"
    return "text"


def parse_document(
    data: bytes, *, path: str | None = None, fmt: str | None = None, progress: Progress | None = None
) -> Document:
    """Decode or extract, then segment. Raises ArticleError (message without the path)."""
    fmt = fmt or sniff_format(data, path)
    if fmt not in FORMATS:
        raise ArticleError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt in ("text", "markdown"):
        doc = parse_article(data, path=path, progress=progress)
        return replace(doc, format=fmt, links=text_links(doc.text))
    extracted = _EXTRACTORS[fmt](data)
    doc = parse_article(extracted.text, path=path, parse_metadata=False, progress=progress)
    return replace(
        doc,
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,
        title=extracted.title,
        byline=extracted.byline,
        date=extracted.date,
        links=merge_links(extracted.links, text_links(doc.text)),
        warnings=extracted.warnings,
    )
