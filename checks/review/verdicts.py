"""A review: verdicts on flags, checklist ticks, position and sign-off, and its YAML form.

Values are immutable; every change returns a new Review (``with_verdict``, ``with_tick`` ...), which
also makes undo/redo a matter of keeping the previous values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from typing import Any

from checks.kinds import Decision, decisions_for  # declared beside the kinds, which say which decisions each takes
from checks.model import Flag
from checks.text.display import a_or_an

__all__ = [
    "FORMAT_VERSION",
    "Decision",
    "Review",
    "ReviewFormatError",
    "SignOff",
    "Tick",
    "Verdict",
    "VerdictConflict",
    "review_from_dict",
    "review_to_dict",
    "utc_now",
]

FORMAT_VERSION = 1
_DECISIONS = {str(d): d for d in Decision}


class ReviewFormatError(ValueError):
    """A verdict file of the wrong shape; the message is one line for the user."""


def utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class Verdict:
    """The reviewer's decision on one flag; ``text`` lets it be matched again after edits."""

    flag: str
    kind: str
    decision: Decision
    text: str
    start: int
    end: int
    note: str = ""
    by: str = ""
    at: str = ""

    def __post_init__(self) -> None:
        if not self.flag:
            raise ValueError("a verdict needs a flag id")
        if self.decision is Decision.DISMISSED and not self.note.strip():
            raise ValueError("dismissing a flag needs a reason in the note")

    @classmethod
    def for_flag(cls, flag: Flag, decision: Decision, *, note: str = "", by: str = "") -> Verdict:
        """A new verdict on ``flag``; ValueError when its kind does not take ``decision``
        (keep first/second/both are for duplicate passages only: ``checks.kinds.decisions_for``)."""
        if Decision(decision) not in decisions_for(flag.kind):
            raise ValueError(f"'{Decision(decision).label}' is not a verdict for {a_or_an(flag.kind.label)}")
        return cls(flag.id, str(flag.kind), Decision(decision), flag.text, flag.start, flag.end,
                   note, by, utc_now())


@dataclass(frozen=True, slots=True)
class Tick:
    item: str
    by: str = ""
    at: str = ""


@dataclass(frozen=True, slots=True)
class SignOff:
    by: str
    at: str


@dataclass(frozen=True, slots=True)
class VerdictConflict:
    """Different verdicts on one flag from two merged reviews, kept until the reviewer chooses one.

    ``options`` are the verdicts as each side gave them (who, when, note), ours first."""

    flag: str
    options: tuple[Verdict, ...]

    def __post_init__(self) -> None:
        if len(self.options) < 2 or any(v.flag != self.flag for v in self.options):
            raise ValueError(f"a conflict on {self.flag} needs two or more verdicts on that flag")


@dataclass(frozen=True, slots=True)
class Review:
    article_path: str
    article_sha256: str
    reviewer: str = ""
    verdicts: tuple[Verdict, ...] = ()
    ticks: tuple[Tick, ...] = ()
    position: str | None = None
    signed_off: SignOff | None = None
    created: str = field(default_factory=utc_now)
    updated: str = ""
    sources: tuple[str, ...] = ()  # the --sources its quotes were checked against (optional field)
    extra: tuple[tuple[str, Any], ...] = ()  # unknown top-level keys from a newer writer, kept as read
    article_format: str = ""  # the article file's format ("docx", "html" ...; "" in files written before formats)
    conflicts: tuple[VerdictConflict, ...] = ()  # from a merge: flags whose verdict the reviewer chooses
    # Built on the first look-up: a report asks about every flag, and a file may hold 100k verdicts.
    _by_flag: dict[str, Verdict] | None = field(default=None, init=False, repr=False, compare=False, hash=False)

    def verdict(self, flag_id: str) -> Verdict | None:
        index = self._by_flag
        if index is None:
            index = {v.flag: v for v in reversed(self.verdicts)}  # the first verdict on a flag wins
            object.__setattr__(self, "_by_flag", index)
        return index.get(flag_id)

    def ticked(self, item_id: str) -> bool:
        return any(t.item == item_id for t in self.ticks)

    def conflict(self, flag_id: str) -> VerdictConflict | None:
        return next((c for c in self.conflicts if c.flag == flag_id), None)

    def with_verdict(self, verdict: Verdict) -> Review:
        """The verdict on its flag, replacing the old one (and settling a merge conflict there)."""
        return self.with_verdicts((verdict,))

    def with_verdicts(self, verdicts: Sequence[Verdict]) -> Review:
        """Several verdicts at once (each replaces its flag's old one): one new value, one undo step."""
        ids = {v.flag for v in verdicts}
        kept = tuple(v for v in self.verdicts if v.flag not in ids)
        conflicts = tuple(c for c in self.conflicts if c.flag not in ids)
        return replace(self, verdicts=(*kept, *verdicts), conflicts=conflicts, signed_off=None)

    def without_verdict(self, flag_id: str) -> Review:
        return replace(self, verdicts=tuple(v for v in self.verdicts if v.flag != flag_id), signed_off=None)

    def with_tick(self, item_id: str, ticked: bool, *, by: str = "") -> Review:
        kept = tuple(t for t in self.ticks if t.item != item_id)
        ticks = (*kept, Tick(item_id, by, utc_now())) if ticked else kept
        return replace(self, ticks=ticks, signed_off=None)

    def with_position(self, flag_id: str | None) -> Review:
        return replace(self, position=flag_id)

    def with_sign_off(self, by: str) -> Review:
        return replace(self, signed_off=SignOff(by, utc_now()))


