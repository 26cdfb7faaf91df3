"""The flag-kind registry (checks/data/kinds.yaml), the decisions each kind takes, typed details
and every flag's priority."""

from __future__ import annotations

import copy
from importlib import resources

import pytest
import yaml

from checks.text.display import location
from checks import analyze, parse_article
from checks.details import DuplicateDetails, NameVariantDetails, ReusedDetails, UnattributedQuoteDetails
from checks.kinds import Decision, FlagKind, Priority, Related, decisions_for, parse_kind, registry, registry_from_mapping, spec
from checks.model import Analysis, DuplicatePair, Flag, Span
from checks.flags import by_priority
from checks.priority import STRONG_DUPLICATE, priority_of
from checks.review.verdicts import Verdict

COMMON = (Decision.ACCEPTED, Decision.DISMISSED, Decision.NEEDS_WORK)
KEEPS = (Decision.KEEP_FIRST, Decision.KEEP_SECOND, Decision.KEEP_BOTH)


def _shipped() -> dict:
    return yaml.safe_load(resources.files("checks").joinpath("data", "kinds.yaml").read_text(encoding="utf-8"))


def test_every_kind_is_declared_once_with_what_the_app_and_report_need():
    assert list(registry()) == list(FlagKind)  # declared in the enum's order, none missing, none extra
    for kind, declared in registry().items():
        assert declared.kind is kind and kind.label == declared.label
        assert declared.colour.startswith("#") and len(declared.colour) == 7
        assert declared.level in set(Priority)
    assert FlagKind.DUPLICATE.label == "duplicate passage" and FlagKind.REUSED.label == "reused from corpus"
    assert spec(FlagKind.REUSED).related is Related.SOURCE and spec(FlagKind.DUPLICATE).related is Related.REPEAT


def test_keep_decisions_apply_to_duplicates_only():
    assert decisions_for(FlagKind.DUPLICATE) == (*COMMON, *KEEPS)
    for kind in FlagKind:
        if kind is not FlagKind.DUPLICATE:
            assert decisions_for(kind) == COMMON, kind
    flag = Flag("unsourced-x", FlagKind.UNSOURCED, 0, 4, "Text", "m")
    with pytest.raises(ValueError, match="'keep first' is not a verdict for a unsourced claim"):
        Verdict.for_flag(flag, Decision.KEEP_FIRST)
    assert Verdict.for_flag(flag, Decision.ACCEPTED).decision is Decision.ACCEPTED


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["kinds"].pop("reused"), "kinds not declared: reused"),
        (lambda d: d["kinds"].__setitem__("typo", d["kinds"]["vague"]), "declared kind 'typo' is not one of"),
        (lambda d: d["kinds"]["vague"].__setitem__("level", "urgent"), "kinds.vague.level 'urgent' is not one of high"),
        (lambda d: d["kinds"]["vague"].__setitem__("colour", "red"), "kinds.vague.colour must be #rrggbb"),
        (lambda d: d["kinds"]["vague"].__setitem__("decisions", ["maybe"]), "kinds.vague.decisions: 'maybe'"),
        (lambda d: d["kinds"]["splice"].__setitem__("colour", "#000000"), "share a legend row but not a colour"),
        (lambda d: d["kinds"]["vague"].pop("label"), "kinds.vague: needs 'label'"),
        (lambda d: d["kinds"]["splice"]["messages"].__setitem__("mark", "{0} cut"), "fields must be plain names"),
    ],
)
def test_a_bad_registry_is_refused_with_the_reason(change, message):
    data = copy.deepcopy(_shipped())
    change(data)
    with pytest.raises(ValueError, match=message):
        registry_from_mapping(data)


def test_messages_come_from_the_declared_templates():
    assert spec(FlagKind.DUPLICATE).message("plain", score=91.4) == "repeats a later passage (score 91)"
    assert spec(FlagKind.REUSED).message("source", where=location("a.txt", 3, 1), score=88) == (
        "reused from a.txt:3:1 (score 88)"
    )
    with pytest.raises(KeyError):
        spec(FlagKind.SPLICE).message("nope")
    with pytest.raises(ValueError, match="unknown flag kind 'dupe' \\(known: duplicate, unsourced"):
        parse_kind("dupe")


def test_details_are_typed_per_kind():
    with pytest.raises(ValueError, match="a duplicate flag cannot carry ReusedDetails"):
        Flag("", FlagKind.DUPLICATE, 0, 1, "x", "m", details=ReusedDetails("a.txt", 1, 1, 90.0))
    text = "Budget vote\n\nThe council met on Monday to vote.\n\nThe mayor spoke. The council met on Monday to vote.\n"
    analysis = analyze(parse_article(text))
    (dup,) = [f for f in analysis.flags if f.kind is FlagKind.DUPLICATE]
    assert isinstance(dup.details, DuplicateDetails)
    assert analysis.pair_for(dup) is analysis.duplicates[0] and analysis.pair_for(dup).id == dup.details.pair_id
    assert all(analysis.pair_for(f) is None for f in analysis.flags if f is not dup)


