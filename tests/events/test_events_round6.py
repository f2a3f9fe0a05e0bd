"""Round 6 events: exchanges of fire, party clashes, riot arson and riot bombs.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from bilan.events.assemble import extract_document_events
from bilan.events.ontology import load_ontology
from bilan.events.triggers import EventLexicon, load_lexicon
from bilan.records import Document, Span


def _kinds(text: str, lang: str = "en") -> list[tuple[str, str]]:
    lex: EventLexicon = load_lexicon(lang, load_ontology())
    doc = Document(id="t", text=text, source="t")
    doc.language = lang
    doc.sentences = [Span(0, len(text), text)]
    return [(e.event_type, e.sub_event_type) for e in extract_document_events(doc, lex)]


def test_mortars_alone_are_shelling() -> None:
    kinds = _kinds("The separatists fired 82mm mortars at army positions near the river.")
    assert kinds and kinds[0] == ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_mortars_with_small_arms_are_an_armed_clash() -> None:
    kinds = _kinds("The separatists fired mortars, grenade launchers and small arms at army "
                   "positions near the river.")
    assert kinds and kinds[0] == ("Battles", "Armed clash")


def test_clash_between_party_factions_is_mob_violence() -> None:
    kinds = _kinds("Twelve people were hurt when two factions of the youth wing of a ruling "
                   "party clashed over a local committee.")
    assert kinds and kinds[0] == ("Riots", "Mob violence")


def test_clash_between_rebel_groups_stays_a_battle() -> None:
    kinds = _kinds("Two rebel factions clashed near the border town and four fighters died.")
    assert kinds and kinds[0][0] == "Battles"


def test_arson_by_blockaders_is_a_riot() -> None:
    kinds = _kinds("Supporters of the blockade torched two lorries on the highway at dawn.")
    assert kinds and kinds[0] == ("Riots", "Mob violence")


def test_crude_bombs_exploded_by_pickets_are_a_riot() -> None:
    kinds = _kinds("During the blockade, pickets exploded several crude bombs outside the bank.")
    assert kinds and kinds[0][0] == "Riots"


def test_burning_an_effigy_is_a_protest() -> None:
    kinds = _kinds("Opposition youth burnt an effigy of the governor outside the assembly.")
    assert kinds and kinds[0][0] == "Protests"


def test_protesters_arrested_while_blocking_a_road() -> None:
    kinds = _kinds("Forty farmers were arrested while blocking the highway to protest low prices.")
    assert kinds and kinds[0] == ("Protests", "Protest with intervention")


def test_militants_attacking_a_village_is_violence_against_civilians() -> None:
    kinds = _kinds("Militants attacked the farming village of Kera at dawn and burned the granary.")
    assert kinds and kinds[0][0] == "Violence against civilians"


def test_militants_attacking_an_army_post_is_a_battle() -> None:
    kinds = _kinds("Militants attacked an army post near the pass and the soldiers fought back.")
    assert kinds and kinds[0][0] == "Battles"


def test_new_observation_post_is_a_base_established() -> None:
    assert ("Strategic developments", "Headquarters or base established") in _kinds(
        "The foreign troops set up a new observation post on the hill above the valley.")


def test_army_restoring_control_is_government_regains_territory() -> None:
    assert ("Battles", "Government regains territory") in _kinds(
        "The army restored full control over the river port after the rebels withdrew.")


def test_headline_present_tense_killing() -> None:
    kinds = _kinds("Unknown gunmen kill a shepherd near the dam.")
    assert kinds and kinds[0][0] == "Violence against civilians"


def test_violent_demonstrators_make_a_riot_even_when_dispersed() -> None:
    from bilan.events.select import SUB_TYPE_PRIORITY

    riot = SUB_TYPE_PRIORITY[("Riots", "Violent demonstration")]
    assert riot > SUB_TYPE_PRIORITY[("Protests", "Protest with intervention")]
    assert riot > SUB_TYPE_PRIORITY[("Protests", "Excessive force against protesters")]
