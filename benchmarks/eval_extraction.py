"""Article text from saved web pages: our HTML extractor against the article extraction benchmark.

    .venv/bin/python benchmarks/eval_extraction.py [--data ../shared/data/article_extraction]

Scores as the benchmark's evaluate.py does (see the folder's NOTICE): ``\\w+`` tokens, 4-token
shingle multisets, per-page tp/fp/fn normalised to sum 1; precision the mean over pages that
predicted something, recall the mean over pages with truth text, F1 of the two means. Beside it,
in the same run, the whole-page-text baseline (every text node of the page but scripts and styles,
as html-text does). Time: ``checks.text.extract_html.extract_html`` alone on each page's bytes,
after one warm-up page (imports), median and slowest.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import data_folder  # noqa: E402

from checks import ArticleError  # noqa: E402
from checks.text.extract_html import extract_html  # noqa: E402

_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text)
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_counts(predicted: str, truth: str) -> tuple[float, float, float]:
    p, t = shingles(predicted), shingles(truth)
    tp = sum((p & t).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def score(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    """(precision, recall, F1) as the benchmark computes them."""
    precisions, recalls = [], []
    for predicted, truth in pairs:
        tp, fp, fn = page_counts(predicted, truth)
        if _TOKEN.search(predicted):
            precisions.append(tp / (tp + fp) if tp + fp else 1.0)
        if _TOKEN.search(truth):
            recalls.append(tp / (tp + fn) if tp + fn else 0.0)  # an empty prediction: recall 0
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def whole_page_text(data: bytes) -> str:
    """Every text node but scripts, styles and comments: the benchmark's html-text baseline."""
    import lxml.html

    root = lxml.html.fromstring(data)
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    return " ".join(" ".join(root.itertext()).split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="the article_extraction folder (default ../shared/data/article_extraction)")
    args = parser.parse_args()
    folder = data_folder(args.data, "article_extraction")
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted(truth)
    extract_html((folder / "html" / f"{pages[0]}.html").read_bytes())  # warm-up: imports
    ours, whole, times, refused = [], [], [], 0
    for page in pages:
        data = (folder / "html" / f"{page}.html").read_bytes()
        body = truth[page]["articleBody"]
        t0 = time.perf_counter()
        try:
            text = extract_html(data).text
        except ArticleError:
            text, refused = "", refused + 1
        times.append(time.perf_counter() - t0)
        ours.append((text, body))
        whole.append((whole_page_text(data), body))
    print(f"{len(pages)} pages of {folder}")
    print(f"{'extractor':<34} {'F1':>6} {'prec':>6} {'recall':>6}")
    for name, pairs in (("sourcecheck (trafilatura walk)", ours), ("whole page text (baseline)", whole)):
        p, r, f = score(pairs)
        print(f"{name:<34} {f:6.3f} {p:6.3f} {r:6.3f}")
    print(f"pages refused as having no article text: {refused}")
    print(f"extraction time: median {statistics.median(times) * 1000:.0f} ms, "
          f"slowest {max(times) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
