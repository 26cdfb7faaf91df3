"""Bytes to a segmented Document: decoding, metadata, paragraphs and sentences.

Pure: takes bytes or text, never touches the file system (``checks.text.read`` reads a file).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from checks.files import ArticleError
from checks.model import Document, Paragraph, Sentence
from checks.processes import cores, process_pool, without_gc
from checks.progress import Progress
from checks.text.sentence_spans import sentence_spans

__all__ = ["ArticleError", "decode_bytes", "parse_article", "split_paragraphs", "split_sentences"]




_DATE_LINE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?[ \t]*", re.IGNORECASE)
_MD_HEADING = re.compile(r"\A#{1,6}[ \t]+(.*?)[ \t#]*\Z")
_BLANK_LINES = re.compile(r"\n[ \t\f\v]*\n\s*")
_SENTENCE_END = ('.', '!', '?', '"', '”', '’', "'", ':', ';', ')', '…')


def decode_bytes(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Decode article bytes; return (text, encoding, warnings). Line endings become ``\\n``.

    UTF-8 (with or without BOM), UTF-16 with BOM. Mostly UTF-8 with a few bad bytes: UTF-8 with
    each bad byte replaced by U+FFFD and a warning naming where; anything else falls back to
    cp1252 with a warning. Binary data is refused.
    """
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ArticleError(f"not valid UTF-16 despite its byte-order mark ({exc.reason})") from None
    else:
        if _looks_binary(data):
            raise ArticleError("binary file, not text (it holds NUL or control bytes)")
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _decode_mixed(data, warnings)
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if encoding == "utf-8" and _BAD_BYTE.search(text):
        text = _replace_bad_bytes(text, warnings)
    if "\x00" in text:
        raise ArticleError("binary file, not text (it holds NUL characters)")
    return text, encoding, tuple(warnings)


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(sample) > 0.05


def _decode_mixed(data: bytes, warnings: list[str]) -> tuple[str, str]:
    """Bytes that are not all valid UTF-8. Mostly UTF-8 (more valid non-ASCII characters than bad
    bytes: a stray byte in a UTF-8 article) decodes as UTF-8 with the bad bytes kept as lone
    surrogates, for ``_replace_bad_bytes`` to replace and locate once line endings are settled;
    otherwise the file is a legacy one, read as cp1252 (one bad byte must not turn every curly
    quote and accent elsewhere into mojibake)."""
    text = data.decode("utf-8-sig", errors="surrogateescape")
    bad = len(_BAD_BYTE.findall(text))
    valid = len(text) - len(text.encode("ascii", "ignore")) - bad  # non-ASCII characters decoded
    if valid > bad:
        return text, "utf-8"
    warnings.append("not valid UTF-8: read as cp1252 (Windows Western); check accents and quotes")
    return _decode_legacy(data), "cp1252"


_BAD_BYTE = re.compile("[\udc80-\udcff]")  # a byte surrogateescape could not decode
_PLACES_NAMED = 3


def _replace_bad_bytes(text: str, warnings: list[str]) -> str:
    """Every undecodable byte as U+FFFD, and a warning naming where they are."""
    bad = [m.start() for m in _BAD_BYTE.finditer(text)]
    places = []
    line, line_start = 1, 0
    for at in bad[:_PLACES_NAMED]:
        if breaks := text.count("\n", line_start, at):
            line += breaks
            line_start = text.rfind("\n", line_start, at) + 1
        places.append(f"{line}:{at - line_start + 1}")
    more = f" and {len(bad) - len(places)} more" if len(bad) > len(places) else ""
    count = f"{len(bad)} byte{'s' if len(bad) > 1 else ''}"
    warnings.append(
        f"not valid UTF-8 at {', '.join(places)}{more} (line:column): "
        f"read as UTF-8 with {count} replaced by \ufffd"
    )
    return _BAD_BYTE.sub("\ufffd", text)


def _decode_legacy(data: bytes) -> str:
    # cp1252 leaves five bytes undefined; latin-1 maps them to C1 controls instead of failing.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def parse_article(
    data: bytes | str, *, path: str | None = None, parse_metadata: bool = True, progress: Progress | None = None
) -> Document:
    """Decode and segment an article. ``data`` as bytes is decoded; as str it is taken as text.
    ``progress(done, total)`` hears how far sentence splitting is (paragraph batches)."""
    if isinstance(data, bytes):
        raw = data
        text, encoding, warnings = decode_bytes(data)
    else:
        text = data.replace("\r\n", "\n").replace("\r", "\n")
        raw, encoding, warnings = text.encode("utf-8"), "utf-8", ()
    date, title, body_start = _metadata(text) if parse_metadata else (None, None, 0)
    with without_gc():
        paragraphs = split_paragraphs(text, body_start)
        sentences = split_sentences(text, paragraphs, progress=progress)
    return Document(
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        paragraphs=paragraphs,
        sentences=sentences,
        path=path,
        date=date,
        title=title,
        encoding=encoding,
        warnings=warnings,
    )


