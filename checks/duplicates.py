"""Near-duplicate passages inside one document. (First cut: sentence pairs by fuzz.ratio.)"""

from __future__ import annotations

import hashlib

from rapidfuzz import fuzz

from .model import DuplicatePair, Document, Span

__all__ = ["find_duplicates"]


def find_duplicates(doc: Document, *, min_score: float = 85.0) -> tuple[DuplicatePair, ...]:
    pairs = []
    sents = doc.sentences
    for i, a in enumerate(sents):
        for b in sents[i + 1 :]:
            score = fuzz.ratio(a.text.lower(), b.text.lower(), score_cutoff=min_score)
            if score:
                key = hashlib.sha1(f"{a.text}\x00{b.text}".encode()).hexdigest()[:12]
                pairs.append(
                    DuplicatePair(
                        id=f"dup-{key}",
                        score=round(score, 1),
                        a=Span(a.start, a.end, a.text),
                        b=Span(b.start, b.end, b.text),
                        sentences_a=(a.index,),
                        sentences_b=(b.index,),
                    )
                )
    return tuple(pairs)
