"""Article text on its way to a terminal or a report: control characters made harmless, long text
cut short, a place in a file written as ``source:line:col``.

Article text is data. An ESC in it would start a colour sequence on the reviewer's terminal, so
every control character is shown, never obeyed: as its Unicode control picture where text keeps
its length and layout (the app, where offsets must stay valid; the Markdown report), or as a
``\\x1b``-style escape in the linter-style lines of ``scan`` (greppable, one line each).
"""

from __future__ import annotations

__all__ = ["CONTROL_CODES", "a_or_an", "display_text", "escape_controls", "location", "one_line", "truncate"]

# The characters a terminal may obey rather than show: C0 controls, DEL and the C1 controls.
CONTROL_CODES = frozenset((*range(0x20), 0x7F, *range(0x80, 0xA0)))


def _picture(code: int) -> str:
    if code == 0x7F:
        return "\u2421"  # SYMBOL FOR DELETE
    if code < 0x20:
        return chr(0x2400 + code)  # SYMBOL FOR NULL .. SYMBOL FOR UNIT SEPARATOR
    return "\ufffd"  # C1 controls have no pictures


# Line breaks stay (they are the layout); a tab is a space (its width would shift the columns).
_PICTURES = {code: _picture(code) for code in CONTROL_CODES if code != 0x0A} | {0x09: " "}
_ESCAPES = {code: f"\\x{code:02x}" for code in CONTROL_CODES}
_KEEP_LINES = {code: escape for code, escape in _ESCAPES.items() if code not in (0x09, 0x0A)}


def display_text(text: str) -> str:
    """The text as it may be drawn: same length, line breaks kept, control characters visible
    (ESC as ␛, DEL as ␡, a tab as a space)."""
    return text.translate(_PICTURES)


def escape_controls(text: str, *, keep_lines: bool = False) -> str:
    """Control characters written as escapes (ESC as ``\\x1b``), line breaks included: for one-line
    output. With ``keep_lines``, line breaks (and tabs) stay: for a whole text output.

    The one cleaning every string read from a file (a verdict's ``by`` and note, checklist items,
    file names, lexicon and config entries) passes before it reaches a terminal or a text report:
    an ESC, OSC (``ESC ]``, window titles, OSC 8 links), CSI or C1 control is shown, never obeyed.
    """
    return text.translate(_KEEP_LINES if keep_lines else _ESCAPES)


def one_line(text: str) -> str:
    """White space runs (line breaks included) folded to one space, ends stripped."""
    return " ".join(text.split())


def truncate(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` characters, the last an ellipsis when it was cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


def location(source: str, line: int | None, col: int | None) -> str:
    """A place in a file as linters write it, ``source:line:col``; ``source`` alone when the line
    or column is unknown (0 or None)."""
    return f"{source}:{line}:{col}" if line and col else str(source)


def a_or_an(noun: str) -> str:
    """``noun`` with its indefinite article: "an anonymous source", "a duplicate passage".

    By the first letter, which is right for every kind label; "a unique" or "an hour" would need a
    word list, and no label needs one."""
    return f"{'an' if noun[:1].lower() in 'aeio' else 'a'} {noun}"

