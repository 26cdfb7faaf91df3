"""A progress bar for long work on standard error, drawn only when that is a terminal, so piped
JSON and CI logs stay clean."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["ProgressBar", "progress_bar", "with_bar"]


class ProgressBar:
    """A one-line ``[#####.....]  45% label`` bar, redrawn at most ten times a second."""

    def __init__(self, label: str, stream: TextIO | None = None, *, width: int = 30) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self._last = 0.0
        self._drawn = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        frac = min(1.0, done / total) if total else 1.0
        filled = int(frac * self.width)
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {frac:4.0%} {self.label}")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r" + " " * (self.width + 8 + len(self.label)) + "\r")
            self.stream.flush()


def progress_bar(label: str) -> ProgressBar | None:
    """A bar on standard error when it is a terminal; None (no output at all) otherwise."""
    stream = sys.stderr
    return ProgressBar(label, stream) if hasattr(stream, "isatty") and stream.isatty() else None


def with_bar(label: str, work: Callable[[Callable[[int, int], None] | None], object]) -> object:
    bar = progress_bar(label)
    try:
        return work(bar)
    finally:
        if bar is not None:
            bar.close()
