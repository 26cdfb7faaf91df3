"""A big verdict file read in seconds: its ``verdicts`` list read line by line, the rest by YAML.

A review of a long report holds tens of thousands of verdicts, a dozen YAML scalars each; PyYAML
builds every scalar through Python (resolver, node, constructor) even with libyaml, about 10 s for
100k verdicts. The verdicts list as ``dump_review`` writes it has a narrow shape (one ``key: value``
a line, plain or single-quoted scalars folded onto deeper-indented lines), so this module reads that
shape directly and gives the very data ``yaml.safe_load`` would. Anything outside the shape (a
double-quoted or block scalar, a comment, a blank line, a value YAML would read as a number, date
or boolean, an unknown key) makes the whole file go through YAML instead: the fast path is an
optimisation that never changes what is read (tests compare it with YAML on random reviews).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import yaml

from checks.files import parse_yaml_text

__all__ = ["FAST_MIN_LINES", "no_gc", "parse_review_text"]

FAST_MIN_LINES = 2_000  # below this YAML is quick enough, and the one path keeps small files simple
_ITEM_KEYS = frozenset({"flag", "kind", "decision", "note", "by", "at", "start", "end", "text"})
_INT_KEYS = frozenset({"start", "end"})
_FIELD = re.compile(r"([a-z]+):(?: (.*))?\Z")
_BLOCK = re.compile(r"^verdicts:\n", re.M)
_TOP_KEY = re.compile(r"[A-Za-z_][\w-]*:")
_INT = re.compile(r"(?:0|[1-9][0-9]*)\Z")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_RESOLVED_FIRST = frozenset("0123456789+-.~nNtTfFyYoO<=")  # YAML's implicit types start with these
_STR = "tag:yaml.org,2002:str"
_resolver = yaml.resolver.Resolver()


# A value YAML reads as this very string: single-quoted on one line, or plain (no indicator first, not
# a word YAML 1.1 reads as a boolean or null, no number/date first character, no ": " or " #", no
# space or colon at the end). What does not match goes the careful way (``_items``), item by item.
# Besides: no character YAML refuses or reads as a line break (controls, surrogates, NEL, U+2028 ...).
_BAD = "\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ud800-\\udfff\\ufeff\\ufffe\\uffff"
_BAD_CHAR = re.compile(f"[{_BAD}]")
_SAFE = (
    rf"(?:'(?:[^'{_BAD}]|'')*'"
    r"|(?![-?:,\[\]{}#&*!|>'\"%@`0-9+.~<=\s])"
    r"(?!(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)(?:\n|\Z))"
    rf"(?:[^: {_BAD}]|:(?=[^\s])| (?=[^\s#]))+)"
)
_SAFE_FULL = re.compile(_SAFE + r"\Z")
_ITEM = re.compile(
    rf"- flag: ({_SAFE})\n"
    rf"(?:  kind: ({_SAFE})\n)?"
    rf"(?:  decision: ({_SAFE})\n)?"
    rf"(?:  note: ({_SAFE})\n)?"
    rf"(?:  by: ({_SAFE})\n)?"
    rf"(?:  at: ({_SAFE})\n)?"
    r"(?:  start: (0|[1-9][0-9]*)\n)?"
    r"(?:  end: (0|[1-9][0-9]*)\n)?"
    r"(?:  text: ([^\n]+)((?:\n    [^\n]+)*)\n)?"
    r"(?=- |\Z)"
)
_NAMES = ("flag", "kind", "decision", "note", "by", "at")


class _Fallback(Exception):
    """The text is outside the shape this module reads: let YAML read it."""


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a big file's values are built."""
    # Millions of new objects, none in a cycle: the cyclic collector would rescan them all again
    # and again (four times the parse itself) for nothing.
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def parse_review_text(text: str, *, source: str, min_lines: int = FAST_MIN_LINES) -> Any:
    """What ``checks.files.parse_yaml_text`` returns for a verdict file, faster for big ones
    (from ``min_lines`` lines up; the tests lower it to compare both paths on small files)."""
    with no_gc():
        try:
            if text.count("\n") < min_lines:
                raise _Fallback
            return _fast(text, source)
        except _Fallback:
            return parse_yaml_text(text, source=source)


