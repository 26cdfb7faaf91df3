"""Words as the engine compares them: one normal form ("U.S." equals "US"), 6-letter stems, and the
vocabulary of checks/data/similarity.yaml (stopwords, stock phrases).

Shared by the stages that compare or look up words: the passage scorer
(``checks.duplicates.similarity``), the candidate indexes, the sentence splitter's name test and
the name-variant check.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from checks.files import read_package_yaml

__all__ = ["STEM_LENGTH", "WORD", "norm_word", "normalise", "stock_phrases", "stopwords", "word_stems"]

# An acronym with dots ("U.S.", "e.g.") is one word; otherwise letters/digits, with inner apostrophes.
WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s\Z")
STEM_LENGTH = 6  # truncation stemming: "officials"/"official", "skeptical"/"skepticism"


@cache
def _vocabulary() -> tuple[frozenset[str], dict[str, tuple[tuple[str, ...], ...]]]:
    data = read_package_yaml("similarity.yaml")
    stopwords = frozenset(str(w) for w in data.get("stopwords", ()))
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in data.get("stock_phrases", ()):
        words = tuple(str(phrase).split())
        if words:
            by_first.setdefault(words[0], []).append(words)
    return stopwords, {k: tuple(v) for k, v in by_first.items()}


def stopwords() -> frozenset[str]:
    """Words that carry no content (checks/data/similarity.yaml), normalised as ``normalise`` does."""
    return _vocabulary()[0]


def stock_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Stock phrases ("prime minister said") as word tuples, by their first word: no content either."""
    return _vocabulary()[1]


@cache
def norm_word(word: str) -> str:
    """One word's normal form: NFKC, case folded, possessive, acronym dots and apostrophes gone."""
    word = unicodedata.normalize("NFKC", word).casefold()
    word = _POSSESSIVE.sub("", word)
    return word.replace(".", "").replace("'", "").replace("’", "")


def word_stems(text: str) -> list[str]:
    """The 6-letter stems of ``text``'s words that are no stopwords, in order (stock phrases
    kept): what the candidate indexes shingle (``checks.duplicates.shingles.content_stems``)."""
    common = stopwords()
    return [word[:STEM_LENGTH] for word in map(norm_word, WORD.findall(text)) if word and word not in common]


def normalise(text: str) -> str:
    """Case, punctuation, acronym dots and possessives do not count: "U.S." equals "US"."""
    return " ".join(filter(None, (norm_word(m.group(0)) for m in WORD.finditer(text))))
