"""What a flag of one kind knows beyond its span and message: one frozen dataclass per kind that
has details. ``Flag.details`` holds one of them, or None for kinds that have none."""

from __future__ import annotations

from dataclasses import dataclass

from checks.kinds import FlagKind

__all__ = [
    "DETAILS_OF",
    "DuplicateDetails",
    "FlagDetails",
    "NameVariantDetails",
    "QuoteDetails",
    "ReusedDetails",
    "UnattributedQuoteDetails",
    "UnsourcedDetails",
]


@dataclass(frozen=True, slots=True)
class DuplicateDetails:
    """The pair behind a duplicate flag (``Analysis.pair_for`` finds it by this id)."""

    pair_id: str
    score: float
    shared: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReusedDetails:
    """Where a reused passage came from: a corpus file and the 1-based line and column there."""

    source: str
    source_line: int
    source_col: int
    score: float
    shared: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NameVariantDetails:
    """``variant`` is "acronym" (US / U.S., a style choice) or "spelling" (one is probably wrong);
    ``rare`` and ``common`` count the two forms."""

    variant: str
    rare: int
    common: int


@dataclass(frozen=True, slots=True)
class UnattributedQuoteDetails:
    """``partial``: a few quoted words inside a sentence (a scare quote?), not a whole quotation."""

    partial: bool


@dataclass(frozen=True, slots=True)
class UnsourcedDetails:
    """``checkworthy``: how check-worthy a claim the unattributed sentence makes (0-1, ``checks.claims``);
    for a paragraph's claims flagged together, the highest of them. ``sentences``: the claims the
    flag covers (one, or every unsourced claim of its paragraph)."""

    checkworthy: float
    sentences: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class QuoteDetails:
    """A quotation checked against the sources: its ``status`` (altered, spliced, wrong_speaker,
    not_found), the ``source`` file of the best passage (None: not found) with its 1-based line and
    column, the match ``score`` (0-100) and what an alteration touched (``sensitive``: number,
    negation, name), which makes it high priority."""

    status: str
    source: str | None
    source_line: int = 0
    source_col: int = 0
    score: float = 0.0
    speaker: str | None = None
    source_speaker: str | None = None
    sensitive: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # the file of each related span, in order (a splice may join two)


FlagDetails = (
    DuplicateDetails | ReusedDetails | NameVariantDetails | UnattributedQuoteDetails | UnsourcedDetails | QuoteDetails
)

# The one details class each kind may carry; kinds not here carry none.
DETAILS_OF: dict[FlagKind, type[FlagDetails]] = {
    FlagKind.DUPLICATE: DuplicateDetails,
    FlagKind.REUSED: ReusedDetails,
    FlagKind.NAME_VARIANT: NameVariantDetails,
    FlagKind.UNATTRIBUTED_QUOTE: UnattributedQuoteDetails,
    FlagKind.UNSOURCED: UnsourcedDetails,
    FlagKind.MISQUOTE: QuoteDetails,
    FlagKind.MISATTRIBUTED: QuoteDetails,
    FlagKind.QUOTE_UNVERIFIED: QuoteDetails,
}
