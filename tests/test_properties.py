"""Property-based tests: arbitrary text through the engine, verdict files and re-attachment.

Whatever the text, offsets stay inside it, spans are ordered and every ``text`` field is the slice
of ``Document.text`` its offsets name; nothing raises. Examples are kept modest (the suite shares
two cores); run with ``--hypothesis-seed`` to replay one.
"""

from __future__ import annotations

import json
from dataclasses import replace

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from checks import ArticleError, analysis_to_dict, analyze, parse_article
from checks.review.yaml_form import dump_review, review_from_bytes
from checks.review.reattach import reattach
from checks.review.verdicts import Decision, Review, SignOff, Tick, Verdict

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words that make the engine's rules fire: speech verbs, anonymity and vague markers, outlets, quotes.
WORDS = [
    "said", "says", "told", "according to", "officials", "a source", "sources", "reportedly", "it is believed",
    "Reuters", "the BBC", "Mr Smith", "Mrs Jones", "Kim Jong Un", "Kim Jong-un", "KIM", "the minister",
    "will", "rose", "by", "10%", "in", "May", "the", "council", "budget", "clearly", "I", "think", "[...]",
    "(...)", "\u201c", "\u201d", '"', "'", "\u2018", "\u2019", "\u00ab", "\u00bb", ",", ";", ":", "-", "\u2014",
    "caf\u00e9", "e\u0301", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\U0001f600",
    "\U0001f1ec\U0001f1e7", "[bold]", "[/]", "\x1b[31m", "Dr.", "U.S.", "e.g.", "3.5", "...", "?", "!",
]
ENDS = [".", ".", ".", "?", "!", ".\u201d", '."', "", "...", ":"]
SEPARATORS = [" ", " ", " ", "  ", "\n", "\t", "\r\n"]


@st.composite
def articles(draw) -> str:
    """Article-like text: paragraphs of sentences of words the rules care about, odd spacing."""
    paragraphs = []
    for _ in range(draw(st.integers(1, 5))):
        sentences = []
        for _ in range(draw(st.integers(1, 4))):
            words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14))
            sentence = ""
            for w in words:
                sentence += w + draw(st.sampled_from(SEPARATORS))
            sentences.append(sentence.strip() + draw(st.sampled_from(ENDS)))
        paragraphs.append(" ".join(sentences))
    sep = draw(st.sampled_from(["\n\n", "\r\n\r\n", "\r\r", "\n \n", "\n\n\n"]))
    head = draw(st.sampled_from(["", "date 2024-05-01 ", "# A title\n\n", "Short headline\n\n"]))
    return head + sep.join(paragraphs)


any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
texts = st.one_of(articles(), any_text)


def check_analysis(text: str) -> None:
    try:
        doc = parse_article(text)
    except ArticleError:
        return  # refused with a message: allowed (e.g. NUL characters)
    n = len(doc.text)
    assert "\r" not in doc.text
    prev_end = 0
    for p in doc.paragraphs:
        assert prev_end <= p.start < p.end <= n
        prev_end = p.end
    prev_end = 0
    for i, s in enumerate(doc.sentences):
        assert s.index == i
        assert prev_end <= s.start < s.end <= n, "sentences ordered and non-overlapping"
        assert doc.text[s.start : s.end] == s.text
        para = doc.paragraphs[s.paragraph]
        assert para.start <= s.start and s.end <= para.end
        prev_end = s.end

    analysis = analyze(doc)
    assert {g.sentence for g in analysis.grades} <= set(range(len(doc.sentences)))
    for g in analysis.grades:
        for c in g.cues:
            assert 0 <= c.start <= c.end <= n and doc.text[c.start : c.end] == c.text
    for d in analysis.duplicates:
        for span in (d.a, d.b):
            assert 0 <= span.start <= span.end <= n and doc.text[span.start : span.end] == span.text
        for op in d.diff:
            assert op.a_end <= n and op.b_end <= n
    ids = [f.id for f in analysis.flags]
    assert len(ids) == len(set(ids)), "flag ids are unique"
    for f in analysis.flags:
        assert 0 <= f.start <= f.end <= n
        if f.kind != "reused":  # a corpus match's related span points into the other document
            for r in f.related:
                assert 0 <= r.start <= r.end <= n and doc.text[r.start : r.end] == r.text
        assert doc.text[f.start : f.end] == f.text
    json.dumps(analysis_to_dict(analysis))  # the scan JSON is always serialisable


