"""How each flag kind looks: one colour per kind, shared by the article, the legend and the panel.

Dark background tints under light text read on the dark and the light themes alike; the current
flag is drawn reversed so it stands out whatever its kind.
"""

from __future__ import annotations

from rich.style import Style

from checks import FlagKind
from checks.kinds import Priority, registry

__all__ = [
    "BACKGROUND_STYLE", "CURRENT_STYLE", "CUE_STYLE", "HIGH_PRIORITY_STYLE", "KIND_STYLES", "LEGEND_GROUPS", "PRIORITY_STYLES",
    "TWIN_STYLE", "kind_style",
]

def _tint(background: str) -> Style:
    # Light text on a dark tint reads the same on the dark and the light themes.
    return Style(color="#f2f2f2", bgcolor=background)


# Each kind's colour is declared in its registry entry (checks/data/kinds.yaml).
KIND_STYLES: dict[FlagKind, Style] = {kind: _tint(declared.colour) for kind, declared in registry().items()}

# The legend lists what the reviewer tells apart: kinds sharing a colour share a row (the
# registry declares them together under one legend name).
LEGEND_GROUPS: tuple[tuple[str, tuple[FlagKind, ...]], ...] = tuple(
    (legend, tuple(k for k, d in registry().items() if d.legend == legend))
    for legend in dict.fromkeys(d.legend for d in registry().values())
)

CURRENT_STYLE = Style(reverse=True, bold=True)
TWIN_STYLE = Style(reverse=True, bold=True, underline=True)
CUE_STYLE = Style(underline=True, bold=True)

# A sentence graded background (no source, no check-worthy claim): quieter than the text around it.
BACKGROUND_STYLE = Style(dim=True)

# A high-priority passage is bold over its kind's tint, so it stands out in the article without a
# colour of its own (the tint says the kind). The flag panel names every flag's priority.
HIGH_PRIORITY_STYLE = Style(bold=True)
PRIORITY_STYLES: dict[Priority, Style] = {
    Priority.HIGH: Style(color="#ff6b5f", bold=True),
    Priority.MEDIUM: Style(),
    Priority.LOW: Style(dim=True),
}


def kind_style(kind: FlagKind) -> Style:
    return KIND_STYLES.get(kind, _tint("#555555"))
