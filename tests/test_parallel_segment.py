"""Large input is split into sentences on several processes, with the very result of one process."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from checks.text import segment
from checks.text.segment import parse_article, split_paragraphs, split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def big_text(monkeypatch) -> str:
    # Every seed a few times over, with Mr./U.S./quotes/splices inside: the serial path's hard cases.
    monkeypatch.setattr(segment, "PARALLEL_MIN_CHARS", 10_000)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.*"))]
    return "\n\n".join(f"Part {k}.\n\n{text}" for k in range(4) for text in seeds)


def test_parallel_split_equals_serial(big_text, pools):
    paragraphs = split_paragraphs(big_text)
    serial = split_sentences(big_text, paragraphs, workers=1)
    assert pools == []
    parallel = split_sentences(big_text, paragraphs, workers=2)
    assert len(pools) == 1  # fork, or spawn if another test left a thread running
    assert len(serial) > 300 and len(big_text) > 4 * segment.PARALLEL_MIN_CHARS
    assert parallel == serial


def test_parallel_split_with_threads_running_uses_spawn_and_equals_serial(big_text, pools):
    """The app parses in a worker thread: forking then could deadlock, so workers are spawned."""
    paragraphs = split_paragraphs(big_text)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        parallel = split_sentences(big_text, paragraphs, workers=2)
    finally:
        stop.set()
        other.join()
    assert pools == ["spawn"]
    assert parallel == split_sentences(big_text, paragraphs, workers=1)


def test_parse_article_of_large_text_keeps_offsets(big_text):
    doc = parse_article(big_text)
    assert all(doc.text[s.start : s.end] == s.text for s in doc.sentences)
    assert [s.index for s in doc.sentences] == list(range(len(doc.sentences)))
