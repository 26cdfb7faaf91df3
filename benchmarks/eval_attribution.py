"""Sentence-level attribution on PolNeAR: our sourcing grades against the annotators' attributions.

    .venv/bin/python benchmarks/eval_attribution.py [--data ../shared/data/polnear] [--split dev train tune heldout]

Splits: ``train`` and ``dev`` as shipped; ``tune`` is train without its held-out tenth and ``heldout``
that tenth (``_common.is_held_out``: an article, all its annotation files together, whose name's
SHA-256 starts with a byte below 26). Rules are tuned on ``tune``; ``heldout`` is run once, at the end.

Gold, per sentence of the project's own segmentation (``checks.parse_article``, no metadata parsing,
so offsets are those of the .ann files):

* attributed: the sentence overlaps the Cue of a *speech* attribution (an act of saying or
  publishing, ``SPEECH_CUE`` below, judged on the annotated cue and, for bare prepositions such as
  "in a new poll", on its source), or at least half of its characters lie inside the Content of one;
* unattributed: it overlaps no Cue at all and less than half of it lies inside any Content;
* left out: everything else (its only attribution is a belief, intention or feeling: "wants",
  "is expected", "supports"; or a commitment, "promised", "vowed", "pledged", whose Content is
  a future act, not a reported claim).

Ours: attributed = graded named, anonymous, vague or secondhand. Baseline: the sentence matches
said/says/told/according to/reported. The gold word lists here are independent of the lexicon the
grader uses (``checks/data/lexicon.yaml``).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Attribution, data_folder, format_table, polnear_articles, scores  # noqa: E402

from checks import Sourcing, grade_sentences, parse_article  # noqa: E402

# Acts of saying or publishing, as stems of the cue's words (matched at a word start).
SPEECH_CUE = re.compile(
    r"\b(?:sa(?:y|id|ys|ying)|t(?:old|ell)|accord|wr(?:ote|it)|ask|add|report|tweet|announc|stat(?:e|ed|es|ing|ement)\b"
    r"|claim|argu|not(?:e|ed|es|ing)\b|explain|declar|repl|respon|insist|acknowledg|admit|confirm|den(?:y|ied|ies)"
    r"|warn|suggest|recall|reveal|mention|stress|testif|predict|urg|describ|call|quot|cit(?:e|ed|es|ing)\b"
    r"|comment|remark|conced|contend|assert|point(?:ed|s|ing)? (?:out|to)|show|f(?:ou|i)nd|conclud|indicat|estimat"
    r"|poll|survey|stud(?:y|ies)|interview|speech|post(?:ed|s|ing)?\b|publish|releas|continu|criticiz|critici[sz]|accus"
    r"|prais|blam|denounc|decr(?:y|ied)|defend|question|dismiss|charg|condemn|complain|boast|brag|joke|quip|shout"
    r"|yell|chant|whisper|mutter|sa(?:y|id) in|told|reiterat|emphasi[sz]|clarif|disclos|ann?ounc|advis|recommend"
    r"|propos|demand|threaten|thank|apologi|tout|hail|lament|slam|blast|attack|mock|ridicul|insult|deride|lambast"
    r"|rail|fire[sd]? back|hit back|push(?:ed)? back|retort|counter|object|protest|pronounc|proclaim|predict"
    r"|assur|reassur|remind|inform|notif|testimony)",
    re.IGNORECASE,
)
# A cue made only of a colon or a preposition ("in a new poll") is speech when its source publishes.
PUBLISHING_SOURCE = re.compile(
    r"\b(?:poll|survey|study|report|statement|interview|speech|data|analysis|memo|letter|email|tweet|post"
    r"|article|book|ad|video|transcript|filing|release|column|op-ed|editorial|research|figures|numbers)s?\b",
    re.IGNORECASE,
)
BASELINE = re.compile(r"\b(?:said|says|told|according to|reported)\b", re.IGNORECASE)
# Unnamed sources: a head noun for unidentified people (or "familiar with", "with knowledge of") and
# no name right after it or in an apposition ("aide Huma Abedin", "his top aide, Tad Devine").
UNNAMED_HEAD = re.compile(
    r"\b(?:sources?|officials?|aides?|advis[eo]rs?|people familiar|person familiar|people close|insiders?"
    r"|staffers?|operatives?|strategists?|people briefed|person briefed|someone|diplomats?"
    r"|familiar with|with knowledge of)\b",
    re.IGNORECASE,
)
# "official data", "Trump's official campaign account": the adjective, not a person.
_ADJECTIVE_USE = re.compile(
    r"\s+(?!(?:who|whom|that|which|with|in|at|of|from|for|familiar|close|on|and|or|to|involved|briefed"
    r"|speaking|knowledgeable|based|inside|within|under|during|since)\b)[a-z]"
)
_NAME_NEXT = re.compile(
    r"\s*[,—–-]?\s*(?:(?:including|like|such as|led by)\s+(?:[A-Z]{2,}\s+)?)?(?:(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep)\.?\s+)?[A-Z][a-z]"
)
# Said of the Source itself: "who spoke on the condition of anonymity", "not authorized to speak".
_ANONYMITY = re.compile(
    r"\b(?:anonymity|anonymous(?:ly)?|unnamed|unidentified|not authori[sz]ed to (?:speak|discuss|comment)"
    r"|asked not to be (?:named|identified)|declined to be (?:named|identified))\b",
    re.IGNORECASE,
)
_PARENTHESIS = re.compile(r"\([^()]*\)")
_APPOSITION = re.compile(r",|\s[—–-]+\s|[—–]")
# A modifier after the Source's head: "a super PAC started by a former aide", "a slide that aides carry".
_MODIFIER = re.compile(
    r"\s(?:(?:started|founded|run|led|backed|funded|created|formed|hired|paid)\s+by|that|which|who|whom|whose)\s"
)
_MEDIA_SOURCES = re.compile(r"\b(?:media|news|press)\s+(?:sources|reports)\b", re.IGNORECASE)
_AND = re.compile(r"\s+(?:and|&)\s+")
# A conjunct that is a name: every word capitalised ("Sanders", "Sen. Ted Cruz", "Mrs. Clinton").
# "Current and former officials": a capital that opens the sentence, shared by both conjuncts.
_SHARED_MODIFIERS = frozenset(
    "Current Former Senior Top Other Local Federal State Foreign Retired Past Present Both".split()
)
_IS_NAME = re.compile(r"(?:[A-Z][\w.’'-]*)(?:\s+(?:[A-Z][\w.’'-]*|of|de|van|von))*")
PRONOUN = re.compile(r"^(?:he|she|they|it|we|i|you|him|her|them|us|me|his|her|their|who|which|that)$", re.IGNORECASE)
_LOWER_START = re.compile(r"^(?:the|a|an|this|that|these|those|his|her|their|its|our|my|some|many|one|two|most)\b", re.I)
OUTLET_HINT = re.compile(
    r"\b(?:reuters|associated press|ap|afp|bloomberg|new york times|washington post|cnn|msnbc|fox news|nbc|abc|cbs"
    r"|politico|axios|the hill|times|post|journal|news|magazine|breitbart|huffington|usa today)\b",
    re.IGNORECASE,
)


def is_speech(attr: Attribution) -> bool:
    cue = attr.cue_text.strip()
    if not cue:
        return False
    if cue == ":" or re.fullmatch(r"(?i)in|for|to|of|from|on|by|per", cue):
        return cue == ":" or bool(PUBLISHING_SOURCE.search(attr.source_text))
    return bool(SPEECH_CUE.search(cue))


def source_kind(attr: Attribution) -> str:
    """'unnamed', 'named', or 'other' (pronouns, outlets, common nouns) for the anonymity figures."""
    src = " ".join(_PARENTHESIS.sub(" ", attr.source_text).split())  # "Sen. X (a junior staffer)"
    if not src:
        return "other"
    if PRONOUN.match(src):
        return "other"
    if _ANONYMITY.search(src):
        return "unnamed"
    # "Sara Fagen, a Republican strategist" is named; "members of X — a collection of strategists":
    # the head is "members", the dash opens a description
    first = _MODIFIER.split(_APPOSITION.split(src)[0])[0]
    if _MEDIA_SOURCES.search(first):
        return "other"  # "different media sources": outlets, second-hand
    parts = _AND.split(first)
    if len(parts) > 1 and UNNAMED_HEAD.search(first) and any(
        _IS_NAME.fullmatch(p) and not UNNAMED_HEAD.search(p) and p.split()[0] not in _SHARED_MODIFIERS
        for p in parts
    ):
        return "other"  # "Sanders and his top aides": a named person among unnamed ones
    for head in UNNAMED_HEAD.finditer(first):
        if head.group(0).lower() in ("official", "source") and _ADJECTIVE_USE.match(first, head.end()):
            continue
        if head.start() > 0 and head.group(0)[0].isupper():
            continue  # "Business Insider": part of a name
        return "named" if _NAME_NEXT.match(src, head.end()) else "unnamed"
    if OUTLET_HINT.search(src):
        return "other"
    words = src.split()
    capitalised = [w for i, w in enumerate(words) if w[:1].isupper() and (i > 0 or not _LOWER_START.match(w))]
    return "named" if capitalised else "other"


@dataclass
class Tally:
    tp: int = 0  # attributed, predicted attributed
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, gold: bool, pred: bool) -> None:
        if gold and pred:
            self.tp += 1
        elif pred:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    def rows(self, name: str) -> list[list[object]]:
        pos = scores(self.tp, self.fp, self.fn)
        neg = scores(self.tn, self.fn, self.fp)
        return [
            [name, "attributed", pos.precision, pos.recall, pos.f1, pos.support],
            [name, "unattributed", neg.precision, neg.recall, neg.f1, neg.support],
            [name, "macro", (pos.precision + neg.precision) / 2, (pos.recall + neg.recall) / 2,
             (pos.f1 + neg.f1) / 2, pos.support + neg.support],
        ]

    @property
    def macro_f1(self) -> float:
        return (scores(self.tp, self.fp, self.fn).f1 + scores(self.tn, self.fn, self.fp).f1) / 2


def _overlap(a: int, b: int, spans: tuple[tuple[int, int], ...]) -> int:
    return sum(max(0, min(b, e) - max(a, s)) for s, e in spans)


def gold_labels(doc, attributions: tuple[Attribution, ...]) -> list[bool | None]:
    """Per sentence: True attributed, False unattributed, None left out (non-speech only)."""
    labels: list[bool | None] = []
    speech = [is_speech(a) for a in attributions]
    for s in doc.sentences:
        length = max(1, s.end - s.start)
        any_cue = speech_hit = False
        inside_any = False
        for attr, is_sp in zip(attributions, speech):
            cue_hit = _overlap(s.start, s.end, attr.cue) > 0
            inside = _overlap(s.start, s.end, attr.content) * 2 >= length
            any_cue |= cue_hit
            inside_any |= inside
            if is_sp and (cue_hit or inside):
                speech_hit = True
        labels.append(True if speech_hit else (False if not any_cue and not inside_any else None))
    return labels


_QUOTE_MARKS = re.compile(r"[\"“”]|''")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|we|We|my|My|our|Our|me|us)\b")


def _error_kind(text: str, grade, gold: bool) -> str:
    """A coarse class of a misgraded sentence, for the error analysis (docs/error-analysis.md)."""
    if gold:
        if _QUOTE_MARKS.search(text):
            return "missed: holds quotation marks (part of a quote, speaker elsewhere)"
        if _FIRST_PERSON.search(text):
            return "missed: first person, no quotation marks (transcript)"
        if SPEECH_CUE.search(text):
            return "missed: holds a word of the gold speech-cue list, not taken as speech"
        return "missed: no reporting word (content of an attribution in another sentence)"
    if "carried" in grade.reason:
        return "false: attribution carried from a neighbour"
    if "pronoun" in grade.reason:
        return "false: pronoun speaker"
    return f"false: own attribution graded {grade.sourcing}"


# Split name -> (folder under the PolNeAR data, which articles: None all, True held out, False the rest).
SPLITS: dict[str, tuple[str, bool | None]] = {
    "train": ("train", None),
    "dev": ("dev", None),
    "tune": ("train", False),
    "heldout": ("train", True),
}


def evaluate(split: Path, *, errors: int = 0, seed_errors: int = 0, held_out: bool | None = None) -> dict[str, object]:
    ours, base = Tally(), Tally()
    left_out = sentences = 0
    unnamed: Counter[str] = Counter()
    named: Counter[str] = Counter()
    examples: list[str] = []
    grading_seconds = segment_seconds = 0.0
    breakdown: Counter[str] = Counter()
    for article in polnear_articles(split, held_out=held_out):
        t0 = time.perf_counter()
        doc = parse_article(article.text, parse_metadata=False)
        t1 = time.perf_counter()
        grades = grade_sentences(doc)
        grading_seconds += time.perf_counter() - t1
        segment_seconds += t1 - t0
        labels = gold_labels(doc, article.attributions)
        for s, g, gold in zip(doc.sentences, grades, labels):
            sentences += 1
            if gold is None:
                left_out += 1
                continue
            pred = g.sourcing.attributed
            ours.add(gold, pred)
            base.add(gold, bool(BASELINE.search(s.text)))
            if gold != pred:
                breakdown[_error_kind(s.text, g, gold)] += 1
            if errors and gold != pred and len(examples) < errors:
                examples.append(f"{'FN' if gold else 'FP'} {g.sourcing:<10} {article.name[:30]} | {' '.join(s.text.split())[:220]} || {g.reason}")
        for attr in article.attributions:
            if not is_speech(attr) or not attr.cue:
                continue
            kind = source_kind(attr)
            if kind == "other":
                continue
            cue_start = attr.cue[0][0]
            sent = next((x for x in doc.sentences if x.start <= cue_start < x.end), None)
            if sent is None:
                continue
            grade = grades[sent.index].sourcing
            bucket = unnamed if kind == "unnamed" else named
            bucket[str(grade)] += 1
            if seed_errors and kind == "unnamed" and grade is not Sourcing.ANONYMOUS and len(examples) < errors + seed_errors:
                examples.append(f"UNNAMED->{grade} src={attr.source_text!r} | {' '.join(sent.text.split())[:200]}")
    return {
        "ours": ours, "base": base, "left_out": left_out, "sentences": sentences,
        "unnamed": unnamed, "named": named, "examples": examples, "grading_seconds": grading_seconds,
        "segment_seconds": segment_seconds, "breakdown": breakdown,
    }


def best_grading_time(split: Path, runs: int, *, held_out: bool | None = None) -> tuple[float, int]:
    """Best of ``runs`` gradings of every sentence of the split, in CPU µs a sentence (segmentation done
    once beforehand), and the number of sentences: less noisy on a shared machine than one timed pass."""
    docs = [parse_article(a.text, parse_metadata=False) for a in polnear_articles(split, held_out=held_out)]
    sentences = sum(len(d.sentences) for d in docs)
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()  # CPU time: other processes on a shared machine count less than in wall time
        for d in docs:
            grade_sentences(d)
        best = min(best, time.process_time() - t0)
    return best / max(1, sentences) * 1e6, sentences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="the PolNeAR folder (default: ../shared/data/polnear)")
    parser.add_argument("--split", nargs="+", default=["train", "dev"], choices=tuple(SPLITS))
    parser.add_argument("--errors", type=int, default=0, help="print this many misgraded sentences")
    parser.add_argument("--source-errors", type=int, default=0, help="print unnamed sources not graded anonymous")
    parser.add_argument("--breakdown", action="store_true", help="count misgraded sentences by kind")
    parser.add_argument("--time-runs", type=int, default=0, help="only time grading: best of this many runs")
    args = parser.parse_args(argv)
    folder = data_folder(args.data, "polnear")
    if args.time_runs:
        for split in args.split:
            subfolder, held_out = SPLITS[split]
            per, n = best_grading_time(folder / subfolder, args.time_runs, held_out=held_out)
            print(f"PolNeAR {split}: grading {per:.1f} us (CPU) a sentence, best of {args.time_runs} runs over {n} sentences")
        return 0
    show_breakdown = args.breakdown
    for split in args.split:
        t0 = time.perf_counter()
        subfolder, held_out = SPLITS[split]
        r = evaluate(folder / subfolder, errors=args.errors, seed_errors=args.source_errors, held_out=held_out)
        ours, base = r["ours"], r["base"]
        print(f"\n## PolNeAR {split}: {r['sentences']} sentences, {r['left_out']} left out (non-speech attribution only)\n")
        print(format_table(["system", "class", "precision", "recall", "F1", "support"],
                           ours.rows("sourcecheck") + base.rows("baseline")))
        print(f"\nmacro-F1 {ours.macro_f1:.3f} vs baseline {base.macro_f1:.3f} (difference {ours.macro_f1 - base.macro_f1:+.3f})")
        un, na = r["unnamed"], r["named"]
        un_total, na_total = sum(un.values()), sum(na.values())
        print(f"unnamed sources graded anonymous: {un['anonymous']}/{un_total} = {un['anonymous'] / max(1, un_total):.3f}"
              f"  (others: {dict(un.most_common())})")
        print(f"named sources graded named: {na['named']}/{na_total} = {na['named'] / max(1, na_total):.3f}"
              f"  (others: {dict(na.most_common())})")
        per = r["grading_seconds"] / max(1, r["sentences"]) * 1e6
        print(f"grading time {r['grading_seconds']:.2f} s for {r['sentences']} sentences ({per:.0f} us a sentence; "
              f"{r['grading_seconds'] / max(1e-9, r['segment_seconds']):.2f} x the segmentation time, "
              f"{r['segment_seconds']:.2f} s, measured in the same run); whole split {time.perf_counter() - t0:.1f} s")
        if show_breakdown:
            print("\nmisgraded sentences by kind:")
            for kind, n in r["breakdown"].most_common():
                print(f"  {n:>5}  {kind}")
        for line in r["examples"]:
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
