"""Theatres of conflict, first-level divisions filled in at build time, organisation names
and names said again after their holder (every sentence here is written for these tests)."""

from __future__ import annotations

from bilan.langdata import language_file, load_yaml
from bilan.language.sentences import text_document
from bilan.places.gazetteer import PLACES_SCHEMA, Gazetteer
from bilan.places.toponyms import event_place, load_lexicons, named_theatres, resolve_text


def _admin1_of(gaz: Gazetteer, text: str, name: str, lang: str = "en") -> str | None:
    found = [pm for pm in resolve_text(gaz, text, lang) if pm.text == name]
    assert found, f"{name} not found in {text!r}"
    return found[0].place.admin1


# --- first-level divisions filled in ------------------------------------------------


def test_ukrainian_towns_all_have_a_division(gaz: Gazetteer) -> None:
    towns = [i for i, cc in enumerate(gaz.country_codes) if cc == "UA" and gaz.kind(i) == "city"]
    assert len(towns) > 1000
    missing = [gaz.names[i] for i in towns if gaz.admin1[i] is None]
    assert len(missing) < len(towns) // 100, missing[:20]


def test_a_filled_division_is_the_one_around_the_town(gaz: Gazetteer) -> None:
    # Poltava's towns were left without a division name before: they sit in Poltava oblast
    poltava = [p for p in gaz.lookup("Poltava") if p.precision == "city" and p.country_code == "UA"]
    assert poltava and poltava[0].admin1 == "Poltava"
    for p in gaz.lookup("Bohdanivka"):
        assert p.admin1 is not None


def test_a_town_outside_the_division_named_after_it_is_dropped(gaz: Gazetteer) -> None:
    found = resolve_text(gaz, "Mortar rounds hit houses near Bohdanivka, Donetsk.")
    assert all(pm.place.admin1 == "Donetsk" for pm in found), [
        (pm.text, pm.place.admin1) for pm in found]
    best = event_place(found)
    assert best is not None and best.place.admin1 == "Donetsk"


def test_a_name_said_again_follows_its_holder(gaz: Gazetteer) -> None:
    found = resolve_text(gaz, "Mortar rounds hit houses near Bohdanivka, Donetsk. Later that day "
                         "more shells fell near Bohdanivka.")
    assert all(pm.place.admin1 == "Donetsk" for pm in found), [
        (pm.text, pm.place.name, pm.place.admin1) for pm in found]


# --- theatres -----------------------------------------------------------------------


def test_theatre_cues_put_a_bare_name_in_the_theatre(gaz: Gazetteer) -> None:
    # without a cue the larger Vesele in Zaporizhzhia wins
    assert _admin1_of(gaz, "The monitors recorded explosions near Vesele.", "Vesele") != "Donetsk"
    assert _admin1_of(gaz, "The OSCE SMM recorded explosions near Vesele.", "Vesele") == "Donetsk"
    assert _admin1_of(gaz, "Forces of the DPR fired mortars at Vesele.", "Vesele") == "Donetsk"
    assert _admin1_of(gaz, "La MSS de l'OSCE a relevé des explosions près de Vesele.",
                      "Vesele", "fr") == "Donetsk"


def test_theatres_elsewhere(gaz: Gazetteer) -> None:
    assert resolve_text(gaz, "Gunmen raided Uba on Monday.")[0].place.country_code != "NG"
    assert _admin1_of(gaz, "Boko Haram fighters raided Uba on Monday.", "Uba") == "Borno"
    assert resolve_text(gaz, "Gunmen raided Hangu on Monday.")[0].place.country_code != "PK"
    assert _admin1_of(gaz, "TTP fighters raided Hangu on Monday.",
                      "Hangu") == "Khyber Pakhtunkhwa"
    assert _admin1_of(gaz, "Ambazonian fighters burnt a school in Bali on Monday.",
                      "Bali") == "North-West Province"


