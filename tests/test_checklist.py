"""The checklist: shipped data, user files, live item state and sign-off rules."""

from __future__ import annotations

import pytest

from checks import DataFileError, Flag, FlagKind
from checks.review.checklist import (
    Checklist,
    ChecklistItem,
    default_checklist,
    item_state,
    load_checklist,
    resolve_checklist,
    sign_off_problems,
    user_checklist_path,
)
from checks.review.verdicts import Decision, Review, Verdict


def _flag(kind: FlagKind, n: int) -> Flag:
    return Flag(id=f"{kind}-{n}", kind=kind, start=n * 10, end=n * 10 + 5, text=f"text {n}", message="m")


def _review(*verdicts: tuple[Flag, Decision], ticks: tuple[str, ...] = ()) -> Review:
    review = Review(article_path="a.txt", article_sha256="0" * 64)
    for flag, decision in verdicts:
        note = "false alarm" if decision is Decision.DISMISSED else ""
        review = review.with_verdict(Verdict.for_flag(flag, decision, note=note, by="ed"))
    for item in ticks:
        review = review.with_tick(item, True, by="ed")
    return review


@pytest.fixture
def config_dir(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    monkeypatch.setenv("SOURCECHECK_CONFIG_DIR", str(folder))
    return folder


def test_default_checklist_covers_newsroom_practice():
    checklist = default_checklist()
    assert checklist.source == "default"
    ids = [item.id for item in checklist.items]
    assert len(ids) == len(set(ids)) == 8
    by_id = {item.id: item for item in checklist.items}
    assert by_id["no-duplicates"].auto_kinds == (FlagKind.DUPLICATE,)
    assert set(by_id["credit-linked"].auto_kinds) == {FlagKind.SECONDHAND, FlagKind.REUSED}
    assert by_id["dates-numbers"].auto is None
    assert all(item.help for item in checklist.items)
    # every flag kind blocks some item, so no kind of flag can slip past the checklist
    covered = {kind for item in checklist.items for kind in item.auto_kinds}
    assert covered == set(FlagKind)


def test_auto_item_blocked_until_flags_resolved():
    item = ChecklistItem("no-dups", "No duplicated passages", auto="no_open_flags:duplicate")
    dup1, dup2, other = _flag(FlagKind.DUPLICATE, 1), _flag(FlagKind.DUPLICATE, 2), _flag(FlagKind.OPINION, 3)
    flags = [dup1, dup2, other]
    assert item_state(item, flags, None).blocked_by == "2 duplicate flags unresolved"
    # needs_work keeps a flag open; any other decision resolves it
    review = _review((dup1, Decision.KEEP_FIRST), (dup2, Decision.NEEDS_WORK))
    assert item_state(item, flags, review).blocked_by == "1 duplicate flag unresolved"
    review = _review((dup1, Decision.KEEP_FIRST), (dup2, Decision.DISMISSED))
    state = item_state(item, flags, review)
    assert state.blocked_by is None and not state.ticked and not state.done


def test_multi_kind_rule_names_each_kind():
    item = ChecklistItem("credit", "Credited", auto="no_open_flags:secondhand,reused")
    flags = [_flag(FlagKind.SECONDHAND, 1), _flag(FlagKind.REUSED, 2), _flag(FlagKind.REUSED, 3)]
    assert item_state(item, flags, None).blocked_by == "3 flags unresolved: 1 secondhand, 2 reused"


def test_tick_on_blocked_item_is_kept_but_does_not_count():
    item = ChecklistItem("no-dups", "No duplicated passages", auto="no_open_flags:duplicate")
    dup = _flag(FlagKind.DUPLICATE, 1)
    checklist = Checklist((item,))
    review = _review(ticks=("no-dups",))
    state = item_state(item, [dup], review)
    assert state.ticked and state.blocked_by and not state.done
    assert sign_off_problems(checklist, [dup], review) == [
        "1 flag has no verdict",
        "blocked: No duplicated passages (1 duplicate flag unresolved)",
    ]


def test_sign_off_problems_then_clear():
    checklist = Checklist(
        (
            ChecklistItem("names", "Names and titles spelled right", auto="no_open_flags:name_variant"),
            ChecklistItem("dates", "Dates and numbers checked"),
        )
    )
    name, unsourced, opinion = (_flag(k, i) for i, k in enumerate(
        (FlagKind.NAME_VARIANT, FlagKind.UNSOURCED, FlagKind.OPINION)))
    flags = [name, unsourced, opinion]
    review = _review((opinion, Decision.NEEDS_WORK))
    assert sign_off_problems(checklist, flags, review) == [
        "2 flags have no verdict",
        "1 flag still needs work",
        "unticked: Names and titles spelled right (1 name variant flag unresolved)",
        "unticked: Dates and numbers checked",
    ]
    assert sign_off_problems(checklist, flags, None)[0] == "3 flags have no verdict"
    done = _review(
        (name, Decision.ACCEPTED), (unsourced, Decision.DISMISSED), (opinion, Decision.ACCEPTED),
        ticks=("names", "dates"),
    )
    assert sign_off_problems(checklist, flags, done) == []


def test_item_validation():
    with pytest.raises(ValueError, match="unknown auto rule"):
        ChecklistItem("x", "X", auto="all_good:duplicate")
    with pytest.raises(ValueError, match="unknown flag kind 'dupe'"):
        ChecklistItem("x", "X", auto="no_open_flags:dupe")
    with pytest.raises(ValueError, match="needs flag kinds"):
        ChecklistItem("x", "X", auto="no_open_flags")
    with pytest.raises(ValueError, match="used twice"):
        Checklist((ChecklistItem("x", "X"), ChecklistItem("x", "Y")))


GOOD = """\
version: 1
items:
  - id: legal
    text: Legal has read it
    help: Anything defamatory?
  - id: dups
    text: No repeats
    auto: no_open_flags:duplicate
"""


def test_load_user_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(GOOD, encoding="utf-8")
    checklist = load_checklist(path)
    assert [i.id for i in checklist.items] == ["legal", "dups"]
    assert checklist.source == str(path)
    assert checklist.items[0].help == "Anything defamatory?"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("items: []\n", "'version' must be 1"),
        ("version: 2\nitems: [{id: a, text: A}]\n", "'version' must be 1"),
        ("version: 1\nitems: []\n", "'items' must be a non-empty list"),
        ("version: 1\nitems: [{id: a, text: A}, {id: a, text: B}]\n", "item id 'a' is used twice"),
        ("version: 1\nitems: [{id: a}]\n", "item 1: needs both 'id' and 'text'"),
        ("version: 1\nitems: [{id: a, text: A, auto: 'no_open_flags:nope'}]\n", "unknown flag kind 'nope'"),
        ("version: 1\nitems: [{id: a, text: A, halp: x}]\n", "unknown key 'halp'"),
        ("version: 1\nitems: [{id: a, text: [A]}]\n", "'text' must be text"),
        ("version: 1\nitems: [{id: 'a b', text: A}]\n", "item 1: item id 'a b'"),
        ("version: 1\nitems: [oops\n", "not valid YAML"),
        ("- just a list\n", "not a checklist"),
    ],
)
def test_bad_user_file_one_line_error(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_checklist(path)
    assert message in str(info.value)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_missing_file_error(tmp_path):
    with pytest.raises(DataFileError, match="no such file"):
        load_checklist(tmp_path / "absent.yaml")


def test_resolve_order(tmp_path, config_dir):
    assert user_checklist_path() == config_dir / "checklist.yaml"
    assert resolve_checklist(None) is default_checklist()
    config_dir.mkdir()
    (config_dir / "checklist.yaml").write_text(GOOD, encoding="utf-8")
    assert [i.id for i in resolve_checklist(None).items] == ["legal", "dups"]
    explicit = tmp_path / "explicit.yaml"
    explicit.write_text("version: 1\nitems: [{id: only, text: Only}]\n", encoding="utf-8")
    assert [i.id for i in resolve_checklist(str(explicit)).items] == ["only"]


def test_user_path_defaults_to_platform_config(monkeypatch):
    import platformdirs

    monkeypatch.delenv("SOURCECHECK_CONFIG_DIR", raising=False)
    assert user_checklist_path().parent == __import__("pathlib").Path(platformdirs.user_config_dir("sourcecheck"))
