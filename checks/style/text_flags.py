"""Flags about the text itself: splice marks, quotation marks, quotes with no speaker, name variants.

Each flag's ``text`` is the flagged stretch with a few words of context, so its id (a hash of kind
and text) survives edits elsewhere and tells two splice marks of one article apart.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import islice
from dataclasses import dataclass

from checks.sourcing.grade import ACROSS_PARAGRAPH, looks_like_heading
from checks.sourcing.lexicon import Lexicon, default_lexicon
from checks.details import FlagDetails, NameVariantDetails, UnattributedQuoteDetails
from checks.kinds import spec
from checks.model import Document, Flag, FlagKind, Sentence, SentenceGrade, Sourcing, Span
from checks.style.name_variants import find_name_variants
from checks.text.display import one_line, truncate
from checks.text.quotes import Quotation, scan_quotes

__all__ = ["find_text_flags", "one_flag_per_quote"]

# [...] [..] […] [ . . . ] (...) (…): an editor's cut inside quoted or reproduced text.
_SPLICE = re.compile(r"\[\s*(?:\.\s*){2,}\]|\[\s*…\s*\]|\(\s*(?:\.\s*){3,}\)|\(\s*…\s*\)")
# Every splice mark starts with one of these. A literal search for each skips ahead at C speed,
# where _SPLICE.finditer (or one search for either) tests every position: 0.05 s -> 0.006 s on an
# 8.9 MB document.
_SPLICE_OPENERS = (re.compile(r"\["), re.compile(r"\("))
_CONTEXT_WORDS = 3
_LOOK_BACK = 400  # characters searched first for the context words before a flagged stretch
_WORD = re.compile(r"\S+")
# A quote covering less than this share of its sentence is a partial (or scare) quote: it needs a
# speaker in its own sentence, a neighbour's attribution does not cover it.
_PARTIAL_SHARE = 0.6
_RELATED_LIMIT = 5
# “...”― Carla Sanchez: the epigraph style names the speaker after a dash.
_DASH_SIGNATURE = re.compile(r"[^\S\n]*[―—–][^\S\n]*[A-Z]")
# Sourcing.attributed as a set: a set lookup per sentence, not a property call (a tenth of the
# time of the unattributed-quote check on a long document).
_ATTRIBUTED = frozenset(s for s in Sourcing if s.attributed)


def find_text_flags(
    doc: Document, grades: Sequence[SentenceGrade], *, lexicon: Lexicon | None = None
) -> list[Flag]:
    """Splice marks, unbalanced quotation marks, quotes with no speaker and name variants.

    ``grades`` are the sentence grades of ``doc`` (one per sentence); ``lexicon`` gives the
    speech verbs that attribute a partial quote inside its sentence.
    """
    quotations, stray, unclosed = scan_quotes(doc)
    speech = (lexicon or default_lexicon()).pattern("speech_verbs")
    located = _Located(doc, tuple(s.start for s in doc.sentences))
    return [
        *_splices(located),
        *_unbalanced(located, stray, unclosed),
        *_unattributed(located, grades, quotations, speech),
        *_name_variants(located),
    ]


@dataclass(frozen=True, slots=True)
class _Located:
    """The document with its sentence starts, so finding a position's sentence is a bisection
    (a scan of every sentence per flag and quote made this quadratic on long documents)."""

    doc: Document
    starts: tuple[int, ...]


def _sentence_at(located: _Located, pos: int) -> Sentence | None:
    # Sentences are in order and do not overlap: the last one starting at or before pos.
    i = bisect_right(located.starts, pos) - 1
    if i < 0:
        return None
    s = located.doc.sentences[i]
    return s if s.start <= pos < s.end else None


def _with_context(
    located: _Located, start: int, end: int, *, before: bool = True, after: bool = True, words: int = _CONTEXT_WORDS
) -> tuple[int, int]:
    """Widen a span by a few words on each side, within its sentence."""
    doc = located.doc
    s = _sentence_at(located, start)
    lo, hi = (s.start, s.end) if s else (0, len(doc.text))
    if before:
        # The last few words before ``start``: looked for close by first, so that a quote deep in
        # a huge sentence (a saved web page) costs its context, not the sentence's length.
        near = max(lo, start - _LOOK_BACK)
        found = list(_WORD.finditer(doc.text, near, start))
        if len(found) <= words and near > lo:  # too few whole words close by (found[0] may be cut)
            found = list(_WORD.finditer(doc.text, lo, start))
        if found:
            start = found[max(0, len(found) - words)].start()
    if after:
        found = list(islice(_WORD.finditer(doc.text, end, max(end, hi)), words))
        if found:
            end = max(end, found[-1].end())
    return start, end


def _flag(
    located: _Located,
    kind: FlagKind,
    start: int,
    end: int,
    message: str,
    *,
    related: tuple[Span, ...] = (),
    details: FlagDetails | None = None,
) -> Flag:
    doc = located.doc
    s = _sentence_at(located, start)
    return Flag(
        id="",
        kind=kind,
        start=start,
        end=end,
        text=doc.text[start:end],
        message=message,
        related=related,
        sentence=s.index if s else None,
        details=details,
    )


def _splices(located: _Located) -> list[Flag]:
    doc = located.doc
    flags = []
    for m in _splice_marks(doc.text):
        start, end = _with_context(located, m.start(), m.end())
        flags.append(
            _flag(
                located,
                FlagKind.SPLICE,
                start,
                end,
                spec(FlagKind.SPLICE).message("mark", mark=m.group(0)),
                related=(Span(m.start(), m.end(), m.group(0)),),
            )
        )
    return flags


def _splice_marks(text: str) -> list[re.Match[str]]:
    """The matches of ``_SPLICE.finditer(text)``: tried only where a bracket opens, left to right,
    none overlapping."""
    found: list[re.Match[str]] = []
    for start in sorted(m.start() for opener in _SPLICE_OPENERS for m in opener.finditer(text)):
        if found and start < found[-1].end():
            continue
        m = _SPLICE.match(text, start)
        if m:
            found.append(m)
    return found


def _unbalanced(located: _Located, stray: list[tuple[int, int]], unclosed: list[tuple[int, int]]) -> list[Flag]:
    doc = located.doc
    # (mark, context the excerpt shows, message): a stray closer shows the word it closes, an
    # unclosed opener the words it opens.
    declared = spec(FlagKind.UNBALANCED_QUOTE)
    cases = [
        (s, e, {"after": False, "words": 1}, declared.message("stray", mark=doc.text[s:e]))
        for s, e in stray
    ] + [
        (s, e, {"before": False, "words": 2}, declared.message("unclosed", mark=doc.text[s:e]))
        for s, e in unclosed
    ]
    flags = []
    for s, e, context, message in cases:
        start, end = _with_context(located, s, e, **context)
        flags.append(
            _flag(located, FlagKind.UNBALANCED_QUOTE, start, end, message, related=(Span(s, e, doc.text[s:e]),))
        )
    return flags


def _unattributed(
    located: _Located, grades: Sequence[SentenceGrade], quotations: list[Quotation], speech: re.Pattern[str]
) -> list[Flag]:
    doc = located.doc
    # A quote paragraph graded with the speaker of the paragraph before still wants its own speaker.
    attributed = {g.sentence: g.sourcing in _ATTRIBUTED and ACROSS_PARAGRAPH not in g.reason for g in grades}
    sentences = doc.sentences
    unquoted = _blank_quotes(doc.text, quotations)

    # Per sentence, each worked out once: thousands of quotes in one huge sentence (a transcript, a
    # saved web page) each searching the whole sentence again made this quadratic.
    speaking: dict[int, bool] = {}
    heading: dict[int, bool] = {}

    def says(first: int, last: int) -> bool:
        """A speech verb outside quotation marks in sentences first..last (one the grade missed)."""
        for i in range(first, last + 1):
            if i not in speaking:
                speaking[i] = speech.search(unquoted, sentences[i].start, sentences[i].end) is not None
            if speaking[i]:
                return True
        return False

    flags = []
    chain_covered: bool | None = None  # a long quote reopened paragraph after paragraph
    for q in quotations:
        s = _sentence_at(located, q.start)
        if s is None:
            continue
        if s.index not in heading:
            heading[s.index] = looks_like_heading(s.text)
        if heading[s.index] and q.end <= s.end:
            continue  # a headline's quotation marks ('Council tax rise "reasonable"') mark a title's words
        quoted = doc.text[q.start : q.end]
        share = (q.end - q.start) / max(1, s.end - s.start)
        partial = share < _PARTIAL_SHARE and q.end <= s.end and not q.continued
        if partial:
            # Its own sentence must name the speaker: a neighbour's attribution does not cover it.
            covered = attributed.get(s.index, False) or says(s.index, s.index)
        else:
            last = _sentence_at(located, max(q.start, q.end - 1)) or s
            # News style attributes every new quote paragraph: a neighbour counts only in the same one.
            first_near, last_near = s.index, last.index
            if first_near > 0 and sentences[first_near - 1].paragraph == s.paragraph:
                first_near -= 1
            if last_near + 1 < len(sentences) and sentences[last_near + 1].paragraph == last.paragraph:
                last_near += 1
            covered = any(attributed.get(i, False) for i in range(first_near, last_near + 1))
            covered = covered or says(first_near, last_near) or bool(chain_covered)
        covered = covered or _DASH_SIGNATURE.match(doc.text, q.end) is not None  # “...”― Carla Sanchez
        chain_covered = covered if q.continued else None
        if covered:
            continue
        if sum(c.isalpha() for c in quoted) < 2 or doc.text[q.start - 1 : q.start] == "=":
            continue  # "", a number, or an attribute of embedded markup (tweet="...")
        declared = spec(FlagKind.UNATTRIBUTED_QUOTE)
        message = declared.message("partial", quote=truncate(one_line(quoted), 40)) if partial else declared.message("whole")
        flags.append(
            _flag(located, FlagKind.UNATTRIBUTED_QUOTE, q.start, q.end, message,
                  details=UnattributedQuoteDetails(partial=partial))
        )
    return flags


def one_flag_per_quote(grade_flags: Sequence[Flag], text_flags: Sequence[Flag]) -> list[Flag]:
    """``grade_flags`` without the unsourced flag of a sentence that lies inside a quotation flagged for
    having no speaker: the quote flag says what is missing; a second flag on the same words says it again."""
    quotes = [(f.start, f.end) for f in text_flags if f.kind is FlagKind.UNATTRIBUTED_QUOTE]
    if not quotes:
        return list(grade_flags)

    def inside_a_quote(f: Flag) -> bool:
        need = _PARTIAL_SHARE * (f.end - f.start)
        return any(min(b, f.end) - max(a, f.start) >= need for a, b in quotes)

    return [f for f in grade_flags if not (f.kind is FlagKind.UNSOURCED and inside_a_quote(f))]


def _blank_quotes(text: str, quotations: list[Quotation]) -> str:
    """The text with every quotation blanked out, offsets kept, so "said" inside a quote is no attribution."""
    # Slices, not a list of every character: that list is 8 million items on a long document.
    parts = []
    pos = 0
    for start, end in sorted((q.start, q.end) for q in quotations):
        if end <= pos:
            continue  # inside a quotation already blanked
        start = max(start, pos)
        parts += [text[pos:start], " " * (end - start)]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def _name_variants(located: _Located) -> list[Flag]:
    doc = located.doc
    flags = []
    for v in find_name_variants(doc):
        first = v.rare[0]
        other = v.common[0].text
        template = "acronym" if v.kind == "acronym" else "spelling"
        message = spec(FlagKind.NAME_VARIANT).message(
            template, rare=first.text, common=other, rare_times=_times(len(v.rare)),
            common_times=_times(len(v.common)),
        )
        flags.append(
            _flag(
                located,
                FlagKind.NAME_VARIANT,
                first.start,
                first.end,
                message,
                related=v.common[:_RELATED_LIMIT],
                details=NameVariantDetails(variant=v.kind, rare=len(v.rare), common=len(v.common)),
            )
        )
    return flags
