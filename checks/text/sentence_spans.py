"""One paragraph's sentences, as syntok finds them, with syntok run only where its answer is not
certain: most of news text is sentences it cannot but split as they stand, and syntok costs about
0.1 ms a sentence (``benchmarks/bench_segment.py`` times both and ``--verify`` compares them).
``checks.text.segment`` hands each paragraph here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import metadata

import regex
from syntok import segmenter

from checks.files import read_package_yaml
from checks.text.words import stopwords

try:
    from syntok._segmentation_states import State as _SyntokState
except ImportError:  # another syntok: the fast path's reasoning is for 1.4.4
    _SyntokState = None

__all__ = ["sentence_spans"]


def sentence_spans(chunk: str) -> list[tuple[int, int]]:
    """The spans ``_syntok_spans`` finds, with syntok run only on the pieces between the sentence
    ends it certainly makes that may hold more than one sentence."""
    if not _FAST_PATH:
        return _syntok_spans(chunk)
    spans: list[tuple[int, int]] = []
    start = 0
    for end, next_start in (*_certain_ends(chunk), (len(chunk), len(chunk))):
        piece = chunk[start:end]
        if _one_sentence(piece):
            spans.append((start, end))
        else:
            spans.extend((start + a, start + b) for a, b in _syntok_spans(piece))
        start = next_start
    return spans


# syntok is most of the cost of a scan's splitting (its tokenizer and state machine, about 0.1 ms
# a sentence), yet much of news text is sentences it cannot but split as they stand. The two tests
# below follow syntok 1.4.4's source (_segmentation_states.py, tokenizer.py), so another version
# takes the plain path until it is checked again (benchmarks/bench_segment.py --verify).
_SYNTOK_CHECKED = ("1.4.4",)


def _syntok_checked() -> bool:
    try:
        return _SyntokState is not None and metadata.version("syntok") in _SYNTOK_CHECKED
    except metadata.PackageNotFoundError:  # a frozen app without package metadata: unsure
        return False


_FAST_PATH = _syntok_checked()

# 1. syntok ends a sentence only just after a token that is a terminal (". ! ? ; ..." and their
# full-width forms) or an opening bracket. With no such token before a piece's last letter or
# digit, bar full stops it certainly goes on past (_goes_on), any piece it cuts off after that
# holds no letter or digit, and _merge_fragments glues it back: the piece is one sentence, from
# its first to its last character that is no space.
_BRACKETS = r"(\[{\u2329\u2983\u2985\u3018\u301a\ufd3e\ufe59\ufe5b\ufe5d\uff08\uff3b\uff5b\uff5f"
_TRIGGERS = re.compile(rf"[.!?;\u203c\u203d\u2047-\u2049\u3002\ufe52\ufe57\uff01\uff0e\uff1f\uff61{_BRACKETS}]")
_OPENING_BRACKET = re.compile(rf"[{_BRACKETS}]")
# syntok's own regex engine decides spaces, capitals and paragraph breaks (its Unicode tables are
# not the standard library's), so these use it too.
_SYNTOK_SPACE = regex.compile(r"[\s\u200b]")
_SYNTOK_PARAGRAPH = regex.compile(r"\r?\n(?:\s*\r?\n)+")
_CUT_AT_DOT = regex.compile(r"\p{Ll}\.\p{Lu}")  # the tokenizer cuts "end.The" at the full stop
_ALNUM = re.compile(r"[^\W_]+")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_CAMEL_CUT = regex.compile(r"\p{Ll}\p{Lu}")  # the tokenizer cuts "McCain" into "Mc", "Cain"
_BEFORE_WORD = frozenset("\"“‘'£$€")  # single-character tokens before a word
_QUOTES = frozenset("\"”’'")  # closing quotes syntok keeps with a terminal


def _is_space(c: str) -> bool:
    """White space to str.strip (the gluing) and to syntok's tokenizer alike."""
    return c.isspace() and _SYNTOK_SPACE.match(c) is not None


