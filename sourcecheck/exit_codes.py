"""The command line's exit codes, as linters have them; every command returns one of these."""

from __future__ import annotations

from enum import IntEnum

__all__ = ["ExitCode"]


class ExitCode(IntEnum):
    CLEAN = 0  # nothing flagged (or, for review and report, the work done)
    FLAGGED = 1  # flags found (scan), duplicate articles found (dupes)
    ERROR = 2  # a bad file, option or argument: one line on stderr says which
