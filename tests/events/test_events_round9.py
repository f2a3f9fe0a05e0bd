"""Round 9 events: dates in a clause of their own, present-tense headlines, riot arson of
vehicles, air strikes told by the aircraft, chemical weapons, weapons found, expulsions,
territory taken, goods seized.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

from bilan.events.assemble import extract_document_events
from bilan.events.ontology import load_ontology
from bilan.events.triggers import EventLexicon, load_lexicon
from bilan.records import Document, Span, TimeMention


def _doc(text: str, lang: str = "en") -> Document:
    doc = Document(id="t", text=text, source="t")
    doc.language = lang
    doc.sentences = [Span(0, len(text), text)]
    return doc


def _kinds_of(doc: Document) -> list[tuple[str, str]]:
    lex: EventLexicon = load_lexicon(doc.language or "en", load_ontology())
    return [(e.event_type, e.sub_event_type) for e in extract_document_events(doc, lex)]


def _kinds(text: str, lang: str = "en") -> list[tuple[str, str]]:
    return _kinds_of(_doc(text, lang))


def _dated(text: str, phrase: str, value: str, published: dt.date) -> Document:
    doc = _doc(text)
    start = text.index(phrase)
    doc.timexes = [TimeMention(start, start + len(phrase), phrase, "DATE", value)]
    doc.publication_date = published
    return doc


def test_future_date_in_a_purpose_clause_does_not_cancel_the_protest() -> None:
    text = ("Teachers gheraoed the office of the district collector to demand a delay of "
            "the exams scheduled on 20 March.")
    doc = _dated(text, "20 March", "2019-03-20", dt.date(2019, 3, 2))
    kinds = _kinds_of(doc)
    assert kinds and kinds[0] == ("Protests", "Peaceful protest")


def test_future_date_of_the_event_itself_still_tells_of_a_plan() -> None:
    text = "Teachers gheraoed the office of the district collector on 20 March."
    doc = _dated(text, "20 March", "2019-03-20", dt.date(2019, 3, 2))
    assert _kinds_of(doc) == []


def test_old_year_in_an_anniversary_clause_does_not_cancel_the_protest() -> None:
    text = ("Farmers blocked the highway near the mill after a rally held to mark the "
            "anniversary of the 2006 land agitation.")
    doc = _dated(text, "2006", "2006", dt.date(2019, 3, 2))
    kinds = _kinds_of(doc)
    assert kinds and kinds[0][0] == "Protests"


def test_old_year_told_with_the_event_is_still_history() -> None:
    text = "In 2006, farmers blocked the highway near the mill."
    doc = _dated(text, "2006", "2006", dt.date(2019, 3, 2))
    assert _kinds_of(doc) == []


def test_french_clause_cue() -> None:
    text = ("Des enseignants ont manifesté devant la préfecture pour exiger le report des "
            "examens prévus le 20 mars.")
    doc = _doc(text, "fr")
    start = text.index("le 20 mars")
    doc.timexes = [TimeMention(start, start + 10, "le 20 mars", "DATE", "2019-03-20")]
    doc.publication_date = dt.date(2019, 3, 2)
    kinds = _kinds_of(doc)
    assert kinds and kinds[0][0] == "Protests"


def test_present_tense_shooting_at_civilians() -> None:
    kinds = _kinds("Gunmen shoot at three farmers on their way to the market.")
    assert kinds and kinds[0] == ("Violence against civilians", "Attack")


def test_present_tense_wounding() -> None:
    kinds = _kinds("Masked men open fire on a minibus and wound two passengers.")
    assert kinds and kinds[0] == ("Violence against civilians", "Attack")


def test_present_tense_killing_of_fighters_by_troops_is_a_battle() -> None:
    kinds = _kinds("Army troops kill six insurgents near the river crossing.")
    assert kinds and kinds[0] == ("Battles", "Armed clash")


def test_torched_bus_with_no_armed_party_is_a_riot() -> None:
    kinds = _kinds("Two buses were torched near the central bus stand in the evening.")
    assert kinds and kinds[0][0] == "Riots"


def test_torched_vehicles_by_rebels_stay_property_destruction() -> None:
    kinds = _kinds("Rebels torched three trucks of a logging company near the camp.")
    assert kinds and kinds[0] == ("Strategic developments", "Looting/property destruction")


def test_thrown_cocktails_are_a_riot() -> None:
    kinds = _kinds("Unknown people hurled three cocktails at a petrol pump at night.")
    assert kinds and kinds[0][0] == "Riots"


def test_drones_hit_is_an_air_strike() -> None:
    kinds = _kinds("Drones hit two insurgent camps in the valley on Friday.")
    assert kinds and kinds[0] == ("Explosions/Remote violence", "Air/drone strike")


def test_air_force_carried_out_strikes() -> None:
    kinds = _kinds("The air force carried out several sorties over the rebel-held hills.")
    assert kinds and kinds[0] == ("Explosions/Remote violence", "Air/drone strike")


def test_poison_gas_is_a_chemical_weapon() -> None:
    kinds = _kinds("Dozens of residents were treated after an attack with poison gas on the town.")
    assert kinds and kinds[0] == ("Explosions/Remote violence", "Chemical weapon")


def test_weapons_found_in_passive_voice() -> None:
    kinds = _kinds("Three rifles and two hundred rounds of ammunition were found in a barn.")
    assert kinds and kinds[0] == ("Strategic developments", "Disrupted weapons use")


def test_landmines_cleared_is_disrupted_weapons_use() -> None:
    kinds = _kinds("Army engineers cleared 400 landmines from the farmland last month.")
    assert kinds and kinds[0] == ("Strategic developments", "Disrupted weapons use")


def test_expelled_diplomats_are_sanctions() -> None:
    kinds = _kinds("The government expels four diplomats of its neighbour.")
    assert kinds and kinds[0] == ("Diplomacy", "Sanctions")


def test_missile_test_is_no_attack() -> None:
    kinds = _kinds("The ministry condemned the missile tests and announced new sanctions.")
    assert ("Explosions/Remote violence", "Shelling/artillery/missile attack") not in kinds


def test_troops_taking_control_regain_territory() -> None:
    kinds = _kinds("Government troops took control of the whole valley after a week of fighting.")
    assert ("Battles", "Government regains territory") in kinds


def test_rebels_taking_control_overtake_territory() -> None:
    kinds = _kinds("Rebels seized control of the river port on Sunday.")
    assert kinds and kinds[0] == ("Battles", "Non-state actor overtakes territory")


def test_drug_seizure_by_police_is_property_seized() -> None:
    kinds = _kinds("Police seized two tons of cannabis hidden in a truck at the border.")
    assert kinds and kinds[0] == ("Strategic developments", "Looting/property destruction")


def test_weapons_found_after_a_shoot_out_are_its_sequel() -> None:
    text = ("Police officers were attacked by gunmen and a shoot-out broke out near the "
            "market. The officers found a pistol and a radio.")
    doc = _doc(text)
    first = text.index(".") + 1
    doc.sentences = [Span(0, first, text[:first]), Span(first + 1, len(text), text[first + 1:])]
    kinds = _kinds_of(doc)
    assert kinds and kinds[0][0] == "Battles"


def test_protest_that_turned_violent_is_a_riot() -> None:
    kinds = _kinds("A protest of taxi drivers against the new tolls turned violent near the "
                   "bridge.")
    assert kinds and kinds[0] == ("Riots", "Violent demonstration")


def test_road_blocked_with_burning_tyres_is_a_riot() -> None:
    kinds = _kinds("About fifty villagers demonstrated and blocked the road with burning tyres "
                   "to demand water.")
    assert kinds and kinds[0] == ("Riots", "Violent demonstration")


def test_peaceful_march_dispersed_stays_a_protest() -> None:
    kinds = _kinds("Police used tear gas to disperse nurses who marched to the ministry.")
    assert kinds and kinds[0][0] == "Protests"


def test_french_weapons_found_in_passive_voice() -> None:
    kinds = _kinds("Une dizaine de fusils et des munitions ont été découverts dans une grange.",
                   "fr")
    assert kinds and kinds[0] == ("Strategic developments", "Disrupted weapons use")


def test_french_expelled_diplomats_are_sanctions() -> None:
    kinds = _kinds("Le gouvernement expulse quatre diplomates du pays voisin.", "fr")
    assert kinds and kinds[0] == ("Diplomacy", "Sanctions")


def test_french_toxic_gas_is_a_chemical_weapon() -> None:
    kinds = _kinds("Des dizaines d'habitants ont été soignés après une attaque au gaz toxique.",
                   "fr")
    assert kinds and kinds[0] == ("Explosions/Remote violence", "Chemical weapon")


def test_forces_dislodging_insurgents_regain_territory() -> None:
    kinds = _kinds("Army units dislodge the insurgents from three hill villages.")
    assert kinds and kinds[0] == ("Battles", "Government regains territory")


def test_recaptured_territory_is_no_arrest() -> None:
    kinds = _kinds("The army said it had re-captured more ground from militants in the east.")
    assert ("Strategic developments", "Arrests") not in kinds
