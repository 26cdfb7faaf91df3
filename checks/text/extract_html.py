"""A saved web page or CMS export to its article text: trafilatura finds the main text (not the
navigation, ads, related links or reader comments); this module walks what it kept into plain
paragraphs, keeping each link's offsets and the page's title, byline and date.

Pure: bytes or text in, ``Extracted`` out. Raises ArticleError when the page has no article text.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import urljoin

from checks.files import ArticleError
from checks.text.extracted import Extracted, TextBuilder

__all__ = ["extract_html", "looks_like_html"]

# Elements of trafilatura's output that start a paragraph of their own.
_BLOCKS = frozenset({"p", "head", "item", "quote", "code", "row", "list", "table", "div"})
_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.IGNORECASE | re.DOTALL)
_DATE = re.compile(r"\A\d{4}-\d{2}-\d{2}")


def looks_like_html(data: bytes) -> bool:
    """True when ``data`` opens as an HTML document (a pasted page on standard input)."""
    return bool(_HTML_START.match(data[:4096]))


def extract_html(data: bytes | str) -> Extracted:
    """The article text of an HTML page, its links (relative ones resolved against the page's own
    URL where it names one) and its metadata (``<title>``/``og:title``, author, ``article:published_time``)."""
    import trafilatura  # imported here: 0.3 s that a plain-text scan should not pay

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its own warnings are not the user's
    try:
        found = trafilatura.bare_extraction(
            data, include_links=True, include_comments=False, include_tables=True,
            include_images=False, with_metadata=True,
        )
    except (ValueError, TypeError, RecursionError) as exc:
        raise ArticleError(f"cannot read this HTML page ({exc})") from None
    body = getattr(found, "body", None) if found is not None else None
    builder = TextBuilder()
    if body is not None:
        _walk(body, builder, base=getattr(found, "url", None) or "")
    extracted = builder.build(
        title=_clean(getattr(found, "title", None)),
        byline=_clean(getattr(found, "author", None)),
        date=_date(getattr(found, "date", None)),
    )
    if not _has_article_text(extracted):
        raise ArticleError("HTML page with no article text (only navigation, scripts or boilerplate)")
    return extracted


# When a page has no article, trafilatura falls back to whatever text it finds: a menu, a cookie
# notice. Article text has a paragraph of running prose (words, or characters for scripts written
# without spaces) and is not mostly link words.
MIN_PARAGRAPH_WORDS = 8
MIN_PARAGRAPH_CHARS = 50
MAX_LINK_SHARE = 0.8


def _has_article_text(extracted: Extracted) -> bool:
    text = extracted.text
    paragraphs = text.split("\n\n")
    if not any(len(p.split()) >= MIN_PARAGRAPH_WORDS or len(p.strip()) >= MIN_PARAGRAPH_CHARS for p in paragraphs):
        return False
    linked = sum(link.end - link.start for link in extracted.links)
    return linked <= MAX_LINK_SHARE * len(text.strip())


def _walk(element, builder: TextBuilder, *, base: str) -> None:
    """Add ``element``'s text and its children's, in document order."""
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag in _BLOCKS
    if block:
        builder.end_paragraph()
    url = None
    if tag == "ref":
        target = (element.get("target") or "").strip()
        url = urljoin(base, target) if target and base else target or None
    if tag == "lb":
        builder.add(" ")
    elif element.text:
        builder.add(element.text, url)
    for child in element:
        _walk(child, builder, base=base)
        if child.tail:
            builder.add(child.tail)
    if tag == "cell":
        builder.add(" ")
    if block:
        builder.end_paragraph()


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else ""
    return value or None


def _date(value: str | None) -> str | None:
    m = _DATE.match(value or "")
    return m.group(0) if m else None
