"""Numbers in digits and words, vague counts and qualifiers (sentences written for these tests)."""

from __future__ import annotations

import pytest

from bilan.claims.lexicon import ClaimsLexicon
from bilan.claims.numbers import parse_quantity


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("250.000", 250000, 250000, "exact"),
        ("250 000", 250000, 250000, "exact"),
        ("250\u00a0000", 250000, 250000, "exact"),
        ("250\u202f000", 250000, 250000, "exact"),
        ("1,200", 1200, 1200, "exact"),
        ("1.200", 1200, 1200, "exact"),
        ("12", 12, 12, "exact"),
        ("1,5 million", 1500000, 1500000, "exact"),
        ("vingt-sept", 27, 27, "exact"),
        ("quatre-vingt-onze", 91, 91, "exact"),
        ("soixante-dix-huit", 78, 78, "exact"),
        ("vingt et un", 21, 21, "exact"),
        ("deux cents", 200, 200, "exact"),
        ("trois mille", 3000, 3000, "exact"),
        ("cent", 100, 100, "exact"),
        ("une vingtaine", 20, 20, "about"),
        ("une quarantaine", 40, 40, "about"),
        ("une centaine", 100, 100, "about"),
        ("des dizaines", 20, 99, "tens"),
        ("plusieurs dizaines", 20, 99, "tens"),
        ("des centaines", 200, 999, "hundreds"),
        ("des milliers", 2000, 9999, "thousands"),
        ("au moins douze", 12, None, "at_least"),
        ("plus de 70", 70, None, "more_than"),
        ("plus d'une vingtaine", 20, None, "more_than"),
        ("près de 300", 300, 300, "nearly"),
        ("environ 15", 15, 15, "about"),
        ("quelque 250.000", 250000, 250000, "about"),
        ("jusqu'à 40", 40, 40, "up_to"),
        ("moins de 50", 0, 49, "fewer_than"),
    ],
)
def test_french_quantities(fr: ClaimsLexicon, text: str, low: int, high: int | None,
                           qualifier: str) -> None:
    q = parse_quantity(text, "fr", fr)
    assert q is not None
    assert (q.low, q.high, q.qualifier) == (low, high, qualifier)
    assert q.start == 0 and q.end == len(text)


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("twenty-seven", 27, 27, "exact"),
        ("one hundred and five", 105, 105, "exact"),
        ("two thousand", 2000, 2000, "exact"),
        ("Thirteen", 13, 13, "exact"),
        ("3,400", 3400, 3400, "exact"),
        ("dozens", 20, 99, "tens"),
        ("hundreds", 200, 999, "hundreds"),
        ("thousands", 2000, 9999, "thousands"),
        ("tens of thousands", 20000, 99999, "tens_of_thousands"),
        ("at least 8", 8, None, "at_least"),
        ("more than 20", 20, None, "more_than"),
        ("over 300", 300, None, "more_than"),
        ("nearly 40", 40, 40, "nearly"),
        ("about 85", 85, 85, "about"),
        ("around 6", 6, 6, "about"),
        ("up to 300", 300, 300, "up_to"),
        ("fewer than 100", 0, 99, "fewer_than"),
    ],
)
def test_english_quantities(en: ClaimsLexicon, text: str, low: int, high: int | None,
                            qualifier: str) -> None:
    q = parse_quantity(text, "en", en)
    assert q is not None
    assert (q.low, q.high, q.qualifier) == (low, high, qualifier)


def test_number_words_stop_at_an_invalid_sum(fr: ClaimsLexicon) -> None:
    q = parse_quantity("deux et trois", "fr", fr)
    assert q is not None and q.low == 2


def test_no_number(fr: ClaimsLexicon) -> None:
    assert parse_quantity("aucune victime", "fr", fr) is None
