"""Quotations checked against their sources (``--sources``): transcripts, statements, releases.

One walk: the article's quotations and speakers (``article``) -> the source files sharing their
wording, found through the corpus index (``sources``) -> the words aligned (``align``) -> one
status each (``decide``) -> ``QuoteCheck`` values and flags (``check``). Reading source files and
folders is ``load``'s job, the one module here that touches the disk.
"""

from checks.quotecheck.check import check_quotes, quote_flags
from checks.quotecheck.sources import SourceIndex, build_source_index
from checks.quotecheck.transcript import parse_turns, same_speaker

__all__ = ["SourceIndex", "build_source_index", "check_quotes", "parse_turns", "quote_flags", "same_speaker"]
