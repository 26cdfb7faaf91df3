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
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from itertools import chain, combinations

from rapidfuzz.distance import Levenshtein

from checks.files import read_package_yaml
from checks.model import Document, Span
from checks.text.words import stopwords

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
    lower_words = _lower_words(doc.text)
    names = sorted(
        n for n in occurrences if " " in n or (n.lower() not in lower_words and n.lower() not in common)
    )
    # Comparing every pair is quadratic (5 million comparisons at 8,000 sentences): compare only
    # the pairs that share a key of the deletion index, in the order the pairwise loop took.
    pairs = _candidate_pairs(names)
    return [
        _variant("spelling", _spans(doc.text, occurrences[names[i]]), _spans(doc.text, occurrences[names[j]]))
        for i, j in sorted(pairs)
        if _is_variant(names[i], names[j])
    ]


def _lower_words(text: str) -> set[str]:
    """The words written in lower case (``_LOWER_WORD``) anywhere in the text.

    The regex looks at every character of the text, and most of a long text is the same few
    thousand words again: run it once over each distinct white-space-separated token instead. No
    white space is a word character or a dot, so every match lies inside one token and sees the
    same neighbours there (a space, or the end of the string) as in the text.
    """
    return set(_LOWER_WORD.findall(" ".join(set(text.split()))))


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
    deletions: dict[str, set[str]] = {}  # half the words are in more than one group
    for members in groups.values():
        if len(members) < 2:
            continue
        neighbours = []
        for _, word in members:
            if word not in deletions:
                # A pair allows two edits only when both words are long, so a short word needs only one.
                deletions[word] = _deletions(word.lower(), 2 if len(word) >= _LONG_WORD else 1)
            neighbours.append(deletions[word])
        # Nearly every deletion string belongs to one word only: count them all at C speed and
        # bucket only the shared ones (bucketing every string was most of the cost).
        counts = Counter(chain.from_iterable(neighbours))
        shared = {deleted for deleted, n in counts.items() if n > 1}
        if not shared:
            continue
        buckets: dict[str, list[int]] = defaultdict(list)
        for (index, _), found in zip(members, neighbours):
            for deleted in found & shared:
                buckets[deleted].append(index)
        for bucket in buckets.values():
            for k, i in enumerate(bucket):
                for j in bucket[k + 1 :]:
                    pairs.add((i, j) if i < j else (j, i))
    return pairs


def _deletions(word: str, edits: int) -> set[str]:
    """The word and every string made from it by deleting up to ``edits`` (1 or 2) characters."""
    if edits not in (1, 2):
        raise ValueError(f"edits must be 1 or 2, not {edits}")
    n = len(word)
    found = {word}
    found.update(word[:i] + word[i + 1 :] for i in range(n))
    if edits >= 2:
        # Each pair of positions once (i < j): deleting again from every one-deletion string
        # built each two-deletion string twice.
        found.update(word[:i] + word[i + 1 : j] + word[j + 1 :] for i, j in combinations(range(n), 2))
    return found


def _names(doc: Document) -> dict[str, list[int]]:
    """Capitalised names (the offsets where they start), possessive dropped; a one-word name only
    if it occurs inside a sentence somewhere (a capital at a sentence start says nothing).

    Offsets, not spans or matches: a long document has hundreds of thousands of name occurrences
    and only the few in a variant need a (validated) Span. Keeping every match object alive also
    made the garbage collector walk the whole heap again and again, the larger part of the cost.
    """
    sentence_starts = {s.start for s in doc.sentences}
    text = doc.text
    # Grouped by the matched text first, so spacing and sentence starts are looked at once per
    # distinct spelling rather than once per occurrence.
    by_text: dict[str, list[int]] = defaultdict(list)
    for m in _NAME.finditer(text):
        by_text[m.group(0)].append(m.start())
    found: dict[str, list[int]] = {}
    inside: set[str] = set()
    for raw, starts in by_text.items():
        name = " ".join(raw.split())
        # The same name spaced another way ("Kim  Jong\nUn") joins it, in document order.
        found[name] = sorted(found[name] + starts) if name in found else starts
        if name not in inside and (
            " " in name or not all(_at_sentence_start(text, start, sentence_starts) for start in starts)
        ):
            inside.add(name)
    return {name: starts for name, starts in found.items() if name in inside}


def _spans(text: str, starts: list[int]) -> list[Span]:
    """The name occurrences starting at ``starts`` (from ``_names``), matched again."""
    spans = []
    for start in starts:
        m = _NAME.match(text, start)  # the lookbehind still sees the text before start
        assert m is not None, f"no name at {start}"
        spans.append(Span(m.start(), m.end(), m.group(0)))
    return spans


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
