"""The run bound (checks/duplicates/run_bound.py) never falls below the run the scorer finds, so pairs it
sends past the scorer could not have matched."""

from __future__ import annotations

from itertools import chain
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks import parse_article
from checks.duplicates.run_bound import linked_stems, links, run_weight_bound
from checks.duplicates.similarity import _shared_runs, prepare, rarity_weights

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Repeats, stopwords inside runs, a content word sharing its stem with a stopword ("beforehand",
# "before"), a stock phrase, capitals (names), so runs start, stop and cross every kind of word.
VOCABULARY = [
    "the", "of", "and", "said", "before", "beforehand", "wedge", "between", "Washington", "Seoul",
    "drive", "a", "prime", "minister", "officials", "budget", "budget", "council", "rose", "fell",
    "Kim", "in", "May", "on", "Tuesday", "talks", "talks", "nuclear",
]


def _longest_run_weight(a, b, weight) -> float:
    """The heaviest run as the scorer weighs it before names are halved (an upper bound on it)."""
    return max((sum(map(weight, content)) for _, _, content, _ in _shared_runs(a, b)), default=0.0)


def _bound(a, b, weight) -> float:
    return run_weight_bound(a.content & b.content, links(linked_stems(a.stems)), links(linked_stems(b.stems)), weight)


def test_the_bound_holds_on_every_pair_of_seed_sentences_and_windows():
    doc = parse_article("\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.*"))))
    single = [prepare(s.text) for s in doc.sentences]
    pairs_of_two = [prepare(a.text + " " + b.text) for a, b in zip(doc.sentences, doc.sentences[1:])]
    passages = single + pairs_of_two
    weights = rarity_weights(single)
    weight = weights.__getitem__
    checked = tight = 0
    for k, a in enumerate(passages):
        for b in passages[k + 1 :]:
            if len(a.content & b.content) < 2:
                continue
            run, bound = _longest_run_weight(a, b, weight), _bound(a, b, weight)
            assert bound >= run - 1e-9, (a.text, b.text)
            checked += 1
            tight += bound < sum(map(weight, a.content & b.content)) - 1e-9
    assert checked > 1000
    assert tight > checked // 4  # it is tighter than the shared weight, or it would save nothing


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(VOCABULARY), min_size=2, max_size=30), st.lists(st.sampled_from(VOCABULARY), min_size=2, max_size=30))
def test_the_bound_holds_on_arbitrary_word_sequences(words_a, words_b):
    a, b = prepare(" ".join(words_a)), prepare(" ".join(words_b))
    assert _bound(a, b, lambda stem: 1.0) >= _longest_run_weight(a, b, lambda stem: 1.0) - 1e-9


def test_a_content_word_with_a_stopword_stem_still_counts():
    a = prepare("They met beforehand to plan the budget vote")
    b = prepare("Officials met beforehand to plan the budget vote")
    # "beforehand" shares its stem with the stopword "before": it is not linked, yet in the run.
    assert _bound(a, b, lambda stem: 1.0) >= _longest_run_weight(a, b, lambda stem: 1.0)


def test_window_links_are_the_links_of_the_sentences_end_to_end():
    first, second = prepare("Talks on the budget stalled."), prepare("Council officials blamed Seoul.")
    joined = links(linked_stems(chain(first.stems, second.stems)))
    assert joined >= links(linked_stems(first.stems)) | links(linked_stems(second.stems))
    assert ("stalle", "counci") in joined  # the link across the sentence boundary
