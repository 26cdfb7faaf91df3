"""The verdict file on disk: load, save atomically under a lock, notice other writers.

This module does I/O (with ``checks.files``). A review is hours of work, so a save never
overwrites a file that another process changed since we read it: it raises ExternalChangeError and
the caller chooses to reload, or to keep both by writing a copy.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from filelock import FileLock, Timeout

from .files import DataFileError, atomic_write_text, dump_review, load_review
from .verdicts import Review, ReviewFormatError

__all__ = ["ExternalChangeError", "ReviewStore", "StoreError", "verdict_path_for"]

LOCK_TIMEOUT_S = 5.0


class StoreError(RuntimeError):
    """The verdict file cannot be read or written; the message is one line for the user."""


class ExternalChangeError(StoreError):
    """The verdict file changed on disk since this store last read or wrote it."""


def verdict_path_for(article: str | os.PathLike[str]) -> Path:
    p = Path(article)
    return p.with_name(p.name + ".review.yaml")


@dataclass(frozen=True, slots=True)
class _Fingerprint:
    sha256: str | None  # None: the file did not exist


def _fingerprint(path: Path) -> _Fingerprint:
    try:
        return _Fingerprint(hashlib.sha256(path.read_bytes()).hexdigest())
    except FileNotFoundError:
        return _Fingerprint(None)


class ReviewStore:
    """One verdict file. Not a value object: it remembers what it last saw on disk."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._seen: _Fingerprint | None = None
        self._lock = FileLock(str(self.path.with_name(f".{self.path.name}.lock")), timeout=LOCK_TIMEOUT_S)

    @property
    def read_only(self) -> bool:
        """True when we could not save here (folder or file not writable)."""
        folder = self.path.parent if str(self.path.parent) else Path(".")
        if not os.access(folder, os.W_OK | os.X_OK):
            return True
        return self.path.exists() and not os.access(self.path, os.W_OK)

    def load(self) -> Review | None:
        """The saved review, or None when there is none yet. Remembers the version read."""
        fingerprint = _fingerprint(self.path)
        if fingerprint.sha256 is None:
            self._seen = fingerprint
            return None
        try:
            review = load_review(self.path)
        except (DataFileError, ReviewFormatError) as exc:
            raise StoreError(str(exc)) from None
        self._seen = fingerprint
        return review

    def changed_on_disk(self) -> bool:
        """Has another process written (or removed) the file since we last read or wrote it?"""
        return self._seen is not None and _fingerprint(self.path) != self._seen

    def save(self, review: Review, *, force: bool = False) -> None:
        """Write atomically (old version kept as .bak). Refuses to clobber another writer's change."""
        text = dump_review(review)
        try:
            with self._lock:
                if not force and self._seen is not None and _fingerprint(self.path) != self._seen:
                    raise ExternalChangeError(
                        f"{self.path}: changed on disk by another program since it was opened"
                    )
                atomic_write_text(self.path, text)
                self._seen = _Fingerprint(hashlib.sha256(text.encode("utf-8")).hexdigest())
        except Timeout:
            raise StoreError(f"{self.path}: locked by another sourcecheck for over {LOCK_TIMEOUT_S:.0f} s") from None
        except PermissionError:
            raise StoreError(f"{self.path}: cannot write here (permission denied); the review is read-only") from None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot save ({exc.strerror or exc})") from None

    def save_copy(self, review: Review) -> Path:
        """Keep both: write our version beside the file under a new name, leaving theirs alone."""
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        stem = self.path.name.removesuffix(".review.yaml").removesuffix(".yaml")
        copy = self.path.with_name(f"{stem}.conflict-{stamp}.review.yaml")
        try:
            atomic_write_text(copy, dump_review(review), backup=False)
        except OSError as exc:
            raise StoreError(f"{copy}: cannot save a copy ({exc.strerror or exc})") from None
        return copy
