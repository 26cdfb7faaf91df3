"""Check-worthiness: every role on made-up sentences, the score's direction, cue offsets, the YAML
extension mechanism, and (when ../shared/data is present) the held-out benchmark against its baseline.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from checks import DataFileError, parse_article
from checks.claims import (
    Checkworthiness,
    checkworthiness,
    claim_features,
    claim_lexicon_from_mapping,
    default_claim_lexicon,
    load_claim_lexicon,
    score_sentences,
)

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
CLAIMBUSTER = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "claimbuster"


def roles(text: str, **kwargs: object) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for cue in checkworthiness(text, **kwargs).cues:
        out.setdefault(cue.role, []).append(cue.text)
    return out


@pytest.mark.parametrize(
    ("text", "role", "cue"),
    [
        ("The council spent £4.5m on the new depot.", "figure", "£4.5m"),
        ("Turnout was 62% across the region.", "figure", "62%"),
        ("About 15 per cent of the homes were empty.", "figure", "15 per cent"),
        ("Three million people were affected by the floods.", "figure", "million"),
        ("Sales rose sharply across the region.", "comparison", "rose"),
        ("The firm made more than the whole market expected.", "comparison", "more than"),
        ("It was the largest merger in the sector.", "superlative", "largest"),
        ("The club set a new record for away wins.", "superlative", "record"),
        ("The plant closed on Tuesday after the inspection.", "date", "Tuesday"),
        ("The plant closed in 2004 after the inspection.", "date", "2004"),
        ("The plant closed last year after the inspection.", "date", "last year"),
        ("Yesterday the Senate voted to extend the scheme.", "named_claim", "Senate voted"),
        ("The board approved it and Acme Holdings has two plants.", "named_claim", "Acme Holdings has"),
        ("Prices went up because of the drought in the south.", "causal", "because of"),
        ("The closure led to hundreds of job losses in the town.", "causal", "led to"),
        ('He told us "the fund lost half its value" in a week.', "quoted_claim", '"the fund lost half'),
        ("Inspectors visited the site and reported the fault.", "past_event", "visited"),
        ("I think the plan is a sensible one for the town.", "opinion", "I think"),
        ("Ministers should listen to the people of this region.", "opinion", "should"),
        ("The scheme will open to new members in the spring.", "prediction", "will"),
        ("Prices are expected to settle once the harvest is in.", "prediction", "expected to"),
        ("We'll see what the voters make of it.", "prediction", "We'll"),
        ("Is this the end of the high street as we know it?", "question", "?"),
        ("Thank you, and good evening to everyone watching.", "social", "Thank you"),
        ("Let me turn now to the second part of the report.", "procedure", "Let me"),
        ("Council tax rise 'reasonable'", "heading", "Council tax rise 'reasonable'"),
    ],
)
def test_each_role_is_found(text: str, role: str, cue: str) -> None:
    found = roles(text)
    assert role in found, found
    assert any(c.startswith(cue) for c in found[role]), found[role]


def test_negatives_stay_quiet() -> None:
    # a year is a date, not a figure; "cut-off" is not the verb "cut"; "I" names no one
    assert "figure" not in roles("The rules changed in 1998 and again later.")
    assert "comparison" not in roles("The cut-off point is the end of the month.")
    assert "named_claim" not in roles("And I have told them the same thing.")
    assert "question" not in roles("Nobody asked why it closed.")
    assert "heading" not in roles("It closed.")
    assert roles("A hundred members are here.").get("past_event") is None  # "hundred" is no past tense


def test_words_table_shows_weighty_words_as_cues() -> None:
    lexicon = default_claim_lexicon()
    positive = next(w for w, v in lexicon.words.items() if v >= lexicon.word_cue_min and w.isalpha())
    negative = next(w for w, v in lexicon.words.items() if v <= -lexicon.word_cue_min and w.isalpha())
    assert "claim_word" in roles(f"The report mentions {positive} twice.")
    assert "chatter_word" in roles(f"The report mentions {negative} twice.")


def test_score_direction_on_editor_examples() -> None:
    threshold = default_claim_lexicon().min_checkworthy
    claim = checkworthiness("Unemployment fell to 4.2% in March, the lowest since 1975.")
    background = checkworthiness("The move is part of a wider effort to change how the service is run.")
    greeting = checkworthiness("Thank you, and good evening.")
    assert claim.score >= threshold > background.score
    assert greeting.score < background.score
    assert 0.0 <= greeting.score <= claim.score <= 1.0


def test_cue_offsets_are_absolute() -> None:
    text = 'Sales fell 12% on Tuesday because "the whole market was weaker than before".'
    result = checkworthiness(text, offset=1000)
    assert result.cues
    for cue in result.cues:
        assert 1000 <= cue.start < cue.end <= 1000 + len(text)
        assert text[cue.start - 1000 : cue.end - 1000] == cue.text
    assert [c.start for c in result.cues] == sorted(c.start for c in result.cues)
    assert checkworthiness(text).score == result.score


def test_score_sentences_points_into_the_document() -> None:
    doc = parse_article(
        "Plant closes\n\nThe plant closed on Tuesday with the loss of 300 jobs. I think it is a shame.\n\n"
        "Will it reopen?\n"
    )
    scored = score_sentences(doc)
    assert len(scored) == len(doc.sentences)
    assert all(isinstance(s, Checkworthiness) for s in scored)
    for sentence, result in zip(doc.sentences, scored):
        assert result == checkworthiness(sentence.text, offset=sentence.start)
        for cue in result.cues:
            assert doc.text[cue.start : cue.end] == cue.text
    by_text = {s.text: r.score for s, r in zip(doc.sentences, scored)}
    assert by_text["The plant closed on Tuesday with the loss of 300 jobs."] > by_text["I think it is a shame."]
    assert score_sentences(parse_article("")) == ()


def test_score_is_validated() -> None:
    with pytest.raises(ValueError):
        Checkworthiness(1.5)


def test_features_match_the_roles() -> None:
    features = claim_features("Sales fell 12% on Tuesday.")
    assert features["figure"] == features["date"] == features["comparison"] == 1.0
    assert features["question"] == 0.0
    assert features["length"] == pytest.approx(0.5)


def test_newsroom_file_extends_the_lexicon(tmp_path: Path) -> None:
    user = tmp_path / "newsroom.yaml"
    user.write_text(
        "min_checkworthy: 0.6\n"
        "roles:\n"
        "  figure:\n    terms: [umpteen]\n"
        "  prediction:\n    weight: -5\n"
        "  ruling:\n    weight: 2.0\n    terms: [the court ruled]\n"
        "words:\n  tribunal: 1.5\n",
        encoding="utf-8",
    )
    lexicon = load_claim_lexicon([user])
    base = default_claim_lexicon()
    assert lexicon.min_checkworthy == 0.6
    assert "umpteen" in lexicon.role("figure").terms
    assert set(base.role("figure").terms) < set(lexicon.role("figure").terms)  # added, none lost
    assert lexicon.role("prediction").weight == -5 and lexicon.role("prediction").terms == base.role("prediction").terms
    assert "figure" in roles("There were umpteen complaints.", lexicon=lexicon)
    assert "figure" not in roles("There were umpteen complaints.")
    assert "ruling" in roles("Then the court ruled against them.", lexicon=lexicon)
    assert lexicon.words["tribunal"] == 1.5 and len(lexicon.words) == len(base.words) + ("tribunal" not in base.words)
    text = "The tribunal sat late."
    assert checkworthiness(text, lexicon=lexicon).score > checkworthiness(text).score
    assert "claim_word" in roles(text, lexicon=lexicon)


def test_replace_starts_from_empty() -> None:
    lexicon = claim_lexicon_from_mapping(
        {"replace": True, "roles": {"figure": {"weight": 1.0, "patterns": [r"\d+"]}}},
        source="test",
        base=default_claim_lexicon(),
    )
    assert [r.name for r in lexicon.roles] == ["figure"] and not lexicon.words
    assert [c.role for c in checkworthiness("It took 12 days.", lexicon=lexicon).cues] == ["figure"]


@pytest.mark.parametrize(
    "data",
    [
        {"roles": {"brand_new": {"terms": ["x"]}}},  # a new role needs a weight
        {"roles": {"figure": {"patterns": ["(unclosed"]}}},
        {"roles": {"figure": {"terms": "not a list"}}},
        {"roles": {"figure": {"weight": "heavy"}}},
        {"words": {"two words": 1.0}},
        {"min_checkworthyy": 0.5},  # a typo is refused, not ignored
        {"roles": {"figure": {"term": ["umpteen"]}}},
        {"min_checkworthy": 2},
        ["not", "a", "mapping"],
    ],
)
def test_bad_files_are_refused(data: object) -> None:
    with pytest.raises(DataFileError):
        claim_lexicon_from_mapping(data, source="newsroom.yaml", base=default_claim_lexicon())


@pytest.mark.skipif(not (CLAIMBUSTER / "kfold_25ncs.csv").is_file(), reason="ClaimBuster data absent (../shared/data)")
def test_held_out_fold_beats_the_digit_baseline() -> None:
    sys.path.insert(0, str(BENCHMARKS))
    import eval_checkworthy as ec  # noqa: PLC0415
    import train_checkworthy as tc  # noqa: PLC0415

    rows = [r for r in tc.claimbuster_rows(CLAIMBUSTER) if r.fold == tc.HELD_OUT]
    labels = np.array([r.label for r in rows])
    ours, digit = ec.claimbuster_table([r.text for r in rows], labels, default_claim_lexicon().min_checkworthy)
    assert ours[3] >= digit[3] + 0.15, (ours, digit)
    assert ours[4] > digit[4]  # average precision too


def test_claims_package_imports_no_ui() -> None:
    import subprocess  # noqa: PLC0415

    code = "import sys, checks.claims; assert not {'textual', 'rich'} & set(sys.modules), sorted(sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_token_places_match_the_text() -> None:
    from checks.claims.match import tokens  # noqa: PLC0415

    plain = "Don\u2019t -- it's 4.2% (A4-b) of O'Neill's \u00e9t\u00e9 cut-off \u2014 x_y a-'b it it"
    longer = "\u0130stanbul's ports"  # lower-casing "\u0130" adds a character: the other path
    for text in (plain, longer):
        toks = tokens(text)
        assert len(toks.keys) == len(toks.spans) > 0
        for key, (start, end) in zip(toks.keys, toks.spans):
            assert key == text[start:end].lower().replace("\u2019", "'")
    assert {"don't", "cut-off", "it"} <= tokens(plain).distinct
