"""How long work says how far it is: the two callback types, declared once for the engine and its callers.

``Progress(done, total)`` counts the units of one piece of work (files read, paragraph batches,
candidate documents). ``StageProgress(stage, done, total)`` is the pipeline's (``checks.analyze``):
``stage`` is the one running now, ``done`` of ``total`` stages are finished; the last call has
``done == total``. Front ends show ``stage.label`` and a bar of ``done / total``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Progress", "Stage", "StageProgress"]


@dataclass(frozen=True, slots=True)
class Stage:
    """A named step of the pipeline: ``name`` for programs, ``label`` for people."""

    name: str
    label: str


Progress = Callable[[int, int], None]
StageProgress = Callable[[Stage, int, int], None]