def _maybe_space(c: str) -> bool:
    return c.isspace() or _SYNTOK_SPACE.match(c) is not None


def _odd_space(c: str) -> bool:
    """Space to one of str.strip and syntok but not the other ("\\u200b", "\\x1c")."""
    return c.isspace() != (_SYNTOK_SPACE.match(c) is not None)


def _one_sentence(chunk: str) -> bool:
    """True when syntok and the gluing after it certainly make all of ``chunk`` one sentence.
    Conservative: a wrong False only costs the syntok run."""
    if not chunk or _maybe_space(chunk[0]) or _maybe_space(chunk[-1]):
        return False  # syntok's first or last token might not start or end at the edge
    if "\n" in chunk and _SYNTOK_PARAGRAPH.search(chunk):
        return False  # syntok would split it into paragraphs
    body = len(chunk)
    while body and not chunk[body - 1].isalnum():
        body -= 1
    if any(unicodedata.category(c)[0] in "LN" for c in chunk[body:]):
        return False
    skip = 0
    for m in _TRIGGERS.finditer(chunk, 0, body):
        i = m.start()
        if i < skip:
            continue  # the rest of an ellipsis or a bracket group
        if chunk[i] in "([{":
            if (skip := _group_end(chunk, i, body)) is None:
                return False
            continue
        if i == 0 or not chunk[i - 1].isalnum():
            return False
        if chunk[i] == "." and chunk[i + 1].isalnum():
            # Between letters or digits ("U.S", "3.5", "bbc.co.uk") it stays inside a word token.
            if _CUT_AT_DOT.match(chunk, i - 1):
                return False
            continue
        skip = i + 3 if chunk.startswith("...", i) else i + 1
        if chunk[i] not in ".!?;" or not _goes_on(chunk, i, skip):
            return False
    return True


def _goes_on(chunk: str, stop: int, end: int) -> bool:
    """Whether syntok, or _join_titles after it, certainly goes on past the terminal token
    ``chunk[stop:end]`` after a letter or digit: the next token starts in lower case; or after a
    full stop, it is no sentence starter and the token before is an abbreviation ("Mr."), dotted
    ("U.S."), a capital ("John F.") or a consonant, or a title before a name ("Gov. Chris")."""
    after = end + (end < len(chunk) and chunk[end] in _QUOTES)  # moved with the terminal
    start = after
    while after < len(chunk) and _is_space(chunk[after]):
        after += 1
    if after == start or after == len(chunk) or not chunk[after].isalnum():
        return False
    if chunk[after].islower():
        return True
    if start != stop + 1 or chunk[stop] != ".":
        return False
    following = _ALNUM.match(chunk, after).group()
    if (camel := _CAMEL_CUT.search(following)) is not None:
        following = following[: camel.start() + 1]
    if following in _SyntokState.starters:
        return False
    start = stop
    while start and not _maybe_space(chunk[start - 1]):
        start -= 1
    if start and not _is_space(chunk[start - 1]):
        return False
    while start < stop and chunk[start] in _BEFORE_WORD:
        start += 1
    token = chunk[start:stop]
    if token.isalnum():
        if _CAMEL_CUT.search(token):
            return False
    elif not _DOTTED.fullmatch(token) or _CUT_AT_DOT.search(token):
        return False
    return (
        token in _SyntokState.abbreviations
        or "." in token
        or (token.isupper() and _SyntokState.is_single_letter_or_roman_numeral(token))
        or _SyntokState.is_single_consonant(token)
        or _title_joined(chunk, start, stop, after)
    )


def _title_joined(chunk: str, start: int, stop: int, name: int) -> bool:
    """Whether _join_titles joins the title ending at ``stop`` to a name at ``name``, should
    syntok split there (as it does after "Gov.")."""
    return _opens_with_name(chunk, name, len(chunk)) and _title_end().search(chunk, start, stop + 1) is not None


