"""The claims lexicons, loaded once for all claims tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bilan.claims.lexicon import ClaimsLexicon, load_lexicon


@pytest.fixture(scope="session")
def fr() -> ClaimsLexicon:
    return load_lexicon("fr")


@pytest.fixture(scope="session")
def en() -> ClaimsLexicon:
    return load_lexicon("en")


HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:  # the tests import their shared helpers (claims_testkit.py) by name
    sys.path.insert(0, HERE)
