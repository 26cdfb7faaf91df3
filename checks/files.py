"""The engine's low-level file I/O: size-checked reads, safe YAML loading, atomic writes, package data.

The lowest layer of ``checks``: it imports nothing else of the engine. Reading an article (read,
then segment) is ``checks.text.read``; a verdict file's YAML form is ``checks.review.yaml_form``.
Everything else in ``checks`` works on in-memory text and values.
"""

from __future__ import annotations

import glob
import os
import stat
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_ARTICLE_BYTES",
    "ArticleError",
    "DataFileError",
    "atomic_write_bytes",
    "atomic_write_text",
    "backup_path",
    "parse_yaml_bytes",
    "parse_yaml_text",
    "read_file_bytes",
    "read_package_yaml",
    "read_yaml_file",
    "shown",
    "temp_files_of",
]

# A long-read is ~50 kB and a 300-page report ~1 MB; 16 MB leaves room for a corpus concatenated on
# purpose (all of BBC + PolNeAR train is 9 MB) while a stray log, disk image or video is refused
# before it is read, with the limit named, instead of looking like a hang.
MAX_ARTICLE_BYTES = 16 * 1000 * 1000
# What a folder's article files end in (case ignored), wherever a folder stands for its articles:
# the review and scan commands' arguments and the --against corpus (checks.text.formats reads each).
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".docx", ".odt", ".html", ".htm")
# The same limit, in the same unit, for YAML files: a 100k-verdict review is ~10 MB and reads in seconds.
MAX_YAML_BYTES = MAX_ARTICLE_BYTES
TEMP_SUFFIX = ".tmp"  # of the files atomic_write_text writes first, beside the target


class DataFileError(ValueError):
    """A YAML data or verdict file that cannot be used; the message is one line for the user."""


class ArticleError(ValueError):
    """An article that cannot be read; the message is one line for the user."""


def shown(path: str | os.PathLike[str]) -> str:
    """A path as a message shows it: quoted with escapes when it holds a newline or control character."""
    text = os.fspath(path)
    return text if text.isprintable() else repr(text)


def _read_bytes(p: Path, max_bytes: int, *, what: str) -> bytes:
    error: type[ValueError] = ArticleError if what == "article" else DataFileError
    where = shown(p)
    a_what = f"{'an' if what[0] in 'aeiou' else 'a'} {what}"
    try:
        info = p.stat()
        if stat.S_ISDIR(info.st_mode):
            raise error(f"{where}: is a directory, not {a_what} file")
        if not stat.S_ISREG(info.st_mode):
            # A pipe or a device could block for ever or never end: read regular files only.
            raise error(f"{where}: not a regular file (a pipe, socket or device), not {a_what} file")
        if info.st_size > max_bytes:
            raise error(f"{where}: {_size(info.st_size)} is over the {_size(max_bytes)} limit for {a_what} file")
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise error(f"{where}: no such file") from None
    except PermissionError:
        raise error(f"{where}: permission denied") from None
    except IsADirectoryError:
        raise error(f"{where}: is a directory, not {a_what} file") from None
    except OSError as exc:
        raise error(f"{where}: cannot read ({exc.strerror or exc})") from None
    except ValueError as exc:
        if isinstance(exc, error):
            raise
        raise error(f"{where}: not a usable file name ({exc})") from None
    if len(data) > max_bytes:  # it grew while we read it
        raise error(f"{where}: over the {_size(max_bytes)} limit for {a_what} file")
    return data


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1e6:.1f} MB".replace(".0 MB", " MB")
    if n >= 1000:
        return f"{n / 1e3:.1f} kB".replace(".0 kB", " kB")
    return f"{n} bytes"


# Deeper than any file of ours needs; a "[[[[..." bomb stops here instead of exhausting the stack.
MAX_YAML_DEPTH = 64


class _SafeNoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases and deep nesting: no file we read needs them, and they
    enable alias bombs ("billion laughs") and stack exhaustion."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.YAMLError(f"aliases are not allowed (line {event.start_mark.line + 1})")
        self._depth += 1
        try:
            if self._depth > MAX_YAML_DEPTH:
                mark = self.peek_event().start_mark
                raise yaml.YAMLError(f"nested deeper than {MAX_YAML_DEPTH} levels (line {mark.line + 1})")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_CSafeLoader = getattr(yaml, "CSafeLoader", None)  # libyaml: ten times faster when installed
