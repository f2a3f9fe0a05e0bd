"""Round 5 events: disasters and accidents, seizures of goods, attacks on civilian places.

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


def test_deaths_in_a_flood_are_no_event() -> None:
    assert _kinds("Flash floods swept through three valleys and killed 40 people.") == []
    assert _kinds("A gas cylinder explosion in a bakery killed two workers.") == []


def test_protest_about_a_flood_is_still_a_protest() -> None:
    kinds = _kinds("Hundreds of farmers protested outside the ministry over flood relief.")
    assert kinds and kinds[0][0] == "Protests"


def test_seizure_of_drugs_is_no_capture_of_territory() -> None:
    kinds = _kinds("Customs officers seized two tonnes of cannabis at the port.")
    assert ("Battles", "Non-state actor overtakes territory") not in kinds
    assert ("Strategic developments", "Disrupted weapons use") not in kinds


def test_capture_of_a_town_still_counts() -> None:
    assert ("Battles", "Non-state actor overtakes territory") in _kinds(
        "Insurgents captured the district centre after a night of fighting.")


def test_gunmen_attacking_a_school_is_violence_against_civilians() -> None:
    assert _kinds("Gunmen attacked a school in the hills and killed 7 people.")[0] == (
        "Violence against civilians", "Attack")
