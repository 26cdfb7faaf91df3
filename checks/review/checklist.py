"""The pre-publication checklist: items, their live state against the flags, and sign-off rules.

How ticks and automatic rules combine (what a standards editor expects):

* A tick is the editor's own attestation, so the engine never ticks an item itself. Its rules see
  only the sentences it flagged, not the whole story: "no open unsourced flags" is necessary for
  "every factual claim is sourced", never sufficient.
* An item with an ``auto`` rule is *blocked* while a flag of its kinds is open, that is has no
  verdict or a ``needs_work`` verdict. The editor may still tick a blocked item (in whatever
  order they work), but the tick does not override the rule: sign-off stays refused until the
  flags are resolved. The override for a false alarm is a verdict on that flag (``dismissed``
  with a reason, ``accepted``, ``keep_both``), which leaves a reason per flag in the record.
* ``sign_off_problems`` lists everything standing in the way: flags with no verdict, flags sent
  back as needing work, blocked items and unticked items. An empty list means sign-off is allowed.

The checklist itself is YAML data (``checks/data/checklist.yaml``); a newsroom replaces it with a
file of the same shape::

    version: 1
    items:
      - id: claims-sourced            # stable: ticks in verdict files refer to it
        text: Every factual claim is sourced
        help: What to check, shown beside the item.
        auto: no_open_flags:unsourced,vague   # optional
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from checks.config import CONFIG_DIR_ENV, config_folder
from checks.files import DataFileError, read_package_yaml, read_yaml_file
from checks.kinds import parse_kind
from checks.model import Flag, FlagKind
from checks.review.verdicts import Decision, Review

__all__ = [
    "CONFIG_DIR_ENV",
    "AUTO_RULES",
    "Checklist",
    "ChecklistItem",
    "ItemState",
    "checklist_from_mapping",
    "default_checklist",
    "item_state",
    "load_checklist",
    "open_flags",
    "resolve_checklist",
    "sign_off_problems",
    "user_checklist_path",
]

CHECKLIST_VERSION = 1
AUTO_RULES = ("no_open_flags",)
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_ITEM_KEYS = frozenset({"id", "text", "help", "auto"})


def _parse_auto(auto: str) -> tuple[str, tuple[FlagKind, ...]]:
    """Split ``rule:kind,kind`` and check both parts; ValueError names the bad part."""
    rule, sep, arg = auto.partition(":")
    rule = rule.strip()
    if rule not in AUTO_RULES:
        raise ValueError(f"unknown auto rule {rule!r} (known: {', '.join(AUTO_RULES)})")
    names = [n.strip() for n in arg.split(",") if n.strip()] if sep else []
    if not names:
        raise ValueError(f"auto rule {auto!r} needs flag kinds, e.g. {rule}:duplicate")
    kinds = [parse_kind(name, context=" in auto rule") for name in names]
    return rule, tuple(dict.fromkeys(kinds))


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    id: str
    text: str
    help: str = ""
    auto: str | None = None  # e.g. "no_open_flags:duplicate"

    def __post_init__(self) -> None:
        if not _ID.match(self.id):
            raise ValueError(f"item id {self.id!r} must be letters, digits, '-', '_' or '.'")
        if not self.text.strip():
            raise ValueError(f"item {self.id!r} needs a text")
        if self.auto is not None:
            _parse_auto(self.auto)

    @property
    def auto_kinds(self) -> tuple[FlagKind, ...]:
        """The flag kinds whose open flags block this item; empty when it has no rule."""
        return _parse_auto(self.auto)[1] if self.auto else ()


@dataclass(frozen=True, slots=True)
class Checklist:
    items: tuple[ChecklistItem, ...]
    source: str = "default"

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for item in self.items:
            if item.id in seen:
                raise ValueError(f"item id {item.id!r} is used twice")
            seen.add(item.id)

    def item(self, item_id: str) -> ChecklistItem | None:
        return next((i for i in self.items if i.id == item_id), None)


@dataclass(frozen=True, slots=True)
class ItemState:
    ticked: bool
    blocked_by: str | None  # e.g. "2 duplicate flags unresolved"

    @property
    def done(self) -> bool:
        """Counts towards sign-off: ticked by the editor and not blocked by open flags."""
        return self.ticked and self.blocked_by is None


def checklist_from_mapping(data: Any, *, source: str) -> Checklist:
    """Validate a checklist file's data; DataFileError names the first problem in one line."""

    def fail(msg: str) -> DataFileError:
        return DataFileError(f"{source}: {msg}")

    if not isinstance(data, Mapping):
        raise fail("not a checklist (expected a mapping with 'version' and 'items')")
    version = data.get("version")
    if version != CHECKLIST_VERSION or isinstance(version, bool):
        raise fail(f"'version' must be {CHECKLIST_VERSION} (found {version!r})")
    unknown = sorted(str(k) for k in data if k not in ("version", "items"))
    if unknown:
        raise fail(f"unknown key {unknown[0]!r} (a checklist holds 'version' and 'items')")
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise fail("'items' must be a non-empty list")
    items = []
    for n, raw in enumerate(raw_items, start=1):
        if not isinstance(raw, Mapping):
            raise fail(f"item {n} is not a mapping with id and text")
        extra = sorted(str(k) for k in raw if k not in _ITEM_KEYS)
        if extra:
            raise fail(f"item {n}: unknown key {extra[0]!r} (allowed: auto, help, id, text)")
        values = {}
        for key in ("id", "text", "help", "auto"):
            value = raw.get(key)
            if value is not None and not isinstance(value, str):
                raise fail(f"item {n}: {key!r} must be text")
            values[key] = value
        if values["id"] is None or values["text"] is None:
            raise fail(f"item {n}: needs both 'id' and 'text'")
        try:
            items.append(
                ChecklistItem(
                    id=values["id"],
                    text=" ".join(values["text"].split()),
                    help=" ".join((values["help"] or "").split()),
                    auto=values["auto"],
                )
            )
        except ValueError as exc:
            raise fail(f"item {n}: {exc}") from None
    try:
        return Checklist(tuple(items), source=source)
    except ValueError as exc:
        raise fail(str(exc)) from None


