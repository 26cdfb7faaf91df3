"""Names spelled two ways in one article: "Ri Yong-hu" and "Ri Yong-ho", "U.S." and "US".

Two kinds of variant:

* an acronym written with and without dots ("U.S." / "US"): a style inconsistency;
* two capitalised names with the same number of words that differ by one or two letters in one
  word. Short forms ("Kim" / "Kim Jong Un", "North" / "North Korea"), plurals and derived words
  ("Korea" / "Koreas" / "Korean", "Democrat" / "Democratic"), and short words ("Iran" / "Iraq")
  are not variants.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from rapidfuzz.distance import Levenshtein

from .files import read_package_yaml
from .model import Document, Span
from .similarity import stopwords

__all__ = ["NameVariant", "find_name_variants"]

# A capitalised word, hyphenated parts allowed ("Yong-ho", "Moon Jae-in"), then more of them.
# The capital comes before the lookbehind (which then looks at it and the character before) so
# the regex engine can skip ahead to capitals: twice as fast on a long document, same matches.
_NAME = re.compile(r"[A-Z](?<![\w.’'-][A-Z])[a-z]+(?:-[A-Za-z][a-z]*)*(?:\s+[A-Z][a-z]+(?:-[A-Za-z][a-z]*)*)*")
# One pass finds both forms ("U.S." or "US"; the two never overlap): on a long document each
# scan of the text costs about as much as all the rest of the acronym check.
# Capital first, as in _NAME: "(?<![\w.])(?:(?:[A-Z]\.){2,}|[A-Z]{2,}(?![\w.]))", three times faster.
_ACRONYM = re.compile(r"[A-Z](?<![\w.][A-Z])(?:(?P<dotted>\.(?:[A-Z]\.)+)|[A-Z]+(?![\w.]))")
_MIN_WORD = 5  # shorter words differ by one letter too easily (Iran / Iraq)
_LONG_WORD = 8
_SUFFIXES = ("ians", "ian", "ans", "ese", "an", "ns", "es", "s", "n", "i", "a", "e")
_LOWER_WORD = re.compile(r"(?<![\w.])[a-z]+(?![\w])")


@cache
def _distinct_names() -> frozenset[frozenset[str]]:
    data = read_package_yaml("similarity.yaml")
    return frozenset(frozenset(str(n).lower() for n in pair) for pair in data.get("distinct_names", ()))  # from this length two edits still make a variant


@dataclass(frozen=True, slots=True)
class NameVariant:
    """The rarer spelling (its occurrences) and the other spelling (its occurrences)."""

    kind: str  # "acronym" or "spelling"
    rare: tuple[Span, ...]
    common: tuple[Span, ...]


def find_name_variants(doc: Document) -> list[NameVariant]:
    return [*_acronym_variants(doc), *_spelling_variants(doc)]


def _acronym_variants(doc: Document) -> list[NameVariant]:
    dotted: dict[str, list[Span]] = defaultdict(list)
    undotted: list[re.Match[str]] = []
    for m in _ACRONYM.finditer(doc.text):
        if m.group("dotted"):
            dotted[m.group(0).replace(".", "")].append(Span(m.start(), m.end(), m.group(0)))
        else:
            undotted.append(m)
    plain: dict[str, list[Span]] = defaultdict(list)
    for m in undotted:
        if m.group(0) in dotted:
            plain[m.group(0)].append(Span(m.start(), m.end(), m.group(0)))
    return [_variant("acronym", dotted[key], plain[key]) for key in sorted(plain)]


def _spelling_variants(doc: Document) -> list[NameVariant]:
    occurrences = _names(doc)
    # A capitalised common word ("These", "President", "Democracy") is no name when the article
    # also writes it in lower case, or when it is a stopword.
    common = stopwords()
    lower_words = {w for w in _LOWER_WORD.findall(doc.text)}
    names = sorted(
        n for n in occurrences if " " in n or (n.lower() not in lower_words and n.lower() not in common)
    )
    # Comparing every pair is quadratic (5 million comparisons at 8,000 sentences): compare only
    # the pairs that share a key of the deletion index, in the order the pairwise loop took.
    pairs = _candidate_pairs(names)
    return [
        _variant("spelling", _spans(occurrences[names[i]]), _spans(occurrences[names[j]]))
        for i, j in sorted(pairs)
        if _is_variant(names[i], names[j])
    ]


def _candidate_pairs(names: list[str]) -> set[tuple[int, int]]:
    """Index pairs (i < j) of names that may be variants: a superset of the pairs ``_is_variant``
    accepts.

    A variant pair has the same words but one, and that one differs by at most ``allowed`` edits
    (Levenshtein, lower case). So names are first grouped by the position of that word and the
    other words; most multi-word names are alone in their group and cost nothing more. Within a
    group, two words within k edits share a string reachable from each by at most k deletions
    (the symmetric-deletion idea), so only words sharing a deletion neighbour are paired.
    """
    groups: dict[tuple[int, tuple[str, ...]], list[tuple[int, str]]] = defaultdict(list)
    for index, name in enumerate(names):
        words = name.split()
        for pos, word in enumerate(words):
            if len(word) >= _MIN_WORD:  # a shorter word is never the differing word of a variant
                groups[(pos, (*words[:pos], *words[pos + 1 :]))].append((index, word))
    pairs: set[tuple[int, int]] = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        buckets: dict[str, list[int]] = defaultdict(list)
        for index, word in members:
            # A pair allows two edits only when both words are long, so a short word needs only one.
            for deleted in _deletions(word.lower(), 2 if len(word) >= _LONG_WORD else 1):
                buckets[deleted].append(index)
        for bucket in buckets.values():
            for k, i in enumerate(bucket):
                for j in bucket[k + 1 :]:
                    pairs.add((i, j) if i < j else (j, i))
    return pairs


def _deletions(word: str, edits: int) -> set[str]:
    """The word and every string made from it by deleting up to ``edits`` characters."""
    found = {word}
    frontier = {word}
    for _ in range(edits):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def _names(doc: Document) -> dict[str, list[re.Match[str]]]:
    """Capitalised names (their matches), possessive dropped; a one-word name only if it occurs
    inside a sentence somewhere (a capital at a sentence start says nothing).

    Matches, not spans: a long document has hundreds of thousands of name occurrences and only
    the few in a variant need a (validated) Span.
    """
    sentence_starts = {s.start for s in doc.sentences}
    found: dict[str, list[re.Match[str]]] = defaultdict(list)
    inside: set[str] = set()
    for m in _NAME.finditer(doc.text):
        name = " ".join(m.group(0).split())
        found[name].append(m)
        if name not in inside and (" " in name or not _at_sentence_start(doc.text, m.start(), sentence_starts)):
            inside.add(name)
    return {name: matches for name, matches in found.items() if name in inside}


def _spans(matches: list[re.Match[str]]) -> list[Span]:
    return [Span(m.start(), m.end(), m.group(0)) for m in matches]


def _at_sentence_start(text: str, pos: int, sentence_starts: set[int]) -> bool:
    i = pos
    while i > 0 and text[i - 1] in " \t\n\"“‘'(":
        i -= 1
    return i in sentence_starts or i == 0 or text[i - 1] in ".!?:"


def _is_variant(a: str, b: str) -> bool:
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return False
    differing = [(x, y) for x, y in zip(words_a, words_b) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    if x.lower() == y.lower() or min(len(x), len(y)) < _MIN_WORD:
        return False
    if frozenset((x.lower(), y.lower())) in _distinct_names():
        return False
    rx, ry = _root(x), _root(y)
    if rx.startswith(ry) or ry.startswith(rx):
        return False  # plural, possessive without apostrophe, derived word: Korea / Koreas / Korean
    allowed = 2 if min(len(x), len(y)) >= _LONG_WORD else 1
    return Levenshtein.distance(x.lower(), y.lower()) <= allowed


def _root(word: str) -> str:
    """The word less a plural or nationality ending: Koreas, Korean, Koreans -> Korea."""
    lower = word.lower()
    for suffix in _SUFFIXES:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 4:
            return lower[: -len(suffix)]
    return lower


def _variant(kind: str, a: list[Span], b: list[Span]) -> NameVariant:
    # The rarer spelling is the suspect; on a tie, the one that appears later.
    rare, common = (a, b) if (len(a), -a[0].start) < (len(b), -b[0].start) else (b, a)
    return NameVariant(kind, tuple(rare), tuple(common))
