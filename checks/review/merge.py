"""Two reviews of one article merged flag by flag, as ``git merge`` merges two edits of a file.

The same decision on both sides, or a decision on one side only, merges cleanly; different
decisions become a ``VerdictConflict`` in the result, listing each side's verdict (who, when, note)
for the reviewer to choose in the app. With the common ancestor (``base``) a change on one side
wins over "unchanged" on the other, a verdict removed on one side and left alone on the other goes,
and a verdict removed on one side but changed on the other is kept as changed. Checklist ticks merge the
same way. Nothing is dropped: every verdict of either side is in the result, with its note, or in a
conflict. Pure: values in, a value out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from checks.review.verdicts import Review, SignOff, Tick, Verdict, VerdictConflict

__all__ = ["merge_reviews", "same_article"]


def merge_reviews(ours: Review, theirs: Review, base: Review | None = None) -> Review:
    """The merged review (``ours`` first in every list); its ``conflicts`` are the flags to choose."""
    ours_v, theirs_v = _options(ours), _options(theirs)
    base_v = {v.flag: v for v in base.verdicts} if base is not None else {}
    verdicts: list[Verdict] = []
    conflicts: list[VerdictConflict] = []
    for flag in dict.fromkeys([*ours_v, *theirs_v]):
        merged = _merge_flag(ours_v.get(flag, ()), theirs_v.get(flag, ()), base_v.get(flag))
        if len(merged) == 1:
            verdicts.append(merged[0])
        elif merged:
            conflicts.append(VerdictConflict(flag, merged))
    ticks = _merge_ticks(ours.ticks, theirs.ticks, base.ticks if base is not None else None)
    newer = theirs if (theirs.updated or "") > (ours.updated or "") else ours
    merged_review = replace(
        ours,
        article_path=ours.article_path or theirs.article_path,
        article_sha256=newer.article_sha256,  # a side re-attached to the edited article is the newer
        reviewer=ours.reviewer or theirs.reviewer,
        verdicts=tuple(verdicts),
        ticks=ticks,
        position=ours.position or theirs.position,
        created=min((r.created for r in (ours, theirs) if r.created), default=ours.created),
        updated=max(ours.updated, theirs.updated),
        extra=(*ours.extra, *((k, v) for k, v in theirs.extra if k not in dict(ours.extra))),
        conflicts=tuple(conflicts),
        signed_off=None,
    )
    return replace(merged_review, signed_off=_sign_off(merged_review, ours, theirs))


def same_article(a: Review, b: Review) -> bool:
    """Whether two reviews can be of one article: the same text, or the same file name."""
    if a.article_sha256 == b.article_sha256:
        return True
    return bool(_file_name(a)) and _file_name(a) == _file_name(b)


def _file_name(review: Review) -> str:
    return review.article_path.replace("\\", "/").rsplit("/", 1)[-1]


def _options(review: Review) -> dict[str, tuple[Verdict, ...]]:
    """Each flag's verdict, or the verdicts of a conflict still open on that side."""
    out: dict[str, tuple[Verdict, ...]] = {v.flag: (v,) for v in review.verdicts}
    for c in review.conflicts:
        out[c.flag] = _unique((*out.get(c.flag, ()), *c.options))
    return out


def _merge_flag(ours: tuple[Verdict, ...], theirs: tuple[Verdict, ...], base: Verdict | None) -> tuple[Verdict, ...]:
    """One verdict (clean), none (removed), or the options of a conflict."""
    if len(ours) > 1 or len(theirs) > 1:  # a conflict already open on a side stays open
        return _unique((*ours, *theirs))
    o, t = (ours[0] if ours else None), (theirs[0] if theirs else None)
    if base is not None:
        if _same(o, base):
            return (t,) if t is not None else ()  # only theirs changed (or removed) it
        if _same(t, base):
            return (o,) if o is not None else ()
    if o is None or t is None:  # one side only (or removed on one side, changed on the other): keep it
        return tuple(v for v in (o, t) if v is not None)
    if o.decision == t.decision:
        return (_joined(o, t),)
    return (o, t)


def _joined(o: Verdict, t: Verdict) -> Verdict:
    """The same decision from both sides: the later verdict, carrying both notes when they differ."""
    later, earlier = (t, o) if (t.at or "") > (o.at or "") else (o, t)
    a, b = o.note.strip(), t.note.strip()
    if not b or b in a:
        note = o.note
    elif not a or a in b:
        note = t.note
    else:
        note = f"{o.note}\n{t.note}"
    return replace(later, note=note)


def _same(a: Verdict | None, b: Verdict | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.decision, a.note, a.by, a.at) == (b.decision, b.note, b.by, b.at)


def _unique(verdicts: Iterable[Verdict]) -> tuple[Verdict, ...]:
    seen: dict[tuple[str, str, str, str], Verdict] = {}
    for v in verdicts:
        seen.setdefault((str(v.decision), v.note, v.by, v.at), v)
    return tuple(seen.values())


def _merge_ticks(ours: tuple[Tick, ...], theirs: tuple[Tick, ...], base: tuple[Tick, ...] | None) -> tuple[Tick, ...]:
    """Ticked on both sides, or ticked on one side since the base (an untick since the base wins)."""
    o = {t.item: t for t in ours}
    t = {x.item: x for x in theirs}
    b = {x.item for x in base} if base is not None else set()
    kept = []
    for item in dict.fromkeys([*o, *t]):
        both = item in o and item in t
        if both or item not in b:
            kept.append(o.get(item) or t[item])
    return tuple(kept)


def _sign_off(merged: Review, ours: Review, theirs: Review) -> SignOff | None:
    """A sign-off holds only for the work it signed: a side's, when the merge is exactly that side."""
    if merged.conflicts:
        return None
    for side in (ours, theirs):
        if side.signed_off and _work(side) == _work(merged):
            return side.signed_off
    return None


def _work(review: Review) -> tuple[frozenset[Verdict], frozenset[str]]:
    return frozenset(review.verdicts), frozenset(t.item for t in review.ticks)
