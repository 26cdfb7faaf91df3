"""Near-duplicate passages: the seed's paraphrase, repeats, rewording, stock phrases, diffs, ids."""

from __future__ import annotations

import pytest

from checks import compare_documents, find_duplicates, normalise, parse_article, read_article, score_passages, word_diff
from checks.duplicates.search import all_pairs, pair_id
from checks.duplicates.similarity import prepare, rarity_weights, score_prepared


def doc(*paragraphs: str):
    return parse_article("\n\n".join(paragraphs), parse_metadata=False)


FILLER = [
    "The council met on Tuesday to discuss the budget for the coming year.",
    "Rain is expected across the north of the country by the weekend.",
    "A new bridge over the river will open to traffic in the spring.",
    "Ticket sales for the festival have doubled since last summer.",
    "The museum will extend its opening hours during the school holidays.",
    "Local farmers reported a strong harvest of apples and pears.",
]


def test_seed_has_exactly_the_expected_pair(seed_path):
    d = read_article(seed_path)
    pairs = find_duplicates(d)
    assert len(pairs) == 1
    (pair,) = pairs
    # Paragraph 4's last two sentences against paragraph 6's first two (1-based paragraphs).
    assert [d.sentences[i].paragraph for i in pair.sentences_a] == [3, 3]
    assert [d.sentences[i].paragraph for i in pair.sentences_b] == [5, 5]
    assert pair.a.text.startswith("Despite the renewed enthusiasm")
    assert pair.a.text.endswith("drive a wedge between Washington and Seoul.")
    assert pair.b.text.startswith("Some U.S. officials were deeply skeptical.")
    assert pair.b.text.endswith("drive a wedge between Washington and Seoul.")
    assert d.text[pair.a.start : pair.a.end] == pair.a.text
    assert d.text[pair.b.start : pair.b.end] == pair.b.text
    assert any("drive a wedge between washington and seoul" in s for s in pair.shared)


def test_seed_pair_outscores_every_other_window_pair(seed_path):
    """The longest shared run plus the overlap around it beat fuzz.ratio's near-miss (56.8 vs 49.0)."""
    d = read_article(seed_path)
    sents = d.sentences
    prepared = [prepare(s.text) for s in sents]
    weights = rarity_weights(prepared)
    scores = {
        (i, j): score_prepared(prepared[i], prepared[j], weights=weights).score
        for i in range(len(sents))
        for j in range(i + 1, len(sents))
    }
    best = max(scores, key=scores.get)
    assert best == (5, 9)  # "...drive a wedge between Washington and Seoul." twice


def test_exact_repeat_is_found_with_score_100():
    repeat = "The minister said the new tax would raise four billion pounds over five years."
    d = doc(repeat + " " + FILLER[0], FILLER[1] + " " + FILLER[2], FILLER[3] + " " + repeat)
    (pair,) = find_duplicates(d)
    assert pair.score == 100.0
    assert pair.a.text == repeat and pair.b.text == repeat
    assert pair.a.start < pair.b.start


def test_light_rewording_is_found():
    a = "The minister said the new tax would raise four billion pounds over the next five years."
    b = "The new tax would raise about four billion pounds over five years, the minister said."
    d = doc(a + " " + FILLER[0], FILLER[1], FILLER[2] + " " + b)
    pairs = find_duplicates(d)
    assert len(pairs) == 1
    assert pairs[0].a.text == a and pairs[0].b.text == b
    assert pairs[0].score >= 70


def test_sentence_repeated_inside_a_longer_one_points_at_the_repeated_stretch():
    short = "Job creation was one of last year's main concerns for the US economy."
    longer = (
        "Job creation was one of last year's main concerns for the US economy, "
        "and proved to be a main topic of debate in the US presidential election."
    )
    d = doc(short, FILLER[0], FILLER[1], FILLER[2] + " " + longer)
    (pair,) = find_duplicates(d)
    assert pair.a.text == short
    assert pair.b.text == "Job creation was one of last year's main concerns for the US economy,"
    assert d.text[pair.b.start : pair.b.end] == pair.b.text


