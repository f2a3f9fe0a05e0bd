"""Claimants named right: state media, security sources, generic sources in both languages,
officials of a country, spokesmen without an organisation, surnames said again."""

from __future__ import annotations

import datetime as dt

import pytest

from bilan.actors import claimant_name, find_actors
from bilan.language.sentences import segment_sentences
from bilan.pipeline import Resources
from bilan.places import find_places
from bilan.records import ActorMention, Document
from bilan.stages import default_pipeline


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources()


def _actors(res: Resources, text: str, lang: str = "fr",
            day: dt.date | None = None) -> list[ActorMention]:
    doc = Document(id="t", text=text, source="t")
    doc.language = lang
    doc.publication_date = day
    segment_sentences(doc, res)
    find_places(doc, res)
    find_actors(doc, res)
    for m in doc.actors:
        assert text[m.start : m.end] == m.text
    return doc.actors


def _named(res: Resources, text: str, lang: str = "fr") -> list[tuple[str, str]]:
    return [(m.text, m.name) for m in _actors(res, text, lang)]


def test_regime_media_are_state_media_not_the_army(res: Resources) -> None:
    fr = _named(res, "À Syrte, les médias du régime ont parlé de neuf morts dans un raid.")
    assert ("médias du régime", "State media of Libya") in fr
    assert all(name != "Military Forces of Libya" for _, name in fr)
    en = _named(res, "In Sirte, regime TV said nine people died in an air raid.", "en")
    assert en == [("regime TV", "State media of Libya")]


def test_state_news_agency_is_named_by_country(res: Resources) -> None:
    eg = _named(res, "L'agence officielle a rapporté des heurts au Caire.")
    assert eg == [("agence officielle", "MENA")]
    iq = _named(res, "The state news agency reported a blast in Basra.", "en")
    assert iq == [("state news agency", "State news agency of Iraq")]


def test_security_and_military_sources_differ(res: Resources) -> None:
    assert _named(res, "Selon une source sécuritaire, trois gardes ont péri.") == [
        ("source sécuritaire", "Security source")]
    assert _named(res, "A security source said three guards died.", "en") == [
        ("A security source", "Security source")]
    assert _named(res, "Une source militaire a démenti.") == [
        ("Une source militaire", "Military source")]
    assert _named(res, "A senior military official denied it.", "en") == [
        ("A senior military official", "Military source")]


def test_generic_sources_have_one_english_name_in_both_languages(res: Resources) -> None:
    pairs = [
        ("Selon plusieurs sources, le convoi a été touché.",
         "Several sources said the convoy was hit."),
        ("Des témoins ont vu la colonne passer.", "Witnesses saw the column pass."),
        ("Un habitant a compté les corps.", "A resident counted the bodies."),
        ("Des médecins ont soigné les blessés.", "Doctors treated the wounded."),
        ("Une source hospitalière a donné ce chiffre.", "A hospital source gave that figure."),
        ("Selon des sources locales, le marché a brûlé.",
         "According to local sources, the market burned."),
    ]
    for fr_text, en_text in pairs:
        fr = [m.name for m in _actors(res, fr_text) if m.can_claim]
        en = [m.name for m in _actors(res, en_text, "en") if m.can_claim]
        assert fr and fr == en, (fr_text, fr, en)
        assert all(name.isascii() for name in fr)


def test_several_sources_keep_the_word_several(res: Resources) -> None:
    assert [m.name for m in _actors(res, "Plusieurs sources l'ont confirmé.")] == [
        "Several unnamed sources"]
    assert [m.name for m in _actors(res, "Des sources ont confirmé la frappe.")] == [
        "Unnamed sources"]


def test_officials_of_a_country_are_its_government(res: Resources) -> None:
    assert _named(res, "Libyan officials took reporters to the damaged house.", "en") == [
        ("Libyan officials", "Government of Libya")]
    assert _named(res, "Des responsables libyens ont montré la maison détruite.") == [
        ("responsables libyens", "Government of Libya")]
    assert [m.name for m in _actors(res, "Les autorités ont décrété un couvre-feu à Suez.")] == [
        "Government of Egypt"]


def test_rebellion_and_opposition_of_libya(res: Resources) -> None:
    assert [m.name for m in _actors(res, "La rébellion a repris le port.")] == ["Rebel groups"]
    assert [m.name for m in _actors(res, "A spokesman for the Libyan opposition spoke.", "en")] == [
        "NTC rebels"]


def test_spokesman_without_organisation_speaks_for_the_side_just_named(res, ) -> None:
    text = ("Rebels held the bridge at Ajdabiya after a night of shelling .\n"
            "`` They came again at dawn .\nWe lost three men , '' spokesman Omar Belkacem "
            "said .")
    found = [m for m in _actors(res, text, "en") if m.person == "Omar Belkacem"]
    assert [(m.name, m.text) for m in found] == [("Rebel groups", "Omar Belkacem")]
    # the side is the subject of its sentence, not a later object
    text2 = ("Rebels pushed back government forces near Brega .\n"
             "Four of our men died , spokesman Nabil Farouk said .")
    found2 = [m for m in _actors(res, text2, "en") if m.person == "Nabil Farouk"]
    assert [m.name for m in found2] == ["Rebel groups"]


def test_spokesman_with_an_organisation_in_the_sentence_is_left_to_it(res: Resources) -> None:
    text = "Rebels attacked .\nThe Red Cross counted six dead , spokesman Ali Tarek said ."
    assert not [m for m in _actors(res, text, "en") if m.person == "Ali Tarek"]


def test_spokesman_with_no_side_before_is_not_guessed(res: Resources) -> None:
    text = "Six people died on Tuesday , spokesman Ali Tarek said ."
    assert not [m for m in _actors(res, text, "en") if m.person]


def test_surname_said_again_keeps_the_organisation(res: Resources) -> None:
    text = ("Karim Mansour , commander of the rebel forces , visited the front .\n"
            "Nine fighters were wounded , Mansour said .")
    found = [m for m in _actors(res, text, "en") if m.person == "Karim Mansour"]
    assert [(m.text, m.name) for m in found] == [
        ("Karim Mansour", "Rebel groups"), ("Mansour", "Rebel groups")]
    assert claimant_name(found[1]) == "Rebel groups"


def test_a_minister_speaks_for_his_government(res: Resources) -> None:
    text = "Khaled Kaim told reporters that a strike hit a depot."
    assert [m.name for m in _actors(res, text, "en", dt.date(2011, 5, 2))] == [
        "Government of Libya"]


def test_claims_take_the_new_names(res: Resources) -> None:
    doc = Document(id="d", source="d",
                   text="Benghazi, 3 mars 2011 - Selon une source sécuritaire, quatre "
                        "détenus ont été tués jeudi à Benghazi.\n")
    default_pipeline().process(doc, res)
    claimants = {c.claimant for c in doc.claims}
    assert claimants and all(c and c.startswith("Security source") for c in claimants)


def test_surname_inside_another_full_name_is_someone_else(res: Resources) -> None:
    text = ("Karim Mansour , commander of the rebel forces , visited the front .\n"
            "Later Ali Mansour , a shopkeeper , said the road was shut .")
    found = [m for m in _actors(res, text, "en") if m.person == "Karim Mansour"]
    assert [m.text for m in found] == ["Karim Mansour"]
