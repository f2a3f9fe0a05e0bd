"""A hand-built run whose texts carry markup: the report must show it as text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bilan.output import write_outputs
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

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'
SVG = '"><svg onload="window.__pwned=3">'
REMOTE = '<img src="https://example.org/pixel.png">'

HOSTILE_TEXT = (
    f"Attaque à Gao {SCRIPT}\n"
    f"GAO, 4 juin - Des hommes armés ont attaqué un poste de l'armée malienne près de Gao, "
    f"tuant 9 soldats {IMG}, selon un porte-parole de l'armée. {SVG} Un élu local a parlé de "
    f"12 morts. {REMOTE}\n"
)
PLAIN_TEXT = (
    "KIDAL, June 5 - A roadside bomb hit a United Nations convoy near Kidal on Thursday, "
    "wounding three peacekeepers, the mission said.\n"
)

GAO = Place(
    name="Gao", country="Mali", country_code="ML", admin1="Gao", lat=16.27, lon=-0.04,
    precision="city", gazetteer_id="geonames:2457163",
)
KIDAL = Place(
    name="Kidal", country="Mali", country_code="ML", admin1="Kidal", lat=18.44, lon=1.41,
    precision="city", gazetteer_id="geonames:2455290",
)


def _at(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def _sentences(text: str) -> list[Span]:
    out: list[Span] = []
    start = 0
    for i, ch in enumerate(text):
        if ch == "\n" or (ch == "." and (i + 1 == len(text) or text[i + 1] in " \n")):
            piece = text[start : i + 1]
            lo = start + len(piece) - len(piece.lstrip())
            hi = start + len(piece.rstrip())
            if hi > lo:
                out.append(Span(lo, hi, text[lo:hi]))
            start = i + 1
    return out


def _claim(doc: Document, needle: str, low: int, claimant: str | None, kind: str) -> Claim:
    s, e = _at(doc.text, needle)
    return Claim(
        kind=kind,  # type: ignore[arg-type]
        low=low, high=low, qualifier="exact", victims="soldiers", claimant=claimant,
        document=doc.id, start=s, end=e, text=doc.text[s:e],
    )


def _mention(doc: Document, needle: str) -> Mention:
    s, e = _at(doc.text, needle)
    return Mention(doc.id, s, e, doc.text[s:e])


def make_hostile_result() -> RunResult:
    hostile = Document(
        id=f"gao{SCRIPT}.txt", text=HOSTILE_TEXT, source="in/gao.txt", language="fr",
        publication_date=dt.date(2015, 6, 4), publication_date_source="dateline",
        title=f"Gao {IMG}", outlet=SVG, warnings=[f"odd date {SCRIPT}"],
    )
    hostile.sentences = _sentences(HOSTILE_TEXT)
    plain = Document(
        id="kidal.txt", text=PLAIN_TEXT, source="in/kidal.txt", language="en",
        publication_date=dt.date(2015, 6, 5), publication_date_source="dateline",
    )
    plain.sentences = _sentences(PLAIN_TEXT)
    attack = Event(
        event_type="Battles", sub_event_type="Armed clash", date="2015-06-04", location=GAO,
        actor1=f"Unidentified Armed Group {SCRIPT}", actor2="Military Forces of Mali",
        claims=[
            _claim(hostile, "tuant 9 soldats", 9, f"army spokesman {SVG}", "killed"),
            _claim(hostile, "12 morts", 12, None, "killed"),
        ],
        mentions=[_mention(hostile, "Des hommes armés ont attaqué un poste")],
        documents=[hostile.id], fatalities={"low": 9, "best": 9, "high": 12},
        id="MLI-0001",
    )
    bomb = Event(
        event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
        date="2015-06-05", location=KIDAL, actor2="United Nations",
        claims=[_claim(plain, "wounding three peacekeepers", 3, "the mission", "injured")],
        mentions=[_mention(plain, "A roadside bomb hit a United Nations convoy")],
        documents=[plain.id], fatalities={"low": 0, "best": 0, "high": 0}, id="MLI-0002",
    )
    rejects = [Reject(input=f"in/bad{IMG}.html", reason=f"no text {SCRIPT}", stage="ingest")]
    timeline = [
        TimelineEntry("2015-06-04", [f"Des hommes armés ont attaqué {SCRIPT}"], ["MLI-0001"],
                      [hostile.id]),
        TimelineEntry("2015-06-05", ["A roadside bomb hit a convoy."], ["MLI-0002"],
                      [plain.id]),
    ]
    return RunResult([hostile, plain], [attack, bomb], rejects, timeline)


@pytest.fixture
def hostile_result() -> RunResult:
    return make_hostile_result()


@pytest.fixture
def report_path(hostile_result: RunResult, tmp_path: Path) -> Path:
    write_outputs(hostile_result, tmp_path)
    return tmp_path / "report.html"
