"""Round 4: span conventions, "the year", past perfect, decades, and the one-scan speed-up
(each on sentences written for these tests)."""

from __future__ import annotations

import datetime as dt

from bilan.records import TimeMention
from bilan.time.find import find_timexes, scan_rules
from bilan.time.lexicon import TimeLexicon, _alt

TUE = dt.date(2019, 11, 5)  # a Tuesday




def found(text: str, lex: TimeLexicon, dct: dt.date | None) -> dict[str, TimeMention]:
    out = find_timexes(text, lex.lang, dct, lex)
    for t in out:
        assert t.text == text[t.start : t.end]
    return {t.text: t for t in out}


def test_the_year_is_the_reports_year_or_a_fiscal_duration(en: TimeLexicon) -> None:
    text = ("The mill posted its best result of the year. For the year ended June 30, it "
            "earned more than the year before.")
    got = found(text, en, TUE)
    years = [t for t in find_timexes(text, "en", TUE, en) if t.text == "the year"]
    assert [(t.type, t.value) for t in years] == [("DATE", "2019"), ("DURATION", "P1Y")]
    assert "the year before" not in got


def test_the_year_ago_quarter_is_not_the_current_year(en: TimeLexicon) -> None:
    got = found("Profit rose from the year-ago quarter.", en, TUE)
    assert all(t.value != "2019" for t in got.values())


def test_prefix_words_belong_to_the_span(en: TimeLexicon) -> None:
    got = found("Earlier Sunday the convoy left; it will return late tomorrow.", en, TUE)
    assert got["Earlier Sunday"].value == "2019-11-03"
    assert got["late tomorrow"].value == "2019-11-06"


def test_quantity_words_belong_to_the_span(en: TimeLexicon) -> None:
    got = found("The talks lasted nearly three weeks, after at least 30 days of delay, "
                "in fiscal 2018.", en, TUE)
    assert got["nearly three weeks"].value == "P3W"
    assert got["at least 30 days"].value == "P30D"
    assert got["fiscal 2018"].value == "2018"


def test_determiner_and_modifier_together(en: TimeLexicon) -> None:
    got = found("Prices fell over the past year and may rise the following month.", en, TUE)
    assert got["the past year"].value == "2018"
    assert "the following month" in got


def test_decades_count_in_years(en: TimeLexicon) -> None:
    got = found("The dispute has lasted two decades.", en, TUE)
    assert got["two decades"].value == "P20Y"


def test_past_perfect_puts_a_weekday_in_the_past(en: TimeLexicon) -> None:
    text = "The truce had been due to expire Friday, officials said."
    assert found(text, en, TUE)["Friday"].value == "2019-11-01"
    assert found("The truce is due to expire Friday.", en, TUE)["Friday"].value == "2019-11-08"


def test_french_past_perfect(fr: TimeLexicon) -> None:
    got = found("Les deux camps avaient prévu de se revoir vendredi.", fr, TUE)
    assert got["vendredi"].value == "2019-11-01"
    got = found("Les deux camps ont prévu de se revoir vendredi.", fr, TUE)
    assert got["vendredi"].value == "2019-11-08"


def test_trie_alternation_prefers_the_longest_word() -> None:
    import re

    pat = re.compile(rf"(?:{_alt(['jan', 'jan.', 'january', 'new', 'new year', 'l’'])})",
                     re.IGNORECASE)
    assert pat.match("January 5")[0] == "January"  # type: ignore[index]
    assert pat.match("jan. 5")[0] == "jan."  # type: ignore[index]
    assert pat.match("New Year's Day")[0] == "New Year"  # type: ignore[index]
    assert pat.match("l'an")[0] == "l'"  # type: ignore[index]
    assert _alt([]) == "(?!x)x"


def test_one_scan_gives_the_same_expressions(en: TimeLexicon) -> None:
    text = ("On Monday the army said it had retaken the town, three days after the "
            "offensive began on Oct. 31; talks resume next week.")
    matches = scan_rules(text, en)
    for dct in (None, TUE, dt.date(2001, 2, 3)):
        assert find_timexes(text, "en", dct, en, matches) == find_timexes(text, "en", dct, en)
