"""The head of an article: its headline, subtitle or abstract, which restate the story by design.

A headline that the lede restates, or a quote from the story used as the headline, is no
duplicate an editor must look at; neither is an abstract that the full text restates. The single
article search (``checks.duplicates.search.find_duplicates``) leaves the head out. A title the
segmenter already took as metadata (``Document.title``: a first line with no sentence end and a
blank line after it) is not among the sentences at all; this finds the heads it leaves in:
headlines printed with a full stop, "Title; subtitle" blocks, and an abstract set off by a marker
line ("FULL TEXT."). The markers and limits are data in ``checks/data/similarity.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from checks.files import read_package_yaml
from checks.model import Document

__all__ = ["HeadRules", "head_rules", "head_sentences"]

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@dataclass(frozen=True, slots=True)
class HeadRules:
    """When the first paragraph is a headline, and which lines end an abstract."""

    body_markers: frozenset[str]  # a paragraph reading just this (case, dots ignored) ends the head
    marker_within: int  # ... when it is among the first this many paragraphs
    short_words: int  # a one-sentence first paragraph this short is a headline
    title_case_words: int  # a first paragraph at most this long, in title case, is a headline
    title_case_share: float  # share of its words (small words aside) that are capitalised
    small_words: frozenset[str]  # "a", "of", "to": lower case in a title-case headline too


@cache
def head_rules() -> HeadRules:
    data = read_package_yaml("similarity.yaml").get("head", {})
    return HeadRules(
        body_markers=frozenset(_marker(str(m)) for m in data.get("body_markers", ())),
        marker_within=int(data.get("marker_within", 6)),
        short_words=int(data.get("short_words", 12)),
        title_case_words=int(data.get("title_case_words", 25)),
        title_case_share=float(data.get("title_case_share", 0.7)),
        small_words=frozenset(str(w).lower() for w in data.get("small_words", ())),
    )


def _marker(text: str) -> str:
    return " ".join(text.replace(".", " ").split()).casefold()


def head_sentences(doc: Document, rules: HeadRules | None = None) -> int:
    """How many leading sentences of ``doc`` are its head (0: none). Only an article with text
    after the head has one: a one-paragraph text is all body. With a title already taken as
    metadata, the first paragraph is the lede, not a headline."""
    rules = rules or head_rules()
    paragraphs = doc.paragraphs
    if len(paragraphs) < 2 or not doc.sentences:
        return 0
    for p in paragraphs[: rules.marker_within]:
        if _marker(doc.text[p.start : p.end]) in rules.body_markers:
            return _sentences_before(doc, p.end)
    first = paragraphs[0]
    if doc.title is None and _is_headline(doc.text[first.start : first.end], doc, first.end, rules):
        return _sentences_before(doc, first.end)
    return 0


def _sentences_before(doc: Document, end: int) -> int:
    n = 0
    for s in doc.sentences:
        if s.start >= end:
            break
        n += 1
    return n


def _is_headline(text: str, doc: Document, end: int, rules: HeadRules) -> bool:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    words = _WORD.findall(text)
    if not words:
        return False
    if len(lines) == 2 and lines[0].endswith((";", ":")):
        return True  # "Title; \nSubtitle." as some archives print a headline and its deck
    if len(lines) > 1:
        return False
    if len(words) <= rules.short_words and _sentences_before(doc, end) == 1:
        return True
    if len(words) > rules.title_case_words:
        return False
    counted = [w for w in words if w.lower() not in rules.small_words]
    capitalised = sum(1 for w in counted if w[0].isupper())
    return len(counted) >= 3 and capitalised >= rules.title_case_share * len(counted)
