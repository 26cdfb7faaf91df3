"""How soon an editor should look at a flag: its kind's level, moved by the flag's own evidence.

``priority_of`` is the one place the rule lives; ``Flag`` calls it when it is made, so every flag
carries a priority whoever made it. ``by_priority`` is the order a reader meets flags in (the scan's
text output, the Markdown report): highest first, document order within a priority.
"""

from __future__ import annotations


from checks.details import DuplicateDetails, FlagDetails, NameVariantDetails, UnattributedQuoteDetails
from checks.kinds import FlagKind, Priority


__all__ = ["STRONG_DUPLICATE", "priority_of"]

# A duplicate pair from this score is a passage printed twice (keeps its kind's level); below it,
# a restatement the editor may well keep, one step lower.
STRONG_DUPLICATE = 85.0


def priority_of(kind: FlagKind, details: FlagDetails | None, *, level: Priority) -> Priority:
    """The priority of a flag of ``kind`` whose kind's level is ``level`` (the registry's, or the
    newsroom config's), given its ``details``.

    - duplicate: a pair scoring ``STRONG_DUPLICATE`` or more keeps the level, a weaker one is a step lower;
    - name_variant: an acronym style ("US" / "U.S.") is a step lower than a spelling variant;
    - unattributed_quote: a partial (scare) quote is a step lower than a whole quotation;
    - every other kind (reused, anonymous, unsourced, ...) has its level.

    Check-worthiness will raise ``unsourced`` here (a highly check-worthy sentence with no source is
    high): give the kind an ``UnsourcedDetails(checkworthy=...)`` in ``checks.details`` (and in
    ``DETAILS_OF``), fill it in ``checks.flags.flags_from_grades``, and add its rule below, so the
    configured level and the evidence still meet in this one function.
    """
    if isinstance(details, DuplicateDetails) and details.score < STRONG_DUPLICATE:
        return level.lowered()
    if isinstance(details, NameVariantDetails) and details.variant == "acronym":
        return level.lowered()
    if isinstance(details, UnattributedQuoteDetails) and details.partial:
        return level.lowered()
    return level
