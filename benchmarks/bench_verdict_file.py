"""How long ``sourcecheck report`` takes, and how much memory, on a 100k-verdict file (~10 MB).

    .venv/bin/python benchmarks/bench_verdict_file.py [--verdicts 100000]

Writes a review of the seed article holding a verdict on each of its flags plus ``--verdicts``
verdicts on flags the article no longer has (orphans, each a line of the report), the shape of a
long report's review. Then runs, each in a fresh process: ``report`` with that file, ``report`` with
no verdict file (the baseline in the same run: start-up and analysis only), and the file's load
alone (``ReviewStore.load``) through the fast reader and through YAML (libyaml, GC paused). Prints seconds and
peak memory (max RSS) of each; the target is < 3 s for the report and a lean load.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "north-korea-talks.txt"

_WRITE = """
import sys
from checks import analyze, read_article
from checks.review.verdicts import Decision, Review, Verdict
from checks.review.yaml_form import dump_review
doc = read_article(sys.argv[1])
analysis = analyze(doc)
stale = [Verdict(f"unsourced-{i:012x}", "unsourced", Decision.ACCEPTED, f"Sentence {i}.", i * 70, i * 70 + 12)
         for i in range(int(sys.argv[3]))]
live = [Verdict.for_flag(f, Decision.KEEP_BOTH if f.kind == "duplicate" else Decision.ACCEPTED, by="ed")
        for f in analysis.flags]
review = Review(str(sys.argv[1]), doc.sha256, reviewer="ed", verdicts=(*live, *stale))
open(sys.argv[2], "w", encoding="utf-8").write(dump_review(review))
"""

_LOAD = """
import sys
from checks.review import fast_load
from checks.review.store import ReviewStore
if sys.argv[2] == "yaml":
    fast_load.parse_review_text.__kwdefaults__["min_lines"] = 10**12
print(len(ReviewStore(sys.argv[1]).load().verdicts))
"""


def _run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process (its own rusage, from wait4)."""
    t0 = time.perf_counter()
    child = subprocess.Popen([sys.executable, *args], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             env={**os.environ, "PYTHONPATH": str(REPO)})
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - t0
    child.returncode = os.waitstatus_to_exitcode(status)
    err = child.stderr.read().decode(errors="replace") if child.stderr else ""
    if child.returncode != 0:
        sys.exit(f"bench_verdict_file: {' '.join(args[:4])} failed: {err.strip()[-300:]}")
    return elapsed, usage.ru_maxrss / 1024  # kB on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verdicts", type=int, default=100_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.review.yaml"
        subprocess.run([sys.executable, "-c", _WRITE, str(SEED), str(path), str(args.verdicts)], cwd=REPO,
                       check=True, env={**os.environ, "PYTHONPATH": str(REPO)})
        size = path.stat().st_size
        report = ["-m", "sourcecheck", "report", str(SEED)]
        out = str(Path(tmp) / "report.md")
        rows = [
            ("report, no verdict file (baseline)", _run([*report, "-o", out])),
            ("report, this verdict file", _run([*report, "--verdicts", str(path), "-o", out])),
            ("load alone, fast reader", _run(["-c", _LOAD, str(path), "fast"])),
            ("load alone, YAML (GC paused)", _run(["-c", _LOAD, str(path), "yaml"])),
        ]
    print(f"verdict file: {args.verdicts:,} stale verdicts + the seed's flags, {size / 1e6:.1f} MB")
    base = rows[0][1][0]
    for name, (seconds, peak) in rows:
        print(f"  {name:<36} {seconds:6.2f} s  ({seconds / base:4.1f}x baseline)  peak RSS {peak:6.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
