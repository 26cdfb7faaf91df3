"""Value objects of the engine: documents, sentences, grades, duplicate pairs and flags.

Every offset is a 0-based character offset into ``Document.text`` (the decoded text, line endings
normalised to ``\\n``), end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Sourcing(StrEnum):
    """How a sentence is sourced; one grade per sentence."""

    NAMED = "named"
    ANONYMOUS = "anonymous"
    VAGUE = "vague"
    SECONDHAND = "secondhand"
    UNSOURCED = "unsourced"
    OPINION = "opinion"
    NONE = "none"

    @property
    def attributed(self) -> bool:
        return self in (Sourcing.NAMED, Sourcing.ANONYMOUS, Sourcing.VAGUE, Sourcing.SECONDHAND)


class FlagKind(StrEnum):
    """What a flag is about. The first group mirrors the sourcing grades that need a look."""

    DUPLICATE = "duplicate"
    UNSOURCED = "unsourced"
    ANONYMOUS = "anonymous"
    VAGUE = "vague"
    SECONDHAND = "secondhand"
    OPINION = "opinion"
    SPLICE = "splice"
    UNBALANCED_QUOTE = "unbalanced_quote"
    UNATTRIBUTED_QUOTE = "unattributed_quote"
    NAME_VARIANT = "name_variant"
    REUSED = "reused"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    FlagKind.DUPLICATE: "duplicate passage",
    FlagKind.UNSOURCED: "unsourced claim",
    FlagKind.ANONYMOUS: "anonymous source",
    FlagKind.VAGUE: "vague attribution",
    FlagKind.SECONDHAND: "second-hand attribution",
    FlagKind.OPINION: "opinion as reporting",
    FlagKind.SPLICE: "splice mark",
    FlagKind.UNBALANCED_QUOTE: "unbalanced quotation marks",
    FlagKind.UNATTRIBUTED_QUOTE: "quote with no speaker",
    FlagKind.NAME_VARIANT: "name variant",
    FlagKind.REUSED: "reused from corpus",
}


def _check_span(start: int, end: int) -> None:
    if start < 0 or end < start:
        raise ValueError(f"bad span {start}..{end}")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the document text."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        _check_span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    end: int

    def __post_init__(self) -> None:
        _check_span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    paragraph: int
    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        _check_span(self.start, self.end)
        if len(self.text) != self.end - self.start:
            raise ValueError("sentence text does not match its span")


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded article: full text, metadata and its segmentation."""

    text: str
    sha256: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    path: str | None = None
    date: str | None = None
    title: str | None = None
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset, as editors and linters show them."""
        line = self.text.count("\n", 0, offset) + 1
        col = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return line, col


@dataclass(frozen=True, slots=True)
class Cue:
    """Evidence for a sourcing grade: a span of text and the part it plays."""

    start: int
    end: int
    text: str
    role: str  # e.g. "source", "speech_verb", "anonymity", "vague", "outlet", "hedge", "opinion", "carried"

    def __post_init__(self) -> None:
        _check_span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class SentenceGrade:
    sentence: int
    sourcing: Sourcing
    cues: tuple[Cue, ...] = ()
    reason: str = ""


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One step of a word-level diff from passage ``a`` to passage ``b``, as difflib's opcodes.

    ``tag`` is "equal", "replace", "delete" or "insert"; the offsets are character offsets of the
    words involved (into the document text for a duplicate pair), so an app can colour both sides.
    """

    tag: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int

    def __post_init__(self) -> None:
        if self.tag not in ("equal", "replace", "delete", "insert"):
            raise ValueError(f"bad diff tag {self.tag!r}")
        _check_span(self.a_start, self.a_end)
        _check_span(self.b_start, self.b_end)


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two passages of one document that say the same thing; ``a`` comes first.

    For a comparison of two documents (``compare_documents``) ``a`` is in the first, ``b`` in the second.
    """

    id: str
    score: float
    a: Span
    b: Span
    shared: tuple[str, ...] = ()
    sentences_a: tuple[int, ...] = ()
    sentences_b: tuple[int, ...] = ()
    diff: tuple[DiffOp, ...] = ()


@dataclass(frozen=True, slots=True)
class Flag:
    """Something a careful editor must look at. ``id`` is stable across runs and positions."""

    id: str
    kind: FlagKind
    start: int
    end: int
    text: str
    message: str
    related: tuple[Span, ...] = ()
    sentence: int | None = None
    details: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        _check_span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the engine found in one document."""

    document: Document
    grades: tuple[SentenceGrade, ...]
    duplicates: tuple[DuplicatePair, ...]
    flags: tuple[Flag, ...]

    def flag(self, flag_id: str) -> Flag | None:
        return next((f for f in self.flags if f.id == flag_id), None)
