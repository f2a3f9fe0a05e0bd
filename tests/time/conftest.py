"""The time lexicons, loaded once for all time tests."""

from __future__ import annotations

import pytest

from bilan.time.lexicon import TimeLexicon, load_time_lexicon


@pytest.fixture(scope="session")
def fr() -> TimeLexicon:
    return load_time_lexicon("fr")


@pytest.fixture(scope="session")
def en() -> TimeLexicon:
    return load_time_lexicon("en")
