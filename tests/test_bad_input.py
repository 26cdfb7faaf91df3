"""The bad-input catalogue: each case gets one clear line (exit 2 where fatal), never a traceback,
and never a changed, truncated or half-written file."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import tracemalloc
import zlib
from pathlib import Path

import pytest

from checks import ArticleError, parse_article, read_article
from checks.files import MAX_ARTICLE_BYTES, DataFileError, parse_yaml_text, read_yaml_file
from checks.review.yaml_form import dump_review
from checks.review.reattach import reattach
from checks.review.store import ReviewStore, StoreError
from checks.review.verdicts import Decision, Review, Verdict
from sourcecheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def scan(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["scan", *args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_error_line(err: str, *needles: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("sourcecheck: error: ")
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0]


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\xff\x00\x00" * 2 + b"\x00" + b"\x00\xff\x00" * 2)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


# -- articles that cannot be checked: one line, exit 2 --------------------------------------------

FATAL = {
    "empty": (b"", "empty article"),
    "whitespace only": (b"  \n\t\r\n   \n", "empty article"),
    "NUL bytes": (b"Some text\x00\x00 more text.", "binary file"),
    "PNG image": (_png(), "binary file"),
    "UTF-16 BOM, broken": (b"\xff\xfeA\x00\x00\xd8", "UTF-16"),
}


@pytest.mark.parametrize("name", FATAL)
def test_unusable_article_is_one_line_exit_2(tmp_path, capsys, name):
    data, needle = FATAL[name]
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError, match=needle):
        read_article(path)
    code, out, err = scan(capsys, str(path))
    assert code == 2 and out == ""
    assert_one_error_line(err, str(path), needle)
    assert path.read_bytes() == data


def test_missing_file_and_directory(tmp_path, capsys):
    code, _, err = scan(capsys, str(tmp_path / "nope.txt"))
    assert code == 2
    assert_one_error_line(err, "no such file")
    code, _, err = scan(capsys, str(tmp_path))  # a folder stands for its articles: here, none
    assert code == 2
    assert_one_error_line(err, "no article files")


def test_one_bad_file_among_good_ones_still_reports_the_good(capsys, seed_path, tmp_path):
    code, out, err = scan(capsys, str(tmp_path / "nope.txt"), str(seed_path))
    assert code == 2
    assert_one_error_line(err, "no such file")
    assert "north-korea-talks.txt" in out


def test_no_permission(tmp_path, capsys, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("The minister said so.")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    # Root reads a chmod 000 file anyway, so the refusal is simulated where the file is opened.
    monkeypatch.setattr(Path, "open", refuse)
    code, _, err = scan(capsys, str(path))
    assert code == 2
    assert_one_error_line(err, "permission denied")


@pytest.mark.skipif(AS_ROOT, reason="root can read a chmod 000 file; covered by the simulated test")
def test_no_permission_for_real(tmp_path, capsys):
    path = tmp_path / "secret.txt"
    path.write_text("The minister said so.")
    path.chmod(0)
    try:
        code, _, err = scan(capsys, str(path))
    finally:
        path.chmod(0o600)
    assert code == 2
    assert_one_error_line(err, "permission denied")


def test_oversized_file_is_refused_with_the_limit_named(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"The council met. " * 2000)  # 34 kB
    with pytest.raises(ArticleError, match=r"34 kB is over the 10 kB limit"):
        read_article(path, max_bytes=10_000)


def test_50_mb_file_is_refused_without_being_read(tmp_path, capsys, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50_000_000)  # sparse: 50 MB on paper, nothing on disk
    assert path.stat().st_size > MAX_ARTICLE_BYTES

    def never(self, *args, **kwargs):
        raise AssertionError("the size guard read the file")

    monkeypatch.setattr(Path, "open", never)
    code, _, err = scan(capsys, str(path))
    assert code == 2
    assert_one_error_line(err, "50 MB is over the", "limit for an article file")


def test_a_pipe_is_not_waited_on(tmp_path, capsys):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it would block until a writer came
    code, _, err = scan(capsys, str(fifo))
    assert code == 2
    assert_one_error_line(err, "not a regular file")


def test_file_name_with_a_newline_stays_on_one_line(tmp_path, capsys):
    code, _, err = scan(capsys, str(tmp_path / "two\nlines.txt"))
    assert code == 2
    assert_one_error_line(err, "\\n", "no such file")


# -- articles that are odd but fine: decoded, offsets consistent ----------------------------------


def _consistent(doc) -> None:
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
    assert "\r" not in doc.text


def test_cp1252_bytes_decode_with_a_warning(tmp_path, capsys):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Le caf\u00e9 \u201cn\u2019est pas ouvert\u201d, said the owner.".encode("cp1252"))
    doc = read_article(path)
    assert doc.encoding == "cp1252" and "café “n’est pas ouvert”" in doc.text
    assert any("cp1252" in w for w in doc.warnings)
    code, _, err = scan(capsys, str(path))
    assert code in (0, 1)
    assert err.count("\n") == 1 and "warning" in err and "cp1252" in err


def test_latin1_only_bytes(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Se\u00f1or M\u00fcller said it was \u00bd done.".encode("latin-1"))
    doc = read_article(path)
    assert "Señor Müller" in doc.text and "½" in doc.text


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("\ufeffThe mayor said the bridge will reopen.\r\nIt was closed in May.".encode("utf-16-le"))
    doc = read_article(path)
    assert doc.encoding == "utf-16" and doc.text.startswith("The mayor")
    _consistent(doc)


def test_mixed_line_endings(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"First paragraph here.\r\n\r\nSecond one, CR only.\r\rThird one.\nFourth.\r")
    doc = read_article(path)
    _consistent(doc)
    assert len(doc.paragraphs) == 3


def test_extremely_long_lines(tmp_path, capsys):
    path = tmp_path / "long.txt"
    words = " ".join(f"word{i % 97}" for i in range(40_000))  # 300 kB, one line, no full stop
    path.write_text(words + "\n\n" + "x" * 200_000 + "\n")
    doc = read_article(path)
    _consistent(doc)
    code, _, err = scan(capsys, "--format", "json", str(path))
    assert code in (0, 1) and "Traceback" not in err


def test_markup_and_ansi_are_shown_literally(tmp_path, capsys):
    # A check-worthy claim with no source, so that it is flagged and its text printed.
    text = "\x1b[31m[bold red]x[/]\x1b[0m [link=https://e.vil]Jobs[/link] fell by 3,000 in March 2004, a record.\n"
    path = tmp_path / "markup.txt"
    path.write_text(text)
    code, out, _ = scan(capsys, str(path))
    assert code in (0, 1)
    assert "[bold red]x[/]" in out and "[link=https://e.vil]" in out
    assert "\x1b" not in out and "\\x1b[31m" in out  # visible, never obeyed by the terminal
    code, out, _ = scan(capsys, "--format", "json", str(path))
    payload = json.loads(out)
    assert "\x1b" not in out  # JSON escapes it as \u001b ...
    assert payload["sentences"][0]["text"].startswith("\x1b[31m[bold red]x[/]")  # ... and keeps it


@pytest.mark.parametrize(
    "text",
    [
        "\u05d4\u05e9\u05e8 \u05d0\u05de\u05e8 \u05db\u05d9 \u05d4\u05ea\u05d5\u05db\u05e0\u05d9\u05ea \u05ea\u05d5\u05e9\u05e7. \u0627\u0644\u0648\u0632\u064a\u0631 \u0642\u0627\u0644 \u0630\u0644\u0643.",
        "Cafe\u0301 owners said Zo\u0308e s\u0323\u0307aid it. A\u030a\u0332\u0301 again.",
        "The team \U0001f3c6 won \U0001f44f\U0001f3fd said the coach \U0001f1ec\U0001f1e7. Fans \u2764\ufe0f it.",
    ],
    ids=["right-to-left", "combining", "emoji"],
)
def test_scripts_combining_marks_and_emoji(tmp_path, capsys, text):
    path = tmp_path / "intl.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_article(path)
    _consistent(doc)
    code, out, _ = scan(capsys, "--format", "json", str(path))
    assert code in (0, 1)
    payload = json.loads(out)
    full = path.read_text(encoding="utf-8")
    for item in [*payload["sentences"], *payload["flags"]]:
        assert full[item["start"] : item["end"]] == item["text"]


def test_real_subprocess_runs(tmp_path):
    """Through the installed entry point: one line on stderr, exit 2, no traceback."""
    binary = tmp_path / "photo.txt"
    binary.write_bytes(_png())
    for target, needle in ((tmp_path / "missing.txt", "no such file"), (binary, "binary file")):
        done = subprocess.run([sys.executable, "-m", "sourcecheck", "scan", str(target)], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 2
        assert done.stdout == ""
        assert_one_error_line(done.stderr, needle)


# -- verdict files -------------------------------------------------------------------------------

BAD_VERDICT_FILES = {
    "malformed YAML": ("version: 1\nverdicts: [unclosed\n", "not valid YAML"),
    "a list, not a mapping": ("- 1\n- 2\n", "not a verdict file"),
    "no version": ("article: {path: a, sha256: b}\n", "version"),
    "unknown version": ("version: 99\narticle: {path: a, sha256: b}\n", "version 99 is not supported"),
    "verdicts not a list": ("version: 1\narticle: {path: a, sha256: b}\nverdicts: {a: 1}\n", "'verdicts' must be a list"),
    "bad decision": ("version: 1\narticle: {path: a, sha256: b}\nverdicts: [{flag: x, decision: maybe}]\n", "verdict 1"),
    "python object tag": ("!!python/object/apply:os.system ['touch PWNED']\n", "not valid YAML"),
    "billion laughs": (
        "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)),
        "aliases are not allowed",
    ),
    "nesting bomb": ("[" * 50_000, "not valid YAML"),
    "bad date": ("version: 1\ncreated: 2026-13-45 10:00:00\n", "not valid YAML"),
    "not UTF-8": (b"version: 1\nreviewer: \xff\xfe\xfa\n", "not UTF-8"),
}


@pytest.mark.parametrize("name", BAD_VERDICT_FILES)
def test_bad_verdict_file_is_one_line_and_untouched(tmp_path, name, monkeypatch):
    content, needle = BAD_VERDICT_FILES[name]
    data = content if isinstance(content, bytes) else content.encode()
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "story.txt.review.yaml"
    path.write_bytes(data)
    store = ReviewStore(path)
    tracemalloc.start()
    try:
        with pytest.raises(StoreError) as caught:
            store.load()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    message = str(caught.value)
    assert needle in message and "\n" not in message and message.startswith(str(path))
    assert peak < 20_000_000  # an alias or nesting bomb fails before it grows
    assert path.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt.review.yaml"]  # no .bak, no temp
    assert not (tmp_path / "PWNED").exists()


def test_hostile_yaml_through_every_reader(tmp_path):
    bomb = "a: &a [x, x]\nb: [*a, *a]\n"
    with pytest.raises(DataFileError, match="aliases are not allowed"):
        parse_yaml_text(bomb, source="lexicon")
    path = tmp_path / "lexicon.yaml"
    path.write_text("!!python/name:os.system\n")
    with pytest.raises(DataFileError, match="not valid YAML"):
        read_yaml_file(path)


def test_verdict_file_of_another_article_is_reattached_not_trusted(tmp_path, seed_analysis):
    """The sha differs: nothing is matched blindly; every verdict stays in the review."""
    from checks import analyze

    review = Review("other.txt", "f" * 64)
    for f in seed_analysis.flags[:6]:
        review = review.with_verdict(Verdict.for_flag(f, Decision.ACCEPTED, note="checked"))
    path = tmp_path / "story.txt.review.yaml"
    path.write_text(dump_review(review))
    loaded = ReviewStore(path).load()
    other = analyze(parse_article("A completely different story about rainfall in Wales.\n\nIt rained a lot."))
    assert loaded.article_sha256 != other.document.sha256
    result = reattach(loaded, other)
    assert len(result.orphans) == 6 and not result.carried
    assert result.review.verdicts == loaded.verdicts
    assert result.review.article_sha256 == "f" * 64  # the caller sets the new hash when it saves


def _review(note: str) -> Review:
    return Review("a.txt", "0" * 64).with_verdict(
        Verdict("vague-1", "vague", Decision.ACCEPTED, "Some say.", 0, 9, note=note))


def test_read_only_folder(tmp_path, monkeypatch):
    path = tmp_path / "story.txt.review.yaml"
    path.write_text(dump_review(_review("theirs")))
    before = sorted(p.name for p in tmp_path.iterdir())
    store = ReviewStore(path)
    store.load()
    if AS_ROOT:  # root may write anywhere: simulate the folder's refusal where it is asked
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda p, mode: False if mode & os.W_OK else real_access(p, mode))
    else:
        tmp_path.chmod(0o555)
    try:
        assert store.read_only
        with pytest.raises(StoreError, match="read-only"):
            store.save(_review("mine"))
    finally:
        tmp_path.chmod(0o755)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert "theirs" in path.read_text()


def test_write_refused_midway_leaves_the_old_file(tmp_path, monkeypatch):
    """The folder looks writable but the write fails (quota, a read-only mount): nothing changes."""
    import tempfile

    path = tmp_path / "story.txt.review.yaml"
    path.write_text(dump_review(_review("theirs")))
    store = ReviewStore(path)
    store.load()

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(StoreError, match="permission denied"):
        store.save(_review("mine"))
    assert "theirs" in path.read_text()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith((".tmp", ".bak"))]


def test_bad_lexicon_file_is_one_line_exit_2(tmp_path, capsys, seed_path):
    lexicon = tmp_path / "newsroom.yaml"
    lexicon.write_text("a: &a [x]\nb: *a\n")
    code, out, err = scan(capsys, "--lexicon", str(lexicon), str(seed_path))
    assert code == 2 and out == ""
    assert_one_error_line(err, "aliases are not allowed")


def test_one_bad_byte_in_utf8_is_replaced_and_located(tmp_path, capsys):
    # Issue 17: one invalid byte made the whole file read as cp1252, every curly quote mojibake.
    path = tmp_path / "stray.txt"
    good = "Le caf\u00e9 \u201cn\u2019est pas ouvert\u201d, said the owner.\n\nThe mayor \u2014 in t"
    path.write_bytes(good.encode("utf-8") + b"\xe9" + "he square \u2014 agreed.\n".encode("utf-8"))
    doc = read_article(path)
    assert doc.encoding == "utf-8"
    assert "caf\u00e9 \u201cn\u2019est pas ouvert\u201d" in doc.text and "in t\ufffdhe square" in doc.text
    (warning,) = doc.warnings
    assert "3:17" in warning and "1 byte replaced" in warning
    code, _, err = scan(capsys, str(path))
    assert err.count("\n") == 1 and "warning" in err and "3:17" in err


def test_many_bad_bytes_name_the_first_places(tmp_path):
    path = tmp_path / "stray.txt"
    path.write_bytes(("\u201cQuoted\u201d words \u2014 " * 20 + "\r\n").encode("utf-8") + b"A\xff B\xfe C\xff D\xfe.\r\n")
    doc = read_article(path)
    assert doc.encoding == "utf-8" and doc.text.count("\ufffd") == 4
    (warning,) = doc.warnings
    assert "2:2, 2:5, 2:8 and 1 more" in warning and "4 bytes" in warning
