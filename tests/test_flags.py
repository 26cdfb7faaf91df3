"""Flag ids: the normalisation behind them and the copy that carries them."""

from __future__ import annotations

import re
import sys

from checks.flags import assign_ids, normalise_for_id
from checks.details import NameVariantDetails
from checks.model import Flag, FlagKind, Priority, Span


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
    details = NameVariantDetails(variant="acronym", rare=1, common=2)
    flag = Flag("", FlagKind.NAME_VARIANT, 3, 7, "U.S.", "msg", (Span(10, 12, "US"),), 2, details, Priority.HIGH)
    (out,) = assign_ids([flag])
    assert out.id.startswith("name_variant-")
    assert (out.kind, out.start, out.end, out.text, out.message, out.related, out.sentence) == (
        flag.kind, flag.start, flag.end, flag.text, flag.message, flag.related, flag.sentence
    )
    assert out.details is details
    assert (out.level, out.priority) == (Priority.HIGH, Priority.MEDIUM)  # an acronym style: a step below its level


def test_ids_given_group_by_group_are_the_ids_given_all_at_once():
    from pathlib import Path

    from checks import analyze, parse_article
    from checks.flags import merge_assigned

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    doc = parse_article("\n\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.*"))))
    flags = analyze(doc).flags
    assert {f.kind for f in flags} >= {FlagKind.DUPLICATE, FlagKind.ANONYMOUS}
    # Repeats inside a kind, the same text under two kinds, flags at the same place: the suffixes.
    extra = [
        Flag("", FlagKind.VAGUE, 5, 9, "same", "m"),
        Flag("", FlagKind.ANONYMOUS, 5, 9, "same", "m"),
        Flag("", FlagKind.VAGUE, 1, 3, "same", "m"),
        Flag("", FlagKind.DUPLICATE, 1, 3, "same", "m"),
        Flag("", FlagKind.DUPLICATE, 0, 3, "same", "m"),
    ]
    everything = [*flags, *extra]
    duplicates = [f for f in everything if f.kind is FlagKind.DUPLICATE]
    others = [f for f in everything if f.kind is not FlagKind.DUPLICATE]
    assert merge_assigned(assign_ids(others), assign_ids(duplicates)) == assign_ids(everything)
