"""Round 11 events: the clash that opens a note, fire told as exchanged, heavy weapons fired
one way, ground attacks on police stations, who the victims of a killing are, territory
retaken by rebels or given up without a fight, accidents.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bilan.events.assemble import extract_document_events
from bilan.events.ontology import load_ontology
from bilan.events.select import main_event
from bilan.events.triggers import EventLexicon, load_lexicon
from bilan.records import Document, Event, Span

CLASH = ("Battles", "Armed clash")
ATTACK = ("Violence against civilians", "Attack")
AIR = ("Explosions/Remote violence", "Air/drone strike")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
NSA = ("Battles", "Non-state actor overtakes territory")
GOV = ("Battles", "Government regains territory")
QUIET = ("Strategic developments", "Non-violent transfer of territory")


def _doc(text: str, lang: str = "en", published: dt.date | None = None) -> Document:
    doc = Document(id="t", text=text, source="t")
    doc.language = lang
    doc.publication_date = published
    doc.sentences = [
        Span(m.start(), m.end(), m.group()) for m in re.finditer(r"[^.]+(?:\.|$)", text)
    ]
    return doc


def _events(text: str, lang: str = "en", published: dt.date | None = None) -> list[Event]:
    lex: EventLexicon = load_lexicon(lang, load_ontology())
    return extract_document_events(_doc(text, lang, published), lex)


def _main(
    text: str, lang: str = "en", published: dt.date | None = None
) -> tuple[str, str] | None:
    events = _events(text, lang, published)
    if not events:
        return None
    ev = main_event(events)
    return ev.event_type, ev.sub_event_type


def test_clash_opening_a_note_outranks_later_air_strikes() -> None:
    text = (
        "Fighting broke out between the army and rebels near the river crossing on Monday. "
        "Jets later struck rebel positions south of the town."
    )
    assert _main(text) == CLASH


def test_air_strike_told_first_stays_the_subject() -> None:
    text = "Warplanes bombed a market in the town on Sunday. Clashes followed in the outskirts."
    assert _main(text) == AIR


def test_fire_in_both_directions_makes_the_shelling_a_clash() -> None:
    text = (
        "Mortar rounds were fired at army positions near the village on Tuesday. "
        "Monitors also recorded bursts of small arms fire in both directions."
    )
    assert _main(text) == CLASH


def test_one_sided_shelling_stays_shelling() -> None:
    assert _main("Mortar shells hit army positions near the village on Tuesday.") == SHELLING


def test_heavy_machine_gun_bursts_counted_one_way_are_heavy_weapons_fire() -> None:
    text = "Observers counted 12 bursts of fire involving heavy machine guns near the bridge."
    assert _main(text) == SHELLING


def test_returned_fire_makes_a_shooting_a_clash() -> None:
    text = (
        "Two officers were shot by a gunman at a roadblock on Friday. "
        "The officers returned fire and wounded him."
    )
    assert _main(text) == CLASH


def test_shots_fired_at_a_police_station_are_a_clash() -> None:
    text = "Gunmen fired at a police station in the district on Saturday, wounding a guard."
    assert _main(text) == CLASH


def test_militants_named_as_attackers_of_a_village_make_an_attack() -> None:
    text = "Militants attacked a hill village on Sunday and killed three farmers."
    assert _main(text) == ATTACK


def test_militants_named_as_victims_make_a_clash() -> None:
    text = "Soldiers killed four militants during an operation in the forest on Monday."
    assert _main(text) == CLASH


def test_aircraft_that_attacked_make_an_air_strike() -> None:
    text = "Two helicopter gunships of the coalition attacked a convoy on the coast road."
    assert _main(text) == AIR


def test_rebels_retaking_a_town_overtake_territory() -> None:
    text = "Insurgents recaptured the market town on Friday, a day after losing it to troops."
    assert _main(text) == NSA


@pytest.mark.parametrize(
    "text",
    [
        "The rebels entered the town on Thursday and did not encounter any resistance.",
        "The hilltop base was handed over to the local militia on Monday.",
    ],
)
def test_territory_taken_without_a_fight_is_a_quiet_transfer(text: str) -> None:
    assert _main(text) == QUIET


def test_first_time_since_a_year_is_no_war_wide_total() -> None:
    text = (
        "Government troops regained control of the highway on Tuesday "
        "for the first time since 2012."
    )
    assert _main(text, published=dt.date(2020, 2, 12)) == GOV


@pytest.mark.parametrize(
    "text",
    [
        "A boiler exploded at a textile factory on Monday, killing two workers.",
        "Five people died of alcohol poisoning in the province last week.",
        "Coast guards intercepted 20 smugglers off the island on Sunday.",
    ],
)
def test_accidents_and_crime_make_no_event(text: str) -> None:
    assert _main(text) is None


def test_french_shots_at_a_police_station_are_a_clash() -> None:
    text = "Des hommes armés ont tiré sur le commissariat de la ville dans la nuit de samedi."
    assert _main(text, "fr") == CLASH


def test_french_returned_fire_makes_the_shelling_a_clash() -> None:
    text = "Des obus sont tombés sur les positions de l'armée mardi. Les soldats ont riposté."
    assert _main(text, "fr") == CLASH


def test_french_town_entered_without_resistance_is_a_quiet_transfer() -> None:
    text = "Les rebelles sont entrés dans la ville jeudi sans rencontrer de résistance."
    assert _main(text, "fr") == QUIET


def test_an_earlier_blast_is_background_to_the_ambush() -> None:
    text = (
        "A soldier hurt in an earlier bomb blast was wounded again when militants "
        "ambushed his convoy near the dam."
    )
    assert _main(text) == CLASH


def test_smashed_windows_make_a_riot() -> None:
    text = "Party supporters smashed the windows of two campaign buses in the town."
    kind = _main(text)
    assert kind is not None and kind[0] == "Riots"
