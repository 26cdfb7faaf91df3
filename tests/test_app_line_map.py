"""The app's plain-Python part: wrapping the article into screen lines (the review session's tests
are the engine's, in ``test_review_session.py``)."""

from __future__ import annotations

from checks import parse_article
from checks.text.display import display_text
from tui.line_map import wrap_paragraphs


def test_wrapped_lines_fit_the_width_and_cover_every_word() -> None:
    doc = parse_article("First paragraph. " * 40 + "\n\nSecond one with a " + "x" * 130 + " tail.\n")
    lines = wrap_paragraphs(doc.text, doc.paragraphs, 50)
    texts = [doc.text[s:e].rstrip() for s, e in zip(lines.starts, lines.ends)]
    assert all(len(t) <= 50 for t in texts)
    assert "" in texts, "a blank line separates paragraphs"
    body = "".join(doc.text[p.start : p.end] for p in doc.paragraphs)
    assert "".join("".join(texts).split()) == "".join(body.split()), "no character lost or repeated"


def test_line_of_finds_the_line_holding_an_offset() -> None:
    doc = parse_article("Alpha beta gamma delta epsilon zeta eta theta iota kappa.\n\nLambda mu.\n")
    lines = wrap_paragraphs(doc.text, doc.paragraphs, 20)
    for offset in (0, doc.text.index("kappa"), doc.text.index("mu")):
        line = lines.line_of(offset)
        assert lines.starts[line] <= offset < lines.ends[line]


def test_wide_characters_wrap_by_cells() -> None:
    doc = parse_article("漢字" * 30 + "\n")
    lines = wrap_paragraphs(doc.text, doc.paragraphs, 20)
    assert all(2 * (e - s) <= 20 for s, e in zip(lines.starts, lines.ends))


def test_display_text_shows_control_characters_and_keeps_offsets() -> None:
    raw = "red \x1b[31m alarm\x07 tab\there"
    shown = display_text(raw)
    assert len(shown) == len(raw)
    assert "\x1b" not in shown and "\x07" not in shown and "\N{SYMBOL FOR ESCAPE}[31m" in shown
