"""Value objects of the engine: documents, sentences, grades, duplicate pairs and flags.

Every offset is a 0-based character offset into ``Document.text`` (the decoded text, line endings
normalised to ``\\n``), end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from checks.details import DETAILS_OF, DuplicateDetails, FlagDetails
from checks.kinds import FlagKind, Priority, spec
from checks.priority import priority_of

__all__ = [
    "Analysis",
    "Cue",
    "DiffOp",
    "Document",
    "DuplicatePair",
    "Flag",
    "FlagKind",
    "Link",
    "Paragraph",
    "Priority",
    "QuoteCheck",
    "QuoteSource",
    "Sentence",
    "SentenceGrade",
    "Sourcing",
    "Span",
]


class Sourcing(StrEnum):
    """How a sentence is sourced; one grade per sentence."""

    NAMED = "named"
    # No speaker, but a link to the source (or another outlet credited and linked): the editor
    # follows the link rather than chasing a source (``checks.sourcing.links``). Named-like.
    LINKED = "linked"
    ANONYMOUS = "anonymous"
    VAGUE = "vague"
    SECONDHAND = "secondhand"
    UNSOURCED = "unsourced"
    OPINION = "opinion"
    NONE = "none"
    # No attribution, but not a check-worthy claim either (scene-setting, background, procedure):
    # shown quietly and counted, never flagged (``checks.claims``, ``min_checkworthy``).
    BACKGROUND = "background"
    # No attribution of its own, but another sentence of its paragraph names where the paragraph's
    # material comes from ("Sales rose 5%. The figures were published by the ONS, it said."):
    # shown quietly, never flagged; a newsroom can turn this off (``paragraph_sources: false``).
    CONTEXT = "context"

    @property
    def attributed(self) -> bool:
        return self in (Sourcing.NAMED, Sourcing.LINKED, Sourcing.ANONYMOUS, Sourcing.VAGUE, Sourcing.SECONDHAND)


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
class Link:
    """A hyperlink of the document: ``text`` (its anchor words, or the bare URL) spans
    ``start``..``end`` of ``Document.text``; ``url`` is where it points."""

    start: int
    end: int
    text: str
    url: str

    def __post_init__(self) -> None:
        _check_span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded article: full text, metadata and its segmentation.

    ``text`` is what the app shows and every offset refers to: the file's decoded text for plain
    text and Markdown, the extracted article text for ``.docx``, ``.odt`` and HTML (``format``
    says which); ``sha256`` is always the hash of the original file's bytes."""

    text: str
    sha256: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    path: str | None = None
    date: str | None = None
    title: str | None = None
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()
    format: str = "text"  # "text", "markdown", "html", "docx" or "odt"
    byline: str | None = None
    links: tuple[Link, ...] = ()

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
    role: str  # e.g. "source", "speech_verb", "anonymity", "vague", "outlet", "hedge", "opinion", "carried", "link"
    url: str | None = None  # a "link" cue's target

    def __post_init__(self) -> None:
        _check_span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class SentenceGrade:
    """How one sentence is sourced (``cues``: the evidence) and, once weighed, how check-worthy a
    claim it makes: ``checkworthy`` 0-1 (None: not weighed) with ``claim_cues``, the evidence for
    and against (``checks.claims``)."""

    sentence: int
    sourcing: Sourcing
    cues: tuple[Cue, ...] = ()
    reason: str = ""
    checkworthy: float | None = None
    claim_cues: tuple[Cue, ...] = ()


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
    """Something a careful editor must look at. ``id`` is stable across runs and positions.

    ``details`` is the kind's own details dataclass (``checks.details``) or None. ``level`` is the
    kind's level where a newsroom config changed it (None: the registry's). ``priority`` is worked
    out from both when the flag is made (``checks.priority.priority_of``), so every flag has one.
    """

    id: str
    kind: FlagKind
    start: int
    end: int
    text: str
    message: str
    related: tuple[Span, ...] = ()
    sentence: int | None = None
    details: FlagDetails | None = field(default=None, compare=False)
    level: Priority | None = None
    priority: Priority = field(init=False)

    def __post_init__(self) -> None:
        _check_span(self.start, self.end)
        if self.details is not None and type(self.details) is not DETAILS_OF.get(self.kind):
            raise ValueError(f"a {self.kind} flag cannot carry {type(self.details).__name__}")
        level = self.level if self.level is not None else spec(self.kind).level
        object.__setattr__(self, "priority", priority_of(self.kind, self.details, level=level))


QUOTE_STATUSES = ("verbatim", "altered", "spliced", "wrong_speaker", "not_found")


@dataclass(frozen=True, slots=True)
class QuoteSource:
    """Where a quotation comes from: a passage of a source file (offsets into its decoded text)
    and who speaks there, when the source marks speakers (a transcript)."""

    path: str
    start: int
    end: int
    text: str
    speaker: str | None = None
    line: int = 1
    col: int = 1

    def __post_init__(self) -> None:
        _check_span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class QuoteCheck:
    """One direct quotation of the article checked against the sources (``checks.quotecheck``).

    ``status``: one of ``QUOTE_STATUSES``. ``sources``: the passages it was matched to, in quote
    order (two or more for a splice; none when not found). ``diff``: article words (``a``) against
    source words (``b``, offsets into the first source's file). ``brackets``: the [bracketed]
    insertions, spans of the article.
    """

    start: int
    end: int
    text: str
    speaker: str | None
    status: str
    sources: tuple[QuoteSource, ...] = ()
    score: float = 0.0
    diff: tuple[DiffOp, ...] = ()
    brackets: tuple[Span, ...] = ()
    sensitive: tuple[str, ...] = ()  # what an alteration touched: "number", "negation", "name"

    def __post_init__(self) -> None:
        _check_span(self.start, self.end)
        if self.status not in QUOTE_STATUSES:
            raise ValueError(f"bad quote status {self.status!r}")

    @property
    def source(self) -> QuoteSource | None:
        return self.sources[0] if self.sources else None


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the engine found in one document."""

    document: Document
    grades: tuple[SentenceGrade, ...]
    duplicates: tuple[DuplicatePair, ...]
    flags: tuple[Flag, ...]
    quotes: tuple[QuoteCheck, ...] = ()  # quotations checked against ``--sources`` (none without)
    _pairs: dict[str, DuplicatePair] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_pairs", {p.id: p for p in self.duplicates})

    def flag(self, flag_id: str) -> Flag | None:
        return next((f for f in self.flags if f.id == flag_id), None)

    def pair_for(self, flag: Flag) -> DuplicatePair | None:
        """The duplicate pair behind a duplicate flag, by its id; None for any other flag."""
        details = flag.details
        return self._pairs.get(details.pair_id) if isinstance(details, DuplicateDetails) else None
