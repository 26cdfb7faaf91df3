import pytest

from checks import ArticleError, parse_article


def test_seed_metadata_and_sentences(seed_path):
    doc = parse_article(seed_path.read_bytes(), path=str(seed_path))
    assert doc.date == "2018-09-20"
    assert doc.sentences[0].text.startswith("Even though North Korea")
    texts = [s.text for s in doc.sentences]
    # Abbreviations, hyphenated names and splice marks do not end sentences.
    assert "Some U.S. officials were deeply skeptical." in texts
    assert any(t.startswith("Speaking before Pompeo’s announcement") and t.endswith("Seoul.") for t in texts)
    assert any(t.startswith('[...] "There is nothing') for t in texts)
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
        para = doc.paragraphs[s.paragraph]
        assert para.start <= s.start < s.end <= para.end


def test_mr_and_quotes_do_not_break():
    doc = parse_article('Mr. Smith said: "We will go. Then we stop." He left.\n')
    assert [s.text for s in doc.sentences][-1] == "He left."
    assert doc.sentences[0].text.startswith("Mr. Smith said")


def test_title_line_and_paragraphs():
    doc = parse_article("Ad sales boost profit\n\nProfits rose. Sales fell.\n\nA second paragraph.\n")
    assert doc.title == "Ad sales boost profit"
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1]
    assert doc.sentences[0].text == "Profits rose."


def test_markdown_title():
    doc = parse_article("# The headline\nBody text here. More.\n")
    assert doc.title == "The headline"
    assert doc.sentences[0].text == "Body text here."


@pytest.mark.parametrize(
    "data, encoding",
    [
        ("Café said so.".encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + "Café said so.".encode("utf-8"), "utf-8"),
        ("Café said so.".encode("utf-16"), "utf-16"),
        ("Café said so.".encode("cp1252"), "cp1252"),
    ],
)
def test_encodings(data, encoding):
    doc = parse_article(data)
    assert doc.text.strip() == "Café said so."
    assert doc.encoding == encoding
    assert bool(doc.warnings) == (encoding == "cp1252")


def test_binary_refused():
    with pytest.raises(ArticleError, match="binary"):
        parse_article(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_line_endings_normalised():
    doc = parse_article(b"One line.\r\nTwo.\rThree.\n")
    assert "\r" not in doc.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aides to Gov. Chris Christie said the bridge was closed.", 1),
        ("Rep. John Lewis spoke. Lt. Col. Smith and Sgt. Pepper and Rev. Al Sharpton agreed.", 2),
        ("It was signed by the Gov. The law takes effect in July.", 2),  # a stopword opens a new sentence
        ("He met the Gov. at noon. Then he left.", 2),
    ],
)
def test_a_title_before_a_name_does_not_end_the_sentence(text, expected):
    """syntok ends a sentence after "Gov.", "Rep.", "Lt.", "Sgt.", "Rev." when a name follows,
    which cut speakers from their verbs on PolNeAR train ("aides to Gov. | Chris Christie said")."""
    sentences = parse_article(text).sentences
    assert len(sentences) == expected, [s.text for s in sentences]
    assert all(text[s.start : s.end] == s.text for s in sentences)


