"""How each flag kind looks: one colour per kind, shared by the article, the legend and the panel.

Dark background tints under light text read on the dark and the light themes alike; the current
flag is drawn reversed so it stands out whatever its kind.
"""

from __future__ import annotations

from rich.style import Style

from checks import FlagKind

__all__ = ["CURRENT_STYLE", "CUE_STYLE", "KIND_STYLES", "LEGEND_GROUPS", "TWIN_STYLE", "kind_style"]

def _tint(background: str) -> Style:
    # Light text on a dark tint reads the same on the dark and the light themes.
    return Style(color="#f2f2f2", bgcolor=background)


# Splice and the two quotation checks share a colour: the reviewer acts on them the same way
# (compare the quote with the original), and nine colours are already near the limit of what
# reads apart in a terminal.
KIND_STYLES: dict[FlagKind, Style] = {
    FlagKind.DUPLICATE: _tint("#6b2d7a"),
    FlagKind.UNSOURCED: _tint("#8a2b2b"),
    FlagKind.ANONYMOUS: _tint("#8a5a1f"),
    FlagKind.VAGUE: _tint("#6b6b1a"),
    FlagKind.SECONDHAND: _tint("#1f4d8a"),
    FlagKind.OPINION: _tint("#8a2d64"),
    FlagKind.SPLICE: _tint("#2d6b3d"),
    FlagKind.UNBALANCED_QUOTE: _tint("#2d6b3d"),
    FlagKind.UNATTRIBUTED_QUOTE: _tint("#2d6b3d"),
    FlagKind.NAME_VARIANT: _tint("#1a6b6b"),
    FlagKind.REUSED: _tint("#55558a"),
}

# The legend lists what the reviewer tells apart: kinds sharing a colour share a row.
LEGEND_GROUPS: tuple[tuple[str, tuple[FlagKind, ...]], ...] = (
    ("duplicate", (FlagKind.DUPLICATE,)),
    ("unsourced", (FlagKind.UNSOURCED,)),
    ("anonymous", (FlagKind.ANONYMOUS,)),
    ("vague", (FlagKind.VAGUE,)),
    ("second-hand", (FlagKind.SECONDHAND,)),
    ("opinion", (FlagKind.OPINION,)),
    ("splice/quote", (FlagKind.SPLICE, FlagKind.UNBALANCED_QUOTE, FlagKind.UNATTRIBUTED_QUOTE)),
    ("name variant", (FlagKind.NAME_VARIANT,)),
    ("reused", (FlagKind.REUSED,)),
)

CURRENT_STYLE = Style(reverse=True, bold=True)
TWIN_STYLE = Style(reverse=True, bold=True, underline=True)
CUE_STYLE = Style(underline=True, bold=True)


def kind_style(kind: FlagKind) -> Style:
    return KIND_STYLES.get(kind, _tint("#555555"))
