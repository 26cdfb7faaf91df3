"""Smoke tests of the evaluation harnesses: gold labels from PolNeAR standoff, CoNLL detokenising.

The in-memory tests always run; the ones on real files skip when ../shared/data is absent.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import eval_attribution as ea  # noqa: E402
import eval_vague as ev  # noqa: E402
from _common import parse_ann, polnear_articles, scores  # noqa: E402

from checks import parse_article  # noqa: E402

TEXT = (
    'Trump said the wall would be built. "It will be big. Very big."\n\n'
    "The sky is blue.\n\n"
    "Clinton wants a recount."
)


def _span(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def _ann() -> str:
    lines = []
    spans = {
        "T1": ("Source", "Trump"), "T2": ("Cue", "said"), "T3": ("Content", "the wall would be built"),
        "T4": ("Content", '"It will be big. Very big."'),
        "T5": ("Source", "Clinton"), "T6": ("Cue", "wants"), "T7": ("Content", "a recount"),
    }
    for tid, (kind, needle) in spans.items():
        a, b = _span(needle)
        lines.append(f"{tid}\t{kind} {a} {b}\t{needle}")
    lines.append("E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3")
    lines.append("E2\tAttribution:T2 Source:T1 Cue:T2 Content:T4")
    lines.append("E3\tAttribution:T6 Source:T5 Cue:T6 Content:T7")
    return "\n".join(lines)


def test_parse_ann_links_cue_source_and_content():
    attributions = parse_ann(_ann(), TEXT)
    assert [a.cue_text for a in attributions] == ["said", "said", "wants"]
    assert attributions[0].source_text == "Trump"
    assert TEXT[slice(*attributions[1].content[0])].startswith('"It will')


def test_gold_labels_speech_content_and_left_out():
    doc = parse_article(TEXT, parse_metadata=False)
    texts = [s.text for s in doc.sentences]
    labels = dict(zip(texts, ea.gold_labels(doc, parse_ann(_ann(), TEXT))))
    assert labels["Trump said the wall would be built."] is True  # overlaps a speech cue
    assert labels['Very big."'] is True  # inside the Content of a speech attribution
    assert labels["The sky is blue."] is False
    assert labels["Clinton wants a recount."] is None  # only a non-speech cue: left out


@pytest.mark.parametrize(
    ("cue", "source", "speech"),
    [("said", "Trump", True), ("according to", "officials", True), (":", "He", True),
     ("in", "a new Post-ABC poll", True), ("in", "his heart", False), ("wants", "Clinton", False),
     ("is expected", "Trump", False), ("promised", "Trump", False)],
)
def test_speech_cue_classification(cue, source, speech):
    attr = ea.Attribution("E1", ((0, 1),), (), (), cue, source)
    assert ea.is_speech(attr) is speech


@pytest.mark.parametrize(
    ("source", "kind"),
    [("officials", "unnamed"), ("a senior White House official", "unnamed"), ("people familiar with the talks", "unnamed"),
     ("Sara Fagen, a Republican strategist", "named"), ("aide Huma Abedin", "named"), ("Trump", "named"),
     ("he", "other"), ("The New York Times", "other"),
     # a name only counts right after the head or in an apposition, not anywhere after it
     ("aides to Clinton", "unnamed"), ("another source familiar with Cruz’s thinking", "unnamed"),
     ("his top aide, Tad Devine", "named"), ("Clinton economic advisers like Gene Sperling", "named"),
     # "familiar with", "with knowledge of" and anonymity said of the source are unnamed too
     ("a publishing executive familiar with the talks", "unnamed"),
     ("one person with knowledge of the governor's dilemma", "unnamed"),
     ("one attendee, who like others spoke on the condition of anonymity", "unnamed"),
     # not unnamed people: a parenthesis, the adjective "official", a title holding "Insider"
     ("Sen. Chris Murphy (a Connecticut Democrat mistaken for a junior staffer)", "named"),
     ("Trump’s official campaign account", "named"), ("official data", "other"),
     ("Business Insider senior editor Josh Barro", "named"),
     ("Intelligence officials — including NSA Director Adm. Michael Rogers", "named"),
     # the head of the Source's own phrase, not of a description after a dash or "started by"
     ("members of The Example Panel — a collection of strategists and operatives", "named"),
     ("a new super PAC started by a former Romney aide", "named"),
     ("A chart from a briefing that the mayor and his aides hand out", "other"),
     ("officials who were briefed", "unnamed"),
     ("insiders in two states — Nevada and Ohio —", "unnamed"),
     # outlets and a named person among the unnamed are neither figure's
     ("different media sources", "other"), ("Dunn and his top aides", "other"),
     ("teachers and union officials", "unnamed"), ("Current and former officials", "unnamed"),
     ("Ukrainian politicians and officials", "unnamed")],
)
def test_source_kind(source, kind):
    attr = ea.Attribution("E1", ((0, 1),), (), (), "said", source)
    assert ea.source_kind(attr) == kind


def test_tally_macro_f1():
    tally = ea.Tally(tp=8, fp=2, fn=2, tn=8)
    assert tally.macro_f1 == pytest.approx(0.8)
    assert scores(0, 0, 0).f1 == 0.0


def test_detokenise_ptb():
    assert ev.detokenise("He did n't say -LRB- or write -RRB- it , `` some say '' .") == (
        "He didn't say (or write) it, \u201csome say\u201d."
    )


def test_vague_prediction_counts_hedges_and_weasels():
    assert ev.predict("It is believed that the castle was built in 1200.")[0]
    assert ev.predict("Some historians date the castle to 1200.")[0]
    assert ev.predict("The castle probably dates from 1200.")[0]
    assert not ev.predict("The castle was built in 1200.")[0]
    assert not ev.predict("The castle has some 300 rooms.")[0]  # an estimate, not a weasel


def test_harness_on_two_polnear_files():
    from conftest import shared_data

    split = shared_data("polnear") / "dev"
    articles = []
    for article in polnear_articles(split):
        articles.append(article)
        if len(articles) == 2:
            break
    assert len(articles) == 2
    for article in articles:
        doc = parse_article(article.text, parse_metadata=False)
        assert doc.text == article.text  # .ann offsets index this text
        for attr in article.attributions:
            for a, b in attr.cue:
                assert article.text[a:b].strip()
        labels = ea.gold_labels(doc, article.attributions)
        assert len(labels) == len(doc.sentences)
        assert any(label is True for label in labels)


def test_harness_on_conll_rows():
    from conftest import shared_data

    rows = ev.read_rows(shared_data("conll2010_weasel") / "test.csv")
    assert len(rows) > 1000 and any(gold for _, gold in rows)
    tallies, _, _ = ev.evaluate(rows[:200])
    tp, fp, fn = tallies["sourcecheck"]
    assert tp + fn == sum(gold for _, gold in rows[:200])


def test_held_out_split_keeps_an_article_whole_and_is_about_a_tenth():
    from _common import is_held_out

    # decided by the article name alone: every annotator's file of one article lands together
    assert is_held_out("some-article") == is_held_out("some-article")
    names = [f"article-{i}" for i in range(2000)]
    share = sum(map(is_held_out, names)) / len(names)
    assert 0.07 < share < 0.13
    assert ea.SPLITS["train"] == ("train", None)  # README figures on the whole train stay reproducible
    assert ea.SPLITS["tune"] == ("train", False) and ea.SPLITS["heldout"] == ("train", True)


def test_tune_and_heldout_partition_train():
    from conftest import shared_data

    split = shared_data("polnear") / "train"
    every = {a.name for a in polnear_articles(split)}
    held = {a.name for a in polnear_articles(split, held_out=True)}
    tune = {a.name for a in polnear_articles(split, held_out=False)}
    assert held and tune and not held & tune and held | tune == every
