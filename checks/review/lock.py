"""The verdict file's lock: one sourcecheck at a time checks and replaces a verdict file.

A lock file beside the verdict file (``.<name>.lock``, so every program that can write the file
shares it, on a network share too), removed again when the lock is released: a reviewer's folder
keeps no lock files after the app quits. Removing a lock file that another process may be waiting
on is only safe because a waiter, once it holds the lock, checks that the file it locked is still
the one at the path, and starts again if not (the usual flock-and-unlink protocol).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import TracebackType

try:
    import fcntl
except ImportError:  # Windows: filelock's lock files are removed on release there already
    fcntl = None  # type: ignore[assignment]

__all__ = ["LockTimeout", "VerdictLock"]

_POLL_S = 0.02


class LockTimeout(TimeoutError):
    """Another process held the lock for longer than the timeout."""


class VerdictLock:
    """``with VerdictLock(path, timeout=5):`` holds an exclusive lock on ``path`` (a lock file)."""

    def __init__(self, path: str | os.PathLike[str], *, timeout: float) -> None:
        self.path = Path(path)
        self.timeout = timeout
        self._fd: int | None = None
        self._fallback: object | None = None

    def __enter__(self) -> VerdictLock:
        if fcntl is None:
            from filelock import FileLock, Timeout

            lock = FileLock(str(self.path), timeout=self.timeout)
            try:
                lock.acquire()
            except Timeout:
                raise LockTimeout(str(self.path)) from None
            self._fallback = lock
            return self
        deadline = time.monotonic() + self.timeout
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                if time.monotonic() >= deadline:
                    raise LockTimeout(str(self.path)) from None
                time.sleep(_POLL_S)
                continue
            except OSError:
                # A file system without flock (some network mounts): go on unlocked; the save's
                # compare of what is on disk with what was loaded still guards the file.
                self._fd = fd
                return self
            if self._still_at_path(fd):
                self._fd = fd
                return self
            os.close(fd)  # the holder before us removed that lock file: lock the new one

    def _still_at_path(self, fd: int) -> bool:
        try:
            return os.fstat(fd).st_ino == os.stat(self.path).st_ino
        except OSError:
            return False

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._fallback is not None:
            self._fallback.release()  # type: ignore[attr-defined]
            self._fallback = None
            return
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            os.unlink(self.path)  # while still holding it: a waiter sees the inode change
        except OSError:
            pass
        os.close(fd)  # closing releases the flock
