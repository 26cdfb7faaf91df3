"""``sourcecheck report``: the Markdown review report and its command."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from checks import Flag, FlagKind, Span, analyze, parse_article, read_article
from checks.review.checklist import Checklist, ChecklistItem, default_checklist
from checks.flags import by_priority
from checks.review.report import escape_md, render_report
from checks.review.store import ReviewStore, verdict_path_for
from checks.review.verdicts import Decision, Review, Verdict
from sourcecheck.cli import main


@pytest.fixture(autouse=True)
def no_user_files(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCECHECK_CONFIG_DIR", str(tmp_path / "no-config"))
    monkeypatch.setenv("SOURCECHECK_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def article(tmp_path, seed_path):
    path = tmp_path / "talks.txt"
    shutil.copyfile(seed_path, path)
    return path


def _save_some_verdicts(article):
    analysis = analyze(read_article(article))
    first, second = by_priority(analysis.flags)[:2]  # the report's first two
    review = Review(article_path=str(article), article_sha256=analysis.document.sha256, reviewer="Ana Ruiz")
    review = review.with_verdict(Verdict.for_flag(first, Decision.ACCEPTED, note="Checked with *the desk* <ok>", by="ana"))
    review = review.with_verdict(Verdict.for_flag(second, Decision.NEEDS_WORK, by="ana"))
    gone = Verdict("unsourced-000000000000", "unsourced", Decision.DISMISSED, "A sentence since cut.", 5, 25,
                   note="stale", by="ben")
    review = replace(review, verdicts=(*review.verdicts, gone))
    review = review.with_tick("dates-numbers", True, by="ana")
    store = ReviewStore(verdict_path_for(article))
    store.load()
    store.save(review)
    return analysis, first, second


def test_report_of_a_saved_review(article, capsys):
    analysis, first, second = _save_some_verdicts(article)
    assert main(["report", str(article)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    total = len(analysis.flags)
    assert f"**Progress:** 1 of {total} flags resolved." in out
    assert analysis.document.sha256 in out
    assert "- **Reviewer:** Ana Ruiz" in out
    assert f"- {total - 2} flags have no verdict" in out
    assert "- 1 flag still needs work" in out
    # each flag with its place, verdict and note (escaped so it renders as typed)
    line, col = analysis.document.line_col(first.start)
    assert f"### 1. {first.kind.label.capitalize()}, line {line}:{col}" in out
    assert "- **Verdict:** **accepted** (by ana at " in out
    assert r"- **Note:** Checked with \*the desk\* \<ok\>" in out
    assert "- **Verdict:** **needs work**" in out
    assert f"`{second.id}`" in out
    # the verdict whose flag no longer exists is listed, not lost
    assert "## Verdicts without a flag" in out
    assert "A sentence since cut." in out and "`unsourced-000000000000`" in out
    # checklist with the editor's tick and the live blocked state
    assert "- [x] Dates and numbers checked" in out
    assert "- [ ] Anonymous sources are justified (blocked: " in out
    assert "Warning" not in out


def test_changed_article_is_warned(article, capsys):
    _save_some_verdicts(article)
    article.write_text(article.read_text(encoding="utf-8") + "\nA late paragraph was added.\n", encoding="utf-8")
    assert main(["report", str(article)]) == 0
    out, err = capsys.readouterr()
    assert "> **Warning:** the article changed since the review was saved" in out
    assert "warning" in err and err.count("\n") == 1


def test_verdicts_of_another_article_are_warned(article, tmp_path, capsys):
    _save_some_verdicts(article)
    other = tmp_path / "other.txt"
    other.write_text("Other story\n\nThe council voted 7-2 on Tuesday, the clerk said.\n", encoding="utf-8")
    assert main(["report", str(other), "--verdicts", str(verdict_path_for(article))]) == 0
    out, err = capsys.readouterr()
    assert "saved for" in err and "talks.txt" in err
    assert "## Verdicts without a flag" in out


def test_output_file_written(article, tmp_path, capsys):
    _save_some_verdicts(article)
    target = tmp_path / "out" / "report.md"
    target.parent.mkdir()
    assert main(["report", str(article), "-o", str(target)]) == 0
    out, _ = capsys.readouterr()
    assert out == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Review report: talks.txt\n") and text.endswith("\n")
    assert not (target.parent / ".report.md.bak").exists()


def test_no_review_yet(article, capsys):
    assert main(["report", str(article)]) == 0
    out, _ = capsys.readouterr()
    assert "**Not reviewed yet:** no verdict file was found." in out
    assert "- [ ] Dates and numbers checked" in out


@pytest.mark.parametrize(
    ("make_args", "expected"),
    [
        (lambda a, t: [str(t / "absent.txt")], "no such file"),
        (lambda a, t: [str(a), "--verdicts", str(t / "absent.review.yaml")], "no such file"),
        (lambda a, t: [str(a), "--verdicts", str(t)], "is not a file"),
        (lambda a, t: [str(a), "-o", str(a)], "refusing to overwrite"),
        (lambda a, t: [str(a), "-o", str(t / "no-such-dir" / "r.md")], "cannot write the report"),
        (lambda a, t: [str(a), "--checklist", str(t / "absent.yaml")], "no such file"),
        (lambda a, t: [str(a), "--lexicon", str(t / "absent.yaml")], "no such file"),
    ],
)
def test_bad_input_exits_2_with_one_line(article, tmp_path, capsys, make_args, expected):
    before = article.read_bytes()
    assert main(["report", *make_args(article, tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("sourcecheck: error: ") and err.count("\n") == 1 and expected in err
    assert article.read_bytes() == before


@pytest.mark.parametrize(
    "yaml_text",
    ["version: 1\narticle: [oops\n", "version: 1\narticle: {path: a, sha256: x}\nverdicts: [{flag: f, decision: maybe}]\n",
     "just text\n"],
)
def test_malformed_verdict_file(article, capsys, yaml_text):
    verdict_path_for(article).write_text(yaml_text, encoding="utf-8")
    assert main(["report", str(article)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and str(verdict_path_for(article)) in err


def test_escape_md_renders_article_text_literally():
    assert escape_md("# Not a heading") == r"\# Not a heading"
    assert escape_md("1. not a list") == r"1\. not a list"
    assert escape_md("- not a bullet") == r"\- not a bullet"
    assert escape_md("> not a quote") == r"\> not a quote"
    assert escape_md("a [link](http://x) and <b>tag</b>") == r"a \[link\](http://x) and \<b\>tag\</b\>"
    assert escape_md("*stars* _under_ `code` a|b &amp;") == r"\*stars\* \_under\_ \`code\` a\|b \&amp;"
    assert escape_md("\x1b[31mred") == "\u241b\\[31mred"
    assert escape_md("two\n\nlines") == "two lines"


def test_duplicate_shows_both_passages_and_orphan_free_report():
    doc = parse_article(b"Harbour news\n\nThe bridge shuts on Monday.\n\nThe bridge will shut on Monday.\n")
    analysis = analyze(doc)
    a_start = doc.text.index("The bridge shuts")
    b_start = doc.text.index("The bridge will")
    a_text, b_text = "The bridge shuts on Monday.", "The bridge will shut on Monday."
    dup = Flag("duplicate-1", FlagKind.DUPLICATE, a_start, a_start + len(a_text), a_text, "repeats a later passage",
               related=(Span(b_start, b_start + len(b_text), b_text),))
    analysis = replace(analysis, flags=(dup,))
    checklist = Checklist((ChecklistItem("dups", "No *duplicated* passages", auto="no_open_flags:duplicate"),))
    review = Review("a.txt", doc.sha256, reviewer="ana")
    review = review.with_verdict(Verdict.for_flag(dup, Decision.KEEP_FIRST, by="ana")).with_tick("dups", True)
    text = render_report(analysis, review, checklist)
    line_a, _ = doc.line_col(a_start)
    line_b, _ = doc.line_col(b_start)
    assert f"First passage, line {line_a}:1:\n\n> The bridge shuts on Monday." in text
    assert f"Repeated at line {line_b}:1:\n\n> The bridge will shut on Monday." in text
    assert "**keep first**" in text
    assert "**Flags by kind:** duplicate passage (1)." in text
    assert "**Ready to sign off:**" in text and "1 of 1 flag resolved" in text
    assert r"- [x] No \*duplicated\* passages" in text
    assert "Verdicts without a flag" not in text


def test_signed_off_review_that_no_longer_holds():
    doc = parse_article(b"Title\n\nThe mayor resigned on Friday.\n")
    analysis = analyze(doc)
    flag = Flag("unsourced-x", FlagKind.UNSOURCED, 7, 36, doc.text[7:36], "a factual claim with no attribution")
    analysis = replace(analysis, flags=(flag,))
    review = Review("a.txt", doc.sha256).with_sign_off("chief")
    text = render_report(analysis, review, default_checklist())
    assert "**Signed off** by chief at " in text
    assert "the sign-off no longer holds" in text


def test_verdicts_follow_an_edited_passage(article, capsys):
    analysis, first, _ = _save_some_verdicts(article)
    # the reporter tightens the first flagged sentence: its flag gets a new id
    words = first.text.split()
    edited = " ".join(words[:-3] + ["quite", *words[-3:]])
    article.write_text(article.read_text(encoding="utf-8").replace(first.text, edited), encoding="utf-8")
    assert main(["report", str(article)]) == 0
    out, _ = capsys.readouterr()
    assert "the article changed since the review was saved" in out
    block = out[out.index("### 1. "):out.index("### 2. ")]
    assert "quite" in block and "**accepted**" in block and "- **Carried over:**" in block
    assert f"**Progress:** 1 of {len(analysis.flags)} flags resolved." in out


def test_uncertain_match_is_listed_to_confirm_not_counted():
    text = "Budget vote\n\nThe council approved the new harbour budget of 4 million crowns on Tuesday evening after a long debate.\n"
    doc = parse_article(text.encode())
    body = doc.sentences[0]
    flag = Flag("unsourced-new", FlagKind.UNSOURCED, body.start, body.end, body.text, "a factual claim with no attribution")
    analysis = replace(analyze(doc), flags=(flag,))
    old = "The council approved the harbour budget on Tuesday after a long and bitter debate about ferries."
    saved = Verdict("unsourced-old", "unsourced", Decision.ACCEPTED, old, body.start, body.start + len(old), by="ana")
    review = Review("a.txt", "0" * 64, verdicts=(saved,))
    out = render_report(analysis, review, Checklist((ChecklistItem("claims", "Claims sourced", auto="no_open_flags:unsourced"),)))
    assert "## Verdicts to confirm" in out and "after a long and bitter debate" in out
    assert "  - Maybe: line 3:1 (match " in out
    assert "0 of 1 flag resolved" in out and "Verdicts without a flag" not in out
    assert "- [ ] Claims sourced (blocked: 1 unsourced flag unresolved)" in out


def test_short_flag_is_quoted_in_its_sentence():
    doc = parse_article(b'Strike\n\nThe crew said: "A tired crew [...] is a *danger*."\n')
    start = doc.text.index("[...]")
    splice = Flag("splice-1", FlagKind.SPLICE, start, start + 5, "[...]", "splice mark")
    out = render_report(replace(analyze(doc), flags=(splice,)), None, default_checklist())
    assert '> The crew said: "A tired crew **\\[...\\]** is a \\*danger\\*."' in out


TRICKY = [
    "# Not a heading, the mayor said.",
    "1. Not a list item, she said.",
    "The *draft* said <script>alert(1)</script> and [see](http://x.example) plus `code` & a|b &amp; done.",
    "- Nor a bullet \\ with a backslash_and_underscores_, he said.",
]


def _blockquote_texts(markdown: str) -> list[str]:
    """What a CommonMark renderer shows as text inside each quote; fails on any markup it made."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(markdown)
    texts, depth = [], 0
    for token in tokens:
        depth += {"blockquote_open": 1, "blockquote_close": -1}.get(token.type, 0)
        assert token.type not in ("html_block", "html_inline")
        if depth and token.type == "inline":
            kinds = {child.type for child in token.children or []}
            assert kinds <= {"text", "softbreak"}, f"markup made from article text: {kinds}"
            texts.append("".join(child.content for child in token.children or []))
        elif depth:
            assert token.type in ("paragraph_open", "paragraph_close", "blockquote_open", "blockquote_close")
    return texts


