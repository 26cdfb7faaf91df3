"""A cheap upper bound on the weight of the scorer's longest shared run, from shared word links.

The scorer's strongest signal is the longest run of words its alignment finds equal on both sides
(``similarity._shared_runs``), weighed by the rarity weights of the distinct content stems in it.
A run is one stretch of equal stems in both passages. Call a stem *linked* when no stopword has
it, and a *link* two linked stems with only unlinked ones between them. Whether a stem is linked
depends on the stem alone, so the linked stems of a run follow each other in both passages, and
a run holding k distinct linked stems walks over at least k - 1 distinct links that both passages
have (each stem met for the first time is reached by a link of its own). A pair of passages
sharing L links therefore has no run with more than L + 1 distinct linked stems, and its run
weight is at most that of its L + 1 heaviest shared linked stems, plus every shared content stem
that is not linked (a content word can share its stem with a stopword: "beforehand", "before").

Pairs of a long document that pass the shared-weight gate mostly share a scattered handful of
words and no run; this bound lets them skip the alignment.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache

from checks.text.words import STEM_LENGTH, stopwords

__all__ = ["linked_stems", "links", "run_weight_bound"]


@cache
def _unlinked() -> frozenset[str]:
    return frozenset(word[:STEM_LENGTH] for word in stopwords())


def linked_stems(stems: Iterable[str]) -> list[str]:
    """The stems no stopword has, in order."""
    unlinked = _unlinked()
    return [stem for stem in stems if stem not in unlinked]


def links(linked: Sequence[str]) -> frozenset[tuple[str, str]]:
    """Each two consecutive linked stems (``linked_stems`` of a passage, or of adjacent passages
    put end to end)."""
    return frozenset(zip(linked, linked[1:]))


def run_weight_bound(
    shared: Iterable[str], links_a: frozenset[tuple[str, str]], links_b: frozenset[tuple[str, str]],
    weight: Callable[[str], float],
) -> float:
    """The most the longest shared run of two passages can weigh, given their shared content
    stems and their links (see the module docstring)."""
    unlinked = _unlinked()
    linked_weights = []
    other = 0.0
    for stem in shared:
        if stem in unlinked:
            other += weight(stem)
        else:
            linked_weights.append(weight(stem))
    if not linked_weights:
        return other
    linked_weights.sort(reverse=True)
    return sum(linked_weights[: len(links_a & links_b) + 1]) + other
