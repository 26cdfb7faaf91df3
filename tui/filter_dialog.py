"""Choose which kinds and which priorities of flag to step through and tint."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static

from checks import FlagKind
from checks.kinds import Priority, registry

from tui.mark_list import MarkList

__all__ = ["FilterDialog", "FlagFilter"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class FlagFilter:
    """What the filter lets through: a flag must be of one of ``kinds`` and one of ``priorities``
    (None: every kind, every priority)."""

    kinds: frozenset[FlagKind] | None = None
    priorities: frozenset[Priority] | None = None


class FilterDialog(ModalScreen[FlagFilter]):
    """Two lists, kinds and priorities: space toggles, tab moves between them, enter applies,
    escape cancels. A list with everything (or nothing) selected does not filter. Chosen rows show
    "✓", the others a blank (``MarkList``)."""

    DEFAULT_CSS = """
    FilterDialog {
        align: center middle;
        & > Vertical {
            width: 56;
            height: auto;
            max-height: 90%;
            padding: 1 2;
            border: thick $primary;
            background: $panel;
        }
        & SelectionList { height: auto; max-height: 16; }
        & #filter-priorities { margin-top: 1; }
        & .hint { color: $text-muted; }
    }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="filter.cancel", priority=True),
        Binding("enter", "apply", "Apply", id="filter.apply", priority=True),
        Binding("a", "all", "All", id="filter.all"),
        Binding("n", "none", "None", id="filter.none"),
    ]

    def __init__(
        self, counts: Mapping[FlagKind, int], selected: FlagFilter,
        priority_counts: Mapping[Priority, int] | None = None,
    ) -> None:
        super().__init__()
        self._counts = dict(counts)
        self._priority_counts = dict(priority_counts or {})
        self._selected = selected

    def compose(self) -> ComposeResult:
        kinds, priorities = self._selected.kinds, self._selected.priorities
        with Vertical():
            yield Static("Show which kinds of flag?", markup=False)
            yield MarkList(
                *[
                    (f"{kind.label} ({self._counts[kind]})", kind.value, kinds is None or kind in kinds)
                    for kind in registry()
                    if self._counts.get(kind)
                ],
                id="filter-kinds",
            )
            yield Static("Of which priority?", markup=False)
            yield MarkList(
                *[
                    (f"{p.value} ({self._priority_counts[p]})", p.value, priorities is None or p in priorities)
                    for p in Priority
                    if self._priority_counts.get(p)
                ],
                id="filter-priorities",
            )
            yield Static("space toggles · tab: next list · a all · n none · enter applies · escape cancels",
                         classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#filter-kinds", SelectionList).focus()

    def _list(self) -> SelectionList[str]:
        """The list a and n act on: the focused one, else the kinds."""
        focused = self.focused
        return focused if isinstance(focused, SelectionList) else self.query_one("#filter-kinds", SelectionList)

    def action_all(self) -> None:
        self._list().select_all()

    def action_none(self) -> None:
        self._list().deselect_all()

    def action_apply(self) -> None:
        kinds = frozenset(FlagKind(v) for v in self.query_one("#filter-kinds", SelectionList).selected)
        priorities = frozenset(Priority(v) for v in self.query_one("#filter-priorities", SelectionList).selected)
        self.dismiss(FlagFilter(_or_none(kinds, self._counts), _or_none(priorities, self._priority_counts)))

    def action_cancel(self) -> None:
        self.dismiss(self._selected)


def _or_none(chosen: frozenset[T], counts: Mapping[T, int]) -> frozenset[T] | None:
    """None (no filter) when nothing or everything present is chosen."""
    present = frozenset(k for k, n in counts.items() if n)
    return None if not chosen or chosen >= present else chosen
