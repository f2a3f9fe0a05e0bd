"""The events stage: ``doc.events`` from the sentences, dates, places, actors and claims."""

from __future__ import annotations

from bilan.events.assemble import extract_document_events
from bilan.events.happenings import HappeningLexicon, find_happenings, load_happenings
from bilan.events.ontology import Ontology, load_ontology
from bilan.events.triggers import EventLexicon, load_lexicon
from bilan.pipeline import Resources, stage
from bilan.records import Document


def event_lexicon(res: Resources, lang: str) -> EventLexicon:
    """The compiled event lexicon of ``lang``, built once per process."""
    onto: Ontology = res.get("events.ontology", load_ontology)
    return res.get(f"events.lexicon.{lang}", lambda: load_lexicon(lang, onto))


def happening_lexicon(res: Resources, lang: str) -> HappeningLexicon:
    """The compiled non-conflict happening words of ``lang``, built once per process."""
    return res.get(f"events.happenings.{lang}", lambda: load_happenings(lang))


def _extract_events(doc: Document, res: Resources) -> None:
    lang = doc.language or "fr"
    doc.events = extract_document_events(doc, event_lexicon(res, lang))
    told = {doc.sentence_index(m.start) for e in doc.events for m in e.mentions}
    doc.happenings = find_happenings(doc, happening_lexicon(res, lang), told)


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
    writes=["events", "happenings"],
)(_extract_events)
