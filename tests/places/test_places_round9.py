"""Division names read as the town of that name inside the division, names that are only
a part of a longer hyphenated name, and city-part compounds (every sentence here is
written for these tests)."""

from __future__ import annotations

from bilan.places.gazetteer import Gazetteer
from bilan.places.toponyms import event_place, resolve_text


def test_division_named_as_holder_is_read_as_its_town(gaz: Gazetteer) -> None:
    places = resolve_text(gaz, "Gunmen shot a trader near Takalout (Kidal) on Sunday.")
    kidal = [pm for pm in places if pm.text == "Kidal"]
    assert kidal and kidal[0].place.precision == "city"
    assert kidal[0].place.country_code == "ML"


def test_division_and_town_of_one_name_give_the_town(gaz: Gazetteer) -> None:
    places = resolve_text(gaz, "Soldiers repelled an attack near Timbuktu (Tombouctou).")
    assert {pm.place.precision for pm in places} == {"city"}
    assert all(pm.place.country_code == "ML" for pm in places)


def test_division_word_keeps_the_division(gaz: Gazetteer) -> None:
    places = resolve_text(gaz, "Herders and farmers clashed in Kaduna State last week.")
    assert [pm.place.precision for pm in places] == ["admin1"]


def test_name_held_by_a_division_of_the_same_name_is_its_town(gaz: Gazetteer) -> None:
    places = resolve_text(gaz, "Police dispersed a march in Santa Ana (Santa Ana) on Friday.")
    assert [pm.place.country_code for pm in places] == ["SV", "SV"]
    assert places[0].place.precision == "city"


def test_end_of_hyphenated_name_is_not_read_alone(gaz: Gazetteer) -> None:
    places = resolve_text(gaz, "Traders burnt tyres in a town of Haut-Katanga on Tuesday.")
    assert not any(pm.text == "Katanga" for pm in places)
    places = resolve_text(gaz, "Soldiers were ambushed near Mora (Mayo-Sava) at dawn.")
    assert [pm.text for pm in places] == ["Mora"]


def test_city_before_a_hyphen_names_the_city(gaz: Gazetteer) -> None:
    places = resolve_text(gaz, "A grenade wounded two men in Mogadishu-Karan district overnight.")
    assert [pm.text for pm in places] == ["Mogadishu"]
    best = event_place(places)
    assert best is not None and best.place.country_code == "SO"


def test_small_town_before_a_hyphen_is_still_part_of_a_name(gaz: Gazetteer) -> None:
    places = resolve_text(gaz, "Herders gathered at Ysyk-Ata before noon.")
    assert not any(pm.text == "Ysyk" for pm in places)


def test_beni_alone_is_the_congolese_town(gaz: Gazetteer) -> None:
    places = resolve_text(gaz, "Militiamen killed four farmers near Beni (Nord-Kivu) on Monday.")
    beni = [pm for pm in places if pm.text == "Beni"]
    assert beni and beni[0].place.country_code == "CD"
    assert beni[0].place.precision == "city"
