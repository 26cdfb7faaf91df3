"""Evaluate passage reuse and paraphrase scoring on labelled public data.

* Clough & Stevenson (graded reuse): each short answer against its Wikipedia source through
  ``checks.compare_documents``, the code the app uses. Prints the share flagged per level (cut,
  light, heavy, non) and the ROC AUC of reused (cut + light + heavy) vs non, for our score and for
  a baseline (plain fuzz.ratio of the whole texts), measured in the same run.
* MSRP (news sentence paraphrase): distribution of ``score_passages`` for paraphrase vs not, and
  the best-F1 threshold found on train applied to test; same for a fuzz.ratio baseline.
* Real news (BBC, PolNeAR): how often each text flag and a duplicate pair fire per article on a
  fixed sample (``--news N``), the noise a reader would see; and a few duplicate pairs to read.

Usage: .venv/bin/python benchmarks/eval_reuse.py [--data ../shared/data] [--news 600] [--show 0]
The data is not shipped with the project; the folder is an argument.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from rapidfuzz import fuzz

from checks import (
    FlagKind,
    compare_documents,
    find_duplicates,
    grade_sentences,
    normalise,
    parse_article,
    read_article,
    score_passages,
)
from checks.duplicates.search import DEFAULT_MIN_SCORE
from checks.style.text_flags import find_text_flags

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
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


def news_rates(data: Path, sample: int, show: int) -> None:
    files = sorted(data.glob("bbc/bbc/*/*.txt")) + sorted(data.glob("polnear/*/text/*.txt"))
    random.Random(1).shuffle(files)
    files = files[:sample]
    kinds = (FlagKind.DUPLICATE, FlagKind.SPLICE, FlagKind.UNBALANCED_QUOTE, FlagKind.UNATTRIBUTED_QUOTE, FlagKind.NAME_VARIANT)
    count = {k: 0 for k in kinds}
    articles = {k: 0 for k in kinds}
    pairs = []
    sentences = 0
    started = time.perf_counter()
    for path in files:
        doc = read_article(path)
        sentences += len(doc.sentences)
        found = find_duplicates(doc)
        pairs.extend((p, path) for p in found)
        per = {k: 0 for k in kinds}
        per[FlagKind.DUPLICATE] = len(found)
        for flag in find_text_flags(doc, grade_sentences(doc)):
            per[flag.kind] += 1
        for k in kinds:
            count[k] += per[k]
            articles[k] += bool(per[k])
    elapsed = time.perf_counter() - started
    print(f"Real news: {len(files)} BBC and PolNeAR articles ({sentences} sentences, {elapsed:.1f} s), flags that fire")
    print(f"  {'kind':20} {'flags':>6} {'per article':>12} {'articles with one':>18}")
    for k in kinds:
        print(f"  {str(k):20} {count[k]:6d} {count[k] / len(files):12.2f} {articles[k] / len(files):18.1%}")
    near_copies = sum(1 for p, _ in pairs if score_passages(p.a.text, p.b.text).ratio >= 85)
    print(f"  duplicate pairs that are near copies (fuzz.ratio >= 85): {near_copies} of {len(pairs)}")
    for p, path in random.Random(2).sample(pairs, min(show, len(pairs))):
        print(f"  --- {p.score:.1f} {path.relative_to(data)} shared {list(p.shared)}")
        print(f"      a: {' '.join(p.a.text.split())[:160]}")
        print(f"      b: {' '.join(p.b.text.split())[:160]}")


def quotes_vs_polnear(data: Path) -> None:
    """Quotes flagged as having no speaker that PolNeAR's annotators attributed to a source: an
    upper bound on false positives (annotators also attribute scare quotes the rule means to flag)."""
    from _common import polnear_articles  # the PolNeAR standoff reader shared by the evaluations

    flagged = inside = partial = partial_inside = 0
    for article in polnear_articles(data / "polnear" / "dev"):
        doc = parse_article(article.text, parse_metadata=False)
        content = [span for a in article.attributions if a.source for span in a.content]
        for flag in find_text_flags(doc, grade_sentences(doc)):
            if flag.kind is not FlagKind.UNATTRIBUTED_QUOTE:
                continue
            hit = any(s <= flag.start + 1 and flag.end - 1 <= e for s, e in content)
            is_partial = "partial" in flag.message
            flagged += 1
            inside += hit
            partial += is_partial
            partial_inside += hit and is_partial
    print(
        f"PolNeAR dev: {flagged} quotes flagged with no speaker ({partial} partial); inside an annotated "
        f"attribution with a source: {inside} ({inside / max(1, flagged):.0%}), of them partial {partial_inside}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--news", type=int, default=600, help="real news articles to sample (0: skip)")
    parser.add_argument("--show", type=int, default=0, help="duplicate pairs from real news to print")
    args = parser.parse_args(argv)
    missing = [name for name in ("clough_stevenson", "msrp") if not (args.data / name).is_dir()]
    if missing:
        print(f"eval_reuse: {', '.join(missing)} not found under {args.data}", file=sys.stderr)
        return 2
    clough_stevenson(args.data / "clough_stevenson")
    msrp(args.data / "msrp")
    if args.news > 0 and (args.data / "bbc").is_dir() and (args.data / "polnear").is_dir():
        news_rates(args.data, args.news, args.show)
        quotes_vs_polnear(args.data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
