"""An event named "N days after" is that many days older than the day its sentence tells of
(sentences written for these tests)."""

from __future__ import annotations

import datetime as dt

from bilan.events.assemble import extract_document_events
from bilan.events.ontology import load_ontology
from bilan.events.triggers import load_lexicon
from bilan.records import Document, Span, TimeMention


def _doc(text: str, lang: str, pub: dt.date, timexes: list[tuple[str, str, str]]) -> Document:
    doc = Document(id="t", text=text, source="t")
    doc.language = lang
    doc.publication_date = pub
    doc.sentences = [Span(0, len(text), text)]
    out = []
    for phrase, kind, value in timexes:
        at = text.index(phrase)
        out.append(TimeMention(start=at, end=at + len(phrase), text=phrase, type=kind,
                               value=value))
    doc.timexes = out
    return doc


def _dates(doc: Document) -> dict[str, str | None]:
    lex = load_lexicon(doc.language or "en", load_ontology())
    return {e.trigger.text.lower(): e.date for e in extract_document_events(doc, lex)
            if e.trigger is not None}


def test_french_event_three_days_before_the_report() -> None:
    text = ("La distribution de vivres a repris dans la ville trois jours après le "
            "bombardement du marché central.")
    doc = _doc(text, "fr", dt.date(2020, 3, 12), [("trois jours", "DURATION", "P3D")])
    dates = _dates(doc)
    assert dates.get("bombardement") == "2020-03-09", dates


def test_english_event_weeks_before_the_day_the_sentence_names() -> None:
    text = ("Schools reopened in the town on Monday, two weeks after the airstrike on its "
            "main road.")
    doc = _doc(text, "en", dt.date(2021, 5, 12),
               [("Monday", "DATE", "2021-05-10"), ("two weeks", "DURATION", "P2W")])
    dates = _dates(doc)
    assert dates.get("airstrike") == "2021-04-26", dates


def test_a_span_without_after_leaves_the_day_alone() -> None:
    text = "The shelling of the port lasted three days, residents said on Monday."
    doc = _doc(text, "en", dt.date(2021, 5, 12),
               [("three days", "DURATION", "P3D"), ("Monday", "DATE", "2021-05-10")])
    dates = _dates(doc)
    assert dates.get("shelling") == "2021-05-10", dates


def test_middle_of_last_week_is_its_wednesday() -> None:
    text = "Des affrontements avaient fait six morts en milieu de semaine dernière dans la ville."
    doc = _doc(text, "fr", dt.date(2019, 10, 14), [("semaine dernière", "DATE", "2019-W41")])
    dates = _dates(doc)
    assert dates.get("affrontements") == "2019-10-09", dates


def test_mid_month_is_its_fifteenth_and_a_plain_month_its_first() -> None:
    mid = "Fighting broke out near the dam in mid-March."
    plain = "Fighting broke out near the dam in March."
    for text, want in ((mid, "2022-03-15"), (plain, "2022-03-01")):
        doc = _doc(text, "en", dt.date(2022, 4, 20), [("March", "DATE", "2022-03")])
        dates = _dates(doc)
        assert dates.get("fighting") == want, (text, dates)
