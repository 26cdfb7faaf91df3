"""Reading ``--sources PATH...``: files and folders of transcripts, statements and releases. I/O.

A file named on the command line must be readable (else ``SourceError``, one line); the files of a
folder are read as the corpus of ``--against`` is (``checks.corpus.cache``: cached segmentation,
files that cannot be read skipped with a warning). Every format ``checks.text.read`` reads is read.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from checks.corpus.cache import CorpusError, load_corpus_index
from checks.corpus.index import CorpusDocument, fingerprint
from checks.files import ArticleError
from checks.progress import Progress
from checks.quotecheck.sources import SourceIndex, build_source_index
from checks.text.read import read_article

__all__ = ["SourceError", "load_sources"]


class SourceError(ValueError):
    """Sources that cannot be used; the message is one line for the user."""


def _folder(path: Path, shown: str, warnings: list[str], progress: Progress | None) -> SourceIndex:
    """A folder's files, indexed (and cached) as ``--against`` indexes its corpus, named as the
    user named the folder."""
    try:
        index = load_corpus_index(path, progress=progress, warnings=warnings)
    except CorpusError as exc:
        raise SourceError(f"--sources: {exc}") from None
    root = path.resolve()
    documents = tuple(replace(c, path=f"{shown.rstrip('/')}/{c.path}") for c in index.documents)
    return SourceIndex(replace(index, documents=documents), tuple(str(root / c.path) for c in index.documents))


def load_sources(
    paths: list[str], *, warnings: list[str] | None = None, progress: Progress | None = None
) -> SourceIndex:
    """Read and index every source file of ``paths`` (files, or folders of them). SourceError
    names the first path that cannot be used; unreadable files inside a folder are skipped, each
    with a line in ``warnings``."""
    notes: list[str] = [] if warnings is None else warnings
    if len(paths) == 1 and Path(paths[0]).is_dir():
        return _folder(Path(paths[0]), paths[0], notes, progress)  # its index as it is: no second build
    found: list[tuple[CorpusDocument, str]] = []
    for shown in paths:
        path = Path(shown)
        if path.is_dir():
            folder = _folder(path, shown, notes, progress)
            found.extend(zip(folder.corpus.documents, folder.resolved))
            continue
        try:
            doc = read_article(path)
        except ArticleError as exc:
            raise SourceError(f"--sources: {exc}") from None
        found.append((CorpusDocument(path=shown, document=doc, fingerprint=fingerprint(doc.text)), str(path.resolve())))
    unique = {os.path.normcase(resolved): (c, resolved) for c, resolved in found}
    if not unique:
        raise SourceError("--sources: no source files given")
    documents = [c for c, _ in unique.values()]
    return build_source_index(documents, resolved=[r for _, r in unique.values()])
