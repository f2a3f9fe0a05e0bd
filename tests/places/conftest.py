"""One gazetteer per test session, built into a temporary cache folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bilan.places.gazetteer import Gazetteer, load_gazetteer


@pytest.fixture(scope="session")
def gaz_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("bilan-cache")
    mp = pytest.MonkeyPatch()
    mp.setenv("BILAN_CACHE_DIR", str(path))
    yield path
    mp.undo()


@pytest.fixture(scope="session")
def gaz(gaz_cache: Path) -> Gazetteer:
    return load_gazetteer()
