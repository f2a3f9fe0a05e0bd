"""Round 6: French and press spellings of gazetteer places, reference points ("à 300 km de
X", "Y, southwest of X", "told reporters in X"), nationwide country names, prepositions
read as Arabic articles, and which place an event gets in a report naming several
countries (every sentence here is written for these tests)."""

from __future__ import annotations

import re

from bilan.events.assemble import extract_document_events
from bilan.events.ontology import load_ontology
from bilan.events.triggers import load_lexicon
from bilan.places.gazetteer import Gazetteer
from bilan.places.toponyms import load_lexicons, resolve
from bilan.records import Document, PlaceMention, Span


def _doc(gaz: Gazetteer, text: str, lang: str) -> Document:
    doc = Document(id="t", text=text, source="t")
    doc.language = lang
    doc.sentences = [
        Span(m.start(), m.end(), m.group()) for m in re.finditer(r"[^.]+(?:\.|$)", text)
    ]
    doc.places = resolve(doc, gaz, load_lexicons()[lang])
    return doc


def _places(gaz: Gazetteer, text: str, lang: str = "fr") -> dict[str, PlaceMention]:
    return {pm.text: pm for pm in _doc(gaz, text, lang).places}


def _event_places(gaz: Gazetteer, text: str, lang: str = "fr") -> dict[str, str | None]:
    """Trigger text -> the event's place name."""
    doc = _doc(gaz, text, lang)
    events = extract_document_events(doc, load_lexicon(lang, load_ontology()))
    return {e.trigger.text: (e.location.name if e.location else None) for e in events}


def test_french_and_press_spellings_resolve(gaz: Gazetteer) -> None:
    found = _places(gaz, "Des renforts sont arrivés à Jalo puis à Bin Jawad, en Libye.")
    assert found["Jalo"].place.gazetteer_id == "geonames:86049"
    assert found["Bin Jawad"].place.country_code == "LY"


def test_english_names_of_egyptian_places(gaz: Gazetteer) -> None:
    found = _places(gaz, "Supporters camped in Nasr City while others marched in Fayoum, "
                         "Egypt.", "en")
    assert found["Nasr City"].place.name == "Nasr City"
    assert found["Nasr City"].place.country_code == "EG"
    assert found["Fayoum"].place.name == "Fayoum"


def test_heliopolis_in_an_egyptian_report_is_the_cairo_district(gaz: Gazetteer) -> None:
    found = _places(gaz, "Au Caire, des milliers d'Egyptiens ont défilé dans le quartier "
                         "d'Héliopolis, près du palais présidentiel.")
    place = found["Héliopolis"].place
    assert (place.country_code, place.precision, place.parent) == ("EG", "district", "Cairo")


def test_distance_makes_a_reference_point(gaz: Gazetteer) -> None:
    found = _places(gaz, "Les rebelles ont repris l'oasis de Jalo, à 300 km au sud de "
                         "Benghazi, jeudi.")
    assert found["Benghazi"].reference
    assert not found["Jalo"].reference


def test_english_distance_with_converted_units(gaz: Gazetteer) -> None:
    found = _places(gaz, "The shelling hit Brega, some 80 km (50 miles) west of Ajdabiya.",
                    "en")
    assert found["Ajdabiya"].reference
    assert not found["Brega"].reference


def test_bearing_after_a_place_makes_a_reference(gaz: Gazetteer) -> None:
    found = _places(gaz, "Hundreds of inmates fled a jail in Fayoum, southwest of Cairo, "
                         "on Saturday.", "en")
    assert found["Cairo"].reference
    assert not found["Fayoum"].reference


def test_bare_bearing_still_places_the_event(gaz: Gazetteer) -> None:
    found = _places(gaz, "Heavy fighting was reported south of Sirte on Monday.", "en")
    assert not found["Sirte"].reference


def test_where_something_was_said_is_a_reference(gaz: Gazetteer) -> None:
    found = _places(gaz, "A spokesman told reporters in Tripoli that the town was calm.",
                    "en")
    assert found["Tripoli"].reference
    fr = _places(gaz, "Le ministre a assuré lors d'une conférence de presse à Tripoli que "
                      "la ville était calme.")
    assert fr["Tripoli"].reference


def test_country_after_across_is_nationwide(gaz: Gazetteer) -> None:
    found = _places(gaz, "Protests spread across Egypt on Friday, and Libya stayed calm.",
                    "en")
    assert found["Egypt"].nationwide and found["Egypt"].locative
    assert not found["Libya"].nationwide
    fr = _places(gaz, "Des rassemblements ont eu lieu à travers l'Egypte vendredi.")
    assert fr["Egypte"].nationwide


def test_sentence_initial_preposition_is_not_part_of_the_name(gaz: Gazetteer) -> None:
    text = "En Libye, la contestation continue."
    found = _places(gaz, text)
    assert "Libye" in found
    pm = found["Libye"]
    assert pm.locative and text[pm.start : pm.end] == "Libye"


def test_capitalised_preposition_does_not_make_a_person_name(gaz: Gazetteer) -> None:
    found = _places(gaz, "À Beni Oulid, les combats ont repris dimanche.")
    assert found["Beni Oulid"].place.name == "Bani Walid"
    assert found["Beni Oulid"].locative


def test_round_up_places_each_event_in_its_own_country(gaz: Gazetteer) -> None:
    text = ("En Libye, à Bahreïn et au Yémen, la contestation se poursuit. "
            "À Manama, la police a dispersé un sit-in devant le parlement. "
            "À Manama, des milliers de personnes ont défilé jeudi. "
            "À Benghazi, des manifestants ont incendié un commissariat.")
    places = _event_places(gaz, text)
    assert places["ont incendié"] == "Benghazi"
    assert places["a dispersé"] == "Manama"


def test_named_place_beats_the_reference_point(gaz: Gazetteer) -> None:
    text = "Des obus sont tombés jeudi sur la localité de Jalo, à 300 km au sud de Benghazi."
    assert _event_places(gaz, text)["obus"] == "Jalu"


def test_reference_only_sentence_takes_the_sentence_before(gaz: Gazetteer) -> None:
    text = ("Rebels entered Zawiya on Saturday. Heavy fighting went on for hours, a "
            "spokesman told reporters in Tripoli.")
    place = _event_places(gaz, text, "en")["fighting"]
    assert place in {p.name for p in gaz.lookup("Zawiya")}
