"""Helpers shared by the evaluation scripts: data folders, PolNeAR standoff files, scores, tables.

The evaluation data lives outside the repository (``../shared/data`` beside the checkout) and is
never copied in; every script takes the folder as an argument and stops with one line when absent.
"""

from __future__ import annotations

import hashlib
import re
import statistics
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"

__all__ = [
    "REPO",
    "SHARED_DATA",
    "Attribution",
    "PolnearArticle",
    "Scores",
    "data_folder",
    "format_table",
    "is_held_out",
    "median_time",
    "parse_ann",
    "polnear_articles",
    "scores",
]


def data_folder(path: str | Path | None, name: str) -> Path:
    """The evaluation folder, or exit 2 with a one-line message when it is missing."""
    folder = Path(path) if path else SHARED_DATA / name
    if not folder.is_dir():
        sys.stderr.write(f"{folder}: evaluation data is absent (it is not shipped with the project); skipped\n")
        raise SystemExit(2)
    return folder


@dataclass(frozen=True, slots=True)
class Attribution:
    """One PolNeAR attribution relation: spans are (start, end) character offsets into the text."""

    id: str
    cue: tuple[tuple[int, int], ...]
    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]
    cue_text: str
    source_text: str


@dataclass(frozen=True, slots=True)
class PolnearArticle:
    name: str
    text: str
    annotator: str
    attributions: tuple[Attribution, ...]


_SPAN_PART = re.compile(r"(\d+) (\d+)")


def parse_ann(ann: str, text: str) -> tuple[Attribution, ...]:
    """Attribution events of a brat standoff file (``T`` spans linked by ``E`` lines)."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    events: list[tuple[str, dict[str, str]]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            kind, _, locations = parts[1].partition(" ")
            pieces = tuple((int(a), int(b)) for a, b in _SPAN_PART.findall(locations))
            spans[parts[0]] = (kind, pieces)
        elif parts[0].startswith("E"):
            roles = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            events.append((parts[0], roles))
    out = []
    for event_id, roles in events:
        def pieces(role: str) -> tuple[tuple[int, int], ...]:
            ref = roles.get(role)
            return spans[ref][1] if ref in spans else ()

        cue, content, source = pieces("Cue"), pieces("Content"), pieces("Source")
        out.append(
            Attribution(
                id=event_id,
                cue=cue,
                content=content,
                source=source,
                cue_text=" ".join(text[a:b] for a, b in cue),
                source_text=" ".join(text[a:b] for a, b in source),
            )
        )
    return tuple(out)


def is_held_out(article: str) -> bool:
    """True for the tenth of PolNeAR train set aside until the end of a round of rule changes.

    Decided by the article's name (the .txt stem), so every annotation file of an article falls on
    the same side and the split never depends on the order or the number of files on disk.
    """
    return hashlib.sha256(article.encode("utf-8")).digest()[0] < 26


def polnear_articles(split: Path, *, held_out: bool | None = None) -> Iterator[PolnearArticle]:
    """Articles of a PolNeAR split; with two annotators, the first by name (sorted id) is used.

    ``held_out``: None keeps every article; True only those ``is_held_out`` picks; False the rest.
    """
    by_article: dict[str, list[Path]] = {}
    for ann in sorted((split / "attributions").glob("*.ann")):
        article, _, _annotator = ann.stem.rpartition("_")
        by_article.setdefault(article, []).append(ann)
    for article, anns in sorted(by_article.items()):
        if held_out is not None and is_held_out(article) != held_out:
            continue
        text_path = split / "text" / f"{article}.txt"
        if not text_path.is_file():
            continue
        text = text_path.read_text(encoding="utf-8")
        ann = anns[0]  # sorted by file name, so by annotator id
        yield PolnearArticle(
            name=article,
            text=text,
            annotator=ann.stem.rpartition("_")[2],
            attributions=parse_ann(ann.read_text(encoding="utf-8"), text),
        )


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float
    support: int


def scores(tp: int, fp: int, fn: int) -> Scores:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Scores(p, r, f, tp + fn)


def format_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table (pastes into the README as is); floats print with 3 decimals."""
    cells = [[f"{c:.3f}" if isinstance(c, float) else str(c) for c in row] for row in rows]
    widths = [max(len(str(h)), *(len(r[i]) for r in cells)) for i, h in enumerate(header)]
    lines = ["| " + " | ".join(str(h).ljust(w) for h, w in zip(header, widths)) + " |"]
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |" for row in cells]
    return "\n".join(lines)


def median_time(fn, runs: int) -> tuple[float, object]:
    """Median wall time of ``runs`` calls of ``fn``, and the last call's result."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result