@pytest.mark.parametrize(
    ("kind", "details", "expected"),
    [
        (FlagKind.DUPLICATE, DuplicateDetails("p", STRONG_DUPLICATE), Priority.HIGH),
        (FlagKind.DUPLICATE, DuplicateDetails("p", 97.0), Priority.HIGH),
        (FlagKind.DUPLICATE, DuplicateDetails("p", 60.0), Priority.MEDIUM),
        (FlagKind.REUSED, ReusedDetails("a.txt", 1, 1, 50.0), Priority.HIGH),
        (FlagKind.ANONYMOUS, None, Priority.HIGH),
        (FlagKind.UNSOURCED, None, Priority.MEDIUM),
        (FlagKind.NAME_VARIANT, NameVariantDetails("acronym", 1, 3), Priority.LOW),
        (FlagKind.NAME_VARIANT, NameVariantDetails("spelling", 1, 3), Priority.MEDIUM),
        (FlagKind.UNATTRIBUTED_QUOTE, UnattributedQuoteDetails(partial=True), Priority.LOW),
        (FlagKind.UNATTRIBUTED_QUOTE, UnattributedQuoteDetails(partial=False), Priority.MEDIUM),
        (FlagKind.UNBALANCED_QUOTE, None, Priority.LOW),
    ],
)
def test_priority_from_level_and_evidence(kind, details, expected):
    assert priority_of(kind, details, level=spec(kind).level) is expected
    assert Flag("", kind, 0, 1, "x", "m", details=details).priority is expected


def test_a_configured_level_moves_the_priority_with_the_evidence():
    weak = DuplicateDetails("p", 60.0)
    assert priority_of(FlagKind.DUPLICATE, weak, level=Priority.LOW) is Priority.LOW  # low stays low
    assert Flag("", FlagKind.UNSOURCED, 0, 1, "x", "m", level=Priority.HIGH).priority is Priority.HIGH
    acronym = Flag("", FlagKind.NAME_VARIANT, 0, 1, "x", "m", details=NameVariantDetails("acronym", 1, 2),
                   level=Priority.HIGH)
    assert acronym.priority is Priority.MEDIUM


def test_by_priority_leads_with_high_and_keeps_document_order_within_one():
    flags = [
        Flag("a", FlagKind.UNSOURCED, 0, 1, "a", "m"),
        Flag("b", FlagKind.ANONYMOUS, 2, 3, "b", "m"),
        Flag("c", FlagKind.UNBALANCED_QUOTE, 4, 5, "c", "m"),
        Flag("d", FlagKind.VAGUE, 6, 7, "d", "m"),
        Flag("e", FlagKind.REUSED, 8, 9, "e", "m"),
    ]
    assert [f.id for f in by_priority(flags)] == ["b", "e", "a", "d", "c"]


def test_the_seed_leads_its_text_report_with_high_priority_flags(seed_analysis):
    from checks import format_text_report

    analysis = seed_analysis
    body = [line for line in format_text_report(analysis).splitlines() if not line.startswith(" ")][:-1]
    priorities = [line.split(": ")[1] for line in body]
    assert priorities == sorted(priorities, key=lambda p: Priority(p).rank)
    assert priorities[0] == "high" and "medium" in priorities
    anonymous = [line for line in body if ": anonymous: " in line]
    assert anonymous and all(line.split(": ")[1] == "high" for line in anonymous)


def test_analysis_keeps_its_pairs_when_replaced():
    from dataclasses import replace

    a, b = Span(0, 3, "one"), Span(4, 7, "one")
    pair = DuplicatePair("dup-1", 90.0, a, b)
    flag = Flag("duplicate-x", FlagKind.DUPLICATE, 0, 3, "one", "m", (b,), details=DuplicateDetails("dup-1", 90.0))
    analysis = Analysis(parse_article("one one"), (), (pair,), (flag,))
    assert analysis.pair_for(flag) is pair
    assert replace(analysis, duplicates=()).pair_for(flag) is None


def test_the_readme_table_of_kinds_is_the_registry():
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| `") and line.count("|") == 3]
    table = {line.split("`")[1]: line.split("|")[2].strip() for line in rows if line.split("`")[1] in set(FlagKind)}
    assert table == {str(k): str(d.level) for k, d in registry().items()}
