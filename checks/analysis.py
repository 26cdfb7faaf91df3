"""The whole pipeline in one walk: document -> grades, duplicates, other flags -> flags."""

from __future__ import annotations

from collections.abc import Callable

from checks.duplicates.search import find_duplicates
from checks.flags import assign_ids, flags_from_duplicates, flags_from_grades, merge_assigned
from checks.sourcing.lexicon import Lexicon, default_lexicon
from checks.model import Analysis, Document, Flag, SentenceGrade
from checks.processes import in_background, without_gc
from checks.sourcing.grade import grade_sentences
from checks.style.text_flags import find_text_flags, one_flag_per_quote

__all__ = ["BACKGROUND_DUPLICATES", "analyze"]

# From this many sentences (a long report, a whole archive in one file) the duplicate search runs
# in a process of its own beside grading: both take seconds, and neither needs the other.
BACKGROUND_DUPLICATES = 20_000


def analyze(
    doc: Document, *, lexicon: Lexicon | None = None, progress: Callable[[int, int], None] | None = None
) -> Analysis:
    """Grades, duplicates and every flag of ``doc``. ``progress(done, 4)`` hears each stage end
    (grades, text flags, duplicates, flags), for a bar on long work."""
    with without_gc():
        return _analyze(doc, lexicon or default_lexicon(), progress or _quiet)


def _analyze(doc: Document, lex: Lexicon, step: Callable[[int, int], None]) -> Analysis:
    step(0, 4)
    if len(doc.sentences) >= BACKGROUND_DUPLICATES:
        with in_background(find_duplicates, doc) as pending:
            grades, other_flags = _grades_and_other_flags(doc, lex, step)
            duplicates = pending.result()
    else:
        grades, other_flags = _grades_and_other_flags(doc, lex, step)
        duplicates = find_duplicates(doc)
    step(3, 4)
    flags = merge_assigned(other_flags, assign_ids(flags_from_duplicates(duplicates)))
    analysis = Analysis(document=doc, grades=grades, duplicates=duplicates, flags=flags)
    step(4, 4)
    return analysis


def _grades_and_other_flags(
    doc: Document, lex: Lexicon, step: Callable[[int, int], None]
) -> tuple[tuple[SentenceGrade, ...], tuple[Flag, ...]]:
    """Grades and every flag but the duplicates, with their ids: on a long document all of it is
    done while the duplicate search runs in its own process."""
    grades = grade_sentences(doc, lexicon=lex)
    step(1, 4)
    text_flags = find_text_flags(doc, grades, lexicon=lex)
    step(2, 4)
    grade_flags = one_flag_per_quote(flags_from_grades(doc, grades), text_flags)
    return grades, assign_ids([*grade_flags, *text_flags])


def _quiet(done: int, total: int) -> None:
    pass
