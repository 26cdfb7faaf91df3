"""Cue words, patterns and weights of the check-worthiness score, kept as YAML data.

``checks/data/checkworthy.yaml`` ships the defaults. A newsroom file of the same shape extends
them: under ``roles:`` it adds ``terms``/``patterns``/``verbs``/``endings``/``not_words`` to a
role (or adds a new role with its weight) and may set a role's ``weight`` or its settings
(``min_words``, ``max_words``, ``min_letters``); top-level ``bias``, ``length_weight``,
``words_cap``, ``min_checkworthy`` and ``word_cue_min`` replace the shipped values, and
``paragraph_sources`` (true or false) says whether a source named in a paragraph covers its other
sentences (``checks.claims.weigh``). Unknown keys are refused. Under ``words:`` it adds single words with their
weights (or sets a shipped word's weight). ``replace: true`` at the top level starts from empty
role and word lists instead.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType

from checks.claims.match import Matcher, Role
from checks.files import DataFileError, read_package_yaml, read_yaml_file

__all__ = ["ClaimLexicon", "Role", "claim_lexicon_from_mapping", "default_claim_lexicon", "load_claim_lexicon"]

_NUMBERS = ("bias", "length_weight", "words_cap", "min_checkworthy", "word_cue_min")
_LISTS = ("terms", "patterns", "verbs", "endings", "not_words")
_SETTINGS = ("min_words", "max_words", "min_letters")


@dataclass(frozen=True, slots=True)
class ClaimLexicon:
    """Roles in file order, single-word weights, the score's constant terms and the default threshold.

    A word of ``words`` whose weight is at least ``word_cue_min`` (in absolute value) is shown as a
    cue (role ``claim_word`` or ``chatter_word``); smaller ones count in the score silently.
    """

    roles: tuple[Role, ...]
    bias: float
    length_weight: float
    words_cap: int
    min_checkworthy: float
    word_cue_min: float = 0.5
    words: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    paragraph_sources: bool = True
    _matcher: list[Matcher] = field(default_factory=list, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_checkworthy <= 1.0:
            raise ValueError("min_checkworthy must lie between 0 and 1")
        if self.words_cap < 1:
            raise ValueError("words_cap must be at least 1")

    def matcher(self) -> Matcher:
        """The word-by-word lookup tables of the roles and the word table, built on first use."""
        if not self._matcher:
            self._matcher.append(Matcher.build(self.roles, self.words, self.word_cue_min))
        return self._matcher[0]

    def role(self, name: str) -> Role | None:
        return next((r for r in self.roles if r.name == name), None)

    def weights(self) -> dict[str, float]:
        return {r.name: r.weight for r in self.roles}


def _compile(name: str, patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    # A match may not run on into a letter or digit ("52-48" holds two numbers); where a match may
    # start is the pattern's business (starting with a character class keeps the scan fast).
    if not patterns:
        return None
    try:
        return re.compile("|".join(rf"(?:{p})(?!\w)" for p in patterns), re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(f"role {name!r}: bad pattern ({exc})") from None


def _string_list(value: object, *, source: str, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        raise DataFileError(f"{source}: {where} must be a list of strings")
    return value


def _number(value: object, *, source: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise DataFileError(f"{source}: {where} must be a number")
    return float(value)


def _merge_role(name: str, spec: object, base: Role | None, *, source: str) -> Role:
    if not isinstance(spec, Mapping):
        raise DataFileError(f"{source}: role {name!r} must be a mapping (weight, terms, patterns)")
    unknown = set(map(str, spec)) - {"weight", *_LISTS, *_SETTINGS}
    if unknown:
        raise DataFileError(f"{source}: role {name!r}: unknown key {sorted(unknown)[0]!r}")
    if base is None and "weight" not in spec:
        raise DataFileError(f"{source}: new role {name!r} needs a weight")
    weight = _number(spec["weight"], source=source, where=f"{name}.weight") if "weight" in spec else base.weight
    lists: dict[str, list[str]] = {key: list(getattr(base, key)) if base else [] for key in _LISTS}
    for key in _LISTS:
        for item in _string_list(spec.get(key, []), source=source, where=f"{name}.{key}"):
            item = item if key == "patterns" else " ".join(item.lower().replace("\u2019", "'").split())
            if item and item not in lists[key]:
                lists[key].append(item)
    settings = dict(base.settings) if base else {}
    for key in _SETTINGS:
        if key in spec:
            settings[key] = int(_number(spec[key], source=source, where=f"{name}.{key}"))
    got = {key: tuple(lists[key]) for key in _LISTS}
    try:
        return Role(name, weight, **got, settings=MappingProxyType(settings), pattern=_compile(name, got["patterns"]))
    except DataFileError as exc:
        raise DataFileError(f"{source}: {exc}") from None


def _merge_words(spec: object, words: dict[str, float], *, source: str) -> dict[str, float]:
    if not isinstance(spec, Mapping):
        raise DataFileError(f"{source}: words must be a mapping of word: weight")
    for word, weight in spec.items():
        key = str(word).lower().replace("\u2019", "'").strip()
        if not key or " " in key:
            raise DataFileError(f"{source}: words holds single words only ({word!r})")
        words[key] = _number(weight, source=source, where=f"words.{key}")
    return words


def claim_lexicon_from_mapping(data: object, *, source: str, base: ClaimLexicon | None = None) -> ClaimLexicon:
    """A lexicon from parsed YAML; with ``base``, the file extends it (see the module docstring)."""
    if not isinstance(data, Mapping):
        raise DataFileError(f"{source}: a check-worthiness file is a mapping (roles, bias, ...)")
    unknown = set(map(str, data)) - {"version", "replace", "roles", "words", "paragraph_sources", *_NUMBERS}
    if unknown:
        raise DataFileError(f"{source}: unknown key {sorted(unknown)[0]!r}")
    replace = bool(data.get("replace", False))
    roles = {r.name: r for r in base.roles} if base is not None and not replace else {}
    specs = data.get("roles", {})
    if not isinstance(specs, Mapping):
        raise DataFileError(f"{source}: roles must be a mapping of role: {{weight, terms}}")
    for name, spec in specs.items():
        roles[str(name)] = _merge_role(str(name), spec, roles.get(str(name)), source=source)
    numbers = {k: getattr(base, k) for k in _NUMBERS} if base is not None else {}
    for key in _NUMBERS:
        if key in data:
            numbers[key] = _number(data[key], source=source, where=key)
        elif key not in numbers:
            raise DataFileError(f"{source}: {key} is missing")
    words = _merge_words(data.get("words", {}), {} if base is None or replace else dict(base.words), source=source)
    paragraph_sources = data.get("paragraph_sources", base.paragraph_sources if base is not None else True)
    if not isinstance(paragraph_sources, bool):
        raise DataFileError(f"{source}: paragraph_sources must be true or false")
    try:
        return ClaimLexicon(tuple(roles.values()), numbers["bias"], numbers["length_weight"],
                            int(numbers["words_cap"]), numbers["min_checkworthy"], numbers["word_cue_min"],
                            MappingProxyType(words), paragraph_sources)
    except ValueError as exc:
        raise DataFileError(f"{source}: {exc}") from None


@cache
def default_claim_lexicon() -> ClaimLexicon:
    """The shipped lexicon, loaded once per process."""
    return claim_lexicon_from_mapping(read_package_yaml("checkworthy.yaml"), source="checks/data/checkworthy.yaml")


def load_claim_lexicon(user_files: Iterable[str | os.PathLike[str]] = ()) -> ClaimLexicon:
    lexicon = default_claim_lexicon()
    for path in user_files:
        lexicon = claim_lexicon_from_mapping(read_yaml_file(path), source=str(path), base=lexicon)
    return lexicon
