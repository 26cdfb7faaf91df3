"""A progress bar for long work on standard error, drawn only when that is a terminal, so piped
JSON and CI logs stay clean. The pipeline's bar says which of the engine's stages runs, in the
engine's own words (``checks.analysis.STAGES``)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO, TypeVar

from checks.text.display import escape_controls

if TYPE_CHECKING:  # only types: the command line starts without importing the engine
    from checks.progress import Progress, Stage, StageProgress

__all__ = ["ProgressBar", "progress_bar", "with_bar", "with_stages"]

T = TypeVar("T")


class ProgressBar:
    """A one-line ``[#####.....]  45% label`` bar, redrawn at most ten times a second."""

    def __init__(self, label: str, stream: TextIO | None = None, *, width: int = 30) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self._last = 0.0
        self._drawn = 0  # the longest line drawn, to clear it

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        self._draw(done, total, self.label)

    def stage(self, stage: Stage, done: int, total: int) -> None:
        """A ``StageProgress``: ``done`` of ``total`` stages, labelled with the stage now running."""
        self._last = time.monotonic()
        self._draw(done, total, f"{self.label}: {stage.label}")

    def _draw(self, done: int, total: int, label: str) -> None:
        frac = min(1.0, done / total) if total else 1.0
        filled = int(frac * self.width)
        line = f"[{'#' * filled}{'.' * (self.width - filled)}] {frac:4.0%} {escape_controls(label)}"
        self.stream.write("\r" + line.ljust(self._drawn))
        self.stream.flush()
        self._drawn = max(self._drawn, len(line))

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r" + " " * self._drawn + "\r")
            self.stream.flush()


def progress_bar(label: str) -> ProgressBar | None:
    """A bar on standard error when it is a terminal; None (no output at all) otherwise."""
    stream = sys.stderr
    return ProgressBar(label, stream) if hasattr(stream, "isatty") and stream.isatty() else None


def with_bar(label: str, work: Callable[[Progress | None], T]) -> T:
    """``work(progress)`` with a bar counting its units (None when there is no terminal)."""
    bar = progress_bar(label)
    try:
        return work(bar)
    finally:
        if bar is not None:
            bar.close()


def with_stages(label: str, work: Callable[[StageProgress | None], T]) -> T:
    """``work(progress)`` for the pipeline: the bar counts its stages and names the one running."""
    bar = progress_bar(label)
    try:
        return work(bar.stage if bar is not None else None)
    finally:
        if bar is not None:
            bar.close()
