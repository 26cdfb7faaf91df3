"""The bundled seed article and where its review lives, for the app and ``report`` alike.

The seed ships inside the package (often read-only) or the checkout (which should stay clean), so
its review goes to the user's data folder. ``verdict_file_for`` is the one answer to "which verdict
file belongs to this article" that both the app and ``sourcecheck report`` ask. No UI is imported.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from checks.review.store import verdict_path_for

__all__ = ["DATA_DIR_ENV", "is_seed", "seed_article", "seed_verdicts_path", "verdict_file_for"]

DATA_DIR_ENV = "SOURCECHECK_DATA_DIR"


def seed_article() -> Path:
    """The bundled seed article: beside the package in a checkout, inside it in a wheel."""
    here = Path(__file__).resolve().parent
    for folder in (here.parent / "seeds", here / "seeds"):
        candidate = folder / "north-korea-talks.txt"
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("the bundled seed article is missing from this installation")


def seed_verdicts_path() -> Path:
    """Where the review of the bundled seed goes: the user's data folder, never the package or
    the checkout (an installed package is often read-only; a checkout should stay clean)."""
    override = os.environ.get(DATA_DIR_ENV)
    folder = Path(override) if override else Path(platformdirs.user_data_dir("sourcecheck"))
    return folder / "north-korea-talks.review.yaml"


def is_seed(article: str | os.PathLike[str]) -> bool:
    """Whether ``article`` is the bundled seed itself (not a copy of it elsewhere)."""
    try:
        return Path(article).resolve() == seed_article().resolve()
    except (OSError, FileNotFoundError):
        return False


def verdict_file_for(article: str | os.PathLike[str]) -> Path:
    """The verdict file the app writes for ``article`` when no --verdicts is given."""
    return seed_verdicts_path() if is_seed(article) else verdict_path_for(article)
