"""Round 10 events: troop moves and withdrawals, surrenders and prisoner swaps, ground
raids, vigilantes beside troops, people burned in an arson, quiet transfers of territory,
force against protesters, toxic gas named after air strikes.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import re

from bilan.events.assemble import extract_document_events
from bilan.events.ontology import load_ontology
from bilan.events.select import main_event
from bilan.events.triggers import EventLexicon, load_lexicon
from bilan.records import Document, Event, Span

SD = "Strategic developments"


def _doc(text: str, lang: str = "en") -> Document:
    doc = Document(id="t", text=text, source="t")
    doc.language = lang
    doc.sentences = [
        Span(m.start(), m.end(), m.group()) for m in re.finditer(r"[^.]+(?:\.|$)", text)
    ]
    return doc


def _events(text: str, lang: str = "en") -> list[Event]:
    lex: EventLexicon = load_lexicon(lang, load_ontology())
    return extract_document_events(_doc(text, lang), lex)


def _main(text: str, lang: str = "en") -> tuple[str, str] | None:
    events = _events(text, lang)
    if not events:
        return None
    ev = main_event(events)
    return ev.event_type, ev.sub_event_type


def test_troops_sent_to_a_border_are_a_change_in_activity() -> None:
    text = "The army sent two battalions and tanks to the northern border on Monday."
    assert _main(text) == (SD, "Change to group/activity")


def test_reinforcements_deployed_to_a_front() -> None:
    text = "Government forces were reinforced near the dam as the rebels massed nearby."
    assert _main(text) == (SD, "Change to group/activity")


def test_forces_withdrawn_from_a_base() -> None:
    text = "Foreign troops have withdrawn from the airfield outside the provincial capital."
    assert _main(text) == (SD, "Change to group/activity")


def test_withdrawal_then_taking_is_a_non_violent_transfer() -> None:
    text = ("Army units withdrew from the border post, and the rebels took control of it "
            "without resistance.")
    assert _main(text) == (SD, "Non-violent transfer of territory")


def test_taking_after_a_withdrawal_is_a_non_violent_transfer() -> None:
    text = ("The militants captured the village of Kora following the withdrawal of the "
            "national army.")
    assert _main(text) == (SD, "Non-violent transfer of territory")


def test_new_group_formed_and_defection() -> None:
    assert _main("A new armed movement has been formed in the hills east of the lake.") == (
        SD, "Change to group/activity")
    assert _main("Two hundred party members defected to the ruling party on Friday.") == (
        SD, "Change to group/activity")


def test_surrender_and_prisoner_swap_are_agreements() -> None:
    assert _main("Forty fighters surrendered to the army in the district on Sunday.") == (
        SD, "Agreement")
    text = "The two sides carried out a prisoner swap at the river crossing on Tuesday."
    assert _main(text) == (SD, "Agreement")
    text = "The government freed twelve rebels in exchange for four captured soldiers."
    assert _main(text) == (SD, "Agreement")


def test_peace_talks_are_an_agreement_and_a_meeting_stays_diplomacy() -> None:
    text = "The rebel movement opened peace talks with the government in the capital."
    assert _main(text) == (SD, "Agreement")
    text = "The foreign ministers of both countries met in Geneva to discuss trade."
    kind = _main(text)
    assert kind is not None and kind[0] == "Diplomacy"


def test_ground_raid_on_a_village_is_no_air_strike() -> None:
    text = "Armed bandits raided the village at dawn, killing three farmers."
    kind = _main(text)
    assert kind is not None and kind[1] != "Air/drone strike"
    assert kind == ("Violence against civilians", "Attack")


def test_air_raid_stays_an_air_strike() -> None:
    text = "Warplanes carried out a raid on the market town, killing five people."
    assert _main(text) == ("Explosions/Remote violence", "Air/drone strike")


def test_vigilantes_beside_troops_fight_a_battle() -> None:
    text = ("Soldiers and local vigilantes clashed with insurgents near the lake, killing "
            "four of them.")
    assert _main(text) == ("Battles", "Armed clash")


def test_vigilantes_alone_against_a_suspect_stay_mob_violence() -> None:
    text = "Vigilantes beat a suspected thief to death at the bus station."
    kind = _main(text)
    assert kind is not None and kind[0] in ("Riots", "Violence against civilians")


def test_fire_bomb_on_an_occupied_bus_is_an_attack() -> None:
    text = ("Blockade supporters threw a petrol bomb at a moving bus on the highway. "
            "Six passengers suffered burn injuries.")
    assert _main(text) == ("Violence against civilians", "Attack")


def test_empty_bus_set_on_fire_stays_a_riot() -> None:
    text = "Blockade supporters set fire to an empty bus on the highway during the strike."
    kind = _main(text)
    assert kind is not None and kind[0] == "Riots"


def test_person_burned_to_death_is_an_attack() -> None:
    text = "A man accused of theft was doused with petrol and set alight by his neighbours."
    assert _main(text) == ("Violence against civilians", "Attack")


def test_peaceful_protest_violently_dispersed_is_excessive_force() -> None:
    text = "Police violently dispersed a sit-in of nurses, leaving several seriously hurt."
    assert _main(text) == ("Protests", "Excessive force against protesters")


def test_toxic_gas_alleged_after_air_strikes_leaves_the_strikes_main() -> None:
    text = ("Air strikes hit the eastern suburbs on Monday, killing eleven people. "
            "Rescuers said some patients showed symptoms of a chlorine attack.")
    assert _main(text) == ("Explosions/Remote violence", "Air/drone strike")


def test_toxic_gas_dropped_by_the_strike_stays_a_chemical_weapon() -> None:
    text = "A helicopter dropped barrel bombs filled with chlorine gas on the town."
    assert _main(text) == ("Explosions/Remote violence", "Chemical weapon")


def test_repelled_attack_is_a_clash() -> None:
    text = "Troops repelled an attack by militants on the garrison town on Friday."
    assert _main(text) == ("Battles", "Armed clash")


def test_residents_blocking_a_road_protest() -> None:
    text = "Hundreds of residents blocked the main road to the market over water cuts."
    assert _main(text) == ("Protests", "Peaceful protest")


def test_french_troop_moves_surrender_and_burned_occupants() -> None:
    text = "L'armée a déployé des renforts et des blindés près de la frontière."
    assert _main(text, "fr") == (SD, "Change to group/activity")
    text = "Une trentaine de combattants se sont rendus aux forces armées dimanche."
    assert _main(text, "fr") == (SD, "Agreement")
    text = "Un échange de prisonniers a eu lieu mardi entre les deux camps."
    assert _main(text, "fr") == (SD, "Agreement")
    text = "Deux commerçants ont été brûlés vifs par des assaillants au marché."
    assert _main(text, "fr") == ("Violence against civilians", "Attack")


def test_french_people_going_to_the_polls_is_no_surrender() -> None:
    text = "Les électeurs se sont rendus aux urnes dimanche dans le calme."
    kind = _main(text, "fr")
    assert kind is None or kind != (SD, "Agreement")