def _fast(text: str, source: str) -> Any:
    found = list(_BLOCK.finditer(text))
    if len(found) != 1:
        raise _Fallback
    start = found[0].end()
    end = _block_end(text, start)
    verdicts = _regular_items(text[start:end])
    try:
        data = parse_yaml_text(text[: found[0].start()] + text[end:], source=source)
    except ValueError:
        raise _Fallback from None  # YAML says what is wrong, with the file's own line numbers
    if not isinstance(data, dict) or "verdicts" in data:
        raise _Fallback
    data["verdicts"] = verdicts
    return data


def _block_end(text: str, start: int) -> int:
    """Where the verdicts list ends: the next top-level key, or the end of the text."""
    pos = start
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl + 1
        first = text[pos]
        if first not in "- ":
            if not _TOP_KEY.match(text, pos):
                raise _Fallback  # a comment, a document marker, a blank line ...
            return pos
        pos = line_end
    return pos


def _regular_items(block: str) -> list[dict[str, Any]]:
    """The items in the shape ``dump_review`` writes read by one regular expression each; any
    other item (a folded note, a double-quoted text ...) by ``_items``, line by line."""
    items: list[dict[str, Any]] = []
    pos, size = 0, len(block)
    match_item = _ITEM.match
    while pos < size:
        m = match_item(block, pos)
        item = _item_of(m) if m is not None else None
        if item is None:
            following = block.find("\n- ", pos)
            stop = size if following < 0 else following + 1
            items += _items(block[pos:stop])
            pos = stop
            continue
        items.append(item)
        pos = m.end()
    return items


def _item_of(m: re.Match[str]) -> dict[str, Any] | None:
    groups = m.groups()
    item: dict[str, Any] = {}
    for name, value in zip(_NAMES, groups):
        if value is not None:
            item[name] = value[1:-1].replace("''", "'") if value[0] == "'" else value
    if groups[6] is not None:
        item["start"] = int(groups[6])
    if groups[7] is not None:
        item["end"] = int(groups[7])
    first, more = groups[8], groups[9]
    if first is not None:
        text = first
        if more:
            pieces = more.split("\n")[1:]
            if first != first.rstrip() or any(p != p.rstrip() or not p.strip() for p in pieces):
                return None  # YAML would drop the spaces at a fold, or read a blank line as a line break
            text = first + "".join(" " + p.strip() for p in pieces)
        if not _SAFE_FULL.match(text):
            return None
        if text[0] == "'":
            inner = text[1:-1]
            if "'" in inner.replace("''", ""):
                return None
            text = inner.replace("''", "'")
        item["text"] = text
    return item


def _items(block: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    item: dict[str, Any] | None = None
    key: str | None = None
    parts: list[str] = []
    for line in block.split("\n"):
        if line.startswith("    "):  # a folded scalar goes on
            piece = line.strip()
            if key is None or not piece or "\t" in line:
                raise _Fallback
            parts.append(piece)
            continue
        if key is not None and item is not None:
            item[key] = _value(key, parts)
            key = None
        if line.startswith("- "):
            item = {}
            items.append(item)
            body = line[2:]
        elif line.startswith("  ") and item is not None:
            body = line[2:]
        elif line == "":
            continue  # only the block's last line ends with the final newline
        else:
            raise _Fallback
        match = _FIELD.match(body)
        if match is None or match.group(1) not in _ITEM_KEYS or match.group(1) in item:
            raise _Fallback
        key, parts = match.group(1), [match.group(2) or ""]
    if key is not None and item is not None:
        item[key] = _value(key, parts)
    return items


def _value(key: str, parts: list[str]) -> Any:
    raw = " ".join(parts)  # a single line break in a folded scalar reads as one space
    if raw != raw.strip() or "\t" in raw or _BAD_CHAR.search(raw):
        raise _Fallback
    if not raw:
        return None
    if key in _INT_KEYS:
        if len(parts) == 1 and _INT.match(raw):
            return int(raw)
        raise _Fallback
    if raw[0] == "'":
        inner = raw[1:-1]
        if len(raw) < 2 or raw[-1] != "'" or "'" in inner.replace("''", ""):
            raise _Fallback
        return inner.replace("''", "'")
    if raw[0] in _INDICATORS or ": " in raw or " #" in raw or raw.endswith(":"):
        raise _Fallback
    if raw[0] in _RESOLVED_FIRST and _resolver.resolve(yaml.ScalarNode, raw, (True, False)) != _STR:
        raise _Fallback  # a number, date, boolean or null: YAML's own reading (and errors) apply
    return raw
