"""The kinds of flag, each declared once in ``checks/data/kinds.yaml`` (as Vale declares a rule).

``FlagKind`` is a kind's identity; ``spec(kind)`` is its declaration: label, legend row, colour,
default level, what its related spans are, message templates and the decisions it takes.
Everything that lists kinds reads ``registry()`` rather than a list of its own.

The lowest layer of the engine: ``checks.model`` imports it, so it imports nothing of ``checks``.
The shipped YAML is read with libyaml's safe loader directly: our own file needs none of the alias
and depth guards ``checks.files`` puts on users' files, and it is read on every scan.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

__all__ = [
    "Decision",
    "FlagKind",
    "KindSpec",
    "Priority",
    "Related",
    "decisions_for",
    "parse_kind",
    "registry",
    "registry_from_mapping",
    "spec",
]

REGISTRY_VERSION = 1
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FlagKind(StrEnum):
    """What a flag is about. The first group mirrors the sourcing grades that need a look."""

    DUPLICATE = "duplicate"
    UNSOURCED = "unsourced"
    ANONYMOUS = "anonymous"
    VAGUE = "vague"
    SECONDHAND = "secondhand"
    OPINION = "opinion"
    SPLICE = "splice"
    UNBALANCED_QUOTE = "unbalanced_quote"
    UNATTRIBUTED_QUOTE = "unattributed_quote"
    MISQUOTE = "misquote"  # quotations checked against --sources (checks.quotecheck)
    MISATTRIBUTED = "misattributed"
    QUOTE_UNVERIFIED = "quote_unverified"
    NAME_VARIANT = "name_variant"
    REUSED = "reused"

    @property
    def label(self) -> str:
        return spec(self).label


class Priority(StrEnum):
    """How soon an editor should look at a flag; a kind's ``level`` is its default priority."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        """0 for high: sorting by rank leads with the highest."""
        return _RANKS[self]

    def lowered(self) -> Priority:
        """One step down (low stays low)."""
        return _ORDER[min(self.rank + 1, len(_ORDER) - 1)]

    def raised(self) -> Priority:
        """One step up (high stays high)."""
        return _ORDER[max(self.rank - 1, 0)]


_ORDER = (Priority.HIGH, Priority.MEDIUM, Priority.LOW)
_RANKS = {p: n for n, p in enumerate(_ORDER)}


class Decision(StrEnum):
    """A reviewer's verdict on a flag (``checks.review.verdicts`` records them)."""

    ACCEPTED = "accepted"  # verified / sourced adequately
    DISMISSED = "dismissed"  # false positive; needs a reason in the note
    NEEDS_WORK = "needs_work"  # back to the reporter
    KEEP_FIRST = "keep_first"  # duplicates: cut the second passage
    KEEP_SECOND = "keep_second"
    KEEP_BOTH = "keep_both"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class Related(StrEnum):
    """What a flag's ``related`` spans are."""

    EVIDENCE = "evidence"  # words of the flagged text that raised it (cues, a splice mark)
    REPEAT = "repeat"  # the same passage again in this article
    VARIANT = "variant"  # other spellings of a name in this article
    SOURCE = "source"  # a passage of another file (offsets into that file)


@dataclass(frozen=True, slots=True)
class KindSpec:
    """One kind's declaration."""

    kind: FlagKind
    label: str
    legend: str
    colour: str  # "#rrggbb"
    level: Priority
    related: Related
    decisions: tuple[Decision, ...]
    messages: tuple[tuple[str, str], ...] = ()  # (name, str.format template)

    def message(self, name: str, **values: object) -> str:
        """The message template ``name`` filled in; KeyError names an undeclared template."""
        for key, template in self.messages:
            if key == name:
                return template.format(**values)
        raise KeyError(f"{self.kind} declares no message {name!r}")


_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_KIND_KEYS = frozenset({"label", "legend", "colour", "level", "related", "messages", "decisions"})
_REQUIRED = ("label", "legend", "colour", "level", "related")


