"""Re-attach saved verdicts to the flags of an edited article.

A verdict remembers the flag id, kind, text and span it was given on. When the article changes
(its sha256 differs from ``Review.article_sha256``) the new analysis has new offsets and, for
edited passages, new ids. ``reattach`` finds each verdict's passage again:

1. by stable id (same kind + normalised text gives the same id, see ``checks.flags``); where a
   text occurs more than once (ids ``x``, ``x-2``...) the copies are told apart by position, and
   where the flag's text is also a passage elsewhere an id match stands only if position agrees
   (otherwise the verdict can at most be offered as a weak match);
2. by fuzzy matching of the stored text against the new flags of the same kind (rapidfuzz
   ``ratio`` and ``partial_ratio_alignment`` on normalised text), position breaking ties only;
   one verdict per flag, assigned greedily by score.

Strong matches are carried over (re-pointed at the new id, span and text); weak matches are
offered for the reviewer to confirm; the rest are orphans. Weak and orphaned verdicts stay in the
review unchanged: nothing the reviewer wrote is ever dropped.

The caller sets ``article_sha256`` to the new document's hash when it saves; this module leaves
it alone so that an unsaved session can still tell that the file on disk predates the edit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from checks.flags import normalise_for_id
from checks.model import Analysis, Document, Flag, FlagKind
from checks.review.verdicts import Decision, Review, Verdict

__all__ = ["ReattachResult", "WeakMatch", "accept_weak", "reattach"]

STRONG = 80.0
WEAK = 60.0
# Below this many normalised characters (a name, a splice mark) a near miss is another passage, not
# an edit of this one: such texts carry over only when identical.
SHORT_TEXT = 24
# ``checks.flags.assign_ids``: "<kind>-<12 hex digits>", then "-2", "-3" for repeats. The digest may
# be all decimal digits, so a suffix is only a suffix after a full digest.
_SUFFIX = re.compile(r"^(.*-[0-9a-f]{12})-(\d+)$")
_SWAPPED_DECISION = {Decision.KEEP_FIRST: Decision.KEEP_SECOND, Decision.KEEP_SECOND: Decision.KEEP_FIRST}


@dataclass(frozen=True, slots=True)
class WeakMatch:
    """A plausible but uncertain new home for a verdict, for the reviewer to confirm."""

    verdict: Verdict
    flag: Flag
    score: float


@dataclass(frozen=True, slots=True)
class ReattachResult:
    review: Review
    carried: tuple[tuple[Verdict, Flag, float], ...]  # (verdict as saved, its new flag, score)
    weak: tuple[WeakMatch, ...]
    orphans: tuple[Verdict, ...]


@dataclass(frozen=True, slots=True)
class _Match:
    flag: Flag
    score: float
    swapped: bool  # a duplicate pair whose passages now come in the other order


def _score_normalised(a: str, b: str) -> float:
    """How well a saved verdict's text matches a flag's text, 0..100, both normalised (``normalise_for_id``)."""
    if a == b:
        return 100.0
    if not a or not b:
        return 0.0
    score = fuzz.ratio(a, b)
    cover = min(len(a), len(b)) / max(len(a), len(b))
    if cover >= 0.5:
        # A clause added to or cut from a sentence: the rest aligns closely. Weighted by how much of
        # the longer text the shorter covers, so a fragment never scores as the whole.
        alignment = fuzz.partial_ratio_alignment(a, b)
        if alignment is not None:
            score = max(score, alignment.score * (1 + cover) / 2)
    return score


# The alignment term above is at most 1.125 times the plain ratio (a window aligned at p scores the
# whole pair at least 2cp/(1+c) for cover c >= 0.5), so a pair whose ratio is under 0.8 x weak cannot
# reach weak: rapidfuzz's C loop discards those before any Python runs.
_PREFILTER = 0.8
# Scored in full per verdict, best plain ratio first: a verdict whose ten nearest passages all went
# to better-matching verdicts is an orphan, not a guess (and a long review against an unrelated
# article stays fast).
_CANDIDATES = 10


def reattach(review: Review, analysis: Analysis, *, strong: float = STRONG, weak: float = WEAK) -> ReattachResult:
    """Point each saved verdict at its passage in the new analysis (see the module docstring)."""
    if not 0 <= weak <= strong <= 100:
        raise ValueError(f"need 0 <= weak <= strong <= 100, got weak={weak}, strong={strong}")
    verdicts = review.verdicts
    flags = analysis.flags
    matches: dict[int, _Match] = {}
    taken: set[int] = set()

    doubtful = _match_by_id(verdicts, flags, analysis.document, matches, taken)
    _match_fuzzy(verdicts, flags, matches, taken, strong=strong, weak=weak, shift=_Shift(verdicts, matches),
                 doubtful=doubtful)

    carried, weak_matches, orphans, out = [], [], [], []
    carried_ids = {m.flag.id for m in matches.values() if m.score >= strong}
    for i, v in enumerate(verdicts):
        m = matches.get(i)
        if m is not None and m.score >= strong:
            carried.append((v, m.flag, round(m.score, 1)))
            out.append(_repoint(v, m))
            continue
        if v.flag in carried_ids:
            # Its old id now names another passage (a repeated text lost a copy): keep the two apart.
            v = replace(v, flag=f"{v.flag}@{v.start}")
        if m is not None:
            weak_matches.append(WeakMatch(v, m.flag, round(m.score, 1)))
        else:
            orphans.append(v)
        out.append(v)
    moved = {v.flag: f.id for v, f, _ in carried}
    position = moved.get(review.position, review.position) if review.position else review.position
    return ReattachResult(
        review=replace(review, verdicts=tuple(out), position=position),
        carried=tuple(carried),
        weak=tuple(weak_matches),
        orphans=tuple(orphans),
    )


def accept_weak(review: Review, match: WeakMatch) -> Review:
    """The reviewer confirmed a weak match: re-point that verdict at the match's flag.

    Raises ValueError when the verdict is not in ``review`` or the flag already has a verdict of
    its own (nothing is ever dropped to make room).
    """
    if match.verdict not in review.verdicts:
        raise ValueError(f"verdict on {match.verdict.flag} is not in this review")
    if any(v.flag == match.flag.id and v != match.verdict for v in review.verdicts):
        raise ValueError(f"{match.flag.id} already has a verdict")
    swapped = match.flag.kind is FlagKind.DUPLICATE and _related_is_better(match.verdict.text, match.flag)
    new = _repoint(match.verdict, _Match(match.flag, match.score, swapped))
    index = review.verdicts.index(match.verdict)
    return replace(review, verdicts=(*review.verdicts[:index], new, *review.verdicts[index + 1 :]))


def _repoint(v: Verdict, m: _Match) -> Verdict:
    decision = _SWAPPED_DECISION.get(v.decision, v.decision) if m.swapped else v.decision
    f = m.flag
    return replace(v, flag=f.id, kind=str(f.kind), text=f.text, start=f.start, end=f.end, decision=decision)


def _base_id(flag_id: str) -> str:
    m = _SUFFIX.match(flag_id)
    return m.group(1) if m else flag_id


def _match_by_id(
    verdicts: tuple[Verdict, ...], flags: tuple[Flag, ...], doc: Document, matches: dict[int, _Match], taken: set[int]
) -> set[int]:
    """Match by id; return the verdicts whose id match was dropped as doubtful (see ``_doubt``)."""
    flag_groups: dict[str, list[int]] = defaultdict(list)
    for j, f in enumerate(flags):
        flag_groups[_base_id(f.id)].append(j)
    verdict_groups: dict[str, list[int]] = defaultdict(list)
    for i, v in enumerate(verdicts):
        verdict_groups[_base_id(v.flag)].append(i)
    repeated = []
    for base, vs in verdict_groups.items():
        fs = flag_groups.get(base, [])
        if len(vs) == 1 and len(fs) == 1:
            matches[vs[0]] = _Match(flags[fs[0]], 100.0, swapped=False)
            taken.add(fs[0])
        elif vs and fs:
            repeated.append((vs, fs))
    doubtful = _doubt(verdicts, flags, doc, matches, taken, list(matches))
    # The same text more than once: the -2, -3 suffixes count copies in document order, so a copy
    # added or removed above renumbers them. Pair copies by position, shifted by the unique matches.
    shift = _Shift(verdicts, matches)
    paired = []
    for vs, fs in repeated:
        pairs = sorted(
            (abs(shift(verdicts[i].start) - flags[j].start), verdicts[i].flag != flags[j].id, i, j)
            for i in vs
            for j in fs
        )
        for _, _, i, j in pairs:
            if i not in matches and j not in taken:
                matches[i] = _Match(flags[j], 100.0, swapped=False)
                taken.add(j)
                paired.append(i)
    return doubtful | _doubt(verdicts, flags, doc, matches, taken, paired)


def _doubt(
    verdicts: tuple[Verdict, ...],
    flags: tuple[Flag, ...],
    doc: Document,
    matches: dict[int, _Match],
    taken: set[int],
    chosen: list[int],
) -> set[int]:
    """Drop the id matches in ``chosen`` that may name another copy of their text; return those verdicts.

    An id names a kind and a text, not a place. Where the flag's text is also a passage of its own
    outside the flag's spans (printed three times, and a typo fix makes two copies identical), the
    id may now name another copy: the match stands only if the verdict's old position, shifted like
    its neighbours, is nearer this flag's copy than any other. Otherwise the reviewer decides.
    """
    copies: dict[int, set[int]] = {}
    passages: set[int] | None = None
    for i in chosen:
        f = matches[i].flag
        if not f.text or doc.text.count(f.text) < 2:
            continue
        if passages is None:
            # Copies that start a sentence only: a name or a full stop recurs inside other passages.
            passages = {s.start for s in doc.sentences}
        own = {f.start, *(r.start for r in f.related)}
        sites = {s for s in _sites(f.text, doc.text) if s in passages or s in own}
        if sites - own:
            copies[i] = sites
    if not copies:
        return set()
    shift = _Shift(verdicts, {i: m for i, m in matches.items() if i not in copies})
    doubtful = set()
    for i, sites in copies.items():
        at, flag = shift(verdicts[i].start), matches[i].flag
        if any(abs(at - s) <= abs(at - flag.start) for s in sites if s != flag.start):
            del matches[i]
            taken.discard(flags.index(flag))
            doubtful.add(i)
    return doubtful


def _sites(needle: str, text: str) -> set[int]:
    """Start of every copy of ``needle`` in ``text`` (overlapping copies too)."""
    sites, at = set(), text.find(needle)
    while at >= 0:
        sites.add(at)
        at = text.find(needle, at + 1)
    return sites


def _match_fuzzy(
    verdicts: tuple[Verdict, ...],
    flags: tuple[Flag, ...],
    matches: dict[int, _Match],
    taken: set[int],
    *,
    strong: float,
    weak: float,
    shift: _Shift,
    doubtful: set[int],
) -> None:
    pools: dict[str, _Pool] = {}
    candidates = []
    for i, v in enumerate(verdicts):
        a = normalise_for_id(v.text)
        if i in matches or not a:
            continue
        pool = pools.get(v.kind) or pools.setdefault(v.kind, _Pool(flags, taken, kind=v.kind))
        best: dict[int, tuple[float, bool]] = {}
        for _, _, k in process.extract(a, pool.texts, scorer=fuzz.ratio, limit=_CANDIDATES,
                                       score_cutoff=weak * _PREFILTER):
            j, related = pool.entries[k]
            score = _capped(a, pool.texts[k], strong)
            if i in doubtful or not related and score < 100 and _other_side(a, flags[j], score):
                # Its text is in several places and its position did not pick one, or it is the other
                # spelling of a name this flag points at: only ever offered.
                score = min(score, strong - 0.1)
            if related:
                # The two passages of a pair resemble each other by definition, so the other passage
                # counts only when it is this one outright (the pair now comes in the other order).
                if score >= strong and score > best.get(j, (0.0, False))[0]:
                    best[j] = (score, True)
            elif score > best.get(j, (0.0, False))[0] or best[j][1] and score >= best[j][0]:
                best[j] = (score, False)
        for j, (score, swapped) in best.items():
            if score >= weak:
                distance = abs(shift(v.start) - flags[j].start)
                candidates.append((-round(score, 1), distance, i, j, score, swapped))
    candidates.sort()
    for _, _, i, j, score, swapped in candidates:
        if i not in matches and j not in taken:
            matches[i] = _Match(flags[j], score, swapped)
            taken.add(j)


class _Pool:
    """The untaken flags a verdict of one kind may match, as normalised texts (a duplicate's other
    passage too), computed once per kind."""

    def __init__(self, flags: tuple[Flag, ...], taken: set[int], *, kind: str) -> None:
        self.texts: list[str] = []
        self.entries: list[tuple[int, bool]] = []  # (flag index, is the duplicate's other passage)
        for j, f in enumerate(flags):
            if j in taken or (kind and str(f.kind) != kind):
                continue
            self.texts.append(normalise_for_id(f.text))
            self.entries.append((j, False))
            if f.kind is FlagKind.DUPLICATE:
                for r in f.related:
                    self.texts.append(normalise_for_id(r.text))
                    self.entries.append((j, True))


def _related_is_better(verdict_text: str, flag: Flag, *, strong: float = STRONG) -> bool:
    """Does the verdict's text match the duplicate's other passage outright (order swapped)?"""
    a = normalise_for_id(verdict_text)
    main = _capped(a, normalise_for_id(flag.text), strong)
    other = max((_capped(a, normalise_for_id(r.text), strong) for r in flag.related), default=0.0)
    return other >= strong and other > main


def _other_side(a: str, flag: Flag, score: float) -> bool:
    """Does the verdict's text match a passage the flag points at better than the flag's own text?

    A name variant's two spellings differ by a letter: when the variants swap roles (the rare one
    becomes the common one), the near miss is the other spelling, not an edit of this one.
    Duplicates handle their other passage as a swap instead.
    """
    return flag.kind is not FlagKind.DUPLICATE and any(
        _score_normalised(a, normalise_for_id(r.text)) > score for r in flag.related
    )


def _capped(a: str, b: str, strong: float) -> float:
    """Score of normalised texts; short ones that differ are at most a weak match."""
    score = _score_normalised(a, b)
    if score < 100 and min(len(a), len(b)) < SHORT_TEXT:
        return min(score, strong - 0.1)
    return score


class _Shift:
    """Maps an old offset to where it probably is now, from the verdicts already matched.

    Text inserted or cut above a passage moves it by the same amount as the nearest matched
    passage before it; used only to break ties between equally good candidates.
    """

    def __init__(self, verdicts: tuple[Verdict, ...], matches: dict[int, _Match]) -> None:
        anchors = sorted((verdicts[i].start, m.flag.start - verdicts[i].start) for i, m in matches.items())
        self._starts = [a for a, _ in anchors]
        self._deltas = [d for _, d in anchors]

    def __call__(self, old_start: int) -> int:
        if not self._starts:
            return old_start
        k = max(bisect_right(self._starts, old_start) - 1, 0)
        return old_start + self._deltas[k]
