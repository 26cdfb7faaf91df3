"""Long work: other processes (which start method is safe, and a fallback when there is none),
and the cyclic garbage collector kept out of the way.

Fork is cheap and re-imports nothing, but forking a process that runs threads (the app's
workers) can deadlock; then spawn, which re-imports the main module (guarded in our entry
points). Where no process can be started (a sandbox, a frozen app) the work runs here: one
core is slower, not wrong.

Long work builds millions of small objects (tokens, sentence sets, window pairs) and makes no
reference cycles, so the cyclic collector finds nothing, yet each full pass walks every object: a
quarter of the CPU time of a whole-archive scan. In a forked worker it also writes to every
inherited object's header, copying the parent's pages. So the collector is paused for long work
(``without_gc``) and off in the pool's workers, which exit when their batch is done.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

__all__ = ["can_fork", "cores", "in_background", "process_pool", "without_gc"]

T = TypeVar("T")


def cores(workers: int | None = None) -> int:
    """How many processes to use: ``workers`` if given, else the machine's cores, at most 8."""
    return min(workers or os.cpu_count() or 1, 8)


def can_fork() -> bool:
    """Whether new processes start as forks (sharing this one's memory) rather than spawned."""
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def process_pool(workers: int) -> ProcessPoolExecutor:
    method = "fork" if can_fork() else "spawn"
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context(method), initializer=gc.disable
    )


def _forks(pool: ProcessPoolExecutor) -> bool:
    return pool._mp_context.get_start_method() == "fork"  # noqa: SLF001 - set by process_pool above


# The call a forked background process inherits instead of receiving it pickled: a long document
# takes 0.7 s to pickle and unpickle (the pickling on a thread of this process, taking turns with
# its own work), a fork copies nothing. Set only while the process is being started.
_INHERITED_CALL: tuple[Callable[..., object], tuple[object, ...]] | None = None


def _call_inherited() -> object:
    assert _INHERITED_CALL is not None, "started by in_background, which sets the call before forking"
    fn, args = _INHERITED_CALL
    return fn(*args)


# Pauses in progress: the app analyses in worker threads, and where two pauses overlap the first
# to end must not turn the collector back on under the other.
_pause_lock = threading.Lock()
_pauses = 0
_enable_after_pauses = False


@contextmanager
def without_gc() -> Iterator[None]:
    """The cyclic garbage collector paused for a block of long work (see the module docstring),
    and set back as it was once no such block runs in any thread; reference counting still frees
    everything the work drops."""
    global _pauses, _enable_after_pauses
    with _pause_lock:
        if _pauses == 0:
            _enable_after_pauses = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _enable_after_pauses:
                gc.enable()


class in_background:
    """``with in_background(fn, *args) as pending: ...; pending.result()``: ``fn`` runs in another
    process while the block runs here; on one core, or with no processes to be had, it runs here
    when the block asks for the result."""

    def __init__(self, fn: Callable[..., T], *args: object) -> None:
        self._fn, self._args = fn, args
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Future:
        global _INHERITED_CALL
        if cores() >= 2:
            try:
                self._pool = process_pool(1)
                if not _forks(self._pool):
                    return self._pool.submit(self._fn, *self._args)
                _INHERITED_CALL = (self._fn, self._args)
                try:
                    return self._pool.submit(_call_inherited)  # forks here, on the first submit
                finally:
                    _INHERITED_CALL = None
            except (OSError, RuntimeError):
                self._pool = None
        return _Lazy(self._fn, *self._args)

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


class _Lazy(Future):
    """A future that does its work when asked for the result, in this process."""

    def __init__(self, fn: Callable[..., T], *args: object) -> None:
        super().__init__()
        self._work = (fn, args)

    def result(self, timeout: float | None = None):  # type: ignore[override]
        if self._work is not None:
            fn, args = self._work
            self._work = None
            try:
                self.set_result(fn(*args))
            except BaseException as error:  # noqa: BLE001 - as a pool would
                self.set_exception(error)
        return super().result(timeout)