def _drop_empty(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v not in (None, "", [], {})}


def _verdict_to_dict(v: Verdict) -> dict[str, Any]:
    return _drop_empty(
        {
            "flag": v.flag,
            "kind": v.kind,
            "decision": str(v.decision),
            "note": v.note,
            "by": v.by,
            "at": v.at,
            "start": v.start,
            "end": v.end,
            "text": v.text,
        }
    )


def review_to_dict(review: Review) -> dict[str, Any]:
    """Plain data for ``yaml.safe_dump(sort_keys=False)``: stable order, defaults left out."""
    article = {"path": review.article_path, "sha256": review.article_sha256}
    if review.article_format:  # sha256 is the original file's: the .docx or page, not its extracted text
        article["format"] = review.article_format
    out: dict[str, Any] = {"version": FORMAT_VERSION, "article": article}
    out.update(
        _drop_empty(
            {
                "reviewer": review.reviewer,
                "created": review.created,
                "updated": review.updated,
                "position": review.position,
                "sources": list(review.sources),
                "signed_off": {"by": review.signed_off.by, "at": review.signed_off.at}
                if review.signed_off
                else None,
                "checklist": [_drop_empty({"item": t.item, "by": t.by, "at": t.at}) for t in review.ticks],
                "verdicts": [_verdict_to_dict(v) for v in review.verdicts],
                "conflicts": [
                    {"flag": c.flag, "options": [_verdict_to_dict(v) for v in c.options]} for c in review.conflicts
                ],
            }
        )
    )
    for key, value in review.extra:
        out.setdefault(key, value)
    return out


_KNOWN = {
    "version", "article", "reviewer", "created", "updated", "position", "sources", "signed_off", "checklist",
    "verdicts", "conflicts",
}


def review_from_dict(data: Any, *, source: str = "verdict file") -> Review:
    """Validate and build a Review; raise ReviewFormatError naming the first problem.

    Long because it reads the file's fields in the file's order, one check each, so the code reads
    as the format does; the verdicts and ticks have helpers of their own."""

    def fail(msg: str) -> ReviewFormatError:
        return ReviewFormatError(f"{source}: {msg}")

    if not isinstance(data, dict):
        raise fail("not a verdict file (expected a mapping with version, article and verdicts)")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise fail("missing or non-integer 'version'")
    if version > FORMAT_VERSION or version < 1:
        raise fail(f"version {version} is not supported (this sourcecheck reads version {FORMAT_VERSION})")
    article = data.get("article")
    if not isinstance(article, dict) or not isinstance(article.get("sha256"), str):
        raise fail("'article' must hold 'path' and 'sha256'")
    verdicts = [_verdict_from(v, f"verdict {i + 1}", fail) for i, v in enumerate(_list(data, "verdicts", fail))]
    conflicts = [_conflict_from(c, i, fail) for i, c in enumerate(_list(data, "conflicts", fail))]
    ticks = []
    for i, t in enumerate(_list(data, "checklist", fail)):
        if not isinstance(t, dict) or not isinstance(t.get("item"), str):
            raise fail(f"checklist entry {i + 1} needs an 'item'")
        ticks.append(Tick(t["item"], _str(t, "by", fail), _str(t, "at", fail)))
    signed = data.get("signed_off")
    sign_off = None
    if signed is not None:
        if not isinstance(signed, dict):
            raise fail("'signed_off' must hold 'by' and 'at'")
        sign_off = SignOff(_str(signed, "by", fail), _str(signed, "at", fail))
    position = data.get("position")
    sources = data.get("sources") or []
    if not isinstance(sources, list) or not all(isinstance(x, str) for x in sources):
        raise fail("'sources' must be a list of paths")
    return Review(
        article_path=str(article.get("path", "")),
        article_sha256=article["sha256"],
        article_format=article["format"] if isinstance(article.get("format"), str) else "",
        reviewer=_str(data, "reviewer", fail),
        verdicts=tuple(verdicts),
        ticks=tuple(ticks),
        position=position if isinstance(position, str) else None,
        signed_off=sign_off,
        created=_str(data, "created", fail),
        updated=_str(data, "updated", fail),
        sources=tuple(sources),
        extra=tuple((k, v) for k, v in data.items() if k not in _KNOWN),
        conflicts=tuple(conflicts),
    )


