"""Round 6: habitual weekdays read as sets (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt

from bilan.time.find import find_timexes
from bilan.time.lexicon import load_time_lexicon

DCT = dt.date(2024, 3, 13)  # a Wednesday


def _values(text: str, lang: str) -> dict[str, str]:
    return {t.text: t.value for t in find_timexes(text, lang, DCT, load_time_lexicon(lang))}


def test_fr_habitual_weekday_is_a_set() -> None:
    got = _values("Le dispensaire de Goma reçoit les blessés uniquement le jeudi.", "fr")
    assert got["le jeudi"] == "XXXX-WXX-4"


def test_fr_single_weekday_stays_a_date() -> None:
    got = _values("Le dispensaire de Goma a reçu des blessés jeudi.", "fr")
    assert got["jeudi"] == "2024-03-07"


def test_en_habitual_weekday_is_a_set() -> None:
    got = _values("Clashes near Kidal break out most weeks, usually on Sunday.", "en")
    assert list(got.values()) == ["XXXX-WXX-7"]


def test_en_only_on_friday_is_one_day() -> None:
    got = _values("The convoy reached Kidal only on Friday.", "en")
    assert list(got.values()) == ["2024-03-08"]
