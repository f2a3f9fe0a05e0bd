"""Round 5: weekday nights, clock times with a time zone, rates, fractions, titles, bare
month abbreviations, irregular past tenses and possessive years (sentences written for these
tests)."""

from __future__ import annotations

import datetime as dt

from bilan.records import TimeMention
from bilan.time.find import find_timexes
from bilan.time.lexicon import TimeLexicon

WED = dt.date(2019, 11, 6)  # a Wednesday




def found(text: str, lex: TimeLexicon, dct: dt.date | None) -> dict[str, TimeMention]:
    out = find_timexes(text, lex.lang, dct, lex)
    for t in out:
        assert t.text == text[t.start : t.end]
    return {t.text: t for t in out}


def test_weekday_night_is_that_day_but_evening_keeps_its_part(en: TimeLexicon) -> None:
    got = found("The ferry sank Monday night and the rescue ended Tuesday evening.", en, WED)
    assert (got["Monday night"].type, got["Monday night"].value) == ("DATE", "2019-11-04")
    assert (got["Tuesday evening"].type, got["Tuesday evening"].value) == (
        "TIME", "2019-11-05TEV")


def test_french_weekday_night_keeps_its_part(fr: TimeLexicon) -> None:
    got = found("Le bac a coulé lundi soir.", fr, WED)
    assert got["lundi soir"].value == "2019-11-04TEV"


def test_clock_time_with_a_time_zone_takes_the_following_day(en: TimeLexicon) -> None:
    text = "Bids are due by 5 p.m. EST, Nov. 12, the agency said."
    got = found(text, en, WED)
    assert got["5 p.m. EST, Nov. 12"].value == "2019-11-12T17:00"
    assert "Nov. 12" not in got


def test_a_rate_is_no_set(en: TimeLexicon) -> None:
    got = found("Sales should grow 7% annually, and the board meets annually.", en, WED)
    assert [t.start for t in got.values() if t.text == "annually"] == [
        "Sales should grow 7% annually, and the board meets annually.".rindex("annually")]


def test_a_fraction_is_no_duration(en: TimeLexicon) -> None:
    got = found("Farmers lost three-quarters of their crop within two quarters of 2019.",
                en, WED)
    assert "three-quarters" not in got
    assert all("three" not in k for k in got)


def test_a_capitalised_title_is_no_week(en: TimeLexicon) -> None:
    got = found('The minister spoke on the "This Week" programme this week.', en, WED)
    assert list(got) == ["this week"]


def test_a_bare_month_abbreviation_is_a_name(en: TimeLexicon) -> None:
    assert found("The talks were led by Jan Novak of Prague.", en, WED) == {}
    assert found("The talks began in Jan. 2018.", en, WED)["Jan. 2018"].value == "2018-01"


def test_irregular_past_tense_sends_a_month_back(en: TimeLexicon) -> None:
    # November 2019: "began in February" is the February before, not the next one
    got = found("The strike began in February and spread quickly.", en, WED)
    assert got["February"].value == "2019-02"
    got = found("The strike will begin in February.", en, WED)
    assert got["February"].value == "2020-02"


def test_a_year_after_a_possessive_or_into(en: TimeLexicon) -> None:
    got = found("The firm's 2018 results were weak and the slump may last into 2020.", en, WED)
    assert got["2018"].value == "2018"
    assert got["2020"].value == "2020"


def test_a_year_ago_quarter_is_a_year_back(en: TimeLexicon) -> None:
    got = found("Profit fell from the year-ago second quarter; the second quarter was weak.",
                en, WED)
    assert got["the year-ago second quarter"].value == "2018-Q2"
    assert got["the second quarter"].value == "2019-Q2"
