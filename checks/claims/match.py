"""Finding the cues of the check-worthiness roles in one pass over a sentence's words.

A sentence is split into words once (``tokens``); terms, word endings, the word table and named
claims are looked up word by word in dictionaries built once per lexicon (``Matcher``), which is
far cheaper on long documents than one regex scan per role. Regex ``patterns`` (numbers, years)
run as regexes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from checks.model import Cue


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
class Role:
    """One kind of evidence: its weight in the score and what finds it.

    ``terms`` are matched word by word (lower-cased; "cut" is not "cut-off"); ``endings`` match any
    word of at least ``min_letters`` (a setting, default 5) that ends so, but ``not_words``;
    ``pattern`` (``None`` without ``patterns``) is a case-insensitive regex of ``patterns``. Roles
    found by code (``question``, ``heading``, ``quoted_claim``, ``named_claim`` with its ``verbs``)
    take their settings from here.
    """

    name: str
    weight: float
    terms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()
    endings: tuple[str, ...] = ()
    not_words: tuple[str, ...] = ()
    settings: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    pattern: re.Pattern[str] | None = None

    def __post_init__(self) -> None:
        if not math.isfinite(self.weight):
            raise ValueError(f"role {self.name!r}: weight must be a finite number")


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
        start = find(key, at)
        at = start + len(key)
        spans.append((start, at))
    return Tokens(keys, spans, frozenset(keys))


_NOTHING: tuple = ((), (), None)  # a word that starts no term, has no cue ending and shows no weight
_MEMO_LIMIT = 200_000
CODED_ROLES = frozenset(("named_claim", "quoted_claim", "question", "heading"))


@dataclass(frozen=True, slots=True)
class Matcher:
    """Per-lexicon lookup tables: first word of a term -> (words of the term, role), longest first;
    word endings by role; the named-claim verbs by first word; the word table and the cue role of
    its weighty words. What each distinct word needs is worked out once and remembered."""

    terms: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]
    endings: tuple[tuple[str, tuple[str, ...], frozenset[str], int], ...]
    verbs: Mapping[str, tuple[tuple[str, ...], ...]]
    words: Mapping[str, float]
    shown: Mapping[str, str]
    coded_roles: tuple[Role, ...]  # the roles found by a regex or by code, not word by word
    _memo: dict[str, tuple] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, roles: tuple[Role, ...], words: Mapping[str, float], word_cue_min: float) -> Matcher:
        terms: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        verbs: dict[str, list[tuple[str, ...]]] = {}
        for role in roles:
            for term in role.terms:
                keys = tuple(key_of(t.group()) for t in _TOKEN.finditer(term))
                if keys:
                    terms.setdefault(keys[0], []).append((keys, role.name))
            for verb in role.verbs if role.name == "named_claim" else ():
                keys = tuple(key_of(t.group()) for t in _TOKEN.finditer(verb))
                if keys:
                    verbs.setdefault(keys[0], []).append(keys)
        endings = tuple(
            (r.name, r.endings, frozenset(r.not_words), r.settings.get("min_letters", 5)) for r in roles if r.endings
        )
        shown = {w: "claim_word" if v > 0 else "chatter_word" for w, v in words.items() if abs(v) >= word_cue_min}
        return cls(
            {k: tuple(sorted(v, key=lambda item: -len(item[0]))) for k, v in terms.items()},
            endings,
            {k: tuple(sorted(v, key=len, reverse=True)) for k, v in verbs.items()},
            words,
            shown,
            tuple(r for r in roles if r.pattern is not None or r.name in CODED_ROLES),
        )

    def _word_info(self, key: str) -> tuple:
        """(terms starting with the word, roles of its endings, its cue role in the word table)."""
        ends = tuple(r for r, e, no, least in self.endings if len(key) >= least and key.endswith(e) and key not in no)
        info = (self.terms.get(key, ()), ends, self.shown.get(key))
        info = _NOTHING if info == _NOTHING else info
        if len(self._memo) >= _MEMO_LIMIT:
            self._memo.clear()
        self._memo[key] = info
        return info

    def word_cues(self, toks: Tokens, text: str, offset: int) -> tuple[float, list[Cue]]:
        """The summed weight of the sentence's distinct table words, and the cues of every term
        (per role, the longest at a word), word ending and weighty table word."""
        cues: list[Cue] = []
        keys, spans, memo = toks.keys, toks.spans, self._memo
        for i, key in enumerate(keys):
            info = memo.get(key) or self._word_info(key)
            if info is _NOTHING:
                continue
            found, ends, shown = info
            if found:
                done: set[str] = set()
                for words, role in found:
                    if role not in done and (len(words) == 1 or tuple(keys[i : i + len(words)]) == words):
                        done.add(role)
                        start, end = spans[i][0], spans[i + len(words) - 1][1]
                        cues.append(Cue(offset + start, offset + end, text[start:end], role))
            start, end = spans[i]
            for role in ends:
                cues.append(Cue(offset + start, offset + end, text[start:end], role))
            if shown:
                cues.append(Cue(offset + start, offset + end, text[start:end], shown))
        table = self.words
        return sum(table[key] for key in toks.distinct & table.keys()), cues

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
