"""Do verdicts survive edits? Real BBC articles, a verdict on every flag, realistic edits.

    .venv/bin/python benchmarks/bench_reattach.py [--data ../shared/data/bbc] [--sample 200] [--seed 7] [--share 1]

Each article is rebuilt from its own segmentation (title, paragraphs of sentences), so every
sentence of the edited version knows which old sentence it came from. Per edit type a verdict is:

* right: carried to a new flag of the same kind on the passage its old flag was on (for a duplicate
  pair: on the same two passages, either order), or orphaned when no such flag exists any more
  (the passage was deleted, or the edit changed what the engine flags there);
* weak right: offered to the reviewer as a weak match to the right flag (to confirm);
* lost: orphaned although the right flag exists; wrong: carried (or offered) to another flag.

"edited" counts only verdicts whose passage the edit touched (reworded, moved, deleted, typo); the
rest keep their id and are easy. The baseline matches by flag id only, in the same run.

``--share 0.5`` puts a verdict on a random half of the flags only, as a reviewer part-way through
would: a verdict then has no rival for a passage its old id or text now wrongly points at.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import data_folder, format_table  # noqa: E402

from checks import analyze, parse_article  # noqa: E402
from checks.model import Analysis, Flag, FlagKind  # noqa: E402
from checks.review.reattach import STRONG, WEAK, reattach  # noqa: E402
from checks.review.verdicts import Decision, Review, Verdict  # noqa: E402

FILLERS = ("also", "now", "still", "recently", "further", "then", "indeed", "just", "only", "already")
SYNONYMS = {
    "big": "large", "rose": "increased", "fell": "dropped", "firm": "company", "company": "firm",
    "buy": "purchase", "help": "assist", "start": "begin", "end": "finish", "show": "reveal",
    "people": "individuals", "many": "numerous", "quickly": "rapidly", "about": "around",
    "government": "administration", "plans": "proposals", "month": "period", "year": "twelve months",
    "new": "fresh", "told": "informed", "make": "create", "use": "employ", "get": "obtain",
}
_WORD = re.compile(r"[A-Za-z]{5,}")


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence of the rebuilt article; ``origin`` names the old sentence it came from."""

    text: str
    origin: int | None  # None: inserted by the edit


Article = list[list[Unit]]  # paragraphs of sentences; paragraph 0 is the title


def build(article: Article) -> tuple[str, list[tuple[int, int, int | None]]]:
    """Text of the article and each sentence's (start, end, origin)."""
    parts, spans, pos = [], [], 0
    for p, para in enumerate(article):
        if p:
            parts.append("\n\n")
            pos += 2
        for s, unit in enumerate(para):
            if s:
                parts.append(" ")
                pos += 1
            parts.append(unit.text)
            spans.append((pos, pos + len(unit.text), unit.origin))
            pos += len(unit.text)
    return "".join(parts), spans


def units_of(text: str) -> Article:
    doc = parse_article(text)
    title = [Unit(doc.title, None)] if doc.title else [Unit("Untitled", None)]
    paras: Article = [title]
    n = 0
    for para in doc.paragraphs:
        sents = [s for s in doc.sentences if s.paragraph == para.index]
        if sents:
            paras.append([Unit(s.text, (n := n + 1)) for s in sents])
    return paras


# --- edits: each returns (old article, new article, origins touched) -------------------------------


def _body_paragraph(article: Article, rng: random.Random, flagged: set[int]) -> int:
    with_flags = [i for i in range(1, len(article)) if any(u.origin in flagged for u in article[i])]
    return rng.choice(with_flags or list(range(1, len(article))))


def _flagged_sentence(article: Article, rng: random.Random, flagged: set[int]) -> tuple[int, int]:
    places = [(p, s) for p in range(1, len(article)) for s, u in enumerate(article[p]) if u.origin in flagged]
    return rng.choice(places or [(p, s) for p in range(1, len(article)) for s in range(len(article[p]))])


def _replace_unit(article: Article, p: int, s: int, text: str) -> Article:
    out = [list(para) for para in article]
    out[p][s] = Unit(text, article[p][s].origin)
    return out


