"""Reading a reference corpus folder, with its segmentation cached in SQLite. This module does I/O.

Besides ``checks.files``, this is the one engine module that touches the disk: it lists and reads
the folder's articles and keeps a cache database in the user's cache folder (platformdirs), or in
``$SOURCECHECK_CACHE_DIR``. Splitting 2,000 articles into sentences takes seconds; the cache
keeps each file's text and sentence spans, keyed by absolute path and checked against its size and
modification time, so a second scan re-reads only files that changed. Everything it stores can be
rebuilt, so a cache that cannot be opened is skipped, not an error.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sqlite3
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import platformdirs

from checks.text import extract_docx, extract_html, extract_odt, formats, links, segment, sentence_spans
from checks.corpus.index import CorpusDocument, CorpusIndex, build_corpus_index, fingerprint
from checks.files import ARTICLE_SUFFIXES, shown
from checks.text.read import read_article
from checks.model import Document, Link, Paragraph, Sentence
from checks.progress import Progress
from checks.text.segment import ArticleError

__all__ = ["CACHE_ENV", "CorpusError", "cache_file", "corpus_files", "load_corpus_index"]

CACHE_ENV = "SOURCECHECK_CACHE_DIR"
_SCHEMA = 2  # 2: format, byline and links stored



class CorpusError(ValueError):
    """A corpus folder that cannot be used; the message is one line for the user."""


def cache_file() -> Path:
    folder = os.environ.get(CACHE_ENV) or platformdirs.user_cache_dir("sourcecheck")
    return Path(folder) / "corpus.sqlite"


def corpus_files(folder: str | os.PathLike[str]) -> list[Path]:
    """Article files under ``folder`` (any depth; hidden files and folders left out), sorted."""
    root = Path(folder)
    if not root.exists():
        raise CorpusError(f"{root}: no such folder")
    if not root.is_dir():
        raise CorpusError(f"{root}: not a folder (--against takes a folder of articles)")
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if not name.startswith(".") and Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                found.append(Path(dirpath) / name)
    return sorted(found)


def load_corpus_index(
    folder: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    use_cache: bool = True,
    warnings: list[str] | None = None,
) -> CorpusIndex:
    """Read and index every article under ``folder``. Files that cannot be read are skipped, each
    with a one-line note appended to ``warnings``. ``progress(done, total)`` runs over reading
    then indexing."""
    root = Path(folder)
    paths = corpus_files(root.resolve())
    if not paths:
        raise CorpusError(f"{root}: no articles ({', '.join(sorted(ARTICLE_SUFFIXES))}) in this folder")
    listed = len(paths)
    cache = _Cache.open() if use_cache else None
    try:
        stats = _stats(paths, warnings)
        paths = [p for p in paths if p in stats]
        total = 2 * len(paths)
        known = cache.lookup(str(root.resolve()), [str(p) for p in paths]) if cache else {}
        documents: dict[Path, Document] = {}
        stale = []
        for p in paths:
            row = known.get(str(p))
            doc = _from_row(str(p), row[1]) if row is not None and row[0] == stats[p] else None
            if doc is not None:
                documents[p] = doc
            else:
                stale.append(p)
        if progress is not None:
            progress(len(documents), total)
        for p, result in _read_all(stale, progress, done=len(documents), total=total):
            if isinstance(result, Document):
                documents[p] = result
                if cache:
                    cache.store(str(p), stats[p], _to_row(result))
            elif warnings is not None:
                warnings.append(result)
        if cache:
            cache.forget_missing(str(root.resolve()), {str(p) for p in paths})
    finally:
        if cache:
            cache.close()
    corpus = [
        CorpusDocument(path=p.relative_to(root.resolve()).as_posix(), document=d, fingerprint=fingerprint(d.text))
        for p, d in sorted(documents.items())
    ]
    if not corpus:
        raise CorpusError(f"{root}: none of its {listed} files could be read as an article")
    indexing = None if progress is None else (lambda done, n: progress(len(paths) + done * len(paths) // max(1, n), total))
    return build_corpus_index(corpus, root=str(root), progress=indexing)


def _stats(paths: Sequence[Path], warnings: list[str] | None) -> dict[Path, str]:
    """Each file's size and modification time as the cache keys them. A broken or looping symbolic
    link, or a file gone since the listing, is left out with a warning, as unreadable files are."""
    stats = {}
    for p in paths:
        try:
            st = p.stat()
        except OSError as exc:
            if warnings is not None:
                why = "broken symbolic link" if p.is_symlink() and isinstance(exc, FileNotFoundError) else exc.strerror
                warnings.append(f"skipped {shown(p)}: {why or 'cannot read'}")
            continue
        stats[p] = f"{st.st_size}:{st.st_mtime_ns}"
    return stats


def _read_all(
    paths: Sequence[Path], progress: Progress | None, *, done: int, total: int
) -> list[tuple[Path, Document | str]]:
    """Read and segment files, on several processes when there are many (segmentation dominates)."""
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < 64 or workers < 2:
        out = []
        for k, p in enumerate(paths):
            out.append((p, _read_one(p)))
            if progress is not None and k % 20 == 0:
                progress(done + k + 1, total)
        return out
    size = max(16, -(-len(paths) // (workers * 8)))
    batches = [list(paths[k : k + size]) for k in range(0, len(paths), size)]
    # Same choice as segment: fork unless threads run (the app), where forking can deadlock.
    method = "fork" if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods() else "spawn"
    out = []
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method)) as pool:
            for batch, results in zip(batches, pool.map(_read_batch, batches)):
                out.extend(zip(batch, results))
                if progress is not None:
                    progress(done + len(out), total)
    except (OSError, RuntimeError):
        # No processes to be had: finish on this one.
        out.extend((p, _read_one(p)) for p in paths[len(out) :])
    return out


def _read_batch(paths: Sequence[Path]) -> list[Document | str]:
    # Already one process per core: a large file is split into sentences here, not on more.
    segment.PARALLEL_MIN_CHARS = sys.maxsize
    return [_read_one(p) for p in paths]


def _read_one(p: Path) -> Document | str:
    try:
        return read_article(p)
    except ArticleError as exc:
        return f"skipped {exc}"


def _to_row(doc: Document) -> str:
    return json.dumps(
        {
            "text": doc.text,
            "sha256": doc.sha256,
            "date": doc.date,
            "title": doc.title,
            "encoding": doc.encoding,
            "warnings": list(doc.warnings),
            "format": doc.format,
            "byline": doc.byline,
            "links": [[k.start, k.end, k.url] for k in doc.links],
            "paragraphs": [[p.start, p.end] for p in doc.paragraphs],
            "sentences": [[s.paragraph, s.start, s.end] for s in doc.sentences],
        },
        ensure_ascii=False,
    )


def _from_row(path: str, row: str) -> Document | None:
    """The stored document, or None when the row is damaged (then the file is read again)."""
    try:
        data = json.loads(row)
        text = data["text"]
        return Document(
            text=text,
            sha256=data["sha256"],
            paragraphs=tuple(Paragraph(k, a, b) for k, (a, b) in enumerate(data["paragraphs"])),
            sentences=tuple(Sentence(k, p, a, b, text[a:b]) for k, (p, a, b) in enumerate(data["sentences"])),
            path=path,
            date=data["date"],
            title=data["title"],
            encoding=data["encoding"],
            warnings=tuple(data["warnings"]),
            format=data.get("format", "text"),
            byline=data.get("byline"),
            links=tuple(Link(a, b, text[a:b], url) for a, b, url in data.get("links", ())),
        )
    except (ValueError, KeyError, TypeError):
        return None


class _Cache:
    """The SQLite file: one row per article, valid for one version of the segmenter."""

    def __init__(self, con: sqlite3.Connection, version: str) -> None:
        self.con = con
        self.version = version

    @classmethod
    def open(cls) -> _Cache | None:
        path = cache_file()
        # Sentence spans depend on the segmenter, the text on the extractors: a change to any of
        # them invalidates every row.
        modules = (segment, sentence_spans, formats, extract_html, extract_docx, extract_odt, links)
        code = b"".join(Path(module.__file__).read_bytes() for module in modules)
        version = f"{_SCHEMA}:" + hashlib.sha1(code).hexdigest()[:16]
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            con = sqlite3.connect(path, timeout=10)
            con.execute(
                "CREATE TABLE IF NOT EXISTS article (path TEXT PRIMARY KEY, version TEXT, stat TEXT, data TEXT)"
            )
            con.commit()
        except (OSError, sqlite3.Error):
            return None  # no cache this time: slower, not wrong
        return cls(con, version)

    def lookup(self, root: str, paths: list[str]) -> dict[str, tuple[str, str]]:
        """Rows of ``paths`` (all under the folder ``root``): stat and stored document."""
        wanted = set(paths)
        prefix = root.rstrip(os.sep) + os.sep
        try:
            rows = self.con.execute(
                "SELECT path, stat, data FROM article WHERE version = ? AND substr(path, 1, ?) = ?",
                (self.version, len(prefix), prefix),
            ).fetchall()
        except sqlite3.Error:
            return {}
        return {path: (stat, data) for path, stat, data in rows if path in wanted}

    def store(self, path: str, stat: str, data: str) -> None:
        try:
            self.con.execute(
                "INSERT OR REPLACE INTO article (path, version, stat, data) VALUES (?, ?, ?, ?)",
                (path, self.version, stat, data),
            )
        except sqlite3.Error:
            pass

    def forget_missing(self, root: str, present: set[str]) -> None:
        """Drop rows of files under ``root`` that are gone, and rows of other segmenter versions."""
        prefix = root.rstrip(os.sep) + os.sep
        try:
            gone = [
                (p,)
                for (p,) in self.con.execute("SELECT path FROM article WHERE substr(path, 1, ?) = ?", (len(prefix), prefix))
                if p not in present
            ]
            self.con.executemany("DELETE FROM article WHERE path = ?", gone)
            self.con.execute("DELETE FROM article WHERE version != ?", (self.version,))
        except sqlite3.Error:
            pass

    def close(self) -> None:
        try:
            self.con.commit()
        except sqlite3.Error:
            pass
        self.con.close()
