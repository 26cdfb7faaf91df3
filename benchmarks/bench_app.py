"""How fast the review app paints a large article and moves between its flags.

    python benchmarks/bench_app.py [ARTICLE] [--verdicts N]

Without ARTICLE it generates ~1 MB of text (about 10,000 sentences in 2,000 paragraphs). The
engine's own time (segmenting, analysing) is printed apart: it runs in a worker behind a loading
indicator, so it delays the flags but never freezes the screen. Flags are synthetic (every third
sentence, kinds in turn) so the numbers measure the app, not the detectors.

Targets: first paint under 1 s, next flag under 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from checks import Analysis, Document, Flag, FlagKind, read_article  # noqa: E402
from checks.flags import assign_ids  # noqa: E402
from checks.review.verdicts import Decision, Verdict  # noqa: E402

WORDS = (
    "the council minister officials said reported that budget vote on Monday after talks with "
    "a spokesman for ministry which would not comment further according to sources close plan"
).split()


def generated_article(target_bytes: int = 1_000_000, seed: int = 7) -> str:
    rng = random.Random(seed)
    paragraphs, size = [], 0
    while size < target_bytes:
        sentences = []
        for _ in range(5):
            words = [rng.choice(WORDS) for _ in range(rng.randint(12, 22))]
            sentences.append(" ".join(words).capitalize() + ".")
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "date 2026-01-15\n" + "\n\n".join(paragraphs) + "\n"


def synthetic_analysis(document: Document) -> Analysis:
    kinds = [k for k in FlagKind if k is not FlagKind.DUPLICATE]
    flags = [
        Flag("", kinds[n % len(kinds)], s.start, s.end, s.text, "synthetic flag", sentence=s.index)
        for n, s in enumerate(document.sentences[::3])
    ]
    return Analysis(document=document, grades=(), duplicates=(), flags=assign_ids(flags))


async def measure(path: Path, verdict_count: int) -> None:
    from tui import ArticleView, make_app
    from sourcecheck.review import start_process_helpers

    started = time.perf_counter()
    document = read_article(path)
    segmented = time.perf_counter() - started
    analysis = synthetic_analysis(document)
    print(f"article: {path.name}, {len(document.text) / 1e6:.2f} MB, {len(document.sentences)} sentences, "
          f"{len(document.paragraphs)} paragraphs, {len(analysis.flags)} flags")
    print(f"engine, in the loading worker: segmenting {segmented:.2f} s")

    start_process_helpers()  # as the launcher does, before Textual replaces stderr
    app = make_app([path], reviewer="bench", analyzer=lambda _doc: analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.review_screen
        session = screen.session
        if session.loaded is None:
            raise SystemExit(f"the app could not open the article: {session.error}")
        for flag in analysis.flags[:verdict_count]:
            session.apply(session.review.with_verdict(Verdict.for_flag(flag, Decision.ACCEPTED, by="bench")))
        article = screen.query_one(ArticleView)
        height = article.scrollable_content_region.height

        def paint() -> None:
            for y in range(height):
                article.render_line(y)

        t0 = time.perf_counter()
        article.show_document(document, analysis.flags)
        article.current = 0
        paint()
        first_paint = time.perf_counter() - t0
        print(f"first paint (wrap {len(article.line_map)} lines + draw the screen): {first_paint * 1000:.0f} ms")

        steps = []
        for _ in range(50):
            t0 = time.perf_counter()
            screen.action_next_flag()
            paint()
            steps.append(time.perf_counter() - t0)
        steps.sort()
        print(f"next flag (state, panels, redraw): median {steps[len(steps) // 2] * 1000:.1f} ms, "
              f"worst {steps[-1] * 1000:.1f} ms")

        # Pilot's own round trip (~0.1 s per key) would swamp these numbers, so the actions are
        # called directly, as the key bindings call them.
        t0 = time.perf_counter()
        screen.action_next_open()
        paint()
        print(f"next unresolved past {verdict_count} verdicts: {(time.perf_counter() - t0) * 1000:.1f} ms")

        t0 = time.perf_counter()
        screen._refresh_panels()
        print(f"progress, checklist and legend refresh after a verdict: {(time.perf_counter() - t0) * 1000:.1f} ms")
        session.dirty = False  # the verdicts above were for timing; do not write them


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", help="an article file (default: a generated 1 MB one)")
    parser.add_argument("--verdicts", type=int, default=1000, help="verdicts to add before timing (default 1000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.article:
            path = Path(folder) / Path(args.article).name
            path.write_bytes(Path(args.article).read_bytes())
        else:
            path = Path(folder) / "generated-1mb.txt"
            path.write_text(generated_article(), encoding="utf-8")
        asyncio.run(measure(path, args.verdicts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