@SETTINGS
@given(texts)
@example("")
@example("\r")
@example("date 2024-01-01")
@example('"')
@example("\u201c\u201d\u201c. \u00ab")
@example("Mr. Smith said. \u2028 [...] \x85 next")
def test_engine_on_arbitrary_text(text):
    check_analysis(text)


@SETTINGS
@given(st.binary(max_size=300))
@example(b"\xff\xfe")
@example(b"\xfe\xff\x00")
@example(b"\xef\xbb\xbf")
def test_engine_on_arbitrary_bytes(data):
    try:
        doc = parse_article(data)
    except ArticleError as exc:
        assert "\n" not in str(exc)
        return
    check_analysis(doc.text)


notes = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)


@st.composite
def reviews(draw) -> Review:
    verdicts = []
    for i in range(draw(st.integers(0, 4))):
        decision = draw(st.sampled_from(list(Decision)))
        note = draw(notes)
        if decision is Decision.DISMISSED and not note.strip():
            note = "false positive"
        start = draw(st.integers(0, 10_000))
        verdicts.append(Verdict(f"kind-{i}", draw(st.sampled_from(["unsourced", "vague", ""])), decision,
                                draw(notes), start, start + draw(st.integers(0, 500)), note, draw(notes), draw(notes)))
    ticks = tuple(Tick(draw(notes) or "item", draw(notes)) for _ in range(draw(st.integers(0, 2))))
    sign = draw(st.none() | st.builds(SignOff, notes, notes))
    return Review(draw(notes), draw(st.text("0123456789abcdef", min_size=1, max_size=64)), draw(notes),
                  tuple(verdicts), ticks, draw(st.none() | notes.filter(bool)), sign, draw(notes), draw(notes))


@SETTINGS
@given(reviews())
def test_verdict_file_round_trips_any_text(review):
    """Notes with line separators, quotes, colons, control characters: saved and read back intact."""
    data = dump_review(review).encode("utf-8")
    back = review_from_bytes(data, source="x.review.yaml")
    assert back == review


@SETTINGS
@given(articles(), st.data())
def test_reattach_never_drops_or_misplaces_a_verdict(text, data):
    try:
        old = analyze(parse_article(text))
    except ArticleError:
        return
    review = Review("a.txt", old.document.sha256)
    for f in old.flags:
        review = review.with_verdict(Verdict.for_flag(f, Decision.NEEDS_WORK, note=f.id))
    same = reattach(review, old)
    assert len(same.carried) == len(review.verdicts) and same.review == review

    # An edit: a slice cut out and something pasted in its place.
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    edited = text[:a] + data.draw(st.sampled_from(["", " ", "New words here. ", "\n\n", "said"])) + text[b:]
    try:
        new = analyze(parse_article(edited))
    except ArticleError:
        return
    result = reattach(review, new)
    assert len(result.review.verdicts) == len(review.verdicts), "never dropped"
    assert len(result.carried) + len(result.weak) + len(result.orphans) == len(review.verdicts)
    ids = [v.flag for v in result.review.verdicts]
    assert len(ids) == len(set(ids)), "two verdicts never share a flag id"
    assert sorted(v.note for v in result.review.verdicts) == sorted(v.note for v in review.verdicts)
    for _, flag, _ in result.carried:
        moved = next(v for v in result.review.verdicts if v.flag == flag.id)
        assert new.document.text[moved.start : moved.end] == moved.text == flag.text
    assert len({f.id for _, f, _ in result.carried} | {w.flag.id for w in result.weak}) == (
        len(result.carried) + len(result.weak)
    ), "one verdict per flag"
    assert replace(result.review, verdicts=review.verdicts, position=review.position) == review
