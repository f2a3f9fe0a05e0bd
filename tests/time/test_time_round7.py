"""Round 7: the tense around a weekday read past clock times, after a fronted weekday, from
verbs of schedule in the present; weekday habits with a plural part of day (sentences
written for these tests)."""

from __future__ import annotations

import datetime as dt

from bilan.time.find import find_timexes
from bilan.time.lexicon import load_time_lexicon

DCT = dt.date(2024, 3, 13)  # a Wednesday


def _values(text: str, lang: str) -> dict[str, str]:
    return {t.text: t.value for t in find_timexes(text, lang, DCT, load_time_lexicon(lang))}


def test_en_deadline_before_a_clock_time_looks_ahead() -> None:
    got = _values("Mediators gave the two sides until 6 p.m. Friday to sign the truce.", "en")
    assert got["6 p.m. Friday"] == "2024-03-15T18:00"


def test_en_clock_time_in_the_past_stays_past() -> None:
    got = _values("Shelling resumed at 6 p.m. Friday, residents said.", "en")
    assert got["6 p.m. Friday"] == "2024-03-08T18:00"


def test_en_fronted_weekday_takes_the_tense_after_its_comma() -> None:
    ahead = _values("On Friday, the aid agencies plan to open a second corridor.", "en")
    assert ahead["Friday"] == "2024-03-15"
    past = _values("On Friday, the aid agencies opened a second corridor.", "en")
    assert past["Friday"] == "2024-03-08"


def test_en_fronted_planned_alone_is_past_after_an_auxiliary_ahead() -> None:
    past = _values("On Friday, the ministry planned to pay the first claims.", "en")
    assert past["Friday"] == "2024-03-08"
    ahead = _values("On Friday, the ministry is expected to pay the first claims.", "en")
    assert ahead["Friday"] == "2024-03-15"


def test_en_fronted_until_with_past_perfect_is_past() -> None:
    got = _values("Until Monday, the army had not named the commander.", "en")
    assert got["Monday"] == "2024-03-11"


def test_en_schedule_verb_in_the_present_looks_ahead() -> None:
    got = _values("The Security Council meets Friday to discuss the siege.", "en")
    assert got["Friday"] == "2024-03-15"


def test_en_plural_part_of_day_after_weekdays_is_a_habit() -> None:
    got = _values("Two convoys will leave Juba on Monday and Tuesday nights.", "en")
    assert got["Tuesday nights"] == "XXXX-WXX-2TNI"
    assert got["Monday"] == "XXXX-WXX-1TNI"


def test_fr_plural_part_of_day_after_weekday_is_a_habit() -> None:
    got = _values("Le couvre-feu s'applique les vendredis soirs à Bamako.", "fr")
    assert got["les vendredis soirs"] == "XXXX-WXX-5TEV"


def test_fr_night_between_two_days_is_the_first_days_night() -> None:
    got = _values("Deux civils ont été tués dans la nuit de lundi à mardi à Gao.", "fr")
    assert got["la nuit de lundi à mardi"] == "2024-03-11TNI"


def test_en_night_between_two_days() -> None:
    got = _values("Rockets hit the base overnight Monday to Tuesday.", "en")
    assert got["overnight Monday to Tuesday"] == "2024-03-11TNI"


def test_two_days_that_do_not_follow_each_other_are_not_one_night() -> None:
    got = _values("Des combats ont eu lieu dans la nuit de lundi à jeudi.", "fr")
    assert "la nuit de lundi à jeudi" not in got
