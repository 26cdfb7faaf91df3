"""Text flags on in-memory text: splice marks, quotation marks, quotes with no speaker, name variants."""

from __future__ import annotations

from checks import FlagKind, Sourcing, grade_sentences, parse_article, read_article
from checks.model import SentenceGrade
from checks.style.text_flags import find_text_flags


def doc(*paragraphs: str):
    return parse_article("\n\n".join(paragraphs), parse_metadata=False)


def flags_of(d, kind: FlagKind, grades=None):
    grades = grade_sentences(d) if grades is None else grades
    return [f for f in find_text_flags(d, grades) if f.kind is kind]


def all_named(d):
    return [SentenceGrade(s.index, Sourcing.NAMED) for s in d.sentences]


def all_unsourced(d):
    return [SentenceGrade(s.index, Sourcing.UNSOURCED) for s in d.sentences]


# --- splice marks ---------------------------------------------------------------------------


def test_splice_marks_of_every_style():
    d = doc('He said: "We will win [...] and then rest." Later (...) he left. A cut […] here and [ . . . ] there.')
    marks = [f.related[0].text for f in flags_of(d, FlagKind.SPLICE, all_named(d))]
    assert marks == ["[...]", "(...)", "[…]", "[ . . . ]"]


def test_splice_flag_text_matches_its_span_and_carries_context():
    d = doc("The minister said [...] the plan would go ahead.")
    (f,) = flags_of(d, FlagKind.SPLICE, all_named(d))
    assert d.text[f.start : f.end] == f.text == "The minister said [...] the plan would"


def test_no_splice_in_plain_brackets_or_an_ellipsis():
    d = doc("He paused... then spoke [loudly] (twice).")
    assert flags_of(d, FlagKind.SPLICE, all_named(d)) == []


# --- unbalanced quotation marks -------------------------------------------------------------


def test_stray_closing_mark_is_flagged():
    d = doc('While North Korea has pledged to "work toward" denuclearization", these commitments have been vague.')
    (f,) = flags_of(d, FlagKind.UNBALANCED_QUOTE, all_named(d))
    assert f.related[0].start == d.text.index('",')
    assert f.text == 'denuclearization"' == d.text[f.start : f.end]
    assert "closing" in f.message


def test_unclosed_curly_quote_is_flagged():
    d = doc("“We will never give in, the mayor said on Monday.", "The council voted later.")
    (f,) = flags_of(d, FlagKind.UNBALANCED_QUOTE, all_named(d))
    assert f.related[0].text == "“" and "never closed" in f.message


def test_apostrophes_are_not_quotes():
    d = doc("Pompeo’s plan and the officials’ view: it's Kim's call, they're sure.")
    assert flags_of(d, FlagKind.UNBALANCED_QUOTE, all_named(d)) == []


def test_multi_paragraph_quote_convention_is_balanced():
    d = doc(
        "“This is the first paragraph of a long statement,” she said. “It goes on here",
        "“and the quote reopens in the next paragraph, as the convention has it.”",
    )
    assert flags_of(d, FlagKind.UNBALANCED_QUOTE, all_named(d)) == []


def test_multi_paragraph_convention_with_lost_paragraph_breaks():
    d = doc('"I would say it was far too cheap. "But this deal is different," he said.')
    assert flags_of(d, FlagKind.UNBALANCED_QUOTE, all_named(d)) == []


def test_typewriter_quotes_both_ways_are_balanced():
    d = doc("''I'm a little surprised,'' Mr. Trump said. ''It went well.''")
    assert flags_of(d, FlagKind.UNBALANCED_QUOTE, all_named(d)) == []


def test_typewriter_quote_reopening_the_next_paragraph_is_balanced():
    """NYT copy runs a quote over paragraphs with '' as other copy does with “ (found on PolNeAR)."""
    d = doc("''It is hard for voters to judge,'' she said. ''And it goes on here", "''into the next paragraph.''")
    assert flags_of(d, FlagKind.UNBALANCED_QUOTE, all_named(d)) == []


