"""Helpers shared by the events tests (imported by plain name: tests/events/conftest.py puts
this folder on the path)."""

from __future__ import annotations

import re

from bilan.events.assemble import extract_document_events
from bilan.events.ontology import load_ontology
from bilan.events.select import main_event
from bilan.events.triggers import EventLexicon, load_lexicon
from bilan.records import Document, Span

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
