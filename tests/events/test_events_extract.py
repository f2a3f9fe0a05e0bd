"""Event extraction on sentences written for these tests (French and English)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bilan.events.stage import event_lexicon, extract_events
from bilan.pipeline import Resources
from bilan.records import (
    ActorMention,
    Claim,
    Document,
    Event,
    Place,
    PlaceMention,
    Span,
    TimeMention,
)

DOUMA = Place("Douma", "Syria", "SY", "Rif Dimashq", 33.57, 36.40, "city", "test:douma")
ALEPPO = Place("Aleppo", "Syria", "SY", "Aleppo", 36.20, 37.16, "city", "test:aleppo")
NEW_YORK = Place("New York", "United States", "US", "New York", 40.71, -74.01, "city", "test:ny")


def sentences(text: str) -> list[Span]:
    out = []
    for m in re.finditer(r"[^\n]+?(?:[.!?](?=\s)|[.!?]?$)", text, re.MULTILINE):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        if b > a:
            out.append(Span(a, b, text[a:b]))
    return out


def make_doc(
    text: str,
    lang: str,
    pub: str = "2016-09-23",
    timexes: list[tuple[str, str]] | None = None,
    places: list[tuple[str, Place]] | None = None,
    actors: list[tuple[str, str, str]] | None = None,
    claims: list[Claim] | None = None,
) -> Document:
    doc = Document(id="test.txt", text=text, source="test.txt")
    doc.language = lang
    doc.sentences = sentences(text)
    doc.publication_date = dt.date.fromisoformat(pub)
    for phrase, value in timexes or []:
        i = text.index(phrase)
        doc.timexes.append(
            TimeMention(i, i + len(phrase), phrase, "DATE", value, granularity="day")
        )
    for phrase, place in places or []:
        i = text.index(phrase)
        doc.places.append(PlaceMention(i, i + len(phrase), phrase, place))
    for phrase, name, category in actors or []:
        i = text.index(phrase)
        doc.actors.append(ActorMention(i, i + len(phrase), phrase, name, category))
    doc.claims = claims or []
    return doc


def run(doc: Document) -> list[Event]:
    extract_events(doc, Resources())
    for ev in doc.events:
        assert ev.id == "" and ev.fatalities == {}
        assert ev.documents == [doc.id]
        assert ev.trigger is not None
        assert ev.trigger.text == doc.text[ev.trigger.start : ev.trigger.end]
        for m in ev.mentions:
            assert m.text == doc.text[m.start : m.end]
            assert m.document == doc.id
    return doc.events


def kinds(events: list[Event]) -> list[tuple[str, str]]:
    return [(e.event_type, e.sub_event_type) for e in events]


def test_french_air_strike_with_actors_place_date_and_target() -> None:
    text = (
        "Jeudi, des frappes aériennes de l'armée syrienne ont visé un marché de Douma, "
        "tuant au moins douze civils."
    )
    doc = make_doc(
        text,
        "fr",
        timexes=[("Jeudi", "2016-09-22")],
        places=[("Douma", DOUMA)],
        actors=[
            ("l'armée syrienne", "Military Forces of Syria", "state_forces"),
            ("civils", "Civilians (Syria)", "civilians"),
        ],
    )
    (ev,) = run(doc)
    assert (ev.event_type, ev.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert ev.plover == "FIGHT"  # PLOVER: heavy weapons between armed parties
    assert ev.date == "2016-09-22" and ev.date_precision == "day"
    assert ev.location == DOUMA
    assert ev.actor1 == "Military Forces of Syria"
    assert ev.actor2 == "Civilians (Syria)"
    assert ev.target == "market"
    assert ev.trigger is not None and ev.trigger.text == "frappes aériennes"
    assert ev.mentions[0].text == text


def test_english_air_strike_with_actors() -> None:
    text = "Russian warplanes struck a hospital in Aleppo on Thursday, rescuers said."
    doc = make_doc(
        text,
        "en",
        timexes=[("Thursday", "2016-09-22")],
        places=[("Aleppo", ALEPPO)],
        actors=[("Russian warplanes", "Military Forces of Russia", "state_forces")],
    )
    (ev,) = run(doc)
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.actor1 == "Military Forces of Russia"
    assert ev.actor2 == "Civilians (Syria)"  # a hospital was hit and no other target is named
    assert ev.target == "hospital" and ev.location == ALEPPO and ev.date == "2016-09-22"


@pytest.mark.parametrize(
    ("text", "lang", "sub_type"),
    [
        ("Une voiture piégée a explosé mardi devant une caserne de Kirkouk.", "fr",
         "Remote explosive/landmine/IED"),
        ("Un kamikaze a fait sauter une voiture piégée devant la caserne.", "fr", "Suicide bomb"),
        ("A car bomb went off outside a police station in the town.", "en",
         "Remote explosive/landmine/IED"),
        ("A suicide bomber drove a car bomb into the checkpoint.", "en", "Suicide bomb"),
    ],
)
def test_car_bombs(text: str, lang: str, sub_type: str) -> None:
    events = run(make_doc(text, lang))
    assert kinds(events) == [("Explosions/Remote violence", sub_type)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("De violents affrontements ont opposé l'armée aux rebelles près de Hama.", "fr"),
        ("Heavy clashes erupted between rebels and government troops near Hama.", "en"),
    ],
)
def test_clashes_are_armed_clashes(text: str, lang: str) -> None:
    assert kinds(run(make_doc(text, lang))) == [("Battles", "Armed clash")]


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Les chefs de la diplomatie ont tenu des pourparlers à New York lundi.", "fr", "New York"),
        ("The foreign ministers held talks in New York on Monday.", "en", "New York"),
    ],
)
def test_talks_in_new_york_are_a_meeting(text: str, lang: str, place: str) -> None:
    doc = make_doc(text, lang, places=[(place, NEW_YORK)])
    (ev,) = run(doc)
    assert (ev.event_type, ev.sub_event_type) == ("Diplomacy", "Meeting")
    assert ev.plover == "CONSULT"
    assert ev.location == NEW_YORK


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("L'armée prépare une offensive terrestre et menace de bombardements la ville.", "fr"),
        ("Aucune frappe n'a été signalée dans la ville depuis mardi soir.", "fr"),
        ("Les combats pourraient reprendre si les négociations échouaient.", "fr"),
        ("Le régime va lancer des raids sur les quartiers est.", "fr"),
        ("The army is preparing an assault and will launch air strikes next week.", "en"),
        ("No clashes were reported in the town overnight.", "en"),
        ("Fighting could resume if the talks fail.", "en"),
    ],
)
def test_plans_negations_and_hypotheticals_are_not_events(text: str, lang: str) -> None:
    assert run(make_doc(text, lang)) == []


def test_announcement_of_an_offensive_is_a_strategic_development() -> None:
    text = "L'armée a annoncé jeudi le lancement d'une offensive sur les quartiers rebelles."
    doc = make_doc(text, "fr", timexes=[("jeudi", "2016-09-22")])
    assert kinds(run(doc)) == [("Strategic developments", "Other")]


def _claim(text: str, phrase: str, low: int, cumulative: bool) -> Claim:
    i = text.index(phrase)
    return Claim(
        kind="killed", low=low, high=None, qualifier="more_than", victims="people",
        claimant=None, document="test.txt", start=i, end=i + len(phrase), text=phrase,
        cumulative=cumulative, sentence=0,
    )


def test_war_wide_toll_is_not_an_event() -> None:
    text = "Les combats ont fait plus de 300 000 morts dans le pays."
    doc = make_doc(
        text, "fr", pub="2016-09-23", claims=[_claim(text, "plus de 300 000 morts", 300000, True)]
    )
    assert run(doc) == []
    text_en = "The fighting has killed more than 300,000 people since 2011."
    assert run(make_doc(text_en, "en")) == []


def test_award_and_historical_comparison_are_not_events() -> None:
    fr = "Le prix a été remis jeudi aux secouristes qui fouillent les décombres après les raids."
    assert run(make_doc(fr, "fr")) == []
    en = "He compared the city to Dresden, bombed in 1945 by allied aircraft."
    assert run(make_doc(en, "en")) == []


def test_two_mentions_of_the_same_strike_merge() -> None:
    text = (
        "Frappes aériennes sur Alep\n"
        "Des raids aériens ont frappé les quartiers est d'Alep vendredi. "
        "Le directeur d'un hôpital a fait état de 40 morts."
    )
    toll = "40 morts"
    i = text.index(toll)
    claim = Claim("killed", 40, 40, "exact", "people", "hospital director", "test.txt",
                  i, i + len(toll), toll, sentence=2)
    doc = make_doc(
        text, "fr", pub="2016-09-23",
        timexes=[("vendredi", "2016-09-23")],
        places=[("Alep", ALEPPO), ("Alep.", ALEPPO)] if False else [("Alep", ALEPPO)],
        claims=[claim],
    )
    (ev,) = run(doc)
    assert ev.sub_event_type == "Air/drone strike"
    assert [m.text for m in ev.mentions] == [
        "Frappes aériennes sur Alep",
        "Des raids aériens ont frappé les quartiers est d'Alep vendredi.",
        "Le directeur d'un hôpital a fait état de 40 morts.",
    ]
    assert ev.claims == [claim]
    assert ev.date == "2016-09-23"


def test_date_from_previous_sentence_then_publication_date() -> None:
    text = (
        "Jeudi, la ville a vécu une journée de terreur. Des obus sont tombés sur le marché.\n"
        "Des combats ont éclaté près de l'aéroport."
    )
    doc = make_doc(text, "fr", pub="2016-09-24", timexes=[("Jeudi", "2016-09-22")])
    events = run(doc)
    by_kind = {e.sub_event_type: e for e in events}
    shelling = by_kind["Shelling/artillery/missile attack"]
    assert shelling.date == "2016-09-22"  # from the previous sentence of the paragraph
    # new paragraph naming no day: the day the lead names goes on
    assert by_kind["Armed clash"].date == "2016-09-22"


def test_date_from_the_report_when_the_lead_names_no_recent_day() -> None:
    text = (
        "La ville a vécu une journée de terreur. Des obus sont tombés sur le marché.\n"
        "Des combats ont éclaté près de l'aéroport."
    )
    doc = make_doc(text, "fr", pub="2016-09-24")
    by_kind = {e.sub_event_type: e for e in run(doc)}
    assert by_kind["Armed clash"].date == "2016-09-24"
    early = make_doc("Lundi, " + text[0].lower() + text[1:], "fr", pub="2016-09-24",
                     timexes=[("Lundi", "2016-09-19")])
    by_kind = {e.sub_event_type: e for e in run(early)}
    assert by_kind["Armed clash"].date == "2016-09-24"  # the lead's day is too far back


def test_period_record_from_a_span() -> None:
    text = "Les bombardements ont fait 120 morts depuis le 15 novembre, selon l'OSDH."
    doc = make_doc(text, "fr", pub="2016-11-25")
    phrase = "depuis le 15 novembre"
    i = text.index(phrase)
    doc.timexes = [
        TimeMention(i, i + len(phrase), phrase, "DURATION", "P10D",
                    range_start="2016-11-15", range_end="2016-11-25")
    ]
    doc.claims = [_claim(text, "120 morts", 120, True)]
    (ev,) = run(doc)
    assert (ev.date, ev.date_end, ev.date_precision) == ("2016-11-15", "2016-11-25", "period")
    assert len(ev.claims) == 1


def test_stage_declares_reads_and_writes() -> None:
    assert extract_events.name == "events"
    assert "claims" in extract_events.reads
    assert extract_events.writes == ("events", "happenings")
    res = Resources()
    assert event_lexicon(res, "fr") is event_lexicon(res, "fr")
