"""sourcecheck's engine: article text in, sourcing grades, near-duplicate passages and flags out.

Pure and UI-free; file I/O lives in ``checks.files`` (used by ``checks.text.read``, the review store
and the corpus cache, ``checks.corpus.cache``).
"""

from checks.analysis import analyze
from checks.config import Config, apply_config, load_config, resolve_config
from checks.duplicates.window_candidates import candidate_pairs
from checks.review.checklist import (
    Checklist,
    ChecklistItem,
    ItemState,
    default_checklist,
    item_state,
    load_checklist,
    resolve_checklist,
    sign_off_problems,
)
from checks.corpus.index import CorpusIndex, corpus_duplicates, find_reuse
from checks.corpus.cache import CorpusError, load_corpus_index
from checks.quotecheck import SourceIndex, check_quotes
from checks.quotecheck.load import SourceError, load_sources
from checks.duplicates.search import compare_documents, find_duplicates
from checks.files import DataFileError, atomic_write_text
from checks.flags import flag_id
from checks.kinds import Decision, KindSpec, Priority, decisions_for, registry, spec
from checks.sourcing.lexicon import Lexicon, default_lexicon, load_lexicon
from checks.progress import Stage
from checks.model import (
    Analysis,
    Cue,
    DiffOp,
    Document,
    DuplicatePair,
    Flag,
    FlagKind,
    Paragraph,
    Sentence,
    QuoteCheck,
    QuoteSource,
    SentenceGrade,
    Sourcing,
    Span,
)
# ``reattach`` itself is called as ``checks.review.reattach.reattach``: exporting the function here would hide
# the module of the same name from ``import checks.review.reattach`` and ``mock.patch``.
from checks.review.reattach import ReattachResult, WeakMatch, accept_weak
from checks.review.report import render_report
from checks.text.read import read_article
from checks.text.segment import ArticleError, parse_article
from checks.text.words import normalise
from checks.serialize import analysis_to_dict, format_text_report
from checks.duplicates.similarity import PassageScore, score_passages
from checks.duplicates.word_diff import word_diff
from checks.sourcing.grade import grade_sentences

__all__ = [
    "Analysis",
    "QuoteCheck",
    "QuoteSource",
    "SourceError",
    "SourceIndex",
    "check_quotes",
    "load_sources",
    "ArticleError",
    "Checklist",
    "Config",
    "ChecklistItem",
    "CorpusError",
    "CorpusIndex",
    "Cue",
    "DataFileError",
    "Decision",
    "DiffOp",
    "Document",
    "DuplicatePair",
    "Flag",
    "FlagKind",
    "ItemState",
    "KindSpec",
    "Lexicon",
    "Paragraph",
    "PassageScore",
    "Priority",
    "ReattachResult",
    "Sentence",
    "SentenceGrade",
    "Sourcing",
    "Span",
    "Stage",
    "WeakMatch",
    "accept_weak",
    "analysis_to_dict",
    "analyze",
    "apply_config",
    "atomic_write_text",
    "candidate_pairs",
    "compare_documents",
    "corpus_duplicates",
    "decisions_for",
    "default_checklist",
    "default_lexicon",
    "find_duplicates",
    "find_reuse",
    "flag_id",
    "format_text_report",
    "grade_sentences",
    "item_state",
    "load_checklist",
    "load_config",
    "load_corpus_index",
    "load_lexicon",
    "normalise",
    "parse_article",
    "read_article",
    "registry",
    "render_report",
    "resolve_checklist",
    "resolve_config",
    "score_passages",
    "sign_off_problems",
    "spec",
    "word_diff",
]
