"""Nothing lost: atomic writes under kill -9, and two processes sharing one verdict file."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from checks.files import atomic_write_text, temp_files_of
from checks.review.store import ExternalChangeError, ReviewStore, StoreError
from checks.review.verdicts import Decision, Review, Verdict

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import stress_kill  # noqa: E402

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="kill -9 rounds fork the saving process")


# -- kill -9 while saving ----------------------------------------------------------------------


@needs_fork
def test_kill_9_at_random_moments_never_leaves_a_broken_file(tmp_path):
    """kill -9 through the app's own save path: ReviewSession.decide_many + save, as the app does."""
    stats = stress_kill.run(tmp_path, rounds=30, seed=5, verdicts=40)
    assert stats.failures == []
    assert stats.rounds == 30
    assert stats.mid_save >= 10  # the kills really landed inside saves, not only between them
    # The next save cleans up what the killed ones left, lock file included.
    path = tmp_path / stress_kill.FILE_NAME
    session = stress_kill.open_session(path, verdicts=40)
    stress_kill.save_version(session, 10_000)
    assert temp_files_of(path) == []
    assert not path.with_name(f".{path.name}.lock").exists(), "a killed save's lock file goes with the next save"
    assert stress_kill.version_of(path, verdicts=40) == 10_000


def test_the_kill_check_notices_a_truncated_file(tmp_path):
    path = tmp_path / stress_kill.FILE_NAME
    stress_kill.save_version(stress_kill.open_session(path, verdicts=5), 1)
    whole = path.read_text()
    assert stress_kill._check(path, verdicts=5, allowed={0, 1}) == (None, 1)
    path.write_text(whole[: len(whole) // 2])
    problem, _ = stress_kill._check(path, verdicts=5, allowed={0, 1})
    assert problem and ("none of versions" in problem or "unreadable" in problem)


# -- atomic_write_text -------------------------------------------------------------------------


def test_failed_rename_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "out.yaml"
    path.write_text("old\n")

    def boom(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write_text(path, "new\n")
    assert path.read_text() == "old\n"
    assert temp_files_of(path) == []


def test_unencodable_text_touches_nothing(tmp_path):
    path = tmp_path / "out.yaml"
    path.write_text("old\n")
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(path, "bad \udcff surrogate")
    assert path.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.yaml"]


def test_backup_mode_and_symlink(tmp_path):
    real = tmp_path / "real.yaml"
    atomic_write_text(real, "one\n")
    assert real.stat().st_mode & 0o777 == 0o666 & ~_umask()  # not mkstemp's 0600
    os.chmod(real, 0o640)
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    atomic_write_text(link, "two\n")
    assert link.is_symlink() and real.read_text() == "two\n"
    assert real.stat().st_mode & 0o777 == 0o640
    assert (tmp_path / ".real.yaml.bak").read_text() == "one\n"


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


# -- two processes, one verdict file -----------------------------------------------------------

_WRITER = textwrap.dedent(
    """
    import sys
    from checks.review.store import ExternalChangeError, ReviewStore
    from checks.review.verdicts import Decision, Review, Verdict

    path, who, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = ReviewStore(path)
    conflicts = 0
    for i in range(rounds):
        while True:
            review = store.load() or Review("story.txt", "0" * 64)
            mine = Verdict(f"{who}-{i}", "vague", Decision.ACCEPTED, "Some say.", 0, 9, note=who)
            try:
                store.save(review.with_verdict(mine))
                break
            except ExternalChangeError:
                conflicts += 1  # the other reviewer saved in between: reload, redo, save again
    print(conflicts)
    """
)


def _python(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, *args], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_another_process_saving_is_detected_and_never_overwritten(tmp_path):
    path = tmp_path / "story.txt.review.yaml"
    mine = ReviewStore(path)
    assert mine.load() is None
    mine.save(_review("mine"))
    other = _python("-c", _WRITER, str(path), "theirs", "1")
    out, err = other.communicate(timeout=60)
    assert other.returncode == 0, err
    assert mine.changed_on_disk()
    with pytest.raises(ExternalChangeError, match="changed on disk by another program"):
        mine.save(_review("mine, later"))
    assert "theirs" in path.read_text()
    # Keep both: ours goes beside theirs, theirs stays.
    copy = mine.save_copy(_review("mine, later"))
    assert "mine, later" in copy.read_text() and "theirs" in path.read_text()
    assert copy != mine.save_copy(_review("mine, again"))  # two copies in one second do not collide


def test_two_processes_saving_in_turn_lose_no_verdict(tmp_path):
    path = tmp_path / "story.txt.review.yaml"
    rounds = 12
    procs = [_python("-c", _WRITER, str(path), who, str(rounds)) for who in ("ann", "bob")]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    review = ReviewStore(path).load()
    assert review is not None
    assert sorted(v.flag for v in review.verdicts) == sorted(
        f"{who}-{i}" for who in ("ann", "bob") for i in range(rounds)
    )


def test_a_held_lock_is_a_one_line_store_error(tmp_path):
    path = tmp_path / "story.txt.review.yaml"
    holder = _python("-c", textwrap.dedent(f"""
        import sys, time
        from filelock import FileLock
        with FileLock({str(path.with_name('.' + path.name + '.lock'))!r}):
            print("locked", flush=True)
            time.sleep(30)
    """))
    try:
        assert holder.stdout.readline().strip() == "locked"
        store = ReviewStore(path)
        store.load()
        store._lock.timeout = 0.3
        with pytest.raises(StoreError, match="locked by another sourcecheck"):
            store.save(_review("waiting"))
        assert not path.exists()
    finally:
        holder.kill()
        holder.communicate()


def test_save_without_load_never_clobbers_an_existing_file(tmp_path):
    path = tmp_path / "story.txt.review.yaml"
    path.write_text("version: 1\narticle: {path: a, sha256: b}\n")
    with pytest.raises(ExternalChangeError):
        ReviewStore(path).save(_review("blind"))
    assert "blind" not in path.read_text()


def test_file_removed_by_another_program_is_noticed(tmp_path):
    store = ReviewStore(tmp_path / "a.review.yaml")
    store.load()
    store.save(_review("mine"))
    store.path.unlink()
    assert store.changed_on_disk()
    with pytest.raises(ExternalChangeError, match="removed"):
        store.save(_review("mine again"))


def _review(note: str) -> Review:
    v = Verdict("vague-1", "vague", Decision.ACCEPTED, "Some say.", 0, 9, note=note)
    return Review("a.txt", "0" * 64).with_verdict(v)


def test_in_place_edit_that_hides_from_stat_is_still_caught_at_save(tmp_path):
    """An editor rewriting the file in place, same size, mtime put back: polling may miss it, the
    save's hash check does not."""
    store = ReviewStore(tmp_path / "a.review.yaml")
    store.load()
    store.save(_review("mine"))
    info = store.path.stat()
    text = store.path.read_text()
    with store.path.open("r+") as fh:  # same inode, same size
        fh.write(text.replace("note: mine", "note: MINE"))
    os.utime(store.path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert not store.changed_on_disk()  # the cheap poll trusts inode, size and mtime
    with pytest.raises(ExternalChangeError):
        store.save(_review("mine again"))
    assert "MINE" in store.path.read_text()
