"""Merging two reviews of one article: flag by flag, from the command line, as git's merge driver,
and (hypothesis) never dropping a verdict of either side."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.review.merge import merge_reviews
from checks.review.store import ReviewStore
from checks.review.verdicts import Decision, Review, Tick, Verdict, VerdictConflict, review_from_dict, review_to_dict
from checks.review.yaml_form import dump_review

ROOT = Path(__file__).resolve().parent.parent
SHA = "a" * 64


def v(flag: str, decision: str = "accepted", note: str = "", by: str = "ann", at: str = "2026-01-01T00:00:00Z") -> Verdict:
    return Verdict(flag, "unsourced", Decision(decision), f"text of {flag}", 0, 10, note=note, by=by, at=at)


def review(*verdicts: Verdict, ticks: tuple[str, ...] = (), updated: str = "") -> Review:
    return Review("story.txt", SHA, reviewer="ann", verdicts=verdicts, ticks=tuple(Tick(t) for t in ticks),
                  created="2026-01-01T00:00:00Z", updated=updated)


def test_one_sided_and_equal_decisions_merge_cleanly() -> None:
    ours = review(v("f1"), v("f2", "needs_work", "ask the desk"))
    theirs = review(v("f2", "needs_work", "ask the desk", by="bob"), v("f3", "dismissed", "named later", by="bob"))
    merged = merge_reviews(ours, theirs)
    assert merged.conflicts == ()
    assert [x.flag for x in merged.verdicts] == ["f1", "f2", "f3"]
    assert merged.verdict("f3").by == "bob"


def test_the_same_decision_keeps_both_notes() -> None:
    merged = merge_reviews(review(v("f1", note="minutes checked")), review(v("f1", note="called the council", by="bob")))
    assert merged.conflicts == ()
    assert "minutes checked" in merged.verdict("f1").note and "called the council" in merged.verdict("f1").note


def test_different_decisions_are_a_conflict_listing_both() -> None:
    ours, theirs = v("f1", "accepted", "fine"), v("f1", "needs_work", "no source", by="bob", at="2026-01-02T00:00:00Z")
    merged = merge_reviews(review(ours), review(theirs))
    assert merged.verdict("f1") is None
    assert merged.conflicts == (VerdictConflict("f1", (ours, theirs)),)
    # The conflict survives the file: the reviewer chooses later, in the app.
    again = review_from_dict(yaml.safe_load(dump_review(merged)))
    assert again.conflicts == merged.conflicts
    chosen = again.with_verdict(theirs)
    assert chosen.conflicts == () and chosen.verdict("f1") == theirs


def test_with_a_base_one_sided_changes_and_removals_win() -> None:
    base = review(v("f1"), v("f2"), ticks=("legal",))
    ours = review(v("f1", "needs_work", "wrong"), v("f2"), ticks=("legal",))  # changed f1
    theirs = review(v("f1"), ticks=())  # removed f2, unticked legal
    merged = merge_reviews(ours, theirs, base)
    assert merged.conflicts == ()
    assert [(x.flag, str(x.decision)) for x in merged.verdicts] == [("f1", "needs_work")]
    assert merged.ticks == ()


def test_ticks_merge_as_a_union_without_a_base() -> None:
    merged = merge_reviews(review(ticks=("a", "b")), review(ticks=("b", "c")))
    assert [t.item for t in merged.ticks] == ["a", "b", "c"]


def test_old_files_without_conflicts_still_load() -> None:
    data = review_to_dict(review(v("f1")))
    assert "conflicts" not in data
    assert review_from_dict(data).conflicts == ()


# -- nothing is ever dropped (hypothesis) ------------------------------------------------------

_notes = st.sampled_from(["", "checked", "called the desk", "named in para 4"])
_verdicts = st.builds(
    lambda flag, decision, note, by, day: v(flag, decision, note or ("why" if decision == "dismissed" else ""),
                                            by, f"2026-01-{day:02d}T00:00:00Z"),
    st.sampled_from([f"f{i}" for i in range(6)]),
    st.sampled_from(["accepted", "dismissed", "needs_work"]),
    _notes, st.sampled_from(["ann", "bob"]), st.integers(1, 28),
)
_reviews = st.builds(
    lambda vs, ticks: review(*{x.flag: x for x in vs}.values(), ticks=tuple(sorted(set(ticks)))),
    st.lists(_verdicts, max_size=6), st.lists(st.sampled_from(["legal", "names", "links"]), max_size=3),
)


def _kept(verdict: Verdict, merged: Review) -> bool:
    got = merged.verdict(verdict.flag)
    if got is not None and got.decision == verdict.decision and verdict.note.strip() in got.note:
        return True
    conflict = merged.conflict(verdict.flag)
    return conflict is not None and any(o.decision == verdict.decision and o.note == verdict.note
                                        and o.by == verdict.by for o in conflict.options)


@settings(max_examples=300, deadline=None)
@given(_reviews, _reviews)
def test_merging_never_drops_a_verdict_or_a_tick(ours: Review, theirs: Review) -> None:
    merged = merge_reviews(ours, theirs)
    for verdict in (*ours.verdicts, *theirs.verdicts):
        assert _kept(verdict, merged), verdict
    assert {t.item for t in (*ours.ticks, *theirs.ticks)} == {t.item for t in merged.ticks}
    assert not {x.flag for x in merged.verdicts} & {c.flag for c in merged.conflicts}
    # A second merge of the result with either side adds nothing and drops nothing.
    again = merge_reviews(merged, theirs)
    for verdict in (*ours.verdicts, *theirs.verdicts):
        assert _kept(verdict, again), verdict


# -- the command line --------------------------------------------------------------------------


def _sourcecheck(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "sourcecheck", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=120)


def _write(path: Path, r: Review) -> Path:
    path.write_text(dump_review(r), encoding="utf-8")
    return path


def test_merge_command_clean_and_with_conflicts(tmp_path: Path) -> None:
    ours = _write(tmp_path / "ours.yaml", review(v("f1"), v("f2")))
    theirs = _write(tmp_path / "theirs.yaml", review(v("f2"), v("f3", "needs_work", by="bob")))
    out = tmp_path / "out.yaml"
    done = _sourcecheck("merge", str(ours), str(theirs), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert [x.flag for x in ReviewStore(out).load().verdicts] == ["f1", "f2", "f3"]
    clash = _write(tmp_path / "clash.yaml", review(v("f1", "needs_work", "no source \x1b]0;PWNED\x07", by="bob")))
    done = _sourcecheck("merge", str(ours), str(clash))
    assert done.returncode == 1
    assert "f1: accepted (ann, 2026-01-01T00:00:00Z) / needs work (bob" in done.stderr
    assert "\x1b" not in done.stderr and "\\x1b" in done.stderr
    assert ReviewStore(_write(tmp_path / "printed.yaml", review_from_dict(yaml.safe_load(done.stdout)))).load().conflicts


def test_merge_command_refuses_bad_input_with_one_line(tmp_path: Path) -> None:
    ours = _write(tmp_path / "ours.yaml", review(v("f1")))
    broken = tmp_path / "broken.yaml"
    broken.write_text("version: [", encoding="utf-8")
    other = _write(tmp_path / "other.yaml", Review("other.txt", "b" * 64))
    for args in ((str(ours), str(broken)), (str(ours), str(tmp_path / "missing.yaml")), (str(ours), str(other))):
        out = tmp_path / "out.yaml"
        done = _sourcecheck("merge", *args, "-o", str(out))
        assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert "Traceback" not in done.stderr and not out.exists()


# -- a real git merge ---------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_merges_two_branches_that_each_added_verdicts(tmp_path: Path) -> None:
    repo = tmp_path / "newsroom"
    repo.mkdir()

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t",
               "GIT_COMMITTER_EMAIL": "t@x", "PYTHONPATH": str(ROOT)}
        return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env, timeout=120)

    git("init", "-q", "-b", "main")
    # The driver as the README documents it, with this interpreter standing in for `sourcecheck`.
    git("config", "merge.sourcecheck.name", "sourcecheck verdict files")
    git("config", "merge.sourcecheck.driver", f"{sys.executable} -m sourcecheck merge %A %B --base %O -o %A")
    (repo / ".gitattributes").write_text("*.review.yaml merge=sourcecheck\n")
    verdicts = repo / "story.txt.review.yaml"
    _write(verdicts, review(v("f1")))
    git("add", ".")
    git("commit", "-qm", "first verdict")
    git("checkout", "-qb", "bob")
    _write(verdicts, review(v("f1"), v("f2", "needs_work", "no source", by="bob"), updated="2026-01-02T00:00:00Z"))
    git("commit", "-qam", "bob's verdict")
    git("checkout", "-q", "main")
    _write(verdicts, review(v("f1"), v("f3", "dismissed", "named later"), updated="2026-01-03T00:00:00Z"))
    git("commit", "-qam", "ann's verdict")
    done = git("merge", "-q", "--no-edit", "bob")
    assert done.returncode == 0, done.stdout + done.stderr
    merged = ReviewStore(verdicts).load()
    assert sorted(x.flag for x in merged.verdicts) == ["f1", "f2", "f3"] and merged.conflicts == ()
    # Different decisions on one flag: git stops with a conflict and the file lists both for the app.
    git("checkout", "-qb", "carol")
    _write(verdicts, merged.with_verdict(v("f1", "needs_work", "who said this?", by="carol")))
    git("commit", "-qam", "carol disagrees")
    git("checkout", "-q", "main")
    _write(verdicts, ReviewStore(verdicts).load().with_verdict(v("f1", "accepted", "minutes checked")))
    git("commit", "-qam", "ann is sure")
    done = git("merge", "-q", "--no-edit", "carol")
    assert done.returncode != 0 and "CONFLICT" in done.stdout + done.stderr
    clash = ReviewStore(verdicts).load()
    assert [sorted(o.by for o in c.options) for c in clash.conflicts] == [["ann", "carol"]]
    assert sorted(x.flag for x in clash.verdicts) == ["f2", "f3"]
