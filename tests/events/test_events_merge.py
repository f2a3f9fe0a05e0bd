"""One happening told twice in one report is one event: related types on the same day at
the same town (``same_happening``), back-references ("the fighting", "ces combats"), what
was said of a strike in the same breath.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from events_testkit import AIR, CLASH, MEETING, MOB, PEACEFUL, SHELLING
from events_testkit import period_doc as _doc

from bilan.events.assemble import (
    Draft,
    extract_document_events,
    is_back_reference,
    merge_back_references,
    same_happening,
)
from bilan.events.ontology import EventKind, load_ontology
from bilan.events.triggers import EventLexicon, load_lexicon
from bilan.records import Document, Event, Place, Span
from bilan.runner import run

GRENADE = ("Explosions/Remote violence", "Grenade")
VIOLENT_DEMO = ("Riots", "Violent demonstration")
FORCE = ("Protests", "Excessive force against protesters")
VAC = ("Violence against civilians", "Attack")

HOMS = Place("Homs", "Syria", "SY", "Homs", 34.73, 36.72, "city", "test:homs")
HAMA = Place("Hama", "Syria", "SY", "Hama", 35.13, 36.75, "city", "test:hama")
KHALDIYEH = Place("Khaldiyeh", "Syria", "SY", "Homs", 34.74, 36.71, "district",
                  "test:khaldiyeh", parent="Homs")
SYRIA = Place("Syria", "Syria", "SY", None, 35.0, 38.0, "country", "test:sy")


def _lexicon(lang: str) -> EventLexicon:
    return load_lexicon(lang, load_ontology())


def _draft(kind: EventKind, sentence: int, date: str | None = "2012-03-05",
           place: Place | None = HOMS, actors: tuple[str | None, str | None] = (None, None),
           source: str = "sentence", trigger: Span | None = None) -> Draft:
    event = Event(event_type=kind[0], sub_event_type=kind[1], date=date, location=place,
                  actor1=actors[0], actor2=actors[1], trigger=trigger)
    return Draft(event, kind, sentence, source, [sentence])


# --------------------------------------------------------------------------- same_happening


@pytest.mark.parametrize(
    ("a", "b", "kept"),
    [
        (CLASH, SHELLING, CLASH),  # the shelling of a battle is that battle
        (SHELLING, CLASH, CLASH),
        (PEACEFUL, MOB, MOB),  # a rally attacked by a mob is a riot
        (MOB, VIOLENT_DEMO, MOB),  # one riot told with two words
        (FORCE, VAC, FORCE),  # the police firing on marchers is the protest's repression
        (SHELLING, GRENADE, SHELLING),
    ],
)
def test_same_happening_merges_related_types(a: EventKind, b: EventKind, kept: EventKind
                                              ) -> None:
    assert same_happening(_draft(a, 0), _draft(b, 3)) == kept


def test_same_happening_quarter_of_the_town() -> None:
    assert same_happening(_draft(CLASH, 0), _draft(SHELLING, 2, place=KHALDIYEH)) == CLASH


@pytest.mark.parametrize(
    "other",
    [
        _draft(SHELLING, 3, date="2012-03-06"),  # another day
        _draft(SHELLING, 3, place=HAMA),  # another town
        _draft(SHELLING, 3, place=SYRIA),  # a country is no place to tell them together
        _draft(SHELLING, 3, place=None),
        _draft(SHELLING, 3, date=None),
        _draft(SHELLING, 3, actors=("NATO", None)),  # parties foreign to the battle
        _draft(AIR, 3),  # an air strike is not the ground fighting around it ...
        _draft(MEETING, 3),  # unrelated types
    ],
)
def test_same_happening_keeps_apart(other: Draft) -> None:
    battle = _draft(CLASH, 0, actors=("Military Forces of Syria", "Rebel groups"))
    assert same_happening(battle, other) is None


def test_same_happening_air_strike_told_in_the_same_sentence() -> None:
    # ... unless one sentence tells both as one scene
    assert same_happening(_draft(CLASH, 2), _draft(AIR, 2)) == CLASH


def test_same_happening_snippet_keeps_types_apart() -> None:
    # a snippet's main event is chosen among the types it tells (select.main_event)
    assert same_happening(_draft(CLASH, 0), _draft(SHELLING, 1), short=True) is None
    assert same_happening(_draft(MOB, 0), _draft(VIOLENT_DEMO, 1), short=True) == MOB


# --------------------------------------------------------------------------- back-references


def _span(text: str, word: str) -> Span:
    at = text.index(word)
    return Span(at, at + len(word), word)


@pytest.mark.parametrize(
    ("text", "word", "lang", "expected"),
    [
        ("Nine soldiers died in the fighting, an officer said.", "fighting", "en", True),
        ("Residents fled these clashes overnight.", "clashes", "en", True),
        ("Fighting broke out at dawn near the bridge.", "Fighting", "en", False),
        ("Heavy fighting broke out at dawn.", "fighting", "en", False),
        ("Ces combats ont fait six morts, selon un médecin.", "combats", "fr", True),
        ("L'attaque a été revendiquée dans la soirée.", "attaque", "fr", True),
        ("De violents combats ont éclaté à l'aube.", "combats", "fr", False),
    ],
)
def test_is_back_reference(text: str, word: str, lang: str, expected: bool) -> None:
    assert is_back_reference(_doc(text, lang), _span(text, word), _lexicon(lang)) is expected


def _back_doc() -> tuple[Document, list[Draft]]:
    text = ("Troops and rebels clashed in Homs on Monday. Electricity was cut in the old city. "
            "Six people died in the fighting, a medic said.")
    doc = _doc(text, "en")
    first = _draft(CLASH, 0, trigger=_span(text, "clashed"))
    ref = _draft(CLASH, 2, place=HAMA, source="lead", trigger=_span(text, "fighting"))
    return doc, [first, ref]


def test_back_reference_joins_the_event_told_before() -> None:
    from bilan.events.assemble import doc_index

    doc, drafts = _back_doc()
    lex = _lexicon("en")
    kept = merge_back_references(doc, lex, drafts, doc_index(doc, lex))
    assert len(kept) == 1
    assert kept[0].sentences == [0, 2]
    assert kept[0].event.location == HOMS


def test_back_reference_with_its_own_day_stays_apart() -> None:
    from bilan.events.assemble import doc_index

    doc, (first, ref) = _back_doc()
    ref.event.date, ref.date_source = "2012-03-01", "sentence"
    lex = _lexicon("en")
    assert len(merge_back_references(doc, lex, [first, ref], doc_index(doc, lex))) == 2


def test_back_reference_too_far_stays_apart() -> None:
    from bilan.events.assemble import doc_index

    text = ("Troops and rebels clashed in Homs on Monday. " + "Shops stayed shut. " * 7
            + "Six people died in the fighting, a medic said.")
    doc = _doc(text, "en")
    first = _draft(CLASH, 0, trigger=_span(text, "clashed"))
    ref = _draft(CLASH, len(doc.sentences) - 1, source="lead", trigger=_span(text, "fighting"))
    lex = _lexicon("en")
    assert len(merge_back_references(doc, lex, [first, ref], doc_index(doc, lex))) == 2


# --------------------------------------------------------------------------- statements


def test_statement_about_a_strike_is_that_strike() -> None:
    text = "The army accused rebels of shelling the market of the town on Sunday."
    lex = _lexicon("en")
    kinds = [(e.event_type, e.sub_event_type)
             for e in extract_document_events(_doc(text, "en"), lex)]
    assert ("Diplomacy", "Statement") not in kinds


# --------------------------------------------------------------------------- end to end

LONG_REPORT = "\n\n".join([
    "Rebels and troops fight for Homs",
    "HOMS, Syria, March 6, 2012 (Wire) - Rebel fighters and government troops clashed in "
    "Homs on Monday, a rebel spokesman said.",
    "Government forces shelled the Khaldiyeh quarter of Homs on Monday with heavy "
    "artillery, residents said.",
    "Electricity and water were cut across several neighbourhoods of the old city.",
    "Aid agencies said they could not reach the wounded because of the curfew.",
    "Nine people were killed in the fighting, a rebel spokesman said.",
    "The governor called for calm in a televised address and promised food deliveries.",
    "Shops stayed closed in the city centre, residents said.",
    "In Hama, students held a peaceful rally on Monday against the siege of Homs.",
]) + "\n"


def test_long_report_tells_one_battle(tmp_path: Path) -> None:
    path = tmp_path / "homs.txt"
    path.write_text(LONG_REPORT, encoding="utf-8")
    result = run([str(path)])
    events = result.documents[0].events
    violent = [e for e in events
               if e.event_type in ("Battles", "Explosions/Remote violence")]
    assert len(violent) == 1
    battle = violent[0]
    assert battle.event_type == "Battles"
    assert battle.location is not None and "Homs" in (battle.location.name,
                                                      battle.location.parent)
    assert any(c.low == 9 for c in battle.claims)
    assert any(e.event_type == "Protests" for e in events)  # Hama's rally stays its own
