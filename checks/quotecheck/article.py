"""The article's side: its direct quotations and who the article says speaks them.

Quotations are the spans ``checks.text.quotes.scan_quotes`` pairs, a quote running over
paragraphs (left open, reopened by the next paragraph) joined into one; partial quotes count from
``MIN_WORDS`` words. The speaker is the ``source`` cue the sourcing grades found in the quote's
sentence or the one after or before it; a pronoun ("she said") is resolved to the last named
speaker of the sentences before.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from checks.model import Document, SentenceGrade
from checks.text.quotes import scan_quotes
from checks.text.words import WORD

__all__ = ["ArticleQuote", "MIN_WORDS", "article_quotes"]

MIN_WORDS = 3
_PRONOUNS = frozenset("he she they i we it you him her them his hers their this that who".split())
_LOOK_BACK = 6  # sentences searched back for the name a pronoun stands for


@dataclass(frozen=True, slots=True)
class ArticleQuote:
    start: int
    end: int
    speaker: str | None


def _joined(doc: Document) -> list[tuple[int, int]]:
    quotations, _, _ = scan_quotes(doc)
    spans: list[tuple[int, int]] = []
    carry: int | None = None
    for q in sorted(quotations, key=lambda q: q.start):
        start = carry if carry is not None else q.start
        if q.continued and not q.closed:
            carry = start
            continue
        carry = None
        spans.append((start, q.end))
    if carry is not None:
        spans.append((carry, quotations[-1].end))
    return spans


def _sentence_of(doc: Document, starts: list[int], offset: int) -> int | None:
    k = bisect.bisect_right(starts, offset) - 1
    return k if k >= 0 and offset < doc.sentences[k].end else None


def _named(grade: SentenceGrade | None, start: int, end: int) -> str | None:
    """The speaker cue of ``grade`` outside the quote ``start..end``, if any."""
    if grade is None:
        return None
    for cue in grade.cues:
        if cue.role == "source" and not (start <= cue.start < end) and cue.text.strip():
            return cue.text.strip()
    return None


def _resolve(speaker: str | None, grades: dict[int, SentenceGrade], sentence: int) -> str | None:
    if speaker is None or speaker.casefold() not in _PRONOUNS:
        return speaker
    for k in range(sentence - 1, max(-1, sentence - _LOOK_BACK), -1):
        named = _named(grades.get(k), 0, 0)
        if named and named.casefold() not in _PRONOUNS:
            return named
    return None


def article_quotes(doc: Document, grades: Sequence[SentenceGrade]) -> list[ArticleQuote]:
    """The article's quotations of ``MIN_WORDS`` words or more, with their speakers."""
    by_sentence = {g.sentence: g for g in grades}
    starts = [s.start for s in doc.sentences]
    out = []
    for start, end in _joined(doc):
        if len(WORD.findall(doc.text, start, end)) < MIN_WORDS:
            continue
        first, last = _sentence_of(doc, starts, start), _sentence_of(doc, starts, max(start, end - 1))
        speaker, at = None, first
        if first is not None:
            for k in dict.fromkeys((first, last if last is not None else first, first + 1, first - 1)):
                speaker = _named(by_sentence.get(k), start, end)
                if speaker:
                    at = k
                    break
        out.append(ArticleQuote(start, end, _resolve(speaker, by_sentence, at) if at is not None else None))
    return out
