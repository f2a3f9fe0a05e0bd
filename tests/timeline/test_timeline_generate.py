from __future__ import annotations

import datetime as dt

import pytest

from bilan.records import Claim, Document, Event, Mention, Place, Span
from bilan.timeline.build import build_timeline
from bilan.timeline.generate import describe, load_phrases

GAZA = Place("Gaza", "Palestine", "PS", "Gaza Strip", 31.5, 34.47, "city", "geonames:281133")
TEXT = "Des frappes aériennes ont tué au moins 12 personnes mardi à Gaza, selon les secours."


def _event() -> Event:
    start = TEXT.index("au moins 12 personnes")
    claim = Claim(
        "killed",
        12,
        None,
        "at_least",
        "people",
        "Rescue services",
        "g.txt",
        start,
        start + len("au moins 12 personnes"),
        "au moins 12 personnes",
    )
    return Event(
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        date="2014-07-08",
        location=GAZA,
        actor1="Military Forces of Israel",
        actor2="Civilians (Palestine)",
        claims=[claim],
        mentions=[Mention("g.txt", 0, len(TEXT), TEXT)],
        documents=["g.txt"],
        fatalities={"low": 12, "best": 12, "high": None},
        id="ev-1",
    )


def _doc() -> Document:
    doc = Document(id="g.txt", text=TEXT, source="g.txt", language="fr")
    doc.sentences = [Span(0, len(TEXT), TEXT)]
    doc.publication_date = dt.date(2014, 7, 8)
    return doc


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_phrases_cover_the_ontology(lang: str) -> None:
    phrases = load_phrases(lang)
    assert "Battles" in phrases.event_types and "Diplomacy" in phrases.event_types


def test_describe_in_english() -> None:
    text = describe(_event(), load_phrases("en"))
    assert text == (
        "Air strikes in Gaza (by Military Forces of Israel, against Civilians (Palestine)); "
        "at least 12 killed according to Rescue services."
    )


def test_summary_language_switches_to_records() -> None:
    own = build_timeline([_event()], [_doc()])
    assert own[0].summary == [TEXT]
    english = build_timeline([_event()], [_doc()], summary_lang="en")
    assert english[0].summary[0].startswith("Air strikes in Gaza")
    french = build_timeline([_event()], [_doc()], summary_lang="fr")
    assert french[0].summary == [TEXT]
