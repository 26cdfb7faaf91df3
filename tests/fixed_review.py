"""An article with four flags pinned by hand (``fixed_analyzer``) and a two-item checklist.

Shared by the engine's review-session tests and the app tests: engine improvements cannot move
these flags. Imports no UI.
"""

from __future__ import annotations

from dataclasses import replace

from checks.details import DuplicateDetails
from checks.kinds import Priority
from checks import Analysis, Document, DuplicatePair, Flag, FlagKind, Span
from checks.flags import assign_ids
from checks.review.checklist import Checklist, ChecklistItem

FIXED_TEXT = """date 2026-01-15
The council approved the new budget on Monday, officials said.

Critics called the plan reckless. "We will not stand for this," said Jane Roe, a local organiser.

The council approved the new budget on Monday after a long debate.

Sources close to the mayor said the vote was [bold]rigged[/] and \x1b[31mred\x1b[0m was seen.
"""

FIXED_CHECKLIST = Checklist(
    (
        ChecklistItem("no-duplicates", "No duplicated passages", auto="no_open_flags:duplicate"),
        ChecklistItem("quotes-checked", "Quotes checked against the original"),
    ),
    source="test",
)


def _span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


def fixed_analyzer(document: Document) -> Analysis:
    """Four flags in document order: duplicate, opinion, unsourced, anonymous."""
    text = document.text
    first = _span(text, "The council approved the new budget on Monday, officials said.")
    second = _span(text, "The council approved the new budget on Monday after a long debate.")
    shared = ("the council approved the new budget on monday",)
    pair = DuplicatePair("dup-fixed", 91.0, first, second, shared=shared)
    # Found by its word, so a test can edit the sentence and see the verdict re-attached.
    opinion = next(Span(x.start, x.end, x.text) for x in document.sentences if "reckless" in x.text)
    unsourced = _span(text, "The council approved the new budget on Monday after a long debate.")
    anonymous = _span(text, "Sources close to the mayor said the vote was [bold]rigged[/] and \x1b[31mred\x1b[0m was seen.")
    flags = [
        Flag("", FlagKind.DUPLICATE, first.start, first.end, first.text, "repeats a later passage (score 91)",
             related=(second,), details=DuplicateDetails(pair_id=pair.id, score=pair.score, shared=shared)),
        Flag("", FlagKind.OPINION, opinion.start, opinion.end, opinion.text, "opinion: 'reckless'",
             related=(_span(text, "reckless"),)),
        Flag("", FlagKind.UNSOURCED, unsourced.start, unsourced.end, unsourced.text,
             "a factual claim with no attribution"),
        Flag("", FlagKind.ANONYMOUS, anonymous.start, anonymous.end, anonymous.text,
             "anonymity: 'Sources close to'", related=(_span(text, "Sources close to"),)),
    ]
    return Analysis(document=document, grades=(), duplicates=(pair,), flags=assign_ids(flags))


def priority_analyzer(document: Document) -> Analysis:
    """``fixed_analyzer``'s four flags with the opinion and the unsourced claim set to low priority
    (as a newsroom config may): high, low, low, high in document order."""
    analysis = fixed_analyzer(document)
    lowered = {FlagKind.OPINION, FlagKind.UNSOURCED}
    flags = tuple(replace(f, level=Priority.LOW) if f.kind in lowered else f for f in analysis.flags)
    return replace(analysis, flags=flags)