def test_article_text_renders_literally_in_commonmark():
    doc = parse_article(("Tricky\n\n" + "\n\n".join(TRICKY) + "\n").encode())
    flags = tuple(
        Flag(f"unsourced-{i}", FlagKind.UNSOURCED, s.start, s.end, s.text, "m") for i, s in enumerate(doc.sentences)
    )
    out = render_report(replace(analyze(doc), flags=flags), None, default_checklist())
    assert _blockquote_texts(out) == [s.text for s in doc.sentences] == TRICKY


def test_report_with_the_reviews_corpus_shows_reused_source(tmp_path, seed_path, capsys):
    corpus = tmp_path / "archive"
    corpus.mkdir()
    article = tmp_path / "bridge.txt"
    shutil.copyfile(seed_path.with_name("harbour-bridge-closure.txt"), article)
    reused = read_article(article).sentences[3].text  # "City engineer Tomasz Brennan said inspectors ..."
    (corpus / "old-story.txt").write_text(
        "Cable survey\n\nPort Avery ran its yearly bridge survey this winter.\n\n" + reused + "\n", encoding="utf-8"
    )
    assert main(["report", str(article), "--against", str(corpus)]) == 0
    out, _ = capsys.readouterr()
    assert "Reused from corpus" in out
    assert "Source, " in out and "old-story.txt:5:1" in out


