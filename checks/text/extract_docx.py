"""A Word document (``.docx``, also Google Docs' Word export) to its article text.

Read as Word would show it with every tracked change accepted: inserted text kept, deleted and
moved-away text left out. Headings, paragraphs and list items each become a paragraph, a
table row one paragraph with its cells separated by " | "; footnotes follow the body as paragraphs "Footnote N: ...", and a footnote's mark in
the text is ``[N]``; comments are the editors' notes, not the article, and are left out.
Hyperlinks keep their anchor words' offsets. Title, author and creation date come from the
document's core properties.

Pure: bytes in, ``Extracted`` out. Raises ArticleError with one line for an encrypted, corrupt
or empty document.
"""

from __future__ import annotations

import io
import zipfile

from checks.files import ArticleError
from checks.text.extracted import Extracted, TextBuilder

__all__ = ["extract_docx", "OLE_MAGIC", "ZIP_MAGIC"]

ZIP_MAGIC = b"PK\x03\x04"
# An encrypted Office document (and an old binary .doc) is an OLE compound file, not a zip.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A .docx is a zip; more than this unpacked is a zip bomb, not an article.
MAX_UNPACKED_BYTES = 200 * 1000 * 1000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Text Word does not show once changes are accepted (or shows elsewhere: a text box's fallback copy).
_SKIPPED = frozenset({f"{_W}del", f"{_W}moveFrom", f"{_W}rPr", f"{_W}pPr", f"{_W}instrText", _MC_FALLBACK})
_SPACE = frozenset({f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}ptab"})


def extract_docx(data: bytes) -> Extracted:
    """The article text, links and core-property metadata of a ``.docx`` file's bytes."""
    _check_package(data)
    import docx  # imported here: python-docx costs a plain-text scan nothing

    try:
        document = docx.Document(io.BytesIO(data))
        builder = TextBuilder()
        rels = document.part.rels
        _block(document.element.body, builder, rels)
        _footnotes(document.part, builder)
        core = document.core_properties
        created = core.created.date().isoformat() if core.created else None
        extracted = builder.build(title=_clean(core.title), byline=_clean(core.author), date=created)
    except ArticleError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds for a damaged package
        raise ArticleError(f"not a readable .docx, the file is damaged ({type(exc).__name__}: {exc})") from None
    if not extracted.text.strip():
        raise ArticleError("Word document with no text")
    return extracted


def _check_package(data: bytes) -> None:
    if data.startswith(OLE_MAGIC):
        raise ArticleError("encrypted (password-protected) or old-style .doc file: save it as .docx without a password")
    if not data.startswith(ZIP_MAGIC):
        raise ArticleError("not a .docx file (a .docx is a zip package; this is not one)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = package.namelist()
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ArticleError(f"not a readable .docx, the file is damaged ({exc})") from None
    if "word/document.xml" not in names:
        raise ArticleError("not a Word document (the zip holds no word/document.xml)")
    if unpacked > MAX_UNPACKED_BYTES:
        raise ArticleError(f"unpacks to over {MAX_UNPACKED_BYTES // 1_000_000} MB: not an article")


def _block(container, builder: TextBuilder, rels) -> None:
    """Paragraphs of ``container`` (the body, a table cell, a content control) in document order."""
    for child in container:
        tag = child.tag
        if tag == f"{_W}p":
            builder.end_paragraph()
            _inline(child, builder, rels, None)
            builder.end_paragraph()
        elif tag == f"{_W}tr":
            _row(child, builder, rels)
        elif tag in (f"{_W}tbl", f"{_W}sdt", f"{_W}sdtContent", f"{_W}ins", f"{_W}customXml"):
            _block(child, builder, rels)


def _row(row, builder: TextBuilder, rels) -> None:
    """A table row as one paragraph, its cells separated by " | "."""
    builder.end_paragraph()
    for n, cell in enumerate(row.iter(f"{_W}tc")):
        if n:
            builder.add(" | ")
        for k, p in enumerate(cell.iter(f"{_W}p")):
            if k:
                builder.add(" ")
            _inline(p, builder, rels, None)
    builder.end_paragraph()


def _inline(element, builder: TextBuilder, rels, url: str | None) -> None:
    """The shown text under ``element``: runs' text, tabs and breaks as spaces, footnote marks."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == f"{_W}t":
            builder.add(child.text or "", url)
        elif tag in _SPACE:
            builder.add(" ")
        elif tag == f"{_W}noBreakHyphen":
            builder.add("-")
        elif tag == f"{_W}footnoteReference":
            builder.add(f"[{child.get(f'{_W}id')}]")
        elif tag == f"{_W}hyperlink":
            rel = rels.get(child.get(_R_ID) or "")
            target = rel.target_ref if rel is not None and rel.is_external else None
            _inline(child, builder, rels, target or url)
        elif tag == f"{_W}p":  # a text box's paragraph inside a run
            builder.end_paragraph()
            _inline(child, builder, rels, url)
            builder.end_paragraph()
        else:
            _inline(child, builder, rels, url)


def _footnotes(part, builder: TextBuilder) -> None:
    """Each real footnote (not the separators, ids 0 and -1) as "Footnote N: text" after the body."""
    from lxml import etree

    for rel in part.rels.values():
        if rel.is_external or not rel.reltype.endswith("/footnotes"):
            continue
        notes_part = rel.target_part
        root = etree.fromstring(notes_part.blob)
        for note in root.iter(f"{_W}footnote"):
            if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            builder.end_paragraph()
            builder.add(f"Footnote {note.get(f'{_W}id')}: ")
            for p in note.iter(f"{_W}p"):
                _inline(p, builder, notes_part.rels, None)
                builder.add(" ")
            builder.end_paragraph()


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else ""
    return value or None
