"""Unsourced only for check-worthy claims: an unattributed sentence that states nothing checkable is
background, shown quietly and counted, never flagged (issue 14)."""

from __future__ import annotations

import json

import pytest

from checks import FlagKind, Sourcing, analyze, parse_article
from checks.claims import weigh_claims
from checks.claims.lexicon import default_claim_lexicon
from checks.review.report import render_report
from checks.review.checklist import default_checklist
from sourcecheck import cli

BACKGROUND = "The move is part of a wider effort to change how the service is run across the region."
CLAIM = "Unemployment fell to 4.2% in March, the lowest rate since 1975, after 30,000 jobs were added."
ARTICLE = f"{BACKGROUND}\n\n{CLAIM}\n"


def _grades(text: str = ARTICLE, **options):
    return analyze(parse_article(text), **options)


def test_a_sentence_with_nothing_checkable_is_background_and_not_flagged():
    analysis = _grades()
    first, second = analysis.grades
    assert first.sourcing is Sourcing.BACKGROUND and first.checkworthy < default_claim_lexicon().min_checkworthy
    assert "background" in first.reason
    assert second.sourcing is Sourcing.UNSOURCED and second.checkworthy > 0.9
    assert [f.kind for f in analysis.flags] == [FlagKind.UNSOURCED]
    assert analysis.flags[0].sentence == 1


def test_an_unsourced_flag_shows_what_makes_the_claim_checkable():
    analysis = _grades()
    flag = analysis.flags[0]
    roles = {r.text for r in flag.related}
    assert "4.2%" in roles  # the figure is evidence, underlined in the app
    assert "check-worthy" in flag.message and "figure" in flag.message


def test_every_sentence_is_weighed_whatever_its_grade():
    analysis = _grades('The mayor said the bridge would close on Monday for three weeks of repairs.\n')
    (grade,) = analysis.grades
    assert grade.sourcing is Sourcing.NAMED and grade.checkworthy is not None
    assert grade.claim_cues, "the check-worthiness evidence is kept beside the sourcing evidence"


def test_the_threshold_is_an_option():
    assert [g.sourcing for g in _grades(min_checkworthy=0.0).grades] == [Sourcing.UNSOURCED] * 2
    assert [g.sourcing for g in _grades(min_checkworthy=1.0).grades] == [Sourcing.BACKGROUND] * 2
    doc = parse_article(ARTICLE)
    with pytest.raises(ValueError, match="between 0 and 1"):
        weigh_claims(doc, analyze(doc).grades, min_checkworthy=1.5)


def test_scan_json_carries_checkworthy_and_the_cli_takes_min_checkworthy(tmp_path, capsys):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE)
    assert cli.main(["scan", "--format", "json", str(path)]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert [s["sourcing"] for s in payload["sentences"]] == ["background", "unsourced"]
    assert all(isinstance(s["checkworthy"], float) for s in payload["sentences"])
    assert any(c["role"] == "figure" for c in payload["sentences"][1]["cues"])
    assert cli.main(["scan", str(path), "--min-checkworthy", "1"]) == 0
    assert "(2 background, not flagged)" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exited:  # argparse's own exit, with our exit code
        cli.main(["scan", str(path), "--min-checkworthy", "2"])
    assert exited.value.code == 2
    assert "between 0 and 1" in capsys.readouterr().err


def test_the_report_counts_background_sentences():
    analysis = _grades()
    report = render_report(analysis, None, checklist=default_checklist())
    assert "**Background:** 1 sentence with no source and no check-worthy claim, not flagged." in report


def test_the_checklist_item_on_sourcing_is_blocked_only_by_real_flags():
    from checks.review.checklist import item_state

    sourced = next(i for i in default_checklist().items if i.id == "claims-sourced")
    assert item_state(sourced, _grades().flags, None).blocked_by == "1 unsourced flag unresolved"
    assert item_state(sourced, _grades(min_checkworthy=1.0).flags, None).blocked_by is None


def test_a_highly_check_worthy_unsourced_claim_is_high_priority():
    from checks.kinds import Priority

    (flag,) = _grades().flags
    assert flag.details.checkworthy > 0.95 and flag.priority is Priority.HIGH
    weaker = _grades("The council has agreed to review how its parking rules are enforced across the town.\n",
                     min_checkworthy=0.0)
    assert weaker.flags[0].priority is Priority.MEDIUM


def test_single_weighty_words_are_not_shown_as_an_unsourced_flag_s_evidence():
    analysis = _grades()
    grade = analysis.grades[1]
    assert all(c.role != "claim_word" for c in grade.cues)
    assert {c.role for c in grade.claim_cues} >= {"figure"}