def reword(share: float) -> Callable[..., tuple[Article, Article, set[int]]]:
    def edit(article: Article, rng: random.Random, flagged: set[int], donor: Article):
        p, s = _flagged_sentence(article, rng, flagged)
        words = article[p][s].text.split(" ")
        for _ in range(max(2, round(len(words) * share))):
            i = rng.randrange(1, len(words)) if len(words) > 1 else 0
            op = rng.choice(("synonym", "drop", "insert", "swap"))
            bare = words[i].strip(".,;:\"'").lower()
            if op == "synonym" and bare in SYNONYMS:
                words[i] = words[i].lower().replace(bare, SYNONYMS[bare])
            elif op == "drop" and len(words) > 4 and not words[i].endswith((".", '"', "?", "!")):
                del words[i]
            elif op == "swap" and 1 <= i < len(words) - 2:  # the last word keeps the full stop
                words[i], words[i + 1] = words[i + 1], words[i]
            else:
                words.insert(i, rng.choice(FILLERS))
        return article, _replace_unit(article, p, s, " ".join(words)), {article[p][s].origin}

    return edit


def move_paragraph(article: Article, rng: random.Random, flagged: set[int], donor: Article):
    if len(article) < 3:
        return article, article, set()
    i = _body_paragraph(article, rng, flagged)
    out = [list(para) for para in article]
    para = out.pop(i)
    j = rng.choice([k for k in range(1, len(out) + 1) if k != i])
    out.insert(j, para)
    return article, out, {u.origin for u in para}


def delete_paragraph(article: Article, rng: random.Random, flagged: set[int], donor: Article):
    if len(article) < 3:
        return article, article, set()
    i = _body_paragraph(article, rng, flagged)
    return article, article[:i] + article[i + 1 :], {u.origin for u in article[i]}


def fix_typo(article: Article, rng: random.Random, flagged: set[int], donor: Article):
    """The saved version had a typo (two letters swapped or one dropped); the new one is clean."""
    p, s = _flagged_sentence(article, rng, flagged)
    text = article[p][s].text
    words = list(_WORD.finditer(text))
    if not words:
        return article, article, set()
    w = rng.choice(words)
    k = rng.randrange(1, len(w.group()) - 1)
    word = w.group()
    typo = word[:k] + word[k + 1] + word[k] + word[k + 2 :] if rng.random() < 0.5 else word[:k] + word[k + 1 :]
    old = _replace_unit(article, p, s, text[: w.start()] + typo + text[w.end() :])
    return old, article, {article[p][s].origin}


def insert_above(article: Article, rng: random.Random, flagged: set[int], donor: Article):
    """A new first paragraph (two sentences of another article) above everything."""
    body = [u for para in donor[1:] for u in para][:2] or [Unit("An update was added here.", None)]
    new_para = [Unit(u.text, None) for u in body]
    return article, [article[0], new_para, *article[1:]], set()


def everything(article: Article, rng: random.Random, flagged: set[int], donor: Article):
    """All of the above on one article: typo fixed, sentence reworded, paragraph moved and one deleted."""
    touched: set[int] = set()
    old, cur, t = fix_typo(article, rng, flagged, donor)
    touched |= t
    for edit in (reword(0.15), move_paragraph, delete_paragraph, insert_above):
        _, cur, t = edit(cur, rng, flagged, donor)
        touched |= t
    return old, cur, touched


EDITS: dict[str, Callable[..., tuple[Article, Article, set[int]]]] = {
    "sentence reworded (~15% of words)": reword(0.15),
    "sentence reworded heavily (~35%)": reword(0.35),
    "paragraph moved": move_paragraph,
    "paragraph deleted": delete_paragraph,
    "typo fixed": fix_typo,
    "text inserted above": insert_above,
    "all of these at once": everything,
}


# --- scoring ------------------------------------------------------------------------------------


def origin_at(spans: list[tuple[int, int, int | None]], start: int, end: int) -> int | None:
    best, best_overlap = None, 0
    for a, b, origin in spans:
        overlap = min(b, end) - max(a, start)
        if overlap > best_overlap:
            best, best_overlap = origin, overlap
    return best


