"""Quotations checked against sources (issue 15), on made-up quotes and sources: every status,
every convention (typography, ellipsis, [brackets], partial quotes, quotes over paragraphs),
speaker labels, and the bad inputs of ``--sources``."""

from __future__ import annotations

import pytest

from checks import analyze
from checks.corpus.index import CorpusDocument, fingerprint
from checks.kinds import FlagKind, Priority
from checks.quotecheck import build_source_index, check_quotes, parse_turns, same_speaker
from checks.text.segment import parse_article
from sourcecheck.cli import main

TRANSCRIPT = """Date: 3 May 2024

JANE ORTIZ: We will not raise taxes this year. The budget is balanced and the deficit is falling.
We expect growth of two percent next year, and we will invest in schools and hospitals across the country.
Q: What about the pension reforms you announced in March?
JANE ORTIZ: Those reforms will take time. Nobody should expect results before the election in the spring.
TOM HALE: I think the minister is wrong about growth. Our figures show a slowdown in every region of the country.
"""
STATEMENT = "The ministry said on Friday that the new hospital in Leeds would open its doors to patients in June.\n"


def _doc(text: str, path: str | None = None):
    return parse_article(text.encode(), path=path)


@pytest.fixture(scope="module")
def index():
    docs = [_doc(TRANSCRIPT, "transcript.txt"), _doc(STATEMENT, "statement.txt")]
    return build_source_index([CorpusDocument(d.path, d, fingerprint(d.text)) for d in docs])


def _check(index, line: str):
    doc = _doc("Budget talks\n\n" + line + "\n")
    return check_quotes(doc, analyze(doc).grades, index)


@pytest.mark.parametrize("line", [
    '"We will not raise taxes this year," said Finance Minister Jane Ortiz.',
    "“We Will Not raise taxes — this   year,” Jane Ortiz said.",  # typography and case do not count
    '"We will not raise taxes ... and the deficit is falling," said Jane Ortiz.',  # a marked cut
    '"We will not raise taxes … and the deficit is falling," said Jane Ortiz.',
    '"[Ortiz] is wrong about growth," said Tom Hale.',  # a bracketed insertion
    "Ortiz said the budget was “balanced and the deficit is falling” on Friday.",  # a partial quote
    '"We expect growth of two percent next year ... across the country," said Jane Ortiz.',  # a short tail after a cut
    '"I think the minister is wrong ... in every region of the country," said Tom Hale.',
    '"I think the minister ... is wrong about growth," said Tom Hale.',  # a cut the diff places a word off
    '"Those reforms will take time," she added, after Jane Ortiz spoke.',
])
def test_verbatim_quotes(index, line):
    (check,) = _check(index, line)
    assert check.status == "verbatim", check
    assert check.source is not None and check.source.path == "transcript.txt"


def test_bracketed_words_are_shown(index):
    (check,) = _check(index, '"I think [Ortiz] is wrong about growth," said Tom Hale.')
    assert check.status == "verbatim"
    assert [b.text for b in check.brackets] == ["[Ortiz]"]


@pytest.mark.parametrize("line, sensitive", [
    ('"We will raise taxes this year," said Jane Ortiz.', ("negation",)),
    ('"We expect growth of three percent next year," said Jane Ortiz.', ("number",)),
    ('"We will not raise taxes and the deficit is falling," said Jane Ortiz.', ()),  # a cut not marked
    ('"We will certainly not raise taxes this year," said Jane Ortiz.', ()),  # a word added
    ('"The new hospital in York would open its doors to patients in June," the ministry said.', ("name",)),
])
def test_altered_quotes_carry_the_diff(index, line, sensitive):
    (check,) = _check(index, line)
    assert check.status == "altered"
    assert check.sensitive == sensitive
    assert any(op.tag != "equal" for op in check.diff)
    doc = _doc("Budget talks\n\n" + line + "\n")
    (flag,) = [f for f in analyze(doc, sources=index).flags if f.kind is FlagKind.MISQUOTE]
    assert flag.priority is (Priority.HIGH if sensitive else Priority.MEDIUM)
    assert flag.related[0].text == check.source.text


def test_spliced_quote_joins_far_passages(index):
    line = '"We will not raise taxes this year. Nobody should expect results before the election," said Jane Ortiz.'
    (check,) = _check(index, line)
    assert check.status == "spliced"
    assert len(check.sources) == 2 and check.sources[0].start < check.sources[1].start


