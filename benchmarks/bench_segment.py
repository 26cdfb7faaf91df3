"""Sentence splitting: the fast path of ``checks.text.sentence_spans`` against syntok on every paragraph.

``checks.text.sentence_spans`` skips syntok where its answer is certain (a paragraph piece that is one
sentence, cut at sentence ends syntok cannot but make). Two modes:

* timing (default): one long document of real news text (every BBC article, then PolNeAR train
  texts, as ``bench_scale.py`` builds it, or ``--text FILE``), split on one core by
  ``split_sentences(..., workers=1)`` with the fast path and with it turned off (the plain syntok
  path, the baseline), alternately, ``--runs`` times each; prints the medians and the share of
  paragraphs and characters that never reach syntok.
* ``--verify``: every text of ../shared/data (BBC, PolNeAR train/dev, Clough & Stevenson, the text
  columns of CoNLL-2010 weasel, MSRP and ClaimBuster) and the repository's seeds, paragraph by
  paragraph: the fast path's spans against the plain path's. Any difference exits 1.

The machine is shared; read the ratio of timings taken in this same run.

Usage: .venv/bin/python benchmarks/bench_segment.py [--verify] [--runs N] [--sentences N] [--text FILE]
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, SHARED_DATA, data_folder  # noqa: E402

from checks.text import sentence_spans  # noqa: E402
from checks.text.segment import decode_bytes, split_paragraphs, split_sentences  # noqa: E402


def fast_chars(chunk: str) -> int:
    """Characters of ``chunk`` that the fast path splits without syntok."""
    done, start = 0, 0
    for end, next_start in (*sentence_spans._certain_ends(chunk), (len(chunk), len(chunk))):
        if sentence_spans._one_sentence(chunk[start:end]):
            done += end - start
        start = next_start
    return done


def texts(shared: Path) -> Iterator[tuple[str, str]]:
    """(source, text) of every text to verify on."""
    files = sorted((shared / "bbc" / "bbc").glob("*/*.txt"))
    files += sorted(shared.glob("polnear/*/text/*.txt"))
    files += sorted(p for p in (shared / "clough_stevenson" / "texts").iterdir() if p.is_file())
    files += sorted(p for p in (REPO / "seeds").iterdir() if p.suffix in (".txt", ".md"))
    for path in files:
        yield path.parent.name, decode_bytes(path.read_bytes())[0]
    columns = [("conll2010_weasel/*.csv", ",", ("text",)), ("claimbuster/*.csv", ",", ("text",)),
               ("msrp/*.tsv", "\t", ("#1 String", "#2 String"))]
    csv.field_size_limit(1 << 30)
    for pattern, delimiter, names in columns:
        for path in sorted(shared.glob(pattern)):
            with path.open(encoding="utf-8-sig", newline="") as handle:
                quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
                for row in csv.DictReader(handle, delimiter=delimiter, quoting=quoting):
                    for name in names:
                        if row.get(name):
                            yield path.name, row[name].replace("\r\n", "\n").replace("\r", "\n")


def verify(shared: Path) -> int:
    paragraphs = differences = fast_paragraphs = chars = fast = 0
    by_source: dict[str, int] = {}
    for source, text in texts(shared):
        for para in split_paragraphs(text):
            chunk = text[para.start : para.end]
            paragraphs += 1
            by_source[source] = by_source.get(source, 0) + 1
            if sentence_spans.sentence_spans(chunk) != sentence_spans._syntok_spans(chunk):
                differences += 1
                if differences <= 5:
                    print(f"difference in {source}: {chunk[:120]!r}")
            done = fast_chars(chunk)
            chars += len(chunk)
            fast += done
            fast_paragraphs += done == len(chunk)
    groups = len(by_source)
    print(f"paragraphs compared: {paragraphs} (from {groups} folders or files), differences: {differences}")
    print(f"without syntok: {fast_paragraphs / paragraphs:.1%} of paragraphs whole, {fast / chars:.1%} of characters")
    return 1 if differences else 0


def timing(text: str, runs: int) -> None:
    paragraphs = split_paragraphs(text)
    chunks = [text[p.start : p.end] for p in paragraphs]
    whole = sum(fast_chars(c) == len(c) for c in chunks)
    share = sum(map(fast_chars, chunks)) / sum(map(len, chunks))
    print(f"{len(text):,} characters, {len(paragraphs):,} paragraphs; without syntok: "
          f"{whole / len(chunks):.1%} of paragraphs whole, {share:.1%} of characters")
    # Wall and CPU time: on a shared machine the process's CPU time moves less with others' load.
    times: dict[tuple[bool, str], list[float]] = {(f, k): [] for f in (False, True) for k in ("wall", "cpu")}
    results = {}
    try:
        for _ in range(runs):
            for fast_path in (False, True):  # alternately, so load from others falls on both
                sentence_spans._FAST_PATH = fast_path
                wall, cpu = time.perf_counter(), time.process_time()
                results[fast_path] = split_sentences(text, paragraphs, workers=1)
                times[fast_path, "wall"].append(time.perf_counter() - wall)
                times[fast_path, "cpu"].append(time.process_time() - cpu)
    finally:
        sentence_spans._FAST_PATH = True
    print(f"sentences: {len(results[True]):,} (same as syntok alone: {results[True] == results[False]})")
    for kind in ("wall", "cpu"):
        plain, fast = statistics.median(times[False, kind]), statistics.median(times[True, kind])
        runs_text = " / ".join(", ".join(f"{t:.2f}" for t in times[f, kind]) for f in (False, True))
        print(f"split_sentences, one core, {kind} time, median of {runs}: syntok alone {plain:.2f} s, "
              f"fast path {fast:.2f} s ({plain / fast:.1f}x)  [runs: {runs_text}]")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verify", action="store_true", help="compare with syntok on all shared data")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sentences", type=int, default=74_000, help="size of the long document")
    parser.add_argument("--text", type=Path, help="time on this file instead of the long document")
    args = parser.parse_args()
    if not sentence_spans._FAST_PATH:
        print("the fast path is off: syntok is not the version it was checked against")
        return 2
    if args.verify:
        return verify(data_folder(None, "bbc").parent)
    if args.text:
        text = decode_bytes(args.text.read_bytes())[0]
    else:
        from bench_scale import long_text

        text = long_text(data_folder(None, "bbc"), SHARED_DATA / "polnear", args.sentences)
    timing(text, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
