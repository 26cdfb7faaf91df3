"""An OpenDocument text (``.odt``, LibreOffice and Google Docs' ODF export) to its article text.

The same reading as ``.docx`` (``checks.text.extract_docx``): tracked changes accepted (the
deletions ODF keeps aside are left out), headings, paragraphs, list items and table cells one
paragraph each, notes as "Footnote N: ..." after the body with ``[N]`` in the text, comments
(annotations) left out, links kept. Title, author and date from ``meta.xml``. The format is zipped
XML read with the standard zipfile and lxml (already a dependency of trafilatura): no other reader.

Pure: bytes in, ``Extracted`` out; ArticleError for an encrypted, corrupt or empty document.
"""

from __future__ import annotations

import io
import zipfile

from checks.files import ArticleError
from checks.text.extracted import Extracted, TextBuilder

__all__ = ["extract_odt"]

MAX_PART_BYTES = 100 * 1000 * 1000
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_HREF = "{http://www.w3.org/1999/xlink}href"
_DC = "{http://purl.org/dc/elements/1.1/}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_SKIPPED = frozenset({f"{_TEXT}tracked-changes", f"{_OFFICE}annotation", f"{_OFFICE}annotation-end",
                      f"{_TEXT}sequence-decls", f"{_TEXT}note-citation"})
_BLOCKS = frozenset({f"{_TEXT}p", f"{_TEXT}h"})


def extract_odt(data: bytes) -> Extracted:
    """The article text, links and metadata of an ``.odt`` file's bytes."""
    from lxml import etree

    content, meta = _parts(data)
    try:
        root = etree.fromstring(content)
        meta_root = etree.fromstring(meta) if meta else None
    except etree.XMLSyntaxError as exc:
        raise ArticleError(f"not a readable .odt, the file is damaged ({exc})") from None
    builder = TextBuilder()
    notes: list[tuple[str, object]] = []
    for body in root.iter(f"{_OFFICE}text"):
        _walk(body, builder, notes, None)
    for number, note_body in notes:
        builder.end_paragraph()
        builder.add(f"Footnote {number}: ")
        _walk(note_body, builder, [], None, flat=True)
        builder.end_paragraph()
    extracted = builder.build(**_metadata(meta_root))
    if not extracted.text.strip():
        raise ArticleError("OpenDocument text with no text")
    return extracted


def _parts(data: bytes) -> tuple[bytes, bytes | None]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            manifest = package.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
            if b"encryption-data" in manifest:
                raise ArticleError("encrypted (password-protected) .odt: save it without a password")
            if "content.xml" not in names:
                raise ArticleError("not an OpenDocument text (the zip holds no content.xml)")
            if package.getinfo("content.xml").file_size > MAX_PART_BYTES:
                raise ArticleError(f"unpacks to over {MAX_PART_BYTES // 1_000_000} MB: not an article")
            return package.read("content.xml"), package.read("meta.xml") if "meta.xml" in names else None
    except (zipfile.BadZipFile, OSError, ValueError, KeyError) as exc:
        if isinstance(exc, ArticleError):
            raise
        raise ArticleError(f"not a readable .odt, the file is damaged ({exc})") from None


def _walk(element, builder: TextBuilder, notes: list, url: str | None, *, flat: bool = False) -> None:
    """Text under ``element`` in document order; ``flat``: paragraphs run on (a note's body)."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            pass
        elif tag in _BLOCKS:
            if not flat:
                builder.end_paragraph()
            _inline(child, builder, notes, url)
            builder.add(" ") if flat else builder.end_paragraph()
        else:
            _walk(child, builder, notes, url, flat=flat)  # lists, sections, tables: their tails are layout


def _inline(element, builder: TextBuilder, notes: list, url: str | None) -> None:
    if element.text:
        builder.add(element.text, url)
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            pass
        elif tag == f"{_TEXT}s":
            builder.add(" " * int(child.get(f"{_TEXT}c", "1") or 1))
        elif tag in (f"{_TEXT}tab", f"{_TEXT}line-break"):
            builder.add(" ")
        elif tag == f"{_TEXT}note":
            citation = child.find(f"{_TEXT}note-citation")
            number = (citation.text or "").strip() if citation is not None else str(len(notes) + 1)
            builder.add(f"[{number}]")
            note_body = child.find(f"{_TEXT}note-body")
            if note_body is not None:
                notes.append((number, note_body))
        elif tag == f"{_TEXT}a":
            _inline(child, builder, notes, child.get(_HREF) or url)
        elif tag in _BLOCKS:
            builder.end_paragraph()
            _inline(child, builder, notes, url)
            builder.end_paragraph()
        else:
            _inline(child, builder, notes, url)
        if child.tail:
            builder.add(child.tail, url)


def _metadata(meta_root) -> dict[str, str | None]:
    if meta_root is None:
        return {}

    def first(tag: str) -> str | None:
        node = next(meta_root.iter(tag), None)
        value = " ".join((node.text or "").split()) if node is not None else ""
        return value or None

    date = first(f"{_META}creation-date") or first(f"{_DC}date")
    return {"title": first(f"{_DC}title"), "byline": first(f"{_META}initial-creator") or first(f"{_DC}creator"),
            "date": date[:10] if date else None}