def test_spliced_across_files(index):
    line = ('"We will not raise taxes this year, and the new hospital in Leeds would open its doors," '
            "said Jane Ortiz.")
    (check,) = _check(index, line)
    assert check.status == "spliced"
    assert {s.path for s in check.sources} == {"transcript.txt", "statement.txt"}


def test_wrong_speaker(index):
    (check,) = _check(index, '"Our figures show a slowdown in every region," said Jane Ortiz.')
    assert check.status == "wrong_speaker"
    assert check.source.speaker == "TOM HALE" and check.speaker == "Jane Ortiz"
    doc = _doc('Budget\n\n"Our figures show a slowdown in every region," said Jane Ortiz.\n')
    flags = [f for f in analyze(doc, sources=index).flags if f.kind is FlagKind.MISATTRIBUTED]
    assert len(flags) == 1 and "TOM HALE" in flags[0].message


def test_not_found_only_with_sources(index):
    line = '"The moon is made of green cheese and rockets," said Jane Ortiz.'
    (check,) = _check(index, line)
    assert check.status == "not_found" and check.source is None
    doc = _doc("Budget\n\n" + line + "\n")
    assert [f.kind for f in analyze(doc, sources=index).flags if f.kind is FlagKind.QUOTE_UNVERIFIED]
    plain = analyze(doc)
    assert plain.quotes == () and not any(f.kind is FlagKind.QUOTE_UNVERIFIED for f in plain.flags)


def test_quote_over_paragraphs_is_one_quote(index):
    text = ('Budget\n\nJane Ortiz said: "We will not raise taxes this year.\n\n'
            '"The budget is balanced and the deficit is falling."\n')
    doc = _doc(text)
    (check,) = check_quotes(doc, analyze(doc).grades, index)
    assert check.status == "verbatim"
    assert check.text.count("\n") >= 1


def test_short_quotes_and_unclosed_quotes_are_left_alone(index):
    assert _check(index, 'She called it "wrong" and left.') == ()
    assert _check(index, '"We will not raise taxes this year, said Jane Ortiz.') == ()


def test_transcript_labels():
    turns = parse_turns("Subject: budget\n\nJANE ORTIZ: Yes.\nQ: Why?\nA: Because.\nSen. Rob Portman (R-Ohio): No.\n"
                        ">> SMITH:\nHello.\n").turns
    assert [t.speaker for t in turns] == ["JANE ORTIZ", "interviewer", None, "Sen. Rob Portman", "SMITH"]
    assert parse_turns("Note: this is a statement.\nNothing more.").turns == ()
    assert same_speaker("Finance Minister Jane Ortiz", "ORTIZ")
    assert not same_speaker("Tom Hale", "JANE ORTIZ")


def test_article_itself_is_no_source(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOURCECHECK_CONFIG_DIR", str(tmp_path / "config"))
    article = tmp_path / "story.txt"
    article.write_text('Budget\n\n"We will not raise taxes this year," said Jane Ortiz.\n', encoding="utf-8")
    assert main(["scan", "--format", "json", str(article), "--sources", str(article)]) == 1
    captured = capsys.readouterr()
    assert "is the article itself" in captured.err
    assert '"not_found"' in captured.out


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: (d / "b.txt").write_bytes(b"\x00\x01binary\x00" * 50) and d / "b.txt", "binary"),
    (lambda d: (d / "empty").mkdir() or d / "empty", "no articles"),
])
def test_bad_sources_get_one_line(tmp_path, monkeypatch, capsys, make, message):
    monkeypatch.setenv("SOURCECHECK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("SOURCECHECK_CACHE_DIR", str(tmp_path / "cache"))
    article = tmp_path / "story.txt"
    article.write_text('Budget\n\n"We will not raise taxes this year," said Jane Ortiz.\n', encoding="utf-8")
    assert main(["scan", str(article), "--sources", str(make(tmp_path))]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_folder_skips_unreadable_files_with_a_warning(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOURCECHECK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("SOURCECHECK_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "transcript.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (folder / "junk.txt").write_bytes(b"\x00\xff" * 100)
    article = tmp_path / "story.txt"
    article.write_text('Budget\n\n"We will raise taxes this year," said Jane Ortiz.\n', encoding="utf-8")
    assert main(["scan", str(article), "--sources", str(folder)]) == 1
    captured = capsys.readouterr()
    assert "junk.txt" in captured.err and "misquote" in captured.out
    assert f"{folder}/transcript.txt" in captured.out
