"""How soon an editor should look at a flag: its kind's level, moved by the flag's own evidence.

``priority_of`` is the one place the rule lives; ``Flag`` calls it when it is made, so every flag
carries a priority whoever made it. ``by_priority`` is the order a reader meets flags in (the scan's
text output, the Markdown report): highest first, document order within a priority.
"""

from __future__ import annotations


from checks.details import (
    DuplicateDetails,
    FlagDetails,
    NameVariantDetails,
    QuoteDetails,
    UnattributedQuoteDetails,
    UnsourcedDetails,
)
from checks.kinds import FlagKind, Priority


__all__ = ["STRONG_DUPLICATE", "STRONG_CLAIM", "priority_of"]

# A duplicate pair from this score is a passage printed twice (keeps its kind's level); below it,
# a restatement the editor may well keep, one step lower.
STRONG_DUPLICATE = 85.0
# An unsourced sentence this check-worthy (a figure, a date and a named party, say) is the claim an
# editor must source first: a step higher than its kind's level.
STRONG_CLAIM = 0.95


def priority_of(kind: FlagKind, details: FlagDetails | None, *, level: Priority) -> Priority:
    """The priority of a flag of ``kind`` whose kind's level is ``level`` (the registry's, or the
    newsroom config's), given its ``details``.

    - duplicate: a pair scoring ``STRONG_DUPLICATE`` or more keeps the level, a weaker one is a step lower;
    - name_variant: an acronym style ("US" / "U.S.") is a step lower than a spelling variant;
    - unattributed_quote: a partial (scare) quote is a step lower than a whole quotation;
    - unsourced: a claim of check-worthiness ``STRONG_CLAIM`` or more is a step higher;
    - misquote: an alteration touching a number, a negation or a name is high, whatever the level;
    - every other kind (reused, anonymous, ...) has its level.
    """
    if isinstance(details, DuplicateDetails) and details.score < STRONG_DUPLICATE:
        return level.lowered()
    if isinstance(details, NameVariantDetails) and details.variant == "acronym":
        return level.lowered()
    if isinstance(details, UnattributedQuoteDetails) and details.partial:
        return level.lowered()
    if isinstance(details, UnsourcedDetails) and details.checkworthy >= STRONG_CLAIM:
        return level.raised()
    if isinstance(details, QuoteDetails) and details.sensitive:
        return Priority.HIGH
    return level
