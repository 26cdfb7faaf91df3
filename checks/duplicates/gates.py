"""The gates a candidate pair of windows passes before it is scored, and its verification.

Both roads to duplicates use it: the search of an ordinary article (``checks.duplicates.search``)
and the indexed road of a long document (``checks.duplicates.indexed``). Cheap gates first (too
little content, too few shared content words, an upper bound on the score), then the scorer, with
a bonus for passages whose sentences match one for one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from checks.duplicates.passages import Match, Window
from checks.duplicates.run_bound import run_weight_bound
from checks.duplicates.similarity import PassageScore, Weights, near_copy_norms, score_prepared, score_upper_bound

__all__ = ["ALIGNED_BONUS", "MAX_SCORED_CHARS", "MIN_CONTENT", "MIN_SHARED_CONTENT", "verify_pairs"]

MIN_SHARED_CONTENT = 3  # a cheap gate: fewer shared content words cannot reach any useful score
# A passage with fewer content words is a name, a byline, a time stamp or a stock exclamation:
# repeating it is no news ("David Groner." twice, "___. 2:00 p.m.").
MIN_CONTENT = 4
ALIGNED_BONUS = 10.0
# Scoring aligns the two passages, at a cost of the product of their lengths. A passage longer than
# this (four times the longest BBC sentence; a saved web page read as text makes one "sentence" of
# 250,000 characters) is compared only for being the same words, so each pair's cost stays bounded
# and the search near linear in the text.
MAX_SCORED_CHARS = 8000
_ALIGNED_SHARED = 2  # content words each aligned sentence pair must share


def verify_pairs(
    windows: Sequence[Window],
    pairs: Iterable[tuple[int, int]],
    min_score: float,
    weights: Mapping[str, float],
    *,
    contents: Sequence[frozenset[str]] | None = None,
    totals: Sequence[float] | None = None,
    links: Callable[[int], frozenset[tuple[str, str]]] | None = None,
) -> list[Match]:
    """Score each candidate pair that passes the cheap gates. ``contents`` and ``totals`` (each
    window's content stems and their summed weight) may come precomputed, so that a window is
    only touched (and, on a long document, joined) once a pair of it passes the gates. With
    ``links`` (a window's ``run_links.links``), a pair whose shared run cannot be long enough skips
    the scorer: the same matches, fewer alignments.

    One function on purpose: it is the hot loop of a long document's search (millions of pairs),
    and each gate is a few local look-ups that a call per gate would cost more than it saves."""
    matches = []
    scored: dict[tuple[str, str], PassageScore] = {}
    weight = weights.get
    if contents is None:
        contents = [w.prepared.content for w in windows]
    sizes = [len(c) for c in contents]
    if totals is None:
        totals = [sum(weight(s, 1.0) for s in c) for c in contents]
    # Every stem's weight, default filled in, so a pair's shared weight is a C-level map and sum
    # (same stems in the same set order: the same float as summing weights.get one by one).
    stem_weight = (weights if isinstance(weights, Weights) else Weights(weights)).__getitem__
    for i, j in pairs:
        # The cheap gates first, on lists indexed by window (most candidates of a long document
        # stop here): too little content, too few shared words.
        if sizes[i] < MIN_CONTENT or sizes[j] < MIN_CONTENT:
            continue
        shared = contents[i] & contents[j]
        n_shared = len(shared)
        if n_shared < MIN_SHARED_CONTENT:
            continue
        mean_total = (totals[i] + totals[j]) / 2
        # (Bounding by the count of shared words first, to skip the weighted sum, cost more than it
        # saved: on a long document 97% of the pairs that get here pass that count bound.)
        shared_weight = sum(map(stem_weight, shared))
        bound = score_upper_bound(shared_weight, mean_total)
        # Only a near copy can pass below the bound, and a near copy shares most of its content words.
        if bound + ALIGNED_BONUS < min_score and 2 * n_shared < min(sizes[i], sizes[j]):
            continue
        # Only now the windows themselves (a long document joins them on first use).
        if j < i:
            i, j = j, i
        a, b = windows[i], windows[j]
        if (a.doc, a.first) > (b.doc, b.first):
            a, b = b, a
        if a.doc == b.doc and a.last >= b.first:
            continue  # overlapping windows share sentences: trivially alike
        if (len(a.norm) > MAX_SCORED_CHARS or len(b.norm) > MAX_SCORED_CHARS) and a.norm != b.norm:
            continue
        aligned = _aligned(a, b)
        bonus = ALIGNED_BONUS if aligned else 0.0
        if links is not None and bound + bonus >= min_score:
            run = run_weight_bound(shared, links(i), links(j), stem_weight)
            bound = score_upper_bound(shared_weight, mean_total, run)
        if bound + bonus < min_score and not near_copy_norms(a.norm, b.norm, min_score - bonus):
            continue
        # Text repeated many times (a paragraph pasted over and over) pairs the same two passages
        # again and again: the score is a function of the two texts, so each pair is scored once.
        key = (a.prepared.text, b.prepared.text)
        score = scored.get(key)
        if score is None:
            score = scored[key] = score_prepared(a.prepared, b.prepared, weights=weights)
        if aligned:
            score = replace(score, score=min(100.0, score.score + bonus))
        if score.score >= min_score:
            matches.append(Match(a, b, score))
    return matches


def _aligned(a: Window, b: Window) -> bool:
    """Two passages of several sentences whose sentences match one for one, in order: the way a
    writer restates a paragraph, and much stronger evidence than one shared phrase."""
    if a.last - a.first != b.last - b.first or a.first == a.last:
        return False
    return all(len(x & y) >= _ALIGNED_SHARED for x, y in zip(a.part_contents, b.part_contents))