def place(flag: Flag, spans: list[tuple[int, int, int | None]]) -> tuple[str, object]:
    """Where a flag is, in terms of old sentences: its kind and origin (both passages for a duplicate)."""
    main = origin_at(spans, flag.start, flag.end)
    if flag.kind is FlagKind.DUPLICATE:
        return str(flag.kind), frozenset([main, *(origin_at(spans, r.start, r.end) for r in flag.related)])
    return str(flag.kind), main


def review_of(analysis: Analysis, rng: random.Random | None = None, share: float = 1.0) -> Review:
    """A verdict on every flag, or with ``rng`` on about ``share`` of them."""
    review = Review("article.txt", analysis.document.sha256)
    for f in analysis.flags:
        if rng is not None and rng.random() >= share:
            continue
        decision = Decision.KEEP_FIRST if f.kind is FlagKind.DUPLICATE else Decision.ACCEPTED
        review = review.with_verdict(Verdict.for_flag(f, decision, note=f"checked {f.id}", by="bench"))
    return review


def classify(outcome: str, flag: Flag | None, targets: set[str]) -> str:
    if outcome == "orphan":
        return "orphan right" if not targets else "lost"
    assert flag is not None
    return f"{outcome} {'right' if flag.id in targets else 'wrong'}"


def run_one(old_text, new_text, old_spans, new_spans, touched: set[int], tally: Counter, cache: dict, *, name: str, show: bool,
            thresholds: tuple[float, float] = (STRONG, WEAK), share: tuple[random.Random, float] | None = None):
    old = cache.get(old_text) or cache.setdefault(old_text, analyze(parse_article(old_text)))
    new = analyze(parse_article(new_text))
    review = review_of(old, *share) if share else review_of(old)
    where_new: dict[tuple[str, object], set[str]] = {}
    for f in new.flags:
        where_new.setdefault(place(f, new_spans), set()).add(f.id)
    t0 = time.perf_counter()
    result = reattach(review, new, strong=thresholds[0], weak=thresholds[1])
    tally["reattach seconds"] += time.perf_counter() - t0
    outcome: dict[str, tuple[str, Flag | None]] = {v.note: ("orphan", None) for v in result.orphans}
    outcome.update({v.note: ("carried", f) for v, f, _ in result.carried})
    outcome.update({w.verdict.note: ("weak", w.flag) for w in result.weak})
    new_ids = {f.id: f for f in new.flags}
    for f in old.flags:
        key = place(f, old_spans)
        targets = where_new.get(key, set())
        note = f"checked {f.id}"
        if note not in outcome:
            continue  # no verdict on this flag (--share)
        edited = bool(touched & ({key[1]} if not isinstance(key[1], frozenset) else set(key[1])))
        kind, flag = outcome[note]
        label = classify(kind, flag, targets)
        if show and label in ("carried wrong", "weak wrong", "lost"):
            print(f"{label} ({name}): {f.kind} {f.text[:80]!r}\n  -> {flag.text[:80] if flag else None!r}",
                  file=sys.stderr)
        base = classify("carried", new_ids[f.id], targets) if f.id in new_ids else classify("orphan", None, targets)
        for scope in ("all", "edited") if edited else ("all",):
            tally[(scope, label)] += 1
            tally[(scope, "baseline " + base)] += 1
            tally[(scope, "verdicts")] += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="the bbc folder (default ../shared/data/bbc)")
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", action="store_true", help="print each lost or wrong verdict on stderr")
    parser.add_argument("--strong", type=float, default=STRONG, help="score that carries a verdict over")
    parser.add_argument("--weak", type=float, default=WEAK, help="score that offers a weak match")
    parser.add_argument("--share", type=float, default=1.0, help="share of flags given a verdict (default: all)")
    args = parser.parse_args(argv)
    folder = data_folder(args.data, "bbc")
    files = sorted(folder.glob("bbc/*/*.txt")) or sorted(folder.glob("*/*.txt"))
    if not files:
        sys.stderr.write(f"{folder}: no articles (*/*.txt) found\n")
        return 2
    rng = random.Random(args.seed)
    sample = rng.sample(files, min(args.sample, len(files)))
    articles = []
    for path in sample:
        try:
            articles.append(units_of(path.read_bytes().decode("utf-8", errors="replace")))
        except ValueError as exc:
            sys.stderr.write(f"{path}: skipped ({exc})\n")
    t_start = time.perf_counter()
    tallies: dict[str, Counter] = {name: Counter() for name in EDITS}
    for n, article in enumerate(articles):
        base_text, base_spans = build(article)
        cache: dict[str, Analysis] = {}
        old_analysis = cache.setdefault(base_text, analyze(parse_article(base_text)))
        flagged = {origin_at(base_spans, f.start, f.end) for f in old_analysis.flags}
        donor = articles[(n + 1) % len(articles)]
        for name, edit in EDITS.items():
            edit_rng = random.Random(f"{args.seed}:{n}:{name}")
            old_article, new_article, touched = edit(article, edit_rng, flagged, donor)
            old_text, old_spans = build(old_article)
            new_text, new_spans = build(new_article)
            partial = (random.Random(f"{args.seed}:{n}:{name}:share"), args.share) if args.share < 1 else None
            run_one(old_text, new_text, old_spans, new_spans, touched, tallies[name], cache, name=name, show=args.show,
                    thresholds=(args.strong, args.weak), share=partial)
    elapsed = time.perf_counter() - t_start

    def share(t: Counter, scope: str, *labels: str) -> str:
        total = t[(scope, "verdicts")]
        return f"{sum(t[(scope, lab)] for lab in labels) / total:.1%}" if total else "-"

    rows, totals = [], Counter()
    for name, t in tallies.items():
        totals.update(t)
        rows.append(_row(name, t, share))
    rows.append(_row("**all edits**", totals, share))
    on = "every flag" if args.share >= 1 else f"{args.share:.0%} of the flags"
    print(f"{len(articles)} BBC articles (seed {args.seed}, strong {args.strong:g}, weak {args.weak:g}), a verdict on {on}, "
          f"{totals[('all', 'verdicts')]} verdict re-attachments in {elapsed:.1f} s "
          f"(reattach itself {1000 * totals['reattach seconds'] / (len(articles) * len(EDITS)):.2f} ms per article)\n")
    print(format_table(
        ["edit", "verdicts (edited)", "right", "right, edited", "+ weak to confirm", "lost", "wrong (carried / offered)",
         "baseline right", "baseline right, edited", "baseline wrong"],
        rows,
    ))
    print("\nright = carried to the right passage or correctly orphaned; wrong = carried over, or offered as a weak "
          "match, to another flag")
    print(_wrong_article(articles))
    return 0


