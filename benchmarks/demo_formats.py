"""The README's format demo: the seed ``riverside-clinic-funding.txt`` as a Word file and a saved web
page, its "The Daily Ledger reported" credit turned into a link, each scanned.

    .venv/bin/python benchmarks/demo_formats.py /tmp/demo

Writes ``clinic.docx`` and ``clinic.html`` into the folder, then prints ``sourcecheck scan`` of the
text seed, the .docx and the page (text report), and the page's JSON ``document`` object.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import io
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sourcecheck.cli import main as sourcecheck  # noqa: E402

SEED = REPO / "seeds" / "riverside-clinic-funding.txt"
CREDIT = "The Daily Ledger reported"
URL = "https://ledger.example/clinic-cuts"


def _parts() -> tuple[str, list[str]]:
    blocks = SEED.read_text(encoding="utf-8").strip().split("\n\n")
    return blocks[0].splitlines()[1], [b.strip() for b in blocks[1:]]


def write_docx(path: Path) -> None:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    title, paragraphs = _parts()
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = "Mara Quill"
    document.add_heading(title, 1)
    for text in paragraphs:
        para = document.add_paragraph()
        if text.startswith(CREDIT):
            rid = document.part.relate_to(URL, RT.HYPERLINK, is_external=True)
            para._p.append(parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}"><w:r>'
                                     f'<w:t xml:space="preserve">{CREDIT}</w:t></w:r></w:hyperlink>'))
            text = text[len(CREDIT):]
        para.add_run(text)
    document.save(path)


def write_html(path: Path) -> None:
    title, paragraphs = _parts()
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs).replace(CREDIT, f'<a href="{URL}">{CREDIT}</a>')
    path.write_text(
        f'<!DOCTYPE html><html><head><title>{title} | Dunmore Post</title>'
        f'<meta property="og:title" content="{title}"><meta name="author" content="Mara Quill">'
        '<meta property="article:published_time" content="2026-05-06T07:00:00Z"></head><body>'
        '<nav><a href="/">Home</a> <a href="/health">Health</a> <a href="/sport">Sport</a></nav>'
        f'<article><h1>{title}</h1>{body}</article>'
        '<aside><h2>Most read</h2><ul><li><a href="/a">Ferry strike enters third day</a></li></ul></aside>'
        '<footer>Dunmore Post. Subscribe for full access.</footer></body></html>',
        encoding="utf-8",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    folder = parser.parse_args().folder
    folder.mkdir(parents=True, exist_ok=True)
    write_docx(folder / "clinic.docx")
    write_html(folder / "clinic.html")
    for path in (SEED, folder / "clinic.docx", folder / "clinic.html"):
        print(f"$ sourcecheck scan {path}")
        code = sourcecheck(["scan", str(path)])
        print(f"(exit {code})\n")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        sourcecheck(["scan", str(folder / "clinic.html"), "--format", "json"])
    print(f"$ sourcecheck scan {folder / 'clinic.html'} --format json   # its document object")
    print(json.dumps(json.loads(out.getvalue())["document"], ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
