"""Kill a saving process with SIGKILL at random moments; the verdict file must always be whole.

    .venv/bin/python benchmarks/stress_kill.py [--rounds 500] [--seed 1] [--verdicts 300]

Each round forks a child that opens the review through the session API the app uses
(``ReviewSession`` resumed with ``resume_review``, as the app's loading worker does) and, version
after version, gives every flag a verdict whose note names the version (``decide_many``) and saves
(``ReviewSession.save``), telling the parent "started n" / "done n" through a pipe; the parent sends
it ``kill -9`` after a random delay. After every kill the parent checks that the file loads, that
every flag has its verdict and all of them are one version, either the last one finished or the one
being saved, that the hidden ``.bak`` is a complete earlier version, and that the lock is free. It prints how many kills
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

from checks import Analysis, Flag, FlagKind, parse_article
from checks.files import backup_path, temp_files_of
from checks.flags import assign_ids
from checks.review.checklist import default_checklist
from checks.review.lock import VerdictLock
from checks.review.resume import resume_review
from checks.review.session import ReviewSession
from checks.review.store import ReviewStore, StoreError
from checks.review.verdicts import Decision

FILE_NAME = "story.txt.review.yaml"
ARTICLE = "story.txt"


@lru_cache(maxsize=8)
def analysis(verdicts: int) -> Analysis:
    """A made-up article of ``verdicts`` sentences, each flagged: the engine's output, pinned."""
    lines = [f"Sentence {i} of the article, which the council approved on Monday." for i in range(verdicts)]
    document = parse_article("\n\n".join(lines), path=ARTICLE)
    flags = [Flag("", FlagKind.UNSOURCED, s.start, s.end, s.text, "a factual claim with no attribution")
             for s in document.sentences]
    return Analysis(document=document, grades=(), duplicates=(), flags=assign_ids(flags))


def open_session(path: Path, *, verdicts: int) -> ReviewSession:
    """The review as the app opens it: a session, its saved review resumed on the analysis."""
    session = ReviewSession(Path(ARTICLE), path, reviewer="stress", checklist=default_checklist())
    session.attach(resume_review(analysis(verdicts), session.store.load(), article_path=ARTICLE, reviewer="stress"))
    return session


def save_version(session: ReviewSession, n: int) -> None:
    """Version ``n``: every flag accepted with a note naming ``n``, saved as the app saves."""
    session.decide_many(session.flags, Decision.ACCEPTED, note=f"version {n}")
    session.save()


def version_of(path: Path, *, verdicts: int) -> int | None:
    """Which version a verdict file is: every flag's verdict with one note; None if it is not whole."""
    review = ReviewStore(path).load()
    if review is None:
        return None
    notes = {v.note for v in review.verdicts}
    flags = {f.id for f in analysis(verdicts).flags}
    if len(notes) != 1 or {v.flag for v in review.verdicts} != flags:
        return None
    note = notes.pop()
    return int(note.removeprefix("version ")) if note.startswith("version ") else None


@dataclass
class Stats:
    rounds: int = 0
    mid_save: int = 0  # the child was inside ReviewStore.save when it died
    new_version: int = 0  # ... and the file was already the new version
    mid_write: int = 0  # ... and left a temp file: killed between creating it and the rename
    failures: list[str] = field(default_factory=list)


def _child(path: Path, write_fd: int, start: int, verdicts: int) -> None:
    session = open_session(path, verdicts=verdicts)
    n = start
    while True:
        n += 1
        os.write(write_fd, f"S{n}\n".encode())
        save_version(session, n)
        os.write(write_fd, f"D{n}\n".encode())


def run(folder: Path, *, rounds: int, seed: int, verdicts: int = 60) -> Stats:
    rng = random.Random(seed)
    path = folder / FILE_NAME
    t0 = time.perf_counter()
    session = open_session(path, verdicts=verdicts)
    t1 = time.perf_counter()
    save_version(session, 0)
    t_load, t_save = t1 - t0, time.perf_counter() - t1
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
        n = version_of(path, verdicts=verdicts)
    except StoreError as exc:
        return f"verdict file unreadable: {exc}", -1
    if n is None or n not in allowed:
        return f"verdict file is none of versions {sorted(allowed)} (it is {n})", -1
    bak = backup_path(path)
    if bak.exists():
        try:
            earlier = version_of(bak, verdicts=verdicts)
        except StoreError:
            earlier = None
        if earlier is None or not max(0, n - 3) <= earlier <= n:
            return ".bak is not a complete earlier version", -1
    if len(temp_files_of(path)) > 2:
        return f"temp files pile up: {[p.name for p in temp_files_of(path)]}", -1
    try:  # the dead child's lock must be free again (the kernel drops flock on exit)
        with VerdictLock(path.with_name(f".{path.name}.lock"), timeout=1):
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