def _opens_with_name(chunk: str, start: int, end: int) -> bool:
    """The piece at ``start`` opens with a capitalised word that is no stopword ("Chris", not "The")."""
    first = _FIRST_WORD.match(chunk, start, end)
    return first is not None and first.group(0)[0].isupper() and first.group(0).casefold() not in stopwords()


# Brackets: syntok skips a bracket group as part of the sentence when it closes within 70
# characters, and then (or when it opens the sentence) goes on if a lower-case word follows.
_ANY_BRACKET = re.compile(
    rf"[{_BRACKETS})\]}}\u232a\u2984\u2986\u3019\u301b\ufd3f\ufe5a\ufe5c\ufe5e\uff09\uff3d\uff5d\uff60]"
)


def _group_end(chunk: str, opening: int, body: int | None = None) -> int | None:
    """The end of the bracket group at ``opening`` when syntok certainly keeps it, and the word
    after it, in the sentence: one level, under 50 characters (so under 50 tokens), no terminal
    inside, brackets that are tokens of their own, and a lower-case word after it (or, given the
    ``body`` end, only the sentence's closing marks). None when unsure."""
    bracket = _ANY_BRACKET.search(chunk, opening + 1, opening + 50)
    if bracket is None or chunk[bracket.start()] not in ")]}":
        return None
    closing = bracket.start()
    inner = chunk[opening + 1 : closing]
    words = inner.split()
    if not words or inner[0].isspace() or inner[-1].isspace() or any(map(_odd_space, inner)):
        return None
    if not (_ALNUM.search(words[0]) and _ALNUM.search(words[-1])):
        return None  # a bracket in a run of symbols is no token of its own ("(-)")
    for m in _TRIGGERS.finditer(chunk, opening + 1, closing):
        i = m.start()
        if not (chunk[i] == "." and chunk[i - 1].isalnum() and chunk[i + 1].isalnum()):
            return None
        if _CUT_AT_DOT.match(chunk, i - 1):
            return None
    if body is not None and closing >= body:
        return closing + 1
    after = closing + 1
    while after < len(chunk) and _is_space(chunk[after]):
        after += 1
    if after == closing + 1 or after == len(chunk) or not (chunk[after].isalnum() and chunk[after].islower()):
        return None
    return closing + 1


def _groups_skipped(chunk: str, start: int, end: int) -> int | None:
    """Where the last bracket group between ``start`` and ``end`` ends, if all are kept whole."""
    while (m := _OPENING_BRACKET.search(chunk, start, end)) is not None:
        group_end = _group_end(chunk, m.start())
        if group_end is None:
            return None
        start = group_end
    return start


# 2. syntok certainly ends a sentence at 'word. Next' or 'said "no". Next' when its state machine
# meets the terminal just after that word or quote token (no bracket before it in the piece but
# groups kept whole, _group_end, whose skipping could swallow the terminal) and none of _move_and_maybe_extract_terminal's
# reasons to go on holds: the next token, spaced off, starts with a capital (or an opening quote),
# and the token before is a quote or a word of two or more characters that is no abbreviation,
# Roman numeral or "no", and no number before a month. Nothing after such an end is read to
# segment what comes before, so syntok on each piece finds what it finds in the whole; each piece
# starts with a letter and its last sentence ends in no title, so _merge_fragments and
# _join_titles do not reach across either.
_END = re.compile(r"[.!?][\"”’']?(\s+)(?=[\"“‘']?([^\W\d_]+))")  # a terminal first: quick to scan for
_HYPHEN_CUT = regex.compile(r"(?<=\p{L})-(?=[\p{L}\p{Nd}])|(?<=[\p{L}\p{Nd}])-(?=\p{L})")  # the tokenizer's


