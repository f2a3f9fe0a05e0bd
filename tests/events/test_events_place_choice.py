"""Where an event is placed (``assemble.choose_place``), on sentences written for these tests.

The place stage is not run: each test gives the place readings, some of them deliberately
wrong namesakes abroad, to see how the event place is chosen among them.
"""

from __future__ import annotations

import datetime as dt

from events_testkit import events_of, placed_doc

from bilan.events.assemble import misread_places, theatre_country
from bilan.events.ontology import load_ontology
from bilan.events.triggers import load_lexicon
from bilan.records import Document, Place

NAIROBI = Place("Nairobi", "Kenya", "KE", "Nairobi Area", -1.29, 36.82, "city", "test:nairobi")
KENYA = Place("Kenya", "Kenya", "KE", None, 0.5, 37.9, "country", "test:kenya")
# a namesake abroad: what a small quarter's name may be misread as
KIBERA_ABROAD = Place("Kibera", "Peru", "PE", "Lima", -12.0, -77.0, "city", "test:kibera-pe")
KISUMU = Place("Kisumu", "Kenya", "KE", "Kisumu", -0.10, 34.76, "city", "test:kisumu")
MOMBASA = Place("Mombasa", "Kenya", "KE", "Coast", -4.05, 39.67, "city", "test:mombasa")
COAST = Place("Coast", "Kenya", "KE", "Coast", -2.5, 39.5, "admin1", "test:coast")
NAKURU_ADMIN = Place("Nakuru", "Kenya", "KE", "Nakuru", -0.5, 36.0, "admin1", "test:nakuru-a")
# a village read as a namesake in another province, 400 km from the one the text names
LONDIANI_FAR = Place("Londiani", "Kenya", "KE", "Coast", -3.9, 39.5, "city", "test:lon")
GARISSA = Place("Garissa", "Kenya", "KE", "Garissa", -0.45, 39.64, "city", "test:garissa")
WAJIR = Place("Wajir", "Kenya", "KE", "Wajir", 1.75, 40.06, "city", "test:wajir")


def make_doc(text: str, places: list[tuple[str, Place, dict[str, bool]]]) -> Document:
    return placed_doc(text, places, dt.date(2021, 3, 4))


run = events_of


LOC = {"locative": True}
EN = load_lexicon("en", load_ontology())


def test_quarter_read_abroad_gives_way_to_the_city_that_holds_it() -> None:
    text = ("On 3 March, gunmen attacked a shop in the Kibera area of Nairobi, Kenya, "
            "killing two people.")
    doc = make_doc(text, [("Kibera", KIBERA_ABROAD, LOC), ("Nairobi", NAIROBI, {}),
                          ("Kenya", KENYA, {})])
    assert misread_places(doc, EN) == frozenset({doc.places[0].start})
    events = run(doc)
    assert events and events[0].location == NAIROBI


def test_village_read_in_another_province_gives_way_to_the_province() -> None:
    text = "On 3 March, police shot a man dead in Londiani village, Nakuru, after a chase."
    doc = make_doc(text, [("Londiani", LONDIANI_FAR, LOC), ("Nakuru", NAKURU_ADMIN, {})])
    assert misread_places(doc, EN) == frozenset({doc.places[0].start})
    events = run(doc)
    assert events and events[0].location == NAKURU_ADMIN


def test_a_list_of_places_is_not_a_place_and_its_holder() -> None:
    text = "On 3 March, teachers marched in Mombasa, Nakuru and Kisumu over unpaid wages."
    doc = make_doc(text, [("Mombasa", MOMBASA, LOC), ("Nakuru", NAKURU_ADMIN, {}),
                          ("Kisumu", KISUMU, {})])
    assert misread_places(doc, EN) == frozenset()


def test_a_reference_point_does_not_hold_the_place_it_situates() -> None:
    text = ("On 3 March, bandits raided the camp at Wajir (250 km north of Garissa), "
            "killing four herders.")
    doc = make_doc(text, [("Wajir", WAJIR, LOC), ("Garissa", GARISSA, {"reference": True})])
    assert misread_places(doc, EN) == frozenset()
    events = run(doc)
    assert events and events[0].location == WAJIR


def test_a_place_in_its_own_province_is_kept() -> None:
    text = "On 3 March, gunmen attacked a bus in Mombasa, Coast, wounding six passengers."
    doc = make_doc(text, [("Mombasa", MOMBASA, LOC), ("Coast", COAST, {})])
    assert misread_places(doc, EN) == frozenset()
    events = run(doc)
    assert events and events[0].location == MOMBASA


