"""Timeline summarisation (contract §3): a dated, extractive summary built on the events.

Events dated to the day (or week) are grouped by their date; dates are ranked by how much
the reports say about them (events, mentions, documents, fatalities). For each kept date the
summary takes the most informative sentences the reports themselves wrote about its top
events, preferring sentences that carry a casualty claim, and drops near-duplicates told by
several reports. Sentences are copied from the reports, so they stay in their language.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from bilan.records import Document, Event, TimelineEntry
from bilan.timeline.generate import SummaryPhrases, describe, load_phrases

DEFAULT_CAP = 30  # dates kept when the caller does not ask for a number
DUPLICATE_OVERLAP = 0.6  # word-set overlap above which two sentences tell the same thing
MIN_SENTENCE_CHARS = 25
MAX_SENTENCE_CHARS = 400

_WORD = re.compile(r"\w+", re.UNICODE)
_DIGIT = re.compile(r"\d")
_BULLET = re.compile(r"^[\s\-–—•*·>]+")


@dataclass(slots=True)
class _DateGroup:
    date: str
    events: list[Event] = field(default_factory=list)

    @property
    def mentions(self) -> int:
        return sum(len(e.mentions) for e in self.events)

    @property
    def documents(self) -> list[str]:
        seen: dict[str, None] = {}
        for event in self.events:
            for doc in event.documents or [m.document for m in event.mentions]:
                seen.setdefault(doc, None)
        return sorted(seen)

    @property
    def fatalities(self) -> int:
        return sum(_fatalities(e) for e in self.events)

    def importance(self) -> float:
        return (
            len(self.events)
            + 0.5 * self.mentions
            + len(self.documents)
            + math.log1p(self.fatalities)
        )

    def selected_by_default(self) -> bool:
        return self.mentions >= 2 or any(e.event_type != "Diplomacy" for e in self.events)


def _fatalities(event: Event) -> int:
    fat = event.fatalities or {}
    for key in ("best", "low", "high"):
        value = fat.get(key)
        if value is not None:
            return int(value)
    return 0


def date_key(event: Event) -> str | None:
    """The day an event is filed under; None when undated or known only to the month or year.

    A timeline is a list of days: an event known only as "in April" would sit on an arbitrary
    first of the month and crowd out days the reports do pin down.
    """
    if not event.date or event.date_precision not in ("day", "week"):
        return None
    return event.date[:10]


def clean_sentence(text: str) -> str:
    """Collapse whitespace and drop list bullets."""
    return _BULLET.sub("", " ".join(text.split())).strip()


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) > 2 or w.isdigit()}


def is_near_duplicate(text: str, kept: Iterable[str]) -> bool:
    words = _words(text)
    if not words:
        return True
    for other in kept:
        other_words = _words(other)
        if not other_words:
            continue
        overlap = len(words & other_words) / min(len(words), len(other_words))
        if overlap >= DUPLICATE_OVERLAP:
            return True
    return False


def _sentence_around(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) covering ``[start, end)``; the span itself when sentences are unknown."""
    first = doc.sentence_index(start)
    last = doc.sentence_index(max(start, end - 1))
    if first < 0 or last < 0:
        return start, end
    lo, hi = doc.sentences[first].start, doc.sentences[last].end
    # a sentence that opens the body keeps the wire dateline ("PARIS, 3 mai (AFP) -"): cut it
    if doc.dateline is not None and lo <= doc.dateline.start < hi and doc.dateline.end < hi:
        lo = max(lo, doc.dateline.end)
    return lo, hi


@dataclass(slots=True)
class _Candidate:
    text: str
    score: float
    order: tuple[int, str, int]  # event rank, document, offset: ties broken stably


