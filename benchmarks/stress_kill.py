"""Kill a saving process with SIGKILL at random moments; the verdict file must always be whole.

    .venv/bin/python benchmarks/stress_kill.py [--rounds 500] [--seed 1] [--verdicts 300]

Each round forks a child that loads the verdict file through ``ReviewStore`` and saves version
after version (telling the parent "started n" / "done n" through a pipe), then the parent sends it
``kill -9`` after a random delay. After every kill the parent checks that the file is byte for byte
one complete version, either the last one finished or the one being saved, that it loads, that the
``.bak`` is a complete earlier version, and that the lock was released. It prints how many kills
landed inside a save. Exit code 0 when every round passed, 1 otherwise. Linux/macOS (fork).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from checks.files import backup_path, temp_files_of
from checks.review.lock import VerdictLock
from checks.review.yaml_form import dump_review
from checks.review.store import ReviewStore
from checks.review.verdicts import Decision, Review, Verdict

FILE_NAME = "story.txt.review.yaml"


def version(n: int, *, verdicts: int) -> Review:
    """Version ``n`` of a review: big enough that a save takes a while, unique in every byte range."""
    items = tuple(
        Verdict(f"unsourced-{i:06x}", "unsourced", Decision.ACCEPTED,
                f"Sentence {i} of the article, as flagged in version {n}.", i * 60, i * 60 + 50,
                note=f"version {n}, checked against the council minutes ({i})", by="stress", at="2026-01-01T00:00:00Z")
        for i in range(verdicts)
    )
    return Review("story.txt", f"{n:064x}", reviewer="stress", verdicts=items,
                  created="2026-01-01T00:00:00Z", updated=f"version {n}")


@lru_cache(maxsize=64)
def version_text(n: int, verdicts: int) -> str:
    return dump_review(version(n, verdicts=verdicts))


def version_of(text: str, *, verdicts: int, candidates: set[int]) -> int | None:
    """Which of the candidate versions ``text`` is, byte for byte; None if none."""
    return next((n for n in sorted(candidates) if version_text(n, verdicts) == text), None)


@dataclass
class Stats:
    rounds: int = 0
    mid_save: int = 0  # the child was inside ReviewStore.save when it died
    new_version: int = 0  # ... and the file was already the new version
    mid_write: int = 0  # ... and left a temp file: killed between creating it and the rename
    failures: list[str] = field(default_factory=list)


def _child(path: Path, write_fd: int, start: int, verdicts: int) -> None:
    store = ReviewStore(path)
    store.load()
    n = start
    while True:
        n += 1
        os.write(write_fd, f"S{n}\n".encode())
        store.save(version(n, verdicts=verdicts))
        os.write(write_fd, f"D{n}\n".encode())


def run(folder: Path, *, rounds: int, seed: int, verdicts: int = 60) -> Stats:
    rng = random.Random(seed)
    path = folder / FILE_NAME
    store = ReviewStore(path)
    t0 = time.perf_counter()
    store.save(version(0, verdicts=verdicts))
    t1 = time.perf_counter()
    store.load()
    t_save, t_load = t1 - t0, time.perf_counter() - t1
    # Kill anywhere from the child's first load to its fourth save: most kills land inside a save.
    low, high = 0.5 * t_load, t_load + 4 * t_save
    current, stats = 0, Stats()
    for _ in range(rounds):
        stale = set(temp_files_of(path))
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: save until killed; never return into the caller's code
            os.close(read_fd)
            try:
                _child(path, write_fd, current, verdicts)
            finally:
                os._exit(3)
        os.close(write_fd)
        time.sleep(rng.uniform(low, high))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        with os.fdopen(read_fd, "rb") as pipe:
            events = pipe.read().decode().split()
        stats.rounds += 1
        if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
            stats.failures.append(f"child ended on its own (status {status}): the saving loop failed")
            break
        started = max((int(e[1:]) for e in events if e[0] == "S"), default=current)
        done = max((int(e[1:]) for e in events if e[0] == "D"), default=current)
        if started > done:
            stats.mid_save += 1
            stats.mid_write += bool(set(temp_files_of(path)) - stale)
        problem, on_disk = _check(path, verdicts=verdicts, allowed={done, started})
        if problem:
            stats.failures.append(f"round {stats.rounds}: {problem}")
            break
        if on_disk == started > done:
            stats.new_version += 1
        current = on_disk
    return stats


def _check(path: Path, *, verdicts: int, allowed: set[int]) -> tuple[str | None, int]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return f"verdict file unreadable: {exc}", -1
    n = version_of(text, verdicts=verdicts, candidates=allowed)
    if n is None:
        return f"verdict file is none of versions {sorted(allowed)} ({len(text)} chars)", -1
    store = ReviewStore(path)
    if store.load() != version(n, verdicts=verdicts):
        return "verdict file does not load back as the version written", -1
    bak = backup_path(path)
    if bak.exists() and version_of(bak.read_text(encoding="utf-8"), verdicts=verdicts,
                                   candidates=set(range(max(0, n - 3), n + 1))) is None:
        return ".bak is not a complete earlier version", -1
    if len(temp_files_of(path)) > 2:
        return f"temp files pile up: {[p.name for p in temp_files_of(path)]}", -1
    try:  # the dead child's lock must be free again (the kernel drops flock on exit)
        with VerdictLock(store._lock.path, timeout=1):
            pass
    except Exception as exc:  # noqa: BLE001 - any failure here is the finding
        return f"lock not released after kill -9: {exc}", -1
    return None, n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--verdicts", type=int, default=60, help="verdicts per version (file size)")
    parser.add_argument("--folder", help="where to write (default: a new temp folder)")
    args = parser.parse_args(argv)
    if not hasattr(os, "fork"):
        print("stress_kill: needs os.fork (Linux or macOS)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(dir=args.folder) as tmp:
        t0 = time.perf_counter()
        stats = run(Path(tmp), rounds=args.rounds, seed=args.seed, verdicts=args.verdicts)
        elapsed = time.perf_counter() - t0
        size = (Path(tmp) / FILE_NAME).stat().st_size
    print(f"{stats.rounds} kill -9 rounds in {elapsed:.1f} s, verdict file {size / 1000:.0f} kB; "
          f"{stats.mid_save} kills landed inside a save ({stats.mid_write} while its temp file was being "
          f"written, {stats.new_version} after the rename); "
          f"failures: {len(stats.failures)}")
    for failure in stats.failures:
        print(f"FAIL {failure}")
    return 1 if stats.failures else 0


if __name__ == "__main__":
    sys.exit(main())
