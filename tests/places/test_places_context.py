"""Context in resolution: divisions holding a place, nearby places, acronyms, alternate names,
and the word cache the matcher tokenises with."""

from __future__ import annotations

from bilan.places.gazetteer import Gazetteer, distance_km
from bilan.places.normalise import WordCache, tokens
from bilan.places.toponyms import _container, resolve_text


def test_word_cache_splits_like_tokens() -> None:
    text = ("L'armée a frappé d'Alep jusqu'à Aleppo's outskirts; Sana'a, Ma‘arrat "
            "al-Nu'man et l'Aquila.")
    cache = WordCache(limit=3)  # tiny: the memo is cleared on the way
    for _ in range(2):
        w = cache.scan(text)
        expected = tokens(text)
        assert w.starts == [t.start for t in expected]
        assert w.ends == [t.end for t in expected]
        assert w.texts == [t.text for t in expected]
        assert w.keys == [t.key for t in expected]


def test_container_after_a_place() -> None:
    text = "Shots near Vesele, Donetsk. In Omealca municipality, Veracruz, a body was found."
    vesele_end = text.index(",")
    d = text.index("Donetsk")
    assert _container(text, d, d + len("Donetsk"), vesele_end)
    v = text.index("Veracruz")
    assert _container(text, v, v + len("Veracruz"), text.index(" municipality"))
    lst = "Strikes hit Hama, Homs and Idlib."
    h = lst.index("Homs")
    assert not _container(lst, h, h + 4, lst.index(","))
    par = "a clash in Bate village (Arso, Keerom) on Monday"
    k = par.index("Keerom")
    assert _container(par, k, k + len("Keerom"), None)


def test_division_in_parentheses_beats_a_foreign_city(gaz: Gazetteer) -> None:
    # Bari: a region of Somalia here, not the Italian port
    found = resolve_text(gaz,
                         "Militants attacked a base near a village (Iskushuban, Bari) at dawn.")
    bari = [m for m in found if m.text == "Bari"]
    assert bari and bari[0].place.country_code == "SO"


def test_division_named_after_the_place_picks_the_reading_inside_it(gaz: Gazetteer) -> None:
    # the main town called Sao Goncalo in Rio de Janeiro state, not an alternate name
    found = resolve_text(gaz, "On Tuesday, in Sao Goncalo, Rio de Janeiro, police raided a house.")
    sg = next(m for m in found if m.text == "Sao Goncalo")
    assert sg.place.admin1 == "Rio de Janeiro"


def test_nearby_places_choose_among_homonyms(gaz: Gazetteer) -> None:
    found = resolve_text(gaz, "Artillery fire was heard in the area of Vesele, Donetsk, overnight.")
    vesele = next(m for m in found if m.text == "Vesele")
    donetsk = next(m for m in found if m.text == "Donetsk")
    assert vesele.place.country_code == "UA"
    far = distance_km(vesele.place.lat, vesele.place.lon, donetsk.place.lat, donetsk.place.lon)
    assert far < 50


def test_acronyms_and_alternate_names_are_not_places(gaz: Gazetteer) -> None:
    text = ("Four BLA fighters were killed, the SOL students said. Sikh leaders and "
            "Normal school pupils marched; One man was hurt.")
    assert resolve_text(gaz, text) == []


def test_spanish_connectors_inside_names(gaz: Gazetteer) -> None:
    found = resolve_text(gaz,
                         "On 5 May, in Chilpancingo de los Bravo, Guerrero, a driver was shot.")
    assert found and found[0].text == "Chilpancingo de los Bravo"
    assert found[0].place.country_code == "MX"


def test_more_demonyms_are_countries_not_towns(gaz: Gazetteer) -> None:
    found = resolve_text(gaz, "Kazakh police dispersed the crowd.")
    assert [(m.text, m.demonym, m.place.country_code) for m in found] == [("Kazakh", True, "KZ")]
