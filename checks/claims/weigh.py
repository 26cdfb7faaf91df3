"""Weigh every graded sentence as a claim: an unattributed sentence is flagged only when it is
check-worthy; below ``min_checkworthy`` it is ``background``, shown quietly and counted, not flagged.

An editor reading 25 flags on a 23-sentence article stops reading them: most were scene-setting
("The move is part of a wider effort ...") flagged for having no source. The score says which
sentences state something checkable (a figure, a dated event, a named party doing something).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from checks.claims.lexicon import ClaimLexicon, default_claim_lexicon
from checks.claims.score import checkworthiness
from checks.model import Cue, Document, Sentence, SentenceGrade, Sourcing
from checks.text.display import one_line, truncate

__all__ = ["raising_cues", "weigh_claims"]

_EVIDENCE_SHOWN = 3  # cues named in an unsourced flag's message
_SOURCE_ROLES = frozenset({"source", "anonymity", "vague", "weasel", "outlet"})


def weigh_claims(
    doc: Document,
    grades: Sequence[SentenceGrade],
    *,
    lexicon: ClaimLexicon | None = None,
    min_checkworthy: float | None = None,
) -> tuple[SentenceGrade, ...]:
    """``grades`` with each sentence's check-worthiness; ``unsourced`` below the threshold (the
    lexicon's ``min_checkworthy`` unless given) becomes ``background``. An ``unsourced`` grade kept
    takes the evidence that raised its score as cues, so its flag shows what to check."""
    lexicon = lexicon or default_claim_lexicon()
    threshold = lexicon.min_checkworthy if min_checkworthy is None else min_checkworthy
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"min_checkworthy {threshold} is not between 0 and 1")
    out = _weighed(doc, grades, lexicon, threshold)
    return _paragraph_sources(doc, out) if lexicon.paragraph_sources else out


def _weighed(
    doc: Document, grades: Sequence[SentenceGrade], lexicon: ClaimLexicon, threshold: float
) -> tuple[SentenceGrade, ...]:
    sentences = doc.sentences
    out = []
    for grade in grades:
        s = sentences[grade.sentence]
        weighed = checkworthiness(s.text, offset=s.start, lexicon=lexicon)
        score = round(weighed.score, 3)
        if grade.sourcing is not Sourcing.UNSOURCED:
            out.append(replace(grade, checkworthy=score, claim_cues=weighed.cues))
        elif score < threshold:
            reason = f"background: no source, and no check-worthy claim (check-worthiness {score:.2f})"
            out.append(replace(grade, sourcing=Sourcing.BACKGROUND, reason=reason,
                               checkworthy=score, claim_cues=weighed.cues))
        else:
            evidence = raising_cues(weighed.cues, lexicon)
            out.append(replace(grade, cues=_merged(grade.cues, evidence), reason=_claim_reason(grade.reason, score, evidence),
                               checkworthy=score, claim_cues=weighed.cues))
    return tuple(out)


def _paragraph_sources(doc: Document, grades: tuple[SentenceGrade, ...]) -> tuple[SentenceGrade, ...]:
    """An ``unsourced`` claim in a paragraph that attributes another of its sentences becomes
    ``context``: news copy names a paragraph's source once, and the editor checks that attribution
    (flagged itself when anonymous, vague or second-hand), not each sentence it covers."""
    sentences = doc.sentences
    sources: dict[int, int] = {}  # paragraph -> the first attributed sentence in it
    for grade in grades:
        if grade.sourcing.attributed:
            sources.setdefault(sentences[grade.sentence].paragraph, grade.sentence)
    if not sources:
        return grades
    out = list(grades)
    for i, grade in enumerate(grades):
        source = sources.get(sentences[grade.sentence].paragraph)
        if grade.sourcing is Sourcing.UNSOURCED and source is not None:
            out[i] = replace(grade, sourcing=Sourcing.CONTEXT, reason=_context_reason(grades, sentences, source))
    return tuple(out)


def _context_reason(grades: Sequence[SentenceGrade], sentences: Sequence[Sentence], source: int) -> str:
    by_index = next((g for g in grades if g.sentence == source), None)
    cue = next((c for c in by_index.cues if c.role in _SOURCE_ROLES), None) if by_index is not None else None
    who = f" ({' '.join(cue.text.split())!r})" if cue is not None else ""
    return f"no source of its own; its paragraph names one{who}: {truncate(one_line(sentences[source].text), 70)}"


def raising_cues(cues: Sequence[Cue], lexicon: ClaimLexicon) -> tuple[Cue, ...]:
    """The cues of roles that make a sentence more check-worthy (a figure, a date, a named party
    acting ...). Single weighty words (``claim_word``) count in the score but are left out here:
    "over" or "against" underlined as evidence tells an editor nothing."""
    out = []
    for cue in cues:
        role = lexicon.role(cue.role)
        if role is not None and role.weight > 0:
            out.append(cue)
    return tuple(out)


def _merged(cues: tuple[Cue, ...], evidence: tuple[Cue, ...]) -> tuple[Cue, ...]:
    return tuple(sorted(set(cues) | set(evidence), key=lambda c: (c.start, c.end, c.role)))


def _claim_reason(reason: str, score: float, evidence: tuple[Cue, ...]) -> str:
    """'a factual claim with no attribution' + why it is worth checking."""
    shown = ", ".join(f"{e.role.replace('_', ' ')} {' '.join(e.text.split())!r}" for e in evidence[:_EVIDENCE_SHOWN])
    return f"{reason}; check-worthy ({score:.2f}{': ' + shown if shown else ''})"
