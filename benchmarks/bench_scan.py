"""How long the in-process scan of one article takes, whole and stage by stage.

Measures what ``sourcecheck scan --format json`` does after its imports: read and segment the
file, grade sentences, find duplicate passages, the other text flags, flag ids, and the JSON
text. Prints the median (and minimum) of N runs of each stage and of the whole, against the
target (50 ms for the seed) and against a baseline measured in the same run: segmentation alone
(syntok), the floor any scan pays. The machine is shared, so read the ratios, not only the
milliseconds.

Usage: .venv/bin/python benchmarks/bench_scan.py [ARTICLE] [--runs N]
       (default: the seed article, and a 41-sentence BBC article if ../shared/data is present)
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from checks import analysis_to_dict, analyze, default_lexicon, find_duplicates, grade_sentences, read_article
from checks.duplicates.search import all_pairs
from checks.flags import assign_ids, flags_from_duplicates, flags_from_grades
from checks.text.segment import parse_article
from checks.style.text_flags import find_text_flags

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "north-korea-talks.txt"
LONGER = ROOT.parent / "shared" / "data" / "bbc" / "bbc" / "politics" / "336.txt"  # 41 sentences
TARGET_MS = 50.0


def timed_ms(stages: dict[str, Callable[[], object]], runs: int) -> dict[str, tuple[float, float]]:
    """Median and minimum ms of each stage over ``runs`` rounds. The stages take turns within each
    round, so a burst of load from other processes hits them all alike and the ratios hold."""
    times: dict[str, list[float]] = {name: [] for name in stages}
    for _ in range(runs):
        for name, fn in stages.items():
            started = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - started)
    return {name: (statistics.median(t) * 1000, min(t) * 1000) for name, t in times.items()}


def bench(path: Path, runs: int) -> None:
    lexicon = default_lexicon()
    doc = read_article(path)  # warm caches (lexicon patterns, stopwords) as a running scan has them
    grades = grade_sentences(doc, lexicon=lexicon)
    duplicates = find_duplicates(doc)
    text = doc.text

    def whole() -> str:
        return json.dumps(analysis_to_dict(analyze(read_article(path), lexicon=lexicon)), ensure_ascii=False, indent=2)

    whole()
    stages = {
        "read + segment": lambda: read_article(path),
        "grade sentences": lambda: grade_sentences(doc, lexicon=lexicon),
        "duplicates": lambda: find_duplicates(doc),
        "  (all pairs)": lambda: find_duplicates(doc, candidates=all_pairs),
        "text flags": lambda: find_text_flags(doc, grades, lexicon=lexicon),
        "flags + ids": lambda: assign_ids([*flags_from_grades(doc, grades), *flags_from_duplicates(duplicates)]),
        "analyze + JSON": lambda: json.dumps(analysis_to_dict(analyze(doc, lexicon=lexicon)), ensure_ascii=False),
    }
    stages["baseline: segment"] = lambda: parse_article(text)
    stages["whole scan"] = whole
    result = timed_ms(stages, runs)
    baseline = result["baseline: segment"][0]
    print(f"{path.name}: {len(doc.sentences)} sentences, {len(text)} characters; {runs} rounds")
    print(f"  {'stage':18} {'median ms':>10} {'x baseline':>11} {'min ms':>8}")
    for name, (ms, least) in result.items():
        print(f"  {name:18} {ms:10.2f} {ms / baseline:11.2f} {least:8.2f}")
    total = result["whole scan"][0]
    print(f"  whole scan median {total:.2f} ms: target < {TARGET_MS:.0f} ms {'met' if total < TARGET_MS else 'MISSED'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, help="article to scan (default: the seed, and a BBC one)")
    parser.add_argument("--runs", type=int, default=51)
    args = parser.parse_args(argv)
    paths = [args.article] if args.article else [SEED, *([LONGER] if LONGER.is_file() else [])]
    for path in paths:
        if not path.is_file():
            print(f"bench_scan: {path}: no such file", file=sys.stderr)
            return 2
        bench(path, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
