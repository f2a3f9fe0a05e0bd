"""Round 2 behaviour: event places, document-level retyping, truces named in passing,
strikes on distinct targets. Sentences written for these tests."""

from __future__ import annotations

from bilan.events.stage import event_lexicon
from bilan.pipeline import Resources
from bilan.records import Place

from .test_events_extract import ALEPPO, NEW_YORK, kinds, make_doc, run

MOSCOW = Place("Moscow", "Russia", "RU", "Moscow", 55.75, 37.62, "city", "test:moscow")
RUSSIA = Place("Russia", "Russia", "RU", None, 61.0, 99.0, "country", "test:russia")
DAMASCUS = Place("Damascus", "Syria", "SY", "Damascus", 33.51, 36.29, "city", "test:damascus")


def test_strike_place_is_in_the_theatre_not_abroad() -> None:
    text = (
        "Des frappes aériennes ont touché Alep mardi. "
        "Les frappes de mardi ont suivi l'échec de pourparlers tenus à Moscou."
    )
    doc = make_doc(text, "fr", places=[("Alep", ALEPPO), ("Moscou", MOSCOW)])
    events = run(doc)
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert strikes and all(e.location == ALEPPO for e in strikes)
    assert len(strikes) == 1  # the second sentence tells of the same strikes, in Aleppo


def test_place_standing_for_a_government_is_not_the_place() -> None:
    text = (
        "Des frappes aériennes ont visé Alep lundi. "
        "Des témoins ont vu des barils d'explosifs, une arme propre au régime de Damas."
    )
    doc = make_doc(text, "fr", places=[("Alep", ALEPPO), ("Damas", DAMASCUS)])
    events = run(doc)
    assert {e.location for e in events} == {ALEPPO}


def test_meeting_place_is_the_locative_one_not_the_parties() -> None:
    text = "Russia and the United States held talks in New York on Friday."
    doc = make_doc(text, "en", places=[("Russia", RUSSIA), ("New York", NEW_YORK)])
    events = run(doc)
    assert kinds(events) == [("Diplomacy", "Meeting")]
    assert events[0].location == NEW_YORK


def test_bombardments_near_air_strikes_are_air_strikes() -> None:
    text = (
        "Des raids aériens ont frappé Alep samedi. "
        "Les bombardements ont détruit une boulangerie. "
        "Un habitant a dit que le quartier était visé par des missiles."
    )
    doc = make_doc(text, "fr", places=[("Alep", ALEPPO)])
    events = run(doc)
    assert kinds(events) == [("Explosions/Remote violence", "Air/drone strike")]


def test_shelling_stays_shelling_when_the_report_tells_of_artillery() -> None:
    text = (
        "Des raids aériens ont frappé Alep samedi. "
        "Des tirs d'artillerie ont visé un autre quartier. Les bombardements ont duré."
    )
    doc = make_doc(text, "fr", places=[("Alep", ALEPPO)])
    found = set(kinds(run(doc)))
    assert ("Explosions/Remote violence", "Shelling/artillery/missile attack") in found


def test_truce_named_in_passing_is_no_agreement() -> None:
    passing = make_doc(
        "Les diplomates espèrent encore un retour de la trêve à Alep.", "fr",
        places=[("Alep", ALEPPO)],
    )
    assert not [e for e in run(passing) if e.sub_event_type == "Agreement"]
    signed = make_doc(
        "A truce for Aleppo was signed by both sides on Monday.", "en",
        places=[("Aleppo", ALEPPO)],
    )
    assert ("Strategic developments", "Agreement") in kinds(run(signed))
    ended = make_doc("The truce collapsed on Monday.", "en")
    assert kinds(run(ended)) == [("Strategic developments", "Other")]


def test_strike_on_a_rescue_centre_is_its_own_event() -> None:
    text = (
        "Des frappes aériennes ont touché Alep vendredi. "
        "Deux centres de secours ont été visés par des frappes aériennes."
    )
    doc = make_doc(text, "fr", places=[("Alep", ALEPPO)])
    events = run(doc)
    assert len(events) == 2
    assert sorted(str(e.target) for e in events) == ["None", "rescuers' centre"]


def test_lexicon_cue_lists_and_locatives_load() -> None:
    for lang in ("fr", "en"):
        lex = event_lexicon(Resources(), lang)
        assert "agreement" in lex.cue_lists
        assert lex.locative is not None and lex.metonymy is not None
