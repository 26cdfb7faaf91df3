"""Quotations and sources as words: normal forms with character offsets, and the marks editors
use inside quotations (an ellipsis for an omission, [brackets] for an insertion).

Words compare by ``checks.text.words.norm_word``: case, curly or straight apostrophes and acronym
dots do not count, and dashes, quotation marks and spacing are no words, so typography never
makes a quote differ from its source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checks.text.words import WORD, norm_word

__all__ = ["QuoteWords", "SourceWords", "quote_words", "source_words"]

# An ellipsis (… or three dots, spaced or not, bracketed or not), a [bracketed insertion], or a word.
_TOKEN = re.compile(r"\[\s*(?:\.\s*){3}\]|\[\s*…\s*\]|(?:\.\s?){2}\.|…|\[(?P<insert>[^\]\n]{1,80})\]|" + WORD.pattern)


@dataclass(frozen=True, slots=True)
class QuoteWords:
    """The words of a quotation outside brackets (``norms``, ``starts``, ``ends``: article offsets);
    ``marks[i]`` says what comes right before word ``i`` (and ``marks[len]``, at the end):
    "" nothing, "ellipsis" or "bracket". ``brackets``: the spans of the [insertions]."""

    norms: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    marks: tuple[str, ...]
    brackets: tuple[tuple[int, int], ...]


def quote_words(text: str, start: int, end: int) -> QuoteWords:
    """Tokenise ``text[start:end]`` (a quotation with its marks)."""
    norms: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    marks: list[str] = [""]
    brackets: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text, start, end):
        token = m.group(0)
        if m.group("insert") is not None:
            brackets.append(m.span())
            marks[-1] = "ellipsis" if marks[-1] == "ellipsis" else "bracket"
        elif token[0] in ".…[":
            marks[-1] = "ellipsis"
        else:
            norm = norm_word(token)
            if norm:
                norms.append(norm)
                starts.append(m.start())
                ends.append(m.end())
                marks.append("")
    return QuoteWords(tuple(norms), tuple(starts), tuple(ends), tuple(marks), tuple(brackets))


@dataclass(frozen=True, slots=True)
class SourceWords:
    """A source's words: normal forms and offsets, and where each normal form occurs."""

    norms: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    where: dict[str, list[int]]


def source_words(text: str) -> SourceWords:
    norms: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    where: dict[str, list[int]] = {}
    for m in WORD.finditer(text):
        norm = norm_word(m.group(0))
        if norm:
            where.setdefault(norm, []).append(len(norms))
            norms.append(norm)
            starts.append(m.start())
            ends.append(m.end())
    return SourceWords(tuple(norms), tuple(starts), tuple(ends), where)
