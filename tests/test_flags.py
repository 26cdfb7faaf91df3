"""Flag ids: the normalisation behind them and the copy that carries them."""

from __future__ import annotations

import re
import sys

from checks.flags import assign_ids, normalise_for_id
from checks.model import Flag, FlagKind, Span


def test_normalising_for_ids_is_the_regex_definition():
    """The translate table must say what ``re.sub(r"[^\\w]+", " ", ...).strip()`` says, or every id
    changes: check every code point once, and some mixed text."""
    def by_regex(text: str) -> str:
        return re.sub(r"[^\w]+", " ", text.casefold()).strip()

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for i in range(0, len(every), 5_000):
        chunk = every[i : i + 5_000]
        assert normalise_for_id(chunk) == by_regex(chunk)
    for text in ["  Straße, \u00a0“Ünïcode” — naïve_snake 3½ x²\tΣίσυφος!! ", "e\u0301t\u00e9", "", " - ", "_"]:
        assert normalise_for_id(text) == by_regex(text)


def test_assign_ids_copies_every_field():
    details = {"variant": "acronym"}
    flag = Flag("", FlagKind.NAME_VARIANT, 3, 7, "U.S.", "msg", (Span(10, 12, "US"),), 2, details)
    (out,) = assign_ids([flag])
    assert out.id.startswith("name_variant-")
    assert (out.kind, out.start, out.end, out.text, out.message, out.related, out.sentence) == (
        flag.kind, flag.start, flag.end, flag.text, flag.message, flag.related, flag.sentence
    )
    assert out.details is details
