"""The verdict file on disk: load, save atomically under a lock, notice other writers.

This module does I/O (with ``checks.files``). A review is hours of work, so a save never
overwrites a file that another process changed since we read it: it raises ExternalChangeError and
the caller chooses to reload, or to keep both by writing a copy.
"""

from __future__ import annotations

import glob
import hashlib
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from checks.files import DataFileError, atomic_write_text, read_file_bytes, shown, temp_files_of
from checks.review.lock import LockTimeout, VerdictLock
from checks.review.verdicts import Review, ReviewFormatError
from checks.review.yaml_form import dump_review, review_from_bytes

__all__ = ["ExternalChangeError", "ReviewStore", "StoreError", "conflict_copies_of", "verdict_path_for"]

LOCK_TIMEOUT_S = 5.0


class StoreError(RuntimeError):
    """The verdict file cannot be read or written; the message is one line for the user."""


class ExternalChangeError(StoreError):
    """The verdict file changed on disk since this store last read or wrote it."""


def verdict_path_for(article: str | os.PathLike[str]) -> Path:
    p = Path(article)
    return p.with_name(p.name + ".review.yaml")


def _stem(path: Path) -> str:
    return path.name.removesuffix(".review.yaml").removesuffix(".yaml")


def conflict_copies_of(path: str | os.PathLike[str]) -> list[Path]:
    """``<article>.conflict-<UTC time>.review.yaml`` files beside the verdict file ``path``."""
    p = Path(path)
    try:
        found = p.parent.glob(f"{glob.escape(_stem(p))}.conflict-*.review.yaml")
        return sorted(c for c in found if c.is_file())
    except OSError:
        return []


@dataclass(frozen=True, slots=True)
class _Fingerprint:
    sha256: str | None  # None: the file did not exist
    stat: tuple[int, int, int] | None = None  # (inode, size, mtime_ns): a cheap first look


def _stat_key(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _fingerprint(path: Path) -> _Fingerprint:
    try:
        return _Fingerprint(hashlib.sha256(path.read_bytes()).hexdigest(), _stat_key(path))
    except FileNotFoundError:
        return _Fingerprint(None)
    except OSError as exc:
        raise StoreError(f"{path}: cannot read ({exc.strerror or exc})") from None


class ReviewStore:
    """One verdict file. Not a value object: it remembers what it last saw on disk.

    Call ``load`` before ``save``: a save checks, under a lock, that the file is still the version
    loaded (or still absent) and raises ExternalChangeError otherwise. A program that does not take
    the lock (an editor, ``git pull``) could still slip in between that check and the rename; the
    window is a few milliseconds, and the previous version survives as ``<file>.bak``.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._seen: _Fingerprint | None = None
        self._lock = VerdictLock(self.path.with_name(f".{self.path.name}.lock"), timeout=LOCK_TIMEOUT_S)

    @property
    def read_only(self) -> bool:
        """True when we could not save here (folder or file not writable)."""
        folder = self.path.parent if str(self.path.parent) else Path(".")
        if not os.access(folder, os.W_OK | os.X_OK):
            return True
        return self.path.exists() and not os.access(self.path, os.W_OK)

    def load(self) -> Review | None:
        """The saved review, or None when there is none yet. Remembers the version read."""
        try:
            data = read_file_bytes(self.path)
        except DataFileError as exc:
            if not self.path.exists() and not self.path.is_symlink():
                self._seen = _Fingerprint(None)
                return None
            raise StoreError(str(exc)) from None
        try:
            review = review_from_bytes(data, source=shown(self.path))
        except (DataFileError, ReviewFormatError) as exc:
            raise StoreError(str(exc)) from None
        # The hash of the very bytes parsed: a writer between two reads cannot go unnoticed.
        self._seen = _Fingerprint(hashlib.sha256(data).hexdigest(), _stat_key(self.path))
        return review

    def exists_on_disk(self) -> bool:
        """Whether the verdict file was there when last read or written (no file system call)."""
        return self._seen is not None and self._seen.sha256 is not None

    def changed_on_disk(self) -> bool:
        """Has another process written (or removed) the file since we last read or wrote it?

        Cheap enough to poll: the file is hashed only when its inode, size or mtime moved.
        """
        if self._seen is None:
            return False
        if self._seen.stat is not None and _stat_key(self.path) == self._seen.stat:
            return False
        return _fingerprint(self.path).sha256 != self._seen.sha256

    def save(self, review: Review, *, force: bool = False) -> None:
        """Write atomically (old version kept as the hidden .<name>.bak). Refuses to clobber another writer's change.

        ``force`` overwrites whatever is on disk: only after the user chose to.
        """
        if self.read_only:
            raise StoreError(f"{self.path}: cannot write here (read-only); the review was not saved")
        text = dump_review(review)
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise StoreError(f"{self.path}: cannot save text that is not valid Unicode ({exc.reason})") from None
        expected = self._seen.sha256 if self._seen is not None else None
        try:
            with self._lock:
                on_disk = _fingerprint(self.path).sha256
                if not force and on_disk != expected:
                    what = "written" if expected is None else "changed on disk" if on_disk else "removed"
                    raise ExternalChangeError(f"{self.path}: {what} by another program since it was opened")
                self._remove_stale_temp_files()
                atomic_write_text(self.path, text)
                self._seen = _Fingerprint(hashlib.sha256(data).hexdigest(), _stat_key(self.path))
        except LockTimeout:
            waited = self._lock.timeout
            raise StoreError(f"{self.path}: locked by another sourcecheck for over {waited:g} s") from None
        except PermissionError:
            raise StoreError(f"{self.path}: cannot write here (permission denied); the review is read-only") from None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot save ({exc.strerror or exc})") from None

    def _remove_stale_temp_files(self) -> None:
        # Under the lock no other sourcecheck is writing this file, so any temp file of it is what a
        # killed save left behind.
        for tmp in temp_files_of(self.path):
            try:
                tmp.unlink()
            except OSError:
                pass

    def conflict_copies(self) -> list[Path]:
        """The copies ``save_copy`` wrote beside this file ("keep both"), oldest first."""
        return conflict_copies_of(self.path)

    def save_copy(self, review: Review) -> Path:
        """Keep both: write our version beside the file under a new name, leaving theirs alone."""
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        stem = _stem(self.path)
        for n in range(1, 1000):
            suffix = "" if n == 1 else f"-{n}"
            copy = self.path.with_name(f"{stem}.conflict-{stamp}{suffix}.review.yaml")
            try:
                # Claim the name first so that two copies in one second never overwrite each other.
                os.close(os.open(copy, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
            except FileExistsError:
                continue
            except OSError as exc:
                raise StoreError(f"{copy}: cannot save a copy ({exc.strerror or exc})") from None
            break
        else:
            raise StoreError(f"{self.path}: too many conflict copies; tidy the folder")
        try:
            atomic_write_text(copy, dump_review(review), backup=False)
        except (OSError, UnicodeEncodeError) as exc:
            copy.unlink(missing_ok=True)
            raise StoreError(f"{copy}: cannot save a copy ({exc})") from None
        return copy
