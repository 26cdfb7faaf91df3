"""Which verdicts a flag can take: keep first / keep second / keep both are for duplicates only.

One rule in one function (``decisions_for``), asked by the review session before it records a
verdict and by the app before it offers a key, so no caller can record a decision the flag
cannot take.
"""

from __future__ import annotations

from checks.model import FlagKind
from checks.review.verdicts import Decision

__all__ = ["DecisionError", "check_decision", "decisions_for"]

_EVERY_FLAG = (Decision.ACCEPTED, Decision.DISMISSED, Decision.NEEDS_WORK)
_DUPLICATE = (*_EVERY_FLAG, Decision.KEEP_FIRST, Decision.KEEP_SECOND, Decision.KEEP_BOTH)


class DecisionError(ValueError):
    """A decision this kind of flag cannot take; the message is one line for the reviewer."""


def decisions_for(kind: FlagKind) -> tuple[Decision, ...]:
    """The decisions a reviewer may give a flag of ``kind``, in the order the app offers them."""
    return _DUPLICATE if kind is FlagKind.DUPLICATE else _EVERY_FLAG


def check_decision(kind: FlagKind, decision: Decision) -> None:
    """Raise DecisionError when ``decision`` is not one of ``decisions_for(kind)``."""
    if decision in decisions_for(kind):
        return
    takers = " or ".join(f"{k.label}s" for k in FlagKind if decision in decisions_for(k))
    raise DecisionError(f"'{decision.label}' is for {takers}; this flag is a {kind.label}.")