def test_guillemets_pair_and_an_unclosed_one_is_flagged():
    balanced = doc("«Nous gagnerons», a dit le maire lundi.")
    assert flags_of(balanced, FlagKind.UNBALANCED_QUOTE, all_named(balanced)) == []
    d = doc("«Nous ne céderons jamais, a dit le maire lundi.", "Le conseil a voté plus tard.")
    (f,) = flags_of(d, FlagKind.UNBALANCED_QUOTE, all_named(d))
    assert f.related[0].text == "«" and "never closed" in f.message


# --- quotes with no speaker ----------------------------------------------------------------


def test_scare_quote_in_unsourced_sentence_is_flagged():
    d = doc('North Korea has pledged to "work toward" denuclearization. The talks went on.')
    (f,) = flags_of(d, FlagKind.UNATTRIBUTED_QUOTE, all_unsourced(d))
    assert f.text == '"work toward"' and "partial quote" in f.message


def test_scare_quote_in_attributed_sentence_is_not_flagged():
    d = doc('The minister said the country would "work toward" peace.')
    assert flags_of(d, FlagKind.UNATTRIBUTED_QUOTE, all_named(d)) == []


def test_full_quote_covered_by_a_neighbouring_attribution():
    d = doc('"We are calm," the official said. "We will see what happens."')
    grades = [SentenceGrade(0, Sourcing.ANONYMOUS), SentenceGrade(1, Sourcing.UNSOURCED)]
    assert flags_of(d, FlagKind.UNATTRIBUTED_QUOTE, grades) == []


def test_full_quote_with_no_attribution_anywhere_near():
    d = doc("The market fell.", '"Everything is conditional on actions that reduce the pressure."', "Rain is expected.")
    (f,) = flags_of(d, FlagKind.UNATTRIBUTED_QUOTE, all_unsourced(d))
    assert f.text.startswith('"Everything') and "no speaker" in f.message


def test_speech_verb_outside_the_quote_attributes_it_even_when_the_grade_missed_it():
    d = doc('"We live in a strange kingdom," my father often said.')
    assert flags_of(d, FlagKind.UNATTRIBUTED_QUOTE, all_unsourced(d)) == []


def test_said_inside_the_quote_is_no_attribution():
    d = doc('The market fell.', '"Nobody said this would be easy, and nobody was right."', "Rain is expected.")
    assert len(flags_of(d, FlagKind.UNATTRIBUTED_QUOTE, all_unsourced(d))) == 1


def test_long_quote_reopened_sentence_after_sentence_keeps_its_speaker():
    d = doc(
        'At first he said only: "I have always told you nothing happened. '
        '"If he has to talk, he talks. '
        'The rest is noise. "He does not interest me at all."'
    )
    assert flags_of(d, FlagKind.UNATTRIBUTED_QUOTE, all_unsourced(d)) == []


def test_dash_signature_names_the_speaker():
    d = doc("“Maybe we can build a wall around the candidate.” ― Steve Quinlan.")
    assert flags_of(d, FlagKind.UNATTRIBUTED_QUOTE, all_unsourced(d)) == []


def test_seed_scare_quote_is_flagged_with_the_real_grader(seed_path):
    d = read_article(seed_path)
    texts = [f.text for f in flags_of(d, FlagKind.UNATTRIBUTED_QUOTE)]
    assert texts == ['"work toward"']


# --- name variants -------------------------------------------------------------------------


def test_near_identical_names_are_variants_and_point_at_each_other():
    d = doc(
        "Pompeo invited Ri Yong-hu, the foreign minister, to New York.",
        "Ri Yong-ho met officials there and Ri Yong-ho later flew home.",
    )
    (f,) = flags_of(d, FlagKind.NAME_VARIANT, all_named(d))
    assert f.text == "Ri Yong-hu"  # the rarer spelling
    assert [r.text for r in f.related] == ["Ri Yong-ho", "Ri Yong-ho"]
    assert all(d.text[r.start : r.end] == r.text for r in f.related)