def _choice(enum: type[StrEnum], value: object, what: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        known = ", ".join(m.value for m in enum)
        raise ValueError(f"{what} {value!r} is not one of {known}") from None


def _decisions(value: object, what: str) -> tuple[Decision, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ValueError(f"{what} must be a list of decisions")
    return tuple(_choice(Decision, v, f"{what}:") for v in value)


def _messages(value: object, what: str) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    if not isinstance(value, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ValueError(f"{what} must map template names to text")
    for name, template in value.items():
        try:
            fields = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
        except ValueError as exc:
            raise ValueError(f"{what}.{name}: bad template ({exc})") from None
        if any(not f.isidentifier() for f in fields):
            raise ValueError(f"{what}.{name}: fields must be plain names, as {{score:.0f}}")
    return tuple(value.items())


def _kind_spec(kind: FlagKind, raw: object, common: tuple[Decision, ...]) -> KindSpec:
    what = f"kinds.{kind}"
    if not isinstance(raw, Mapping):
        raise ValueError(f"{what} must be a mapping")
    unknown = sorted(str(k) for k in raw if k not in _KIND_KEYS)
    if unknown:
        raise ValueError(f"{what}: unknown key {unknown[0]!r}")
    missing = [k for k in _REQUIRED if not isinstance(raw.get(k), str) or not raw[k].strip()]
    if missing:
        raise ValueError(f"{what}: needs {missing[0]!r} as text")
    if not _COLOUR.match(raw["colour"]):
        raise ValueError(f"{what}.colour must be #rrggbb (found {raw['colour']!r})")
    extra = _decisions(raw.get("decisions"), f"{what}.decisions")
    return KindSpec(
        kind=kind,
        label=raw["label"],
        legend=raw["legend"],
        colour=raw["colour"],
        level=_choice(Priority, raw["level"], f"{what}.level"),
        related=_choice(Related, raw["related"], f"{what}.related"),
        decisions=tuple(dict.fromkeys([*common, *extra])),
        messages=_messages(raw.get("messages"), f"{what}.messages"),
    )


def registry_from_mapping(data: Any) -> dict[FlagKind, KindSpec]:
    """Validate the registry's data: every ``FlagKind`` declared once, nothing else. ValueError
    names the first problem; kinds sharing a legend row must share a colour and sit together."""
    if not isinstance(data, Mapping) or data.get("version") != REGISTRY_VERSION:
        raise ValueError(f"the kind registry needs 'version: {REGISTRY_VERSION}', 'decisions' and 'kinds'")
    common = _decisions(data.get("decisions"), "decisions")
    raw_kinds = data.get("kinds")
    if not isinstance(raw_kinds, Mapping):
        raise ValueError("'kinds' must map each kind to its declaration")
    specs: dict[FlagKind, KindSpec] = {}
    for name, raw in raw_kinds.items():
        kind = _choice(FlagKind, name, "declared kind")
        specs[kind] = _kind_spec(kind, raw, common)
    undeclared = [k.value for k in FlagKind if k not in specs]
    if undeclared:
        raise ValueError(f"kinds not declared: {', '.join(undeclared)}")
    _check_legend(list(specs.values()))
    return specs


def _check_legend(specs: list[KindSpec]) -> None:
    closed: set[str] = set()
    for before, after in zip([None, *specs], specs):
        if before is not None and before.legend == after.legend:
            if before.colour != after.colour:
                raise ValueError(f"{before.kind} and {after.kind} share a legend row but not a colour")
            continue
        if after.legend in closed:
            raise ValueError(f"the kinds of legend row {after.legend!r} must be declared together")
        closed.add(after.legend)


@cache
def registry() -> Mapping[FlagKind, KindSpec]:
    """Every kind's declaration, in declared (display) order; read once per process."""
    text = resources.files("checks").joinpath("data", "kinds.yaml").read_text(encoding="utf-8")
    try:
        # Our own shipped file, so no alias or depth guard: libyaml's safe loader when installed (a
        # millisecond, where the pure-Python one takes 15 on the first flag of every scan).
        return MappingProxyType(registry_from_mapping(yaml.load(text, Loader=_SAFE_LOADER)))  # noqa: S506
    except ValueError as exc:
        raise ValueError(f"checks/data/kinds.yaml: {exc}") from None


def spec(kind: FlagKind) -> KindSpec:
    return registry()[kind]


def decisions_for(kind: FlagKind) -> tuple[Decision, ...]:
    """The verdicts a flag of ``kind`` can take (keep first/second/both only for duplicates)."""
    return spec(kind).decisions


def parse_kind(name: object, *, context: str = "") -> FlagKind:
    """The kind called ``name``; ValueError lists the known ones (``context`` says where it was met)."""
    try:
        return FlagKind(name)
    except ValueError:
        known = ", ".join(k.value for k in registry())
        raise ValueError(f"unknown flag kind {name!r}{context} (known: {known})") from None
