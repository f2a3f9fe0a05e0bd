"""Where an event is placed, second round: holders that are towns, towns whose reading
disagrees with the division named after them, reference towns inside a named division.

Sentences written for these tests; the place stage is not run: each test gives the place
readings (some deliberately wrong namesakes) to see how the event place is chosen.
"""

from __future__ import annotations

import datetime as dt

from events_testkit import events_of, placed_doc

from bilan.events.assemble import misread_places, theatre_country
from bilan.events.ontology import load_ontology
from bilan.events.triggers import load_lexicon
from bilan.records import Document, Place

NAIROBI = Place("Nairobi", "Kenya", "KE", "Nairobi Area", -1.29, 36.82, "city", "test:nairobi")
MOMBASA = Place("Mombasa", "Kenya", "KE", "Coast", -4.05, 39.67, "city", "test:mombasa")
GARISSA = Place("Garissa", "Kenya", "KE", "Garissa", -0.45, 39.64, "city", "test:garissa")
GARISSA_ADMIN = Place("Garissa", "Kenya", "KE", "Garissa", -0.6, 39.9, "admin1", "test:gar-a")
NAKURU_ADMIN = Place("Nakuru", "Kenya", "KE", "Nakuru", -0.5, 36.0, "admin1", "test:nakuru-a")
# namesakes abroad: what a small place's or a division's name may be misread as
KIBERA_ABROAD = Place("Kibera", "Peru", "PE", "Lima", -12.0, -77.0, "city", "test:kibera-pe")
COAST_ABROAD = Place("Coast", "Ghana", "GH", "Coast", 5.3, -1.2, "admin1", "test:coast-gh")


def make_doc(text: str, places: list[tuple[str, Place, dict[str, bool]]]) -> Document:
    return placed_doc(text, places, dt.date(2021, 3, 4))


run = events_of


LOC = {"locative": True}
EN = load_lexicon("en", load_ontology())


def test_a_suburb_read_abroad_gives_way_to_the_town_named_after_it() -> None:
    # one place in each country: the town named to situate the other is the better known
    text = "On 3 March, in Kibera suburb, Nairobi city, police beat two street vendors."
    doc = make_doc(text, [("Kibera", KIBERA_ABROAD, LOC), ("Nairobi", NAIROBI, {})])
    assert misread_places(doc, EN) == frozenset({doc.places[0].start})
    events = run(doc)
    assert events and events[0].location == NAIROBI


def test_a_division_read_abroad_does_not_displace_the_town_it_follows() -> None:
    # a division's name recurs across countries: on a tie it may be the misread one
    text = "On 3 March, soldiers shot a motorcyclist dead in Mombasa town (Coast)."
    doc = make_doc(text, [("Mombasa", MOMBASA, LOC), ("Coast", COAST_ABROAD, {})])
    assert misread_places(doc, EN) == frozenset()
    events = run(doc)
    assert events and events[0].location == MOMBASA


def test_the_theatre_leaves_out_misread_places() -> None:
    text = "On 3 March, gunmen attacked a shop in the Kibera area of Nairobi."
    doc = make_doc(text, [("Kibera", KIBERA_ABROAD, LOC), ("Nairobi", NAIROBI, {})])
    misread = misread_places(doc, EN)
    assert misread == frozenset({doc.places[0].start})
    assert theatre_country(doc) == "PE"  # a tie, first named
    assert theatre_country(doc, misread) == "KE"


def test_a_town_named_in_with_the_wrong_province_is_kept() -> None:
    # the report's division is the slip: the town lies 500 km from the province it names
    text = "On 3 March, nurses protested in Mombasa, Nakuru, over unpaid allowances."
    doc = make_doc(text, [("Mombasa", MOMBASA, LOC), ("Nakuru", NAKURU_ADMIN, {})])
    assert misread_places(doc, EN) == frozenset()
    events = run(doc)
    assert events and events[0].location == MOMBASA


def test_a_town_not_named_right_before_the_province_still_gives_way() -> None:
    # "X sector area (Y)": the words between make X a name of its own, read elsewhere
    text = "On 3 March, troops exchanged fire at Mombasa sector area (Nakuru) overnight."
    doc = make_doc(text, [("Mombasa", MOMBASA, LOC), ("Nakuru", NAKURU_ADMIN, {})])
    assert misread_places(doc, EN) == frozenset({doc.places[0].start})


def test_a_reference_town_inside_the_named_division_places_the_event() -> None:
    text = ("On 3 March, militants attacked an army camp 30 km south of Garissa in "
            "Garissa county, killing two soldiers.")
    doc = make_doc(text, [("Garissa", GARISSA, {"reference": True}),
                          ("Garissa", GARISSA_ADMIN, LOC)])
    events = run(doc)
    assert events and events[0].location == GARISSA


def test_a_reference_town_outside_the_named_division_does_not() -> None:
    text = ("On 3 March, militants attacked an army camp in Nakuru county, 300 km from "
            "Garissa, killing two soldiers.")
    doc = make_doc(text, [("Nakuru", NAKURU_ADMIN, LOC), ("Garissa", GARISSA, {"reference": True})])
    events = run(doc)
    assert events and events[0].location == NAKURU_ADMIN