def _candidates(event: Event, rank: int, docs: dict[str, Document]) -> list[_Candidate]:
    spans: dict[tuple[str, int, int], None] = {}
    for claim in event.claims:
        spans.setdefault((claim.document, claim.start, claim.end), None)
    for mention in event.mentions:
        spans.setdefault((mention.document, mention.start, mention.end), None)
    claim_spans = [(c.document, c.start, c.end) for c in event.claims]
    found: list[_Candidate] = []
    seen: set[tuple[str, int, int]] = set()
    for doc_id, start, end in spans:
        doc = docs.get(doc_id)
        if doc is None:
            continue
        lo, hi = _sentence_around(doc, start, end)
        if (doc_id, lo, hi) in seen:
            continue
        seen.add((doc_id, lo, hi))
        text = clean_sentence(doc.text[lo:hi])
        if len(text) < MIN_SENTENCE_CHARS or len(text) > MAX_SENTENCE_CHARS:
            continue
        has_claim = any(d == doc_id and lo <= s and e <= hi for d, s, e in claim_spans)
        score = (
            3.0 * has_claim
            + 1.0 * bool(_DIGIT.search(text))
            + (event.location is not None and event.location.name.lower() in text.lower())
            + min(len(text), 250) / 250  # longer sentences tell more, up to a point
            - 0.2 * (lo > doc.body_start + 600)  # the lead of a report says the essential
        )
        found.append(_Candidate(text, score, (rank, doc_id, lo)))
    return found


def summarise(
    group_events: list[Event],
    docs: dict[str, Document],
    k: int,
    phrases: SummaryPhrases | None = None,
) -> list[str]:
    """Up to ``k`` sentences for the events of one date.

    With ``phrases`` (a summary language was asked for), only sentences of reports in that
    language are copied; events told only in other languages are described from their
    records (:func:`bilan.timeline.generate.describe`).
    """
    events = sorted(
        group_events,
        key=lambda e: (-_fatalities(e), -len(e.claims), -len(e.mentions), e.id),
    )
    candidates: list[_Candidate] = []
    for rank, event in enumerate(events):
        candidates.extend(
            c
            for c in _candidates(event, rank, docs)
            if phrases is None or docs[c.order[1]].language == phrases.lang
        )
    # the best sentence of each top event first, then the rest by score
    candidates.sort(key=lambda c: (c.order[0], -c.score, c.order[1], c.order[2]))
    firsts: list[_Candidate] = []
    rest: list[_Candidate] = []
    last_rank = -1
    for cand in candidates:
        (firsts if cand.order[0] != last_rank else rest).append(cand)
        last_rank = cand.order[0]
    rest.sort(key=lambda c: (-c.score, c.order))
    summary: list[str] = []
    covered: set[int] = set()
    for cand in firsts + rest:
        if len(summary) >= k:
            break
        if not is_near_duplicate(cand.text, summary):
            summary.append(cand.text)
            covered.add(cand.order[0])
    if phrases is not None:
        for rank, event in enumerate(events):
            if len(summary) >= k:
                break
            if rank in covered:
                continue
            text = describe(event, phrases)
            if not is_near_duplicate(text, summary):
                summary.append(text)
    return summary


def build_timeline(
    events: list[Event],
    documents: list[Document],
    max_dates: int | None = None,
    sentences_per_date: int = 2,
    summary_lang: str | None = None,
) -> list[TimelineEntry]:
    """Dated summaries of the events, in chronological order (contract §3).

    ``max_dates``: keep the most important dates; ``None`` keeps every date with at least one
    non-Diplomacy event or two mentions, at most :data:`DEFAULT_CAP`. ``summary_lang``: write
    the summaries in that language (reports in other languages are described from records).
    """
    groups: dict[str, _DateGroup] = {}
    for event in events:
        key = date_key(event)
        if key is not None:
            groups.setdefault(key, _DateGroup(key)).events.append(event)
    ranked = sorted(groups.values(), key=lambda g: (-g.importance(), g.date))
    if max_dates is None:
        ranked = [g for g in ranked if g.selected_by_default()][:DEFAULT_CAP]
    else:
        ranked = ranked[: max(max_dates, 0)]
    docs = {d.id: d for d in documents}
    phrases = load_phrases(summary_lang) if summary_lang else None
    timeline: list[TimelineEntry] = []
    for group in sorted(ranked, key=lambda g: g.date):
        ordered = sorted(group.events, key=lambda e: (-_fatalities(e), e.id))
        timeline.append(
            TimelineEntry(
                date=group.date,
                summary=summarise(group.events, docs, max(sentences_per_date, 0), phrases),
                events=[e.id for e in ordered],
                documents=group.documents,
            )
        )
    return timeline
