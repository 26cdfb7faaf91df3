"""A source named once covers its paragraph, and a paragraph that names none is one flag however
many claims it makes (issue 14: flags an editor acts on)."""

from __future__ import annotations

import json

import pytest

from checks import FlagKind, Sourcing, analyze, parse_article
from checks.claims.lexicon import claim_lexicon_from_mapping, default_claim_lexicon
from checks.details import UnsourcedDetails
from checks.files import DataFileError
from sourcecheck import cli

CLAIM = "Sales rose 5% to £3.2bn in the year to March, the biggest rise since 2009."
SOURCED = "The figures were published on Tuesday by the Office for National Statistics, its chief economist Jane Doe said."
SECOND = "Exports to China doubled to 120,000 tonnes in 2023, after tariffs were cut by 40%."
NAMED_ELSEWHERE = f"{CLAIM} {SOURCED}\n\n{SECOND}\n"


def test_a_claim_in_a_paragraph_that_names_its_source_is_context_not_a_flag():
    analysis = analyze(parse_article(f"{CLAIM} {SOURCED}\n"))
    claim, source = analysis.grades
    assert source.sourcing is Sourcing.NAMED
    assert claim.sourcing is Sourcing.CONTEXT and claim.checkworthy >= default_claim_lexicon().min_checkworthy
    assert "its paragraph names one" in claim.reason and "Jane Doe" in claim.reason
    assert not any(f.kind is FlagKind.UNSOURCED for f in analysis.flags)


def test_a_source_in_another_paragraph_covers_nothing_here():
    analysis = analyze(parse_article(NAMED_ELSEWHERE))
    assert [g.sourcing for g in analysis.grades] == [Sourcing.CONTEXT, Sourcing.NAMED, Sourcing.UNSOURCED]
    (flag,) = [f for f in analysis.flags if f.kind is FlagKind.UNSOURCED]
    assert flag.sentence == 2


def test_an_anonymous_source_covers_its_paragraph_and_is_flagged_itself():
    text = f"{CLAIM} A senior official, who asked not to be named, said the figures were accurate.\n"
    analysis = analyze(parse_article(text))
    assert [g.sourcing for g in analysis.grades] == [Sourcing.CONTEXT, Sourcing.ANONYMOUS]
    assert [f.kind for f in analysis.flags] == [FlagKind.ANONYMOUS]


def test_an_opinion_does_not_source_its_paragraph():
    text = f"{CLAIM} It is likely that the rise will not last.\n"
    grades = analyze(parse_article(text)).grades
    assert grades[1].sourcing is Sourcing.OPINION and grades[0].sourcing is Sourcing.UNSOURCED


def test_a_newsroom_can_require_a_source_in_every_sentence(tmp_path):
    strict = claim_lexicon_from_mapping({"paragraph_sources": False}, source="strict.yaml", base=default_claim_lexicon())
    grades = analyze(parse_article(f"{CLAIM} {SOURCED}\n"), claims=strict).grades
    assert grades[0].sourcing is Sourcing.UNSOURCED
    with pytest.raises(DataFileError, match="paragraph_sources must be true or false"):
        claim_lexicon_from_mapping({"paragraph_sources": "no"}, source="bad.yaml", base=default_claim_lexicon())


def test_a_paragraph_of_unsourced_claims_is_one_flag_listing_each():
    analysis = analyze(parse_article(f"{CLAIM} {SECOND}\n\n{SECOND.replace('China', 'India')}\n"))
    assert [g.sourcing for g in analysis.grades] == [Sourcing.UNSOURCED] * 3
    first, second = [f for f in analysis.flags if f.kind is FlagKind.UNSOURCED]
    assert isinstance(first.details, UnsourcedDetails) and first.details.sentences == (0, 1)
    assert first.text == f"{CLAIM} {SECOND}" and first.message.startswith("2 check-worthy claims in this paragraph")
    assert {"5%", "120,000"} <= {r.text for r in first.related}, "every claim's evidence is shown"
    assert first.details.checkworthy == max(g.checkworthy for g in analysis.grades[:2])
    assert isinstance(second.details, UnsourcedDetails) and second.details.sentences == (2,)


def test_scan_counts_what_it_left_unflagged(tmp_path, capsys):
    path = tmp_path / "story.txt"
    path.write_text(f"The move is part of a wider effort to change how the service is run.\n\n{CLAIM} {SOURCED}\n")
    assert cli.main(["scan", str(path)]) == 0
    assert "(1 background, 1 sourced in their paragraph, not flagged)" in capsys.readouterr().out
    cli.main(["scan", str(path), "--format", "json"])
    sourcing = [s["sourcing"] for s in json.loads(capsys.readouterr().out)["sentences"]]
    assert sourcing == ["background", "context", "named"]
    path.write_text(f"{CLAIM} {SECOND}\n")
    cli.main(["scan", str(path), "--format", "json"])
    (flag,) = json.loads(capsys.readouterr().out)["flags"]
    assert flag["kind"] == "unsourced" and flag["sentences"] == [0, 1]


def test_the_report_counts_claims_sourced_in_their_paragraph():
    from checks.review.checklist import default_checklist
    from checks.review.report import render_report

    report = render_report(analyze(parse_article(f"{CLAIM} {SOURCED}\n")), None, checklist=default_checklist())
    assert "**Sourced in their paragraph:** 1 check-worthy sentence with no source of its own" in report
