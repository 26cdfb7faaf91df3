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
