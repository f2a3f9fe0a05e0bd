"""Divisions, spelling variants, cues after names, containment, and the event's place."""

from __future__ import annotations

from bilan.places import event_place, place_focus, resolve_text
from bilan.places.gazetteer import Gazetteer
from bilan.places.normalise import name_key


def test_transliteration_variants_share_a_key() -> None:
    assert name_key("Qandahar") == name_key("Kandahar")
    assert name_key("Soukkari") == name_key("Sukkari")
    assert name_key("Cheikh Saïd") == name_key("Sheikh Said")
    assert name_key("Djebel") == name_key("Jebel")
    assert name_key("Homme") != name_key("Home")
    assert name_key("Aleppo") != name_key("Alep")


def test_first_level_divisions_from_geonames(gaz: Gazetteer) -> None:
    juba = gaz.lookup("Lower Juba")
    assert juba and juba[0].precision == "admin1" and juba[0].country_code == "SO"
    found = resolve_text(gaz, "Police clashed with farmers in Chihuahua state on Friday.")
    assert [(m.text, m.place.precision) for m in found] == [("Chihuahua", "admin1")]


def test_geonames_cities_carry_their_division(gaz: Gazetteer) -> None:
    maracay = [p for p in gaz.lookup("Maracay") if p.country_code == "VE"]
    assert maracay and maracay[0].admin1 == "Aragua"


def test_spelling_variant_finds_the_city(gaz: Gazetteer) -> None:
    found = resolve_text(gaz, "Gunmen shot two guards near Qandahar on Sunday.")
    assert [(m.place.country_code, m.place.precision) for m in found] == [("AF", "city")]


def test_street_and_hyphenated_names_are_not_towns(gaz: Gazetteer) -> None:
    found = resolve_text(gaz, "A bomb went off on Bolivar Avenue in Maracay.")
    assert [m.text for m in found] == ["Maracay"]


def test_word_inside_a_longer_name_is_not_a_far_city(gaz: Gazetteer) -> None:
    found = resolve_text(gaz, "Police raided a house in Shah Faisal Town, Karachi, in Pakistan.")
    assert all(m.place.country_code == "PK" for m in found)


def test_deraa_alone_is_the_syrian_city(gaz: Gazetteer) -> None:
    found = resolve_text(gaz, "Des combats ont eu lieu à Deraa mardi.", "fr")
    assert [(m.place.name, m.place.country_code, m.place.precision) for m in found] == [
        ("Daraa", "SY", "city")
    ]


def test_issue_seed_places(gaz: Gazetteer) -> None:
    cities = {"Alep": "Aleppo", "Damas": "Damascus", "Palmyre": "Palmyra", "Raqa": "Raqqa",
              "Deraa": "Daraa"}
    districts = {"Boustane al-Qasr": "Aleppo", "Soukkari": "Aleppo", "Cheikh Saïd": "Aleppo",
                 "al-Waer": "Homs"}
    for name, english in cities.items():
        found = resolve_text(gaz, f"Des obus sont tombés sur {name} mardi.", "fr")
        assert [(m.place.name, m.place.precision) for m in found] == [(english, "city")], name
    for name, city in districts.items():
        found = resolve_text(gaz, f"Des obus sont tombés sur le quartier de {name} mardi.", "fr")
        assert [(m.place.precision, m.place.parent) for m in found] == [("district", city)], name
    ghouta = resolve_text(gaz, "Des obus sont tombés dans la Ghouta orientale.", "fr")
    assert [(m.place.name, m.place.precision) for m in ghouta] == [("Eastern Ghouta", "admin1")]
    for name, cc in (("New York", "US"), ("Genève", "CH"), ("Paris", "FR")):
        found = resolve_text(gaz, f"Les négociations reprennent à {name} lundi.", "fr")
        assert [m.place.country_code for m in found] == [cc], name


def test_talks_abroad_are_not_the_place_of_a_strike(gaz: Gazetteer) -> None:
    text = ("A New York, le Conseil de sécurité a débattu de la Syrie, où des raids ont tué "
            "dix civils à Alep et à Idleb.")
    found = resolve_text(gaz, text, "fr")
    assert place_focus(found) == "SY"
    strike = event_place(found, violent=True)
    assert strike is not None and strike.text == "Alep"
    talks = event_place(found, violent=False)
    assert talks is not None and talks.text == "New York"
    nearest = event_place(found, anchor=text.index("Idleb"))
    assert nearest is not None and nearest.text == "Idleb"
