"""How many flags an editor meets: flags per 100 sentences on every BBC article, by kind and priority.

    .venv/bin/python benchmarks/eval_flag_rate.py [--data ../shared/data/bbc] [--seed]

Each article is read as the app reads it (``read_article``: the headline line is the title) and
analysed alone. Printed: flags per 100 sentences, by kind and by priority; per article the median,
the 90th percentile and the largest count; duplicate flags per article; and the sentences graded
``background`` (no attribution, not check-worthy: shown quietly, not flagged). The baseline, from the
same run, counts what the grader flagged before check-worthiness: every unattributed sentence
(``unsourced``, ``background`` or ``context``) as an ``unsourced`` flag of its own. ``--seed`` also
lists the seed article's sentences that became background or context.
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
from checks.details import UnsourcedDetails  # noqa: E402
from checks.model import Analysis  # noqa: E402

_QUIET = (Sourcing.BACKGROUND, Sourcing.CONTEXT)


def _percentile(values: list[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class _Tally:
    """Flags and quiet sentences over many articles; the baseline flags every unattributed
    sentence on its own, as the grader did before check-worthiness (issue 14)."""

    def __init__(self) -> None:
        self.kinds: Counter[str] = Counter()
        self.priorities: Counter[str] = Counter()
        self.quiet: Counter[str] = Counter()
        self.per_article: list[int] = []
        self.baseline_per_article: list[int] = []
        self.duplicates_per_article: list[int] = []
        self.sentences = self.claims_flagged = 0

    def add(self, analysis: Analysis) -> None:
        self.sentences += len(analysis.grades)
        quiet = Counter(str(g.sourcing) for g in analysis.grades if g.sourcing in _QUIET)
        self.quiet.update(quiet)
        unsourced = [f for f in analysis.flags if f.kind is FlagKind.UNSOURCED]
        claims = sum(len(f.details.sentences) if isinstance(f.details, UnsourcedDetails) else 1 for f in unsourced)
        self.claims_flagged += claims
        self.kinds.update(str(f.kind) for f in analysis.flags)
        self.priorities.update(str(f.priority) for f in analysis.flags)
        self.per_article.append(len(analysis.flags))
        self.baseline_per_article.append(len(analysis.flags) - len(unsourced) + claims + sum(quiet.values()))
        self.duplicates_per_article.append(sum(1 for f in analysis.flags if f.kind is FlagKind.DUPLICATE))

    def print(self, articles: int) -> None:
        n, total = self.sentences, sum(self.per_article)
        print(f"{articles} BBC articles, {n} sentences, {total} flags")
        base = self.baseline_per_article
        rows = [
            ["flags per 100 sentences", f"{100 * total / n:.1f}", f"{100 * sum(base) / n:.1f}"],
            ["flags per article: median / p90 / max",
             f"{statistics.median(self.per_article):g} / {_percentile(self.per_article, 0.9)} / {max(self.per_article)}",
             f"{statistics.median(base):g} / {_percentile(base, 0.9)} / {max(base)}"],
            ["duplicate flags per article", f"{statistics.mean(self.duplicates_per_article):.3f}", ""],
            ["claims inside unsourced flags, per 100 sentences", f"{100 * self.claims_flagged / n:.1f}", ""],
        ]
        rows += [[f"sentences graded {q}", f"{c} ({100 * c / n:.1f}%)", "0"] for q, c in sorted(self.quiet.items())]
        print(format_table(["measure", "sourcecheck", "baseline: every unattributed sentence flagged"], rows))
        print()
        print(format_table(["kind", "flags", "per 100 sentences", "share"],
                           [[k, c, f"{100 * c / n:.2f}", f"{100 * c / total:.0f}%"] for k, c in self.kinds.most_common()]))
        print()
        print(format_table(["priority", "flags", "per 100 sentences"],
                           [[p, c, f"{100 * c / n:.2f}"] for p, c in self.priorities.most_common()]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="the bbc folder (default ../shared/data/bbc)")
    parser.add_argument("--seed", action="store_true", help="list the seed's sentences graded background or context")
    args = parser.parse_args(argv)
    folder = data_folder(args.data, "bbc")
    files = sorted(folder.glob("bbc/*/*.txt")) or sorted(folder.glob("*/*.txt"))
    tally = _Tally()
    for path in files:
        tally.add(analyze(read_article(path)))
    tally.print(len(files))
    if args.seed:
        _print_seed_quiet()
    return 0


def _print_seed_quiet() -> None:
    analysis = analyze(read_article(REPO / "seeds" / "north-korea-talks.txt"))
    print("\nSeed sentences not flagged for want of a source (background, or sourced in their paragraph):")
    for grade in analysis.grades:
        if grade.sourcing in _QUIET:
            sentence = analysis.document.sentences[grade.sentence]
            print(f"  [{grade.sentence}] {grade.sourcing}: {sentence.text}")


if __name__ == "__main__":
    raise SystemExit(main())
