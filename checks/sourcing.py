"""Grade how each sentence is sourced. (First cut: one rule per grade; refined in the engine issue.)"""

from __future__ import annotations

from .lexicon import Lexicon, default_lexicon
from .model import Cue, Document, SentenceGrade, Sourcing

__all__ = ["grade_sentences"]

_ORDER = (
    ("outlets", Sourcing.SECONDHAND, "outlet"),
    ("anonymity_markers", Sourcing.ANONYMOUS, "anonymity"),
    ("vague_markers", Sourcing.VAGUE, "vague"),
    ("speech_verbs", Sourcing.NAMED, "speech_verb"),
    ("opinion_markers", Sourcing.OPINION, "opinion"),
)


def grade_sentences(doc: Document, *, lexicon: Lexicon | None = None) -> tuple[SentenceGrade, ...]:
    lex = lexicon or default_lexicon()
    grades = []
    for s in doc.sentences:
        grade = SentenceGrade(s.index, Sourcing.UNSOURCED, (), "a factual claim with no attribution")
        if s.text.rstrip().endswith("?"):
            grade = SentenceGrade(s.index, Sourcing.NONE, (), "a question, not a claim")
        for category, sourcing, role in _ORDER:
            m = lex.pattern(category).search(s.text)
            if m:
                cue = Cue(s.start + m.start(), s.start + m.end(), m.group(0), role)
                grade = SentenceGrade(s.index, sourcing, (cue,), f"{role.replace('_', ' ')}: {m.group(0)!r}")
                break
        grades.append(grade)
    return tuple(grades)
