"""The whole pipeline in one walk: document -> grades, text flags, duplicates, reuse -> flags.

``analyze`` is the one place the pipeline is assembled: the scan, the report and the app all call
it (with ``corpus`` for ``--against DIR``). Its stages are declared here, named, and reported one
by one through ``progress`` (``checks.progress``), so front ends show the engine's own labels.
"""

from __future__ import annotations

from typing import Protocol

from checks.claims.lexicon import ClaimLexicon
from checks.claims.weigh import weigh_claims
from checks.config import Config, apply_config
from checks.corpus.index import CorpusIndex, find_reuse
from checks.duplicates.search import find_duplicates
from checks.flags import assign_ids, flags_from_duplicates, flags_from_grades, merge_assigned, one_flag_per_paragraph
from checks.model import Analysis, Document, Flag, QuoteCheck, SentenceGrade
from checks.processes import in_background, without_gc
from checks.progress import Stage, StageProgress
from checks.quotecheck import SourceIndex, check_quotes, quote_flags
from checks.sourcing.grade import grade_sentences
from checks.sourcing.lexicon import Lexicon, default_lexicon
from checks.sourcing.links import apply_links
from checks.style.text_flags import find_text_flags, one_flag_per_quote

__all__ = [
    "BACKGROUND_DUPLICATES",
    "CLAIMS",
    "DUPLICATES",
    "FLAGS",
    "GRADES",
    "Pipeline",
    "QUOTES",
    "REUSE",
    "STAGES",
    "TEXT_FLAGS",
    "analyze",
    "stages_for",
]

# From this many sentences (a long report, a whole archive in one file) the duplicate search runs
# in a process of its own beside grading: both take seconds, and neither needs the other.
BACKGROUND_DUPLICATES = 20_000

GRADES = Stage("grades", "checking how each sentence is sourced ...")
CLAIMS = Stage("claims", "weighing which sentences are check-worthy claims ...")
TEXT_FLAGS = Stage("text_flags", "looking at quotation marks, splice marks and names ...")
DUPLICATES = Stage("duplicates", "looking for passages said twice ...")
REUSE = Stage("reuse", "looking for passages reused from the corpus ...")
QUOTES = Stage("quotes", "checking quotations against the sources ...")
FLAGS = Stage("flags", "gathering the flags ...")
STAGES = (GRADES, CLAIMS, TEXT_FLAGS, DUPLICATES, REUSE, QUOTES, FLAGS)
"""Every stage in the order it runs; ``REUSE`` only runs with a corpus, ``QUOTES`` with sources."""


def stages_for(corpus: CorpusIndex | None, sources: SourceIndex | None = None) -> tuple[Stage, ...]:
    """The stages ``analyze`` runs (and reports) with this corpus and these sources, or without."""
    return tuple(s for s in STAGES if (s is not REUSE or corpus is not None) and (s is not QUOTES or sources is not None))


class Pipeline(Protocol):
    """``analyze`` with its options bound (``functools.partial(analyze, lexicon=..., corpus=..., config=...)``),
    as the app runs it on each article it opens."""

    def __call__(self, doc: Document, /, *, progress: StageProgress | None = None) -> Analysis: ...


def analyze(
    doc: Document,
    *,
    lexicon: Lexicon | None = None,
    corpus: CorpusIndex | None = None,
    sources: SourceIndex | None = None,
    config: Config | None = None,
    claims: ClaimLexicon | None = None,
    min_checkworthy: float | None = None,
    progress: StageProgress | None = None,
) -> Analysis:
    """Grades, duplicates and every flag of ``doc``; with ``corpus``, also ``reused`` flags for
    passages found in its documents (ids given with the others); with ``sources`` (``--sources``),
    each quotation checked against them (``Analysis.quotes``) and flagged when it is not verbatim
    (``checks.quotecheck``). ``config``, the newsroom's, leaves
    out the kinds it switches off and sets the levels it changes (``checks.config.apply_config``).
    An unattributed sentence scoring under ``min_checkworthy`` (default: the ``claims`` lexicon's)
    is graded ``background``, not flagged (``checks.claims.weigh_claims``).

    ``progress(stage, done, total)`` hears each stage begin (``done`` stages of ``total`` are
    finished) and, last, ``(FLAGS, total, total)`` when the analysis is complete.
    """
    with without_gc():
        weigh = _Weighing(claims, min_checkworthy)
        steps = _Steps(progress, stages_for(corpus, sources))
        analysis = _analyze(doc, lexicon or default_lexicon(), weigh, (corpus, sources), steps)
    return apply_config(analysis, config)


class _Weighing:
    """The check-worthiness options of one run."""

    __slots__ = ("lexicon", "threshold")

    def __init__(self, lexicon: ClaimLexicon | None, threshold: float | None) -> None:
        self.lexicon = lexicon
        self.threshold = threshold


class _Steps:
    """Reports each stage as it begins, counting the stages of this run."""

    __slots__ = ("_progress", "_stages")

    def __init__(self, progress: StageProgress | None, stages: tuple[Stage, ...]) -> None:
        self._progress = progress
        self._stages = stages

    def begin(self, stage: Stage) -> None:
        if self._progress is not None:
            self._progress(stage, self._stages.index(stage), len(self._stages))

    def end(self) -> None:
        if self._progress is not None:
            self._progress(self._stages[-1], len(self._stages), len(self._stages))


def _analyze(doc: Document, lex: Lexicon, weigh: _Weighing,
             against: tuple[CorpusIndex | None, SourceIndex | None], steps: _Steps) -> Analysis:
    corpus, sources = against
    if len(doc.sentences) >= BACKGROUND_DUPLICATES:
        with in_background(find_duplicates, doc) as pending:
            grades, other_flags = _grades_and_other_flags(doc, lex, weigh, steps)
            steps.begin(DUPLICATES)
            duplicates = pending.result()
    else:
        grades, other_flags = _grades_and_other_flags(doc, lex, weigh, steps)
        steps.begin(DUPLICATES)
        duplicates = find_duplicates(doc)
    reused: tuple[Flag, ...] = ()
    if corpus is not None:
        steps.begin(REUSE)
        reused = find_reuse(doc, corpus)
    quotes: tuple[QuoteCheck, ...] = ()
    if sources is not None:
        steps.begin(QUOTES)
        quotes = check_quotes(doc, grades, sources)
    steps.begin(FLAGS)
    quoted = assign_ids(quote_flags(quotes, source_count=sources.count)) if sources is not None else ()
    flags = merge_assigned(other_flags, assign_ids(flags_from_duplicates(duplicates)), assign_ids(reused), quoted)
    analysis = Analysis(document=doc, grades=grades, duplicates=duplicates, flags=flags, quotes=quotes)
    steps.end()
    return analysis


def _grades_and_other_flags(
    doc: Document, lex: Lexicon, weigh: _Weighing, steps: _Steps
) -> tuple[tuple[SentenceGrade, ...], tuple[Flag, ...]]:
    """Grades and every flag but the duplicates, with their ids: on a long document all of it is
    done while the duplicate search runs in its own process."""
    steps.begin(GRADES)
    grades = apply_links(doc, grade_sentences(doc, lexicon=lex))
    steps.begin(CLAIMS)
    grades = weigh_claims(doc, grades, lexicon=weigh.lexicon, min_checkworthy=weigh.threshold)
    steps.begin(TEXT_FLAGS)
    text_flags = find_text_flags(doc, grades, lexicon=lex)
    grade_flags = one_flag_per_paragraph(doc, one_flag_per_quote(flags_from_grades(doc, grades), text_flags))
    return grades, assign_ids([*grade_flags, *text_flags])