def _metadata(text: str) -> tuple[str | None, str | None, int]:
    """Leading ``date YYYY-MM-DD`` and an optional title line; returns where the body starts."""
    date = None
    pos = 0
    if m := _DATE_LINE.match(text):
        date, pos = m.group(1), m.end()
    title = None
    rest = text[pos:]
    stripped = rest.lstrip()
    first_line_end = stripped.find("\n")
    if first_line_end > 0:
        first = stripped[:first_line_end].strip()
        after = stripped[first_line_end + 1 :]
        heading = _MD_HEADING.match(first)
        if heading:
            title = heading.group(1).strip() or None
        elif _looks_like_title(first) and after.lstrip(" \t").startswith("\n"):
            title = first
        if title is not None:
            pos = len(text) - len(stripped) + first_line_end + 1
    return date, title, pos


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 20 and not line.endswith(_SENTENCE_END)


def split_paragraphs(text: str, start: int = 0) -> tuple[Paragraph, ...]:
    """Paragraphs are separated by blank lines; spans exclude surrounding white space."""
    paragraphs: list[Paragraph] = []
    pos = start
    for m in _BLANK_LINES.finditer(text, start):
        _add_paragraph(text, pos, m.start(), paragraphs)
        pos = m.end()
    _add_paragraph(text, pos, len(text), paragraphs)
    return tuple(paragraphs)


def _add_paragraph(text: str, start: int, end: int, out: list[Paragraph]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Paragraph(len(out), start, end))


# Above this much text, paragraphs go to several processes: they are independent, and starting the
# workers costs about 0.1 s. With syntok skipped on most news text (checks/text/sentence_spans.py) one
# core splits about 40,000 sentences a second; two still split 8.9 MB in 1.1 s instead of 1.8 s
# on an idle two-core machine (on a busy one they gained nothing).
PARALLEL_MIN_CHARS = 200_000


def split_sentences(
    text: str, paragraphs: tuple[Paragraph, ...], *, workers: int | None = None, progress: Progress | None = None
) -> tuple[Sentence, ...]:
    """Sentences of each paragraph, found by syntok, with offsets into ``text``.

    Large text (over ``PARALLEL_MIN_CHARS``) is split on ``workers`` processes (default: the
    machine's cores); the result is the same as on one, which ``workers=1`` forces.
    """
    chunks = [text[para.start : para.end] for para in paragraphs]
    sentences: list[Sentence] = []
    for para, spans in zip(paragraphs, _spans_of_paragraphs(chunks, workers, progress)):
        for start, end in spans:
            a, b = para.start + start, para.start + end
            sentences.append(Sentence(len(sentences), para.index, a, b, text[a:b]))
    return tuple(sentences)


def _spans_of_paragraphs(
    chunks: list[str], workers: int | None, progress: Progress | None = None
) -> list[list[tuple[int, int]]]:
    n = cores(workers)
    # A few batches a worker so one slow batch does not leave the others idle (and progress moves).
    size = -(-len(chunks) // (n * 4)) if chunks else 1
    batches = [chunks[k : k + size] for k in range(0, len(chunks), size)]
    if n < 2 or len(chunks) < 2 or sum(map(len, chunks)) < PARALLEL_MIN_CHARS:
        return _in_order(map(_spans_of_batch, batches), len(batches), progress)
    try:
        with process_pool(n) as pool:
            return _in_order(pool.map(_spans_of_batch, batches), len(batches), progress)
    except (OSError, RuntimeError):
        # No processes to be had (a sandbox, a frozen app): one core is slower, not wrong.
        return _in_order(map(_spans_of_batch, batches), len(batches), progress)


def _in_order(results, total: int, progress: Progress | None) -> list[list[tuple[int, int]]]:
    out: list[list[tuple[int, int]]] = []
    for done, batch in enumerate(results, 1):
        out.extend(batch)
        if progress is not None:
            progress(done, total)
    return out


def _spans_of_batch(chunks: Sequence[str]) -> list[list[tuple[int, int]]]:
    return [sentence_spans(chunk) for chunk in chunks]
