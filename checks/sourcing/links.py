"""Links as sourcing evidence: in digital news the hyperlink is often the attribution ("a report by
the inspector general" links to the report).

Run after the grader (``checks.sourcing.grade``), on its grades; pure. For each sentence, a link
inside it, or one standing alone right after it (a bare URL, a "(link)" in parentheses), is a cue
with the role ``link`` and its URL. Then:

* a sentence with no attribution but a link (``unsourced``), or one crediting another outlet with
  a link to it (``secondhand``: credited and linked, as the checklist asks), is graded ``linked``:
  named-like, the editor follows the link rather than chasing a source;
* a second-hand sentence with no link says "not linked" in its reason (the flag's message), and
  its open flag keeps the checklist's "credited and linked" item blocked;
* every other grade keeps its grade and gains the link cue as evidence (an anonymous source with
  a link is still an anonymous source).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from checks.model import Cue, Document, Flag, Link, Sentence, SentenceGrade, Sourcing

__all__ = ["NOT_LINKED", "apply_links", "is_source_link", "links_of_flag", "links_of_sentences"]

NOT_LINKED = "not linked"
# Where a link can lead a reader to a source: the web, or the publication's own pages.
_SOURCE_URL = re.compile(r"\A(?:https?://|www\.|/(?!/)|\.\./|[\w-]+\.(?:html?|pdf)\b)", re.IGNORECASE)
_ONLY_PUNCTUATION = re.compile(r"[\s()\[\].,;:<>«»\"“”'’-]*")


def is_source_link(link: Link) -> bool:
    """A web page or document, not an e-mail address, phone number, script or place in this page."""
    return bool(_SOURCE_URL.match(link.url.strip()))


def links_of_sentences(doc: Document) -> dict[int, tuple[Link, ...]]:
    """Sentence index -> the source links inside it or standing alone right after it."""
    links = [k for k in doc.links if is_source_link(k)]
    if not links:
        return {}
    starts = [k.start for k in links]
    found: dict[int, list[Link]] = {}
    sentences = doc.sentences
    for s in sentences:
        i = bisect_left(starts, s.start)
        while i > 0 and links[i - 1].end > s.start:  # a link opened before the sentence
            i -= 1
        inside = []
        while i < len(links) and links[i].start < s.end:
            if links[i].end > s.start:
                inside.append(links[i])
            i += 1
        if inside:
            found.setdefault(s.index, []).extend(inside)
            if _only_links(s, inside) and s.index > 0 and sentences[s.index - 1].paragraph == s.paragraph:
                found.setdefault(s.index - 1, []).extend(inside)  # "(https://...)" after its claim
    return {k: tuple(dict.fromkeys(v)) for k, v in found.items()}


def links_of_flag(doc: Document, flag: Flag) -> tuple[Link, ...]:
    """The links a reviewer of ``flag`` may follow: inside its passage, or its sentence's (one
    standing alone right after it included), in text order; e-mail and script links too."""
    start, end = flag.start, flag.end
    if flag.sentence is not None and 0 <= flag.sentence < len(doc.sentences):
        sentences = doc.sentences
        s = sentences[flag.sentence]
        start, end = min(start, s.start), max(end, s.end)
        after = sentences[s.index + 1] if s.index + 1 < len(sentences) else None
        if after is not None and after.paragraph == s.paragraph:
            theirs = [k for k in doc.links if k.start < after.end and k.end > after.start]
            if theirs and _only_links(after, theirs):
                end = after.end
    return tuple(k for k in doc.links if k.start < end and k.end > start)


def _only_links(s: Sentence, links: list[Link]) -> bool:
    rest = s.text
    for link in sorted(links, key=lambda k: k.start, reverse=True):
        a, b = max(link.start - s.start, 0), min(link.end - s.start, len(rest))
        rest = rest[:a] + rest[b:]
    return _ONLY_PUNCTUATION.fullmatch(rest) is not None


def apply_links(doc: Document, grades: tuple[SentenceGrade, ...]) -> tuple[SentenceGrade, ...]:
    """The grades with link cues added, ``linked`` where a link is the attribution, and "not
    linked" in the reason of a second-hand sentence without one."""
    by_sentence = links_of_sentences(doc)
    out = []
    for grade in grades:
        links = by_sentence.get(grade.sentence, ())
        if grade.sourcing is Sourcing.SECONDHAND and not links:
            grade = replace(grade, reason=f"{grade.reason}; {NOT_LINKED}" if grade.reason else NOT_LINKED)
        elif links:
            grade = _with_links(grade, links)
        out.append(grade)
    return tuple(out)


def _with_links(grade: SentenceGrade, links: tuple[Link, ...]) -> SentenceGrade:
    cues = tuple(sorted((*grade.cues, *(Cue(k.start, k.end, k.text, "link", url=k.url) for k in links)),
                        key=lambda c: (c.start, c.end, c.role)))
    first = links[0].url
    if grade.sourcing is Sourcing.UNSOURCED:
        return replace(grade, sourcing=Sourcing.LINKED, cues=cues,
                       reason=f"linked: the link is its source; follow it ({first})")
    if grade.sourcing is Sourcing.SECONDHAND:
        return replace(grade, sourcing=Sourcing.LINKED, cues=cues,
                       reason=f"{grade.reason}, credited and linked; follow the link ({first})")
    return replace(grade, cues=cues, reason=f"{grade.reason} (linked: {first})" if grade.reason else grade.reason)
