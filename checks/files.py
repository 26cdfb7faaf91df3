"""All file I/O of the engine: reading articles and YAML data, writing files atomically.

Everything else in ``checks`` works on in-memory text and values.
"""

from __future__ import annotations

import os
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .model import Document
from .segment import ArticleError, parse_article
from .verdicts import Review, ReviewFormatError, review_from_dict, review_to_dict

__all__ = [
    "MAX_ARTICLE_BYTES",
    "ArticleError",
    "DataFileError",
    "atomic_write_text",
    "dump_review",
    "load_review",
    "save_review",
    "read_article",
    "read_package_yaml",
    "read_yaml_file",
]

# A 300-page report is ~1 MB of text; 64 MB leaves room for corpora concatenated on purpose while
# refusing a stray disk image or video before it is read into memory.
MAX_ARTICLE_BYTES = 64 * 1024 * 1024
MAX_YAML_BYTES = 16 * 1024 * 1024


class DataFileError(ValueError):
    """A YAML data or verdict file that cannot be used; the message is one line for the user."""


def read_article(path: str | os.PathLike[str], *, max_bytes: int = MAX_ARTICLE_BYTES) -> Document:
    """Read, decode and segment an article file. Raises ArticleError with a one-line message."""
    p = Path(path)
    data = _read_bytes(p, max_bytes, what="article")
    if not data.strip():
        raise ArticleError(f"{p}: empty article (no text to check)")
    try:
        doc = parse_article(data, path=str(p))
    except ArticleError as exc:
        raise ArticleError(f"{p}: {exc}") from None
    if not doc.sentences:
        raise ArticleError(f"{p}: no article text after the metadata")
    return doc


def _read_bytes(p: Path, max_bytes: int, *, what: str) -> bytes:
    error: type[ValueError] = ArticleError if what == "article" else DataFileError
    try:
        if p.is_dir():
            raise error(f"{p}: is a directory, not an {what} file")
        size = p.stat().st_size
        if size > max_bytes:
            raise error(
                f"{p}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit for an {what} file"
            )
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise error(f"{p}: no such file") from None
    except PermissionError:
        raise error(f"{p}: permission denied") from None
    except IsADirectoryError:
        raise error(f"{p}: is a directory, not an {what} file") from None
    except OSError as exc:
        raise error(f"{p}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise error(f"{p}: over the {max_bytes / 1e6:.0f} MB limit for an {what} file")
    return data


class _SafeNoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases: no file we read needs them, and they enable alias bombs."""

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.YAMLError(f"aliases are not allowed (line {event.start_mark.line + 1})")
        return super().compose_node(parent, index)


def parse_yaml_text(text: str, *, source: str) -> Any:
    """Parse YAML safely (no tags, no aliases); raise DataFileError with a one-line message."""
    try:
        return yaml.load(text, Loader=_SafeNoAliasLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        first = " ".join(str(exc).split())
        raise DataFileError(f"{source}: not valid YAML ({first[:160]})") from None


def read_yaml_file(path: str | os.PathLike[str]) -> Any:
    p = Path(path)
    data = _read_bytes(p, MAX_YAML_BYTES, what="YAML")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataFileError(f"{p}: not UTF-8 text") from None
    return parse_yaml_text(text, source=str(p))


def read_package_yaml(name: str) -> Any:
    """A YAML data file shipped in ``checks/data``."""
    text = resources.files("checks").joinpath("data", name).read_text(encoding="utf-8")
    return parse_yaml_text(text, source=f"checks/data/{name}")


def atomic_write_text(path: str | os.PathLike[str], text: str, *, backup: bool = True) -> None:
    """Write ``text`` so that ``path`` is always either the old or the new complete file.

    Temp file in the same folder, flush + fsync, keep the old version as ``<path>.bak``,
    ``os.replace``, then fsync the folder so the rename itself survives a crash.
    """
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if p.exists():
            mode = p.stat().st_mode & 0o777
            os.chmod(tmp, mode)
            if backup:
                _replace_backup(p)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(folder)


def _replace_backup(p: Path) -> None:
    # A hard link keeps the current version reachable as .bak without ever leaving `p` missing.
    bak = p.with_name(p.name + ".bak")
    tmp_bak = p.with_name(f".{p.name}.bak.tmp")
    try:
        if tmp_bak.exists():
            tmp_bak.unlink()
        os.link(p, tmp_bak)
        os.replace(tmp_bak, bak)
    except OSError:
        # File systems without hard links: copy instead; the backup is a convenience, not the save.
        try:
            bak.write_bytes(p.read_bytes())
        except OSError:
            pass


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def dump_review(review: Review) -> str:
    """The verdict file's text: block style, stable key order, Unicode kept readable."""
    return yaml.safe_dump(
        review_to_dict(review), sort_keys=False, allow_unicode=True, default_flow_style=False, width=100
    )


def load_review(path: str | os.PathLike[str]) -> Review:
    """Read a verdict file. Raises DataFileError or ReviewFormatError with a one-line message."""
    data = read_yaml_file(path)
    return review_from_dict(data, source=str(path))


def save_review(path: str | os.PathLike[str], review: Review) -> None:
    atomic_write_text(path, dump_review(review))
