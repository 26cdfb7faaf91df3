"""The fast reader of big verdict files gives exactly what YAML gives, on any review (hypothesis)
and on hand-edited files outside the shape it reads (which it hands to YAML)."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.files import DataFileError, parse_yaml_text
from checks.review.fast_load import parse_review_text
from checks.review.verdicts import Decision, Review, Verdict
from checks.review.yaml_form import dump_review

# Text that YAML writes in every style: plain, folded, single- and double-quoted, with indicators,
# words YAML reads as booleans, numbers, dates, colons, hashes, quotes, controls and line breaks.
_pieces = st.sampled_from([
    "The council said", "yes", "No", "null", "~", "12", "3.5", "2026-01-01", "- dash", "# hash", "a: b",
    "it's", "''", '"quoted"', "x #y", "trailing:", " lead", "tail ", "\t", "\n", "\r", "\x85", "\u2028",
    "\x1b[31m", "ünïcödé", "😀", "[x]", "{y}", "&a", "*b", "!tag", "|", ">", "%", "@", "`", "word " * 30,
])
_text = st.lists(_pieces, max_size=6).map("".join)
_verdict = st.builds(
    lambda i, kind, decision, text, note, by, at, start: Verdict(
        f"{kind}-{i:012x}", kind, Decision(decision), text,
        start, start + len(text), note=note if note.strip() or decision != "dismissed" else "why", by=by, at=at),
    st.integers(0, 2**40), st.sampled_from(["unsourced", "opinion", "yes", "12"]),
    st.sampled_from(["accepted", "dismissed", "needs_work"]), _text, _text, _text,
    st.sampled_from(["", "2026-01-01T00:00:00Z", "yesterday"]), st.integers(0, 10**6),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_verdict, max_size=8))
def test_the_fast_reader_reads_what_yaml_reads(verdicts: list[Verdict]) -> None:
    text = dump_review(Review("story.txt", "a" * 64, reviewer="ann", verdicts=tuple(verdicts)))
    assert parse_review_text(text, source="t", min_lines=0) == yaml.safe_load(text)


@pytest.mark.parametrize("edit", [
    lambda t: t.replace("verdicts:\n", "verdicts:\n# a comment\n"),
    lambda t: t.replace("  kind: unsourced\n", "  kind: unsourced  # note\n"),
    lambda t: t.replace("  kind: unsourced\n", "  kind: yes\n"),
    lambda t: t.replace("  start: 5\n", "  start: 0x10\n"),
    lambda t: t.replace("  text: The", "  text: |\n    The"),
    lambda t: t + "verdicts: []\n",
    lambda t: t.replace("- flag:", "-   flag:"),
    lambda t: t.replace("  kind: unsourced\n", "  kind: unsourced\n  kind: opinion\n"),
])
def test_hand_edited_files_read_as_yaml_reads_them(edit) -> None:
    verdicts = tuple(Verdict(f"unsourced-{i:012x}", "unsourced", Decision.ACCEPTED, f"The sentence {i}.", 5, 9)
                     for i in range(3))
    text = edit(dump_review(Review("story.txt", "a" * 64, verdicts=verdicts)))
    try:
        expected = parse_yaml_text(text, source="t")
    except DataFileError as exc:
        with pytest.raises(DataFileError) as got:
            parse_review_text(text, source="t", min_lines=0)
        assert str(got.value) == str(exc)
    else:
        assert parse_review_text(text, source="t", min_lines=0) == expected
