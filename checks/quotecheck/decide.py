"""One status for each quotation: verbatim, altered, spliced, wrong_speaker or not_found.

The quote's words are aligned with the candidate sources (``align.find_pieces``); the source with
most quote words found wins (a source where the article's speaker speaks wins a tie). Then:

- pieces far apart in the source (more than ``MAX_OMISSION`` words, out of order, in another
  speaker's turn, or in another file) are ``spliced``, ellipsis or not;
- otherwise the words are diffed against the passage: a word changed, added, or dropped where the
  quote has no ellipsis (or no [bracket], for up to ``MAX_BRACKETED`` words) is ``altered``;
- the passage's speaker (a transcript's label) not the article's speaker is ``wrong_speaker``;
- fewer than half the quote's words found is ``not_found``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from checks.model import DiffOp
from checks.quotecheck.align import MIN_PIECE, Piece, find_pieces
from checks.quotecheck.sources import SourceIndex
from checks.quotecheck.transcript import same_speaker
from checks.quotecheck.words import QuoteWords

__all__ = ["Decision", "MAX_OMISSION", "decide"]

MAX_OMISSION = 40  # source words an ellipsis may stand for before the parts count as far apart
MAX_DROPPED = 12  # source words dropped silently that still read as one passage (altered, not spliced)
MAX_BRACKETED = 4  # source words a [bracketed] insertion may stand for
MIN_FOUND = 0.5  # share of the quote's words a source must hold for the quote to be found


@dataclass(frozen=True, slots=True)
class Part:
    """One passage of a source a quote's words come from: quote words and source words (inclusive)."""

    doc: int
    q_lo: int
    q_hi: int
    s_lo: int
    s_hi: int
    anchors: tuple[Piece, ...] = ()  # the pieces joined into this passage, each diffed on its own


@dataclass(frozen=True, slots=True)
class Decision:
    status: str
    parts: tuple[Part, ...] = ()
    diff: tuple[DiffOp, ...] = ()  # quote offsets (a) against the first part's source (b)
    problems: tuple[DiffOp, ...] = ()  # the steps of ``diff`` no convention allows
    score: float = 0.0
    speaker: str | None = None  # the first part's speaker in the source


def _parts(doc: int, pieces: list[Piece], q: QuoteWords, index: SourceIndex) -> list[Part]:
    """Pieces of one source in quote order, neighbours close enough joined into one passage."""
    turns = index.turns(doc)
    parts: list[Part] = []
    for p in pieces:
        prev = parts[-1] if parts else None
        if prev is not None and prev.doc == doc:
            gap = p.s_lo - prev.s_hi - 1
            marked = any(m for m in q.marks[prev.q_hi + 1 : p.q_lo + 1])
            words = index.words(doc)
            same_turn = turns.index_at(words.starts[prev.s_hi]) == turns.index_at(words.starts[p.s_lo])
            if 0 <= gap <= (MAX_OMISSION if marked else MAX_DROPPED) and same_turn:
                parts[-1] = Part(doc, prev.q_lo, p.q_hi, prev.s_lo, p.s_hi, (*prev.anchors, p))
                continue
        parts.append(Part(doc, p.q_lo, p.q_hi, p.s_lo, p.s_hi, (p,)))
    return parts


def _matched(pieces: list[Piece]) -> int:
    return sum(p.matched for p in pieces)


def _tail_after_cut(q: QuoteWords, part: Part, index: SourceIndex) -> Part:
    """A quote's last words after an ellipsis, too few to be a piece of their own ("... a fine"),
    found word for word within ``MAX_OMISSION`` words after the passage: part of it."""
    n = len(q.norms)
    tail = q.norms[part.q_hi + 1 :]
    if not tail or q.marks[part.q_hi + 1] != "ellipsis" or len(tail) >= MIN_PIECE + 2:
        return part
    words = index.words(part.doc).norms
    stop = min(len(words) - len(tail) + 1, part.s_hi + 2 + MAX_OMISSION)
    for p in range(part.s_hi + 1, max(part.s_hi + 1, stop)):
        if tuple(words[p : p + len(tail)]) == tail:
            anchor = Piece(part.q_hi + 1, n - 1, p, p + len(tail) - 1, len(tail))
            anchors = part.anchors or (Piece(part.q_lo, part.q_hi, part.s_lo, part.s_hi, 0),)
            return Part(part.doc, part.q_lo, n - 1, part.s_lo, anchor.s_hi, (*anchors, anchor))
    return part


