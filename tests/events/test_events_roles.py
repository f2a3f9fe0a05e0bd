"""Round 4: typing by who acts on whom (actor roles), snippet cues, merging repeats.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from bilan.events.assemble import extract_document_events
from bilan.events.ontology import load_ontology
from bilan.events.triggers import EventLexicon, load_lexicon
from bilan.events.typing import RoleMention, retype_by_roles, sentence_roles
from bilan.records import ActorMention, Document, Event, Span

from .test_events_extract import ALEPPO, NEW_YORK, kinds, make_doc, run


def _lex(lang: str = "en") -> EventLexicon:
    return load_lexicon(lang, load_ontology())


def _snippet(text: str, actors: list[tuple[str, str]] | None = None) -> list[Event]:
    doc = Document(id="t", text=text, source="t")
    doc.language = "en"
    doc.sentences = [Span(0, len(text), text)]
    for phrase, category in actors or []:
        i = text.index(phrase)
        doc.actors.append(ActorMention(i, i + len(phrase), phrase, phrase, category))
    return extract_document_events(doc, _lex())


def test_roles_from_actor_categories_and_generic_words() -> None:
    text = "Gunmen opened fire on the police near the market."
    s = Span(0, len(text), text)
    actors = [ActorMention(text.index("police"), text.index("police") + 6, "police",
                           "Police Forces", "state_forces")]
    roles = sentence_roles(text, s, actors, _lex())
    assert [(text[r.start:r.end], r.role) for r in roles] == [
        ("Gunmen", "armed"), ("police", "state")]


def test_attack_between_two_armed_sides_is_a_battle() -> None:
    trig = Span(10, 18, "attacked")
    roles = [RoleMention(0, 9, "armed"), RoleMention(19, 30, "state")]
    assert retype_by_roles(("Violence against civilians", "Attack"), trig, roles,
                           attack_word=True, short=True) == ("Battles", "Armed clash")
    # a bare "clashes" word is not an attack word: left alone
    assert retype_by_roles(("Battles", "Armed clash"), trig, [RoleMention(0, 9, "armed")],
                           attack_word=False, short=True) is None


def test_attack_by_a_mob_is_mob_violence() -> None:
    trig = Span(10, 18, "attacked")
    roles = [RoleMention(0, 9, "rioters"), RoleMention(19, 30, "civilians")]
    assert retype_by_roles(("Violence against civilians", "Attack"), trig, roles,
                           attack_word=True, short=True) == ("Riots", "Mob violence")


def test_snippet_forces_attacking_forces_is_a_battle() -> None:
    evs = _snippet("On 2 March 2021, northern forces attacked southern forces near a dam.")
    assert kinds(evs)[0] == ("Battles", "Armed clash")


def test_snippet_gunmen_shooting_policemen_is_a_battle_not_an_attack_on_civilians() -> None:
    evs = _snippet("On 8 June 2021, traffic police were shot at by two armed men on a bike.",
                   actors=[("police", "state_forces")])
    assert kinds(evs)[0] == ("Battles", "Armed clash")


def test_snippet_crowd_demanding_is_a_protest_not_diplomacy() -> None:
    evs = _snippet("On 1 May 2021, a group of dock workers gathered and demanded higher pay.")
    assert kinds(evs)[0][0] == "Protests"


def test_burning_tyres_and_stone_pelting_are_riots() -> None:
    evs = _snippet("On 5 July 2021, villagers blocked a road with burning tyres over power cuts.")
    assert kinds(evs)[0] == ("Riots", "Violent demonstration")
    evs = _snippet("On 6 July 2021, students engaged in stone pelting outside the college.")
    assert kinds(evs)[0] == ("Riots", "Violent demonstration")


def test_police_raid_is_not_an_air_strike() -> None:
    evs = _snippet("On 9 July 2021, a suspect was killed during a police raid on a farm.")
    assert ("Explosions/Remote violence", "Air/drone strike") not in kinds(evs)
    evs = _snippet("On 10 July 2021, transport workers began a 24-hour strike in the port.")
    assert kinds(evs)[0][0] == "Protests"


def test_petrol_bomb_is_no_explosive_weapon() -> None:
    evs = _snippet("On 3 March 2021, assailants hurled a petrol bomb at a parked bus.")
    assert kinds(evs)[0] == ("Violence against civilians", "Attack")


def test_mortars_fired_at_positions_are_shelling() -> None:
    evs = _snippet("On 4 April 2021, the army fired 82mm mortars at the positions of the rebels.")
    assert kinds(evs)[0] == ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_undated_agreement_joins_the_dated_one() -> None:
    text = (
        "Les ministres des deux pays ont signé un accord à New York le 9 septembre. "
        "Le texte paraphé par les deux ministres prévoyait une trêve de sept jours."
    )
    doc = make_doc(text, "fr", pub="2016-09-24",
                   timexes=[("le 9 septembre", "2016-09-09")],
                   places=[("New York", NEW_YORK)])
    events = [e for e in run(doc) if e.sub_event_type == "Agreement"]
    assert len(events) == 1
    assert events[0].date == "2016-09-09"
    assert len(events[0].mentions) == 2


def test_statement_about_a_meeting_is_the_meeting() -> None:
    text = "Ce fut une réunion difficile, a déploré le médiateur de l'ONU à New York jeudi."
    doc = make_doc(text, "fr", timexes=[("jeudi", "2016-09-22")],
                   places=[("New York", NEW_YORK)])
    assert kinds(run(doc)) == [("Diplomacy", "Meeting")]


def test_two_triggers_of_one_kind_in_a_sentence_are_one_event() -> None:
    text = "Des frappes aériennes ont visé Alep mardi, et des raids aériens ont touché New York."
    doc = make_doc(text, "fr", timexes=[("mardi", "2016-09-20")],
                   places=[("Alep", ALEPPO), ("New York", NEW_YORK)])
    strikes = [e for e in run(doc) if e.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 1