_TEXT_FIELDS = ("flag", "kind", "decision", "text", "note", "by", "at")


def _verdict_from(v: Any, where: str, fail: Any) -> Verdict:
    if not isinstance(v, dict):
        raise fail(f"{where} is not a mapping")
    plain = _plain_verdict(v)  # the common case in one step: a big file holds 100k of these
    if plain is not None:
        return plain
    try:
        return Verdict(
            flag=_str(v, "flag", fail, required=True),
            kind=_str(v, "kind", fail),
            decision=Decision(_str(v, "decision", fail, required=True)),
            text=_str(v, "text", fail),
            start=_int(v, "start", fail),
            end=_int(v, "end", fail),
            note=_str(v, "note", fail),
            by=_str(v, "by", fail),
            at=_str(v, "at", fail),
        )
    except ValueError as exc:
        if isinstance(exc, ReviewFormatError):
            raise
        raise fail(f"{where}: {exc}") from None


def _plain_verdict(v: dict[str, Any]) -> Verdict | None:
    """The verdict when every field is already of its type (text as str, offsets as int), else None
    for the field-by-field checks and their messages."""
    get = v.get
    text = [get(k, "") for k in _TEXT_FIELDS]
    start, end = get("start", 0), get("end", 0)
    if any(type(x) is not str for x in text) or type(start) is not int or type(end) is not int or start < 0 or end < 0:
        return None
    flag, kind, decision, passage, note, by, at = text
    if not flag or decision not in _DECISIONS or (decision == "dismissed" and not note.strip()):
        return None
    return Verdict(flag, kind, _DECISIONS[decision], passage, start, end, note, by, at)


def _conflict_from(c: Any, i: int, fail: Any) -> VerdictConflict:
    where = f"conflict {i + 1}"
    if not isinstance(c, dict) or not isinstance(c.get("options"), list):
        raise fail(f"{where} needs a 'flag' and a list of 'options'")
    options = tuple(_verdict_from(v, f"{where}, option {j + 1}", fail) for j, v in enumerate(c["options"]))
    try:
        return VerdictConflict(_str(c, "flag", fail, required=True), options)
    except ValueError as exc:
        raise fail(f"{where}: {exc}") from None


def _list(d: dict[str, Any], key: str, fail: Any) -> list[Any]:
    value = d.get(key) or []
    if not isinstance(value, list):
        raise fail(f"'{key}' must be a list")
    return value


def _str(d: dict[str, Any], key: str, fail: Any, *, required: bool = False) -> str:
    value = d.get(key)
    if value is None:
        if required:
            raise fail(f"missing '{key}'")
        return ""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, (date, datetime)):
        # A hand-edited file may leave a timestamp unquoted; YAML then reads it as a date.
        text = value.isoformat()
        return text.replace("+00:00", "Z") if isinstance(value, datetime) else text
    raise fail(f"'{key}' must be text")


def _int(d: dict[str, Any], key: str, fail: Any) -> int:
    value = d.get(key, 0)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise fail(f"'{key}' must be a non-negative whole number")
    return value
