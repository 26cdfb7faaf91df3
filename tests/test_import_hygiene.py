"""The engine must stay UI-free: importing it must not pull in textual or rich."""

import subprocess
import sys


def test_checks_imports_no_ui():
    code = (
        "import sys, checks, checks.files, checks.review.verdicts, checks.review.session;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'tui'));"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_scan_command_does_not_import_textual():
    code = (
        "import sys, io, contextlib; from sourcecheck.cli import main;"
        "buf = io.StringIO();"
        "ctx = contextlib.redirect_stdout(buf); ctx.__enter__();"
        f"rc = main(['scan', {str(__import__('pathlib').Path(__file__).parent.parent / 'seeds' / 'north-korea-talks.txt')!r}]);"
        "ctx.__exit__(None, None, None);"
        "print('textual' in sys.modules, rc)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False 1"


def test_output_cut_short_by_the_reader_is_no_traceback():
    """`sourcecheck scan ... | head`: the closed pipe ends the command quietly."""
    from pathlib import Path

    seeds = sorted(str(p) for p in (Path(__file__).parent.parent / "seeds").glob("*.txt"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "sourcecheck", "scan", "--format", "json", *seeds * 4],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    proc.stdout.read(10)
    proc.stdout.close()  # the reader leaves long before the 200 kB of JSON are written
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipe" not in err