def test_a_small_town_outside_the_theatre_is_not_taken(gaz: Gazetteer) -> None:
    # the only Lozove known lies in Crimea, far from the front the cue names
    assert [pm.text for pm in resolve_text(gaz, "Shells fell near Lozove.")] == ["Lozove"]
    assert resolve_text(gaz, "The OSCE SMM recorded shells falling near Lozove.") == []


def test_another_spelling_inside_the_theatre(gaz: Gazetteer) -> None:
    # "Serhiivka" names a town in Poltava oblast; Donetsk's is spelt Serhiyivka
    assert _admin1_of(gaz, "Shells fell near Serhiivka.", "Serhiivka") != "Donetsk"
    assert _admin1_of(gaz, "The OSCE SMM recorded shells near Serhiivka.",
                      "Serhiivka") == "Donetsk"


def test_acronym_cues_are_matched_as_written() -> None:
    lex = load_lexicons()["en"]
    assert named_theatres(text_document("LeT militants fired at troops."), lex) == {"kashmir"}
    assert named_theatres(text_document("They let the convoy pass."), lex) == set()
    assert named_theatres(text_document("Clashes with boko haram fighters."), lex) == {"lake_chad"}
    militia = text_document("Men of the Donbass People’s Militia fired.")
    assert named_theatres(militia, lex) == {"donbas"}
    assert named_theatres(text_document("Des tirs de l'État islamique en Afrique de l'Ouest."),
                          load_lexicons()["fr"]) == {"lake_chad"}


def test_people_s_makes_an_organisation_not_a_place(gaz: Gazetteer) -> None:
    found = resolve_text(gaz, "Troops shelled positions of the Donbass People's Militia.")
    assert "Donbass" not in [pm.text for pm in found]
    assert "Donbass" in [pm.text for pm in resolve_text(gaz,
                                                        "Troops shelled positions in Donbass.")]


def test_theatre_divisions_are_gazetteer_divisions(gaz: Gazetteer) -> None:
    divisions = {(cc, gaz.key_of(a1)) for cc, a1 in zip(gaz.country_codes, gaz.admin1,
                                                         strict=True) if a1}
    countries = set(gaz.country_codes)
    for lang, lex in load_lexicons().items():
        assert lex.theatres, lang
        for name, pairs in lex.theatres.items():
            for cc, key in pairs:
                assert (cc, key) in divisions or (key == "" and cc in countries), (lang, name,
                                                                                   cc, key)


def test_theatres_are_the_same_in_every_language() -> None:
    files = {lang: load_yaml(language_file(lang, "places.yaml"), PLACES_SCHEMA)
             for lang in ("en", "fr")}
    assert files["en"]["theatres"] == files["fr"]["theatres"]
    assert set(files["en"]["theatre_cues"]) == set(files["fr"]["theatre_cues"]) == set(
        files["en"]["theatres"])


# --- holders in another country, ties between countries -----------------------------


def test_a_foreign_town_held_by_a_place_of_the_text_s_country_is_dropped(gaz: Gazetteer) -> None:
    # alone, "Bule" reads as the Swiss Bulle; held by Djugu (Ituri) it cannot be that one
    assert [pm.place.country_code
            for pm in resolve_text(gaz,
                                   "CODECO fighters burnt houses in Bule on Sunday.")] == ["CH"]
    found = resolve_text(gaz, "CODECO fighters burnt houses in Bule (Djugu, Ituri) on Sunday.")
    assert found and all(pm.place.country_code == "CD" for pm in found), [
        (pm.text, pm.place.country_code) for pm in found]


def test_a_tie_between_countries_goes_to_the_place_named_with_in(gaz: Gazetteer) -> None:
    found = resolve_text(gaz, "Farmers marched to the RDC's office in Luwero to protest.")
    assert {pm.place.country_code for pm in found} == {"CD", "UG"}
    best = event_place(found)
    assert best is not None and best.text == "Luwero"
