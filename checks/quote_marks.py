"""Quotation marks of a document, paired paragraph by paragraph.

Double marks only: curly “ ” open and close, `` opens; a straight " (or '', which some copy uses
both ways) opens or closes by its neighbours, and by whether a quote is open when the context says nothing. Single
marks are left out: ’ is an apostrophe far more often than a closing quote, and a ‘ without a
partner is too weak a signal to flag.

A quote left open at the end of a paragraph is the long-quote convention when the next paragraph
opens again ("... at paragraph end, “ next paragraph ..."): then it is not unbalanced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Document

__all__ = ["Quotation", "scan_quotes"]

_MARK = re.compile(r"[\"“”]|``|''")
_OPEN_BEFORE = " \t\n([{—–-/"
_CLOSE_AFTER = " \t\n.,;:!?)]}—–-/"
_SENTENCE_END = (".", "!", "?", "…")
_REOPENS = re.compile(r"\s*(?:[\"“]|``)")


@dataclass(frozen=True, slots=True)
class Quotation:
    """Quoted text from its opening mark to just after its closing mark (or its paragraph's end).

    ``continued``: left open at paragraph end and reopened by the next paragraph, as the
    multi-paragraph convention has it.
    """

    start: int
    end: int
    closed: bool
    continued: bool = False


def _is_opening(text: str, start: int, end: int, quote_open: bool) -> bool:
    mark = text[start:end]
    if mark in ("“", "``"):
        return True
    if mark == "”":
        return False
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    opens = before in _OPEN_BEFORE and not after.isspace()
    closes = not before.isspace() and (after in _CLOSE_AFTER)
    if opens and not closes:
        return True
    if closes and not opens:
        return False
    return not quote_open


def scan_quotes(doc: Document) -> tuple[list[Quotation], list[tuple[int, int]], list[tuple[int, int]]]:
    """Paired quotations, closing marks with no opener, and openers never closed (mark spans)."""
    text = doc.text
    quotations: list[Quotation] = []
    stray: list[tuple[int, int]] = []
    unclosed: list[tuple[int, int]] = []
    for para in doc.paragraphs:
        open_at: tuple[int, int] | None = None
        for m in _MARK.finditer(text, para.start, para.end):
            s, e = m.span()
            if _is_opening(text, s, e, open_at is not None):
                if open_at is not None:
                    if text[max(para.start, s - 10) : s].rstrip().rstrip("'’)")[-1:] in _SENTENCE_END:
                        # The long-quote convention with the paragraph break lost (BBC copy):
                        # "... end of one paragraph. "Start of the next ..."
                        quotations.append(Quotation(open_at[0], s, closed=False, continued=True))
                    else:
                        unclosed.append(open_at)  # a new opener before the old one closed
                open_at = (s, e)
            elif open_at is None:
                stray.append((s, e))
            else:
                quotations.append(Quotation(open_at[0], e, closed=True))
                open_at = None
        if open_at is not None:
            if _REOPENS.match(text, para.end):
                quotations.append(Quotation(open_at[0], para.end, closed=False, continued=True))
            else:
                unclosed.append(open_at)
    return quotations, stray, unclosed
