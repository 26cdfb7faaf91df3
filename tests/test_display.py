"""checks.text.display: what article text looks like on its way to a terminal or a report."""

from __future__ import annotations

from checks.text.display import CONTROL_CODES, display_text, escape_controls, location, one_line, truncate


def test_every_control_character_is_shown_not_obeyed_and_offsets_hold():
    raw = "".join(map(chr, sorted(CONTROL_CODES))) + "plain"
    shown = display_text(raw)
    assert len(shown) == len(raw)
    assert [c for c in shown if ord(c) in CONTROL_CODES] == ["\n"]  # the layout's line breaks stay
    assert display_text("a\x1b[31mb\tc\x7f\x9b") == "a\N{SYMBOL FOR ESCAPE}[31mb c\N{SYMBOL FOR DELETE}\ufffd"


def test_escaped_controls_are_one_greppable_line():
    assert escape_controls("red \x1b[31m\nnext\x9b") == "red \\x1b[31m\\x0anext\\x9b"
    assert escape_controls("Ünïcode “quotes” stay") == "Ünïcode “quotes” stay"


def test_truncate_and_one_line():
    assert truncate("abcdef", 6) == "abcdef" and truncate("abcdefg", 6) == "abcde…"
    assert one_line("  two\n\tlines  ") == "two lines"


def test_location_as_linters_write_it():
    assert location("a.txt", 3, 14) == "a.txt:3:14"
    assert location("a.txt", None, None) == location("a.txt", 0, 0) == "a.txt"
