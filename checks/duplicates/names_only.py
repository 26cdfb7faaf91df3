"""Two passages on one topic that share only its names ("Senator Maria Delgado", "Phoenix", "the
Colorado River") are no repeat: a reported pair below a score band whose shared content words are
all proper names, bar a few, is dropped from a single article's duplicates. A list of names
restated in order ("won Georgia, Alabama, Massachusetts and Tennessee") is a repeat and stays: a
shared run of that many content words keeps the pair. The limits are data in
``checks/data/similarity.yaml`` (``names_only``), chosen on hand-labelled PolNeAR train pairs
(``benchmarks/eval_duplicate_flags.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from checks.duplicates.similarity import Prepared, prepare, score_prepared
from checks.files import read_package_yaml
from checks.model import DuplicatePair

__all__ = ["NamesOnly", "names_only", "names_only_rules"]


@dataclass(frozen=True, slots=True)
class NamesOnly:
    below_score: float  # pairs scoring this or more are never dropped by this rule
    max_other_words: int  # at most this many shared content words that are no names or figures
    list_run: int  # a shared run of this many content words keeps the pair (a list restated)


@cache
def names_only_rules() -> NamesOnly:
    data = read_package_yaml("similarity.yaml").get("names_only", {})
    return NamesOnly(
        below_score=float(data.get("below_score", 60.0)),
        max_other_words=int(data.get("max_other_words", 1)),
        list_run=int(data.get("list_run", 4)),
    )


def _names(p: Prepared) -> set[str]:
    return {stem for stem, name in zip(p.stems, p.is_name) if name}


def names_only(pair: DuplicatePair, rules: NamesOnly | None = None) -> bool:
    """Whether ``pair`` shares nothing but names (and figures) with no list of them restated."""
    rules = rules or names_only_rules()
    if pair.score >= rules.below_score:
        return False
    a, b = prepare(pair.a.text), prepare(pair.b.text)
    # A word capitalised inside a sentence on either side is a name on both: "Senator" opens one
    # sentence and follows "In Phoenix," in the other.
    names = _names(a) | _names(b)
    other = [s for s in a.content & b.content if s not in names and not s.isdigit()]
    if len(other) > rules.max_other_words:
        return False
    return score_prepared(a, b).run_content < rules.list_run
