"""The whole pipeline in one walk: document -> grades, duplicates, other flags -> flags."""

from __future__ import annotations

from .duplicates import find_duplicates
from .flags import assign_ids, flags_from_duplicates, flags_from_grades
from .lexicon import Lexicon, default_lexicon
from .model import Analysis, Document
from .sourcing import grade_sentences
from .text_flags import find_text_flags

__all__ = ["analyze"]


def analyze(doc: Document, *, lexicon: Lexicon | None = None) -> Analysis:
    lex = lexicon or default_lexicon()
    grades = grade_sentences(doc, lexicon=lex)
    duplicates = find_duplicates(doc)
    flags = [
        *flags_from_grades(doc, grades),
        *flags_from_duplicates(duplicates),
        *find_text_flags(doc, grades, lexicon=lex),
    ]
    return Analysis(document=doc, grades=grades, duplicates=duplicates, flags=assign_ids(flags))