_OPEN = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _load_with_libyaml(text: str) -> Any:
    # libyaml composes in C, out of _SafeNoAliasLoader's reach: check the event stream first.
    depth = 0
    for event in yaml.parse(text, Loader=_CSafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.YAMLError(f"aliases are not allowed (line {event.start_mark.line + 1})")
        if isinstance(event, _OPEN):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise yaml.YAMLError(f"nested deeper than {MAX_YAML_DEPTH} levels (line {event.start_mark.line + 1})")
        elif isinstance(event, _CLOSE):
            depth -= 1
    return yaml.load(text, Loader=_CSafeLoader)  # noqa: S506 - the safe constructor


def parse_yaml_text(text: str, *, source: str) -> Any:
    """Parse YAML safely (no tags, no aliases, bounded depth); raise DataFileError with one line."""
    try:
        if _CSafeLoader is not None:
            return _load_with_libyaml(text)
        return yaml.load(text, Loader=_SafeNoAliasLoader)  # noqa: S506 - SafeLoader subclass
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError) as exc:
        # ValueError: a scalar that resolves to a bad date ("2001-13-45") or a 5,000-digit integer.
        first = " ".join(str(exc).split())
        raise DataFileError(f"{source}: not valid YAML ({first[:160]})") from None


def read_yaml_file(path: str | os.PathLike[str]) -> Any:
    p = Path(path)
    return parse_yaml_bytes(_read_bytes(p, MAX_YAML_BYTES, what="YAML"), source=shown(p))


def read_file_bytes(path: str | os.PathLike[str], *, max_bytes: int = MAX_YAML_BYTES, what: str = "YAML") -> bytes:
    """A file's bytes, size-checked (regular files only); a one-line error otherwise: ArticleError
    when ``what`` is "article", DataFileError for anything else."""
    return _read_bytes(Path(path), max_bytes, what=what)


def parse_yaml_bytes(data: bytes, *, source: str) -> Any:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataFileError(f"{source}: not UTF-8 text") from None
    return parse_yaml_text(text, source=source)


def read_package_yaml(name: str) -> Any:
    """A YAML data file shipped in ``checks/data``."""
    text = resources.files("checks").joinpath("data", name).read_text(encoding="utf-8")
    return parse_yaml_text(text, source=f"checks/data/{name}")


def atomic_write_text(path: str | os.PathLike[str], text: str, *, backup: bool = True) -> None:
    """Write ``text`` so that ``path`` is always either the old or the new complete file.

    Temp file in the same folder, flush + fsync, keep the old version as the hidden ``.<name>.bak``,
    ``os.replace``, then fsync the folder so the rename itself survives a crash. A symbolic link
    is followed (its target is replaced, the link kept). Raises OSError (or UnicodeEncodeError
    before anything is touched); on any failure the temp file is removed and ``path`` is as it was.
    """
    atomic_write_bytes(path, text.encode("utf-8"), backup=backup)  # encoding fails here, before any file


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, backup: bool = True) -> None:
    """``atomic_write_text`` for bytes: ``path`` is always either the old or the new complete file."""
    p = Path(path)
    if p.is_symlink():
        p = Path(os.path.realpath(p))
    folder = p.parent if str(p.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            mode = p.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()  # mkstemp makes 0600; a new file gets the usual permissions
        else:
            if backup:
                _replace_backup(p)
        os.chmod(tmp, mode)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(folder)


def temp_files_of(path: str | os.PathLike[str]) -> list[Path]:
    """Temp files an interrupted ``atomic_write_text`` of ``path`` may have left (a killed process
    cannot clean up). Only remove them while no other writer of ``path`` can be running."""
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    try:
        return sorted(folder.glob(f".{glob.escape(p.name)}.*{TEMP_SUFFIX}"))
    except OSError:
        return []


def _umask() -> int:
    try:  # Linux reports it without changing it (os.umask can only be read by setting it)
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    current = os.umask(0o022)
    os.umask(current)
    return current


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where ``atomic_write_text`` keeps the previous version of ``path``: ``.<name>.bak`` beside it."""
    p = Path(path)
    return p.with_name(f".{p.name}.bak")


def _replace_backup(p: Path) -> None:
    # A hard link keeps the current version reachable as .bak without ever leaving `p` missing, and
    # the .bak itself is only ever replaced whole.
    # Hidden, beside the file: on the same file system (a hard link, no copy), readable by whoever
    # can read the file, and out of the way of a reviewer listing the folder.
    bak = backup_path(p)
    tmp_bak = p.with_name(f".{p.name}.bak{TEMP_SUFFIX}")
    try:
        try:
            tmp_bak.unlink()
        except FileNotFoundError:
            pass
        try:
            os.link(p, tmp_bak)
        except OSError:
            # File systems without hard links: copy instead.
            with open(tmp_bak, "wb") as fh:
                fh.write(p.read_bytes())
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp_bak, bak)
    except OSError:
        # The backup is a convenience, not the save: never let it stop the save.
        try:
            tmp_bak.unlink()
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
        pass  # some file systems cannot fsync a folder; the rename is still atomic
    finally:
        os.close(fd)
