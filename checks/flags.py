"""Turn grades and duplicate pairs into flags with ids that survive edits elsewhere in the text."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from .model import DuplicatePair, Document, Flag, FlagKind, SentenceGrade, Sourcing, Span

__all__ = ["flag_id", "normalise_for_id", "flags_from_grades", "flags_from_duplicates", "assign_ids"]

_GRADE_KINDS = {
    Sourcing.UNSOURCED: FlagKind.UNSOURCED,
    Sourcing.ANONYMOUS: FlagKind.ANONYMOUS,
    Sourcing.VAGUE: FlagKind.VAGUE,
    Sourcing.SECONDHAND: FlagKind.SECONDHAND,
    Sourcing.OPINION: FlagKind.OPINION,
}
_NON_WORD = re.compile(r"[^\w]+")


def normalise_for_id(text: str) -> str:
    """Case, punctuation and spacing do not change a flag's id."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


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
            )
        )
    return flags


def flags_from_duplicates(pairs: Iterable[DuplicatePair]) -> list[Flag]:
    flags = []
    for pair in pairs:
        shared = ", ".join(f'"{p}"' for p in pair.shared[:3])
        message = f"repeats a later passage (score {pair.score:.0f})" + (f"; shares {shared}" if shared else "")
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
                details={"pair": pair.id, "score": pair.score, "shared": list(pair.shared)},
            )
        )
    return flags


def assign_ids(flags: Iterable[Flag]) -> tuple[Flag, ...]:
    """Give each flag its stable id, in document order; a repeated (kind, text) gets a -2, -3 suffix."""
    ordered = sorted(flags, key=lambda f: (f.start, f.end, str(f.kind)))
    seen: Counter[str] = Counter()
    out = []
    for f in ordered:
        key_text = f.text + "".join("\x00" + r.text for r in f.related) if f.kind is FlagKind.DUPLICATE else f.text
        base = flag_id(f.kind, key_text)
        seen[base] += 1
        out.append(replace(f, id=base if seen[base] == 1 else f"{base}-{seen[base]}"))
    return tuple(out)
