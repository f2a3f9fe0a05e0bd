"""Shared fixtures: the shared development data (skipped cleanly where it is absent)."""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

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


def _load_eval_script(name: str) -> ModuleType:
    """Import ``eval/<name>.py`` (the evaluation scripts are not a package)."""
    key = f"bilan_eval_{name}"
    if key in sys.modules:
        return sys.modules[key]
    folder = REPO / "eval"
    if str(folder) not in sys.path:  # the scripts import their shared helpers by plain name
        sys.path.insert(0, str(folder))
    spec = importlib.util.spec_from_file_location(key, folder / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def eval_script() -> Callable[[str], ModuleType]:
    """A loader for the scripts in eval/: ``eval_script("places_eval").eval_acled(...)``."""
    return _load_eval_script
