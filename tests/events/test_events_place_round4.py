"""Where an event is placed, fourth round: the seat of the UN bodies, events told across
the whole country, rallies and arrests in a report naming no place in their sentence, and
the place named as what was attacked or taken.

Sentences written for these tests; the place stage is not run: each test gives the place
readings to see how the event place is chosen.
"""

from __future__ import annotations

import datetime as dt

from events_testkit import events_of, placed_doc

from bilan.events.assemble import UN_SEAT, is_assailed
from bilan.events.ontology import load_ontology
from bilan.events.triggers import load_lexicon
from bilan.records import Document, Event, Place

KENYA = Place("Kenya", "Kenya", "KE", None, 0.5, 37.9, "country", "test:kenya")
NAIROBI = Place("Nairobi", "Kenya", "KE", "Nairobi Area", -1.29, 36.82, "city", "test:nairobi")
KISUMU = Place("Kisumu", "Kenya", "KE", "Kisumu", -0.1, 34.75, "city", "test:kisumu")
GARISSA = Place("Garissa", "Kenya", "KE", "Garissa", -0.45, 39.64, "city", "test:garissa")
SOMALIA = Place("Somalia", "Somalia", "SO", None, 6.0, 47.0, "country", "test:somalia")
GENEVA = Place("Geneva", "Switzerland", "CH", "Geneva", 46.2, 6.15, "city", "test:geneva")

LOC = {"locative": True}
FILLER_EN = ("Schools shut. Markets were empty. Buses did not run. Prices rose. "
             "Offices closed early. Roads were blocked. ")
FILLER_FR = ("Les écoles ont fermé. Les marchés étaient vides. Les bus ne roulaient pas. "
             "Les prix ont monté. Les bureaux ont fermé tôt. Les routes étaient bloquées. ")
NONE: dict[str, bool] = {}
DEMONYM = {"demonym": True}


def make_doc(text: str, places: list[tuple[str, Place, dict[str, bool]]],
             lang: str = "en") -> Document:
    return placed_doc(text, places, dt.date(2022, 5, 10), lang)


run = events_of


def located(events: list[Event], event_type: str) -> list[str | None]:
    return [e.location.name if e.location else None
            for e in events if e.event_type == event_type]


def placed_at(events: list[Event], trigger: str) -> list[str | None]:
    return [e.location.name if e.location else None
            for e in events if e.trigger is not None and trigger in e.trigger.text]


def test_a_security_council_resolution_is_placed_in_new_york() -> None:
    text = ("Fighting went on in Kisumu on Monday. "
            "On Tuesday the UN Security Council adopted a resolution on Kenya.")
    doc = make_doc(text, [("Kisumu", KISUMU, LOC), ("Kenya", KENYA, NONE)])
    events = run(doc)
    assert UN_SEAT.name in located(events, "Diplomacy")
    assert "Kisumu" in located(events, "Battles")


def test_a_resolution_is_placed_in_new_york_not_at_an_earlier_accord() -> None:
    text = ("Mardi, le Conseil de sécurité a adopté une résolution sur le Kenya, "
            "trois mois après un accord signé à Genève.")
    doc = make_doc(text, [("Kenya", KENYA, NONE), ("Genève", GENEVA, LOC)], lang="fr")
    assert placed_at(run(doc), "résolution") == [UN_SEAT.name]


def test_a_national_security_council_stays_at_home() -> None:
    text = "On Tuesday the National Security Council met in Nairobi to discuss the unrest."
    doc = make_doc(text, [("Nairobi", NAIROBI, LOC)])
    assert UN_SEAT.name not in [e.location.name for e in run(doc) if e.location]


def test_a_rally_across_the_country_is_placed_in_the_country() -> None:
    text = ("Protesters marched in Nairobi on Monday. Kenya's cabinet met. Schools shut. "
            "Buses did not run. Markets were empty. Offices closed early. Roads were blocked. "
            "Prices rose. "
            "On Tuesday, thousands protested across the country against the prices.")
    doc = make_doc(text, [("Nairobi", NAIROBI, LOC), ("Kenya", KENYA, NONE)])
    events = run(doc)
    assert placed_at(events, "marched") == ["Nairobi"]
    assert placed_at(events, "protested") == ["Kenya"]


def test_french_nationwide_rally_with_no_town_takes_the_country() -> None:
    # a report, not a snippet (a snippet's town inside the country wins: select.is_short)
    text = ("Lundi, la police a arrêté dix militants à Nairobi. " + FILLER_FR +
            "Mardi, des milliers de personnes ont manifesté dans tout le pays, selon le "
            "gouvernement kényan.")
    doc = make_doc(text, [("Nairobi", NAIROBI, LOC), ("kényan", KENYA, DEMONYM)], lang="fr")
    assert placed_at(run(doc), "manifesté") == ["Kenya"]


def test_a_nationwide_toll_with_a_town_named_keeps_the_town() -> None:
    text = ("Mardi, des milliers de personnes ont manifesté dans tout le pays, dont dix mille "
            "à Nairobi, selon le gouvernement kényan.")
    doc = make_doc(text, [("Nairobi", NAIROBI, LOC), ("kényan", KENYA, DEMONYM)], lang="fr")
    assert placed_at(run(doc), "manifesté") == ["Nairobi"]


def test_a_rally_told_with_no_place_takes_the_report_town() -> None:
    text = ("Gunmen killed two traders in Kisumu on Monday. Kisumu has seen unrest for weeks. "
            "Kisumu residents fear more violence. " + FILLER_EN +
            "On Tuesday thousands of people protested against the killings.")
    doc = make_doc(text, [("Kisumu", KISUMU, LOC), ("Kisumu", KISUMU, NONE),
                          ("Kisumu", KISUMU, NONE)])
    assert placed_at(run(doc), "protested") == ["Kisumu"]


def test_a_rally_in_a_report_about_another_country_keeps_no_place() -> None:
    # the report's town lies outside its theatre: no guess from it
    text = ("Somalia faces a drought, officials in Somalia said. "
            "In Garissa, aid workers gathered supplies. "
            "On Tuesday thousands of people protested against the prices.")
    doc = make_doc(text, [("Somalia", SOMALIA, NONE), ("Somalia", SOMALIA, LOC),
                          ("Garissa", GARISSA, LOC)])
    assert all(p in (None, "Garissa") for p in located(run(doc), "Protests"))


def test_place_named_as_what_was_taken_is_assailed() -> None:
    en = load_lexicon("en", load_ontology())
    fr = load_lexicon("fr", load_ontology())
    text = "On Monday rebels captured the nearby town of Garissa, officials in Nairobi said."
    doc = make_doc(text, [("Garissa", GARISSA, NONE), ("Nairobi", NAIROBI, LOC)])
    assert is_assailed(doc, doc.places[0], en)
    assert not is_assailed(doc, doc.places[1], en)
    texte = "Lundi, des hommes armés ont attaqué l'oasis de Garissa, à l'aube."
    doc_fr = make_doc(texte, [("Garissa", GARISSA, NONE)], lang="fr")
    assert is_assailed(doc_fr, doc_fr.places[0], fr)


def test_the_town_attacked_beats_the_town_the_attackers_came_from() -> None:
    text = ("On Monday gunmen based in Kisumu attacked the market town of Garissa, "
            "killing four traders.")
    doc = make_doc(text, [("Kisumu", KISUMU, LOC), ("Garissa", GARISSA, NONE)])
    places = [e.location.name for e in run(doc) if e.location]
    assert places and places[0] == "Garissa"
