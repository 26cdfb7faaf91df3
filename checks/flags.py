"""Turn grades and duplicate pairs into flags with ids that survive edits elsewhere in the text."""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Iterable, Sequence
from dataclasses import fields
from operator import attrgetter

from checks.details import DuplicateDetails, UnsourcedDetails
from checks.kinds import spec
from checks.model import DuplicatePair, Document, Flag, FlagKind, SentenceGrade, Sourcing, Span

__all__ = [
    "assign_ids",
    "by_priority",
    "flag_id",
    "flags_from_duplicates",
    "flags_from_grades",
    "merge_assigned",
    "normalise_for_id",
    "one_flag_per_paragraph",
]

# A sourcing grade that is also the name of a flag kind (unsourced, anonymous, vague, second-hand,
# opinion) raises a flag of that kind; named and none raise none.
_GRADE_KINDS = {grade: FlagKind(grade.value) for grade in Sourcing if grade.value in set(FlagKind)}


class _NonWordToSpace(dict[int, int | str]):
    """A ``str.translate`` table sending every non-word character (not ``\\w``: neither
    alphanumeric nor ``_``, which is how ``re`` reads it) to a space, filled in as characters are met."""

    def __missing__(self, code: int) -> int | str:
        char = chr(code)
        self[code] = value = code if char.isalnum() or char == "_" else " "
        return value


_NON_WORD_TO_SPACE = _NonWordToSpace()
# Every field of a flag after its id, in order: Flag(new_id, *_AFTER_ID(flag)) copies a flag with
# another id for a third of the cost of dataclasses.replace (46,000 flags in a long document).
_FIELDS = [f.name for f in fields(Flag) if f.init]
if _FIELDS[0] != "id":
    raise ImportError("checks.flags expects id to be the first field of Flag")
_AFTER_ID = attrgetter(*_FIELDS[1:])


def normalise_for_id(text: str) -> str:
    """Case, punctuation and spacing do not change a flag's id."""
    # Same as re.sub(r"[^\w]+", " ", ...).strip(), where the regex took two thirds of the time
    # of hashing every flag: no word character is white space, so split() finds the same runs.
    return " ".join(text.casefold().translate(_NON_WORD_TO_SPACE).split())


def flag_id(kind: FlagKind | str, text: str) -> str:
    digest = hashlib.sha1(f"{kind}\x00{normalise_for_id(text)}".encode()).hexdigest()[:12]
    return f"{kind}-{digest}"


def flags_from_grades(doc: Document, grades: Iterable[SentenceGrade]) -> list[Flag]:
    flags = []
    for grade in grades:
        kind = _GRADE_KINDS.get(grade.sourcing)
        if kind is None:
            continue
        s = doc.sentences[grade.sentence]
        related = tuple(Span(c.start, c.end, c.text) for c in grade.cues)
        flags.append(
            Flag(
                id="",
                kind=kind,
                start=s.start,
                end=s.end,
                text=s.text,
                message=grade.reason or kind.label,
                related=related,
                sentence=s.index,
                details=_grade_details(kind, grade),
            )
        )
    return flags


def _grade_details(kind: FlagKind, grade: SentenceGrade) -> UnsourcedDetails | None:
    if kind is FlagKind.UNSOURCED and grade.checkworthy is not None:
        return UnsourcedDetails(checkworthy=grade.checkworthy, sentences=(grade.sentence,))
    return None


def one_flag_per_paragraph(doc: Document, flags: Sequence[Flag]) -> list[Flag]:
    """``flags`` with the ``unsourced`` flags of one paragraph joined into one, spanning its claims:
    a paragraph that names no source is one thing to fix (and one verdict), however many claims
    it makes. The joined flag lists every claim's evidence and scores as its strongest."""
    by_paragraph: dict[int, list[Flag]] = {}
    out: list[Flag] = []
    for f in flags:
        if f.kind is FlagKind.UNSOURCED and f.sentence is not None:
            by_paragraph.setdefault(doc.sentences[f.sentence].paragraph, []).append(f)
        else:
            out.append(f)
    for group in by_paragraph.values():
        out.append(group[0] if len(group) == 1 else _joined(doc, group))
    return out


def _joined(doc: Document, group: list[Flag]) -> Flag:
    start, end = group[0].start, group[-1].end
    scores = [f.details.checkworthy for f in group if isinstance(f.details, UnsourcedDetails)]
    sentences = tuple(f.sentence for f in group if f.sentence is not None)
    strongest = max(group, key=lambda f: f.details.checkworthy if isinstance(f.details, UnsourcedDetails) else 0.0)
    message = f"{len(group)} check-worthy claims in this paragraph, none with a source; strongest: {strongest.message}"
    return Flag(
        id="",
        kind=FlagKind.UNSOURCED,
        start=start,
        end=end,
        text=doc.text[start:end],
        message=message,
        related=tuple(r for f in group for r in f.related),
        sentence=group[0].sentence,
        details=UnsourcedDetails(checkworthy=max(scores, default=0.0), sentences=sentences),
    )


def flags_from_duplicates(pairs: Iterable[DuplicatePair]) -> list[Flag]:
    flags = []
    for pair in pairs:
        shared = ", ".join(f'"{p}"' for p in pair.shared[:3])
        template = "shared" if shared else "plain"
        message = spec(FlagKind.DUPLICATE).message(template, score=pair.score, shared=shared)
        flags.append(
            Flag(
                id="",
                kind=FlagKind.DUPLICATE,
                start=pair.a.start,
                end=pair.a.end,
                text=pair.a.text,
                message=message,
                related=(pair.b,),
                sentence=pair.sentences_a[0] if pair.sentences_a else None,
                details=DuplicateDetails(pair_id=pair.id, score=pair.score, shared=pair.shared),
            )
        )
    return flags


def _document_order(flag: Flag) -> tuple[int, int, str]:
    return flag.start, flag.end, str(flag.kind)


def assign_ids(flags: Iterable[Flag]) -> tuple[Flag, ...]:
    """Give each flag its stable id, in document order; a repeated (kind, text) gets a -2, -3 suffix."""
    ordered = sorted(flags, key=_document_order)
    seen: dict[str, int] = {}
    out = []
    for f in ordered:
        key_text = f.text + "".join("\x00" + r.text for r in f.related) if f.kind is FlagKind.DUPLICATE else f.text
        base = flag_id(f.kind, key_text)
        n = seen[base] = seen.get(base, 0) + 1
        out.append(Flag(base if n == 1 else f"{base}-{n}", *_AFTER_ID(f)))
    return tuple(out)


def merge_assigned(*groups: tuple[Flag, ...]) -> tuple[Flag, ...]:
    """``assign_ids`` of several groups of flags, no kind in two groups, as one ``assign_ids`` of
    them all would give: an id's suffix counts only flags of its own kind, so one group can get its
    ids while another is still being found (a long document's duplicates)."""
    return tuple(heapq.merge(*groups, key=_document_order))


def by_priority(flags: Iterable[Flag]) -> list[Flag]:
    """Highest priority first; a stable sort, so flags given in document order stay so within one."""
    return sorted(flags, key=lambda f: f.priority.rank)
