"""Flags about the text itself: splice marks, quotation marks, name variants. (First cut.)"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lexicon import Lexicon
from .model import Document, Flag, FlagKind, SentenceGrade

__all__ = ["find_text_flags"]

_SPLICE = re.compile(r"\[\s*(?:\.\s*){3}\]|\[…\]|\(\s*(?:\.\s*){3}\)")


def find_text_flags(
    doc: Document, grades: Sequence[SentenceGrade], *, lexicon: Lexicon | None = None
) -> list[Flag]:
    flags = []
    for m in _SPLICE.finditer(doc.text):
        flags.append(
            Flag("", FlagKind.SPLICE, m.start(), m.end(), m.group(0),
                 "splice mark: text was cut here; check the quote against the original")
        )
    return flags
