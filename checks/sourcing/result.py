"""What the attribution rules find in one sentence (``Attribution``), the label of each grade, and
whether a span lies outside quotation marks: shared by the rules with a speech verb
(``checks.sourcing.attribution``), those without one (``checks.sourcing.verbless``) and the grader.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from checks.model import Sourcing

__all__ = ["LABEL", "Attribution", "outside_quotes"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """The speaker of one sentence; ``cues`` are (start, end, role) relative to the sentence."""

    sourcing: Sourcing
    cues: tuple[tuple[int, int, str], ...]
    reason: str
    pronoun: bool = False  # the speaker is a pronoun: the caller resolves it from context
    antecedent: bool = True  # a later "he said" may refer back here (not to "his advisers believe")


def outside_quotes(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether start..end lies outside every quoted span (``spans`` sorted and disjoint)."""
    i = bisect_right(spans, (start, _BEYOND))
    return i == 0 or spans[i - 1][1] < end


_BEYOND = 1 << 62


LABEL = {
    Sourcing.NAMED: "named source",
    Sourcing.ANONYMOUS: "anonymous source",
    Sourcing.VAGUE: "vague attribution",
    Sourcing.SECONDHAND: "second-hand, from another outlet",
    Sourcing.LINKED: "linked source",
}
