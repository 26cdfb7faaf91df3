"""Word lists the rules use, kept as YAML data so a newsroom can extend them.

``checks/data/lexicon.yaml`` ships the defaults; a user file with the same categories adds to them
(``replace: true`` at its top level replaces instead).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType

from checks.files import DataFileError, read_package_yaml, read_yaml_file

__all__ = ["Lexicon", "default_lexicon", "load_lexicon", "lexicon_from_mapping", "phrase_alternation", "words_of"]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Categories of terms (lower-cased phrases), each a tuple in file order."""

    categories: Mapping[str, tuple[str, ...]]
    _patterns: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)
    _key_words: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def terms(self, category: str) -> tuple[str, ...]:
        return self.categories.get(category, ())

    def key_words(self, category: str) -> frozenset[str]:
        """One word of every term (its longest, so "in some" is keyed by "some"): a sentence whose
        ``words_of`` holds none of them cannot match the category.

        Checking a sentence's word set against it is far cheaper than a regex scan, and most
        sentences hold no term of most categories.
        """
        cached = self._key_words.get(category)
        if cached is None:
            cached = frozenset(
                max(words, key=len) for t in self.terms(category) if (words := _WORD_TOKEN.findall(t))
            )
            self._key_words[category] = cached
        return cached

    def pattern(self, category: str) -> re.Pattern[str]:
        """A case-insensitive regex matching any term of the category on word boundaries.

        Longer terms are tried first so "on condition of anonymity" wins over "anonymity".
        """
        cached = self._patterns.get(category)
        if cached is None:
            body = phrase_alternation(self.terms(category))
            cached = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
            self._patterns[category] = cached
        return cached


    def pattern_with_capitals(self, category: str, capitalised: str) -> re.Pattern[str]:
        """``pattern(category)``, or a term of ``capitalised`` written with a capital as the
        first letter of its first word after an optional "the" ("The Economist", "the Post";
        not "the economist Jared Bernstein")."""
        key = f"{category}+{capitalised}"
        cached = self._patterns.get(key)
        if cached is None:
            body = phrase_alternation(self.terms(category))
            capitals = "|".join(_capitalised(term) for term in self.terms(capitalised))
            cached = re.compile(rf"(?<![\w-])(?:(?i:{body})|{capitals or '(?!x)x'})(?![\w-])")
            self._patterns[key] = cached
        return cached


def _capitalised(term: str) -> str:
    words = term.split()
    lead = ""
    if len(words) > 1 and words[0] == "the":
        lead, words = r"(?:[Tt]he|THE)\s+", words[1:]  # "THE HILL" in a capitalised line too
    first, rest = words[0], words[1:]
    head = re.escape(first[0].upper()) + (f"(?i:{re.escape(first[1:])})" if first[1:] else "")
    tail = "".join(rf"\s+(?i:{re.escape(w)})" for w in rest)
    return lead + head + tail


_WORD_TOKEN = re.compile(r"[\w-]+")


def words_of(text: str) -> frozenset[str]:
    """Lower-cased words of ``text`` as the lexicon patterns bound them (letters, digits, hyphens)."""
    return frozenset(_WORD_TOKEN.findall(text.lower()))


def phrase_alternation(terms: Iterable[str]) -> str:
    """A regex body matching any of ``terms``, built as a character trie; a space matches any run of
    white space.

    Python's ``re`` tries a flat alternation one branch at a time at every position; a trie shares
    prefixes, so a lexicon of hundreds of verbs costs little more than one. Where a term is a
    prefix of another the longer is tried first ("according to" before "accord"), backing off when
    the word boundary after it fails.
    """
    trie: dict[str, dict] = {}
    for term in terms:
        node = trie
        for ch in term:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie) or r"(?!x)x"


def _trie_regex(node: dict[str, dict]) -> str:
    branches = [
        (r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def lexicon_from_mapping(data: object, *, source: str, base: Lexicon | None = None) -> Lexicon:
    if not isinstance(data, Mapping):
        raise DataFileError(f"{source}: a lexicon is a mapping of category: [terms]")
    replace = bool(data.get("replace", False))
    merged: dict[str, list[str]] = {}
    if base is not None and not replace:
        merged = {k: list(v) for k, v in base.categories.items()}
    for category, terms in data.items():
        if category in ("replace", "version"):
            continue
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
            raise DataFileError(f"{source}: category {category!r} must be a list of strings")
        bucket = merged.setdefault(str(category), [])
        for term in terms:
            t = " ".join(term.lower().split())
            if t and t not in bucket:
                bucket.append(t)
    return Lexicon(MappingProxyType({k: tuple(v) for k, v in merged.items()}))


@cache
def default_lexicon() -> Lexicon:
    """The shipped lexicon, loaded once per process."""
    return lexicon_from_mapping(read_package_yaml("lexicon.yaml"), source="checks/data/lexicon.yaml")


def load_lexicon(user_files: Iterable[str | os.PathLike[str]] = ()) -> Lexicon:
    lexicon = default_lexicon()
    for path in user_files:
        lexicon = lexicon_from_mapping(read_yaml_file(path), source=str(path), base=lexicon)
    return lexicon
