"""Helpers shared by the events tests (imported by plain name: tests/events/conftest.py puts
this folder on the path)."""

from __future__ import annotations

import datetime as dt
import re

from bilan.events.assemble import extract_document_events
from bilan.events.ontology import load_ontology
from bilan.events.select import main_event
from bilan.events.stage import extract_events
from bilan.events.triggers import EventLexicon, load_lexicon
from bilan.pipeline import Resources
from bilan.records import Document, Event, Place, PlaceMention, Span

ATTACK = ("Violence against civilians", "Attack")
ABDUCTION = ("Violence against civilians", "Abduction/forced disappearance")
CLASH = ("Battles", "Armed clash")
PEACEFUL = ("Protests", "Peaceful protest")
MOB = ("Riots", "Mob violence")
VIOLENT = ("Riots", "Violent demonstration")
IED = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
AIR = ("Explosions/Remote violence", "Air/drone strike")
LOOTING = ("Strategic developments", "Looting/property destruction")
ARRESTS = ("Strategic developments", "Arrests")
MEETING = ("Diplomacy", "Meeting")


def period_doc(text: str, lang: str) -> Document:
    """A document of ``text`` in ``lang``, its sentences ending at each full stop."""
    doc = Document(id="t", text=text, source="t")
    doc.language = lang
    doc.sentences = [
        Span(m.start(), m.end(), m.group()) for m in re.finditer(r"[^.]+(?:\.|$)", text)
    ]
    return doc


def kinds(text: str, lang: str) -> list[tuple[str, str]]:
    """(type, sub-type) of every event of ``text``."""
    lex: EventLexicon = load_lexicon(lang, load_ontology())
    events = extract_document_events(period_doc(text, lang), lex)
    return [(e.event_type, e.sub_event_type) for e in events]


def main_kind(text: str, lang: str = "en") -> tuple[str, str] | None:
    """(type, sub-type) of the main event of ``text``, None when it tells of none."""
    lex: EventLexicon = load_lexicon(lang, load_ontology())
    events = extract_document_events(period_doc(text, lang), lex)
    if not events:
        return None
    ev = main_event(events)
    return ev.event_type, ev.sub_event_type


def placed_doc(text: str, places: list[tuple[str, Place, dict[str, bool]]],
               published: dt.date, lang: str = "en") -> Document:
    """A document whose sentences end at full stops, published on ``published``, holding
    the place mentions ``places`` (each phrase found after the previous one)."""
    doc = Document(id="t.txt", text=text, source="t.txt")
    doc.language = lang
    doc.sentences = []
    for m in re.finditer(r"[^.]+\.", text):
        lead = len(m.group()) - len(m.group().lstrip())
        doc.sentences.append(Span(m.start() + lead, m.end(), m.group().lstrip()))
    doc.publication_date = published
    at = 0
    for phrase, place, flags in places:
        i = text.index(phrase, at)
        doc.places.append(PlaceMention(i, i + len(phrase), phrase, place, **flags))
        at = i + len(phrase)
    return doc


def events_of(doc: Document) -> list[Event]:
    """The events stage run on ``doc``."""
    extract_events(doc, Resources())
    return doc.events
