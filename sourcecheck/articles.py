"""The article arguments of ``scan`` and ``review``: folders stand for their article files, and
``-`` for standard input (``sourcecheck scan -``; ``sourcecheck -`` opens the app on pasted text).

No app import here: ``scan`` starts fast.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import platformdirs

from checks.files import ARTICLE_SUFFIXES, MAX_ARTICLE_BYTES, atomic_write_bytes
from checks.text.formats import sniff_format
from sourcecheck.terminal import message

__all__ = ["ArgumentError", "collect_articles", "expand_folders", "pasted_article", "read_stdin"]

_SUFFIX_OF_FORMAT = {"text": ".txt", "markdown": ".md", "html": ".html", "docx": ".docx", "odt": ".odt"}


class ArgumentError(ValueError):
    """A file or folder argument that cannot be reviewed; one line for the user."""


def expand_folders(arguments: list[str]) -> list[str]:
    """Each folder replaced by its article files (``ARTICLE_SUFFIXES``, not hidden), sorted by
    name; anything else (files, ``-``, names that do not exist) kept for its reader to judge."""
    out: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if argument != "-" and path.is_dir():
            found = sorted(
                p for p in path.iterdir()
                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
            )
            if not found:
                raise ArgumentError(f"{path}: no article files ({', '.join(ARTICLE_SUFFIXES)}) in this folder")
            out.extend(str(p) for p in found)
        else:
            out.append(argument)
    return list(dict.fromkeys(out))


def collect_articles(arguments: list[str]) -> list[Path]:
    """Files as given; a folder stands for its article files (``ARTICLE_SUFFIXES``), sorted by name."""
    articles: list[Path] = []
    for argument in expand_folders(arguments):
        path = Path(argument)
        if path.is_file():
            articles.append(path)
        elif path.exists():
            raise ArgumentError(f"{path}: not a regular file")
        else:
            raise ArgumentError(f"{path}: no such file or folder")
    return list(dict.fromkeys(articles))


def read_stdin(max_bytes: int = MAX_ARTICLE_BYTES) -> bytes:
    """All of standard input, up to the article size limit."""
    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read(max_bytes + 1) if stream is not None else sys.stdin.read(max_bytes + 1).encode("utf-8")
    if len(data) > max_bytes:
        raise ArgumentError(f"-: standard input is over the {max_bytes // 1_000_000} MB limit for an article")
    return data


def pasted_article(data_dir_env: str) -> Path:
    """Standard input saved as an article file in the user data folder (``pasted/``, named by its
    hash, so pasting the same text again finds its review), for the app to open. The app's keys
    then come from the terminal, not from the finished input."""
    data = read_stdin()
    if not data.strip():
        raise ArgumentError("-: nothing on standard input (paste the article, then Ctrl-D)")
    override = os.environ.get(data_dir_env)
    folder = (Path(override) if override else Path(platformdirs.user_data_dir("sourcecheck"))) / "pasted"
    folder.mkdir(parents=True, exist_ok=True)
    suffix = _SUFFIX_OF_FORMAT[sniff_format(data)]
    path = folder / f"pasted-{hashlib.sha256(data).hexdigest()[:12]}{suffix}"
    if not path.exists():
        atomic_write_bytes(path, data, backup=False)
    message(f"sourcecheck: pasted text saved as {path}; its review is kept beside it")
    _keys_from_terminal()
    return path


def _keys_from_terminal() -> None:
    """Standard input was a pipe or has hit end of file: the app reads keys from the terminal."""
    if sys.stdin is not None and sys.stdin.isatty():
        return
    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return  # no terminal (a test, a CI job): the app's own checks decide
    os.dup2(fd, 0)
    os.close(fd)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115 (the process's standard input, never closed)
