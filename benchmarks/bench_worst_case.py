"""Seconds per MB of the whole analysis on hostile inputs, beside ordinary news in the same run.

The inputs an editor may open by mistake, or a transcript full of quotes, must not take minutes:
every stage should stay near linear in the text. Each input is built from real text (BBC articles,
saved web pages of the article-extraction benchmark) to about ``--kb`` kilobytes:

- ordinary news: BBC articles, each analysed on its own (the baseline);
- long sentences: BBC text with every full stop, ? and ! made a comma (sentences of thousands of words);
- quotation marks: BBC sentences each in quotation marks, no speaker, twenty to a paragraph;
- markup-like text: the largest saved web page read as plain text, cut to size (a "sentence" of
  100,000 characters and more);
- long lines: BBC text with every line break a space (one line);
- repeated text: one BBC article repeated until the size is reached.

Prints, for each input, its size, the seconds of ``parse_article`` + ``analyze`` and the seconds
per MB, and the ratio to ordinary news (target: within 3x).

Usage: .venv/bin/python benchmarks/bench_worst_case.py [--kb 100] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks._common import data_folder, format_table
from checks import analyze
from checks.text.segment import parse_article

TARGET_RATIO = 3.0


def _bbc_texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*/*.txt"))]


def _fill(pieces: list[str], size: int, sep: str = "\n\n") -> str:
    out, total = [], 0
    for piece in pieces:
        if total >= size:
            break
        out.append(piece)
        total += len(piece.encode("utf-8")) + len(sep)
    return sep.join(out)


def _quoted(texts: list[str], size: int) -> str:
    sentences = [s.strip() for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if len(s.strip()) > 20]
    quoted = [f"\u201c{s}\u201d" for s in sentences]
    paragraphs = [" ".join(quoted[k : k + 20]) for k in range(0, len(quoted), 20)]
    return _fill(paragraphs, size)


def inputs(data: Path, size: int) -> dict[str, Callable[[], list[bytes]]]:
    bbc = _bbc_texts(data / "bbc" / "bbc")
    news = _fill(bbc, size, "\n\n\n")  # articles apart: ordinary news is analysed one by one
    pages = sorted((data / "article_extraction" / "html").glob("*.html"), key=lambda p: -p.stat().st_size)
    return {
        "ordinary news (BBC, one by one)": lambda: [t.encode() for t in news.split("\n\n\n")],
        "long sentences": lambda: [re.sub(r"[.!?](\s)", r",\1", news).encode()],
        "quotation marks": lambda: [_quoted(bbc, size).encode()],
        "markup-like text (saved web page)": lambda: [p.read_bytes()[:size] for p in pages[:1]],
        "long lines": lambda: [" ".join(news.split("\n")).encode()],
        "repeated text": lambda: [(bbc[1] + "\n\n") .encode() * max(1, size // len(bbc[1].encode()))],
    }


def seconds(documents: list[bytes]) -> float:
    start = time.perf_counter()
    for data in documents:
        analyze(parse_article(data))
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=100, help="size of each input (default 100 kB)")
    parser.add_argument("--data", default=None, help="the shared data folder (default ../shared/data)")
    args = parser.parse_args(argv)
    data = data_folder(args.data, "")
    rows, base = [], None
    for name, build in inputs(data, args.kb * 1000).items():
        documents = build()
        mb = sum(len(d) for d in documents) / 1e6
        took = seconds(documents)
        rate = took / mb
        base = base or rate
        rows.append([name, f"{mb:.2f}", f"{took:.1f}", f"{rate:.1f}", f"{rate / base:.2f}x"])
        print(f"  {name}: {took:.1f} s", file=sys.stderr, flush=True)
    print(format_table(["input", "MB", "seconds", "s/MB", "vs news"], rows))
    worst = max(float(r[4][:-1]) for r in rows)
    print(f"worst ratio {worst:.2f}x (target within {TARGET_RATIO:.0f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
