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
    assert "first" in (tmp_path / "a.review.yaml.bak").read_text()


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
