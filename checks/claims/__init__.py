"""Check-worthiness: which sentences state a factual claim an editor would check.

``checkworthiness(text)`` scores one sentence (0-1) with its evidence as ``Cue`` spans;
``score_sentences(doc)`` scores every sentence of a document. Words, patterns and weights are YAML
data (``checks/data/checkworthy.yaml``), extendable by a newsroom file (``load_claim_lexicon``).
"""

from checks.claims.lexicon import (
    ClaimLexicon,
    Role,
    claim_lexicon_from_mapping,
    default_claim_lexicon,
    load_claim_lexicon,
)
from checks.claims.score import Checkworthiness, checkworthiness, claim_features, claim_words, score_sentences
from checks.claims.weigh import raising_cues, weigh_claims

__all__ = [
    "Checkworthiness",
    "ClaimLexicon",
    "Role",
    "checkworthiness",
    "claim_features",
    "claim_lexicon_from_mapping",
    "claim_words",
    "default_claim_lexicon",
    "load_claim_lexicon",
    "raising_cues",
    "score_sentences",
    "weigh_claims",
]
