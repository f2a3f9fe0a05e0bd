"""The typed records every stage shares.

This module is the only cross-stage import: a stage reads fields of a
:class:`Document` that earlier stages wrote and writes its own. Every span of
evidence keeps character offsets into ``Document.text`` with
``text == document.text[start:end]``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Granularity = Literal["day", "week", "month", "year", "season", "decade", "century"]
Precision = Literal["district", "city", "admin1", "country", "region"]
ClaimKind = Literal["killed", "injured", "missing", "displaced", "arrested", "other"]


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of a document's text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class TimeMention:
    """A temporal expression (TIMEX3) found in a document."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str  # TimeML value: "2016-09-22", "2016-09-22TEV", "P7D", "XXXX-WXX-1" ...
    granularity: str | None = None  # day, week, month, year, ... (DATE/TIME only)
    anchored: bool = True  # resolved against the report's date (False: no anchor was known)
    # for spans ("depuis le 15 novembre"): the ISO dates the span covers
    range_start: str | None = None
    range_end: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved location (a gazetteer entry)."""

    name: str  # English name used in outputs ("Aleppo")
    country: str  # English country name ("Syria")
    country_code: str  # ISO 3166-1 alpha-2
    admin1: str | None
    lat: float
    lon: float
    precision: Precision
    gazetteer_id: str  # "geonames:170063" or "bilan:aleppo-bustan-al-qasr"
    parent: str | None = None  # English name of the containing city for districts


@dataclass(slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place
    demonym: bool = False  # "syrien", "Russian": the country by adjective, not an event place
    # governed by a locative preposition ("in", "near", "south of", "à", "près de"), maybe
    # through a kind word ("in the village of X", "dans la province de X")
    locative: bool = False
    # named only to situate another place or to say where something was said ("à 800 km de
    # Tripoli", "20 miles west of X", "told reporters in Tripoli"): not where an event happened
    reference: bool = False
    # a nationwide phrase ("dans tout le pays", "across the country", "à travers l'Egypte"):
    # the event is spread over the whole country, ``place`` is that country
    nationwide: bool = False


@dataclass(slots=True)
class ActorMention:
    """A named actor or claimant found in the text, normalised to a canonical name."""

    start: int
    end: int
    text: str
    name: str  # canonical ACLED-style name ("Military Forces of Syria")
    category: str  # state_forces, rebels, civilians, monitor, rescue, hospital, media, ...
    can_claim: bool = False  # may give figures (monitors, hospitals, officials ...)
    can_act: bool = True  # may be actor1/actor2 of an event
    person: str | None = None  # the named person speaking for ``name`` ("Rami Abdel Rahmane")
    # how outputs name it when it gives a figure ("Hospital director Hamza al Khatib")
    claimant: str | None = None


@dataclass(slots=True)
class Claim:
    """One figure given by one claimant (or by the report itself when claimant is None)."""

    kind: ClaimKind
    low: int
    high: int | None  # None: open-ended ("more than 70")
    qualifier: str  # exact, at_least, more_than, about, up_to, tens, dozens, hundreds, ...
    victims: str  # people, civilians, children, rebels, ...
    claimant: str | None
    document: str
    start: int
    end: int
    text: str
    what: str | None = None  # for kind == "other": what is counted ("buildings destroyed")
    provisional: bool = False
    updated: bool = False  # "nouveau bilan", "new toll"
    cumulative: bool = False  # a period or war-wide total, not one event's toll
    sentence: int = -1  # index into Document.sentences

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("sentence")
        return data


@dataclass(slots=True)
class Mention:
    """Evidence that a document tells of an event."""

    document: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Event:
    """One real-world happening, as told by one document or merged over several."""

    event_type: str  # ACLED event type, or "Diplomacy"
    sub_event_type: str
    date: str | None  # ISO date (start of the span)
    date_end: str | None = None
    date_precision: str = "day"
    location: Place | None = None
    actor1: str | None = None
    actor2: str | None = None
    assoc_actor_1: list[str] = field(default_factory=list)
    assoc_actor_2: list[str] = field(default_factory=list)
    target: str | None = None
    plover: str | None = None
    trigger: Span | None = None
    claims: list[Claim] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    fatalities: dict[str, int | None] = field(default_factory=dict)
    id: str = ""
    notes: str = ""


@dataclass(slots=True)
class Happening:
    """A happening that is not political violence (a flood, a plane crash, a drug haul),
    told in a sentence that gives no conflict event: the words that tell of it."""

    kind: str  # natural_disaster | man_made_disaster | crime
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Reject:
    """An input that could not be processed, with the reason."""

    input: str  # file path, "path:line" for JSON Lines, or document id
    reason: str
    stage: str = "ingest"
    document: str | None = None


@dataclass(slots=True)
class Document:
    """One news report, as it flows through the stages.

    Ingest fills the identity and the text; each later stage fills its fields.
    """

    id: str
    text: str
    source: str  # where it came from: a path, "path:line", "-:line"
    # what the input itself said (JSON Lines fields, HTML metadata)
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # metadata date as given (may be wrong, may be partial)
    published_origin: str | None = None  # where that date came from: jsonl, html, filename, url
    language_hint: str | None = None
    # layout (wire-report structure)
    headline: Span | None = None
    bullets: list[Span] = field(default_factory=list)
    byline: Span | None = None
    authors: list[str] = field(default_factory=list)
    dateline: Span | None = None
    dateline_place: Span | None = None
    dateline_date: Span | None = None
    credits: Span | None = None
    metadata_lines: list[Span] = field(default_factory=list)
    body_start: int = 0  # offset where the running text starts
    # language
    language: str | None = None
    language_confidence: float | None = None
    # sentences
    sentences: list[Span] = field(default_factory=list)
    # time
    timexes: list[TimeMention] = field(default_factory=list)
    publication_date: dt.date | None = None
    publication_date_source: str | None = None
    # places, actors
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    # claims and events
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # non-conflict happenings (events.happenings): why a report may give no event
    happenings: list[Happening] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def span(self, start: int, end: int) -> Span:
        """The span of this document between two offsets."""
        return Span(start, end, self.text[start:end])

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence that contains ``offset`` (-1 when none does)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return -1


@dataclass(slots=True)
class TimelineEntry:
    date: str
    summary: list[str]
    events: list[str]
    documents: list[str]


@dataclass(slots=True)
class RunResult:
    documents: list[Document]
    events: list[Event]
    rejects: list[Reject]
    timeline: list[TimelineEntry]
