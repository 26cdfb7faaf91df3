"""Check-worthiness of a sentence: a 0-1 score and the cue spans behind it.

Each role of the lexicon (``checks/data/checkworthy.yaml``) is a yes/no feature: the sentence holds
at least one cue of it. The score is a logistic combination of those features and the sentence's
length, with the weights of the lexicon:

    score = 1 / (1 + exp(-(bias + length_weight * min(words, words_cap) / 10
                           + sum of the weights of the roles present + sum of the weights of the words present)))

Roles that raise the score: ``figure``, ``comparison``, ``superlative``, ``date``, ``named_claim``,
``causal``, ``quoted_claim``, ``past_event``; roles that lower it: ``opinion``, ``prediction``,
``question``, ``social``, ``procedure``, ``heading``. On top, a table of single words with their own
weights (fitted on ClaimBuster, restricted to words common in news too) adds the weight of each
distinct word present; the weightier ones show as cues ``claim_word`` (raises) or ``chatter_word``
(lowers). A cue's offsets are absolute (``offset`` plus the place in ``text``), so the cues of a
document's sentence point into the document text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from checks.claims.lexicon import ClaimLexicon, Role, default_claim_lexicon
from checks.claims.match import Tokens, tokens
from checks.model import Cue, Document

__all__ = ["Checkworthiness", "checkworthiness", "claim_features", "claim_words", "score_sentences"]

_QUOTE = re.compile(r'"([^"\n]+)"|\u201c([^\u201c\u201d\n]+)\u201d|\u2018([^\u2018\u2019\n]+)\u2019(?!\w)')
_CLOSED = re.compile(r"""[.!?:;\u2026]["'\u201d\u2019)]*\s*$""")
_QUESTION = re.compile(r"\?[\"'\u201d\u2019)]*\s*$")


@dataclass(frozen=True, slots=True)
class Checkworthiness:
    """How much a sentence reads as a factual claim worth checking (0-1), and why."""

    score: float
    cues: tuple[Cue, ...] = ()

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"score {self.score} is not between 0 and 1")


def _coded_cues(role: Role, text: str, toks: Tokens, offset: int, lexicon: ClaimLexicon) -> list[Cue]:
    """Cues of a role found by its regex ``pattern`` or by code."""
    name = role.name
    if role.pattern is not None:
        return [Cue(offset + m.start(), offset + m.end(), m.group(), name) for m in role.pattern.finditer(text)]
    if name == "named_claim":
        return lexicon.matcher().named_claims(toks, text, offset)
    if name == "quoted_claim":
        if '"' not in text and "\u201c" not in text and "\u2018" not in text:
            return []
        least = role.settings.get("min_words", 4)
        quotes = (m for m in _QUOTE.finditer(text) if len(tokens(m.group()).keys) >= least)
        return [Cue(offset + m.start(), offset + m.end(), m.group(), name) for m in quotes]
    if name == "question":
        tail = max(0, len(text) - 8)
        m = _QUESTION.search(text, tail) if "?" in text[tail:] else None
        return [Cue(offset + m.start(), offset + m.start() + 1, "?", name)] if m else []
    if name == "heading" and 0 < len(toks.keys) <= role.settings.get("max_words", 12) and not _CLOSED.search(text):
        start, end = toks.spans[0][0], len(text.rstrip())
        return [Cue(offset + start, offset + end, text[start:end], name)]
    return []


def claim_words(text: str) -> frozenset[str]:
    """The lower-cased words of ``text`` that the ``words`` table is keyed by ("don't" is one word)."""
    return frozenset(tokens(text).keys)


def _evidence(text: str, offset: int, lexicon: ClaimLexicon) -> tuple[int, float, list[Cue]]:
    """(words, summed word weights, cues sorted by place)."""
    toks = tokens(text)
    word_weight, cues = lexicon.matcher().word_cues(toks, text, offset)
    for role in lexicon.matcher().coded_roles:
        cues += _coded_cues(role, text, toks, offset, lexicon)
    unique = sorted(set(cues), key=lambda c: (c.start, c.end, c.role))  # a term may also match an ending
    return len(toks.keys), word_weight, unique


def _combine(words: int, word_weight: float, cues: list[Cue], lexicon: ClaimLexicon) -> float:
    present = {c.role for c in cues}
    z = lexicon.bias + lexicon.length_weight * min(words, lexicon.words_cap) / 10 + word_weight
    z += sum(r.weight for r in lexicon.roles if r.name in present)
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def claim_features(text: str, *, lexicon: ClaimLexicon | None = None) -> dict[str, float]:
    """The score's inputs but the word table: ``length`` (min(words, words_cap) / 10) and each
    role, 1.0 or 0.0. With ``claim_words`` it is what ``benchmarks/train_checkworthy.py`` fits the
    weights on, so training and scoring agree.
    """
    lexicon = lexicon or default_claim_lexicon()
    words, _, cues = _evidence(text, 0, lexicon)
    present = {c.role for c in cues}
    out = {"length": min(words, lexicon.words_cap) / 10}
    out.update({r.name: float(r.name in present) for r in lexicon.roles})
    return out


def checkworthiness(text: str, *, offset: int = 0, lexicon: ClaimLexicon | None = None) -> Checkworthiness:
    """Score one sentence; cue offsets are ``offset`` plus their place in ``text``."""
    lexicon = lexicon or default_claim_lexicon()
    words, word_weight, cues = _evidence(text, offset, lexicon)
    return Checkworthiness(_combine(words, word_weight, cues, lexicon), tuple(cues))


def score_sentences(doc: Document, *, lexicon: ClaimLexicon | None = None) -> tuple[Checkworthiness, ...]:
    """One ``Checkworthiness`` per sentence of ``doc``, in order, cues pointing into ``doc.text``."""
    lexicon = lexicon or default_claim_lexicon()
    return tuple(checkworthiness(s.text, offset=s.start, lexicon=lexicon) for s in doc.sentences)