@cache
def default_checklist() -> Checklist:
    """The shipped checklist, loaded once per process."""
    shipped = checklist_from_mapping(read_package_yaml("checklist.yaml"), source="checks/data/checklist.yaml")
    return Checklist(shipped.items, source="default")


def load_checklist(path: str | os.PathLike[str]) -> Checklist:
    """A checklist file; raises DataFileError with a one-line message."""
    return checklist_from_mapping(read_yaml_file(path), source=str(path))


def user_checklist_path() -> Path:
    """Where a user's own default checklist lives; reads nothing. ``$SOURCECHECK_CONFIG_DIR`` wins."""
    return config_folder() / "checklist.yaml"


def resolve_checklist(explicit: str | os.PathLike[str] | None) -> Checklist:
    """``--checklist`` if given, else the user's file when there is one, else the shipped default."""
    if explicit:
        return load_checklist(explicit)
    user_file = user_checklist_path()
    if user_file.is_file():
        return load_checklist(user_file)
    return default_checklist()


def _is_open(flag: Flag, review: Review | None) -> bool:
    verdict = review.verdict(flag.id) if review is not None else None
    return verdict is None or verdict.decision is Decision.NEEDS_WORK


def open_flags(flags: Sequence[Flag], review: Review | None) -> list[Flag]:
    """Flags with no verdict or sent back as needing work."""
    return [f for f in flags if _is_open(f, review)]


def _count_phrase(counts: Counter[FlagKind]) -> str:
    total = sum(counts.values())
    if len(counts) == 1:
        (kind,) = counts
        return f"{total} {kind.value.replace('_', ' ')} flag{'s' if total != 1 else ''} unresolved"
    parts = ", ".join(f"{n} {k.value.replace('_', ' ')}" for k, n in counts.items())
    return f"{total} flags unresolved: {parts}"


def item_state(item: ChecklistItem, flags: Sequence[Flag], review: Review | None) -> ItemState:
    ticked = review is not None and review.ticked(item.id)
    if not item.auto_kinds:
        return ItemState(ticked, None)
    found = Counter(f.kind for f in flags if _is_open(f, review))
    # in the rule's own order, so the message reads as the checklist file does
    counts = Counter({k: found[k] for k in item.auto_kinds if found[k]})
    return ItemState(ticked, _count_phrase(counts) if counts else None)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def sign_off_problems(checklist: Checklist, flags: Sequence[Flag], review: Review | None) -> list[str]:
    """Why the review cannot be signed off yet, one line each; empty when it can."""
    problems = []
    no_verdict = sum(1 for f in flags if review is None or review.verdict(f.id) is None)
    if no_verdict:
        problems.append(_plural(no_verdict, "flag has no verdict", "flags have no verdict"))
    needs_work = len(open_flags(flags, review)) - no_verdict
    if needs_work:
        problems.append(_plural(needs_work, "flag still needs work", "flags still need work"))
    for item in checklist.items:
        state = item_state(item, flags, review)
        if not state.ticked:
            suffix = f" ({state.blocked_by})" if state.blocked_by else ""
            problems.append(f"unticked: {item.text}{suffix}")
        elif state.blocked_by:
            problems.append(f"blocked: {item.text} ({state.blocked_by})")
    return problems
