"""Fit the check-worthiness weights of ``checks/data/checkworthy.yaml`` on ClaimBuster folds 0-3.

    .venv/bin/python benchmarks/train_checkworthy.py [--data ../shared/data/claimbuster] [--dry-run]

Data: ClaimBuster 2.5xNCS (``kfold_25ncs.csv``: 9,674 sentences of US presidential debates
1960-2016, human labels, 1 = check-worthy factual claim; Arslan, Hassan, Li, Tremayne, ICWSM 2020),
from github utaresearch/claimbuster-spotter, released under the GNU GPL v3.0. It is read from the
shared data folder and never copied into the repository; only the fitted weights (a handful of
rounded numbers) are written.

Split: every sentence goes to fold ``sha256(sentence_id) mod 5``. Folds 0-3 are the tuning data;
fold 4 is held out and never read here (``benchmarks/eval_checkworthy.py`` reports it).

Fit: L2-regularised logistic regression (Newton's method in numpy, no randomness, so the same data
gives the same weights) on the features of ``checks.claims.claim_features`` (the sentence length and
one yes/no feature per role) and one yes/no feature per word of a vocabulary (``claim_words``): the
words found in at least ``MIN_TUNING`` tuning sentences and in at least ``MIN_NEWS`` lines of BBC
News (``../shared/data/bbc``, unlabelled, used for this word count only), so that debate-only words
carry no weight into news prose. The regularisation strength is chosen by 4-fold cross-validation
within folds 0-3 (log-loss of the out-of-fold scores); the threshold ``min_checkworthy`` on the
same out-of-fold scores: the one with the highest F1 of the check-worthy class (the higher on a
tie). A sentence above it is flagged ``unsourced`` when nothing in its paragraph attributes it.
(Until issue 14's paragraph rule, the threshold was the lowest with precision >= 0.85, 0.59: each
unattributed claim was a flag of its own, and 30 flags per 100 BBC sentences were too many to
read; with a paragraph's claims flagged once and a source named in the paragraph covering them,
the F1 threshold gives 14.6.) Then the weights are
fitted on all of folds 0-3 and written into the YAML (its comments and word lists are kept).
Roles debate text cannot teach (``FIXED_WEIGHTS``: headings) keep a weight set by hand.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, data_folder, format_table  # noqa: E402

from checks.claims import ClaimLexicon, claim_features, claim_words, default_claim_lexicon  # noqa: E402

HELD_OUT = 4
FOLDS = 5
LAMBDAS = (2.0, 5.0, 10.0)
MIN_TUNING = 10
MIN_NEWS = 5
NEWTON_STEPS = 10
# Roles the debates cannot teach, held at a weight set by hand: ClaimBuster has no headlines (its 21
# "heading" sentences are cut-off fragments), while a news headline or list line restates a claim
# of the body or states none.
FIXED_WEIGHTS = {"heading": -2.0}
YAML_PATH = REPO / "checks" / "data" / "checkworthy.yaml"


@dataclass(frozen=True, slots=True)
class Row:
    sentence_id: str
    text: str
    label: bool
    fold: int


def fold_of(sentence_id: str) -> int:
    return int(hashlib.sha256(sentence_id.encode("utf-8")).hexdigest()[:12], 16) % FOLDS


def claimbuster_rows(folder: Path) -> list[Row]:
    path = folder / "kfold_25ncs.csv"
    if not path.is_file():
        sys.stderr.write(f"{path}: missing; skipped\n")
        raise SystemExit(2)
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            Row(r["sentence_id"], r["text"], r["label"].strip() == "1", fold_of(r["sentence_id"]))
            for r in csv.DictReader(fh)
        ]


def news_word_counts(folder: Path) -> Counter[str]:
    """In how many lines (paragraphs) of the BBC articles each word occurs."""
    counts: Counter[str] = Counter()
    for path in sorted(folder.glob("*/*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            counts.update(claim_words(line))
    return counts


def vocabulary(texts: list[str], news: Counter[str]) -> list[str]:
    tuning = Counter(w for t in texts for w in claim_words(t))
    keep = (w for w, n in tuning.items() if n >= MIN_TUNING and news[w] >= MIN_NEWS)
    return sorted(w for w in keep if not w.replace("'", "").replace("-", "").isdigit())  # numbers are the figure role


def feature_matrix(texts: list[str], lexicon: ClaimLexicon, vocab: list[str]) -> tuple[list[str], np.ndarray]:
    """Columns: a constant 1 (the bias), ``claim_features`` in their order, then one per word."""
    rows = [claim_features(t, lexicon=lexicon) for t in texts]
    names = list(rows[0])
    x = np.zeros((len(texts), 1 + len(names) + len(vocab)))
    x[:, 0] = 1.0
    x[:, 1 : 1 + len(names)] = [[r[n] for n in names] for r in rows]
    column = {w: 1 + len(names) + i for i, w in enumerate(vocab)}
    for i, text in enumerate(texts):
        for w in claim_words(text):
            if w in column:
                x[i, column[w]] = 1.0
    return ["bias", *names, *(f"word:{w}" for w in vocab)], x


def fixed_columns(names: list[str]) -> dict[int, float]:
    return {names.index(role): weight for role, weight in FIXED_WEIGHTS.items() if role in names}


def fit(
    x: np.ndarray, y: np.ndarray, l2: float, steps: int = NEWTON_STEPS, fixed: dict[int, float] | None = None
) -> np.ndarray:
    """Logistic regression by Newton's method; the bias (column 0) is not penalised; ``fixed``
    columns keep their given weight (their contribution enters as an offset)."""
    fixed = fixed or {}
    offset = sum((x[:, col] * weight for col, weight in fixed.items()), np.zeros(len(y)))
    if fixed:
        x = x.copy()
        x[:, list(fixed)] = 0.0
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + offset)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    for col, weight in fixed.items():
        w[col] = weight
    return w


def predict(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(x @ w)))


def average_precision(scores: np.ndarray, labels: np.ndarray) -> float:
    """Sum over distinct scores, highest first, of (recall gained) x (precision at that score):
    tied scores count together, so a yes/no baseline gets a fair figure."""
    if not labels.sum():
        return 0.0
    ap, tp, seen, prev_recall = 0.0, 0.0, 0, 0.0
    for value in np.unique(scores)[::-1]:
        at = scores == value
        tp += float(labels[at].sum())
        seen += int(at.sum())
        recall = tp / float(labels.sum())
        ap += (recall - prev_recall) * (tp / seen)
        prev_recall = recall
    return ap


def prf(pred: np.ndarray, labels: np.ndarray) -> tuple[float, float, float]:
    tp = float(np.sum(pred & labels))
    p = tp / pred.sum() if pred.sum() else 0.0
    r = tp / labels.sum() if labels.sum() else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def choose_threshold(scores: np.ndarray, labels: np.ndarray) -> tuple[float, list[list[object]]]:
    grid = [round(t, 2) for t in np.arange(0.05, 0.96, 0.01)]
    table = [[t, *prf(scores >= t, labels)] for t in grid]
    chosen = max(table, key=lambda row: (round(row[3], 6), row[0]))
    return chosen[0], table


def out_of_fold(x: np.ndarray, y: np.ndarray, folds: np.ndarray, l2: float, fixed: dict[int, float]) -> np.ndarray:
    scores = np.zeros(len(y))
    for k in sorted(set(folds.tolist())):
        test = folds == k
        scores[test] = predict(x[test], fit(x[~test], y[~test], l2, fixed=fixed))
    return scores


def log_loss(scores: np.ndarray, y: np.ndarray) -> float:
    s = np.clip(scores, 1e-9, 1 - 1e-9)
    return float(-np.mean(y * np.log(s) + (1 - y) * np.log(1 - s)))


def write_weights(names: list[str], w: np.ndarray, threshold: float, path: Path) -> int:
    """Put the rounded numbers into the YAML in place, keeping its comments and lists; the
    ``words:`` table (the file's last key) is rewritten, strongest first, words that round to 0
    left out. Returns the number of words written."""
    text = path.read_text(encoding="utf-8")
    values = {n: round(float(v), 2) for n, v in zip(names, w)}
    words = sorted(((n[5:], v) for n, v in values.items() if n.startswith("word:") and v), key=lambda t: (-t[1], t[0]))
    values = {n: v for n, v in values.items() if not n.startswith("word:")}
    text = re.sub(r"(?m)^bias: .*$", f"bias: {values.pop('bias')}", text)
    text = re.sub(r"(?m)^length_weight: .*$", f"length_weight: {values.pop('length')}", text)
    text = re.sub(r"(?m)^min_checkworthy: .*$", f"min_checkworthy: {threshold}", text)
    for role, value in values.items():
        pattern = rf"(?ms)^(  {re.escape(role)}:.*?^    weight: )[-\d.]+"
        text, n = re.subn(pattern, rf"\g<1>{value}", text, count=1)
        if n != 1:
            raise SystemExit(f"{path}: no weight line for role {role!r}")
    head, found, _ = text.partition("\nwords:")
    if not found:
        raise SystemExit(f"{path}: no words: table at the end")
    table = "".join(f"  {json.dumps(word)}: {value}\n" for word, value in words)  # quoted: "yes", "no", "on"
    path.write_text(f"{head}\nwords:\n{table}", encoding="utf-8")
    return len(words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="the ClaimBuster folder (default: ../shared/data/claimbuster)")
    parser.add_argument("--bbc", help="the BBC folder, for the word counts (default: ../shared/data/bbc)")
    parser.add_argument("--dry-run", action="store_true", help="print the fit, do not write the YAML")
    args = parser.parse_args(argv)
    rows = [r for r in claimbuster_rows(data_folder(args.data, "claimbuster")) if r.fold != HELD_OUT]
    texts = [r.text for r in rows]
    vocab = vocabulary(texts, news_word_counts(data_folder(args.bbc, "bbc") / "bbc"))
    names, x = feature_matrix(texts, default_claim_lexicon(), vocab)
    y = np.array([r.label for r in rows], dtype=float)
    folds = np.array([r.fold for r in rows])
    print(f"tuning folds 0-3: {len(rows)} sentences, {int(y.sum())} check-worthy (fold {HELD_OUT} held out, not read); "
          f"{len(vocab)} words in the vocabulary")
    fixed = fixed_columns(names)
    losses = {l2: log_loss(out_of_fold(x, y, folds, l2, fixed), y) for l2 in LAMBDAS}
    l2 = min(losses, key=lambda k: (round(losses[k], 4), -k))
    print("cross-validated log-loss by L2 strength:", ", ".join(f"{k}: {v:.4f}" for k, v in losses.items()))
    oof = out_of_fold(x, y, folds, l2, fixed)
    threshold, table = choose_threshold(oof, y.astype(bool))
    p, r, f = prf(oof >= threshold, y.astype(bool))
    print(f"\nL2 {l2}; out-of-fold AP {average_precision(oof, y.astype(bool)):.3f}; "
          f"threshold {threshold}: precision {p:.3f} recall {r:.3f} F1 {f:.3f}")
    by_fold = [prf(oof[folds == k] >= threshold, y[folds == k].astype(bool))[2] for k in sorted(set(folds.tolist()))]
    print("out-of-fold F1 of each tuning fold:", ", ".join(f"{f:.3f}" for f in by_fold))
    print(format_table(["threshold", "precision", "recall", "F1"], [row for row in table if row[0] * 100 % 5 == 0]))
    w = fit(x, y, l2, fixed=fixed)
    shown = [[n, float(v)] for n, v in zip(names, w) if not n.startswith("word:")]
    strongest = sorted((float(v), n) for n, v in zip(names, w) if n.startswith("word:"))
    shown += [[n, v] for v, n in strongest[:10] + strongest[-10:]]
    print("\n" + format_table(["feature (roles, then the 10 lowest and 10 highest words)", "weight"], shown))
    if not args.dry_run:
        written = write_weights(names, w, threshold, YAML_PATH)
        print(f"\nwrote {YAML_PATH.relative_to(REPO)} ({written} words)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
