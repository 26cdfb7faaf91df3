"""The sample articles in ``seeds/``: each shows the flags and sourcing a careful editor would mark.

Each expectation names a kind and a snippet of the passage it is about, so a flag of the right kind
on the wrong sentence does not count. Together the samples cover every flag kind that a single
article can show (``reused`` needs a corpus of earlier stories).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from checks import Analysis, FlagKind, Sourcing, analyze, read_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SAMPLES = (
    "harbour-bridge-closure.txt",
    "riverside-clinic-funding.txt",
    "mill-valley-election-upset.txt",
    "lakeshore-ferry-strike.md",
)


def waiting(rule: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=False, reason=f"waiting for {rule}")


# (sample, flag kind, snippet of the passage flagged)
FLAGS = [
    ("harbour-bridge-closure.txt", FlagKind.DUPLICATE, "linking Port Avery's old town"),
    ("harbour-bridge-closure.txt", FlagKind.SPLICE, "Closing the bridge is the safe choice"),
    ("harbour-bridge-closure.txt", FlagKind.UNSOURCED, "About 18,000 vehicles cross the bridge"),
    ("harbour-bridge-closure.txt", FlagKind.NAME_VARIANT, "Kowalcyzk"),
    ("riverside-clinic-funding.txt", FlagKind.ANONYMOUS, "A senior health ministry official"),
    ("riverside-clinic-funding.txt", FlagKind.UNSOURCED, "The clinic saw more than 14,000 patients"),
    ("riverside-clinic-funding.txt", FlagKind.VAGUE, "Critics say the province"),
    ("riverside-clinic-funding.txt", FlagKind.VAGUE, "Many residents believe"),
    ("riverside-clinic-funding.txt", FlagKind.SECONDHAND, "The Daily Ledger reported"),
    ("mill-valley-election-upset.txt", FlagKind.UNBALANCED_QUOTE, 'to "wish him well'),
    ("mill-valley-election-upset.txt", FlagKind.UNATTRIBUTED_QUOTE, "People were tired of being told"),
    ("mill-valley-election-upset.txt", FlagKind.OPINION, "clearly a disaster"),
    ("mill-valley-election-upset.txt", FlagKind.OPINION, "will probably push"),
    ("lakeshore-ferry-strike.md", FlagKind.DUPLICATE, "stopped work at 6 a.m."),
    ("lakeshore-ferry-strike.md", FlagKind.SPLICE, "a tired crew"),
    ("lakeshore-ferry-strike.md", FlagKind.SECONDHAND, "According to Harbour Radio"),
    ("lakeshore-ferry-strike.md", FlagKind.ANONYMOUS, "Two crew members, who asked not to be named"),
]

# (sample, snippet of a sentence sourced on the record)
NAMED = [
    ("harbour-bridge-closure.txt", "City engineer Tomasz Brennan said"),
    ("harbour-bridge-closure.txt", "Ferry operator Blue Pennant Lines said"),
    ("harbour-bridge-closure.txt", "said Marta Ilves"),
    ("riverside-clinic-funding.txt", "Dr. Priya Natarajan, said she had not been told"),
    ("riverside-clinic-funding.txt", "Health Minister Jonas Arlund told"),
    ("mill-valley-election-upset.txt", "Council leader Brigitte Sorensen said"),
    ("lakeshore-ferry-strike.md", "spokesperson Ines Moravec said"),
    ("lakeshore-ferry-strike.md", "Union secretary Callum Reyes said"),
]


@cache
def _analysis(name: str) -> Analysis:
    return analyze(read_article(SEEDS / name))


def _context(analysis: Analysis, start: int, end: int) -> str:
    """The text of every sentence a span touches, so a flag on a word still matches its sentence."""
    touched = [s.text for s in analysis.document.sentences if s.start < max(end, start + 1) and start < s.end]
    return " ".join(touched)


def _flag_contexts(analysis: Analysis, kind: FlagKind) -> list[str]:
    out = []
    for flag in analysis.flags:
        if flag.kind is kind:
            parts = [flag.text, _context(analysis, flag.start, flag.end)]
            parts += [r.text for r in flag.related]
            out.append(" ".join(parts))
    return out


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_is_a_well_formed_short_article(name):
    doc = read_article(SEEDS / name)
    assert doc.title, "first line is the title"
    if name.endswith(".txt"):
        assert doc.date, "plain-text samples start with a date line"
    words = len(doc.text.split())
    assert 150 <= words <= 400
    assert not doc.warnings


def test_samples_together_cover_every_flag_kind():
    covered = {kind for _, kind, _ in FLAGS}
    # reused needs --against, the quote kinds --sources: tests/test_corpus.py and test_quotes.py cover them
    assert covered == set(FlagKind) - {FlagKind.REUSED, FlagKind.MISQUOTE, FlagKind.MISATTRIBUTED, FlagKind.QUOTE_UNVERIFIED}


def _marked(cases, xfails):
    """Cases with an xfail mark where the snippet is listed as still waiting for a rule."""
    unknown = set(xfails) - {case[-1] for case in cases}
    assert not unknown, f"xfail for snippets with no case: {unknown}"
    return [pytest.param(*case, marks=waiting(xfails[case[-1]])) if case[-1] in xfails else case for case in cases]


# Snippets the engine does not yet flag as expected (rechecked after the rule rewrites).
FLAG_XFAILS: dict[str, str] = {}
NAMED_XFAILS: dict[str, str] = {}


@pytest.mark.parametrize(("name", "kind", "snippet"), _marked(FLAGS, FLAG_XFAILS))
def test_sample_shows_flag(name, kind, snippet):
    contexts = _flag_contexts(_analysis(name), kind)
    assert any(snippet in c for c in contexts), f"no {kind} flag on {snippet!r}; {kind} flags: {contexts}"


@pytest.mark.parametrize(("name", "snippet"), _marked(NAMED, NAMED_XFAILS))
def test_sample_named_sourcing(name, snippet):
    analysis = _analysis(name)
    sentence = next(s for s in analysis.document.sentences if snippet in s.text)
    grade = analysis.grades[sentence.index]
    assert grade.sourcing is Sourcing.NAMED, f"{sentence.text!r} graded {grade.sourcing}: {grade.reason}"
    assert not any(f.start <= sentence.start < f.end and f.kind is FlagKind.UNSOURCED for f in analysis.flags)
