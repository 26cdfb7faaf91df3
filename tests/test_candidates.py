"""Candidate pairs from the rare-shingle index: the same duplicates as the exhaustive search, far fewer pairs."""

from __future__ import annotations

import random
from functools import partial
from pathlib import Path

import pytest

from checks import find_duplicates, parse_article, read_article
from checks.duplicates.shingles import content_stems, similar_set_pairs
from checks.duplicates.window_candidates import LONG_INPUT, candidate_pairs
from checks.duplicates.search import all_pairs

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

REPEAT = "The finance minister said the new carbon tax would raise four billion pounds over five years."
REWORDED = "The finance minister claimed the new carbon tax could raise four billion pounds within five years."


def _key(pairs):
    return [(p.a.start, p.a.end, p.b.start, p.b.end, p.score) for p in pairs]


def _seed_with_repeats(name: str):
    """A seed article with a reworded repeat and an exact repeat spliced into later paragraphs."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    paragraphs = text.split("\n\n")
    paragraphs.insert(2, REPEAT + " " + paragraphs[2])
    paragraphs.insert(len(paragraphs) - 1, REWORDED)
    paragraphs.append(REPEAT)
    return parse_article("\n\n".join(paragraphs))


@pytest.mark.parametrize("generator", [candidate_pairs, partial(candidate_pairs, min_shared=1)], ids=["two-shared", "one-shared"])
@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.*")))
def test_same_duplicates_as_exhaustive_search(name, generator):
    doc = _seed_with_repeats(name)
    exhaustive = find_duplicates(doc, candidates=all_pairs)
    indexed = find_duplicates(doc, candidates=generator)
    assert _key(indexed) == _key(exhaustive)
    assert any(REPEAT in p.a.text or REPEAT in p.b.text for p in indexed)


def test_seed_pair_found_through_the_index(seed_path):
    doc = read_article(seed_path)
    (pair,) = find_duplicates(doc, candidates=candidate_pairs)
    assert pair.b.text.endswith("drive a wedge between Washington and Seoul.")


def _random_sentences(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    vocab = [f"w{k}x" for k in range(4000)]
    return [" ".join(rng.choice(vocab) for _ in range(rng.randint(8, 20))) + "." for _ in range(n)]


def test_far_fewer_pairs_than_exhaustive_and_planted_pairs_found():
    texts = _random_sentences(3000, seed=1)
    planted = {(10, 2000), (500, 2999), (7, 8)}
    for i, j in planted:
        words = texts[i].split()
        words[len(words) // 2] = "changed"
        texts[j] = " ".join(words)
    pairs = candidate_pairs(texts)
    assert planted <= set(pairs)
    assert len(pairs) < 0.001 * len(texts) * (len(texts) - 1) / 2
    assert all(i < j for i, j in pairs) and pairs == sorted(set(pairs))


def test_common_shingles_are_dropped_but_exact_repeats_kept():
    # Every text shares "alpha beta gamma"; only texts 0 and 5 are the very same sentence.
    texts = [f"alpha beta gamma delta{k} epsilon{k} zeta{k}." for k in range(10)]
    texts[5] = texts[0]
    assert candidate_pairs(texts, max_df=3) == [(0, 5)]
    assert len(candidate_pairs(texts, max_df=10)) == 45


def test_min_shared_counts_distinct_rare_shingles():
    texts = ["red apple pie tonight", "red apple cake later", "big red apple pie today"]
    assert candidate_pairs(texts, min_shared=1, max_df=5) == [(0, 1), (0, 2), (1, 2)]
    # "red apple" and "apple pie": only texts 0 and 2 share two.
    assert candidate_pairs(texts, min_shared=2, max_df=5) == [(0, 2)]
    with pytest.raises(ValueError):
        candidate_pairs(texts, min_shared=0)


def test_windows_sharing_a_sentence_are_never_paired():
    s = [
        "Rain will fall across the northern hills tonight.",
        "Farmers expect heavy floods near the river delta.",
        "Rain will fall across the northern hills tonight.",
    ]
    # Windows as find_duplicates builds them: first sentence, then length.
    texts = [s[0], s[0] + " " + s[1], s[1], s[1] + " " + s[2], s[2]]
    pairs = set(candidate_pairs(texts, min_shared=1))
    assert (0, 4) in pairs and (0, 3) in pairs and (1, 4) in pairs
    # Texts 1 and 3 both hold sentence 1; text 2 is inside both.
    assert not pairs & {(1, 2), (2, 3), (1, 3), (0, 1), (3, 4)}


def test_stems_follow_the_scorer():
    assert content_stems("The U.S. officials' Blair's skepticism, don't") == ["us", "offici", "blair", "skepti"]


@pytest.mark.parametrize("texts", [[], ["one"], ["", ""], ["the of and", "the of and"], ["!!!", "???"]])
def test_degenerate_input(texts):
    assert candidate_pairs(texts) == []


def test_progress_is_reported():
    seen = []
    candidate_pairs(_random_sentences(200, seed=2), progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (200, 200) and all(0 <= d <= t for d, t in seen)


def test_long_documents_use_the_index_with_the_exhaustive_result(monkeypatch):
    from checks.duplicates import indexed as indexed_duplicates

    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.*"))]
    variants = [*seeds, REPEAT, *(s.replace("said", "stated") for s in seeds), REWORDED]
    doc = parse_article("\n\n".join([*variants, *(s.replace(" was ", " is ") for s in seeds)]))
    calls = []
    real = indexed_duplicates.indexed_window_pairs

    def spy(windows, *args, **kwargs):
        calls.append(len(windows))
        return real(windows, *args, **kwargs)

    monkeypatch.setattr(indexed_duplicates, "indexed_window_pairs", spy)
    indexed = find_duplicates(doc)
    assert calls and calls[0] > LONG_INPUT
    assert _key(indexed) == _key(find_duplicates(doc, candidates=all_pairs))
    assert len(indexed) >= 5  # the repeated seeds, each passage once with its best partner
    calls.clear()
    find_duplicates(parse_article(seeds[0]))
    assert calls == []  # a normal article is still compared pair by pair




def test_similar_set_pairs_match_a_brute_force_count():
    rng = random.Random(3)
    sets = [frozenset(rng.sample(range(60), rng.randint(0, 6))) for _ in range(300)]
    sets += [sets[5], sets[5], frozenset({1})]  # repeats pair with each other whatever the cap
    for min_shared, max_df in ((1, 40), (2, 40), (1, 5), (2, 1000)):
        df = {h: sum(h in s for s in sets) for s in sets for h in s}
        expected = set()
        for i, a in enumerate(sets):
            for j in range(i + 1, len(sets)):
                b = sets[j]
                rare = sum(1 for h in a & b if df[h] <= max_df)
                if rare >= min_shared or (a == b and len(a) >= 2):
                    expected.add((i, j))
        assert set(similar_set_pairs(sets, min_shared=min_shared, max_df=max_df)) == expected, (min_shared, max_df)


def test_joined_passages_keep_word_offsets():
    from checks.duplicates.similarity import join_prepared, prepare

    a, b = prepare("Talks resumed.", offset=0), prepare("Officials in Seoul said so.", offset=15)
    joined = join_prepared("Talks resumed. Officials in Seoul said so.", [a, b])
    assert joined.norms == a.norms + b.norms and joined.is_name == a.is_name + b.is_name
    starts, ends = joined.word_spans()
    assert starts == [0, 6, 15, 25, 28, 34, 39]
    assert [joined.text[s:e] for s, e in zip(starts, ends)] == ["Talks", "resumed", "Officials", "in", "Seoul", "said", "so"]


def test_array_bounds_equal_the_scalar_bound():
    import numpy as np

    from checks.duplicates.similarity import score_upper_bound, score_upper_bounds

    shared = np.array([0.0, 0.5, 1.0, 3.0, 4.7, 12.0, 2.0])
    total = np.array([0.0, 4.0, 1.0, 3.0, 9.5, 12.0, 0.0])
    got = score_upper_bounds(shared, total)
    assert got.tolist() == pytest.approx([score_upper_bound(s, m) for s, m in zip(shared, total)])


@pytest.mark.parametrize("words", [1, 4])
def test_signature_bounds_are_never_below_the_exact_counts(monkeypatch, words):
    """The numpy gate bounds shared stems and weight from above: with tiny signatures (many stems
    on one bit, within a window and across) it may say too much, never too little."""
    import numpy as np

    from checks.duplicates import indexed as indexed_duplicates
    from checks.duplicates.indexed import LightWindows, _Signatures

    monkeypatch.setattr(indexed_duplicates, "_SIGNATURE_WORDS", words)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.*"))]
    light = LightWindows(parse_article("\n\n".join([*seeds, REPEAT, REWORDED])), 2)
    signatures = _Signatures(light)
    assert signatures.lost.max() > 0 or words > 1  # one word a band does crowd some windows
    rng = random.Random(5)
    i, j = (np.array(x) for x in zip(*(rng.sample(range(len(light)), 2) for _ in range(20_000))))
    shared, weight = signatures.bounds(i, j)
    for a, b, s, w in zip(i.tolist(), j.tolist(), shared.tolist(), weight.tolist()):
        common = light.contents[a] & light.contents[b]
        assert s >= len(common)
        assert w >= sum(map(light.weights.__getitem__, common)) - 1e-9


@pytest.mark.parametrize(("max_window", "copies"), [(1, 6), (3, 2)])
def test_long_road_equals_the_exhaustive_search_for_other_window_sizes(monkeypatch, max_window, copies):
    from checks.duplicates import indexed as indexed_duplicates

    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.*"))]
    words = [("said", "stated"), (" was ", " is "), (" the ", " a "), ("officials", "aides"), (" and ", " & ")]
    texts = [*seeds, *(s.replace(*words[k % len(words)]) for k in range(copies - 1) for s in seeds)]
    doc = parse_article("\n\n".join(texts))
    used = []
    real = indexed_duplicates.indexed_window_pairs
    monkeypatch.setattr(indexed_duplicates, "indexed_window_pairs", lambda *a, **k: used.append(1) or real(*a, **k))
    indexed = find_duplicates(doc, max_window=max_window)
    assert used, "the document must be long enough to take the long road"
    assert indexed and _key(indexed) == _key(find_duplicates(doc, max_window=max_window, candidates=all_pairs))