def test_a_snippet_places_its_event_at_the_first_of_equal_places() -> None:
    # two towns introduced alike in the event's sentence: a note names its place first
    text = ("On 3 March, in Garissa, two gunmen riding a motorbike attacked a trader "
            "near Wajir market.")
    doc = make_doc(text, [("Garissa", GARISSA, LOC), ("Wajir", WAJIR, LOC)])
    events = run(doc)
    assert events and events[0].location == GARISSA


def test_a_division_named_with_in_does_not_outrank_a_town() -> None:
    text = "On 3 March, fighting broke out in Coast province, Mombasa residents said."
    doc = make_doc(text, [("Coast", COAST, LOC), ("Mombasa", MOMBASA, {})])
    events = run(doc)
    assert events and events[0].location == MOMBASA


def test_a_snippet_event_with_no_place_of_its_own_takes_the_snippet_place() -> None:
    text = ("On 3 March, in Kisumu, traders blocked the main road to protest new taxes. "
            "Later that day police arrested nine of them.")
    doc = make_doc(text, [("Kisumu", KISUMU, LOC)])
    events = run(doc)
    assert events
    assert all(e.location == KISUMU for e in events)


def test_theatre_ties_between_towns_go_to_the_country_named_most() -> None:
    text = "On 3 March, soldiers in Kibera fired on posts near Garissa, Kenya."
    doc = make_doc(text, [("Kibera", KIBERA_ABROAD, LOC), ("Garissa", GARISSA, LOC),
                          ("Kenya", KENYA, {})])
    assert theatre_country(doc) == "KE"


def test_a_snippet_event_told_across_a_division_is_placed_at_its_named_town() -> None:
    text = ("On 3 March, nurses went on strike across Coast province. In Mombasa, the "
            "wards of the county hospital were left empty.")
    doc = make_doc(text, [("Coast", COAST, LOC), ("Mombasa", MOMBASA, LOC)])
    events = run(doc)
    assert events and events[0].location == MOMBASA


def test_a_town_in_another_division_does_not_replace_the_named_division() -> None:
    text = ("On 3 March, nurses went on strike across Nakuru. Their union, based in "
            "Mombasa, backed them.")
    doc = make_doc(text, [("Nakuru", NAKURU_ADMIN, LOC), ("Mombasa", MOMBASA, LOC)])
    events = run(doc)
    assert events and events[0].location == NAKURU_ADMIN


def test_a_name_run_into_a_foreign_namesake_gives_way() -> None:
    # "Kibera Nairobi": two names with nothing between them, the first read abroad
    text = "On 3 March, in Kibera Nairobi, Kenya, police shot a man dead."
    doc = make_doc(text, [("Kibera", KIBERA_ABROAD, LOC), ("Nairobi", NAIROBI, {}),
                          ("Kenya", KENYA, {})])
    assert misread_places(doc, EN) == frozenset({doc.places[0].start})


def test_a_snippet_diplomatic_event_takes_a_town_named_without_in() -> None:
    text = ("On 3 March, the government released 40 prisoners from Kisumu Central Prison "
            "to ease crowding.")
    doc = make_doc(text, [("Kisumu", KISUMU, {})])
    events = run(doc)
    assert [e.event_type for e in events] == ["Diplomacy"]
    assert events[0].location == KISUMU


def test_a_snippet_diplomatic_event_is_not_placed_at_a_party_country() -> None:
    text = "On 3 March, the government of Kenya released 40 prisoners to ease crowding."
    doc = make_doc(text, [("Kenya", KENYA, {})])
    events = run(doc)
    assert [e.event_type for e in events] == ["Diplomacy"]
    assert events[0].location is None


def test_french_linking_words_situate_a_quarter() -> None:
    fr = load_lexicon("fr", load_ontology())
    text = "Des tirs ont visé le quartier de Kibera près de Nairobi, au Kenya."
    doc = make_doc(text, [("Kibera", KIBERA_ABROAD, {}), ("Nairobi", NAIROBI, {}),
                          ("Kenya", KENYA, {})])
    doc.language = "fr"
    assert misread_places(doc, fr) == frozenset({doc.places[0].start})
    listed = make_doc("Des tirs à Kibera et Nairobi.",
                      [("Kibera", KIBERA_ABROAD, LOC), ("Nairobi", NAIROBI, {})])
    assert misread_places(listed, fr) == frozenset()
