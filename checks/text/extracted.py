"""What a format extractor hands back: the article's text, its links, and the metadata it found.

Extractors (``extract_html``, ``extract_docx``, ``extract_odt``) build the text one block at a
time with ``TextBuilder``, which keeps every link's offsets into the text it builds, so offsets in
the scan JSON, the verdict file and the report all refer to the text the app shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checks.model import Link

__all__ = ["Extracted", "TextBuilder"]


@dataclass(frozen=True, slots=True)
class Extracted:
    """An extractor's result: ``text`` with paragraphs separated by blank lines."""

    text: str
    links: tuple[Link, ...] = ()
    title: str | None = None
    byline: str | None = None
    date: str | None = None  # YYYY-MM-DD
    warnings: tuple[str, ...] = ()


@dataclass(slots=True)
class TextBuilder:
    """Paragraphs appended piece by piece; ``link`` pieces are remembered with their offsets."""

    _parts: list[str] = field(default_factory=list)
    _size: int = 0
    _links: list[Link] = field(default_factory=list)
    _open: bool = False  # a paragraph has text and is not yet closed

    def add(self, piece: str, url: str | None = None) -> None:
        """Add ``piece`` to the current paragraph (a link to ``url`` when given)."""
        piece = piece.replace("\r", " ").replace("\n", " ")
        if not piece:
            return
        if not self._open:
            if self._size:
                self._append("\n\n")
            self._open = True
        start = self._size
        self._append(piece)
        anchor = piece.strip()
        if url and anchor:
            lead = len(piece) - len(piece.lstrip())
            self._links.append(Link(start + lead, start + lead + len(anchor), anchor, url))

    def end_paragraph(self) -> None:
        self._open = False

    def paragraph(self, text: str) -> None:
        """A whole paragraph at once."""
        self.end_paragraph()
        self.add(text)
        self.end_paragraph()

    def _append(self, piece: str) -> None:
        self._parts.append(piece)
        self._size += len(piece)

    def build(self, **metadata) -> Extracted:
        return Extracted(text="".join(self._parts), links=tuple(self._links), **metadata)
