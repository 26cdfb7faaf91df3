"""One lexicon compiled into the patterns the attribution rules use (``AttributionRules``), once per
lexicon: speech verbs, anonymity markers, unnamed heads, outlets, publications, beliefs, no-comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checks.sourcing.lexicon import Lexicon, phrase_alternation
from checks.model import Sourcing

__all__ = ["AttributionRules", "may_match", "rules_for"]


@dataclass(frozen=True, slots=True)
class AttributionRules:
    """Compiled patterns of one lexicon (built once per lexicon, see ``rules_for``)."""

    speech: re.Pattern[str]
    anonymity: re.Pattern[str]
    anonymous_heads: re.Pattern[str]
    vague_markers: re.Pattern[str]
    vague_sources: re.Pattern[str]
    outlets: re.Pattern[str]
    pronouns: re.Pattern[str]
    publication: re.Pattern[str]
    publication_nouns: frozenset[str]
    needs_complement: frozenset[str]
    needs_clause: frozenset[str]  # "ruled that", "agree she could": a finding only with its clause
    not_speech: re.Pattern[str]
    outlet_words: frozenset[str]
    noun_like: frozenset[str]
    gates: dict[str, frozenset[str]]  # category -> first words (see Lexicon.key_words)
    vague_belief: re.Pattern[str]
    anonymous_belief: re.Pattern[str]
    official_things: frozenset[str]  # nouns after which "official", "source" are adjectives
    outlet_voices: re.Pattern[str]  # "columnist", "host": an outlet's person speaking for themselves
    institutions: frozenset[str]  # "police said": an institution speaking without an article
    no_comment: re.Pattern[str]  # "declined to comment", "did not respond to a request for comment"
    group_adjectives: frozenset[str]  # "Republican", "GOP": capitalised, yet no name
    # classify_speaker's answers for these rules, phrase -> answer: speakers repeat
    classified: dict[str, tuple[Sourcing | None, str, bool]] = field(default_factory=dict, compare=False, repr=False)


_RULES: dict[int, tuple[Lexicon, AttributionRules]] = {}


def rules_for(lexicon: Lexicon) -> AttributionRules:
    """The lexicon's patterns, compiled on first use (keyed by identity: lexicons are immutable)."""
    cached = _RULES.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        if len(_RULES) > 32:
            _RULES.clear()
        cached = (lexicon, _compile(lexicon))
        _RULES[id(lexicon)] = cached
    return cached[1]


_NO_ANSWER_VERBS = [v + e for v in ("respond", "return", "answer") for e in ("", "ed", "s")]
_NO_ANSWER_VERBS += ["reply", "replied", "replies"]
_GATED = ("speech_verbs", "anonymity_markers", "vague_markers", "publication_nouns", "vague_groups", "not_speech",
          "anonymous_heads")


def may_match(rules: AttributionRules, category: str, words: frozenset[str]) -> bool:
    return not rules.gates[category].isdisjoint(words)


def _compile(lexicon: Lexicon) -> AttributionRules:
    def alternation(category: str) -> str:
        return phrase_alternation(lexicon.terms(category))

    publication = re.compile(
        rf"(?<![\w-])(?:{alternation('publication_nouns')})(?:\s+[\w’'.,/-]+){{0,10}}?"
        rf"\s+(?:\w+ly\s+|also\s+|have\s+|has\s+|had\s+)?(?:{alternation('publication_verbs')})(?![\w-])",
        re.IGNORECASE,
    )
    # "Some U.S. officials were deeply skeptical": a quantified group holding a view, no speech verb.
    vague_belief = re.compile(
        rf"(?<![\w-])(?:{alternation('vague_groups')})(?:\s+[\w.’'-]+){{0,5}}?\s+(?:\w+ly\s+)?"
        rf"(?<!\sa\s)(?<!\sthe\s)(?:{alternation('belief_verbs')})(?![\w-])",  # "others a say": a noun
        re.IGNORECASE,
    )
    # "His advisers believe", "Gulf sources believe": unnamed people holding a view. Plural heads
    # only: "the source of the fear" is no speaker.
    plural_heads = [t for t in lexicon.terms("anonymous_heads") if t.endswith("s") or " " in t]
    anonymous_belief = re.compile(
        rf"(?<![\w-])(?:{phrase_alternation(plural_heads)})(?:\s+[\w.’'-]+){{0,5}}?\s+(?:\w+ly\s+)?"
        rf"(?<!\sa\s)(?<!\sthe\s)(?:{alternation('belief_verbs')})(?![\w-])",  # "a say" is a noun
        re.IGNORECASE,
    )
    no_comment = re.compile(
        rf"(?:(?<![\w-])(?:{alternation('no_comment')})"
        rf"|(?:\bnot|n[’']t|\bnever)\s+(?:\w+ly\s+)?(?:(?:respond|return|answer)(?:ed|s)?|repl(?:y|ied|ies))"
        rf"(?:\s+[\w’'-]+){{0,5}}?\s+(?:{alternation('no_answer_objects')}))(?![\w-])",
        re.IGNORECASE,
    )
    return AttributionRules(
        speech=lexicon.pattern("speech_verbs"),
        anonymity=lexicon.pattern("anonymity_markers"),
        anonymous_heads=lexicon.pattern("anonymous_heads"),
        vague_markers=lexicon.pattern("vague_markers"),
        vague_sources=lexicon.pattern("vague_sources"),
        outlets=lexicon.pattern_with_capitals("outlets", "outlets_by_capitals"),
        pronouns=re.compile(rf"^(?:{alternation('speaker_pronouns')})$", re.IGNORECASE),
        publication=publication,
        publication_nouns=frozenset(lexicon.terms("publication_nouns")),
        needs_complement=frozenset(lexicon.terms("speech_verbs_with_complement")),
        needs_clause=frozenset(lexicon.terms("finding_verbs")),
        not_speech=lexicon.pattern("not_speech"),
        outlet_words=frozenset(lexicon.terms("outlet_words")),
        noun_like=frozenset(lexicon.terms("noun_like_speech")),
        gates={c: lexicon.key_words(c) for c in _GATED}
        | {"no_comment": lexicon.key_words("no_comment") | frozenset(_NO_ANSWER_VERBS)},
        vague_belief=vague_belief,
        anonymous_belief=anonymous_belief,
        official_things=frozenset(lexicon.terms("official_things")) | frozenset(lexicon.terms("publication_nouns")),
        no_comment=no_comment,
        outlet_voices=lexicon.pattern("outlet_voices"),
        institutions=frozenset(lexicon.terms("institutions")),
        group_adjectives=frozenset(lexicon.terms("group_adjectives")),
    )
