"""The events stage: ``doc.events`` from the sentences, dates, places, actors and claims."""

from __future__ import annotations

from bilan.events.assemble import extract_document_events
from bilan.events.ontology import Ontology, load_ontology
from bilan.events.triggers import EventLexicon, load_lexicon
from bilan.pipeline import Resources, stage
from bilan.records import Document


def event_lexicon(res: Resources, lang: str) -> EventLexicon:
    """The compiled event lexicon of ``lang``, built once per process."""
    onto: Ontology = res.get("events.ontology", load_ontology)
    return res.get(f"events.lexicon.{lang}", lambda: load_lexicon(lang, onto))


def _extract_events(doc: Document, res: Resources) -> None:
    lang = doc.language or "fr"
    doc.events = extract_document_events(doc, event_lexicon(res, lang))


extract_events = stage(
    "events",
    reads=[
        "text",
        "language",
        "sentences",
        "timexes",
        "publication_date",
        "places",
        "actors",
        "claims",
    ],
    writes=["events"],
)(_extract_events)
