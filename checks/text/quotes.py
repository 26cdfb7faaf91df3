"""Quotation marks: the one table of marks and the two walks over them.

Double marks only: curly “ ” and guillemets « » open and close, `` opens; a straight " (or '',
which some copy uses both ways) opens or closes by its neighbours. Single marks are left out: ’ is
an apostrophe far more often than a closing quote, and a ‘ without a partner is too weak a signal.

- ``scan_quotes(doc)``: a document's quotations paired paragraph by paragraph, with the marks
  that pair with nothing (the unbalanced-quote check). A quote left open at the end of a paragraph
  is the long-quote convention when the next paragraph opens again ("... at paragraph end,
  “ next paragraph ..."): then it is not unbalanced.
- ``quoted_spans(text, open_at_start=)``: the quoted stretches of one sentence, carrying whether a
  quote is still open into the next (the sourcing grades: a speech verb inside a quote is not the
  sentence's attribution).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from checks.model import Document, Paragraph

__all__ = ["CLOSERS", "MARKS", "OPENERS", "QUOTE_MARK", "Quotation", "opens_with_quote", "quoted_spans", "scan_quotes"]

OPENERS = ("“", "«", "``")  # always open a quote
CLOSERS = ("”", "»")  # always close one
EITHER = ('"', "''")  # open or close by their neighbours
MARKS = (*OPENERS, *CLOSERS, *EITHER)
QUOTE_MARK = re.compile("|".join(re.escape(m) for m in sorted(MARKS, key=len, reverse=True)))
# QUOTE_MARK one mark at a time: a literal search skips ahead at C speed where the alternation tries
# every position of the text (0.13 s -> 0.03 s on an 8.9 MB document). The marks share no
# character, so each kind pairs up its own runs (``` is `` then `) just as QUOTE_MARK does, and the
# searches together, in order, find what QUOTE_MARK finds.
_MARK_LITERALS = tuple(re.compile(re.escape(mark)) for mark in MARKS)
_OPENER_OR_EITHER = "|".join(re.escape(m) for m in (*OPENERS, *EITHER))
_OPEN_BEFORE = " \t\n([{—–-/"
_CLOSE_AFTER = " \t\n.,;:!?)]}—–-/"
_SENTENCE_END = (".", "!", "?", "…")
_REOPENS = re.compile(rf"\s*(?:{_OPENER_OR_EITHER})")
# A sentence that opens with a quotation mark, after at most three other non-word characters.
_QUOTE_START = re.compile(rf"^\W{{0,3}}?(?:{_OPENER_OR_EITHER})")


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
    """Whether the mark at ``text[start:end]`` opens a quote: by its kind, else by its neighbours
    (a space or bracket before and a word after opens), else by whether a quote is open."""
    mark = text[start:end]
    if mark in OPENERS:
        return True
    if mark in CLOSERS:
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
    for para, marks in _marks_by_paragraph(text, doc.paragraphs):
        open_at: tuple[int, int] | None = None
        for s, e in marks:
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


# Paragraphs, each with the spans of its quotation marks in order.
_ParagraphMarks = list[tuple[Paragraph, list[tuple[int, int]]]]


def _marks_by_paragraph(text: str, paragraphs: Sequence[Paragraph]) -> _ParagraphMarks:
    """The paragraphs holding quotation marks, each with its mark spans in order (a paragraph
    with no mark may be left out: it has nothing to pair)."""
    grouped = _marks_in_one_scan(text, paragraphs)
    if grouped is None:
        grouped = [(para, [m.span() for m in QUOTE_MARK.finditer(text, para.start, para.end)]) for para in paragraphs]
    return grouped


def _marks_in_one_scan(text: str, paragraphs: Sequence[Paragraph]) -> _ParagraphMarks | None:
    """``_marks_by_paragraph`` from one scan of the whole text, or None where that could differ.

    One scan of the whole text lets the fast literal searches of ``_mark_spans`` do the work
    (five of them per paragraph would cost more than the regex). The mark regex has no
    lookaround: a paragraph's own scan finds the same marks as the whole-text scan unless a
    two-character mark ('' or ``) lies across one of its edges. That, or paragraphs out of order
    or overlapping, gives None.
    """
    if any(a.end > b.start for a, b in zip(paragraphs, paragraphs[1:])):
        return None
    groups: _ParagraphMarks = []
    i, n = 0, len(paragraphs)
    for s, e in _mark_spans(text):
        while i < n and paragraphs[i].end <= s:
            i += 1
        if i == n or e <= paragraphs[i].start:
            continue  # between paragraphs: no paragraph's scan sees it
        para = paragraphs[i]
        if s < para.start or e > para.end:
            return None
        if groups and groups[-1][0] is para:
            groups[-1][1].append((s, e))
        else:
            groups.append((para, [(s, e)]))
    return groups


def _mark_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``QUOTE_MARK.finditer(text)``, found faster."""
    return sorted(m.span() for pattern in _MARK_LITERALS for m in pattern.finditer(text))


def opens_with_quote(text: str) -> bool:
    """Whether ``text`` (a sentence) opens with a quotation mark that may open a quote."""
    return bool(_QUOTE_START.match(text.lstrip()))


def quoted_spans(text: str, *, open_at_start: bool = False) -> tuple[list[tuple[int, int]], bool]:
    """Spans of ``text`` inside quotation marks and whether a quote is still open at its end.

    Curly quotes and guillemets open and close; a straight double quote toggles. ``open_at_start``:
    the sentence begins inside a quote opened earlier.
    """
    spans: list[tuple[int, int]] = []
    start = 0 if open_at_start else -1
    for m in QUOTE_MARK.finditer(text):
        i, mark = m.start(), m.group(0)
        if mark in OPENERS:
            if start < 0:
                start = i
            elif text[i - 1 : i] in (",", ".", "?", "!") and text[m.end() : m.end() + 1] in ("", " ", "\n"):
                spans.append((start, m.end()))  # '“That rarely happens,“ said X': an opener typed as the closer
                start = -1
        elif mark in CLOSERS:
            if start >= 0:
                spans.append((start, m.end()))
            elif not spans:
                # A closing mark with no opener: the sentence ends a quote begun earlier.
                spans.append((0, m.end()))
            start = -1
        elif start < 0:
            # A straight mark (or two apostrophes, the New York Times style) opens unless its
            # neighbours say it closes (``_is_opening``, as ``scan_quotes`` reads them): then it
            # closes a quote that began before this sentence, or it is a stray mark after a word.
            if _is_opening(text, i, m.end(), False):
                start = i
            elif not spans and not (text[i - 1] if i > 0 else " ").isalnum():
                spans.append((0, m.end()))
        else:
            spans.append((start, m.end()))
            start = -1
    if start >= 0:
        spans.append((start, len(text)))
    return spans, start >= 0