def _wrong_article(articles: list[Article]) -> str:
    """A verdict file opened against another article: everything must stay orphaned, quickly."""
    half = min(len(articles) // 2, 30)  # two long documents; the engine's own time grows faster than linear
    texts = ["\n\n".join(build(a)[0] for a in group) for group in (articles[:half], articles[half : 2 * half])]
    ours, theirs = (analyze(parse_article(t)) for t in texts)
    review = review_of(ours)
    t0 = time.perf_counter()
    result = reattach(review, theirs)
    elapsed = time.perf_counter() - t0
    return (f"wrong article: {len(review.verdicts)} verdicts on {half} articles against {len(theirs.flags)} flags of "
            f"{half} others: {len(result.carried)} carried, {len(result.weak)} weak, "
            f"{len(result.orphans)} orphaned in {elapsed:.2f} s")


def _row(name: str, t: Counter, share: Callable[..., str]) -> list[object]:
    right = ("carried right", "orphan right")
    return [
        name,
        f"{t[('all', 'verdicts')]} ({t[('edited', 'verdicts')]})",
        share(t, "all", *right),
        share(t, "edited", *right),
        t[("all", "weak right")],
        t[("all", "lost")],
        f"{t[('all', 'carried wrong')]} / {t[('all', 'weak wrong')]}",
        share(t, "all", "baseline carried right", "baseline orphan right"),
        share(t, "edited", "baseline carried right", "baseline orphan right"),
        t[("all", "baseline carried wrong")],
    ]


if __name__ == "__main__":
    sys.exit(main())
