"""Every key of the app, read from the bindings themselves so no list can drift.

Each binding carries its short label (``description``, for the footer) and, where help should say
more, its long description (``tooltip``) beside it. The help screen, the command palette, the flag
panel's hints, the keys named in messages and the README's key table (held to them by
``tests/test_keys.py``) are made from them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

from checks import FlagKind
from checks.review.decisions import decisions_for
from checks.review.verdicts import Decision

from .flag_panel import FlagPanel

if TYPE_CHECKING:
    from textual.app import App

__all__ = ["decision_keys", "first_bindings", "help_sections", "key_rows", "key_table"]

# The decision a key gives when its action is not ``decide('<decision>')``.
_DECISION_ACTIONS = {Decision.DISMISSED: "dismiss_flag"}

# The checklist and the article list are Textual OptionLists: these keys are Textual's own, not
# bound here, so they are described here.
_LIST_KEYS = [
    ("up / down", "Move the highlight"),
    ("enter", "Tick the item / open the article"),
    ("escape", "Back to the article"),
]


def key_rows(bindings: Iterable[BindingType], app: App[object]) -> list[tuple[str, str, str]]:
    """(keys, description, action) per action, keys in binding order, as the app displays them.

    The description is the first binding's long one (``tooltip``), else its footer label."""
    keys: dict[str, list[str]] = {}
    described: dict[str, str] = {}
    for binding in Binding.make_bindings(bindings):
        keys.setdefault(binding.action, []).append(app.get_key_display(binding))
        described.setdefault(binding.action, binding.tooltip or binding.description)
    return [(" / ".join(k), described[a], a) for a, k in keys.items()]


def help_sections(
    bindings: Iterable[BindingType], app: App[object]
) -> list[tuple[str, list[tuple[str, str]]]]:
    """The help's sections: the review screen's ``bindings``, then the widgets' and the app's."""
    return [
        ("Review", _rows(bindings, app)),
        ("Flag panel (when it has focus)", _rows(FlagPanel.BINDINGS, app)),
        ("Checklist and article list (c or tab to reach them)", list(_LIST_KEYS)),
        ("App", _rows(type(app).BINDINGS, app)),
    ]


def _rows(bindings: Iterable[BindingType], app: App[object]) -> list[tuple[str, str]]:
    return [(k, d) for k, d, _ in key_rows(bindings, app)]


def key_table(sections: Sequence[tuple[str, Sequence[tuple[str, str]]]]) -> list[str]:
    """The README's key table (Markdown lines) for these help sections: one row per help row."""
    lines = ["| Key | What it does |", "| --- | --- |"]
    for _heading, rows in sections:
        for keys, description in rows:
            lines.append(f"| {' / '.join(f'`{k}`' for k in keys.split(' / '))} | {description} |")
    return lines


def first_bindings(bindings: Iterable[BindingType]) -> dict[str, Binding]:
    """The first binding of each action: the one whose key and description stand for it."""
    first: dict[str, Binding] = {}
    for binding in Binding.make_bindings(bindings):
        first.setdefault(binding.action, binding)
    return first


def decision_keys(bindings: Iterable[BindingType], app: App[object], kind: FlagKind) -> list[tuple[str, str]]:
    """(key, footer label in lower case) for each decision a flag of ``kind`` can take, in the
    engine's order (``decisions_for``): the flag panel's hint."""
    first = first_bindings(bindings)
    actions = [_DECISION_ACTIONS.get(d, f"decide('{d.value}')") for d in decisions_for(kind)]
    return [(app.get_key_display(first[a]), first[a].description.lower()) for a in actions]
