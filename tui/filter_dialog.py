"""Choose which kinds of flag to step through and tint."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static

from checks import FlagKind
from checks.kinds import registry

__all__ = ["FilterDialog"]


class FilterDialog(ModalScreen[frozenset[FlagKind] | None]):
    """Space toggles a kind, enter applies, escape cancels; all kinds selected means no filter."""

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
        & .hint { color: $text-muted; }
    }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="filter.cancel", priority=True),
        Binding("enter", "apply", "Apply", id="filter.apply", priority=True),
        Binding("a", "all", "All kinds", id="filter.all"),
        Binding("n", "none", "No kinds", id="filter.none"),
    ]

    def __init__(self, counts: Mapping[FlagKind, int], selected: frozenset[FlagKind] | None) -> None:
        super().__init__()
        self._counts = dict(counts)
        self._selected = selected

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Show which kinds of flag?", markup=False)
            yield SelectionList[str](
                *[
                    (f"{kind.label} ({self._counts[kind]})", kind.value,
                     self._selected is None or kind in self._selected)
                    for kind in registry()
                    if self._counts.get(kind)
                ],
                id="filter-kinds",
            )
            yield Static("space toggles · a all · n none · enter applies · escape cancels", classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def action_all(self) -> None:
        self.query_one(SelectionList).select_all()

    def action_none(self) -> None:
        self.query_one(SelectionList).deselect_all()

    def action_apply(self) -> None:
        chosen = frozenset(FlagKind(v) for v in self.query_one(SelectionList).selected)
        present = frozenset(k for k, n in self._counts.items() if n)
        self.dismiss(None if not chosen or chosen >= present else chosen)

    def action_cancel(self) -> None:
        self.dismiss(self._selected)
