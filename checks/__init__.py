"""sourcecheck's engine: article text in, sourcing grades, near-duplicate passages and flags out.

Pure and UI-free; file I/O lives in ``checks.files`` (and the corpus cache, ``checks.corpus_cache``).
"""

from .analysis import analyze
from .candidates import candidate_pairs
from .checklist import (
    Checklist,
    ChecklistItem,
    ItemState,
    default_checklist,
    item_state,
    load_checklist,
    resolve_checklist,
    sign_off_problems,
)
from .corpus import CorpusIndex, corpus_duplicates, find_reuse
from .corpus_cache import CorpusError, load_corpus_index
from .duplicates import compare_documents, find_duplicates
from .files import DataFileError, atomic_write_text, read_article
from .flags import flag_id
from .lexicon import Lexicon, default_lexicon, load_lexicon
from .model import (
    Analysis,
    Cue,
    DiffOp,
    Document,
    DuplicatePair,
    Flag,
    FlagKind,
    Paragraph,
    Sentence,
    SentenceGrade,
    Sourcing,
    Span,
)
# ``reattach`` itself is called as ``checks.reattach.reattach``: exporting the function here would hide
# the module of the same name from ``import checks.reattach`` and ``mock.patch``.
from .reattach import ReattachResult, WeakMatch, accept_weak
from .report_md import render_report
from .segment import ArticleError, parse_article
from .serialize import analysis_to_dict, format_text_report
from .similarity import PassageScore, normalise, score_passages
from .word_diff import word_diff
from .sourcing import grade_sentences

__all__ = [
    "Analysis",
    "ArticleError",
    "Checklist",
    "ChecklistItem",
    "CorpusError",
    "CorpusIndex",
    "Cue",
    "DataFileError",
    "DiffOp",
    "Document",
    "DuplicatePair",
    "Flag",
    "FlagKind",
    "ItemState",
    "Lexicon",
    "Paragraph",
    "PassageScore",
    "ReattachResult",
    "Sentence",
    "SentenceGrade",
    "Sourcing",
    "Span",
    "WeakMatch",
    "accept_weak",
    "analysis_to_dict",
    "analyze",
    "atomic_write_text",
    "candidate_pairs",
    "compare_documents",
    "corpus_duplicates",
    "default_checklist",
    "default_lexicon",
    "find_duplicates",
    "find_reuse",
    "flag_id",
    "format_text_report",
    "grade_sentences",
    "item_state",
    "load_checklist",
    "load_corpus_index",
    "load_lexicon",
    "normalise",
    "parse_article",
    "read_article",
    "render_report",
    "resolve_checklist",
    "score_passages",
    "sign_off_problems",
    "word_diff",
]