def test_acronym_with_and_without_dots_is_a_style_variant():
    d = doc("US officials met on Monday. The US team left. Some U.S. officials were skeptical.")
    (f,) = flags_of(d, FlagKind.NAME_VARIANT, all_named(d))
    assert f.text == "U.S." and [r.text for r in f.related] == ["US", "US"]
    assert "style" in f.message


def test_short_forms_plurals_and_derived_words_are_not_variants():
    d = doc(
        "Kim Jong Un met Moon. Later Kim spoke to the North about North Korea and South Korea.",
        "The two Koreas agreed; a Korean official and several Koreans spoke. Democrats and the Democratic Party.",
        "Iran and Iraq met. Obama spoke of Osama.",
    )
    assert flags_of(d, FlagKind.NAME_VARIANT, all_named(d)) == []


def test_seed_flags(seed_path):
    d = read_article(seed_path)
    flags = find_text_flags(d, grade_sentences(d))
    kinds = sorted(str(f.kind) for f in flags)
    assert kinds == ["name_variant", "splice", "unattributed_quote", "unbalanced_quote"]
    for f in flags:
        assert d.text[f.start : f.end] == f.text


def test_a_quote_paragraph_is_not_covered_by_the_attribution_of_the_paragraph_before():
    from checks import analyze, parse_article

    text = (
        'Turnout rose to 61 percent, the elections office said.\n\n'
        '"People were tired of being told to wait for everything."\n'
    )
    analysis = analyze(parse_article(text, parse_metadata=False))
    quotes = [f for f in analysis.flags if f.kind == "unattributed_quote"]
    assert [f.text for f in quotes] == ['"People were tired of being told to wait for everything."']


def _pairwise_name_variants(d):
    """The straightforward reference: every pair of names through ``_is_variant``."""
    from checks.style import name_variants as nv

    occurrences = nv._names(d)
    lower_words = set(nv._LOWER_WORD.findall(d.text))
    common = nv.stopwords()
    names = sorted(n for n in occurrences if " " in n or (n.lower() not in lower_words and n.lower() not in common))
    return [
        nv._variant("spelling", nv._spans(d.text, occurrences[a]), nv._spans(d.text, occurrences[b]))
        for i, a in enumerate(names)
        for b in names[i + 1 :]
        if nv._is_variant(a, b)
    ]


