"""Division abbreviations as holders ("Bannu, KPK"), towns found through another
romanisation of their Cyrillic name inside a theatre, and division-worded holders that
are themselves divisions (every sentence here is written for these tests)."""

from __future__ import annotations

import pytest

from bilan.errors import DataFileError
from bilan.langdata import SUPPORTED_LANGUAGES, language_file, load_yaml
from bilan.places.gazetteer import ADMIN_KINDS, PLACES_SCHEMA, Gazetteer, skeleton
from bilan.places.normalise import name_key
from bilan.places.toponyms import _load_abbreviations, event_place, resolve_text
from bilan.records import PlaceMention


def _texts(gaz: Gazetteer, text: str) -> dict[str, PlaceMention]:
    return {pm.text: pm for pm in resolve_text(gaz, text)}


# --- division abbreviations -----------------------------------------------------------


def test_abbreviation_tables_are_the_same_in_every_language() -> None:
    tables = [load_yaml(language_file(lang, "places.yaml"), PLACES_SCHEMA)[
        "division_abbreviations"] for lang in SUPPORTED_LANGUAGES]
    assert all(t == tables[0] for t in tables)


def test_every_abbreviation_names_a_division_the_gazetteer_holds(gaz: Gazetteer) -> None:
    data = load_yaml(language_file("en", "places.yaml"), PLACES_SCHEMA)
    for cc, table in data["division_abbreviations"].items():
        for abbr, name in table.items():
            rids = [x for x in gaz.candidates(name_key(name))
                    if gaz.country_codes[x] == cc and gaz.kind(x) in ADMIN_KINDS]
            assert rids, f"{cc}/{abbr}: {name} is no division of the gazetteer"


def test_a_bad_abbreviation_table_is_refused() -> None:
    with pytest.raises(DataFileError):
        _load_abbreviations({"division_abbreviations": {"India": {"UP": "Uttar Pradesh"}}})


def test_abbreviation_after_a_comma_holds_the_town(gaz: Gazetteer) -> None:
    found = _texts(gaz, "A roadside bomb hit a police van in Bannu, KPK on Tuesday.")
    assert found["KPK"].place.name == "Khyber Pakhtunkhwa"
    assert found["Bannu"].place.country_code == "PK"
    best = event_place(list(found.values()))
    assert best is not None and best.text == "Bannu"


def test_abbreviation_in_parentheses_after_an_unknown_village(gaz: Gazetteer) -> None:
    found = _texts(gaz, "Villagers blocked a road in Qwertyganj (UP) on Sunday.")
    assert found["UP"].place.name == "Uttar Pradesh"
    assert found["UP"].place.country_code == "IN"


def test_abbreviation_moves_a_town_into_its_division(gaz: Gazetteer) -> None:
    # Pratapgarh is a town in Uttar Pradesh and another in Rajasthan
    found = _texts(gaz, "Two groups clashed over farmland in Pratapgarh (UP) on Monday.")
    assert found["Pratapgarh"].place.admin1 == "Uttar Pradesh"


@pytest.mark.parametrize("text", [
    "Police later arrested the UP chairman of the union.",
    "The AP Chief Minister spoke to the press.",
    "WASHINGTON (AP) Officials met on Monday.",
    "Mumbai (AP) - Officials met on Monday.",
    "Lawmaker Rahim Uddin, MP, addressed the rally.",
    "Protesters burned an effigy of Prime Minister KP Oli.",
    "Prices went UP, the traders said.",
])
def test_abbreviations_are_no_place_outside_a_holder_position(gaz: Gazetteer,
                                                              text: str) -> None:
    assert not any(pm.place.precision == "admin1" and pm.text in {"UP", "AP", "MP", "KP"}
                   for pm in resolve_text(gaz, text))


def test_abbreviation_after_a_place_of_another_country_is_not_read(gaz: Gazetteer) -> None:
    # Dhaka has no reading in India: "MP" after it is not Madhya Pradesh
    assert "MP" not in _texts(gaz, "A rally was held in Dhaka, MP Rahim said.")


# --- Cyrillic romanisations inside a theatre --------------------------------------------


@pytest.mark.parametrize(("a", "b"), [
    ("petrovskoie", "petrivske"), ("svetlodarsk", "svitlodarsk"),
    ("gorlovka", "horlivka"), ("popasnaia", "popasna"), ("zaitsevo", "zaitseve"),
])
def test_russian_and_ukrainian_forms_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b) != ""


def test_short_words_have_no_skeleton() -> None:
    assert skeleton("kiev") == "" and skeleton("two words") == ""


def test_ukrainian_spelling_finds_the_russian_form_in_the_theatre(gaz: Gazetteer) -> None:
    found = _texts(gaz, "On Friday the OSCE SMM recorded bursts of fire near Svitlodarsk.")
    assert "Svitlodarsk" in found
    assert found["Svitlodarsk"].place.admin1 == "Donetsk"


def test_unknown_spelling_outside_a_theatre_stays_unread(gaz: Gazetteer) -> None:
    assert "Svitlodarsk" not in _texts(gaz, "A farmer sold his grain near Svitlodarsk.")


# --- holders worded as divisions ------------------------------------------------------------


def test_a_district_holder_with_a_district_reading_keeps_its_own_reach(gaz: Gazetteer) -> None:
    # a Bilaspur about 190 km from Muzaffarnagar is not "in Muzaffarnagar district"
    found = _texts(gaz, "A guard was shot at Bilaspur village of Muzaffarnagar district.")
    bil = found.get("Bilaspur")
    assert bil is None or bil.place.lon < 78.5