def test_report_command_does_not_import_the_ui(article):
    import subprocess
    import sys

    code = (
        "import sys, io, contextlib; from sourcecheck.cli import main;"
        "buf = io.StringIO();"
        f"rc = (lambda: [contextlib.redirect_stdout(buf).__enter__(), main(['report', {str(article)!r}])][1])();"
        "sys.stdout = sys.__stdout__;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tui')), rc)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[] 0"


def test_the_report_leads_with_the_highest_priority(seed_analysis):
    from checks.kinds import Priority

    text = render_report(seed_analysis, None, default_checklist())
    shown = [line.removeprefix("- **Priority:** ") for line in text.splitlines() if line.startswith("- **Priority:** ")]
    assert len(shown) == len(seed_analysis.flags)
    assert shown == sorted(shown, key=lambda p: Priority(p).rank) and shown[0] == "high" and shown[-1] == "low"
    counts = {p: shown.count(p) for p in ("high", "medium", "low")}
    assert f"**Flags by priority:** {counts['high']} high, {counts['medium']} medium, {counts['low']} low." in text
    # within a priority, the article's order
    starts = [int(line.split("line ")[1].split(":")[0]) for line in text.splitlines() if line.startswith("### ")]
    highs = starts[: counts["high"]]
    assert highs == sorted(highs)
