"""Evaluate passage reuse and paraphrase scoring on labelled public data.

* Clough & Stevenson (graded reuse): each short answer against its Wikipedia source through
  ``checks.compare_documents``, the code the app uses. Prints the share flagged per level (cut,
  light, heavy, non) and the ROC AUC of reused (cut + light + heavy) vs non, for our score and for
  a baseline (plain fuzz.ratio of the whole texts), measured in the same run.
* MSRP (news sentence paraphrase): distribution of ``score_passages`` for paraphrase vs not, and
  the best-F1 threshold found on train applied to test; same for a fuzz.ratio baseline.

Usage: .venv/bin/python benchmarks/eval_reuse.py [--data ../shared/data]
The data is not shipped with the project; the folder is an argument.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from rapidfuzz import fuzz

from checks import compare_documents, normalise, parse_article, score_passages
from checks.duplicates import DEFAULT_MIN_SCORE

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
LEVELS = ("cut", "light", "heavy", "non")


def roc_auc(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """Probability that a random positive outscores a random negative (ties count half)."""
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def clough_stevenson(folder: Path) -> None:
    rows = list(csv.DictReader((folder / "file_information.csv").open(encoding="utf-8")))
    sources = {}
    for task in "abcde":
        sources[task] = parse_article(read_text(folder / "texts" / f"orig_task{task}.txt"), parse_metadata=False)
    ours: dict[str, list[float]] = {level: [] for level in LEVELS}
    coverage: dict[str, list[float]] = {level: [] for level in LEVELS}
    flagged: dict[str, int] = {level: 0 for level in LEVELS}
    baseline: dict[str, list[float]] = {level: [] for level in LEVELS}
    missed: list[str] = []
    started = time.perf_counter()
    for row in rows:
        level = row["Category"]
        if level not in LEVELS:
            continue
        text = read_text(folder / "texts" / row["File"])
        answer = parse_article(text, parse_metadata=False)
        source = sources[row["Task"]]
        pairs = compare_documents(answer, source, min_score=0.0)
        best = max((p.score for p in pairs), default=0.0)
        reused = [p for p in pairs if p.score >= DEFAULT_MIN_SCORE]
        covered = {i for p in reused for i in p.sentences_a}
        ours[level].append(best)
        coverage[level].append(len(covered) / max(1, len(answer.sentences)))
        flagged[level] += bool(reused)
        if not reused and level in ("cut", "light"):
            # Is the copied text in the given source at all? The longest word run says.
            run = max((score_passages(p.a.text, p.b.text).longest_run for p in pairs), default=0)
            missed.append(f"{row['File']} ({level}): best {best:.1f}, longest shared word run {run}")
        baseline[level].append(fuzz.ratio(normalise(text), normalise(source.text)))
    elapsed = time.perf_counter() - started
    print(f"Clough & Stevenson: {sum(len(v) for v in ours.values())} answers against their source "
          f"({elapsed:.1f} s), flag threshold {DEFAULT_MIN_SCORE:g}")
    print(f"  {'level':6} {'n':>3} {'flagged':>8} {'median best':>12} {'median covered':>15} {'baseline ratio':>15}")
    for level in LEVELS:
        n = len(ours[level])
        print(
            f"  {level:6} {n:3d} {flagged[level] / n:8.0%} {statistics.median(ours[level]):12.1f}"
            f" {statistics.median(coverage[level]):15.0%} {statistics.median(baseline[level]):15.1f}"
        )
    for line in missed:
        print(f"  not flagged: {line}")
    reused_levels = ("cut", "light", "heavy")
    for name, scores in (("our best pair score", ours), ("our covered share", coverage), ("baseline fuzz.ratio", baseline)):
        pos = [s for level in reused_levels for s in scores[level]]
        print(f"  ROC AUC reused vs non, {name}: {roc_auc(pos, scores['non']):.3f}")


def read_msrp(path: Path) -> list[tuple[int, str, str]]:
    out = []
    with path.open(encoding="utf-8-sig") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            if len(row) >= 5:
                out.append((int(row[0]), row[3], row[4]))
    return out


def best_f1_threshold(scored: list[tuple[float, int]]) -> tuple[float, float]:
    best = (0.0, 0.0)
    for threshold in sorted({s for s, _ in scored}):
        f1 = f1_at(scored, threshold)
        if f1 > best[1]:
            best = (threshold, f1)
    return best


def f1_at(scored: list[tuple[float, int]], threshold: float) -> float:
    tp = sum(1 for s, y in scored if s >= threshold and y)
    fp = sum(1 for s, y in scored if s >= threshold and not y)
    fn = sum(1 for s, y in scored if s < threshold and y)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def msrp(folder: Path) -> None:
    train, test = read_msrp(folder / "msr-para-train.tsv"), read_msrp(folder / "msr-para-test.tsv")
    scorers: dict[str, Callable[[str, str], float]] = {
        "our score_passages": lambda a, b: score_passages(a, b).score,
        "baseline fuzz.ratio": lambda a, b: fuzz.ratio(a.lower(), b.lower()),
    }
    print(f"MSRP: {len(train)} train and {len(test)} test sentence pairs")
    for name, scorer in scorers.items():
        started = time.perf_counter()
        train_scored = [(scorer(a, b), y) for y, a, b in train]
        test_scored = [(scorer(a, b), y) for y, a, b in test]
        elapsed = time.perf_counter() - started
        threshold, train_f1 = best_f1_threshold(train_scored)
        test_f1 = f1_at(test_scored, threshold)
        accuracy = sum((s >= threshold) == bool(y) for s, y in test_scored) / len(test_scored)
        pos = [s for s, y in test_scored if y]
        neg = [s for s, y in test_scored if not y]
        print(f"  {name} ({elapsed:.1f} s for {len(train) + len(test)} pairs)")
        for label, values in (("paraphrase", pos), ("not", neg)):
            q = statistics.quantiles(values, n=4)
            print(f"    test {label:10} n={len(values):4d} quartiles {q[0]:5.1f} {q[1]:5.1f} {q[2]:5.1f}")
        print(
            f"    best-F1 threshold on train {threshold:.1f} (train F1 {train_f1:.3f}) -> "
            f"test F1 {test_f1:.3f}, accuracy {accuracy:.3f}; test ROC AUC {roc_auc(pos, neg):.3f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    args = parser.parse_args(argv)
    missing = [name for name in ("clough_stevenson", "msrp") if not (args.data / name).is_dir()]
    if missing:
        print(f"eval_reuse: {', '.join(missing)} not found under {args.data}", file=sys.stderr)
        return 2
    clough_stevenson(args.data / "clough_stevenson")
    msrp(args.data / "msrp")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
