"""Text on its way to the terminal or a text report: every control character shown, never obeyed.

Messages and text outputs quote file names, verdicts' ``by`` and notes, checklist items and
lexicon entries, all read from files that travel (git, e-mail, the newsroom's checklists). Each
text output and message of the command line passes ``safe`` (``checks.text.display.escape_controls``
with its line breaks kept) as it is written; the JSON and YAML outputs keep the data, escaped by
their encoders.
"""

from __future__ import annotations

import sys
from typing import TextIO

from checks.text.display import escape_controls

__all__ = ["message", "safe"]


def safe(text: str) -> str:
    """``text`` with every control character but line breaks and tabs written as an escape (``\\x1b``)."""
    return escape_controls(text, keep_lines=True)


def message(text: str, *, file: TextIO | None = None) -> None:
    """Print one message line (``sourcecheck: error: ...``) made safe, on standard error by default."""
    print(safe(text), file=file or sys.stderr)
