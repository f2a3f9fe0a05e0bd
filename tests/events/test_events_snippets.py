"""Snippets (one-line notes), generic triggers, the main event, and PLOVER's types.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from bilan.events.assemble import extract_document_events
from bilan.events.ontology import load_ontology
from bilan.events.select import document_main_event, is_short, main_event
from bilan.events.triggers import EventLexicon, load_lexicon
from bilan.records import Document, Event, Mention, Span


def _doc(text: str, lang: str = "en") -> Document:
    doc = Document(id="t", text=text, source="t")
    doc.language = lang
    doc.sentences = [Span(0, len(text), text)]
    return doc


def _events(text: str, lex: EventLexicon) -> list[Event]:
    return extract_document_events(_doc(text), lex)


def _lex() -> EventLexicon:
    return load_lexicon("en", load_ontology())


def test_the_month_may_is_no_hypothesis() -> None:
    text = "On 4 May 2021, rebels and soldiers exchanged fire near a river crossing."
    evs = _events(text, _lex())
    assert [(e.event_type, e.sub_event_type) for e in evs] == [("Battles", "Armed clash")]


def test_modal_may_still_blocks() -> None:
    assert _events("Officials said soldiers may clash with the rebels soon.", _lex()) == []


def test_bare_killed_is_an_event_only_when_nothing_else_is() -> None:
    lex = _lex()
    alone = _events("Two farmers were killed by unknown men in their field.", lex)
    assert [(e.event_type, e.sub_event_type) for e in alone] == [
        ("Violence against civilians", "Attack")
    ]
    with_clash = _events("Two soldiers were killed when troops clashed with rebels.", lex)
    assert [e.event_type for e in with_clash] == ["Battles"]


def test_attack_on_a_military_post_is_a_battle() -> None:
    evs = _events("Militants attacked an army checkpoint on the main road at dawn.", _lex())
    assert (evs[0].event_type, evs[0].sub_event_type) == ("Battles", "Armed clash")


def test_defused_bomb_is_disrupted_weapons_use() -> None:
    evs = _events("Police defused a bomb left outside the market.", _lex())
    assert (evs[0].event_type, evs[0].sub_event_type) == (
        "Strategic developments",
        "Disrupted weapons use",
    )


def test_main_event_of_a_snippet_goes_by_priority_not_position() -> None:
    text = "Police arrested two men after a roadside bomb hit a bus in the town."
    evs = _events(text, _lex())
    kinds = {e.sub_event_type for e in evs}
    assert {"Arrests", "Remote explosive/landmine/IED"} <= kinds
    assert evs[0].sub_event_type == "Remote explosive/landmine/IED"
    doc = _doc(text)
    doc.events = evs
    main = document_main_event(doc)
    assert main is not None and main.sub_event_type == "Remote explosive/landmine/IED"


def test_verbal_events_of_one_sentence_items() -> None:
    lex = _lex()
    onto = load_ontology()
    cases = {
        "The foreign minister rejected the proposal of the neighbouring state.": "REJECT",
        "The president threatened to expel the ambassador within a week.": "THREATEN",
        "The opposition party demanded the resignation of the cabinet.": "DEMAND",
    }
    for text, code in cases.items():
        evs = _events(text, lex)
        assert evs, text
        assert onto.plover_type((evs[0].event_type, evs[0].sub_event_type)) == code, text


def test_plover_mapping_follows_the_codebook() -> None:
    onto = load_ontology()
    assert onto.plover_type(("Battles", "Armed clash")) == "FIGHT"
    shelling = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert onto.plover_type(shelling) == "FIGHT"
    assert onto.plover_type(("Explosions/Remote violence", "Suicide bomb")) == "ASSAULT"
    assert onto.plover_type(("Violence against civilians", "Attack")) == "ASSAULT"
    assert onto.plover_type(("Riots", "Violent demonstration")) == "PROTEST"


def test_snippet_only_words_stay_out_of_long_reports() -> None:
    sentence = "Heavy artillery was seen on the road. "
    long_text = sentence * 8
    doc = _doc(long_text)
    doc.sentences = [
        Span(i * len(sentence), (i + 1) * len(sentence), sentence) for i in range(8)
    ]
    assert not is_short(doc)
    assert extract_document_events(doc, _lex()) == []
    assert _events(sentence.strip(), _lex())  # in a snippet, the same words tell of shelling


def test_main_event_prefers_earliest_among_equals() -> None:
    a = Event(event_type="Battles", sub_event_type="Armed clash", date=None,
              mentions=[Mention("t", 10, 20, "x" * 10)])
    b = Event(event_type="Battles", sub_event_type="Armed clash", date=None,
              mentions=[Mention("t", 0, 5, "x" * 5)])
    assert main_event([a, b]) is b
