"""How rare a word is in one document: its topic words (in most sentences) weigh less than rare
ones when ``checks.duplicates.similarity`` scores two passages of it."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Protocol

__all__ = ["Weights", "rarity_weights", "rarity_weights_of", "weight_of"]

_MIN_WEIGHT = 0.1


class _HasContent(Protocol):
    """A passage with its content stems: ``checks.duplicates.similarity.Prepared`` (which imports
    this module, so it is not named here)."""

    @property
    def content(self) -> frozenset[str]: ...


class Weights(dict):
    """Stem weights (``rarity_weights``) where a stem without one weighs 1.0."""

    def __missing__(self, stem: str) -> float:
        return 1.0


def rarity_weights(passages: Iterable[_HasContent]) -> Weights:
    """Stem weights from how many passages (sentences) hold each stem: 1.0 for a stem in at most
    two, falling towards 0 for one found in every passage (the article's topic words)."""
    return rarity_weights_of(p.content for p in passages)


def rarity_weights_of(contents: Iterable[frozenset[str]]) -> Weights:
    """``rarity_weights`` from the passages' content stems alone (``Prepared.content``)."""
    df: Counter[str] = Counter()
    n = 0
    for content in contents:
        df.update(content)
        n += 1
    if n < 3:
        return Weights()
    top = math.log((n + 1) / 2)
    return Weights({stem: max(_MIN_WEIGHT, min(1.0, math.log((n + 1) / k) / top)) for stem, k in df.items()})


def weight_of(weights: Mapping[str, float] | None) -> Callable[[str], float]:
    """A stem's weight, 1.0 without one: a C-level look-up for ``Weights`` (every scored pair of
    a long document comes here), a closure for any other mapping."""
    if isinstance(weights, Weights):
        return weights.__getitem__
    if not weights:
        return _one
    get = weights.get
    return lambda stem: get(stem, 1.0)


def _one(_stem: str) -> float:
    return 1.0