def _best_source(q: QuoteWords, index: SourceIndex, candidates: list[int],
                 speaker: str | None) -> tuple[int, list[Piece]] | None:
    best: tuple[tuple[int, bool], int, list[Piece]] | None = None
    for d in candidates:
        pieces = find_pieces(q.norms, index.words(d).norms, index.words(d).where)
        if not pieces:
            continue
        first = index.words(d).starts[pieces[0].s_lo]
        src_speaker = index.turns(d).speaker_at(first)
        agrees = speaker is not None and src_speaker is not None and same_speaker(speaker, src_speaker)
        key = (_matched(pieces), agrees)
        if best is None or key > best[0]:
            best = (key, d, pieces)
    return (best[1], best[2]) if best is not None else None


def _elsewhere(q: QuoteWords, parts: list[Part], index: SourceIndex, candidates: list[int]) -> list[Part]:
    """A run of quote words no part explains, found in another source file: a splice across files."""
    covered = {j for p in parts for j in range(p.q_lo, p.q_hi + 1)}
    runs: list[list[int]] = []
    for j in range(len(q.norms)):
        if j in covered:
            continue
        if runs and runs[-1][-1] == j - 1:
            runs[-1].append(j)
        else:
            runs.append([j])
    run = max(runs, key=len, default=[])
    if len(run) < MIN_PIECE + 1:
        return []
    sub = q.norms[run[0] : run[-1] + 1]
    for d in candidates:
        if d == parts[0].doc:
            continue
        pieces = find_pieces(sub, index.words(d).norms, index.words(d).where, max_pieces=1)
        if pieces and pieces[0].matched >= max(MIN_PIECE, 0.6 * len(sub)):
            p = pieces[0]
            return [Part(d, run[0] + p.q_lo, run[0] + p.q_hi, p.s_lo, p.s_hi)]
    return []


def _blocks(part: Part, n: int, lead: int, trail: int) -> list[tuple[int, int, int, int]]:
    """Quote and source ranges (end exclusive) diffed one by one: the words before the passage,
    each anchor piece, the words between two pieces, the words after. Diffing block by block keeps
    a word shared by two places ("the") from being matched across an omission."""
    anchors = part.anchors or (Piece(part.q_lo, part.q_hi, part.s_lo, part.s_hi, 0),)
    blocks = [(0, anchors[0].q_lo, anchors[0].s_lo - lead, anchors[0].s_lo)]
    for k, a in enumerate(anchors):
        blocks.append((a.q_lo, a.q_hi + 1, a.s_lo, a.s_hi + 1))
        if k + 1 < len(anchors):
            b = anchors[k + 1]
            blocks.append((a.q_hi + 1, b.q_lo, a.s_hi + 1, b.s_lo))
    last = anchors[-1]
    blocks.append((last.q_hi + 1, n, last.s_hi + 1, last.s_hi + 1 + trail))
    return blocks


def _diff(q: QuoteWords, part: Part, index: SourceIndex,
          n: int) -> tuple[tuple[DiffOp, ...], tuple[DiffOp, ...], int, Part]:
    """The whole quote against its one passage: every step, the ones no convention allows, and how
    many words are equal, less the source words dropped silently (the score's numerator). Quote
    words before or after the passage face as many source words there."""
    words = index.words(part.doc)
    lead = min(part.q_lo, 3, part.s_lo)
    trail = min(n - 1 - part.q_hi, 3, len(words.norms) - 1 - part.s_hi)
    ops: list[DiffOp] = []
    problems: list[DiffOp] = []
    equal = dropped = 0
    for q0, q1, s0, s1 in _blocks(part, n, lead, trail):
        for op in Indel.opcodes(q.norms[q0:q1], words.norms[s0:s1]):
            i0, i1, j0, j1 = op.src_start + q0, op.src_end + q0, op.dest_start + s0, op.dest_end + s0
            a0, a1 = _span(q.starts, q.ends, i0, i1)
            b0, b1 = _span(words.starts, words.ends, j0, j1)
            step = DiffOp(op.tag, a0, a1, b0, b1)
            if op.tag == "equal":
                equal += i1 - i0
            elif op.tag != "insert" or not _allowed(q, i0, words.norms[j0:j1], n):
                problems.append(step)
                dropped += j1 - j0
            ops.append(step)
    extended = Part(part.doc, part.q_lo, part.q_hi, part.s_lo - lead, part.s_hi + trail, part.anchors)
    return _merged(ops), _merged(problems), equal - dropped, extended


