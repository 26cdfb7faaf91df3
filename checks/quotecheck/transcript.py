"""Who speaks where in a source: the speaker labels of a transcript.

A transcript marks each turn with a label at the start of a line, the text after a colon (on the
same line or the next):

- ``SPEAKER: text`` (a name in capitals, as broadcast and court transcripts print it),
- ``Name Surname: text`` (up to four capitalised words, "Jane Ortiz", "Sen. Rob Portman"),
- ``Name (role): text`` and ``>> NAME: text`` (caption transcripts),
- ``Q:`` / ``A:`` (interview notes: the question is the interviewer's, the answer has no name).

A label's turn runs to the next label. Words like ``Date:``, ``Subject:`` or ``Note:`` are header
fields, not speakers. Text before the first label has no speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

__all__ = ["Turn", "Turns", "parse_turns", "same_speaker"]

_NAME = r"(?:[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|de|van|von|al|bin|la|le)){0,3})"
_LABEL = re.compile(
    rf"^[ \t]*(?:>>[ \t]*)?(?P<name>{_NAME})[ \t]*(?:\([^()\n]{{0,40}}\))?[ \t]*:(?:[ \t]+(?=\S)|[ \t]*\n(?=[ \t]*\S))",
    re.MULTILINE,
)
_NOT_SPEAKERS = frozenset(
    "date time subject title source sources note notes location place re from to cc tel fax email web "
    "update updated editor summary headline byline contact copyright page file transcript warning "
    "embargo embargoed keywords tags category section caption photo image video audio url link".split()
)
_ANONYMOUS_LABELS = frozenset(("a", "answer"))
_INTERVIEWER_LABELS = frozenset(("q", "question"))
_TITLES = frozenset(
    "mr mrs ms miss dr sir dame lord lady sen senator rep representative gov governor pres president "
    "prime minister secretary judge justice chief officer general gen col capt det inspector mayor "
    "chancellor professor prof rev father the of".split()
)


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker's turn: from its label's line to the next label (offsets into the source text)."""

    start: int
    end: int
    speaker: str | None


@dataclass(frozen=True, slots=True)
class Turns:
    """The turns of one source, in order; ``speaker_at`` finds the one holding an offset."""

    turns: tuple[Turn, ...]

    def index_at(self, offset: int) -> int | None:
        """The number of the turn holding ``offset``, or None before the first label."""
        k = bisect.bisect_right([t.start for t in self.turns], offset) - 1
        return k if k >= 0 else None

    def speaker_at(self, offset: int) -> str | None:
        k = self.index_at(offset)
        return self.turns[k].speaker if k is not None else None


def _speaker(label: str) -> str | None | bool:
    """The speaker a label names, None for an unnamed one (an answer), False for no speaker label."""
    words = label.split()
    key = label.strip().rstrip(".").casefold()
    if key in _ANONYMOUS_LABELS:
        return None
    if key in _INTERVIEWER_LABELS:
        return "interviewer"
    if len(words) == 1 and key in _NOT_SPEAKERS:
        return False
    return " ".join(words)


def parse_turns(text: str) -> Turns:
    """The speaker turns of ``text``; none when it has no speaker labels (a statement, a release).

    One label alone (a "Note:" line in a press release) is taken for a transcript only when it
    names somebody: two or more labels, or one in capitals.
    """
    found: list[tuple[int, str | None]] = []
    for m in _LABEL.finditer(text):
        who = _speaker(m.group("name"))
        if who is not False:
            found.append((m.start(), who))  # type: ignore[arg-type]
    if len(found) == 1 and not (found[0][1] or "").isupper():
        found = []
    ends = [start for start, _ in found[1:]] + [len(text)]
    turns = [Turn(start, end, who) for (start, who), end in zip(found, ends)]
    return Turns(tuple(turns))


def _name_words(name: str) -> set[str]:
    words = re.findall(r"[^\W\d_]+", name.casefold())
    return {w for w in words if len(w) > 1 and w not in _TITLES}


def same_speaker(article: str, source: str) -> bool:
    """Whether a speaker named in the article (``"Finance Minister Jane Ortiz"``) is the one a source
    labels (``"ORTIZ"``, ``"Jane Ortiz"``, ``"Ms Ortiz"``): they share a name word beyond titles."""
    a, b = _name_words(article), _name_words(source)
    return bool(a & b) if a and b else True
