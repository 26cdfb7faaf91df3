"""Reading what newsrooms write in: .docx, .odt, HTML pages and standard input.

Offsets refer to the extracted text (the text the app shows), the sha256 to the original file,
metadata goes into ``document``, and a damaged, encrypted or empty document is one line, exit 2.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import shared_data  # noqa: E402
from docx_files import build_docx  # noqa: E402

from checks import analysis_to_dict, analyze, parse_article, read_article  # noqa: E402
from checks.files import ArticleError  # noqa: E402
from checks.review.resume import resume_review  # noqa: E402
from checks.review.verdicts import Decision, Review, Verdict, review_from_dict, review_to_dict  # noqa: E402
from checks.text.formats import parse_document, sniff_format  # noqa: E402
from sourcecheck.cli import main  # noqa: E402

PARAS = [
    "Maternity pay for new mothers is to rise by £1,400, Trade Secretary Patricia Hewitt said.",
    "The Tories dismissed the maternity pay plan as desperate, while the Liberal Democrats said it was misdirected.",
    "The plan would cost the Treasury about £100m a year.",
    "Ms Hewitt also stressed the plans would be paid for by taxpayers, not employers.",
]

PAGE = b"""<!DOCTYPE html><html><head><title>Council closes bridge | The Ledger</title>
<meta property="og:title" content="Council closes Harbour Bridge for repairs">
<meta name="author" content="Sam Writer">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Council closes Harbour Bridge for repairs</h1>
<p>The Harbour Bridge will close for six weeks from Monday, the council said in a statement.</p>
<p>Repairs will cost 4.2 million pounds, according to <a href="https://example.org/budget.pdf">the council's budget papers</a>.</p>
<p>Engineers found cracks in two of the bridge's supporting beams during an inspection in January, the report says.</p>
<p>Commuters will be diverted over the Mill Road crossing, which adds about fifteen minutes to the journey into town.</p>
</article>
<aside><h2>Related</h2><ul><li><a href="/x">Ferry strike enters third day</a></li></ul></aside>
<footer>Copyright The Ledger. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>"""


def scan(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["scan", *args])
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str, *needles: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sourcecheck: error: "), err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0], lines[0]


# -- .docx --------------------------------------------------------------------------------------


def test_docx_every_sentence_recovered_with_changes_accepted_and_comment_left_out(tmp_path):
    built = build_docx("Labour plans maternity pay rise", PARAS)
    path = tmp_path / "draft.docx"
    path.write_bytes(built.data)
    doc = read_article(path)
    assert doc.format == "docx"
    for kept in built.kept:
        assert kept in doc.text, kept
    for gone in built.gone:
        assert gone not in doc.text
    sentences = [s.text for s in doc.sentences]
    assert "The vote is expected in spring.[1]" in sentences  # the tracked insertion, accepted
    assert any(s.startswith("Footnote 1: The figures") for s in sentences)
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text


def test_docx_metadata_sha256_and_link_offsets(tmp_path):
    import hashlib

    built = build_docx("Labour plans maternity pay rise", PARAS)
    path = tmp_path / "draft.docx"
    path.write_bytes(built.data)
    doc = read_article(path)
    assert doc.sha256 == hashlib.sha256(built.data).hexdigest()
    assert (doc.title, doc.byline) == ("Labour plans maternity pay rise", "Jane Reporter")
    (link,) = doc.links
    assert (link.text, link.url) == (built.link_text, built.link_url)
    assert doc.text[link.start : link.end] == built.link_text
    data = analysis_to_dict(analyze(doc))
    assert data["document"]["format"] == "docx" and data["document"]["byline"] == "Jane Reporter"
    assert data["document"]["links"] == [{"start": link.start, "end": link.end, "text": link.text, "url": link.url}]
    for flag in data["flags"]:
        assert doc.text[flag["start"] : flag["end"]] == flag["text"]


def test_docx_from_bbc_articles_every_sentence_recovered(tmp_path):
    folder = shared_data("bbc") / "bbc" / "politics"
    for name in ("001.txt", "010.txt", "042.txt"):
        original = parse_article((folder / name).read_bytes(), path=name)
        paragraphs = [original.text[p.start : p.end] for p in original.paragraphs]
        if len(paragraphs) < 3:
            continue
        built = build_docx(original.title or "Untitled", [*paragraphs, "End."] if len(paragraphs) == 3 else paragraphs)
        doc = parse_document(built.data, path=name.replace(".txt", ".docx"))
        for s in original.sentences:
            assert s.text in doc.text, (name, s.text)
        for s in doc.sentences:
            assert doc.text[s.start : s.end] == s.text


def test_review_reattaches_after_the_docx_is_edited_and_exported_again(tmp_path):
    first = parse_document(build_docx("Pay rise", PARAS).data, path="draft.docx")
    analysis = analyze(first)
    assert analysis.flags, "the draft needs a flag to give a verdict on"
    flag = analysis.flags[-1]
    review = Review(article_path="draft.docx", article_sha256=first.sha256, article_format="docx").with_verdict(
        Verdict(flag=flag.id, kind=str(flag.kind), decision=Decision.DISMISSED, note="checked",
                text=flag.text, start=flag.start, end=flag.end)
    )
    saved = review_from_dict(review_to_dict(review))
    assert saved.article_format == "docx" and review_to_dict(review)["article"]["format"] == "docx"
    edited = parse_document(
        build_docx("Pay rise", ["A new opening paragraph was added by the desk on Friday.", *PARAS]).data,
        path="draft.docx",
    )
    assert edited.sha256 != first.sha256
    loaded = resume_review(analyze(edited), saved, article_path="draft.docx")
    moved = [v for v in loaded.review.verdicts if v.decision is Decision.DISMISSED]
    assert moved and moved[0].text == flag.text
    assert edited.text[moved[0].start : moved[0].end] == flag.text
    assert loaded.review.article_sha256 == edited.sha256 and loaded.review.article_format == "docx"


BAD_DOCX = {
    "corrupt": (lambda: build_docx("T", PARAS).data[:3000], "damaged"),
    "encrypted": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000, "encrypted"),
    "not a zip": (lambda: b"Just some text pretending to be Word.", "not a .docx"),
    "zip without word": (lambda: _zip({"hello.txt": b"hi"}), "not a Word document"),
}


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize("name", BAD_DOCX)
def test_unusable_docx_is_one_line_exit_2(tmp_path, capsys, name):
    make, needle = BAD_DOCX[name]
    path = tmp_path / "draft.docx"
    data = make()
    path.write_bytes(data)
    code, out, err = scan(capsys, str(path))
    assert code == 2 and out == ""
    one_error_line(err, str(path), needle)
    assert path.read_bytes() == data


def test_docx_with_no_text_is_one_line_exit_2(tmp_path, capsys):
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    path = tmp_path / "blank.docx"
    path.write_bytes(out.getvalue())
    code, _, err = scan(capsys, str(path))
    assert code == 2
    one_error_line(err, "blank.docx", "no text")


# -- HTML ---------------------------------------------------------------------------------------


def test_html_main_text_metadata_and_links(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE)
    doc = read_article(path)
    assert doc.format == "html"
    assert "six weeks from Monday" in doc.text and "Mill Road crossing" in doc.text
    for boilerplate in ("Subscribe", "Ferry strike", "Sport"):
        assert boilerplate not in doc.text
    assert doc.title == "Council closes Harbour Bridge for repairs"
    assert doc.byline == "Sam Writer" and doc.date == "2024-03-05"
    (link,) = [k for k in doc.links if "budget" in k.url]
    assert doc.text[link.start : link.end] == "the council's budget papers" == link.text


@pytest.mark.parametrize("body", [
    b"<nav><a href='/'>Home</a></nav><script>var x = 1;</script>",
    b"<div class='menu'><ul><li><a href='/a'>News</a></li><li><a href='/b'>Sport</a></li></ul></div>"
    b"<div class='cookie'>We use cookies.</div>",
])
def test_html_page_with_no_article_text_is_one_line_exit_2(tmp_path, capsys, body):
    path = tmp_path / "empty.htm"
    path.write_bytes(b"<html><head><title>Home</title></head><body>" + body + b"</body></html>")
    code, out, err = scan(capsys, str(path))
    assert code == 2 and out == ""
    one_error_line(err, "empty.htm", "no article text")


def test_real_saved_pages_extract_with_valid_offsets():
    folder = shared_data("article_extraction") / "html"
    for page in sorted(folder.glob("*.html"))[:5]:
        doc = read_article(page)
        assert doc.format == "html" and len(doc.sentences) > 3
        for link in doc.links:
            assert doc.text[link.start : link.end] == link.text


# -- .odt ---------------------------------------------------------------------------------------

ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<office:body><office:text>
<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>GONEWORDS were cut.</text:p></text:deletion></text:changed-region></text:tracked-changes>
<text:h text:outline-level="1">Ferry strike</text:h>
<text:p>The ferry strike entered its third day,<text:s/>the union said.<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Figures from the union.</text:p></text:note-body></text:note></text:p>
<text:p>Talks will resume on <text:span>Monday</text:span>, according to <text:a xlink:href="https://example.org/talks">the mediator</text:a>.<office:annotation><text:p>EDITORNOTE</text:p></office:annotation></text:p>
<text:list><text:list-item><text:p>Ferries to the island are cancelled.</text:p></text:list-item></text:list>
</office:text></office:body></office:document-content>"""
ODT_META = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<office:meta><dc:title>Ferry strike</dc:title><meta:initial-creator>Kim Desk</meta:initial-creator>
<meta:creation-date>2024-02-01T10:00:00</meta:creation-date></office:meta></office:document-meta>"""


def _odt(content: str = ODT_CONTENT, manifest: bytes = b"<manifest/>") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
        z.writestr("meta.xml", ODT_META)
        z.writestr("META-INF/manifest.xml", manifest)
    return out.getvalue()


def test_odt_text_links_notes_and_metadata():
    data = _odt()
    assert sniff_format(data) == "odt"
    doc = parse_document(data, path="story.odt")
    assert doc.text.split("\n\n") == [
        "Ferry strike",
        "The ferry strike entered its third day, the union said.[1]",
        "Talks will resume on Monday, according to the mediator.",
        "Ferries to the island are cancelled.",
        "Footnote 1: Figures from the union. ",
    ]
    (link,) = doc.links
    assert doc.text[link.start : link.end] == "the mediator" and link.url == "https://example.org/talks"
    assert (doc.title, doc.byline, doc.date) == ("Ferry strike", "Kim Desk", "2024-02-01")


def test_encrypted_and_damaged_odt_are_one_line(tmp_path, capsys):
    locked = tmp_path / "locked.odt"
    locked.write_bytes(_odt(manifest=b"<manifest><encryption-data/></manifest>"))
    broken = tmp_path / "broken.odt"
    broken.write_bytes(_odt(content="<office:document-content"))
    for path, needle in ((locked, "encrypted"), (broken, "damaged")):
        code, _, err = scan(capsys, str(path))
        assert code == 2
        one_error_line(err, path.name, needle)


# -- standard input, folders, --against ---------------------------------------------------------


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)

    def isatty(self) -> bool:
        return False


def test_scan_stdin_text_and_html(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", _Stdin("The council said the bridge would close.\n".encode()))
    code, out, _ = scan(capsys, "-", "--format", "json")
    data = json.loads(out)
    assert code in (0, 1) and data["document"]["path"] == "-" and data["document"]["format"] == "text"
    assert data["sentences"][0]["text"] == "The council said the bridge would close."
    monkeypatch.setattr(sys, "stdin", _Stdin(PAGE))
    code, out, _ = scan(capsys, "-", "--format", "json")
    data = json.loads(out)
    assert data["document"]["format"] == "html" and any("six weeks" in s["text"] for s in data["sentences"])


def test_scan_empty_stdin_is_one_line_exit_2(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", _Stdin(b"  \n"))
    code, out, err = scan(capsys, "-")
    assert code == 2 and out == ""
    one_error_line(err, "-: empty article")


def test_scan_folder_scans_its_articles_of_every_format(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("The mayor said the budget was balanced.\n", encoding="utf-8")
    (tmp_path / "b.docx").write_bytes(build_docx("Pay rise", PARAS).data)
    (tmp_path / "c.html").write_bytes(PAGE)
    (tmp_path / "notes.csv").write_text("x,y\n", encoding="utf-8")
    code, out, err = scan(capsys, str(tmp_path), "--format", "json")
    assert code in (0, 1), err
    assert [Path(d["document"]["path"]).name for d in json.loads(out)] == ["a.txt", "b.docx", "c.html"]


def test_scan_against_a_folder_of_docx(tmp_path, capsys):
    corpus = tmp_path / "wire"
    corpus.mkdir()
    (corpus / "wire.docx").write_bytes(build_docx("Pay rise", PARAS).data)
    article = tmp_path / "story.txt"
    article.write_text(f"Local news\n\n{PARAS[1]}\n\nThe mayor opened the fair on Sunday.\n", encoding="utf-8")
    code, out, err = scan(capsys, str(article), "--against", str(corpus), "--format", "json")
    kinds = [f["kind"] for f in json.loads(out)["flags"]]
    assert "reused" in kinds, (kinds, err)


def test_version(capsys):
    from sourcecheck import __version__

    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"sourcecheck {__version__}"


def test_pasted_article_is_saved_in_the_data_folder_for_the_app(tmp_path, monkeypatch, capsys):
    from sourcecheck.articles import pasted_article

    monkeypatch.setenv("SOURCECHECK_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "stdin", _Stdin(b"The minister said the talks had failed.\n"))
    monkeypatch.setattr("sourcecheck.articles._keys_from_terminal", lambda: None)
    path = pasted_article("SOURCECHECK_DATA_DIR")
    assert path.parent == tmp_path / "pasted" and path.suffix == ".txt"
    assert path.read_bytes() == b"The minister said the talks had failed.\n"
    assert "saved as" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", _Stdin(b"The minister said the talks had failed.\n"))
    assert pasted_article("SOURCECHECK_DATA_DIR") == path  # the same text finds the same file (and review)
    monkeypatch.setattr(sys, "stdin", _Stdin(b"   "))
    with pytest.raises(ValueError, match="nothing on standard input"):
        pasted_article("SOURCECHECK_DATA_DIR")
