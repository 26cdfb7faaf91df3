"""A reference corpus: index build cold and warm, corpus-wide duplicates, reuse in one article.

On the BBC corpus (2,225 articles; ``index.csv`` lists 101 exact-duplicate groups), in one run
with a fresh cache folder (so "cold" is cold):

* loading the index: cold (read + segment every file, fill the SQLite cache) and warm (cache hit);
* ``corpus_duplicates``: exact groups found against ``index.csv``, near duplicates beyond them;
  baseline: exhaustive ``process.cdist`` (fuzz.ratio, workers=-1) of every corpus sentence with
  every other, timed on ``--sample`` rows and extrapolated by the share of pairs it scored;
* ``find_reuse`` for one article; baseline: ``compare_documents`` of the article with every corpus
  document (timed on ``--sample-docs`` documents, extrapolated to all);
* the commands end to end, warm: ``sourcecheck dupes DIR`` and ``sourcecheck scan FILE --against DIR``.

Timings are medians of ``--runs`` runs. The machine is shared: read the ratios of this same run.

Usage: .venv/bin/python benchmarks/bench_corpus.py [--bbc DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import data_folder, format_table, median_time  # noqa: E402

from checks import read_article  # noqa: E402
from checks.corpus.index import corpus_duplicates, find_reuse  # noqa: E402
from checks.corpus.cache import CACHE_ENV, load_corpus_index  # noqa: E402
from checks.duplicates.search import compare_documents  # noqa: E402
from checks.text.words import normalise  # noqa: E402

SCRIPT = Path(sys.executable).with_name("sourcecheck")



def known_groups(bbc: Path) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    with open(bbc / "index.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if int(row["exact_dup_group_size"]) > 1:
                groups.setdefault(row["norm_sha1"], set()).add(row["path"])
    return {frozenset(g) for g in groups.values()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bbc", help="BBC folder (default ../shared/data/bbc)")
    ap.add_argument("--article", default="bbc/business/007.txt", help="article to scan, inside the folder")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sample", type=int, default=1000, help="rows of the exhaustive sentence sample")
    ap.add_argument("--sample-docs", type=int, default=200, help="documents of the brute-force reuse sample")
    args = ap.parse_args()
    bbc = data_folder(args.bbc, "bbc")
    cache = tempfile.mkdtemp(prefix="sourcecheck-bench-cache-")
    os.environ[CACHE_ENV] = cache

    t_cold, index = median_time(lambda: load_corpus_index(bbc), 1)
    t_warm, index = median_time(lambda: load_corpus_index(bbc), args.runs)
    print(format_table(
        [f"index of {bbc}", "seconds", "vs cold"],
        [[f"cold: read + segment {len(index.documents)} files, {index.sentence_count} sentences", f"{t_cold:.2f}", "1.00x"],
         ["warm: from the SQLite cache", f"{t_warm:.2f}", f"{t_cold / t_warm:.1f}x faster"]],
    ))

    t_dupes, found = median_time(lambda: corpus_duplicates(index), args.runs)
    truth = known_groups(bbc)
    # Corpus paths are relative to the folder, as index.csv's are.
    got = [frozenset(g) for g in found.exact_groups]
    hits = sum(1 for g in truth if any(g <= h for h in got))
    texts = [normalise(s.text) for c in index.documents for s in c.document.sentences]
    n = len(texts)
    rows = sorted(random.Random(1).sample(range(n), min(args.sample, n)))
    t_ex, _ = median_time(
        lambda: process.cdist([texts[i] for i in rows], texts, scorer=fuzz.ratio, score_cutoff=90,
                              workers=-1, dtype=np.uint8), args.runs)
    scale = (n * (n - 1) / 2) / (len(rows) * n)
    print(format_table(
        ["corpus-wide duplicates", "seconds", "vs exhaustive"],
        [[f"exhaustive cdist of sentences (measured {len(rows)} rows, x{scale:.0f})", f"{t_ex * scale:.0f}", "1.00x"],
         ["corpus_duplicates (shingle index + fuzz.ratio >= 90)", f"{t_dupes:.2f}", f"{t_ex * scale / t_dupes:.0f}x faster"]],
    ))
    print(f"exact-duplicate groups of index.csv found: {hits}/{len(truth)}; "
          f"groups reported: {len(found.exact_groups)}; near duplicates beyond them: {len(found.near)}")

    article_path = bbc / args.article
    article = read_article(article_path)
    t_reuse, flags = median_time(lambda: find_reuse(article, index), args.runs)
    docs = random.Random(2).sample(list(index.documents), min(args.sample_docs, len(index.documents)))
    t_brute, _ = median_time(lambda: [compare_documents(article, c.document) for c in docs], 1)
    brute_all = t_brute * len(index.documents) / len(docs)
    print(format_table(
        [f"reuse in {args.article}", "seconds", "vs brute force"],
        [[f"compare_documents with every document (measured {len(docs)}, extrapolated)", f"{brute_all:.1f}", "1.00x"],
         ["find_reuse through the index", f"{t_reuse:.3f}", f"{brute_all / t_reuse:.0f}x faster"]],
    ))
    for f in flags:
        print(f"  {f.message}")

    env = {**os.environ, CACHE_ENV: cache}
    commands = {
        f"sourcecheck dupes {bbc}": [str(SCRIPT), "dupes", str(bbc)],
        f"sourcecheck scan {args.article} --against {bbc}": [str(SCRIPT), "scan", str(article_path), "--against", str(bbc)],
    }
    rows_out = []
    for label, cmd in commands.items():
        t, rc = median_time(lambda: subprocess.run(cmd, env=env, capture_output=True).returncode, args.runs)
        rows_out.append([label, f"{t:.2f}", str(rc)])
    print(format_table(["command, warm cache (wall clock)", "seconds", "exit"], rows_out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
