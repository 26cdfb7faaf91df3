"""Long documents: candidate pairs from the shingle index against exhaustive matching, side by side.

Builds one long document of real news text: every BBC article (sorted), then PolNeAR train texts
until it has ``--sentences`` sentences, with ``--planted`` known near duplicates inserted (a
sentence copied further on with one word changed). Then, in one process:

1. Sentence splitting (``split_sentences``): one process (baseline) and all cores; against syntok
   alone, see ``bench_segment.py``.
2. Sentence pairs, rapidfuzz level (the issue's measure): ``fuzz.ratio`` >= ``--ratio`` on
   normalised sentences. Baseline: exhaustive ``process.cdist`` (workers=-1) on ``--sample`` random
   rows against all sentences, extrapolated to all n(n-1)/2 pairs by the share of pairs it scored
   (cdist's cost is linear in the pairs it scores). Indexed: ``candidate_pairs`` then the same
   ``fuzz.ratio`` on each candidate. Recall: of the pairs the exhaustive run found in the sample
   rows, the share the indexed run found; plus the planted pairs.
3. The engine's ``find_duplicates`` (windows, combined scorer) as it runs on a long document
   (``checks.duplicates.indexed``: a sentence shares one rare shingle, then a signature bound),
   and its recall of window matches against the exhaustive search on the windows of sample rows,
   on the first ``--engine-sentences`` sentences.
4. Peak memory (tracemalloc) of the candidate stage at n/4, n/2 and n sentences: linear or not.

Timings are the median of ``--runs`` runs (stage 3 runs once: it is minutes exhaustive). The
machine is shared; read the ratios measured in this same run.

Usage: .venv/bin/python benchmarks/bench_scale.py [--bbc DIR] [--polnear DIR] [--sentences N]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import data_folder, format_table, median_time  # noqa: E402

from checks.duplicates.shingles import content_stems  # noqa: E402
from checks.duplicates.window_candidates import candidate_pairs  # noqa: E402
from checks.duplicates.search import find_duplicates  # noqa: E402
from checks.model import Document  # noqa: E402
from checks.text.segment import parse_article, split_paragraphs, split_sentences  # noqa: E402
from checks.text.words import normalise  # noqa: E402


def long_text(bbc: Path, polnear: Path | None, sentences: int) -> str:
    """BBC then PolNeAR articles, a blank line apart, a little more than ``sentences`` sentences."""
    files = sorted((bbc / "bbc").glob("*/*.txt")) or sorted(bbc.glob("**/*.txt"))
    if polnear is not None:
        files += sorted((polnear / "train" / "text").glob("*.txt"))
    texts = []
    approx = 0
    for f in files:
        raw = f.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
        texts.append(text.replace("\r\n", "\n").strip())
        approx += text.count(". ") + 1
        if approx > sentences * 1.2:
            break
    return "\n\n".join(texts) + "\n"


def plant(text: str, sents, paragraphs, count: int, seed: int) -> tuple[str, list[tuple[str, str]]]:
    """Copy ``count`` random sentences (8+ words, 4+ content words) with one word changed, each as
    a paragraph of its own somewhere after the original: known near duplicates."""
    rng = random.Random(seed)
    pool = [s for s in sents[: len(sents) // 2] if len(s.text.split()) >= 8 and len(content_stems(s.text)) >= 4]
    inserts: dict[int, list[str]] = {}
    planted = []
    for s in rng.sample(pool, min(count, len(pool))):
        words = s.text.split()
        k = rng.randrange(1, len(words) - 1)
        words[k] = "notably" if words[k] != "notably" else "plainly"
        copy = " ".join(words)
        at = rng.randrange(s.paragraph + 1, len(paragraphs))
        inserts.setdefault(at, []).append(copy)
        planted.append((s.text, copy))
    out = []
    for k, p in enumerate(paragraphs):
        out.append(text[p.start : p.end])
        out.extend(inserts.get(k, ()))
    return "\n\n".join(out) + "\n", planted



def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bbc", help="BBC folder (default ../shared/data/bbc)")
    ap.add_argument("--polnear", help="PolNeAR folder (default ../shared/data/polnear)")
    ap.add_argument("--sentences", type=int, default=50_000)
    ap.add_argument("--planted", type=int, default=200)
    ap.add_argument("--sample", type=int, default=1000, help="rows of the exhaustive sample")
    ap.add_argument("--ratio", type=float, default=85.0, help="fuzz.ratio threshold (stage 2)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--engine-sample", type=int, default=100, help="rows of stage 3's exhaustive sample")
    ap.add_argument("--engine-sentences", type=int, default=10_000,
                    help="stage 3 runs on the document's first N sentences (its merge step is slow on more)")
    ap.add_argument("--skip-engine", action="store_true", help="leave out stage 3 (minutes)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--stages", type=int, nargs="*", metavar="N",
                    help="only time each engine stage on the first N sentences (e.g. 10000 20000), then stop")
    ap.add_argument("--scan", action="store_true",
                    help="also time `sourcecheck scan --format json` of every BBC and PolNeAR train text as one file")
    ap.add_argument("--scan-only", action="store_true", help="only the whole-document scans (about a minute)")
    args = ap.parse_args()
    bbc = data_folder(args.bbc, "bbc")
    polnear = data_folder(args.polnear, "polnear")
    if args.scan_only:
        _whole_scan(bbc, polnear)
        return 0

    if args.stages:
        for m in args.stages:
            _stages(long_text(bbc, polnear, m), m)
        return 0
    text = long_text(bbc, polnear, args.sentences)
    paragraphs = split_paragraphs(text)
    print(f"input: {len(text) / 1e6:.1f} MB, {len(paragraphs)} paragraphs")

    # 1. Sentence splitting.
    t_serial, sents = median_time(lambda: split_sentences(text, paragraphs, workers=1), 1)
    t_par, sents_par = median_time(lambda: split_sentences(text, paragraphs), 1)
    assert sents_par == sents, "parallel splitting must give the serial result"
    print(format_table(
        ["sentence splitting", "seconds", "sentences/s", "vs one process"],
        [["split_sentences, one process (baseline)", f"{t_serial:.2f}", f"{len(sents) / t_serial:,.0f}", "1.00x"],
         ["split_sentences, all cores", f"{t_par:.2f}", f"{len(sents) / t_par:,.0f}", f"{t_serial / t_par:.2f}x"]],
    ))
    keep = sents[min(args.sentences - args.planted, len(sents)) - 1]
    text, planted = plant(text, sents, paragraphs[: keep.paragraph + 1], args.planted, args.seed)
    doc = parse_article(text, parse_metadata=False)
    texts = [s.text for s in doc.sentences]
    n = len(texts)
    print(f"document: {n} sentences, {len(text) / 1e6:.1f} MB, {len(planted)} planted near copies")

    # 2. Rapidfuzz level, on the sentences the engine can report (4+ content words, as its
    # scorer asks): "___." twice is no duplicate passage.
    norm = [normalise(t) for t in texts]
    eligible = [i for i, t in enumerate(texts) if len(content_stems(t)) >= 4]
    rng = random.Random(args.seed)
    rows = sorted(rng.sample(eligible, min(args.sample, len(eligible))))
    columns = [norm[i] for i in eligible]

    def exhaustive_sample():
        m = process.cdist([norm[i] for i in rows], columns, scorer=fuzz.ratio, score_cutoff=args.ratio,
                          workers=-1, dtype=np.uint8)
        found = set()
        for k, i in enumerate(rows):
            for j in (eligible[c] for c in np.flatnonzero(m[k]).tolist()):
                if j != i:
                    found.add((min(i, j), max(i, j)))
        return found

    def indexed():
        cands = candidate_pairs(texts)
        return {(i, j) for i, j in cands if fuzz.ratio(norm[i], norm[j], score_cutoff=args.ratio)}, len(cands)

    e = len(eligible)
    t_ex, truth = median_time(exhaustive_sample, args.runs)
    scale = (e * (e - 1) / 2) / (len(rows) * e)
    t_ex_all = t_ex * scale
    t_ix, (found, n_cands) = median_time(indexed, args.runs)
    hit = sum(1 for p in truth if p in found)
    recall = hit / len(truth) if truth else 1.0
    where = {t: i for i, t in enumerate(texts)}
    planted_found = sum(1 for a, b in planted if (min(where.get(a, -1), where.get(b, -1)), max(where.get(a, -1), where.get(b, -1))) in found)
    print(format_table(
        [f"sentence pairs, fuzz.ratio >= {args.ratio:g}", "seconds", "pairs scored", "vs exhaustive"],
        [[f"exhaustive cdist, {len(rows)} rows x {e} (measured)", f"{t_ex:.2f}", f"{len(rows) * e:,}", ""],
         [f"exhaustive cdist, all pairs (extrapolated x{scale:.1f})", f"{t_ex_all:.1f}", f"{e * (e - 1) // 2:,}", "1.00x"],
         ["shingle index + fuzz.ratio on candidates", f"{t_ix:.2f}", f"{n_cands:,}", f"{t_ex_all / t_ix:.0f}x faster"]],
    ))
    print(f"{e} of {n} sentences have 4+ content words; recall on the sample rows: {hit}/{len(truth)} = "
          f"{recall:.4f}; planted near copies found: {planted_found}/{len(planted)}; pairs found in all: {len(found)}")
    for i, j in [p for p in truth if p not in found][:3]:
        print(f"  missed ({fuzz.ratio(norm[i], norm[j]):.0f}): {texts[i][:70]!r} | {texts[j][:70]!r}")
    for a, b in planted:
        i, j = where.get(a, -1), where.get(b, -1)
        if (min(i, j), max(i, j)) not in found:
            why = "not one sentence after splitting" if min(i, j) < 0 else f"fuzz.ratio {fuzz.ratio(norm[i], norm[j]):.0f}"
            print(f"  planted copy missed ({why}): {b[:90]!r}")

    # 3. The engine's find_duplicates.
    if not args.skip_engine:
        m = min(args.engine_sentences, n)
        part = doc if m == n else parse_article(text[: doc.sentences[m - 1].end], parse_metadata=False)
        _engine(part, [r for r in rows if r < m][: args.engine_sample], args)

    if args.scan:
        _whole_scan(bbc, polnear)

    # 4. Memory of the candidate stage.
    mem_rows = []
    for frac in (4, 2, 1):
        part = texts[: n // frac]
        tracemalloc.start()
        candidate_pairs(part)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        mem_rows.append([f"{len(part):,}", f"{peak / 1e6:.0f}", f"{peak / len(part):,.0f}"])
    print(format_table(["candidate stage: sentences", "peak MB (tracemalloc)", "bytes/sentence"], mem_rows))
    print(f"process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


def _engine(doc: Document, rows: list[int], args: argparse.Namespace) -> None:
    """find_duplicates as the engine runs it on a long document (light pass, shingle index,
    signature gate, lazy tokens: ``checks.duplicates.indexed``), against its exhaustive search on
    the windows of the sample rows. Recall is counted on window matches (pairs scoring at least
    the threshold), where both runs use the very same scorer."""
    from checks.duplicates.gates import verify_pairs
    from checks.duplicates.search import DEFAULT_MIN_SCORE, _windows
    from checks.duplicates.indexed import LightWindows, _LazyWindow, indexed_window_pairs
    from checks.duplicates.similarity import rarity_weights

    start = time.perf_counter()
    reported = find_duplicates(doc)
    t_indexed = time.perf_counter() - start

    row_set = set(rows)
    start = time.perf_counter()
    windows = _windows(doc, 0, 2)
    weights = rarity_weights(w.prepared for w in windows if w.first == w.last)
    t_floor = time.perf_counter() - start
    chosen = [k for k, w in enumerate(windows) if w.first in row_set]
    start = time.perf_counter()
    pairs = ((min(k, j), max(k, j)) for k in chosen for j in range(len(windows)) if j != k)
    truth = {_match_key(m) for m in verify_pairs(windows, pairs, DEFAULT_MIN_SCORE, weights)}
    t_sample = time.perf_counter() - start
    w = len(windows)
    scale = (w * (w - 1) / 2) / max(1, len(chosen) * (w - 1))
    t_ex_all = t_floor + t_sample * scale

    light = LightWindows(doc, 2)
    codes, totals = indexed_window_pairs(light, DEFAULT_MIN_SCORE, min_content=4, min_shared=3, bonus=10.0)
    lazy = [_LazyWindow(light, k) for k in range(len(light))]
    sample_pairs = [(i, j) for i, j in (divmod(c, len(light)) for c in codes.tolist())
                    if light.firsts[i] in row_set or light.firsts[j] in row_set]
    got = {_match_key(m) for m in verify_pairs(lazy, sample_pairs, DEFAULT_MIN_SCORE, light.weights,
                                                 contents=light.contents, totals=totals)}
    recall = len(truth & got) / len(truth) if truth else 1.0
    print(format_table(
        [f"find_duplicates, {len(doc.sentences)} sentences, {w} windows", "seconds", "vs exhaustive"],
        [["tokenise every window (the exhaustive search's floor)", f"{t_floor:.2f}", ""],
         [f"exhaustive, {len(chosen)} sample windows x all (measured)", f"{t_sample:.1f}", ""],
         [f"exhaustive, all window pairs (extrapolated x{scale:.0f})", f"{t_ex_all:.0f}", "1.00x"],
         [f"as the engine runs it ({len(codes):,} window pairs past the signature gate)",
          f"{t_indexed:.2f}", f"{t_ex_all / t_indexed:.0f}x faster"]],
    ))
    print(f"engine recall on the sample windows' matches (score >= {DEFAULT_MIN_SCORE:g}): "
          f"{len(truth & got)}/{len(truth)} = {recall:.4f}; duplicate passage pairs reported: {len(reported)}")
    for key in sorted(truth - got)[:5]:
        a = doc.text[doc.sentences[key[0]].start : doc.sentences[key[1]].end]
        b = doc.text[doc.sentences[key[2]].start : doc.sentences[key[3]].end]
        print(f"  missed: {a[:80]!r} | {b[:80]!r}")


def _match_key(m) -> tuple[int, int, int, int]:
    return (m.a.first, m.a.last, m.b.first, m.b.last)


def _stages(text: str, m: int) -> None:
    """Each stage of the analysis on the first ``m`` sentences: which one grows fastest."""
    from checks import default_lexicon, grade_sentences
    from checks.style.text_flags import find_text_flags

    cut = parse_article(text, parse_metadata=False).sentences[m - 1].end
    lexicon = default_lexicon()
    t, doc = median_time(lambda: parse_article(text[:cut]), 1)
    rows = [["parse_article (segmentation)", f"{t:.1f}"]]
    t, grades = median_time(lambda: grade_sentences(doc, lexicon=lexicon), 1)
    rows.append(["grade_sentences", f"{t:.1f}"])
    t, pairs = median_time(lambda: find_duplicates(doc), 1)
    rows.append([f"find_duplicates ({len(pairs)} pairs)", f"{t:.1f}"])
    t, _ = median_time(lambda: find_text_flags(doc, grades, lexicon=lexicon), 1)
    rows.append(["find_text_flags", f"{t:.1f}"])
    print(format_table([f"stage, {len(doc.sentences)} sentences ({cut / 1e6:.2f} MB)", "seconds"], rows))


def _timed_scan(path: Path):
    """`sourcecheck scan --format json PATH` in a fresh wrapper process: wall seconds, the peak
    resident memory of its largest process (MB), and the completed process."""
    import os
    import subprocess

    script = Path(sys.executable).with_name("sourcecheck")
    wrapper = (
        "import resource, subprocess, sys\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "sys.stdout.write(done.stdout)\n"
        "sys.stderr.write(f'{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n' + done.stderr)\n"
        "sys.exit(done.returncode)\n"
    )
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", wrapper, str(script), "scan", "--format", "json", str(path)],
                         capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    wall = time.perf_counter() - start
    peak_kb, _, out.stderr = out.stderr.partition("\n")
    return wall, int(peak_kb) / 1024, out


def _whole_scan(bbc: Path, polnear: Path) -> None:
    """The CLI on one file holding every BBC article and every PolNeAR train text: wall time, peak
    memory, and whether each BBC exact-duplicate pair of files shows up as a duplicate pair."""
    import csv
    import json
    import tempfile

    files = sorted((bbc / "bbc").glob("*/*.txt")) + sorted((polnear / "train" / "text").glob("*.txt"))
    parts, where, pos = [], {}, 0
    for f in files:
        raw = f.read_bytes()
        try:
            text = raw.decode("utf-8").replace("\r\n", "\n").strip()
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace").replace("\r\n", "\n").strip()
        where[f.relative_to(bbc).as_posix() if f.is_relative_to(bbc) else f.name] = (pos, pos + len(text))
        parts.append(text)
        pos += len(text) + 2
    folder = Path(tempfile.mkdtemp(prefix="sourcecheck-bench-"))
    # A quarter and a half of the files first: time and memory should grow in step with the text.
    for share in (4, 2):
        head = folder / f"first-1-{share}.txt"
        head.write_text("\n\n".join(parts[: len(parts) // share]) + "\n", encoding="utf-8")
        wall, peak, out = _timed_scan(head)
        sentences = len(json.loads(out.stdout)["sentences"]) if out.returncode in (0, 1) else 0
        print(f"scan of the first 1/{share} of the files: {head.stat().st_size / 1e6:.1f} MB, {sentences} sentences, "
              f"{wall:.1f} s wall, peak RSS {peak:.0f} MB")
    big = folder / "everything.txt"
    big.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    wall, peak, out = _timed_scan(big)
    groups: dict[str, list[str]] = {}
    with open(bbc / "index.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if int(row["exact_dup_group_size"]) > 1:
                groups.setdefault(row["norm_sha1"], []).append(row["path"])
    reported = 0
    if out.returncode in (0, 1):
        data = json.loads(out.stdout)
        # A pair of copies next to another pair of copies comes back as one passage pair across
        # both articles: a group counts as reported when one pair's passages overlap its two copies.
        spans = [(d["a"]["start"], d["a"]["end"], d["b"]["start"], d["b"]["end"]) for d in data["duplicates"]]

        def overlaps(x0: int, x1: int, y0: int, y1: int) -> bool:
            return x0 < y1 and y0 < x1

        for paths in groups.values():
            (a0, a1), (b0, b1) = where[paths[0]], where[paths[1]]
            if any(
                (overlaps(x0, x1, a0, a1) and overlaps(y0, y1, b0, b1))
                or (overlaps(x0, x1, b0, b1) and overlaps(y0, y1, a0, a1))
                for x0, x1, y0, y1 in spans
            ):
                reported += 1
        print(f"whole scan: {big.stat().st_size / 1e6:.1f} MB, {len(data['sentences'])} sentences, "
              f"{wall:.1f} s wall, peak RSS {peak:.0f} MB, exit {out.returncode}; "
              f"BBC exact-duplicate pairs reported: {reported}/{len(groups)}")
    else:
        print(f"whole scan failed (exit {out.returncode}) after {wall:.1f} s: {out.stderr.strip()[:200]}")


if __name__ == "__main__":
    sys.exit(main())
