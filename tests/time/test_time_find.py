"""Finding and resolving temporal expressions, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from bilan.records import TimeMention
from bilan.time.find import find_timexes
from bilan.time.lexicon import TimeLexicon, load_time_lexicon

FRI = dt.date(2016, 9, 23)  # a Friday
SAT = dt.date(2016, 9, 24)  # a Saturday




def found(text: str, lex: TimeLexicon, dct: dt.date | None) -> dict[str, TimeMention]:
    out = find_timexes(text, lex.lang, dct, lex)
    for t in out:
        assert t.text == text[t.start : t.end]
    return {t.text: t for t in out}


def values(text: str, lex: TimeLexicon, dct: dt.date | None) -> dict[str, str]:
    return {k: v.value for k, v in found(text, lex, dct).items()}


def test_weekday_in_saturday_report_is_the_day_before(fr: TimeLexicon) -> None:
    text = "Les pompiers ont lutté vendredi contre un incendie de forêt près de Marseille."
    assert values(text, fr, SAT) == {"vendredi": "2016-09-23"}


def test_weekday_of_the_report_is_the_same_day(fr: TimeLexicon) -> None:
    text = "La gare a été évacuée vendredi après une alerte."
    assert values(text, fr, FRI) == {"vendredi": "2016-09-23"}


def test_weekday_with_part_of_day_is_a_time(fr: TimeLexicon) -> None:
    text = "Le gouvernement a annoncé jeudi soir un couvre-feu à Bamako."
    t = found(text, fr, FRI)["jeudi soir"]
    assert (t.type, t.value) == ("TIME", "2016-09-22TEV")


@pytest.mark.parametrize(
    ("text", "word", "value"),
    [
        ("Les ministres vont se retrouver lundi à Genève.", "lundi", "2016-09-26"),
        ("Ils sont convenus de se parler encore mardi.", "mardi", "2016-09-27"),
        ("Le marché sera fermé dimanche.", "dimanche", "2016-09-25"),
        ("Le sommet a eu lieu lundi dernier.", "lundi dernier", "2016-09-19"),
        ("La réunion est repoussée à vendredi prochain.", "vendredi prochain", "2016-09-30"),
        ("Les équipes ont travaillé mercredi.", "mercredi", "2016-09-21"),
    ],
)
def test_weekday_direction(fr: TimeLexicon, text: str, word: str, value: str) -> None:
    assert values(text, fr, FRI)[word] == value


def test_english_weekdays(en: TimeLexicon) -> None:
    text = "Rescuers said on Thursday that the talks will resume Monday."
    assert values(text, en, FRI) == {"Thursday": "2016-09-22", "Monday": "2016-09-26"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le ferry a coulé hier matin.", {"hier matin": ("TIME", "2016-09-22TMO")}),
        ("Le tir a eu lieu dans l'après-midi de jeudi.", {"jeudi": ("DATE", "2016-09-22")}),
        ("Ce matin, la route était coupée.", {"Ce matin": ("TIME", "2016-09-23TMO")}),
        ("Un bus a été attaqué hier soir.", {"hier soir": ("TIME", "2016-09-22TEV")}),
        ("Il pleuvait cette nuit sur Lyon.", {"cette nuit": ("TIME", "2016-09-23TNI")}),
    ],
)
def test_parts_of_day(fr: TimeLexicon, text: str, expected: dict[str, tuple[str, str]]) -> None:
    got = {k: (v.type, v.value) for k, v in found(text, fr, FRI).items()}
    assert got == expected


def test_relative_days(fr: TimeLexicon) -> None:
    text = "Hier, aujourd'hui, avant-hier, la veille et le lendemain."
    assert values(text, fr, FRI) == {
        "Hier": "2016-09-22",
        "aujourd'hui": "2016-09-23",
        "avant-hier": "2016-09-21",
        "la veille": "2016-09-22",
        "le lendemain": "2016-09-24",
    }


def test_explicit_dates(fr: TimeLexicon, en: TimeLexicon) -> None:
    text = "Le traité, prévu le 5 octobre 2016, a été signé le 2 mars, au 12/01/2015, 2015-02-03."
    assert values(text, fr, FRI) == {
        "le 5 octobre 2016": "2016-10-05",
        "le 2 mars": "2016-03-02",
        "12/01/2015": "2015-01-12",
        "2015-02-03": "2015-02-03",
    }
    text = "The vote, held Sept 23 and again on September 23, 2015, was annulled."
    assert values(text, en, FRI) == {"Sept 23": "2016-09-23", "September 23, 2015": "2015-09-23"}


def test_day_month_year_is_the_closest(fr: TimeLexicon) -> None:
    jan = dt.date(2017, 1, 3)
    assert values("Le scrutin du 28 décembre a été annulé.", fr, jan) == {
        "28 décembre": "2016-12-28"
    }


def test_months_years_seasons(fr: TimeLexicon) -> None:
    text = "La ville est assiégée depuis l'automne 2015, bombardée en 2012 et en mars 2014."
    assert values(text, fr, FRI) == {
        "l'automne 2015": "2015-FA",
        "2012": "2012",
        "mars 2014": "2014-03",
    }


def test_relative_periods(fr: TimeLexicon, en: TimeLexicon) -> None:
    text = "La semaine dernière, le mois dernier et ce week-end, il y a un an."
    assert values(text, fr, FRI) == {
        "La semaine dernière": "2016-W37",
        "le mois dernier": "2016-08",
        "ce week-end": "2016-W38-WE",
        "il y a un an": "2015",
    }
    text = "Prices rose last week, a year ago and three days ago."
    assert values(text, en, FRI) == {
        "last week": "2016-W37",
        "a year ago": "2015",
        "three days ago": "2016-09-20",
    }


def test_durations(fr: TimeLexicon) -> None:
    text = "Une trêve de sept jours, trois semaines de siège, des combats depuis des mois."
    got = {k: (v.type, v.value) for k, v in found(text, fr, FRI).items()}
    assert got == {
        "sept jours": ("DURATION", "P7D"),
        "trois semaines": ("DURATION", "P3W"),
        "des mois": ("DURATION", "PXM"),
    }
    assert values("Le procès a duré 24 heures.", fr, FRI) == {"24 heures": "PT24H"}


def test_sets(fr: TimeLexicon, en: TimeLexicon) -> None:
    got = found("Le marché ouvre chaque lundi.", fr, FRI)["chaque lundi"]
    assert (got.type, got.value) == ("SET", "XXXX-WXX-1")
    got = found("Patrols leave every Tuesday.", en, FRI)["every Tuesday"]
    assert (got.type, got.value) == ("SET", "XXXX-WXX-2")


@pytest.mark.parametrize(
    "text",
    [
        "Elle a retrouvé sa sœur, qui a lu le rapport.",
        "La sonde observe Mars depuis son orbite.",
        "Le robot a atterri sur mars sans dommage.",
        "Il a été blessé, un an, a-t-il dit, après son arrivée.",
        "Les 2000 soldats et 1500 policiers sont arrivés.",
    ],
)
def test_no_false_hits_fr(fr: TimeLexicon, text: str) -> None:
    assert [t.text for t in find_timexes(text, "fr", FRI, fr) if t.type != "DURATION"] == []


def test_month_with_context_is_found(fr: TimeLexicon) -> None:
    assert values("Les élections ont eu lieu début mars.", fr, FRI) == {"début mars": "2016-03"}
    assert values("Le vote a eu lieu en mars.", fr, FRI) == {"mars": "2016-03"}


def test_may_the_modal_is_not_a_month(en: TimeLexicon) -> None:
    text = "Officials may delay the vote; May Smith said talks may resume in May."
    assert values(text, en, FRI) == {"May": "2016-05"}
    assert values("The law passed on May 4.", en, FRI) == {"May 4": "2016-05-04"}


def test_unanchored_values(fr: TimeLexicon) -> None:
    got = found("Le convoi est parti jeudi soir, le 23 septembre.", fr, None)
    assert got["jeudi soir"].value == "XXXX-WXX-4TEV"
    assert got["le 23 septembre"].value == "XXXX-09-23"
    assert not got["jeudi soir"].anchored


def test_offsets_equal_text(fr: TimeLexicon) -> None:
    text = "Depuis l’été 2012, aujourd’hui encore… Le 1er mai, vers 15 h 30, hier."
    out = find_timexes(text, "fr", FRI, fr)
    assert out, "expected expressions"
    for t in out:
        assert text[t.start : t.end] == t.text
    assert {t.text for t in out} >= {"l’été 2012", "Le 1er mai", "vers 15 h 30", "hier"}


def test_wrong_lexicon_refused(fr: TimeLexicon) -> None:
    with pytest.raises(ValueError):
        find_timexes("today", "en", FRI, fr)


def test_spans_fill_range_start_and_end() -> None:
    fr = load_time_lexicon("fr")
    en = load_time_lexicon("en")
    dct = dt.date(2016, 11, 20)
    text = "Les combats durent depuis le 15 novembre. Une trêve a tenu du 3 au 5 octobre."
    got = {t.text: (t.range_start, t.range_end) for t in find_timexes(text, "fr", dct, fr)}
    assert got["le 15 novembre"] == ("2016-11-15", "2016-11-20")
    assert got["5 octobre"] == ("2016-10-03", "2016-10-05")
    text = "Fighting has raged since April 15. Talks ran from October 3 to October 5."
    got = {t.text: (t.range_start, t.range_end) for t in find_timexes(text, "en", dct, en)}
    assert got["April 15"] == ("2016-04-15", "2016-11-20")
    assert got["October 3"] == got["October 5"] == ("2016-10-03", "2016-10-05")


def test_tokenised_dates() -> None:
    en = load_time_lexicon("en")
    text = "The council met on Feb 21 , 2011 -LRB- a Monday -RRB- ."
    got = {t.text: t.value for t in find_timexes(text, "en", None, en)}
    assert got["Feb 21 , 2011"] == "2011-02-21"