def _allowed(q: QuoteWords, at: int, gap: Sequence[str], n: int) -> bool:
    """Source words ``gap`` left out before quote word ``at`` where the quote marks a cut, or a
    [bracket] stands for a few. The diff may place a gap a word or two off the mark when a word
    repeats ("asking ... the rules" from "asking the watchdog overseeing the rules"): it slides."""
    for pos in _slides(q.norms, at, list(gap)):
        if pos in (0, n):
            return True  # a quote may begin or end anywhere in its source
        mark = q.marks[pos]
        if mark == "ellipsis" or (mark == "bracket" and len(gap) <= MAX_BRACKETED):
            return True
    return False


def _slides(quote: Sequence[str], at: int, gap: list[str], reach: int = 3) -> list[int]:
    """Where a gap of source words before quote word ``at`` may equally sit: it moves right past
    a quote word equal to its first word, left past one equal to its last."""
    out = [at]
    right, g = at, list(gap)
    for _ in range(reach):
        if right < len(quote) and g and quote[right] == g[0]:
            g = g[1:] + [quote[right]]
            right += 1
            out.append(right)
        else:
            break
    left, g = at, list(gap)
    for _ in range(reach):
        if left > 0 and g and quote[left - 1] == g[-1]:
            g = [quote[left - 1]] + g[:-1]
            left -= 1
            out.append(left)
        else:
            break
    return out


def _span(starts: tuple[int, ...], ends: tuple[int, ...], lo: int, hi: int) -> tuple[int, int]:
    if lo < hi:
        return starts[lo], ends[hi - 1]
    at = starts[lo] if lo < len(starts) else (ends[-1] if ends else 0)
    return at, at


def _merged(ops: list[DiffOp]) -> tuple[DiffOp, ...]:
    """A delete next to an insert is one replace, as difflib shows it (``word_diff`` does the same)."""
    out: list[DiffOp] = []
    for op in ops:
        prev = out[-1] if out else None
        joins = prev is not None and "equal" not in (op.tag, prev.tag) and prev.tag != op.tag
        if prev is not None and joins and prev.a_end <= op.a_start + 1:
            a = (prev.a_start, op.a_end) if prev.a_start < prev.a_end else (op.a_start, op.a_end)
            b = (prev.b_start, op.b_end) if prev.b_start < prev.b_end else (op.b_start, op.b_end)
            if a[0] == a[1] or op.a_start == op.a_end:
                a = (min(prev.a_start, op.a_start), max(prev.a_end, op.a_end))
            if b[0] == b[1] or op.b_start == op.b_end:
                b = (min(prev.b_start, op.b_start), max(prev.b_end, op.b_end))
            out[-1] = DiffOp("replace", a[0], a[1], b[0], b[1])
        else:
            out.append(op)
    return tuple(out)


def decide(q: QuoteWords, index: SourceIndex, candidates: list[int], speaker: str | None) -> Decision:
    """The status of one quotation (its words ``q``, the article's ``speaker``) in the sources."""
    n = len(q.norms)
    found = _best_source(q, index, candidates, speaker)
    if found is None:
        return Decision("not_found")
    doc, pieces = found
    parts = _parts(doc, pieces, q, index)
    parts[-1] = _tail_after_cut(q, parts[-1], index)
    parts += _elsewhere(q, parts, index, candidates)
    parts.sort(key=lambda p: p.q_lo)
    matched = _matched(pieces) + sum(p.q_hi - p.q_lo + 1 for p in parts if p.doc != doc)
    if matched < max(MIN_PIECE, MIN_FOUND * n):
        return Decision("not_found")
    words = index.words(parts[0].doc)
    src_speaker = index.turns(parts[0].doc).speaker_at(words.starts[parts[0].s_lo])
    if len(parts) > 1:
        return Decision("spliced", tuple(parts), score=100.0 * matched / n, speaker=src_speaker)
    diff, problems, equal, part = _diff(q, parts[0], index, n)
    parts = [part]
    score = 100.0 * equal / n
    if speaker is not None and src_speaker not in (None, "interviewer") and not same_speaker(speaker, src_speaker):
        return Decision("wrong_speaker", tuple(parts), diff, problems, score, src_speaker)
    status = "altered" if problems else "verbatim"
    return Decision(status, tuple(parts), diff, problems, score, src_speaker)
