"""Homonyms: a town read under another town's alternate name, a division named with a
division word, the country a text is about, armed groups naming a country (every
sentence here is written for these tests)."""

from __future__ import annotations

from bilan.places.gazetteer import Gazetteer
from bilan.places.toponyms import event_place, resolve_text


def _event(gaz: Gazetteer, text: str) -> tuple[str, str, str]:
    best = event_place(resolve_text(gaz, text))
    assert best is not None, text
    return best.text, best.place.country_code, best.place.precision


def _reading(gaz: Gazetteer, text: str, name: str) -> tuple[str, str] | None:
    found = [pm for pm in resolve_text(gaz, text) if pm.text == name]
    return (found[0].place.country_code, found[0].place.precision) if found else None


# --- a town read under another name altogether ------------------------------------------


def test_a_foreign_alternate_name_does_not_vote_for_its_country(gaz: Gazetteer) -> None:
    # "Thai Nguyen" is also an alternate name of Taiyuan (China): the province is meant
    text = "Reporters were assaulted last week in Thai Nguyen province over coal mining."
    assert _reading(gaz, text, "Thai Nguyen") == ("VN", "admin1")


def test_a_foreign_alternate_name_yields_to_a_town_of_that_name(gaz: Gazetteer) -> None:
    # Gaur (Nepal) is a town of its own; Le Havre lists "Gaur" among its other names
    assert _reading(gaz, "Protesters filled the streets of Gaur, a district headquarters, "
                    "on Wednesday.", "Gaur") == ("NP", "city")
    # Khar (Pakistan) is a small town; Haar (Germany) lists "Khar" among its other names
    assert _reading(gaz, "Students protested in Khar against the exam board on Monday.",
                    "Khar") == ("PK", "city")


def test_a_foreign_alternate_name_outside_the_text_country_is_dropped(gaz: Gazetteer) -> None:
    text = ("Gunmen seized a trader in the Jebel-Khair quarter of Wau, "
            "in South Sudan, on Monday.")
    assert _event(gaz, text)[:2] == ("Wau", "SS")
    assert _reading(gaz, text, "Khair") is None  # not Cairo


def test_a_spelling_of_a_town_name_is_kept(gaz: Gazetteer) -> None:
    # "Odessa" is a spelling of Odesa (not another name): the Ukrainian port is meant
    text = "Hundreds marched through Odessa on Sunday to protest against the new tariffs."
    assert _event(gaz, text)[:2] == ("Odessa", "UA")


# --- a division word names the division ----------------------------------------------------


def test_a_town_and_its_state_of_the_same_name(gaz: Gazetteer) -> None:
    # Mérida in Mexico is bigger, but "Merida state" is Venezuelan
    text = "On Friday, in Merida, Merida state, farmers blocked a road over fuel shortages."
    assert _event(gaz, text)[:2] == ("Merida", "VE")


def test_a_town_held_by_a_state_named_after_a_comma(gaz: Gazetteer) -> None:
    # Callao (Peru) is a city of a million; "Bolivar state" puts El Callao in Venezuela
    text = "Miners clashed with soldiers in El Callao, Bolivar state, on Tuesday."
    assert _event(gaz, text)[:2] == ("El Callao", "VE")


# --- the country a text is about ------------------------------------------------------------


def test_a_metropolis_elsewhere_does_not_outvote_the_armies_named(gaz: Gazetteer) -> None:
    text = "Indian and Pakistani troops traded fire across the border in the Samba sector."
    assert _event(gaz, text)[:2] == ("Samba", "IN")


def test_a_city_of_millions_keeps_its_name(gaz: Gazetteer) -> None:
    text = "A Pakistani visitor was attacked by a crowd in Kanpur on Friday."
    assert _event(gaz, text)[:2] == ("Kanpur", "IN")


def test_a_country_unit_word_counts_against_a_homonym_abroad(gaz: Gazetteer) -> None:
    # "upazila" is a Bangladeshi unit: Raipur there, not the Indian city
    text = "Arsonists set fire to a school in Raipur upazila on Sunday night."
    assert _event(gaz, text)[:2] == ("Raipur", "BD")


def test_a_determiner_or_acronym_before_a_town_is_no_first_name(gaz: Gazetteer) -> None:
    assert _event(gaz, "The Masvingo branch of the bank was stormed by depositors.")[:2] == (
        "Masvingo", "ZW")
    assert _event(gaz, "Armed men looted the offices of MSF Bambari overnight.")[:2] == (
        "Bambari", "CF")


def test_initials_before_a_name_still_make_it_a_person(gaz: Gazetteer) -> None:
    # "KP Oli" is a person (initials), not a place called Oli
    found = resolve_text(gaz, "Supporters of KP Oli rallied on Saturday.")
    assert not any(pm.text == "Oli" for pm in found)


# --- armed groups naming a country ----------------------------------------------------------


def test_south_sudanese_armed_groups_name_the_country(gaz: Gazetteer) -> None:
    # Leer in Germany is the bigger town; the SPLA-IO fights in South Sudan
    text = "The army shelled SPLA-IO positions near Leer on Thursday."
    assert _event(gaz, text)[:2] == ("Leer", "SS")


def test_libyan_armed_groups_name_the_country(gaz: Gazetteer) -> None:
    # "Airport" (a Californian town) is a word, not a place voting for the United States
    text = "Rockets fired by LNA forces landed near Mitiga Airport in Tripoli."
    assert _event(gaz, text)[:2] == ("Tripoli", "LY")


# --- containment: the division named wins over a homonym elsewhere -----------------------


def test_a_state_is_not_held_by_a_municipality(gaz: Gazetteer) -> None:
    # Sucre is also a Venezuelan state holding a municipality called Bolivar: the state of
    # Bolivar holds the municipality of Sucre, not the other way round
    found = resolve_text(gaz, "Gunmen killed two miners near Caura, Sucre municipality, "
                         "Bolivar state, on Monday.")
    bolivar = [pm.place for pm in found if pm.text == "Bolivar"]
    assert bolivar and bolivar[0].name == "Bolivar" and bolivar[0].country_code == "VE"
    sucre = [pm.place for pm in found if pm.text == "Sucre"]
    assert sucre and sucre[0].admin1 == "Bolivar"


def test_a_big_homonym_outside_the_district_named_is_dropped(gaz: Gazetteer) -> None:
    # Rampur in Uttar Pradesh is a city of 300,000, far from Baramulla district
    text = ("Indian and Pakistani troops traded fire in the Rampur sector area "
            "(Baramulla district, J&K) on Friday.")
    assert _reading(gaz, text, "Rampur") is None
    best = event_place(resolve_text(gaz, text))
    assert best is not None and best.place.admin1 == "Kashmir"
    text = "Soldiers and rebels clashed in Haveli tehsil of Poonch district on Tuesday."
    assert _reading(gaz, text, "Haveli") is None  # not Haveli Lakha in Pakistan


def test_an_institution_after_a_town_makes_it_no_person(gaz: Gazetteer) -> None:
    # "Mangaldai College": the college stands in the town of Mangaldai (Assam)
    assert _event(gaz, "Teachers rallied at the gates of Mangaldai College on Friday.")[:2] == (
        "Mangaldai", "IN")
    # a word that is no place is not made one by the institution after it
    assert not resolve_text(gaz, "Staff of the Federal University of Technology went on "
                            "strike.")
