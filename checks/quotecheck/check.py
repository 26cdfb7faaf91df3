"""Every quotation of an article checked against the sources: ``check_quotes`` gives one
``QuoteCheck`` per quotation, ``quote_flags`` the flags of those that need a look."""

from __future__ import annotations

from collections.abc import Sequence

from checks.details import QuoteDetails
from checks.kinds import spec
from checks.model import DiffOp, Document, Flag, FlagKind, QuoteCheck, QuoteSource, SentenceGrade, Span
from checks.quotecheck.article import article_quotes
from checks.quotecheck.decide import Decision, decide
from checks.quotecheck.sources import SourceIndex
from checks.quotecheck.words import QuoteWords, quote_words
from checks.text.display import location, one_line, truncate
from checks.text.words import WORD

__all__ = ["check_quotes", "quote_flags"]

_NEGATIONS = frozenset("not no never nor none nobody nothing nowhere neither cannot cant dont doesnt didnt wont isnt "
                       "arent wasnt werent hasnt havent hadnt shouldnt wouldnt couldnt mustnt without".split())
_NUMBER_WORDS = frozenset("zero one two three four five six seven eight nine ten eleven twelve twenty thirty forty "
                          "fifty hundred thousand million billion trillion half quarter dozen percent first second "
                          "third".split())
_STATUS_KIND = {"altered": FlagKind.MISQUOTE, "spliced": FlagKind.MISQUOTE,
                "wrong_speaker": FlagKind.MISATTRIBUTED, "not_found": FlagKind.QUOTE_UNVERIFIED}


def check_quotes(doc: Document, grades: Sequence[SentenceGrade], index: SourceIndex) -> tuple[QuoteCheck, ...]:
    """Each quotation of ``doc`` (``checks.quotecheck.article``) with its status and source passage.
    Sources that are the article itself are left out."""
    own = index.own(doc)
    out = []
    for quote in article_quotes(doc, grades):
        q = quote_words(doc.text, quote.start, quote.end)
        if len(q.norms) < 3:
            continue  # three words in all, one of them [bracketed]: nothing to check
        candidates = index.candidates(" ".join(q.norms), exclude=own)
        decision = decide(q, index, candidates, quote.speaker)
        out.append(_quote_check(doc, quote.start, quote.end, quote.speaker, q, decision, index))
    return tuple(out)


def _quote_check(doc: Document, start: int, end: int, speaker: str | None, q: QuoteWords,
                 decision: Decision, index: SourceIndex) -> QuoteCheck:
    sources = []
    for part in decision.parts:
        words, text = index.words(part.doc), index.document(part.doc).text
        s0, s1 = words.starts[part.s_lo], words.ends[part.s_hi]
        line, col = index.document(part.doc).line_col(s0)
        who = index.turns(part.doc).speaker_at(s0)
        sources.append(QuoteSource(index.path(part.doc), s0, s1, text[s0:s1], who, line, col))
    return QuoteCheck(
        start=start, end=end, text=doc.text[start:end], speaker=speaker, status=decision.status,
        sources=tuple(sources), score=round(decision.score, 1), diff=decision.diff,
        brackets=tuple(Span(a, b, doc.text[a:b]) for a, b in q.brackets),
        sensitive=_sensitive(doc.text, sources[0].text if sources else "", decision.problems,
                             sources[0].start if sources else 0),
    )


def _sensitive(article: str, source: str, problems: Sequence[DiffOp], offset: int) -> tuple[str, ...]:
    """What the alterations touch: a number, a negation, a name (capitalised inside a sentence)."""
    found: set[str] = set()
    for op in problems:
        for text, lo, hi in ((article, op.a_start, op.a_end), (source, op.b_start - offset, op.b_end - offset)):
            for m in WORD.finditer(text, lo, hi):
                word = m.group(0)
                bare = word.casefold().replace("'", "").replace("’", "")
                if any(c.isdigit() for c in word) or bare in _NUMBER_WORDS:
                    found.add("number")
                if bare in _NEGATIONS or bare.endswith("nt") and bare[:-2] in ("don", "won", "can", "does", "did"):
                    found.add("negation")
                before = text[max(0, m.start() - 3) : m.start()].strip()
                if word[0].isupper() and bare != "i" and before and before[-1] not in ".!?\"“:":
                    found.add("name")
    return tuple(k for k in ("number", "negation", "name") if k in found)


def _changes(check: QuoteCheck, source: QuoteSource) -> str:
    """The first few changes in words: '"ten" for "five"', 'adds "very"', 'drops "not"'."""
    said = []
    source_text, offset = source.text, source.start
    for op in check.diff:
        if op.tag == "equal":
            continue
        ours = one_line(check.text[op.a_start - check.start : op.a_end - check.start]) if op.a_end > op.a_start else ""
        theirs = one_line(source_text[op.b_start - offset : op.b_end - offset]) if op.b_end > op.b_start else ""
        if ours and theirs:
            said.append(f'"{truncate(ours, 30)}" for "{truncate(theirs, 30)}"')
        elif ours:
            said.append(f'adds "{truncate(ours, 30)}"')
        else:
            said.append(f'drops "{truncate(theirs, 30)}" without an ellipsis')
    return "; ".join(said[:3]) + ("; ..." if len(said) > 3 else "")


def quote_flags(checks: Sequence[QuoteCheck], *, source_count: int) -> list[Flag]:
    """A flag for each quotation not verbatim (ids unset: ``flags.assign_ids`` gives them)."""
    flags = []
    for c in checks:
        kind = _STATUS_KIND.get(c.status)
        if kind is None:
            continue
        src = c.source
        where = location(src.path, src.line, src.col) if src else ""
        if c.status == "altered" and src is not None:
            what = f" ({', '.join(c.sensitive)} changed)" if c.sensitive else ""
            message = spec(kind).message("altered", where=where, what=what, changes=_changes(c, src))
        elif c.status == "spliced" and src is not None:
            other = c.sources[-1]
            message = spec(kind).message("spliced", parts=len(c.sources), where=where,
                                         other=location(other.path, other.line, other.col))
        elif c.status == "wrong_speaker" and src is not None:
            message = spec(kind).message("speaker", speaker=c.speaker, where=where, source_speaker=src.speaker)
        else:
            message = spec(kind).message("missing", count=source_count, plural="" if source_count == 1 else "s")
        flags.append(Flag(
            id="", kind=kind, start=c.start, end=c.end, text=c.text, message=message,
            related=tuple(Span(s.start, s.end, s.text) for s in c.sources),
            details=QuoteDetails(status=c.status, source=src.path if src else None,
                                 source_line=src.line if src else 0, source_col=src.col if src else 0,
                                 score=c.score, speaker=c.speaker, source_speaker=src.speaker if src else None,
                                 sensitive=c.sensitive, sources=tuple(s.path for s in c.sources)),
        ))
    return flags
