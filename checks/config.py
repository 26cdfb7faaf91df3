"""A newsroom's own settings: which kinds of flag it wants, and at which level.

``sourcecheck/config.yaml`` in the platform's config folder (``~/.config/sourcecheck/config.yaml``
on Linux; ``$SOURCECHECK_CONFIG_DIR`` overrides the folder, as for the checklist), or a file named
with ``--config``::

    version: 1
    kinds:
      name_variant:
        enabled: false        # never raise this kind
      unsourced:
        level: high           # high, medium or low: the kind's default priority

``apply_config`` is the engine's last step: it drops the flags (and, for ``duplicate``, the pairs)
of switched-off kinds and gives the others their configured level, from which each flag's priority
follows (``checks.priority``). Sentence grades are left as they are: a grade is not a flag.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import platformdirs

from checks.files import DataFileError, read_yaml_file
from checks.kinds import FlagKind, Priority, parse_kind, spec
from checks.model import Analysis

__all__ = [
    "CONFIG_DIR_ENV",
    "Config",
    "KindSetting",
    "apply_config",
    "config_folder",
    "config_from_mapping",
    "load_config",
    "resolve_config",
    "user_config_path",
]

CONFIG_DIR_ENV = "SOURCECHECK_CONFIG_DIR"
CONFIG_VERSION = 1
_SETTING_KEYS = ("enabled", "level")


@dataclass(frozen=True, slots=True)
class KindSetting:
    enabled: bool = True
    level: Priority | None = None  # None: the registry's level


@dataclass(frozen=True, slots=True)
class Config:
    """Per-kind settings; a kind not named keeps the registry's declaration."""

    kinds: Mapping[FlagKind, KindSetting] = field(default_factory=dict, hash=False)
    source: str = "default"

    def enabled(self, kind: FlagKind) -> bool:
        setting = self.kinds.get(kind)
        return setting is None or setting.enabled

    def level(self, kind: FlagKind) -> Priority:
        setting = self.kinds.get(kind)
        return setting.level if setting is not None and setting.level is not None else spec(kind).level

    @property
    def is_default(self) -> bool:
        return all(s.enabled and s.level in (None, spec(k).level) for k, s in self.kinds.items())


def config_folder() -> Path:
    """The user's sourcecheck config folder; reads nothing. ``$SOURCECHECK_CONFIG_DIR`` wins."""
    override = os.environ.get(CONFIG_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_config_dir("sourcecheck"))


def user_config_path() -> Path:
    return config_folder() / "config.yaml"


def _setting(kind: FlagKind, raw: Any, fail: Callable[[str], DataFileError]) -> KindSetting:
    where = f"kinds.{kind}"
    if not isinstance(raw, Mapping):
        raise fail(f"{where} must be a mapping with 'enabled' and/or 'level'")
    unknown = sorted(str(k) for k in raw if k not in _SETTING_KEYS)
    if unknown:
        raise fail(f"{where}: unknown key {unknown[0]!r} (allowed: enabled, level)")
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        raise fail(f"{where}.enabled must be true or false (found {enabled!r})")
    level = raw.get("level")
    if level is not None and (not isinstance(level, str) or level not in set(Priority)):
        raise fail(f"{where}.level must be high, medium or low (found {level!r})")
    return KindSetting(enabled=enabled, level=Priority(level) if level is not None else None)


def config_from_mapping(data: Any, *, source: str) -> Config:
    """Validate a config file's data; DataFileError names the first problem in one line."""

    def fail(message: str) -> DataFileError:
        return DataFileError(f"{source}: {message}")

    if data is None:
        return Config(source=source)  # an empty file: every kind as declared
    if not isinstance(data, Mapping):
        raise fail("not a sourcecheck config (expected a mapping with 'version' and 'kinds')")
    version = data.get("version")
    if version != CONFIG_VERSION or isinstance(version, bool):
        raise fail(f"'version' must be {CONFIG_VERSION} (found {version!r})")
    unknown = sorted(str(k) for k in data if k not in ("version", "kinds"))
    if unknown:
        raise fail(f"unknown key {unknown[0]!r} (a config holds 'version' and 'kinds')")
    raw_kinds = data.get("kinds") or {}
    if not isinstance(raw_kinds, Mapping):
        raise fail("'kinds' must map flag kinds to their settings")
    kinds = {}
    for name, raw in raw_kinds.items():
        try:
            kind = parse_kind(name, context=" in 'kinds'")
        except ValueError as exc:
            raise fail(str(exc)) from None
        kinds[kind] = _setting(kind, raw, fail)
    return Config(kinds=kinds, source=source)


def load_config(path: str | os.PathLike[str]) -> Config:
    """A config file; DataFileError with a one-line message when it is missing or wrong."""
    return config_from_mapping(read_yaml_file(path), source=str(path))


def resolve_config(explicit: str | os.PathLike[str] | None) -> Config:
    """``--config`` if given, else the user's file when there is one, else every kind as declared."""
    if explicit:
        return load_config(explicit)
    user_file = user_config_path()
    if user_file.is_file():
        return load_config(user_file)
    return Config()


def apply_config(analysis: Analysis, config: Config | None) -> Analysis:
    """The analysis as the newsroom configured it: switched-off kinds gone, levels set.

    Flag ids do not change (a kind's id suffixes count only its own flags), so verdicts still match.
    """
    if config is None or config.is_default:
        return analysis
    flags = []
    for flag in analysis.flags:
        if not config.enabled(flag.kind):
            continue
        level = config.level(flag.kind)
        flags.append(flag if level is spec(flag.kind).level and flag.level is None else replace(flag, level=level))
    duplicates = analysis.duplicates if config.enabled(FlagKind.DUPLICATE) else ()
    return replace(analysis, flags=tuple(flags), duplicates=duplicates)
