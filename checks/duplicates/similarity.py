"""How alike two passages are: normalisation, word tokens with offsets, and one combined score.

No single rapidfuzz score separates a paraphrase from a merely related sentence (on the seed
article fuzz.ratio gives 56.8 to the true pair and 49.0 to the next). What does separate them is
a long run of shared content words ("drive a wedge between Washington and Seoul") together with
more shared content around it. So the score (0..100) is the larger of two readings of the
normalised text ("U.S." equals "US"; stopwords are no content; stems are the first six letters):

* near copy: fuzz.ratio rescaled so that 60 (what related news sentences get) counts as 0 and
  100 as 100, for exact repeats and light rewording;
* shared content: a weighted mean of
  - ``overlap``: shared content over the mean content of the two passages (Dice-like, so padding
    one side with an unrelated sentence costs; shrunk so 3 of 4 is weaker than 30 of 40),
  - the longest shared run of a word alignment (rapidfuzz Indel opcodes on stems), counted in
    content words, proper names at half weight ("Jailhouse Rock" is a topic, not a repeat),
  - ``rest_overlap``: shared content *outside* that run, so one stock phrase in two unrelated
    sentences is not enough.

Inside one document, ``rarity_weights`` (``checks.duplicates.rarity``) makes the article's topic words (found
in most sentences) count less than rare ones. Words are normalised and stemmed by
``checks.text.words``. The public surface is stable: ``score_passages``, and the prepared form
(``prepare``, ``join_prepared``, ``score_prepared``) with its cheap bounds (``score_upper_bound``,
``near_copy_possible``) that the duplicate finder and candidate generators use. The word diff of
a reported pair is ``checks.duplicates.word_diff``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import chain, compress

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from checks.duplicates.rarity import Weights, rarity_weights, rarity_weights_of, weight_of
from checks.text.words import STEM_LENGTH, WORD, norm_word, stock_phrases, stopwords

__all__ = [
    "PassageScore",
    "Prepared",
    "Weights",
    "join_prepared",
    "near_copy_norms",
    "near_copy_possible",
    "prepare",
    "rarity_weights",
    "rarity_weights_of",
    "score_passages",
    "score_prepared",
    "score_upper_bound",
    "score_upper_bounds",
]

# Markup left in a text (an embedded tweet's <tweet id="..." author="..." datetime="...">): its
# attribute names and values are no words of the passage, so two embeds do not match on them.
_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,400}>")

# Weights of the combined score; see the module docstring. Tuned on the seed, then checked on
# BBC and PolNeAR articles (false positives) and MSRP / Clough & Stevenson (benchmarks/eval_reuse.py).
_W_OVERLAP = 0.8
_W_RUN = 0.5
_W_REST = 0.3
_W_SUM = _W_OVERLAP + _W_RUN + _W_REST  # so the combined score spans 0..100 without clipping
_RUN_FULL = 5  # content words in the longest shared run that count as full evidence
_SHRINK = 1.0
_NAME_IN_RUN = 0.5
_RATIO_FLOOR = 60.0


@dataclass(frozen=True, slots=True)
class PassageScore:
    """How alike two passages are. ``score`` is 0..100; the rest explains it."""

    score: float
    ratio: float
    overlap: float
    longest_run: int
    run_content: int
    rest_overlap: float
    shared: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Prepared:
    """A passage tokenised once, for scoring against many others: each word's normal form and
    stem, and whether it counts as content or as part of a proper name.

    Word offsets are made only when asked (``word_spans``): the scorer never needs them, a long
    document scores tens of thousands of passages, and only a reported pair needs its diff.
    """

    text: str
    norm: str
    offset: int
    norms: tuple[str, ...]
    stems: tuple[str, ...]
    is_content: tuple[bool, ...]
    is_name: tuple[bool, ...]
    content: frozenset[str]

    def word_spans(self) -> tuple[list[int], list[int]]:
        """Where each word (``norms``) starts and ends in the document (tokenised again, each time asked)."""
        starts, ends, *_ = _token_columns(self.text, self.offset)
        return starts, ends


def _token_columns(text: str, offset: int) -> tuple[list[int], list[int], list[str], list[str], list[bool], list[bool]]:
    """A passage's words as columns: starts, ends (shifted by ``offset``), norms, stems, content
    (no stopword, not in a stock phrase), name (capitalised inside a sentence)."""
    common, stock_by_first = stopwords(), stock_phrases()
    # The hot path of a long document (tens of thousands of sentences): findall and str.find
    # instead of match objects, columns built by C-level maps, one tuple per token at the end.
    # Every letter or digit starts a match, so the text between matches holds none, and a word's
    # first occurrence from the end of the match before is where it matched.
    if "<" in text:
        text = _TAG.sub(_blank, text)  # the same length: offsets stay those of the passage
    words = WORD.findall(text)
    starts = []
    pos = 0
    find = text.find
    for word in words:
        pos = find(word, pos)
        starts.append(pos)
        pos += len(word)
    norms = list(map(norm_word, words))
    ends = [start + len(word) for start, word in zip(starts, words)]
    if "" in norms:
        kept = [k for k, norm in enumerate(norms) if norm]
        starts, ends, norms = [starts[k] for k in kept], [ends[k] for k in kept], [norms[k] for k in kept]
    stock: set[int] = set()
    for i, word in enumerate(norms):
        for phrase in stock_by_first.get(word, ()):
            if tuple(norms[i : i + len(phrase)]) == phrase:
                stock.update(range(i, i + len(phrase)))
    content = [word not in common for word in norms]
    for i in stock:
        content[i] = False
    names = [text[p].isupper() and not _starts_sentence(text, p) for p in starts]
    stems = [word[:STEM_LENGTH] for word in norms]
    if offset:
        starts = [p + offset for p in starts]
        ends = [p + offset for p in ends]
    return starts, ends, norms, stems, content, names


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def _starts_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 8) : pos].rstrip(" \t\n\"“‘'([")
    return not before or before[-1] in ".!?:"


def prepare(text: str, *, offset: int = 0) -> Prepared:
    """Tokenise a passage once; ``offset`` is where it starts in its document."""
    _, _, norms, stems, content, names = _token_columns(text, offset)
    return Prepared(
        text=text,
        norm=" ".join(norms),
        offset=offset,
        norms=tuple(norms),
        stems=tuple(stems),
        is_content=tuple(content),
        is_name=tuple(names),
        content=frozenset(compress(stems, content)),
    )


def join_prepared(text: str, parts: Sequence[Prepared]) -> Prepared:
    """A passage made of consecutive prepared pieces (sentences) of one document, without
    tokenising again; ``text`` is the document slice from the first piece's start to the last's end."""
    if len(parts) == 1:
        return replace(parts[0], text=text)
    return Prepared(
        text=text,
        norm=" ".join(p.norm for p in parts if p.norm),
        offset=parts[0].offset,
        norms=tuple(chain.from_iterable(p.norms for p in parts)),
        stems=tuple(chain.from_iterable(p.stems for p in parts)),
        is_content=tuple(chain.from_iterable(p.is_content for p in parts)),
        is_name=tuple(chain.from_iterable(p.is_name for p in parts)),
        content=frozenset().union(*(p.content for p in parts)),
    )


def score_passages(a: str, b: str) -> PassageScore:
    """Score two passages 0..100 (100: the same words); see the module docstring for the signals."""
    return score_prepared(prepare(a), prepare(b))


def score_prepared(a: Prepared, b: Prepared, *, weights: Mapping[str, float] | None = None) -> PassageScore:
    """Score two prepared passages. ``weights`` (stem -> 0..1, default 1) makes words that recur all
    over a document count less than rare ones: see ``rarity_weights``."""
    w = weight_of(weights)
    ratio = fuzz.ratio(a.norm, b.norm)
    mean_total = (sum(map(w, a.content)) + sum(map(w, b.content))) / 2
    shared_weight = sum(map(w, a.content & b.content))
    runs = _shared_runs(a, b)
    longest_run, run_content, run_weight, run_full = 0, 0, 0.0, 0.0
    for start, end, content_stems, names in runs:
        full = sum(map(w, content_stems))
        # A shared proper name ("Jailhouse Rock", "Black Lives Matter") is a topic, not a repeat.
        weight = sum(w(s) * (_NAME_IN_RUN if s in names else 1.0) for s in content_stems) if names else full
        if weight > run_weight or (weight == run_weight and end - start > longest_run):
            longest_run, run_content, run_weight, run_full = end - start, len(content_stems), weight, full
    # Dice-like: content of both sides counts, so padding one side with an unrelated sentence costs;
    # the shrink makes 3 shared of 4 weaker evidence than 30 of 40.
    overlap = shared_weight / (mean_total + _SHRINK) if mean_total else 0.0
    rest_total = mean_total - run_full
    rest_overlap = max(0.0, shared_weight - run_full) / rest_total if rest_total > 1e-9 else 0.0
    run_strength = min(1.0, max(0.0, run_weight - 1) / (_RUN_FULL - 1))
    combined = (_W_OVERLAP * overlap + _W_RUN * run_strength + _W_REST * rest_overlap) / _W_SUM
    # Character ratio only counts well above the 50 to 70 that related news sentences get.
    near_copy = (ratio - _RATIO_FLOOR) / (100.0 - _RATIO_FLOOR)
    shared = tuple(" ".join(a.norms[start:end]) for start, end, cs, _ in runs if len(cs) >= 2)
    return PassageScore(
        score=round(100.0 * min(1.0, max(0.0, near_copy, combined)), 1),
        ratio=round(ratio, 1),
        overlap=round(overlap, 3),
        longest_run=longest_run,
        run_content=run_content,
        rest_overlap=round(min(1.0, rest_overlap), 3),
        shared=shared,
    )


def score_upper_bound(shared_weight: float, mean_total: float, run_weight: float | None = None) -> float:
    """The most the combined (non-ratio) part of the score can be, given only the shared content
    weight and the mean content weight of the two passages (and at most how much their longest
    shared run can weigh, when known: ``checks.duplicates.run_bound``)."""
    if mean_total <= 0:
        return 0.0
    # The run is part of the shared content, and (s - r) / (m - r) <= s / m whenever s <= m.
    # Conditionals, not min/max calls: this runs for every candidate pair of a long document.
    run = (shared_weight if run_weight is None or run_weight > shared_weight else run_weight) - 1
    run = run / (_RUN_FULL - 1) if run > 0.0 else 0.0
    rest = shared_weight / mean_total
    return 100.0 * (
        _W_OVERLAP * shared_weight / (mean_total + _SHRINK)
        + _W_RUN * (run if run < 1.0 else 1.0)
        + _W_REST * (rest if rest < 1.0 else 1.0)
    ) / _W_SUM


def score_upper_bounds(shared_weight: np.ndarray, mean_total: np.ndarray) -> np.ndarray:
    """``score_upper_bound`` over arrays of pairs at once (a long document's millions of candidates)."""
    safe_total = np.where(mean_total > 0, mean_total, 1.0)
    run = np.clip((shared_weight - 1) / (_RUN_FULL - 1), 0.0, 1.0)
    rest = np.minimum(shared_weight / safe_total, 1.0)
    bound = 100.0 * (_W_OVERLAP * shared_weight / (safe_total + _SHRINK) + _W_RUN * run + _W_REST * rest) / _W_SUM
    return np.where(mean_total > 0, bound, 0.0)


def near_copy_possible(a: Prepared, b: Prepared, min_score: float) -> bool:
    """Whether the character ratio alone lifts the pair to ``min_score``."""
    return near_copy_norms(a.norm, b.norm, min_score)


def near_copy_norms(a: str, b: str, min_score: float) -> bool:
    """``near_copy_possible`` from the two normal forms alone (``Prepared.norm``)."""
    needed = _RATIO_FLOOR + min_score / 100.0 * (100.0 - _RATIO_FLOOR)
    la, lb = len(a), len(b)
    if la + lb == 0 or 200.0 * min(la, lb) / (la + lb) < needed - 0.1:
        return False  # fuzz.ratio can never exceed this bound set by the lengths alone
    return bool(fuzz.ratio(a, b, score_cutoff=max(0.0, needed - 0.1)))


def _shared_runs(a: Prepared, b: Prepared) -> list[tuple[int, int, frozenset[str], frozenset[str]]]:
    """Equal blocks of the word alignment as (start, end) in ``a``'s words, with their content
    stems and those of them that are proper names on both sides."""
    runs = []
    no_names: frozenset[str] = frozenset()
    stems, is_content, is_name, b_is_name = a.stems, a.is_content, a.is_name, b.is_name
    for op in Indel.opcodes(a.stems, b.stems):
        if op.tag != "equal":
            continue
        start, end = op.src_start, op.src_end
        content = frozenset(compress(stems[start:end], is_content[start:end]))
        if not content <= b.content:
            # Content on one side only (a stock phrase cut by the block's end, "beforehand" against
            # "before"): the run holds only content words of both, as the shared weight does.
            content &= b.content
        names = no_names
        # Most blocks hold no capitalised word: the pairwise look at the other side is rare.
        if content and any(is_name[start:end]):
            other = b_is_name[op.dest_start : op.dest_end]
            names = frozenset(
                [stem for stem, x, y in zip(stems[start:end], is_name[start:end], other) if x and y]
            )
        runs.append((start, end, content, names))
    return runs
