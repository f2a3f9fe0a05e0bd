"""The claims lexicons, loaded once for all claims tests."""

from __future__ import annotations

import pytest

from bilan.claims.lexicon import ClaimsLexicon, load_lexicon


@pytest.fixture(scope="session")
def fr() -> ClaimsLexicon:
    return load_lexicon("fr")


@pytest.fixture(scope="session")
def en() -> ClaimsLexicon:
    return load_lexicon("en")