def test_us_and_u_s_normalise_alike():
    assert normalise("U.S. officials") == normalise("US officials") == "us officials"
    assert score_passages("Some U.S. officials were deeply skeptical.", "Some US officials were deeply skeptical.").score == 100.0


def test_stock_phrase_in_unrelated_sentences_is_not_flagged():
    a = "Unemployment rose to 5.2 percent in March, according to figures from the Office for National Statistics."
    b = "The number of new homes built fell sharply last year, according to figures from the Office for National Statistics."
    d = doc(a, FILLER[0], FILLER[1], b, FILLER[2])
    assert find_duplicates(d) == ()
    # ... although the two share a seven-word run.
    assert score_passages(a, b).longest_run >= 7


def test_repeated_name_or_short_line_is_not_flagged():
    d = doc("David Groner.", FILLER[0], FILLER[1], "David Groner.", FILLER[2])
    assert find_duplicates(d) == ()


def test_diff_maps_words_on_both_sides():
    a = "Some U.S. officials were deeply skeptical."
    b = "Many US officials were skeptical of the plan."
    ops = word_diff(a, b)
    assert [op.tag for op in ops] == ["replace", "equal", "delete", "equal", "insert"]
    replaced, same = ops[0], ops[1]
    assert a[replaced.a_start : replaced.a_end] == "Some"
    assert b[replaced.b_start : replaced.b_end] == "Many"
    assert a[same.a_start : same.a_end] == "U.S. officials were"
    assert b[same.b_start : same.b_end] == "US officials were"
    assert a[ops[2].a_start : ops[2].a_end] == "deeply" and ops[2].b_start == ops[2].b_end
    assert b[ops[4].b_start : ops[4].b_end] == "of the plan"


def test_pair_diff_offsets_point_into_the_document(seed_path):
    d = read_article(seed_path)
    (pair,) = find_duplicates(d)
    equal = [op for op in pair.diff if op.tag == "equal"]
    assert equal
    for op in equal:
        assert normalise(d.text[op.a_start : op.a_end]) == normalise(d.text[op.b_start : op.b_end])
        assert pair.a.start <= op.a_start <= op.a_end <= pair.a.end
        assert pair.b.start <= op.b_start <= op.b_end <= pair.b.end


def test_ids_are_stable_and_independent_of_position():
    repeat = "The minister said the new tax would raise four billion pounds over five years."
    first = doc(repeat, FILLER[0], FILLER[1], repeat)
    moved = doc(FILLER[2], FILLER[3], repeat, FILLER[0], FILLER[4], repeat.replace("minister", "Minister"))
    (p1,) = find_duplicates(first)
    (p2,) = find_duplicates(moved)
    assert p1.id == p2.id == pair_id(repeat, repeat)
    assert p1.id.startswith("dup-")
    assert pair_id("a b c", "d e f") == pair_id("d e f", "a b c")


def test_candidate_generator_is_used_and_default_matches_exhaustive(seed_path):
    d = read_article(seed_path)
    seen: list[int] = []

    def none_at_all(texts):
        seen.append(len(texts))
        return []

    assert find_duplicates(d, candidates=none_at_all) == ()
    assert seen == [2 * len(d.sentences) - 1]  # windows of one and of two sentences
    assert find_duplicates(d, candidates=all_pairs) == find_duplicates(d)


def test_compare_documents_finds_a_reused_passage():
    reused = "The minister said the new tax would raise four billion pounds over five years."
    a = doc(FILLER[0], reused, FILLER[1])
    b = doc(FILLER[2], FILLER[3], reused.replace("said", "told reporters"), FILLER[4])
    pairs = compare_documents(a, b)
    assert len(pairs) == 1
    assert pairs[0].a.text == reused
    assert b.text[pairs[0].b.start : pairs[0].b.end] == pairs[0].b.text
    assert "minister told reporters" in pairs[0].b.text


@pytest.mark.parametrize("bad", [0, -1])
def test_max_window_must_be_positive(seed_path, bad):
    with pytest.raises(ValueError):
        find_duplicates(read_article(seed_path), max_window=bad)


# --- invariants on generated articles -------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

