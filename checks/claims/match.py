"""Finding the cues of the check-worthiness roles in one pass over a sentence's words.

A sentence is split into words once (``tokens``); terms, word endings, the word table and named
claims are looked up word by word in dictionaries built once per lexicon (``Matcher``), which is
far cheaper on long documents than one regex scan per role. Regex ``patterns`` (numbers, years)
run as regexes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checks.model import Cue

if TYPE_CHECKING:
    from checks.claims.lexicon import Role

__all__ = ["Matcher", "Tokens", "key_of", "tokens"]

# A word: letters and digits, joined by apostrophes or hyphens ("don't", "two-thirds", "52-48").
_TOKEN = re.compile(r"\w+(?:['\u2019-]\w+)*")
# Capitalised words that name no one when they open a sentence.
NOT_NAMES = frozenset(
    "i we you he she they it this that these those there here the a an and but so or if when then now "
    "what who why how well yes no my our your his her their its all some many most one every".split()
)
_CONNECTORS = frozenset(("of", "de", "van", "von", "and", "&"))  # "Bank of England"; not "the"


def key_of(word: str) -> str:
    return word.lower().replace("\u2019", "'")


@dataclass(frozen=True, slots=True)
class Tokens:
    """The words of a sentence: ``keys`` lower-cased (curly apostrophe made straight), ``spans``
    their (start, end) in the sentence, in parallel lists (cheaper than an object per word)."""

    keys: list[str]
    spans: list[tuple[int, int]]
    distinct: frozenset[str]

    def capital(self, i: int, text: str) -> bool:
        return text[self.spans[i][0]].isupper()


def tokens(text: str) -> Tokens:
    low = text.lower().replace("\u2019", "'")
    if len(low) != len(text):  # a letter whose lower case is longer ("\u0130"): keep offsets exact
        found = list(_TOKEN.finditer(text))
        keys = [key_of(m.group()) for m in found]
        return Tokens(keys, [m.span() for m in found], frozenset(keys))
    keys = _TOKEN.findall(low)  # no match objects: each word's place is found again by str.find
    spans, at, find = [], 0, low.find
    for key in keys:
        at = find(key, at)
        spans.append((at, at + len(key)))
        at += len(key)
    return Tokens(keys, spans, frozenset(keys))


@dataclass(frozen=True, slots=True)
class Matcher:
    """Per-lexicon lookup tables: first word of a term -> (words of the term, role), longest first;
    word endings by role; the named-claim verbs by first word."""

    terms: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]
    endings: tuple[tuple[str, tuple[str, ...], frozenset[str], int], ...]
    verbs: Mapping[str, tuple[tuple[str, ...], ...]]

    @classmethod
    def build(cls, roles: tuple[Role, ...]) -> Matcher:
        terms: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for role in roles:
            for term in role.terms:
                words = tuple(key_of(t.group()) for t in _TOKEN.finditer(term))
                if words:
                    terms.setdefault(words[0], []).append((words, role.name))
        endings = tuple(
            (r.name, r.endings, frozenset(r.not_words), r.settings.get("min_letters", 5)) for r in roles if r.endings
        )
        verbs: dict[str, list[tuple[str, ...]]] = {}
        for role in roles:
            if role.name == "named_claim":
                for verb in role.verbs:
                    words = tuple(key_of(t.group()) for t in _TOKEN.finditer(verb))
                    if words:
                        verbs.setdefault(words[0], []).append(words)
        return cls(
            {k: tuple(sorted(v, key=lambda item: -len(item[0]))) for k, v in terms.items()},
            endings,
            {k: tuple(sorted(v, key=len, reverse=True)) for k, v in verbs.items()},
        )

    def term_cues(self, toks: Tokens, text: str, offset: int) -> list[Cue]:
        """Cues of every term and word ending; per role, the longest term at a word."""
        cues: list[Cue] = []
        keys, spans, terms = toks.keys, toks.spans, self.terms
        if not toks.distinct.isdisjoint(terms):
            for i in [i for i, key in enumerate(keys) if key in terms]:
                done: set[str] = set()
                for words, role in terms[keys[i]]:
                    if role not in done and (len(words) == 1 or tuple(keys[i : i + len(words)]) == words):
                        done.add(role)
                        start, end = spans[i][0], spans[i + len(words) - 1][1]
                        cues.append(Cue(offset + start, offset + end, text[start:end], role))
        for role, ends, exceptions, least in self.endings:
            for i in [i for i, key in enumerate(keys) if key.endswith(ends)]:
                if len(keys[i]) >= least and keys[i] not in exceptions:
                    start, end = spans[i]
                    cues.append(Cue(offset + start, offset + end, text[start:end], role))
        return cues

    def named_claims(self, toks: Tokens, text: str, offset: int) -> list[Cue]:
        """A capitalised name (not a pronoun or a function word opening the sentence) right before
        one of the verbs: "the Senate voted", "Acme Corp has"."""
        cues = []
        keys, spans = toks.keys, toks.spans
        for i in range(1, len(keys)):
            found = self.verbs.get(keys[i])
            if not found or not toks.capital(i - 1, text):
                continue
            first = i - 1
            while first > 0 and (toks.capital(first - 1, text) or keys[first - 1] in _CONNECTORS):
                first -= 1
            while first < i and (not toks.capital(first, text) or keys[first] in NOT_NAMES):
                first += 1  # "And Congress" -> "Congress"; "I", "We" alone name no one
            if first == i:
                continue
            ahead = tuple(keys[i : i + 3])
            verb = next((words for words in found if ahead[: len(words)] == words), None)
            if verb is not None:
                start, end = spans[first][0], spans[i + len(verb) - 1][1]
                cues.append(Cue(offset + start, offset + end, text[start:end], "named_claim"))
        return cues
