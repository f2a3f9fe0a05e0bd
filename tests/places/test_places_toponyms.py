from __future__ import annotations

import glob
from pathlib import Path

from bilan.pipeline import Resources
from bilan.places import event_place, find_places
from bilan.places.gazetteer import Gazetteer
from bilan.places.stage import GAZETTEER_KEY
from bilan.places.toponyms import load_lexicons, resolve
from bilan.records import Document, PlaceMention


def _doc(text: str, lang: str = "fr") -> Document:
    doc = Document(id="t", text=text, source="t")
    doc.language = lang
    return doc


def _places(gaz: Gazetteer, text: str, lang: str = "fr") -> list[PlaceMention]:
    return resolve(_doc(text, lang), gaz, load_lexicons()[lang])


def test_offsets_are_exact(gaz: Gazetteer) -> None:
    text = "Des frappes ont touché l'est d'Alep et Deir ez-Zor mardi, loin de Damas."
    found = _places(gaz, text)
    assert [m.text for m in found] == ["Alep", "Deir ez-Zor", "Damas"]
    for m in found:
        assert text[m.start : m.end] == m.text


def test_district_inside_aleppo(gaz: Gazetteer) -> None:
    text = "Un immeuble s'est effondré dans le quartier de Soukkari, au sud d'Alep."
    found = _places(gaz, text)
    district = found[0]
    assert district.text == "Soukkari"
    assert district.place.precision == "district" and district.place.parent == "Aleppo"
    best = event_place(found)
    assert best is not None and best.text == "Soukkari"


def test_nested_name_gives_the_city(gaz: Gazetteer) -> None:
    found = _places(gaz, "Les étudiants de l'université d'Alep ont manifesté.")
    assert [m.place.name for m in found] == ["Aleppo"]


def test_tripoli_follows_the_country_focus(gaz: Gazetteer) -> None:
    libya = _places(gaz, "En Libye, les combats ont repris près de Tripoli et de Misrata.")
    lebanon = _places(gaz, "Au Liban, des heurts ont éclaté à Tripoli, dans le nord du pays.")
    assert [m.place.country_code for m in libya if m.text == "Tripoli"] == ["LY"]
    assert [m.place.country_code for m in lebanon if m.text == "Tripoli"] == ["LB"]


def test_homs_goes_to_syria_in_a_syria_report(gaz: Gazetteer) -> None:
    found = _places(gaz, "L'armée syrienne a repris un quartier de Homs.")
    homs = [m for m in found if m.text == "Homs"]
    assert homs and homs[0].place.country_code == "SY"


def test_common_words_are_not_places(gaz: Gazetteer) -> None:
    found = _places(gaz, "Mars a été un mois difficile. Nice ou pas, Bar de nuit. The end Of it.")
    assert found == []
    found_en = _places(gaz, "Of the two convoys, one reached Aleppo.", "en")
    assert [m.text for m in found_en] == ["Aleppo"]


def test_demonyms_are_flagged_and_never_the_event_place(gaz: Gazetteer) -> None:
    found = _places(gaz, "L'aviation russe a frappé des positions syriennes.")
    assert found and all(m.demonym and m.place.precision == "country" for m in found)
    assert {m.place.country_code for m in found} == {"RU", "SY"}
    assert event_place(found) is None
    en = _places(gaz, "Russian jets struck Syrian rebels near Idlib.", "en")
    best = event_place(en)
    assert best is not None and best.text == "Idlib"


def test_admin1_cue_prefers_the_province(gaz: Gazetteer) -> None:
    found = _places(gaz, "Les combats ont gagné la province de Deraa, au sud du pays.")
    assert found[0].place.precision == "admin1"
    city = _places(gaz, "Un marché a été bombardé à Deraa.")
    assert city[0].place.precision == "city"


def test_english_names(gaz: Gazetteer) -> None:
    found = _places(gaz, "Shelling hit Khan Younis and the Eastern Ghouta on Monday.", "en")
    assert [(m.text, m.place.country_code) for m in found] == [
        ("Khan Younis", "PS"), ("Eastern Ghouta", "SY")]


def test_stage_writes_doc_places(gaz: Gazetteer) -> None:
    res = Resources()
    res.get(GAZETTEER_KEY, lambda: gaz)
    doc = _doc("Des civils ont fui Raqa vers Palmyre.")
    find_places(doc, res)
    assert [m.place.name for m in doc.places] == ["Raqqa", "Palmyra"]
    assert find_places.reads == ("text", "language", "sentences", "dateline_place")
    assert find_places.writes == ("places",)


def test_shared_reports_spans_are_evidence(gaz: Gazetteer, shared_data: Path) -> None:
    files = sorted(glob.glob(str(shared_data / "seeds-fr" / "*.txt")))
    res = Resources()
    res.get(GAZETTEER_KEY, lambda: gaz)
    for f in files:
        doc = _doc(Path(f).read_text(encoding="utf-8"))
        find_places(doc, res)
        assert doc.places
        for m in doc.places:
            assert doc.text[m.start : m.end] == m.text
        assert any(m.place.name == "Aleppo" for m in doc.places)
