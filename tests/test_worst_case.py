"""Issue 17 defect 5: hostile inputs stay near linear. The work each stage does is counted (characters
searched, aligned or scored), not timed: a saved web page read as text (one huge "sentence") or a
transcript full of quotes must not make any stage repeat work over the whole sentence per quote or
align two huge passages."""

from __future__ import annotations

from checks import parse_article
from checks.duplicates import gates, passages
from checks.duplicates.search import find_duplicates
from checks.duplicates.similarity import prepare
from checks.sourcing.grade import grade_sentences
from checks.sourcing.lexicon import default_lexicon
from checks.style import text_flags

CLAUSES = [
    "the council approved the new budget for schools and roads",
    "engineers found the sea wall at Dawlish breached in two places",
    "parents asked for a safer crossing outside the primary school",
    "the bakery won a national award for its sourdough loaf",
]


class _Counting:
    """A regex stand-in that counts the characters it is asked to search."""

    def __init__(self, pattern):
        self.pattern, self.searched = pattern, 0

    def search(self, text, lo=0, hi=None):
        hi = len(text) if hi is None else hi
        self.searched += hi - lo
        return self.pattern.search(text, lo, hi)


def test_thousands_of_quotes_in_one_sentence_search_it_once():
    quotes = " ".join(f"\u201c{CLAUSES[k % 4]} number {k}\u201d and" for k in range(2000))
    doc = parse_article(f"Transcript\n\nThen came {quotes} nothing more.\n")
    grades = grade_sentences(doc)
    counting = _Counting(default_lexicon().pattern("speech_verbs"))
    located = text_flags._Located(doc, tuple(s.start for s in doc.sentences))
    quotations, _, _ = text_flags.scan_quotes(doc)
    flags = text_flags._unattributed(located, grades, quotations, counting)
    assert len(flags) == 2000
    # Before: each quote searched its whole sentence again (2,000 x 140 kB).
    assert counting.searched <= 2 * len(doc.text)


def test_a_long_passage_is_not_aligned_fuzzily(monkeypatch):
    cells = []
    real = passages.fuzz.partial_ratio_alignment

    def counted(a, b, **kwargs):
        cells.append(len(a) * len(b))
        return real(a, b, **kwargs)

    monkeypatch.setattr(passages.fuzz, "partial_ratio_alignment", counted)
    short = ", ".join(CLAUSES * 200)
    long = prepare(f"{short}, and then {short.upper()}, and more.")
    trimmed = passages._trimmed(prepare(short), long)
    assert trimmed.text.rstrip(",") == short  # found where it repeats word for word
    assert sum(cells) <= passages._TRIM_ALIGN_MAX * len(long.text)


def test_huge_sentences_are_not_scored_against_every_other(monkeypatch):
    scored = []
    real = gates.score_prepared

    def counted(a, b, **kwargs):
        scored.append(max(len(a.norm), len(b.norm)) if a.norm != b.norm else 0)
        return real(a, b, **kwargs)

    monkeypatch.setattr(gates, "score_prepared", counted)
    huge = ", ".join(f"{CLAUSES[k % 4]} in district {k}" for k in range(400))
    normal = " ".join(f"{c.capitalize()} in district {k}." for k, c in enumerate(CLAUSES * 5))
    find_duplicates(parse_article(f"Page\n\n{huge}.\n\n{normal}\n"))
    assert max(scored, default=0) <= gates.MAX_SCORED_CHARS
