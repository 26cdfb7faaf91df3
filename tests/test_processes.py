"""Long work in other processes gives the very result of doing it here."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from checks import analysis, analyze, parse_article, processes

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def seed_doc():
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.*")))
    return parse_article(text)


@pytest.fixture
def two_cores(monkeypatch) -> None:
    monkeypatch.setattr(processes.os, "cpu_count", lambda: 2)  # a one-core runner would run it here


def _same(a, b) -> None:
    assert a.duplicates == b.duplicates
    assert a.grades == b.grades
    assert a.flags == b.flags


def test_duplicates_in_a_process_of_their_own_change_nothing(seed_doc, monkeypatch, pools, two_cores):
    here = analyze(seed_doc)
    assert here.duplicates  # the seeds repeat passages: the background result is not empty by luck
    assert pools == []
    monkeypatch.setattr(analysis, "BACKGROUND_DUPLICATES", 1)
    _same(analyze(seed_doc), here)
    assert len(pools) == 1  # fork, or spawn if another test left a thread running


def test_with_threads_running_the_background_process_is_spawned(seed_doc, monkeypatch, pools, two_cores):
    here = analyze(seed_doc)
    monkeypatch.setattr(analysis, "BACKGROUND_DUPLICATES", 1)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        _same(analyze(seed_doc), here)
    finally:
        stop.set()
        other.join()
    assert pools == ["spawn"]


def test_one_core_or_no_processes_runs_it_here(monkeypatch):
    calls = []

    def work(x):
        calls.append(x)
        return x * 2

    monkeypatch.setattr(processes.os, "cpu_count", lambda: 1)
    with processes.in_background(work, 21) as pending:
        assert calls == []  # not yet: only when the result is asked for
    assert pending.result() == 42 and calls == [21]

    def refuse(*_args, **_kwargs):
        raise OSError("no processes in this sandbox")

    monkeypatch.setattr(processes.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(processes, "process_pool", refuse)
    with processes.in_background(work, 5) as pending:
        pass
    assert pending.result() == 10


def test_an_error_in_the_background_comes_back_as_the_error():
    with processes.in_background(int, "not a number") as pending, pytest.raises(ValueError):
        pending.result()


def test_scoring_long_documents_in_forked_processes_changes_nothing(seed_doc, monkeypatch):
    from checks.duplicates import indexed as indexed_duplicates
    from checks.duplicates.indexed import find_duplicates_indexed

    doc = parse_article("\n\n".join([seed_doc.text, seed_doc.text.replace(" said", " stated")]))
    one = find_duplicates_indexed(doc, min_score=40.0, max_window=2, workers=1)
    monkeypatch.setattr(indexed_duplicates, "PARALLEL_MIN_PAIRS", 1)
    monkeypatch.setattr(indexed_duplicates, "can_fork", lambda: True)
    used = []
    real = indexed_duplicates._verify_in_processes
    monkeypatch.setattr(indexed_duplicates, "_verify_in_processes", lambda *a: used.append(1) or real(*a))
    assert find_duplicates_indexed(doc, min_score=40.0, max_window=2, workers=2) == one
    assert used and one  # the processes did run, and found the repeats


def test_scan_json_of_a_long_document_is_compact_with_the_same_fields(capsys, monkeypatch):
    import json

    from sourcecheck import cli

    seed = str(SEEDS / "north-korea-talks.txt")
    assert cli.main(["scan", "--format", "json", seed]) == 1
    indented = capsys.readouterr().out
    monkeypatch.setattr(cli, "COMPACT_JSON_SENTENCES", 1)
    assert cli.main(["scan", "--format", "json", seed]) == 1
    compact = capsys.readouterr().out
    assert "\n  " in indented and compact.count("\n") == 1
    assert json.loads(compact) == json.loads(indented)


def test_analysis_with_a_corpus_reports_the_reuse_stage_too(seed_doc):
    from checks.analysis import QUOTES, STAGES, stages_for
    from checks.corpus.index import build_corpus_index

    corpus = build_corpus_index([], root="empty")
    seen = []
    analysis = analyze(seed_doc, corpus=corpus, progress=lambda stage, done, total: seen.append((stage, done, total)))
    assert [s for s, _, _ in seen[:-1]] == [s for s in STAGES if s is not QUOTES] == list(stages_for(corpus))
    assert [(d, t) for _, d, t in seen] == [(n, 6) for n in range(7)]
    assert analysis == analyze(seed_doc), "an empty corpus adds no flags"


def test_long_work_reports_its_progress(seed_doc, monkeypatch, tmp_path):
    from checks import read_article
    from checks.text import segment

    seen = []
    analyze(seed_doc, progress=lambda stage, done, total: seen.append((stage.name, done, total)))
    assert seen == [("grades", 0, 5), ("claims", 1, 5), ("text_flags", 2, 5), ("duplicates", 3, 5), ("flags", 4, 5),
                    ("flags", 5, 5)]

    monkeypatch.setattr(segment, "PARALLEL_MIN_CHARS", 1_000)
    path = tmp_path / "long.txt"
    path.write_text(seed_doc.text * 3, encoding="utf-8")
    split = []
    read_article(path, progress=lambda done, total: split.append((done, total)))
    assert len(split) > 1 and split[-1][0] == split[-1][1]
    assert [d for d, _ in split] == sorted(d for d, _ in split)


def test_scan_draws_a_bar_on_a_terminal_and_nothing_in_a_pipe(monkeypatch, capsys):
    import io

    from checks.analysis import stages_for
    from sourcecheck import cli

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    seed = str(SEEDS / "north-korea-talks.txt")
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert cli.main(["scan", "--format", "json", seed]) == 1
    drawn = terminal.getvalue()
    # The engine's own stage labels, each on the bar as its stage begins.
    assert all(f"{seed}: {stage.label}" in drawn for stage in stages_for(None))
    assert "100%" in drawn and drawn.endswith("\r")  # cleared after
    monkeypatch.undo()
    capsys.readouterr()
    assert cli.main(["scan", "--format", "json", seed]) == 1
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("enabled", [True, False])
def test_without_gc_pauses_the_collector_and_sets_it_back(enabled):
    import gc

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with processes.without_gc():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(ValueError), processes.without_gc():
            raise ValueError("work that fails still sets the collector back")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_pool_workers_run_without_the_collector():
    import gc

    assert gc.isenabled()
    with processes.process_pool(1) as pool:
        assert pool.submit(gc.isenabled).result() is False
    assert gc.isenabled()  # the parent's collector is untouched


def test_a_forked_background_process_inherits_its_work_instead_of_unpickling_it(two_cores):
    if not processes.can_fork():
        pytest.skip("no fork here: the work is pickled to a spawned process instead")
    unpicklable = lambda: "inherited"  # noqa: E731 - a lambda cannot be pickled, only inherited
    with processes.in_background(lambda make: make(), unpicklable) as pending:
        assert pending.result() == "inherited"
    assert processes._INHERITED_CALL is None  # held only while the process starts


def test_a_pause_lasts_while_another_thread_still_pauses_and_the_collector_comes_back_after():
    import gc

    assert gc.isenabled()
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen_in_second: list[bool] = []

    def first():
        with processes.without_gc():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second():
        first_in.wait(5)
        with processes.without_gc():
            second_in.set()
            first_out.wait(5)  # the first pause ends while this one runs
            seen_in_second.append(gc.isenabled())

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert seen_in_second == [False]
    assert gc.isenabled()
