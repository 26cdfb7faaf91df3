"""Links as sourcing evidence: the ``link`` cue, the ``linked`` grade, "not linked" on second-hand
attribution, the checklist item it blocks, and links found in each format's text."""

from __future__ import annotations

from checks import analysis_to_dict, analyze
from checks.kinds import FlagKind
from checks.model import Sourcing
from checks.review.checklist import default_checklist, item_state
from checks.review.verdicts import Review
from checks.sourcing.links import links_of_flag
from checks.text.formats import parse_document
from checks.text.links import text_links

MARKDOWN = b"""# Council spending

The city spent $4.2 million on [consultants last year](https://example.org/audit.pdf).

Reuters reported that the mayor would resign next month.

The Guardian reported that the deal had collapsed, https://theguardian.com/deal.

Unemployment rose to 7.2 percent in March.

Officials who asked not to be named said the budget would be cut, as [this memo](https://example.org/memo) shows.

Write to us at [the desk](mailto:desk@example.org) about rates rising to 9 percent in May.
"""


def _grades(data: bytes = MARKDOWN, path: str = "story.md"):
    analysis = analyze(parse_document(data, path=path))
    doc = analysis.document
    return analysis, {doc.sentences[g.sentence].text.split()[0]: g for g in analysis.grades}


def test_a_link_that_is_the_only_attribution_grades_linked_with_a_link_cue():
    analysis, grades = _grades()
    spent = next(g for g in analysis.grades if "consultants" in analysis.document.sentences[g.sentence].text)
    assert spent.sourcing is Sourcing.LINKED, spent
    (cue,) = [c for c in spent.cues if c.role == "link"]
    assert cue.url == "https://example.org/audit.pdf" and cue.text == "consultants last year"
    assert analysis.document.text[cue.start : cue.end] == "consultants last year"
    assert "follow" in spent.reason
    (entry,) = [s for s in analysis_to_dict(analysis)["sentences"] if "consultants" in s["text"]]
    assert entry["sourcing"] == "linked"
    assert {"start": cue.start, "end": cue.end, "text": cue.text, "role": "link", "url": cue.url} in entry["cues"]


def test_second_hand_without_a_link_says_not_linked_and_with_one_is_credited_and_linked():
    analysis, grades = _grades()
    assert grades["Reuters"].sourcing is Sourcing.SECONDHAND and grades["Reuters"].reason.endswith("not linked")
    guardian = next(g for g in analysis.grades if "Guardian" in analysis.document.sentences[g.sentence].text)
    assert guardian.sourcing is Sourcing.LINKED and "credited and linked" in guardian.reason
    secondhand = [f for f in analysis.flags if f.kind is FlagKind.SECONDHAND]
    assert len(secondhand) == 1 and "not linked" in secondhand[0].message


def test_unlinked_second_hand_blocks_the_credited_and_linked_item():
    analysis, _ = _grades()
    item = next(i for i in default_checklist().items if i.id == "credit-linked")
    review = Review(article_path="story.md", article_sha256=analysis.document.sha256)
    assert item_state(item, analysis.flags, review).blocked_by
    linked_only = MARKDOWN.replace(b"Reuters reported that the mayor would resign next month.",
                                   b"[Reuters reported](https://reuters.com/x) that the mayor would resign.")
    analysis, _ = _grades(linked_only)
    assert item_state(item, analysis.flags, review).blocked_by is None


def test_other_grades_keep_their_grade_and_gain_the_link_as_evidence():
    analysis, grades = _grades()
    officials = grades["Officials"]
    assert officials.sourcing is Sourcing.ANONYMOUS
    assert [c.url for c in officials.cues if c.role == "link"] == ["https://example.org/memo"]
    flag = next(f for f in analysis.flags if f.kind is FlagKind.ANONYMOUS)
    assert [k.url for k in links_of_flag(analysis.document, flag)] == ["https://example.org/memo"]


def test_an_email_link_is_no_source():
    _, grades = _grades()
    assert grades["Write"].sourcing is not Sourcing.LINKED


def test_a_bare_url_standing_alone_after_its_claim_counts_for_it():
    text = b"Rents rose 12 percent in a year in the city centre. (https://example.org/rents)\n"
    _, grades = _grades(text, "story.txt")
    assert grades["Rents"].sourcing is Sourcing.LINKED


def test_text_links_markdown_and_bare_urls_with_offsets():
    text = "See [the report](https://ig.gov/r.pdf) and https://example.com/a_(b). Also www.bbc.co.uk/news, ok"
    links = text_links(text)
    assert [(k.text, k.url) for k in links] == [
        ("the report", "https://ig.gov/r.pdf"),
        ("https://example.com/a_(b)", "https://example.com/a_(b)"),
        ("www.bbc.co.uk/news", "https://www.bbc.co.uk/news"),
    ]
    for k in links:
        assert text[k.start : k.end] == k.text


def test_html_links_grade_like_markdown_ones():
    page = (b"<html><head><title>Audit</title></head><body><article>"
            b"<p>The city spent 4.2 million dollars on "
            b"<a href='https://example.org/audit.pdf'>consultants last year</a>.</p>"
            b"<p>Unemployment in the region rose to 7.2 percent in March, the highest level in a decade.</p>"
            b"</article></body></html>")
    analysis = analyze(parse_document(page, path="page.html"))
    assert analysis.grades[0].sourcing is Sourcing.LINKED


def test_report_shows_links_metadata_and_linked_sentences():
    from checks.review.checklist import default_checklist
    from checks.review.report import render_report

    analysis, _ = _grades()
    report = render_report(analysis, None, default_checklist())
    assert "## Sourced by a link" in report and "https://example.org/audit.pdf" in report
    assert "- **Link:** https://example.org/memo" in report  # under the anonymous flag
    page = (b"<html><head><title>Audit</title><meta name='author' content='Sam Writer'></head><body><article>"
            b"<p>The city spent 4.2 million dollars on consultants last year, the mayor said on Monday.</p>"
            b"</article></body></html>")
    report = render_report(analyze(parse_document(page, path="page.html")), None, default_checklist())
    assert "- **Byline:** Sam Writer" in report and "- **Format:** html" in report


def test_a_url_in_markup_attributes_is_not_a_link():
    assert text_links("[link=https://e.vil]Jobs[/link] fell") == ()
    assert [k.url for k in text_links("(see https://x.org/a)")] == ["https://x.org/a"]
