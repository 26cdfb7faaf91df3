"""A newsroom's config.yaml: kinds switched off or at another level, in scan, report and app."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from checks.config import Config, KindSetting, apply_config, load_config, resolve_config, user_config_path
from checks.files import DataFileError
from checks.kinds import FlagKind, Priority
from checks.review.report import escape_md
from sourcecheck.cli import main

NO_ANONYMOUS = "version: 1\nkinds:\n  anonymous:\n    enabled: false\n  vague:\n    level: high\n"


@pytest.fixture(autouse=True)
def own_config_folder(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    monkeypatch.setenv("SOURCECHECK_CONFIG_DIR", str(folder))
    monkeypatch.setenv("SOURCECHECK_CACHE_DIR", str(tmp_path / "cache"))
    return folder


@pytest.fixture
def config_file(tmp_path) -> Path:
    path = tmp_path / "newsroom.yaml"
    path.write_text(NO_ANONYMOUS, encoding="utf-8")
    return path


def test_a_config_switches_kinds_off_and_sets_levels(config_file, seed_analysis):
    config = load_config(config_file)
    assert config.kinds == {
        FlagKind.ANONYMOUS: KindSetting(enabled=False),
        FlagKind.VAGUE: KindSetting(level=Priority.HIGH),
    }
    assert not config.enabled(FlagKind.ANONYMOUS) and config.enabled(FlagKind.VAGUE)
    assert config.level(FlagKind.VAGUE) is Priority.HIGH and config.level(FlagKind.OPINION) is Priority.MEDIUM
    before = seed_analysis.flags
    after = apply_config(seed_analysis, config).flags
    assert any(f.kind is FlagKind.ANONYMOUS for f in before)
    assert not any(f.kind is FlagKind.ANONYMOUS for f in after)
    vague = [f for f in after if f.kind is FlagKind.VAGUE]
    assert vague and all(f.priority is Priority.HIGH for f in vague)
    # nothing else changes, ids included (a verdict still finds its flag)
    kept = [f for f in before if f.kind is not FlagKind.ANONYMOUS]
    assert [(f.id, f.kind, f.start) for f in after] == [(f.id, f.kind, f.start) for f in kept]
    assert apply_config(seed_analysis, Config()) is seed_analysis


def test_switching_duplicates_off_drops_their_pairs(seed_analysis):
    assert seed_analysis.duplicates
    config = Config({FlagKind.DUPLICATE: KindSetting(enabled=False)})
    configured = apply_config(seed_analysis, config)
    assert configured.duplicates == () and not any(f.kind is FlagKind.DUPLICATE for f in configured.flags)


def test_the_user_config_folder_is_read_when_no_file_is_named(own_config_folder):
    assert resolve_config(None) == Config()
    own_config_folder.mkdir()
    user_config_path().write_text(NO_ANONYMOUS, encoding="utf-8")
    assert user_config_path() == own_config_folder / "config.yaml"
    assert not resolve_config(None).enabled(FlagKind.ANONYMOUS)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("kinds: {}\n", "'version' must be 1"),
        ("version: 1\nkinds:\n  dupes:\n    enabled: false\n", "unknown flag kind 'dupes' in 'kinds' (known: duplicate"),
        ("version: 1\nkinds:\n  vague:\n    level: urgent\n", "kinds.vague.level must be high, medium or low (found 'urgent')"),
        ("version: 1\nkinds:\n  vague:\n    enabled: 'no'\n", "kinds.vague.enabled must be true or false"),
        ("version: 1\nkinds:\n  vague:\n    colour: red\n", "kinds.vague: unknown key 'colour'"),
        ("version: 1\nkinds:\n  vague: off\n", "kinds.vague must be a mapping"),
        ("version: 1\nlevels: {}\n", "unknown key 'levels'"),
        ("version: 1\nkinds: [vague]\n", "'kinds' must map flag kinds"),
        ("- a list\n", "not a sourcecheck config"),
        ("version: 1\nkinds: {vague: {level: !!python/name:os.system high}}\n", "not valid YAML"),
        ("a: &x [1]\nb: *x\n", "not valid YAML"),
    ],
)
def test_a_bad_config_is_one_clear_line(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=re.escape(message)) as caught:
        load_config(path)
    assert "\n" not in str(caught.value) and str(path) in str(caught.value)


@pytest.mark.parametrize("command", ["scan", "report", "review"])
def test_a_bad_or_missing_config_exits_2_with_one_line(tmp_path, seed_path, command, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nkinds:\n  vague:\n    level: urgent\n", encoding="utf-8")
    for config in (bad, tmp_path / "missing.yaml"):
        assert main([command, str(seed_path), "--config", str(config)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("sourcecheck: error: ") and err.count("\n") == 1 and str(config) in err


@pytest.mark.parametrize("fmt", ["text", "json", "yaml"])
def test_a_switched_off_kind_disappears_from_scan(seed_path, config_file, fmt, capsys):
    assert main(["scan", str(seed_path), "--format", fmt]) == 1
    plain = capsys.readouterr().out
    assert main(["scan", str(seed_path), "--format", fmt, "--config", str(config_file)]) == 1
    configured = capsys.readouterr().out
    if fmt == "text":
        assert ": anonymous: " in plain and ": anonymous: " not in configured
        assert ": medium: vague: " not in configured and ": medium: vague: " in plain
        assert ": high: vague: " in configured
        return
    load = json.loads if fmt == "json" else yaml.safe_load
    before, after = load(plain)["flags"], load(configured)["flags"]
    assert any(f["kind"] == "anonymous" for f in before) and not any(f["kind"] == "anonymous" for f in after)
    assert {f["priority"] for f in before if f["kind"] == "vague"} == {"medium"}
    assert {f["priority"] for f in after if f["kind"] == "vague"} == {"high"}
    assert [f for f in before if f["kind"] not in ("anonymous", "vague")] == [
        f for f in after if f["kind"] != "vague"
    ]


def test_the_user_config_applies_to_scan_without_an_option(seed_path, own_config_folder, capsys):
    own_config_folder.mkdir()
    (own_config_folder / "config.yaml").write_text(NO_ANONYMOUS, encoding="utf-8")
    assert main(["scan", str(seed_path), "--format", "json"]) == 1
    assert not any(f["kind"] == "anonymous" for f in json.loads(capsys.readouterr().out)["flags"])


def test_a_switched_off_kind_disappears_from_the_report(tmp_path, seed_path, config_file, capsys):
    article = tmp_path / "talks.txt"
    article.write_bytes(seed_path.read_bytes())
    assert main(["report", str(article)]) == 0
    plain = capsys.readouterr().out
    assert main(["report", str(article), "--config", str(config_file)]) == 0
    configured = capsys.readouterr().out
    assert "Anonymous source, line" in plain and "anonymous source (" in plain
    assert "Anonymous source, line" not in configured and "anonymous source (" not in configured
    assert "Newsroom config" not in plain
    assert f"- **Newsroom config:** {escape_md(str(config_file))}: not checked: anonymous source; levels: vague attribution high" in configured
    # the checklist item about anonymous sources is no longer blocked by flags that are not raised
    assert "- [ ] Anonymous sources are justified (blocked: " in plain
    assert "- [ ] Anonymous sources are justified\n" in configured
