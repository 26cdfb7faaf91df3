"""Reference corpus: reused passages named by source file and span, the on-disk cache, dupes, the CLI."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest

from checks import FlagKind, parse_article
from checks.details import ReusedDetails
from checks.corpus import cache as corpus_cache
from checks.corpus.index import corpus_duplicates, find_reuse, fingerprint
from checks.corpus.cache import CorpusError, load_corpus_index
from sourcecheck.cli import main
from sourcecheck.progress import ProgressBar
from tests.conftest import shared_data

WIRE = (
    "Storm Ellen closed the coastal railway between Penzance and Exeter for three days. "
    "Engineers found the sea wall at Dawlish had been breached in two places by the waves."
)
OTHER = [
    "The village fete raised money for a new roof on the parish church hall this summer.",
    "A local bakery won a national award for its sourdough loaf and its cinnamon buns.",
    "Parents asked the council for a safer crossing outside the primary school gates.",
]


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(corpus_cache.CACHE_ENV, str(folder))
    return folder


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "corpus"
    (root / "wire").mkdir(parents=True)
    (root / "wire" / "storm.txt").write_text(f"Storm closes line\n\n{OTHER[0]}\n\n{WIRE}\n", encoding="utf-8")
    (root / "local.md").write_text(f"Local news\n\n{OTHER[1]} {OTHER[2]}\n", encoding="utf-8")
    (root / "copy.txt").write_text(f"Local  news\n\n{OTHER[1]}   {OTHER[2]}\n".upper(), encoding="utf-8")
    (root / ".hidden.txt").write_text(WIRE, encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    return root


def _article():
    return parse_article(
        "Rail chaos\n\nCommuters faced delays on Monday. " + WIRE + "\n\nThe line reopens on Friday.\n",
        path="article.txt",
    )


def test_reused_passage_names_its_source_file_and_span(corpus):
    index = load_corpus_index(corpus)
    assert sorted(c.path for c in index.documents) == ["copy.txt", "local.md", "wire/storm.txt"]
    (flag,) = find_reuse(_article(), index)
    assert flag.kind is FlagKind.REUSED
    assert flag.text.startswith("Storm Ellen closed") and flag.text.endswith("two places by the waves.")
    assert isinstance(flag.details, ReusedDetails) and flag.details.source == "wire/storm.txt"
    assert "wire/storm.txt:5:1" in flag.message
    (source_span,) = flag.related
    source_text = (corpus / "wire" / "storm.txt").read_text(encoding="utf-8")
    assert source_text[source_span.start : source_span.end] == source_span.text
    assert (flag.details.source_line, flag.details.source_col) == (5, 1)


def test_the_article_itself_is_not_its_own_source(corpus):
    index = load_corpus_index(corpus)
    own = corpus / "wire" / "storm.txt"
    doc = parse_article(own.read_bytes(), path=str(own))
    assert find_reuse(doc, index) == ()
    assert find_reuse(parse_article(own.read_bytes(), path="elsewhere.txt"), index)


def test_unrelated_article_has_no_reuse(corpus):
    doc = parse_article("Penguins at the zoo learned to paint with their feet, keepers said on Tuesday.\n")
    assert find_reuse(doc, load_corpus_index(corpus)) == ()


def test_cache_reads_each_file_once_until_it_changes(corpus, monkeypatch):
    read = []
    real = corpus_cache._read_one
    monkeypatch.setattr(corpus_cache, "_read_one", lambda p: read.append(p.name) or real(p))
    first = load_corpus_index(corpus)
    assert sorted(read) == ["copy.txt", "local.md", "storm.txt"]
    read.clear()
    second = load_corpus_index(corpus)
    assert read == []
    assert [c.document for c in second.documents] == [c.document for c in first.documents]
    storm = corpus / "wire" / "storm.txt"
    storm.write_text("Changed\n\nA different story about rain.\n", encoding="utf-8")
    os.utime(storm, ns=(1, 1))
    (corpus / "copy.txt").unlink()
    third = load_corpus_index(corpus)
    assert read == ["storm.txt"]
    assert [c.path for c in third.documents] == ["local.md", "wire/storm.txt"]
    assert find_reuse(_article(), third) == ()


def test_damaged_cache_is_read_around(corpus, cache_dir):
    load_corpus_index(corpus)
    import sqlite3

    con = sqlite3.connect(cache_dir / "corpus.sqlite")
    con.execute("UPDATE article SET data = '{not json'")
    con.commit()
    con.close()
    assert len(load_corpus_index(corpus).documents) == 3
    (cache_dir / "corpus.sqlite").write_bytes(b"this is not a database" * 100)
    assert len(load_corpus_index(corpus).documents) == 3


def test_unusable_cache_folder_is_skipped(corpus, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv(corpus_cache.CACHE_ENV, str(blocker))
    assert len(load_corpus_index(corpus).documents) == 3


def test_bad_folders_raise_one_line_errors(tmp_path):
    with pytest.raises(CorpusError, match="no such folder"):
        load_corpus_index(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match="no articles"):
        load_corpus_index(tmp_path / "empty")
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(CorpusError, match="not a folder"):
        load_corpus_index(tmp_path / "file.txt")


@pytest.mark.parametrize("command", ["scan", "dupes"])
def test_broken_and_looping_symlinks_are_skipped_with_a_warning(corpus, tmp_path, capsys, command):
    # Issue 17 defect 2: p.stat() on these raised, a traceback and exit 1 ("flags found" to CI).
    (corpus / "gone.txt").symlink_to(corpus / "deleted.txt")
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    warnings: list[str] = []
    assert len(load_corpus_index(corpus, warnings=warnings).documents) == 3
    assert any("gone.txt" in w and "broken symbolic link" in w for w in warnings)
    assert any("loop.txt" in w for w in warnings)
    article = tmp_path / "article.txt"
    article.write_text(_article().text, encoding="utf-8")
    args = ["scan", str(article), "--against", str(corpus)] if command == "scan" else ["dupes", str(corpus)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.count("sourcecheck: warning: skipped") == 2 and "Traceback" not in err


def test_a_folder_of_only_broken_symlinks_exits_2(tmp_path, capsys):
    root = tmp_path / "links"
    root.mkdir()
    (root / "gone.txt").symlink_to(root / "deleted.txt")
    (root / "loop.txt").symlink_to(root / "loop.txt")
    with pytest.raises(CorpusError, match="none of its 2 files"):
        load_corpus_index(root)
    assert main(["dupes", str(root)]) == 2
    err = capsys.readouterr().err
    assert "error: " in err and err.count("warning: skipped") == 2


def test_corpus_duplicates_exact_and_near(corpus):
    near = corpus / "near.txt"
    near.write_text(f"Storm again\n\n{OTHER[0]}\n\n{WIRE.replace('three', 'four')}\n", encoding="utf-8")
    found = corpus_duplicates(load_corpus_index(corpus))
    assert found.exact_groups == (("copy.txt", "local.md"),)
    assert [(n.a, n.b) for n in found.near] == [("near.txt", "wire/storm.txt")]
    assert found.near[0].share == 1.0
    assert fingerprint("A  b\nC") == fingerprint("a b c")


def test_scan_against_json_and_text(corpus, tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text(_article().text, encoding="utf-8")
    assert main(["scan", str(article), "--against", str(corpus), "--format", "json"]) == 1
    out, err = capsys.readouterr()
    assert err == ""  # no progress bar when standard error is not a terminal
    (reused,) = [f for f in json.loads(out)["flags"] if f["kind"] == "reused"]
    (related,) = reused["related"]
    assert related["source"] == "wire/storm.txt"
    assert related["text"].startswith("Storm Ellen closed")
    main(["scan", str(article), "--against", str(corpus)])
    out = capsys.readouterr().out
    assert "reused: reused from wire/storm.txt:5:1" in out
    assert "    ~ wire/storm.txt:5:1: Storm Ellen closed" in out


def test_scan_against_bad_folder_exits_2(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Some text here.\n")
    assert main(["scan", str(article), "--against", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such folder" in err


def test_dupes_command(corpus, capsys):
    assert main(["dupes", str(corpus)]) == 1
    out = capsys.readouterr().out
    assert "exact duplicates: 1 groups (2 files)" in out and "copy.txt = local.md" in out
    assert main(["dupes", str(corpus), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["exact_groups"] == [["copy.txt", "local.md"]] and data["documents"] == 3
    assert main(["dupes", str(corpus), "--min-share", "0"]) == 2


def test_progress_bar_draws_and_clears():
    stream = io.StringIO()
    bar = ProgressBar("reading", stream, width=10)
    bar(5, 10)
    bar(10, 10)
    bar.close()
    text = stream.getvalue()
    assert "[#####.....]  50% reading" in text and "[##########] 100% reading" in text
    assert text.endswith("\r")


def test_bbc_every_exact_duplicate_group_found(capsys):
    bbc = shared_data("bbc")
    groups: dict[str, set[str]] = {}
    with open(bbc / "index.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if int(row["exact_dup_group_size"]) > 1:
                groups.setdefault(row["norm_sha1"], set()).add(row["path"])
    assert len(groups) == 101
    assert main(["dupes", str(bbc), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    found = {frozenset(g) for g in data["exact_groups"]}
    assert {frozenset(g) for g in groups.values()} <= found
    assert len(data["near"]) > 0  # near copies beyond the exact ones
