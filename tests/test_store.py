import pytest

from checks.review.store import ExternalChangeError, ReviewStore, StoreError, verdict_path_for
from checks.review.verdicts import Decision, Review, Verdict


def _review(note="ok"):
    v = Verdict("vague-1", "vague", Decision.ACCEPTED, "Some say.", 0, 9, note=note)
    return Review("a.txt", "0" * 64).with_verdict(v)


def test_default_path(tmp_path):
    assert verdict_path_for(tmp_path / "story.txt").name == "story.txt.review.yaml"


def test_save_load_and_backup(tmp_path):
    store = ReviewStore(tmp_path / "a.review.yaml")
    assert store.load() is None
    store.save(_review("first"))
    store.save(_review("second"))
    assert ReviewStore(store.path).load().verdicts[0].note == "second"
    assert "first" in (tmp_path / ".a.review.yaml.bak").read_text()


def test_external_change_is_not_overwritten(tmp_path):
    store = ReviewStore(tmp_path / "a.review.yaml")
    store.load()
    store.save(_review("mine"))
    other = ReviewStore(store.path)
    other.load()
    other.save(_review("theirs"))
    assert store.changed_on_disk()
    with pytest.raises(ExternalChangeError):
        store.save(_review("mine again"))
    assert "theirs" in store.path.read_text()
    copy = store.save_copy(_review("mine again"))
    assert "mine again" in copy.read_text() and "theirs" in store.path.read_text()
    store.save(_review("forced"), force=True)
    assert "forced" in store.path.read_text()


def test_malformed_file_is_a_store_error_and_untouched(tmp_path):
    path = tmp_path / "a.review.yaml"
    path.write_text("version: [unclosed\n")
    with pytest.raises(StoreError, match="not valid YAML"):
        ReviewStore(path).load()
    assert path.read_text() == "version: [unclosed\n"


def test_the_lock_is_exclusive_and_leaves_no_file(tmp_path):
    from checks.review.lock import LockTimeout, VerdictLock

    path = tmp_path / ".a.review.yaml.lock"
    with VerdictLock(path, timeout=1):
        assert path.exists()
        with pytest.raises(LockTimeout):
            with VerdictLock(path, timeout=0.1):
                pass
    assert not path.exists()
    with VerdictLock(path, timeout=0.1):  # free again
        pass
    assert not path.exists()


def test_a_waiter_on_a_removed_lock_file_locks_the_new_one(tmp_path):
    import threading

    from checks.review.lock import VerdictLock

    path = tmp_path / ".a.lock"
    inside, order = threading.Lock(), []

    def worker(n):
        for _ in range(30):
            with VerdictLock(path, timeout=10):
                assert inside.acquire(blocking=False), "two holders at once"
                order.append(n)
                inside.release()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(order) == 120 and not path.exists()


def test_saving_keeps_the_previous_version_hidden_and_no_lock(tmp_path):
    store = ReviewStore(tmp_path / "a.review.yaml")
    store.load()
    store.save(_review("first"))
    store.save(_review("second"))
    assert sorted(p.name for p in tmp_path.iterdir()) == [".a.review.yaml.bak", "a.review.yaml"]
