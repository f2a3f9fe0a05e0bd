"""Timeline summarisation: dates ranked and kept, extractive sentences, citations."""

from __future__ import annotations

import re

from bilan.records import Claim, Document, Event, Mention, Span
from bilan.timeline.build import (
    build_timeline,
    clean_sentence,
    date_key,
    is_near_duplicate,
)

TEXT_A = (
    "MOSSOUL, 2 mai (AFP) - Une voiture piégée a explosé lundi près d'un marché de Mossoul. "
    "L'explosion a tué au moins 11 personnes, selon la police locale. "
    "Le marché avait rouvert la semaine précédente.\n"
)
TEXT_B = (
    "Une voiture piégée a explosé lundi près d'un marché de Mossoul, tuant au moins 11 personnes. "
    "Des responsables ont condamné l'attaque.\n"
    "Le 9 mai, des ministres se sont réunis à Bagdad pour parler de la reconstruction.\n"
)


def _sentences(text: str) -> list[Span]:
    spans = []
    for match in re.finditer(r"[^.\n]+[.]", text):
        lo = match.start() + len(match.group()) - len(match.group().lstrip())
        spans.append(Span(lo, match.end(), text[lo : match.end()]))
    return spans


def _doc(doc_id: str, text: str) -> Document:
    doc = Document(id=doc_id, text=text, source=doc_id, language="fr")
    doc.sentences = _sentences(text)
    if text.startswith("MOSSOUL"):
        end = text.index("- ") + 2
        doc.dateline = Span(0, end, text[:end])
    return doc


def _mention(doc: Document, needle: str) -> Mention:
    start = doc.text.index(needle)
    return Mention(doc.id, start, start + len(needle), needle)


def _claim(doc: Document, needle: str, low: int) -> Claim:
    start = doc.text.index(needle)
    return Claim("killed", low, None, "at_least", "people", None, doc.id, start,
                 start + len(needle), needle)


def _corpus() -> tuple[list[Event], list[Document]]:
    a, b = _doc("a.txt", TEXT_A), _doc("b.txt", TEXT_B)
    bomb = Event(
        "Explosions/Remote violence", "Remote explosive/landmine/IED", "2016-05-02",
        claims=[_claim(a, "au moins 11 personnes", 11), _claim(b, "au moins 11 personnes", 11)],
        mentions=[_mention(a, "Une voiture piégée a explosé"),
                  _mention(b, "Une voiture piégée a explosé")],
        documents=["a.txt", "b.txt"], fatalities={"low": 11, "best": 11, "high": None},
        id="IRQ-1",
    )
    meeting = Event(
        "Diplomacy", "Meeting", "2016-05-09",
        mentions=[_mention(b, "des ministres se sont réunis")], documents=["b.txt"], id="IRQ-2",
    )
    month = Event(
        "Battles", "Armed clash", "2016-04-01", date_precision="month",
        mentions=[_mention(b, "Des responsables ont condamné")], documents=["b.txt"], id="IRQ-3",
    )
    undated = Event("Battles", "Armed clash", None, id="IRQ-4")
    return [meeting, undated, bomb, month], [a, b]


def test_dates_in_order_with_citations() -> None:
    events, docs = _corpus()
    timeline = build_timeline(events, docs)
    # a lone Diplomacy event with one mention is left out by default
    # the month-precision event has no day of its own
    assert [t.date for t in timeline] == ["2016-05-02"]
    bomb = timeline[0]
    assert bomb.events == ["IRQ-1"]
    assert bomb.documents == ["a.txt", "b.txt"]


def test_summary_prefers_claims_and_drops_near_duplicates() -> None:
    events, docs = _corpus()
    bomb = build_timeline(events, docs, sentences_per_date=3)[0]
    assert bomb.summary[0] in (
        "L'explosion a tué au moins 11 personnes, selon la police locale.",
        "Une voiture piégée a explosé lundi près d'un marché de Mossoul, tuant au moins 11 "
        "personnes.",
    )
    # every sentence is copied from a report, the dateline cut off
    for sentence in bomb.summary:
        assert any(sentence in " ".join(d.text.split()) for d in docs)
        assert not sentence.startswith("MOSSOUL")
    # the two reports' lead sentences tell the same thing: only one of them is kept
    leads = [s for s in bomb.summary if s.startswith("Une voiture piégée")]
    assert len(leads) == 1
    assert len(bomb.summary) <= 3


def test_max_dates_keeps_the_most_important() -> None:
    events, docs = _corpus()
    timeline = build_timeline(events, docs, max_dates=1, sentences_per_date=1)
    assert [t.date for t in timeline] == ["2016-05-02"]
    assert len(timeline[0].summary) == 1
    everything = build_timeline(events, docs, max_dates=10)
    assert [t.date for t in everything] == ["2016-05-02", "2016-05-09"]
    assert everything[1].summary == [
        "Le 9 mai, des ministres se sont réunis à Bagdad pour parler de la reconstruction."
    ]


def test_no_dated_event_no_timeline() -> None:
    assert build_timeline([Event("Battles", "Armed clash", None, id="x")], []) == []


def test_helpers() -> None:
    assert clean_sentence("  - Des   tirs\n ont eu lieu. ") == "Des tirs ont eu lieu."
    assert date_key(Event("Battles", "Armed clash", "2016-05-02", date_precision="year")) is None
    assert date_key(Event("Battles", "Armed clash", "2016-05-02", date_precision="week")) == (
        "2016-05-02"
    )
    assert is_near_duplicate("Deux soldats ont été tués à Gao.", ["À Gao, deux soldats tués."])
    assert not is_near_duplicate("Une école a été fermée.", ["Deux soldats tués à Gao."])