def test_indexed_name_comparison_finds_what_every_pair_comparison_finds():
    import random

    from checks.style.name_variants import _spelling_variants

    rng = random.Random(7)
    letters = "aeioulnrstkm"
    stems = ["Alexandra", "Kensington", "Ri Yong-ho", "Moon Jae-in", "Korea", "Democrat", "Slovakia",
             "Austria", "Medicaid", "Obama", "Greece", "Nigeria", "Sweden", "Palmerston", "Kim Jong Un"]
    stems += ["".join(rng.choice(letters) for _ in range(rng.randint(3, 11))).capitalize() for _ in range(150)]

    def mutate(word: str) -> str:
        i = rng.randrange(len(word))
        edit = rng.choice(["sub", "ins", "del", "swap", "suffix"])
        if edit == "sub":
            return word[:i] + rng.choice(letters) + word[i + 1 :]
        if edit == "ins":
            return word[:i] + rng.choice(letters) + word[i:]
        if edit == "del" and len(word) > 1:
            return word[:i] + word[i + 1 :]
        if edit == "swap" and i + 1 < len(word):
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        return word + rng.choice(["s", "n", "ns", "ian"])

    names = list(stems)
    for _ in range(400):
        words = rng.choice(names).split()
        k = rng.randrange(len(words))
        words[k] = mutate(mutate(words[k]) if rng.random() < 0.4 else words[k]).capitalize()
        if rng.random() < 0.2:
            words.append(rng.choice(stems).split()[0])
        names.append(" ".join(words))
    sentences = [f"Yesterday {name} met {rng.choice(names)} and then {rng.choice(names)} in town." for name in names]
    d = doc(*(" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)))

    expected = _pairwise_name_variants(d)
    assert len(expected) > 50  # the document does exercise the comparison
    assert _spelling_variants(d) == expected


def test_lower_words_of_the_distinct_tokens_are_those_of_the_text():
    from checks.style import name_variants as nv

    text = (
        "the The e.g. etc.and x.y (said) “quoted” don't co-op naïve abcD _under 3rd\x1cfile\x1fsep"
        "\u2028line\u00a0nbsp\u3000wide end. end.\tTab\nnew lines\r\nwindows"
    )
    for t in (text, text * 2, text.replace(" ", ""), ""):
        assert nv._lower_words(t) == set(nv._LOWER_WORD.findall(t))


def test_quotation_marks_found_by_literal_search_are_the_regex_marks():
    import random

    from checks.text import quotes as qm

    rng = random.Random(11)
    alphabet = ['"', "“", "”", "`", "'", "a", " ", "\n", "’", "‘"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert qm._mark_spans(text) == [m.span() for m in qm.QUOTE_MARK.finditer(text)], text


def test_quotation_marks_by_paragraph_from_one_scan_match_a_scan_per_paragraph():
    """Also where a '' or `` lies across a paragraph edge, and with text between paragraphs."""
    import random

    from checks.text import quotes as qm
    from checks.model import Paragraph

    rng = random.Random(5)
    alphabet = ['"', "“", "”", "`", "'", "a", " "]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, 2 * rng.randint(0, 4))))
        paragraphs = [Paragraph(k, a, b) for k, (a, b) in enumerate(zip(cuts[::2], cuts[1::2]))]
        per_paragraph = [
            (p, [m.span() for m in qm.QUOTE_MARK.finditer(text, p.start, p.end)]) for p in paragraphs
        ]
        got = qm._marks_by_paragraph(text, paragraphs)
        assert [(p, marks) for p, marks in got if marks] == [(p, marks) for p, marks in per_paragraph if marks]


def test_splice_marks_tried_at_brackets_are_the_regex_matches():
    import random

    from checks.style import text_flags as tf

    rng = random.Random(13)
    alphabet = ["[", "]", "(", ")", ".", " ", "…", "a", ". . ."]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
        assert [m.span() for m in tf._splice_marks(text)] == [m.span() for m in tf._SPLICE.finditer(text)], text


def test_a_headline_with_quotation_marks_gets_no_quote_flag():
    d = doc('Council tax rise "reasonable"', "The council met on Monday.")
    assert flags_of(d, FlagKind.UNATTRIBUTED_QUOTE) == []


def test_one_flag_for_a_quote_paragraph_with_no_speaker():
    # The quote after a paraphrase paragraph has no speaker of its own: the quote flag says so, and
    # the unsourced flag on the same words is left out (one problem, one flag).
    from checks.analysis import analyze

    d = doc(
        "Mr Ortiz said the plant would reopen next year.",
        '"With these investments, we are going to stay the main employer in the valley for a long time."',
    )
    flags = [f for f in analyze(d).flags if f.sentence == 1]
    assert [f.kind for f in flags] == [FlagKind.UNATTRIBUTED_QUOTE]
    # after a sentence with no speaker the quote is unsourced too: still one flag
    d = doc("The plant will reopen next year.", '"With these investments, we are going to stay the main employer here."')
    assert [f.kind for f in analyze(d).flags if f.sentence == 1] == [FlagKind.UNATTRIBUTED_QUOTE]
    assert grade_sentences(d)[1].sourcing is Sourcing.UNSOURCED  # the grade keeps its meaning
    assert "quotation with no speaker" in grade_sentences(d)[1].reason


def test_a_scare_quote_in_an_unsourced_sentence_keeps_both_flags():
    from checks.analysis import analyze

    d = doc('The firm says its "core function" stays in Leeds.', 'Rents have risen by a "modest" amount in the city this year.')
    kinds = sorted(str(f.kind) for f in analyze(d).flags if f.sentence == 1)
    assert kinds == ["unattributed_quote", "unsourced"]  # two problems: no source, and a quote of no one