WORDS = ["officials", "said", "the", "talks", "Seoul", "drive", "a", "wedge", "between", "U.S.", "US", "and", "North"]
sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=12).map(lambda ws: " ".join(ws).capitalize() + ".")
article = st.lists(st.lists(sentence, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(article)
def test_pairs_are_well_formed_on_any_text(paragraphs):
    d = doc(*paragraphs)
    for pair in find_duplicates(d):
        assert 0.0 <= pair.score <= 100.0
        assert pair.a.end <= pair.b.start  # a comes first and the two passages do not overlap
        assert d.text[pair.a.start : pair.a.end] == pair.a.text
        assert d.text[pair.b.start : pair.b.end] == pair.b.text
        for op in pair.diff:
            assert pair.a.start <= op.a_start <= op.a_end <= pair.a.end
            assert pair.b.start <= op.b_start <= op.b_end <= pair.b.end


@given(st.text(max_size=200), st.text(max_size=200))
def test_score_is_bounded_and_full_for_identical_text(a, b):
    s = score_passages(a, b)
    assert 0.0 <= s.score <= 100.0
    assert score_passages(a, a).score in (0.0, 100.0)  # identical text: a full score, or no words at all


# --- Clough & Stevenson (skips without ../shared/data) --------------------------------------


def test_clough_stevenson_cut_answers_flagged_and_independent_ones_not():
    import csv

    from conftest import shared_data

    folder = shared_data("clough_stevenson")
    rows = list(csv.DictReader((folder / "file_information.csv").open(encoding="utf-8")))

    def load(name: str):
        return parse_article((folder / "texts" / name).read_bytes(), parse_metadata=False)

    sources = {t: load(f"orig_task{t}.txt") for t in "abcde"}
    light = [r for r in rows if r["Category"] == "light"][:5]
    non = [r for r in rows if r["Category"] == "non"][:8]
    for r in light:
        assert compare_documents(load(r["File"]), sources[r["Task"]]), r["File"]
    flagged_non = [r["File"] for r in non if compare_documents(load(r["File"]), sources[r["Task"]])]
    assert len(flagged_non) <= 1, flagged_non


def test_indexed_grouping_matches_the_plain_one_on_many_matches():
    """Hundreds of planted repeats (runs copied in order, so their matches touch, and single
    sentences copied out of order): the indexed grouping gives the very groups, in the very order,
    of the quadratic statement it replaces, and so the same pairs."""
    import random

    from checks.duplicates.window_candidates import candidate_pairs
    from checks.duplicates.passages import _touch, _touching_groups
    from checks.duplicates.gates import verify_pairs
    from checks.duplicates.search import _windows

    rng = random.Random(3)
    words = [f"{a}{b}" for a in ("bar", "cor", "dun", "fel", "gam", "hol", "mir", "pod") for b in ("ak", "en", "ix", "ol", "um", "yr")]
    sentences = [" ".join(rng.sample(words, 9)).capitalize() + "." for _ in range(300)]
    text = list(sentences)
    for _ in range(40):  # runs of 2..6 sentences copied further on
        start = rng.randrange(len(sentences) - 6)
        text += sentences[start : start + rng.randint(2, 6)]
    text += rng.sample(sentences, 120)
    d = doc(*(" ".join(text[i : i + 4]) for i in range(0, len(text), 4)))
    windows = _windows(d, 0, 2)
    weights = rarity_weights(w.prepared for w in windows if w.first == w.last)
    matches = verify_pairs(windows, candidate_pairs([w.prepared.text for w in windows], min_shared=1), 40.0, weights)
    assert len(matches) > 300
    def grouped_slowly(matches):
        """The plain, quadratic statement of the grouping."""
        groups = []
        for m in sorted(matches, key=lambda m: (m.a.first, m.b.first)):
            home = next((g for g in groups if any(_touch(m, other) for other in g)), None)
            if home is None:
                groups.append([m])
            else:
                home.append(m)
        return groups

    fast, slow = _touching_groups(matches), grouped_slowly(matches)
    assert sum(len(g) > 1 for g in slow) > 20  # touching matches really are merged
    assert [[id(m) for m in g] for g in fast] == [[id(m) for m in g] for g in slow]
