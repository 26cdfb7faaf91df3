import pytest
import yaml

from checks.review.store import ReviewStore
from checks.review.yaml_form import dump_review
from checks.review.verdicts import Decision, Review, ReviewFormatError, Verdict, review_from_dict


def _review():
    v = Verdict("anonymous-abc", "anonymous", Decision.ACCEPTED, "Officials said so.", 10, 28,
                note="Two officials, reason for anonymity given", by="ed", at="2026-01-01T00:00:00Z")
    return Review("a.txt", "f" * 64, reviewer="ed", created="2026-01-01T00:00:00Z").with_verdict(v).with_tick(
        "claims-sourced", True, by="ed"
    )


def test_round_trip(tmp_path):
    review = _review()
    path = tmp_path / "a.review.yaml"
    store = ReviewStore(path)
    assert store.load() is None
    store.save(review)
    text = path.read_text()
    assert text.startswith("version: 1\narticle:\n")
    assert ReviewStore(path).load() == review


def test_dismiss_needs_reason():
    with pytest.raises(ValueError, match="reason"):
        Verdict("x", "vague", Decision.DISMISSED, "t", 0, 1, note="  ")


@pytest.mark.parametrize(
    "data, message",
    [
        ([1, 2], "not a verdict file"),
        ({"version": 9, "article": {"sha256": "x"}}, "version 9"),
        ({"version": 1}, "article"),
        ({"version": 1, "article": {"sha256": "x"}, "verdicts": [{"flag": "a", "decision": "maybe"}]}, "verdict 1"),
    ],
)
def test_wrong_shapes(data, message):
    with pytest.raises(ReviewFormatError, match=message):
        review_from_dict(data)


def test_dump_is_plain_block_yaml():
    text = dump_review(_review())
    assert "!!" not in text and "{" not in text
    assert yaml.safe_load(text)["verdicts"][0]["decision"] == "accepted"


def test_unquoted_timestamps_from_a_hand_edited_file_are_read(tmp_path):
    path = tmp_path / "a.review.yaml"
    path.write_text(
        "version: 1\narticle:\n  path: a.txt\n  sha256: abc\ncreated: 2026-01-01\n"
        "verdicts:\n- flag: vague-1\n  decision: accepted\n  at: 2026-01-02T03:04:05Z\n"
    )
    review = ReviewStore(path).load()
    assert review.created == "2026-01-01"
    assert review.verdicts[0].at.startswith("2026-01-02T03:04:05")