def _certain_ends(chunk: str) -> list[tuple[int, int]]:
    """(end, start of the next) of the sentence ends syntok certainly makes in ``chunk``, in order."""
    if "\n" in chunk and _SYNTOK_PARAGRAPH.search(chunk):
        return []
    ends: list[tuple[int, int]] = []
    start = checked = 0
    for m in _END.finditer(chunk):
        terminal = m.start()
        if (checked := _groups_skipped(chunk, max(start, checked), terminal)) is None:
            break
        first = m.group(2)[0]  # of the next token: not lower case, and no number ("Ⅻ" is both)
        if terminal < 2 or not first.isupper() or first.isnumeric() or not all(map(_is_space, m.group(1))):
            continue
        # A quote or per cent sign after a word is a token of its own; syntok ends the sentence
        # after one ('said "no".', 'by 40%.') as it is no letter, number or abbreviation.
        symbol = chunk[terminal - 1] in _QUOTES or chunk[terminal - 1] == "%"
        if (symbol and chunk[terminal - 2].isalnum()) or _word_ends(chunk, m):
            ends.append(m.span(1))
            start = m.end(1)
    return ends


def _word_ends(chunk: str, m: re.Match[str]) -> bool:
    """Whether syntok ends a sentence after the word before ``m``'s terminal (see above)."""
    terminal = before = m.start()
    while before and chunk[before - 1].isalnum():
        before -= 1
    word = chunk[before:terminal]
    if before and chunk[before - 1] == "-":
        if not _HYPHEN_CUT.match(chunk, before - 1):
            return False  # no token of its own
    else:
        while before and chunk[before - 1] in _BEFORE_WORD:
            before -= 1
        if before and not _is_space(chunk[before - 1]):
            return False
    if len(word) < 2 or word in _not_before_end() or _CAMEL_CUT.search(word):
        return False
    if word.isnumeric():  # "in 2004. May" goes on
        camel = _CAMEL_CUT.search(following := m.group(2))
        if (following[: camel.start() + 1] if camel else following) in _SyntokState.months:
            return False
    end = m.start(1)  # "Gov." is joined to the name after it
    return not (chunk[end - 1] == "." and _title_end().search(chunk, terminal - len(word), end))


@cache
def _not_before_end() -> frozenset[str]:
    """Words after which syntok may go on past a terminal."""
    return frozenset(_SyntokState.abbreviations | _SyntokState.roman_numerals | {"no", "No", "NO"})


def _syntok_spans(chunk: str) -> list[tuple[int, int]]:
    """Sentence spans as syntok finds them, then glued: the plain path that ``_one_sentence`` skips."""
    spans: list[tuple[int, int]] = []
    for syn_paragraph in segmenter.analyze(chunk):
        for sentence in syn_paragraph:
            tokens = [t for t in sentence if t.value]
            if not tokens:
                continue
            start = tokens[0].offset
            end = tokens[-1].offset + len(tokens[-1].value)
            if chunk[start:end].strip():
                spans.append((start, end))
    if not spans and chunk.strip():
        spans.append((0, len(chunk)))
    return _join_titles(chunk, _merge_fragments(chunk, spans))


@cache
def _title_end() -> re.Pattern[str]:
    titles = read_package_yaml("segmentation.yaml").get("titles_before_names", ())
    words = "|".join(sorted((re.escape(str(t)) for t in titles), key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{words})\.\Z")


def _join_titles(chunk: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a piece ending in a title ("Gov.") to the next when that starts with a name: the
    title belongs to it (checks/data/segmentation.yaml). A next piece opening with a stopword
    ("The law takes effect") is a new sentence after all."""
    if len(spans) < 2 or "." not in chunk:
        return spans
    title_end = _title_end()
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        # The title first: it is rare, and a cheap search.
        if joined and title_end.search(chunk, joined[-1][0], joined[-1][1]) and _opens_with_name(chunk, start, end):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


_FIRST_WORD = re.compile(r"[^\W\d_]+")


def _merge_fragments(chunk: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Glue pieces that are not sentences (a lone closing quote, a bare symbol) to the one before."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        piece = chunk[start:end]
        if merged and not any(unicodedata.category(c)[0] in "LN" for c in piece):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
