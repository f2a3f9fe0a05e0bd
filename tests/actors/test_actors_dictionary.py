from __future__ import annotations

import datetime as dt

import pytest

from bilan.actors import claimant_name, find_actors
from bilan.actors.dictionary import _entry, load_dictionary
from bilan.errors import DataFileError
from bilan.langdata import language_file, load_yaml
from bilan.pipeline import Resources
from bilan.places import find_places
from bilan.records import ActorMention, Document


def _actors(text: str, lang: str = "fr", day: dt.date | None = None) -> list[ActorMention]:
    doc = Document(id="t", text=text, source="t")
    doc.language = lang
    doc.publication_date = day
    res = Resources()
    find_places(doc, res)
    find_actors(doc, res)
    for m in doc.actors:
        assert text[m.start : m.end] == m.text
    return doc.actors


def test_language_files_have_the_same_entries() -> None:
    fr = load_yaml(language_file("fr", "actors.yaml"))["actors"]
    en = load_yaml(language_file("en", "actors.yaml"))["actors"]
    assert fr.keys() == en.keys()
    for key in fr:
        assert {k: v for k, v in fr[key].items() if k != "aliases"} == {
            k: v for k, v in en[key].items() if k != "aliases"}, key
    assert load_dictionary("fr").entries.keys() == load_dictionary("en").entries.keys()


def test_french_and_english_aliases_share_canonical_names() -> None:
    fr = _actors("Les forces loyalistes et l'aviation russe ont visé les rebelles à Alep; "
                 "selon l'OSDH.")
    en = _actors("Government forces and Russian jets hit the rebels in Aleppo, the SOHR said.",
                 "en")
    expected = ["Military Forces of Syria", "Military Forces of Russia", "Rebel groups",
                "Syrian Observatory for Human Rights"]
    assert [m.name for m in fr] == expected
    assert [m.name for m in en] == expected
    assert not fr[-1].can_act and fr[-1].can_claim


def test_acronyms_match_case_sensitively() -> None:
    found = _actors("Le groupe EI a revendiqué l'attaque, mais ei n'est pas un sigle ici.")
    assert [m.text for m in found] == ["EI"]
    assert found[0].name == "Islamic State"


def test_apposition_before_and_after_the_organisation() -> None:
    text = ("Le directeur de l'Observatoire, Karim Haddad, a donné un bilan. "
            "Nour Saleh, porte-parole des casques blancs, a parlé de 12 morts.")
    # "Observatoire" alone is not an alias; the second sentence carries the rule
    found = _actors(text)
    people = [m for m in found if m.person]
    assert [(m.person, m.name) for m in people] == [("Nour Saleh", "White Helmets")]
    assert claimant_name(people[0]) == "White Helmets"


def test_known_people_speak_for_their_organisation() -> None:
    found = _actors("Le chef de l'OSDH, Rami Abdel Rahmane, a confirmé le chiffre.")
    rami = [m for m in found if m.person == "Rami Abdel Rahmane"]
    assert rami and rami[0].name == "Syrian Observatory for Human Rights"


def test_hospital_director_is_named_with_the_role() -> None:
    found = _actors("Youssef Barakat, qui dirige un hôpital de la ville, a compté 15 morts.")
    director = [m for m in found if m.person]
    assert director and claimant_name(director[0]) == "Hospital director Youssef Barakat"


def test_roles_bounded_in_time() -> None:
    before = _actors("Kerry a appelé Lavrov.", day=dt.date(2010, 5, 1))
    during = _actors("Kerry a appelé Lavrov.", day=dt.date(2016, 9, 22))
    assert [m.text for m in before] == ["Lavrov"]
    assert [m.name for m in during] == ["Government of USA", "Government of Russia"]


def test_stage_declaration() -> None:
    assert find_actors.reads == ("text", "language", "sentences", "places")
    assert find_actors.writes == ("actors",)


def test_generic_state_forces_take_the_country_of_the_report() -> None:
    en = _actors("Loyalists shelled the rebel-held port of Misrata on Tuesday, and "
                 "pro-government forces were seen near Zliten.", "en")
    assert [m.name for m in en][:2] == ["Military Forces of Libya", "Military Forces of Libya"]
    fr = _actors("Le régime a bombardé Benghazi et les forces loyalistes avancent vers Ajdabiya.")
    assert {m.name for m in fr} == {"Military Forces of Libya"}
    eg = _actors("Government forces cleared the square in Cairo, and the police arrested "
                 "dozens in Alexandria.", "en")
    assert [m.name for m in eg] == ["Military Forces of Egypt", "Police Forces of Egypt"]
    sy = _actors("Les forces gouvernementales ont repris un quartier de Homs.")
    assert [m.name for m in sy] == ["Military Forces of Syria"]


def test_demonyms_do_not_set_the_country_of_generic_forces() -> None:
    # "Russian" says whose jets; the report is about a Syrian town
    en = _actors("Russian jets backed government forces advancing on Palmyra.", "en")
    assert [m.name for m in en] == ["Military Forces of Russia", "Military Forces of Syria"]


def test_generic_forces_without_a_country_use_the_fallback_name() -> None:
    assert [m.name for m in _actors("Government forces took the hill.", "en")] == [
        "Military Forces"]


def test_civil_defence_is_the_white_helmets_only_in_syria() -> None:
    sy = _actors("La défense civile a retiré trois corps des décombres à Douma.")
    assert [m.name for m in sy] == ["White Helmets"]
    iq = _actors("Selon la défense civile, l'explosion a tué quatre personnes à Mossoul.")
    assert [m.name for m in iq] == ["Civil Defence of Iraq"]
    en = _actors("Civil defence teams pulled two survivors from a house in Mosul.", "en")
    assert [m.name for m in en] == ["Civil Defence of Iraq"]
    assert _actors("The White Helmets said a bakery in Idlib was hit.", "en")[0].name == (
        "White Helmets")


def test_country_relative_entries_are_checked() -> None:
    bad = {"name": "Military Forces of {country}", "category": "state_forces",
           "can_act": True, "can_claim": True, "aliases": ["troops"]}
    with pytest.raises(DataFileError, match="fallback"):
        _entry("x", bad, "actors.x")
    with pytest.raises(DataFileError, match="by_country"):
        _entry("x", {**bad, "fallback": "Forces", "by_country": {"Syria": "X"}}, "actors.x")
    entry = _entry("x", {**bad, "fallback": "Forces", "by_country": {"SY": "Syrian Army"}},
                   "actors.x")
    assert entry.name_for(("SY", "Syria")) == "Syrian Army"
    assert entry.name_for(("LY", "Libya")) == "Military Forces of Libya"
    assert entry.name_for(None) == "Forces"
