"""How many flags an editor meets: flags per 100 sentences on every BBC article, by kind and priority.

    .venv/bin/python benchmarks/eval_flag_rate.py [--data ../shared/data/bbc] [--seed]

Each article is read as the app reads it (``read_article``: the headline line is the title) and
analysed alone. Printed: flags per 100 sentences, by kind and by priority; per article the median,
the 90th percentile and the largest count; duplicate flags per article; and the sentences graded
``background`` (no attribution, not check-worthy: shown quietly, not flagged). The baseline, from the
same run, counts what the grader flagged before check-worthiness: every ``background`` sentence as an
``unsourced`` flag. ``--seed`` also lists the seed article's sentences that became background.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, data_folder, format_table  # noqa: E402

from checks import FlagKind, Sourcing, analyze, read_article  # noqa: E402

_BACKGROUND = getattr(Sourcing, "BACKGROUND", None)


def _percentile(values: list[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="the bbc folder (default ../shared/data/bbc)")
    parser.add_argument("--seed", action="store_true", help="list the seed's sentences graded background")
    args = parser.parse_args(argv)
    folder = data_folder(args.data, "bbc")
    files = sorted(folder.glob("bbc/*/*.txt")) or sorted(folder.glob("*/*.txt"))
    kinds: Counter[str] = Counter()
    priorities: Counter[str] = Counter()
    per_article: list[int] = []
    baseline_per_article: list[int] = []
    duplicates_per_article: list[int] = []
    sentences = background = 0
    for path in files:
        analysis = analyze(read_article(path))
        sentences += len(analysis.grades)
        quiet = sum(1 for g in analysis.grades if _BACKGROUND is not None and g.sourcing is _BACKGROUND)
        background += quiet
        kinds.update(str(f.kind) for f in analysis.flags)
        priorities.update(str(getattr(f, "priority", "none")) for f in analysis.flags)
        per_article.append(len(analysis.flags))
        baseline_per_article.append(len(analysis.flags) + quiet)
        duplicates_per_article.append(sum(1 for f in analysis.flags if f.kind is FlagKind.DUPLICATE))
    total = sum(per_article)
    rate = 100 * total / sentences
    print(f"{len(files)} BBC articles, {sentences} sentences, {total} flags")
    rows = [
        ["flags per 100 sentences", f"{rate:.1f}", f"{100 * sum(baseline_per_article) / sentences:.1f}"],
        ["flags per article: median / p90 / max",
         f"{statistics.median(per_article):g} / {_percentile(per_article, 0.9)} / {max(per_article)}",
         f"{statistics.median(baseline_per_article):g} / {_percentile(baseline_per_article, 0.9)} / "
         f"{max(baseline_per_article)}"],
        ["duplicate flags per article", f"{statistics.mean(duplicates_per_article):.3f}", ""],
        ["sentences graded background", f"{background} ({100 * background / sentences:.1f}%)", "0"],
    ]
    print(format_table(["measure", "sourcecheck", "baseline: background flagged as unsourced"], rows))
    print()
    print(format_table(["kind", "flags", "per 100 sentences", "share"],
                       [[k, n, f"{100 * n / sentences:.2f}", f"{100 * n / total:.0f}%"] for k, n in kinds.most_common()]))
    print()
    print(format_table(["priority", "flags", "per 100 sentences"],
                       [[p, n, f"{100 * n / sentences:.2f}"] for p, n in priorities.most_common()]))
    if args.seed:
        _print_seed_background()
    return 0


def _print_seed_background() -> None:
    analysis = analyze(read_article(REPO / "seeds" / "north-korea-talks.txt"))
    print("\nSeed sentences graded background:")
    for grade in analysis.grades:
        if _BACKGROUND is not None and grade.sourcing is _BACKGROUND:
            sentence = analysis.document.sentences[grade.index]
            print(f"  [{grade.index}] {sentence.text}")


if __name__ == "__main__":
    raise SystemExit(main())
