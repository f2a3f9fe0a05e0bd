"""A small hand-built run (texts written for these tests) for the output tests."""

from __future__ import annotations

import datetime as dt

import pytest

from bilan.language.sentences import load_abbreviations, split_sentences
from bilan.records import (
    Claim,
    Document,
    Event,
    Mention,
    Place,
    Reject,
    RunResult,
    Span,
    TimelineEntry,
)

FR_TEXT = (
    "Frappes sur Alep\n"
    "ALEP, 12 mars (Reuters) - Des frappes aériennes ont touché mardi le quartier de "
    "Bustan al-Qasr à Alep, tuant au moins 14 civils, selon l'Observatoire syrien des "
    "droits de l'homme. Un médecin de l'hôpital voisin a parlé de 20 morts et de 35 blessés.\n"
)
EN_TEXT = (
    "BEIRUT, March 13 (Reuters) - Rebels shelled a government-held district of Aleppo on "
    "Wednesday, killing six people, state media said. Talks between the two sides, due in "
    "Geneva the same day, were postponed.\n"
)

ALEPPO = Place(
    name="Aleppo", country="Syria", country_code="SY", admin1="Aleppo", lat=36.20,
    lon=37.16, precision="city", gazetteer_id="geonames:170063",
)
GENEVA = Place(
    name="Geneva", country="Switzerland", country_code="CH", admin1="Geneva", lat=46.20,
    lon=6.14, precision="city", gazetteer_id="geonames:2660646",
)


def span(text: str, needle: str) -> tuple[int, int, str]:
    start = text.index(needle)
    return start, start + len(needle), needle


def sentences(text: str) -> list[Span]:
    """Sentence spans, as bilan's sentence stage finds them."""
    return split_sentences(text, load_abbreviations("fr"))


def claim(doc: Document, needle: str, **kw: object) -> Claim:
    s, e, t = span(doc.text, needle)
    base: dict[str, object] = {
        "kind": "killed", "low": 0, "high": 0, "qualifier": "exact", "victims": "people",
        "claimant": None,
    }
    base.update(kw)
    return Claim(document=doc.id, start=s, end=e, text=t, **base)  # type: ignore[arg-type]


def mention(doc: Document, needle: str) -> Mention:
    s, e, t = span(doc.text, needle)
    return Mention(doc.id, s, e, t)


def make_result() -> RunResult:
    fr = Document(
        id="001_alep.txt", text=FR_TEXT, source="corpus/001_alep.txt", language="fr",
        publication_date=dt.date(2016, 3, 12), publication_date_source="dateline",
        title="Frappes sur Alep", outlet="Reuters",
    )
    fr.sentences = sentences(FR_TEXT)
    fr.dateline = fr.span(*span(FR_TEXT, "ALEP, 12 mars (Reuters) -")[:2])
    en = Document(
        id="002_aleppo.jsonl:1", text=EN_TEXT, source="in.jsonl:1", language="en",
        publication_date=dt.date(2016, 3, 13), publication_date_source="metadata",
        warnings=["metadata date 2016-03 is partial; using the dateline"],
    )
    en.sentences = sentences(EN_TEXT)
    strike = Event(
        event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        date="2016-03-12", location=ALEPPO, actor1="Military Forces of Syria",
        actor2="Civilians (Syria)",
        claims=[
            claim(fr, "au moins 14 civils", low=14, high=None, qualifier="at_least",
                  victims="civilians", claimant="Syrian Observatory for Human Rights"),
            claim(fr, "20 morts", low=20, high=20, claimant="a doctor"),
            claim(fr, "35 blessés", kind="injured", low=35, high=35, claimant="a doctor"),
        ],
        mentions=[mention(fr, "Des frappes aériennes ont touché mardi le quartier")],
        documents=[fr.id], fatalities={"low": 14, "best": 20, "high": 20}, id="SYR-0001",
    )
    shelling = Event(
        event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
        date="2016-03-13", location=ALEPPO, actor1="Rebels (Syria)",
        claims=[claim(en, "killing six people", low=6, high=6, claimant="state media")],
        mentions=[mention(en, "Rebels shelled a government-held district of Aleppo")],
        documents=[en.id], fatalities={"low": 6, "best": 6, "high": 6}, id="SYR-0002",
    )
    talks = Event(
        event_type="Diplomacy", sub_event_type="Talks postponed", date="2016-03-13",
        location=GENEVA, mentions=[mention(en, "Talks between the two sides")],
        documents=[en.id], id="CHE-0001",
    )
    undated = Event(
        event_type="Battles", sub_event_type="Armed clash", date=None,
        mentions=[mention(en, "Rebels shelled")], documents=[en.id], id="XXX-0001",
    )
    rejects = [Reject(input="corpus/empty.txt", reason="empty file", stage="ingest")]
    timeline = [
        TimelineEntry("2016-03-12", ["Des frappes aériennes ont touché Alep."], ["SYR-0001"],
                      [fr.id]),
    ]
    # deliberately unsorted: outputs must sort
    return RunResult([en, fr], [undated, talks, shelling, strike], rejects, timeline)


@pytest.fixture
def result() -> RunResult:
    return make_result()
