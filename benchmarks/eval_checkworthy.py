"""Check-worthiness on ClaimBuster (held-out fold and tuning folds) and on BBC News, with a baseline.

    .venv/bin/python benchmarks/eval_checkworthy.py [--data ../shared/data/claimbuster]
        [--bbc ../shared/data/bbc] [--sample N]

ClaimBuster 2.5xNCS (GPL-3.0 repository; 1 = check-worthy factual claim): sentences are split into
five folds by ``sha256(sentence_id) mod 5`` (``benchmarks/train_checkworthy.py``). The weights and
the threshold ``min_checkworthy`` of ``checks/data/checkworthy.yaml`` were fitted and chosen on
folds 0-3 only; fold 4 is held out. For each: precision, recall and F1 of the check-worthy class at
the shipped threshold, and the average precision of the score (area under the precision-recall
steps, tied scores taken together). Baseline: the sentence holds a digit (its AP is that of a
yes/no score). The tuning folds' figures are in-sample; their cross-validated (out-of-fold)
figures are printed by ``train_checkworthy.py --dry-run``.

BBC News (2,225 articles, unlabelled; each parsed with ``parse_article``): the share of sentences
at or above the threshold, and the time ``score_sentences`` takes per sentence. ``--sample N``
prints N random BBC sentences on each side of the threshold (seeded) to read as an editor would.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import data_folder, format_table  # noqa: E402
from train_checkworthy import HELD_OUT, average_precision, claimbuster_rows, prf  # noqa: E402

from checks.claims import checkworthiness, default_claim_lexicon, score_sentences  # noqa: E402
from checks.text.segment import parse_article  # noqa: E402

DIGIT = re.compile(r"\d")


def claimbuster_table(texts: list[str], labels: np.ndarray, threshold: float) -> list[list[object]]:
    ours = np.array([checkworthiness(t).score for t in texts])
    digit = np.array([1.0 if DIGIT.search(t) else 0.0 for t in texts])
    rows = []
    for name, score in ((f"sourcecheck (score >= {threshold})", ours), ("has a digit", digit)):
        p, r, f = prf(score >= (threshold if score is ours else 0.5), labels)
        rows.append([name, p, r, f, average_precision(score, labels)])
    return rows


def bbc_documents(folder: Path) -> list:
    return [parse_article(p.read_bytes(), path=str(p)) for p in sorted(folder.glob("*/*.txt"))]


def bbc_report(folder: Path, threshold: float, sample: int) -> None:
    docs = bbc_documents(folder)
    start, cpu = time.perf_counter(), time.process_time()
    scored = [score_sentences(doc) for doc in docs]
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    pairs = [(s.text, c.score) for doc, cs in zip(docs, scored) for s, c in zip(doc.sentences, cs)]
    above = sum(score >= threshold for _, score in pairs)
    print(f"\n## BBC News: {len(docs)} articles, {len(pairs)} sentences\n")
    print(f"at or above {threshold} (min_checkworthy): {above} sentences ({above / len(pairs):.1%})")
    others = ", ".join(f"{t}: {sum(sc >= t for _, sc in pairs) / len(pairs):.1%}" for t in (0.5, 0.75, 0.9))
    print(f"at or above other thresholds: {others}")
    print(
        f"score_sentences: {seconds * 1e6 / len(pairs):.1f} µs/sentence wall, {cpu * 1e6 / len(pairs):.1f} µs CPU "
        f"({seconds:.2f} s in all; wall time grows on a busy machine, CPU time less)"
    )
    if sample:
        rng = random.Random(14)
        sides = (("above", [p for p in pairs if p[1] >= threshold]), ("below", [p for p in pairs if p[1] < threshold]))
        for name, side in sides:
            print(f"\n{sample} random sentences {name} the threshold:")
            for text, score in rng.sample(side, min(sample, len(side))):
                print(f"  {score:.2f}  {' '.join(text.split())[:150]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="the ClaimBuster folder (default: ../shared/data/claimbuster)")
    parser.add_argument("--bbc", help="the BBC folder (default: ../shared/data/bbc)")
    parser.add_argument("--sample", type=int, default=0, help="print N BBC sentences on each side of the threshold")
    args = parser.parse_args(argv)
    threshold = default_claim_lexicon().min_checkworthy
    rows = claimbuster_rows(data_folder(args.data, "claimbuster"))
    header = ["system", "precision", "recall", "F1", "average precision"]
    splits = (("tuning folds 0-3 (the weights were fitted on them)", False), (f"held-out fold {HELD_OUT}", True))
    for title, held_out in splits:
        part = [r for r in rows if (r.fold == HELD_OUT) == held_out]
        labels = np.array([r.label for r in part])
        print(f"\n## ClaimBuster 2.5xNCS, {title}: {len(part)} sentences, {int(labels.sum())} check-worthy\n")
        print(format_table(header, claimbuster_table([r.text for r in part], labels, threshold)))
    bbc_report(data_folder(args.bbc, "bbc") / "bbc", threshold, args.sample)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
