from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "north-korea-talks.txt"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(autouse=True)
def no_disk_watch(monkeypatch):
    """The app's watch for other writers polls on a timer; a test that writes the verdict file
    itself wants the app to meet the change at its next save, not at a moment the timer picks.
    ``tests/test_app_store.py`` drives the watch itself (and the timer once, on purpose)."""
    import sys

    watch = sys.modules.get("tui.store_actions")
    if watch is not None:
        monkeypatch.setattr(watch, "DISK_CHECK_S", 3600.0)


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_analysis():
    from checks import analyze, read_article

    return analyze(read_article(SEED))


@pytest.fixture
def pools(monkeypatch) -> list[str]:
    """Start methods of the process pools made, so a silent fall-back to one process shows."""
    from checks import processes

    made: list[str] = []

    class Recording(processes.ProcessPoolExecutor):
        def __init__(self, *args, mp_context=None, **kwargs):
            made.append(mp_context.get_start_method())
            super().__init__(*args, mp_context=mp_context, **kwargs)

    monkeypatch.setattr(processes, "ProcessPoolExecutor", Recording)
    return made


def shared_data(name: str) -> Path:
    """A folder of ../shared/data, or skip the test with the reason when it is absent."""
    folder = SHARED_DATA / name
    if not folder.is_dir():
        pytest.skip(f"evaluation data {folder} is absent (it is not shipped with the project)")
    return folder
