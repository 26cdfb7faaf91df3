"""Vague wording on CoNLL-2010 Wikipedia sentences: our vague grade and hedge cues against the label.

    .venv/bin/python benchmarks/eval_vague.py [--data ../shared/data/conll2010_weasel] [--terms]

Positive (ours): the sentence is graded ``vague`` (weasel attribution: "some say", "it is
believed", "many experts argue"), or any of its cues has the role ``hedge`` (the ``hedges``
category of ``checks/data/lexicon.yaml``: "possibly", "reportedly", "suggests", "is considered" ...)
or ``weasel`` (the ``weasel_quantifiers`` category: "some", "many", "critics" not followed by a
number). Gold positive: label 1
(the sentence holds a weasel or hedge cue). The lexicon was tuned on ``train.csv`` only (``--terms``
prints each hedge's precision and count there); the table reports ``test.csv``. Baseline: the
sentence holds one of a short list of textbook hedges (may, might, could, possibly, probably,
some, many).

Sentences are PTB-tokenised; they are detokenised lightly (brackets, quotes, clitics, spacing before
punctuation) and graded as one-sentence documents without re-segmenting.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import data_folder, format_table, scores  # noqa: E402

from checks import Document, Paragraph, Sentence, Sourcing, default_lexicon, grade_sentences  # noqa: E402

BASELINE = re.compile(r"\b(?:may|might|could|possibly|probably|some|many)\b", re.IGNORECASE)
_PTB = [
    (re.compile(r"-LRB-"), "("), (re.compile(r"-RRB-"), ")"), (re.compile(r"-LSB-"), "["),
    (re.compile(r"-RSB-"), "]"), (re.compile(r"-LCB-"), "{"), (re.compile(r"-RCB-"), "}"),
    (re.compile(r"``\s*"), "\u201c"), (re.compile(r"\s*''"), "\u201d"),
    (re.compile(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", re.IGNORECASE), r"\1"),
    (re.compile(r"\s+([.,;:!?%)\]}])"), r"\1"), (re.compile(r"([(\[{$])\s+"), r"\1"),
]


def detokenise(text: str) -> str:
    text = " ".join(text.split())
    for pattern, repl in _PTB:
        text = pattern.sub(repl, text)
    return text


def one_sentence_document(text: str) -> Document:
    """A document of exactly one sentence: the data is already split, so no re-segmentation."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(
        text=text,
        sha256=digest,
        paragraphs=(Paragraph(0, 0, len(text)),),
        sentences=(Sentence(0, 0, 0, len(text), text),),
    )


def read_rows(path: Path) -> list[tuple[str, bool]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [(detokenise(row["text"]), row["label"].strip() == "1") for row in csv.DictReader(fh)]


def predict(text: str) -> tuple[bool, list[str]]:
    """(positive, evidence texts) for one sentence."""
    (grade,) = grade_sentences(one_sentence_document(text))
    evidence = [c.text.lower() for c in grade.cues if c.role in ("hedge", "weasel", "vague")]
    return grade.sourcing is Sourcing.VAGUE or bool(evidence), evidence


def evaluate(rows: list[tuple[str, bool]]) -> tuple[dict[str, list[int]], Counter[str], Counter[str]]:
    tallies = {"sourcecheck": [0, 0, 0], "baseline": [0, 0, 0]}  # tp, fp, fn
    term_hits: Counter[str] = Counter()
    term_true: Counter[str] = Counter()
    for text, gold in rows:
        ours, evidence = predict(text)
        for name, pred in (("sourcecheck", ours), ("baseline", bool(BASELINE.search(text)))):
            t = tallies[name]
            if pred and gold:
                t[0] += 1
            elif pred:
                t[1] += 1
            elif gold:
                t[2] += 1
        for term in set(evidence):
            term_hits[term] += 1
            term_true[term] += gold
    return tallies, term_hits, term_true


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="the CoNLL-2010 folder (default: ../shared/data/conll2010_weasel)")
    parser.add_argument("--terms", action="store_true", help="print each cue's precision on train.csv (for tuning)")
    args = parser.parse_args(argv)
    folder = data_folder(args.data, "conll2010_weasel")
    default_lexicon()  # load once outside the timing
    for split in ("train", "test"):
        path = folder / f"{split}.csv"
        if not path.is_file():
            sys.stderr.write(f"{path}: missing; skipped\n")
            return 2
        rows = read_rows(path)
        t0 = time.perf_counter()
        tallies, hits, true = evaluate(rows)
        seconds = time.perf_counter() - t0
        positives = sum(gold for _, gold in rows)
        table = []
        for name, (tp, fp, fn) in tallies.items():
            s = scores(tp, fp, fn)
            table.append([name, s.precision, s.recall, s.f1, s.support])
        role = "tuning split" if split == "train" else "reported split"
        print(f"\n## CoNLL-2010 Wikipedia {split}.csv ({role}): {len(rows)} sentences, {positives} uncertain\n")
        print(format_table(["system", "precision", "recall", "F1", "uncertain"], table))
        print(f"\ngraded {len(rows)} sentences in {seconds:.2f} s")
        if args.terms and split == "train":
            print("\ncue precision on train (hits, share uncertain):")
            for term, n in hits.most_common():
                print(f"  {term:<28} {n:>5}  {true[term] / n:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
