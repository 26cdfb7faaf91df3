"""The key that copies the current flag's link: the URL a reviewer follows to check the source.

A mixin of ``ReviewScreen``, beside ``MoveActions`` and ``VerdictActions``. Pressed again on the
same flag it copies the next of its links, so every one can be reached. The clipboard is the
terminal's (Textual's ``copy_to_clipboard``, OSC 52), which works over SSH too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.sourcing.links import links_of_flag

if TYPE_CHECKING:
    from textual.screen import Screen

    from checks import Flag
    from checks.review.session import ReviewSession

    _Base = Screen[None]
else:
    _Base = object

__all__ = ["LinkActions"]


class LinkActions(_Base):
    """Action bound in ``ReviewScreen.BINDINGS``: l copies a link of the current flag."""

    if TYPE_CHECKING:
        session: ReviewSession

        @property
        def current_flag(self) -> Flag | None: ...

    _copied: tuple[str, int] | None = None  # (flag id, index of the link copied last)

    def action_copy_link(self) -> None:
        flag, loaded = self.current_flag, self.session.loaded
        if flag is None or loaded is None:
            return
        links = links_of_flag(loaded.analysis.document, flag)
        if not links:
            self.notify("This flag's passage holds no link.")
            return
        last = self._copied
        index = (last[1] + 1) % len(links) if last is not None and last[0] == flag.id else 0
        self._copied = (flag.id, index)
        url = links[index].url
        self.app.copy_to_clipboard(url)
        more = f" (link {index + 1} of {len(links)})" if len(links) > 1 else ""
        self.notify(f"Copied {url}{more}")