# The fast path of sentence splitting (checks/text/sentence_spans.py) must give exactly syntok's spans. These
# paragraphs are written for the cases where syntok goes on past a terminal or stops before one.
FAST_PATH_PARAGRAPHS = [
    "The council approved the budget on Monday.",  # one sentence, full stop at the end
    "The council approved the budget on Monday",  # no terminal at all
    "The council approved the budget on Monday.   ",  # trailing white space
    "\u200bThe council met.\u200b",  # a zero-width space is a space to syntok, not to str.strip
    "\x1cThe council met.\x1c",  # and a file separator the other way round
    'She said: "We will vote on it."',  # closing quote after the terminal
    'She said: "We will vote on it".',
    "She said they would vote. \u201d",  # a lone closing quote, spaced off, glued back
    "The vote was close (six to five).",  # bracket at the end
    "The vote (six to five) was close. Members left.",  # bracket before the first end
    "Members left. The vote (six to five) was close. Then they went.",
    "Did he vote? Nobody knows!",
    'He asked "Did she vote?" and left.',  # question mark inside quotes, sentence goes on
    '"Did she vote?" he asked. "No," she said.',
    "Prices rose... Then they fell.",
    "Prices rose\u2026 then they fell. Some said so.",  # a Unicode ellipsis is no terminal to syntok
    "Prices rose . . . then fell.",
    "The U.S. economy grew 3.5% in 2004. Exports rose.",  # abbreviation and decimal
    "Exports rose in the U.S. The euro fell.",
    "Mr. Smith and Dr. Jones met Gov. Dana Holt. They spoke.",  # titles joined to names
    "It was signed by the Gov. The law takes effect in July.",
    "He met the Gov. at noon. Then he left.",
    "Aides to Sen. Warren said so. She agreed.",
    "Clinton votes Feb. 27. She leads in May. Sanders trails.",  # months and numbers
    "He won in 2004. May was a good month. Sales rose in 2005. Mar-a-Lago was sold.",
    "He won 2004. MayDay was next. It rained in 2004. Ⅻ came after.",
    "It was Henry VI. The king was young. Part II. It followed.",  # Roman numerals
    "Was it no. It was not. Say no. No5 was the answer.",
    "He met John F. Kennedy. Then he left. He was born in Washington, D.C. He moved.",
    "The iPod. McCain said it. The well-known. Lt-Gov. Smith agreed. A 3Dr. Who knows.",
    "Visit bbc.co.uk for more. The site.It was down. The end.The start.",
    'Turnout was "high". Officials said so. It was a "record"! Others said "low."',
    "\u201cWe won,\u201d he said. \u2018It was close.\u2019 The count ended.",
    "He paid \u00a32m. It was \u20ac3m. Then $5m. 'Tis the season.",
    "First line of the paragraph.\nSecond line. Third line.",
    "First part.\n\u00a0\nSecond part after a line that only holds a no-break space.",
    "One sentence;\tanother clause. Next\u00a0sentence. Last\u2009one.",
    "(Reuters) The council met. It voted.",
    "[Editor's note: updated.] The council met.",
    "The end.\uff09 Next one\uff0e Full-width stops\uff01 Right\u3002 Done.",
    "...",
    "* * *",
    ".",
    '"',
    "Yes. No. Maybe. So. It. Is.",
    "Mr. Smith met U.S. officials at 3 p.m. on Monday with John F. Kennedy Jr. and Co. staff.",
    "Mr. The meeting began.",  # a sentence starter after an abbreviation does end the sentence
    "He met U.S. The meeting began. It was in Washington, D.C. Officials came.",
    "Exports rose. then fell. Item x. Y was next. Item a. B was next. Henry VIII. Tudor rule.",
    "He met Mr.\u200bSmith. And Mr.\x1cJones. And Mr.\u00a0Brown. And e.G. Smith.",
    "Mr. McCain and Mr. TheNews and Dr. Thebes met Sen. Ⅻ and St. 2004.",
    'It drew "is that all?" remarks; critics said so... and left! then came back.',
    "Sales fell by 40%. Profits rose 5%. then fell. The end\u2019. Next.",
    "Aides to Gov. Dana Holt met Rev. Ann Hollis. Then Gov. The aides left. Lt. And so on.",
    "Aides to Gov. chris met Gov. 2 and Gov.Smith and the Gov.. Then Gov. \u00c9mile spoke.",
    "The Regional Water Board (RWB) warned of shortages. It cost $12m (\u00a39m) in all.",
    "Sales (\u00a32.5bn) rose. Apple (AAPL) Inc said so. (Reuters) the council met (see below).",
    "It rose (by 5%), then fell [a case] of (x) It. (-) and ( x ) and (x.Y) and (a\u200bb) here.",
    "He said (this is a long aside that runs well past the seventy characters syntok skips) so.",
    "He said ((nested)) so. And (unclosed so. And closed) so. And (The Times) reported it.",
]


@pytest.mark.parametrize("paragraph", FAST_PATH_PARAGRAPHS)
def test_fast_path_gives_syntoks_spans(paragraph):
    from checks.text.sentence_spans import _syntok_spans, sentence_spans

    assert sentence_spans(paragraph) == _syntok_spans(paragraph)


