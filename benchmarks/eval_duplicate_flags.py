"""How many duplicate-passage flags the single-article search raises on real news, and how many
of them an editor would call false, from pairs labelled by hand.

Runs ``checks.find_duplicates`` on every article as ``sourcecheck scan`` reads it
(``read_article``): every PolNeAR text of a split and every BBC article. Prints, per corpus, the
duplicate flags per article (mean), the share of articles with any, and the flags by score band.

Labels (``benchmarks/duplicate_labels.csv``) answer an editor's question about each pair: "is this
the same passage printed twice, or restated, so that an editor must look at it?" (``true``) or not
(``false``: a headline and the lede restating it, two paragraphs on one topic sharing names). They
hold no article text (the data's licence forbids copying it): the split, the file name, both
passages' character offsets, the label and a short reason. A flag matches a label when both its
passages overlap the labelled ones. PolNeAR train's pairs were labelled to tune the rules; dev's
pairs were labelled once, after the rules were final, as the held-out check.

Usage: .venv/bin/python benchmarks/eval_duplicate_flags.py [--data ../shared/data]
           [--split train|dev|both] [--no-bbc] [--unlabelled N]
``--unlabelled N`` prints up to N flags with no label, with their text, for labelling by reading.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, SHARED_DATA, data_folder, format_table  # noqa: E402

from checks import find_duplicates, read_article  # noqa: E402
from checks.model import DuplicatePair  # noqa: E402

LABELS = REPO / "benchmarks" / "duplicate_labels.csv"
BANDS = ((40.0, 50.0), (50.0, 60.0), (60.0, 80.0), (80.0, 101.0))
FIELDS = ("split", "file", "a_start", "a_end", "b_start", "b_end", "label", "reason")


@dataclass(frozen=True, slots=True)
class Label:
    split: str
    file: str
    a: tuple[int, int]
    b: tuple[int, int]
    true: bool
    reason: str


@dataclass(frozen=True, slots=True)
class Found:
    split: str
    file: str
    pair: DuplicatePair


def read_labels(path: Path) -> list[Label]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    return [
        Label(
            r["split"], r["file"], (int(r["a_start"]), int(r["a_end"])), (int(r["b_start"]), int(r["b_end"])),
            {"true": True, "false": False}[r["label"]], r["reason"],
        )
        for r in rows
    ]


def _overlaps(span: tuple[int, int], start: int, end: int) -> bool:
    return span[0] < end and start < span[1]


def label_of(found: Found, labels: Sequence[Label]) -> Label | None:
    p = found.pair
    for label in labels:
        if label.split == found.split and label.file == found.file:
            if _overlaps(label.a, p.a.start, p.a.end) and _overlaps(label.b, p.b.start, p.b.end):
                return label
    return None


def scan(name: str, files: Sequence[Path]) -> list[Found]:
    """Every flag of every file, and a table row of the rates."""
    found: list[Found] = []
    started = time.perf_counter()
    with_any = 0
    for path in files:
        pairs = find_duplicates(read_article(path))
        with_any += bool(pairs)
        found.extend(Found(name, path.name, p) for p in pairs)
    elapsed = time.perf_counter() - started
    n = len(files)
    bands = [sum(lo <= f.pair.score < hi for f in found) for lo, hi in BANDS]
    print(
        format_table(
            ["corpus", "articles", "flags", "per article", "articles with any", *(f"{lo:g}-{min(hi, 100):g}" for lo, hi in BANDS), "s"],
            [[name, n, len(found), f"{len(found) / n:.3f}", f"{with_any / n:.1%}", *bands, f"{elapsed:.1f}"]],
        )
    )
    return found


def judged(name: str, articles: int, found: Sequence[Found], labels: Sequence[Label]) -> None:
    """Flags against the labels of one split: false flags per article, true repeats kept."""
    mine = [lb for lb in labels if lb.split == name]
    if not mine:
        return
    matched = [(f, label_of(f, mine)) for f in found]
    true = sum(1 for _, lb in matched if lb and lb.true)
    false = sum(1 for _, lb in matched if lb and not lb.true)
    unlabelled = sum(1 for _, lb in matched if lb is None)
    hit = {id(lb) for _, lb in matched if lb}
    true_labels = [lb for lb in mine if lb.true]
    kept = sum(1 for lb in true_labels if id(lb) in hit)
    precision = true / (true + false) if true + false else float("nan")
    print(
        f"  {name}: labelled flags true {true}, false {false} (unlabelled {unlabelled}); "
        f"false per article {false / articles:.3f}; precision {precision:.3f}; "
        f"labelled true repeats still flagged {kept}/{len(true_labels)}"
    )
    for lb in true_labels:
        if id(lb) not in hit:
            print(f"    lost true repeat: {lb.file} a={lb.a} b={lb.b} ({lb.reason})")


def show_unlabelled(found: Iterable[Found], labels: Sequence[Label], limit: int) -> None:
    shown = 0
    for f in found:
        if shown >= limit:
            break
        if label_of(f, labels) is None:
            p = f.pair
            print(f"{f.split},{f.file},{p.a.start},{p.a.end},{p.b.start},{p.b.end}  score {p.score:.1f} shared {list(p.shared)}")
            print(f"    a: {' '.join(p.a.text.split())}")
            print(f"    b: {' '.join(p.b.text.split())}")
            shown += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED_DATA, help="the shared data folder")
    parser.add_argument("--split", choices=("train", "dev", "both"), default="both", help="PolNeAR split(s)")
    parser.add_argument("--no-bbc", action="store_true", help="skip the BBC articles")
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--unlabelled", type=int, default=0, help="print up to N flags with no label")
    args = parser.parse_args(argv)
    polnear = data_folder(args.data / "polnear", "polnear")
    labels = read_labels(args.labels)
    print(f"Duplicate flags of find_duplicates per article; {len(labels)} labelled pairs in {args.labels.name}")
    everything: list[Found] = []
    for split in ("train", "dev") if args.split == "both" else (args.split,):
        files = sorted((polnear / split / "text").glob("*.txt"))
        found = scan(split, files)
        judged(split, len(files), found, labels)
        everything.extend(found)
    if not args.no_bbc:
        bbc = data_folder(args.data / "bbc", "bbc")
        scan("bbc", sorted(bbc.glob("bbc/*/*.txt")))
    show_unlabelled(everything, labels, args.unlabelled)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
