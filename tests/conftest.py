from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "north-korea-talks.txt"
SHARED_DATA = ROOT.parent / "shared" / "data"


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
