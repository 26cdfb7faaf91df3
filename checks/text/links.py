"""Links written in the text itself: Markdown ``[words](url)`` and bare ``https://...`` URLs.

Pure. A Markdown link's span is its anchor words (the text keeps its brackets: offsets are into the
file as written); a bare URL's span is the URL, trailing sentence punctuation left out. Links that
an extractor found in a ``.docx``, ``.odt`` or HTML page come with its text (``merge_links``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from checks.model import Link

__all__ = ["merge_links", "text_links"]

# [anchor](url "optional title"): the anchor holds no brackets, the URL no spaces or parentheses
# beyond one balanced pair (Wikipedia-style URLs), so the pattern stays linear.
_MARKDOWN_LINK = re.compile(r"(?<!!)\[([^\[\]\n]{1,500})\]\(\s*(<[^<>\n]{1,2000}>|[^\s()]{1,2000}(?:\([^\s()]{0,200}\)[^\s()]{0,200})?)(?:\s+\"[^\"\n]{0,300}\")?\s*\)")
# A URL glued to "=" or a word is an attribute value in markup ("[link=https://..."), not a link a
# reader sees.
_BARE_URL = re.compile(r"(?<![=\w/.:@-])(?:https?://|www\.)[^\s<>\"\]\[]{2,2000}", re.IGNORECASE)
_TRAILING = ".,;:!?'\"’”)»…"


def text_links(text: str) -> tuple[Link, ...]:
    """Markdown links and bare URLs of ``text``, in text order; a URL inside a Markdown link is
    that link, not a second one."""
    links: list[Link] = []
    taken: list[tuple[int, int]] = []
    for m in _MARKDOWN_LINK.finditer(text):
        url = m.group(2).strip("<>")
        links.append(Link(m.start(1), m.end(1), m.group(1), url))
        taken.append((m.start(), m.end()))
    for m in _BARE_URL.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        url = _trim_url(m.group(0))
        start = m.start()
        links.append(Link(start, start + len(url), url, url if "://" in url else f"https://{url}"))
    return tuple(sorted(links, key=lambda link: (link.start, link.end)))


def _trim_url(url: str) -> str:
    """A URL without the sentence punctuation after it; a closing parenthesis stays when the URL
    opened one."""
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def merge_links(*groups: Iterable[Link]) -> tuple[Link, ...]:
    """Links of several finders, in text order; of two starting at the same offset the first group's wins."""
    seen: dict[int, Link] = {}
    for group in groups:
        for link in group:
            seen.setdefault(link.start, link)
    return tuple(sorted(seen.values(), key=lambda link: (link.start, link.end)))