def test_fast_path_is_taken():
    """Not only equal: the fast path does skip syntok on plain news sentences."""
    from checks.text.sentence_spans import _FAST_PATH, _certain_ends, _one_sentence

    assert _FAST_PATH, "syntok is not the version the fast path was checked against; see _SYNTOK_CHECKED"
    assert _one_sentence("The council approved the budget on Monday.")
    assert _one_sentence('She said: "We will vote on it."')
    assert _one_sentence("The U.S economy grew 3.5% on bbc.co.uk")
    assert _one_sentence("Mr. Smith met U.S. officials at 3 p.m. on Monday with John F. Kennedy.")
    assert not _one_sentence("Exports rose. The euro fell.")
    assert not _one_sentence("He met U.S. The meeting began.")
    assert _one_sentence('Aides to Gov. Dana Holt said "is that all?" and left; critics... agreed.')
    assert _certain_ends("Sales fell by 40%. Profits rose.") == [(18, 19)]
    assert _one_sentence("The Regional Water Board (RWB) warned it would rise (by 5%).")
    assert _certain_ends("The board (RWB) warned. Prices rose.") == [(23, 24)]
    text = 'Exports rose in 2004. The euro fell. Turnout was "high". Officials said so.'
    assert [text[a:b] for a, b in _certain_ends(text)] == [" ", " ", " "]
    assert _certain_ends("Mr. Smith left. Gov. Dana Holt spoke.") == [(15, 16)]


def test_fast_path_knows_syntoks_terminals_and_brackets():
    """The fast path's character classes hold every terminal and opening bracket of syntok."""
    from syntok._segmentation_states import State

    from checks.text.sentence_spans import _OPENING_BRACKET, _TRIGGERS

    for token in State.terminals | State.opening_brackets:
        assert all(_TRIGGERS.match(c) for c in token), token
    for token in State.opening_brackets:
        assert _OPENING_BRACKET.match(token), token


def test_fast_path_on_random_paragraphs():
    """Random paragraphs of awkward pieces (abbreviations, titles, months, numbers, quotes,
    brackets, odd spaces): the fast path and syntok agree on every one."""
    import random

    from checks.text.sentence_spans import _syntok_spans, sentence_spans

    words = ["the", "The", "said", "Mr", "Gov", "Sen", "Dr", "U.S", "May", "Feb", "Sept", "2004", "27", "1", "II",
             "No", "no", "McCain", "iPod", "well-known", "Lt-Gov", "3Dr", "A", "I", "However", "Smith", "3.5",
             "end.The", "e.g", "etc", "St", "Inc", "Müller", "ǅemal", "½", "3rd", "2004-05", "Mar-a-Lago", "don't",
             "Jones'", "£2m", "Ⅻ", "ⅰv", "(Reuters)", "(AP", "it)", "[sic]", "MayDay", "Mar3", "'Tis", "1000",
             "(RWB)", "(£2.5bn)", "(a b)", "(-)", "(x)y", "((x))", "(Mr. X)", "(12%)", "(R)", "(x.Y)"]
    opens = ["", "", "", '"', "“", "‘", "'", "(", "’", "—"]
    ends = [".", ".", ".", "!", "?", ";", "...", "…", ":", "", ".)", ").", '."', '".', ".”", "”.", ".’", "'.",
            '?"', "?!", "。", "．", " .", ". ."]
    spaces = [" ", " ", " ", "  ", "\n", "\u00a0", "\u200b", "\x1c", "\t", "\n\u00a0\n", "", "\u3000"]
    rng = random.Random(20261130)
    for _ in range(3000):
        pieces = []
        for k in range(rng.randint(1, 6)):
            words_ = " ".join(rng.choice(words) for _ in range(rng.randint(1, 5)))
            pieces.append((rng.choice(spaces) if k else "") + rng.choice(opens) + words_ + rng.choice(ends))
        paragraph = "".join(pieces).strip()
        if paragraph:
            assert sentence_spans(paragraph) == _syntok_spans(paragraph), paragraph


def test_fast_path_on_shared_data():
    """Every paragraph of PolNeAR dev and Clough & Stevenson (real news and student prose):
    identical spans. benchmarks/bench_segment.py --verify runs all of ../shared/data."""
    from conftest import shared_data

    from checks.text.segment import decode_bytes, split_paragraphs
    from checks.text.sentence_spans import _syntok_spans, sentence_spans

    files = sorted((shared_data("polnear") / "dev" / "text").glob("*.txt"))
    files += sorted((shared_data("clough_stevenson") / "texts").glob("*.txt"))
    compared = 0
    for path in files:
        text = decode_bytes(path.read_bytes())[0]
        for para in split_paragraphs(text):
            chunk = text[para.start : para.end]
            assert sentence_spans(chunk) == _syntok_spans(chunk), (path.name, chunk[:200])
            compared += 1
    assert compared > 1000
