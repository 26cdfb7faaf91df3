"""Which verdicts a flag can take: keep first / keep second / keep both are for duplicates only.

The rule is the kind registry's (``checks.kinds.decisions_for``, declared in data/kinds.yaml),
asked by the review session before it records a verdict and by the app before it offers a key,
so no caller can record a decision the flag cannot take.
"""

from __future__ import annotations

from checks.kinds import Decision, FlagKind, decisions_for
from checks.text.display import a_or_an

__all__ = ["DecisionError", "check_decision", "decisions_for"]


class DecisionError(ValueError):
    """A decision this kind of flag cannot take; the message is one line for the reviewer."""


def check_decision(kind: FlagKind, decision: Decision) -> None:
    """Raise DecisionError when ``decision`` is not one of ``decisions_for(kind)`` (the registry's)."""
    if decision in decisions_for(kind):
        return
    takers = " or ".join(f"{k.label}s" for k in FlagKind if decision in decisions_for(k))
    raise DecisionError(f"'{decision.label}' is for {takers}; this flag is {a_or_an(kind.label)}.")
