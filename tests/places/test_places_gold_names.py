"""Names of the Arab Spring reports: Arabic articles before a name, lists after a locative,
a division asked for by a word before its town's name, and curated spellings (every
sentence here is written for these tests)."""

from __future__ import annotations

from bilan.places.gazetteer import Gazetteer
from bilan.places.toponyms import resolve_text


def _mention(gaz: Gazetteer, text: str, surface: str, lang: str = "en") -> tuple[str, str, bool]:
    found = [pm for pm in resolve_text(gaz, text, lang) if pm.text == surface]
    assert found, (text, surface)
    return found[0].place.name, found[0].place.precision, found[0].locative


def test_arabic_article_before_the_name_keeps_the_locative(gaz: Gazetteer) -> None:
    assert _mention(gaz, "Rockets fell on the outskirts of al-Brega overnight.", "Brega")[2]
    assert _mention(gaz, "Rebels regrouped in el-Brega on Friday.", "Brega")[2]


def test_article_alone_is_no_locative(gaz: Gazetteer) -> None:
    assert not _mention(gaz, "Fighters left al-Brega for the east.", "Brega")[2]


def test_second_name_of_a_list_shares_the_locative(gaz: Gazetteer) -> None:
    assert _mention(gaz, "Des civils ont péri à Tripoli et Sorman, selon le régime.",
                    "Sorman", "fr")[2]
    assert _mention(gaz, "Police fired tear gas in Cairo and Suez on Friday.", "Suez")[2]


def test_list_without_a_locative_stays_plain(gaz: Gazetteer) -> None:
    assert not _mention(gaz, "Talks between Tripoli and Sorman elders failed.", "Sorman")[2]


def test_streets_and_centre_are_crossed_to_the_name(gaz: Gazetteer) -> None:
    assert _mention(gaz, "Des milliers de gens ont marché dans les rues de Sanaa.",
                    "Sanaa", "fr")[2]
    assert _mention(gaz, "A car bomb went off in the heart of Baghdad.", "Baghdad")[2]


def test_division_word_before_a_town_name_gives_the_division(gaz: Gazetteer) -> None:
    name, precision, _ = _mention(
        gaz, "Deux personnes ont été tuées dans la province d'Assiout dimanche.", "Assiout",
        "fr")
    assert precision == "admin1"
    assert name == "Assiut"  # the town's usual spelling, not GeoNames' division name


def test_town_name_without_a_division_word_stays_the_town(gaz: Gazetteer) -> None:
    assert _mention(gaz, "Clashes broke out in Assiout on Sunday.", "Assiout")[1] == "city"
    # a word after the name often names the town's surroundings: left alone
    assert _mention(gaz, "Troops took the south Benghazi district of Ganfuda.",
                    "Benghazi")[0] == "Benghazi"


def test_curated_spellings_of_egyptian_and_libyan_places(gaz: Gazetteer) -> None:
    assert _mention(gaz, "Workers struck in the northern city of Mahallah.", "Mahallah")[0] \
        == "El-Mahalla El-Kubra"
    assert _mention(gaz, "Two died in Beni Suef on Sunday.", "Beni Suef")[0] == "Beni Suef"
    assert _mention(gaz, "Crowds gathered in Shubra al-Khaima at noon.",
                    "Shubra al-Khaima")[0] == "Shubra El Kheima"
    name, precision, _ = _mention(
        gaz, "Le siège du parti a été incendié dans le quartier du Moqattam au Caire.",
        "Moqattam", "fr")
    assert (name, precision) == ("Moqattam", "district")


def test_green_square_is_in_tripoli(gaz: Gazetteer) -> None:
    found = [pm for pm in resolve_text(gaz, "Loyalists rallied in Green Square on Friday.")
             if pm.text == "Green Square"]
    assert found and found[0].place.parent == "Tripoli"
    assert found[0].place.country_code == "LY"
