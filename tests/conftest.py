"""Shared fixtures: the shared development data (skipped cleanly where it is absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_data_dir() -> Path:
    """``../shared/data`` beside the repository, or ``$BILAN_SHARED_DATA``."""
    env = os.environ.get("BILAN_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = shared_data_dir()
    if not (path / "seeds-fr").is_dir():
        pytest.skip(f"shared development data not found at {path}")
    return path


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO
