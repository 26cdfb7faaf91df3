"""What is no duplicate in one article (a headline or abstract restated by the text, passages that
share only names, embed markup) and the true repeats that must stay flagged beside them."""

from __future__ import annotations

from checks import find_duplicates, parse_article, score_passages
from checks.duplicates.head import head_sentences
from checks.duplicates.names_only import names_only
from test_duplicates import FILLER  # the same neutral sentences, kept in one place

BODY = [FILLER[0] + " " + FILLER[1], FILLER[2] + " " + FILLER[3], FILLER[4] + " " + FILLER[5]]

HEADLINE = "Mayor Vows To Rebuild Harbour Bridge Within Two Years."
LEDE = "Mayor Ellen Ruiz vowed on Monday to rebuild the harbour bridge within two years, after storms closed it in March."
LEDE_RESTATED = (
    "Ruiz has vowed to rebuild the harbour bridge within two years, after the storms in March closed it to traffic."
)
QUOTE = '"We will not leave the east side cut off for a single day longer than we must," Ruiz said.'


def doc(*paragraphs: str, metadata: bool = False):
    return parse_article("\n\n".join(paragraphs), parse_metadata=metadata)


def test_headline_restated_by_its_lede_is_not_a_duplicate():
    # Alone, the two score as a pair: only the head rule keeps them apart.
    assert score_passages(HEADLINE, LEDE).score >= 40
    d = doc(HEADLINE, LEDE, *BODY)
    assert head_sentences(d) == 1
    assert find_duplicates(d) == ()


def test_short_sentence_case_headline_and_title_subtitle_block_are_heads():
    short = doc("Ruiz vows to rebuild harbour bridge.", LEDE, *BODY)
    assert head_sentences(short) == 1
    assert find_duplicates(short) == ()
    block = doc("Ruiz vows to rebuild harbour bridge; \nStorms closed it in March.", LEDE, *BODY)
    assert head_sentences(block) == 2
    assert find_duplicates(block) == ()


def test_abstract_before_a_full_text_marker_is_head():
    d = doc("Ruiz vows to rebuild bridge.", "ABSTRACT.", LEDE, "FULL TEXT.", LEDE_RESTATED, *BODY)
    assert head_sentences(d) == 4
    assert find_duplicates(d) == ()


def test_a_title_taken_as_metadata_leaves_the_lede_in_the_body():
    d = doc("Harbour bridge to be rebuilt", "Ruiz vowed to rebuild it.", *BODY, metadata=True)
    assert d.title == "Harbour bridge to be rebuilt"
    assert head_sentences(d) == 0


def test_an_opening_paragraph_of_body_text_is_no_head():
    assert head_sentences(doc(LEDE, *BODY)) == 0
    assert head_sentences(doc(FILLER[0] + " " + FILLER[1])) == 0  # one paragraph: all body


def test_lede_restated_lower_down_is_flagged_below_a_headline():
    d = doc(HEADLINE, LEDE, *BODY, LEDE_RESTATED)
    (pair,) = find_duplicates(d)
    assert pair.a.text == LEDE
    assert pair.b.text == LEDE_RESTATED


def test_paragraph_and_quote_printed_twice_are_flagged_below_a_headline():
    para = BODY[1]
    d = doc(HEADLINE, LEDE, BODY[0], para, QUOTE, BODY[2], para)
    assert [(p.a.text, p.score) for p in find_duplicates(d)] == [(para, 100.0)]
    d = doc(HEADLINE, LEDE, QUOTE, *BODY, QUOTE)
    assert [(p.a.text, p.b.text) for p in find_duplicates(d)] == [(QUOTE, QUOTE)]


SHARE_NAMES = (
    "Senator Maria Delgado of Arizona met Governor Tom Price in Phoenix on Monday to discuss water "
    "rights along the Colorado River."
)
SHARE_NAMES_TOO = (
    "In Phoenix, Senator Maria Delgado told Governor Tom Price's staff that Arizona farmers along the "
    "Colorado River face higher fees."
)


def test_two_paragraphs_sharing_only_names_and_a_place_are_not_flagged():
    d = doc(SHARE_NAMES, BODY[0], BODY[1], SHARE_NAMES_TOO, BODY[2])
    assert head_sentences(d) == 0
    # The scorer alone pairs them (shared runs of names); the names rule drops the pair.
    assert score_passages(SHARE_NAMES, SHARE_NAMES_TOO).score >= 40
    assert find_duplicates(d) == ()


def test_a_list_of_names_restated_stays_flagged():
    a = "Trump has captured Georgia, Alabama, Massachusetts and Tennessee, the networks said at midnight."
    b = "By midnight Trump had won several states: Georgia, Alabama, Massachusetts and Tennessee."
    (pair,) = find_duplicates(doc(a, *BODY, b))
    assert not names_only(pair)


def test_embedded_posts_do_not_match_on_their_markup():
    one = (
        '<tweet pic="" author="GovAnn" timestamp="1449075600" tweet_id="672151859491016704">Praying for the '
        "families in Orlando.</tweet>."
    )
    two = (
        '<tweet pic="" author="SenBob" timestamp="1449075600" tweet_id="672164670267084800">Our hearts go out '
        "to the brave first responders who worked through the night.</tweet>."
    )
    assert find_duplicates(doc(BODY[0], one, BODY[1], two, BODY[2])) == ()
    quoted = 'Another reader wrote: "Our hearts go out to the brave first responders who worked through the night."'
    (pair,) = find_duplicates(doc(BODY[0], quoted, BODY[1], two, BODY[2]))
    assert "hearts go out to the brave first responders who worked through the night" in " ".join(pair.shared)
