"""Error categories fixed from the TimeML evaluation, each on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from bilan.records import TimeMention
from bilan.time.find import find_timexes
from bilan.time.lexicon import TimeLexicon
from bilan.time.resolve import holiday_date

THU = dt.date(2019, 10, 31)  # a Thursday, in the fourth quarter
WED = dt.date(2021, 3, 10)  # a Wednesday




def found(text: str, lex: TimeLexicon, dct: dt.date | None) -> dict[str, TimeMention]:
    out = find_timexes(text, lex.lang, dct, lex)
    for t in out:
        assert t.text == text[t.start : t.end]
    return {t.text: t for t in out}


def values(text: str, lex: TimeLexicon, dct: dt.date | None) -> dict[str, str]:
    return {k: v.value for k, v in found(text, lex, dct).items()}


# --- quarters of financial reports ------------------------------------------------------


def test_year_ago_in_a_quarterly_report_is_the_same_quarter(en: TimeLexicon) -> None:
    text = ("The carmaker earned $40 million in the third quarter, up from $31 million "
            "a year ago.")
    assert values(text, en, THU) == {"the third quarter": "2019-Q3", "a year ago": "2018-Q3"}


def test_year_ago_without_a_quarter_stays_a_year(en: TimeLexicon) -> None:
    text = "The bridge was closed to traffic a year ago."
    assert values(text, en, THU) == {"a year ago": "2018"}


def test_the_quarter_is_the_one_under_discussion(en: TimeLexicon) -> None:
    text = ("Second-quarter sales rose 4%. In the quarter, the chain opened ten shops; "
            "in the year-earlier quarter it closed two.")
    v = values(text, en, THU)
    assert v["the quarter"] == "2019-Q2"
    assert v["the year-earlier quarter"] == "2018-Q2"


def test_the_latest_quarter_is_the_last_full_one(en: TimeLexicon) -> None:
    text = "The airline expects a weak fourth quarter after a loss in the latest quarter."
    v = values(text, en, THU)
    assert v["the latest quarter"] == "2019-Q3"


# --- weekdays: tense and possessives ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "value"),
    [
        # a possessive names a thing already done
        ("Lawyers said they would appeal Monday's ruling.", "Monday", "2021-03-08"),
        ("Diplomats met ahead of Friday's vote.", "Friday", "2021-03-12"),
        # a cue after the expression is a reporting verb and counts for less
        ("The envoy will fly to Cairo Friday, his office said.", "Friday", "2021-03-12"),
        # "planned", "as soon as": forward
        ("Protesters planned a march on Saturday.", "Saturday", "2021-03-13"),
        ("The talks could resume as soon as Monday.", "Monday", "2021-03-15"),
        # a capitalised name ending in -ed is no past tense
        ("The minister will visit the United States Friday.", "Friday", "2021-03-12"),
    ],
)
def test_weekday_direction(en: TimeLexicon, text: str, word: str, value: str) -> None:
    assert values(text, en, WED)[word] == value


def test_plural_weekday_recurs(fr: TimeLexicon) -> None:
    t = found("Le marché se tient les premiers et troisièmes samedis.", fr, WED)["samedis"]
    assert (t.type, t.value) == ("SET", "XXXX-WXX-6")


# --- months, years, feasts --------------------------------------------------------------


def test_month_without_tense_cue_is_the_nearest(en: TimeLexicon) -> None:
    assert values("Its annual meeting in January", en, dt.date(2019, 11, 5)) == {
        "January": "2020-01"}


def test_bare_year_after_a_determiner(en: TimeLexicon) -> None:
    text = "The senator lost his 1994 race and the 2002 primary."
    assert values(text, en, THU) == {"1994": "1994", "2002": "2002"}


def test_two_digit_year_after_a_month(fr: TimeLexicon) -> None:
    v = values("Le traité signé en octobre 98, puis ratifié le 3 mars 01.", fr, WED)
    assert v["octobre 98"] == "1998-10"
    assert v["le 3 mars 01"] == "2001-03-03"


def test_two_digit_number_after_a_month_that_counts_is_not_a_year(fr: TimeLexicon) -> None:
    v = values("Le 3 mars 12 soldats ont été blessés.", fr, WED)
    assert v == {"Le 3 mars": "2021-03-03"}


def test_holidays(en: TimeLexicon) -> None:
    assert holiday_date(2019, "11-4-4") == dt.date(2019, 11, 28)
    assert holiday_date(2021, "05-L-1") == dt.date(2021, 5, 31)
    text = "The boy was rescued at sea on Thanksgiving Day."
    assert values(text, en, dt.date(2020, 1, 6)) == {"Thanksgiving Day": "2019-11-28"}


# --- not time expressions ---------------------------------------------------------------


def test_as_soon_as_is_no_future_reference(en: TimeLexicon) -> None:
    assert values("The road will reopen as soon as the rubble is cleared.", en, WED) == {}


def test_rate_is_no_duration(en: TimeLexicon) -> None:
    text = "The plant makes 4,000 tonnes a year and saved $3 million a year ago."
    assert values(text, en, WED) == {"a year ago": "2020"}


def test_age_in_apposition_is_no_duration(fr: TimeLexicon) -> None:
    text = "Le conducteur, Marc Lefèvre, 42 ans, a été hospitalisé depuis dix ans."
    v = values(text, fr, WED)
    assert "42 ans" not in v
    assert v["dix ans"] == "P10Y"


def test_season_as_adjective_is_no_date(fr: TimeLexicon) -> None:
    v = values("Les stations de sports d'hiver ouvrent ; au début d'hiver il neige.", fr, WED)
    assert "hiver" not in v
    assert "début d'hiver" in v


# --- French phrases ---------------------------------------------------------------------


def test_french_night_and_evening_are_the_day_before(fr: TimeLexicon) -> None:
    v = values("Des tirs ont été entendus dans la nuit puis dans la soirée.", fr, WED)
    assert v == {"la nuit": "2021-03-09TNI", "la soirée": "2021-03-09TEV"}


def test_french_these_last_days_is_a_vague_duration(fr: TimeLexicon) -> None:
    assert values("Ces derniers jours, la tension a monté.", fr, WED) == {
        "Ces derniers jours": "PXD"}


def test_period_nouns(fr: TimeLexicon) -> None:
    assert values("Au cours du quinquennat, le budget a doublé.", fr, WED) == {
        "quinquennat": "P5Y"}


def test_clock_then_comma_then_day(fr: TimeLexicon) -> None:
    v = values("Vers 2 h 15, hier, un camion a percuté un mur.", fr, WED)
    assert v["Vers 2 h 15"] == "2021-03-09T02:15"


def test_clock_range_keeps_both_ends(fr: TimeLexicon) -> None:
    v = values("Le musée ouvre de 9 h à 18 h.", fr, WED)
    assert v == {"9 h": "2021-03-10T09:00", "18 h": "2021-03-10T18:00"}
