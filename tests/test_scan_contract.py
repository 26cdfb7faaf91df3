"""The ``scan --format json`` contract: every field, its type, and what was added since. Extend;
never rename. Run on every seed through the command line, with a corpus for the reused flags."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml

from checks.kinds import FlagKind, Priority
from sourcecheck.cli import main

# "format", "byline" and "links" were added with .docx/.odt/HTML reading (issue 16).
DOCUMENT = {"path": str, "sha256": str, "date": (str, type(None)), "title": (str, type(None)),
            "format": str, "byline": (str, type(None)), "links": list}
LINK = {"start": int, "end": int, "text": str, "url": str}
SENTENCE = {"index": int, "paragraph": int, "start": int, "end": int, "text": str, "sourcing": str, "cues": list,
            "reason": str, "checkworthy": float}
CUE = {"start": int, "end": int, "text": str, "role": str}  # a "link" cue adds "url" (str) at the end
SPAN = {"start": int, "end": int, "text": str}
DUPLICATE = {"id": str, "score": float, "a": dict, "b": dict, "shared": list, "sentences_a": list,
             "sentences_b": list, "diff": list}
# "priority" was added after the first eight; a new field goes at the end of its object.
FLAG = {"id": str, "kind": str, "start": int, "end": int, "text": str, "message": str, "related": list,
        "priority": str}


def _check(obj: dict, shape: dict, what: str) -> None:
    assert list(obj) == list(shape), f"{what} fields"
    for key, kind in shape.items():
        assert isinstance(obj[key], kind), f"{what}.{key} is {type(obj[key]).__name__}"


@pytest.fixture
def payload(tmp_path, seed_path, monkeypatch, capsys):
    monkeypatch.setenv("SOURCECHECK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("SOURCECHECK_CACHE_DIR", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(seed_path, corpus / "wire.txt")
    seeds = sorted(str(p) for p in seed_path.parent.glob("*.txt"))
    assert main(["scan", "--format", "json", "--against", str(corpus), *seeds]) == 1
    return json.loads(capsys.readouterr().out)


def test_every_field_of_the_scan_json(payload):
    kinds, priorities = set(), set()
    for doc in payload:
        # "quotes" was added after the first four (empty without --sources)
        assert list(doc) == ["document", "sentences", "duplicates", "flags", "quotes"]
        assert doc["quotes"] == []
        _check(doc["document"], DOCUMENT, "document")
        for link in doc["document"]["links"]:
            _check(link, LINK, "document.link")
        for s in doc["sentences"]:
            _check(s, SENTENCE, "sentence")
            for c in s["cues"]:
                _check(c, {**CUE, "url": str} if c["role"] == "link" else CUE, "cue")
        for d in doc["duplicates"]:
            _check(d, DUPLICATE, "duplicate")
            _check(d["a"], SPAN, "duplicate.a")
            assert all(len(op) == 5 for op in d["diff"])
        for f in doc["flags"]:
            # an unsourced flag adds "sentences": the claims of its paragraph it covers (issue 14)
            _check(f, {**FLAG, "sentences": list} if f["kind"] == "unsourced" else FLAG, "flag")
            for r in f["related"]:
                _check(r, {**SPAN, "source": str} if f["kind"] == "reused" else SPAN, "related")
            kinds.add(FlagKind(f["kind"]))
            priorities.add(Priority(f["priority"]))
        # flags stay in document order in the JSON (the text output and the report sort by priority)
        assert [(f["start"], f["end"]) for f in doc["flags"]] == sorted((f["start"], f["end"]) for f in doc["flags"])
    assert FlagKind.REUSED in kinds and FlagKind.DUPLICATE in kinds and len(kinds) >= 8
    assert priorities == set(Priority)


def test_yaml_has_the_same_fields(tmp_path, seed_path, monkeypatch, capsys):
    monkeypatch.setenv("SOURCECHECK_CONFIG_DIR", str(tmp_path / "config"))
    assert main(["scan", "--format", "json", str(seed_path)]) == 1
    as_json = json.loads(capsys.readouterr().out)
    assert main(["scan", "--format", "yaml", str(seed_path)]) == 1
    assert yaml.safe_load(capsys.readouterr().out) == as_json
    assert all("priority" in f for f in as_json["flags"])


# Issue 15: each quotation checked against --sources. "sources", "brackets" and "sensitive" go
# beyond the list, at the end.
QUOTE = {"start": int, "end": int, "text": str, "speaker": (str, type(None)), "status": str,
         "source": (dict, type(None)), "score": float, "diff": list, "sources": list, "brackets": list,
         "sensitive": list}
QUOTE_SOURCE = {"path": str, "start": int, "end": int, "text": str, "speaker": (str, type(None))}


def test_quotes_of_the_scan_json(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOURCECHECK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("SOURCECHECK_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "transcript.txt"
    source.write_text("JANE ORTIZ: We will not raise taxes this year, and the budget is balanced.\n"
                      "TOM HALE: Our figures show a slowdown in every region of the country.\n", encoding="utf-8")
    article = tmp_path / "story.txt"
    article.write_text('Budget\n\n"We will raise taxes this year," said Jane Ortiz.\n\n'
                       '"Our figures show a slowdown in every region," Tom Hale said.\n', encoding="utf-8")
    assert main(["scan", "--format", "json", str(article), "--sources", str(source)]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert [q["status"] for q in doc["quotes"]] == ["altered", "verbatim"]
    for q in doc["quotes"]:
        _check(q, QUOTE, "quote")
        _check(q["source"], QUOTE_SOURCE, "quote.source")
        assert doc["document"] and source.read_text()[q["source"]["start"] : q["source"]["end"]] == q["source"]["text"]
        assert all(len(op) == 5 for op in q["diff"])
    (flag,) = [f for f in doc["flags"] if f["kind"] == "misquote"]
    assert flag["priority"] == "high"  # a negation dropped
    _check(flag["related"][0], {**SPAN, "source": str}, "related")
    assert flag["related"][0]["source"] == str(source)
