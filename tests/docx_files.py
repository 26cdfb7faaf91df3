"""``.docx`` files built with python-docx for the format tests: headings, paragraphs, a table,
a footnote, a comment, a tracked change (an insertion and a deletion) and a hyperlink.

python-docx writes headings, tables and comments itself; footnotes, tracked changes and
hyperlinks it reads but does not write, so those are added as the WordprocessingML Word writes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

W_NS = nsdecls("w")


@dataclass(frozen=True)
class Built:
    data: bytes
    kept: tuple[str, ...]  # sentences that must be in the extracted text
    gone: tuple[str, ...]  # words that must not be (deleted text, the comment)
    link_text: str
    link_url: str


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{_esc(text)}</w:t></w:r>'


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _footnotes_part(document, note: str):
    xml = (
        f'<w:footnotes {W_NS}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1"><w:p>{_run(note)}</w:p></w:footnote>'
        '</w:footnotes>'
    )
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        xml.encode("utf-8"),
        document.part.package,
    )
    document.part.relate_to(part, RT.FOOTNOTES)


def build_docx(
    title: str, paragraphs: list[str], *, footnote: str = "The figures are from the 2004 annual survey.",
    comment: str = "EDITORNOTE check this figure", inserted: str = " The vote is expected in spring.",
    deleted: str = " DELETEDWORDS were cut.", link_text: str = "the report",
    link_url: str = "https://example.org/report.pdf", extra: str | None = None,
) -> Built:
    """A Word document of ``paragraphs`` under the heading ``title``; the first paragraph carries a
    tracked insertion and deletion and a footnote mark, the second a comment, the third a link."""
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = "Jane Reporter"
    document.add_heading(title, level=1)
    first, second, third, *rest = paragraphs
    p = document.add_paragraph(first)
    p._p.append(parse_xml(f'<w:ins {W_NS} w:id="91" w:author="Ed" w:date="2024-01-01T00:00:00Z">{_run(inserted)}</w:ins>'))
    p._p.append(parse_xml(
        f'<w:del {W_NS} w:id="92" w:author="Ed" w:date="2024-01-01T00:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">{_esc(deleted)}</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:r {W_NS}><w:footnoteReference w:id="1"/></w:r>'))
    _footnotes_part(document, footnote)
    p2 = document.add_paragraph(second)
    document.add_comment(p2.runs, text=comment, author="Ed", initials="E")
    document.add_heading("The details", level=2)
    p3 = document.add_paragraph(third + " Details are in ")
    rid = document.part.relate_to(link_url, RT.HYPERLINK, is_external=True)
    p3._p.append(parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}">{_run(link_text)}</w:hyperlink>'))
    p3._p.append(parse_xml(f'<w:r {W_NS}><w:t>.</w:t></w:r>'))
    table = document.add_table(rows=2, cols=2)
    cells = [("Party", "Seats"), ("Labour", "403")]
    for r, row in enumerate(cells):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for text in rest:
        document.add_paragraph(text)
    if extra:
        document.add_paragraph(extra)
    out = io.BytesIO()
    document.save(out)
    kept = (title, first + inserted, second, third, f"Details are in {link_text}.", *rest, footnote,
            "Labour | 403")
    return Built(out.getvalue(), kept, (deleted.strip(), comment), link_text, link_url)


def qn_w(tag: str) -> str:
    return qn(f"w:{tag}")
