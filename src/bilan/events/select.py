"""The main event of a short text (a monitor's note, a one-sentence news item).

A short snippet tells of one happening; when several triggers compete in it ("militants
attacked a post ... police later arrested two men"), the main event is chosen by how
telling its (sub-)type is, not by which word comes first: a specific weapon or a
territorial change outranks a generic clash, a clash outranks the arrests that followed,
and the catch-all kinds come last. Position only breaks ties.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence

from bilan.records import Document, Event

SHORT_SENTENCES = 6  # a text of at most this many sentences ...
SHORT_CHARS = 1500  # ... and this many characters is a snippet about one happening

# how telling each (sub-)type is as the main event of a snippet (higher wins)
SUB_TYPE_PRIORITY: dict[tuple[str, str], int] = {
    ("Explosions/Remote violence", "Suicide bomb"): 9,
    ("Explosions/Remote violence", "Chemical weapon"): 9,
    ("Explosions/Remote violence", "Air/drone strike"): 8,
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"): 8,
    ("Explosions/Remote violence", "Grenade"): 8,
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"): 7,
    ("Strategic developments", "Disrupted weapons use"): 9,
    ("Battles", "Government regains territory"): 8,
    ("Battles", "Non-state actor overtakes territory"): 8,
    ("Battles", "Armed clash"): 6,
    ("Violence against civilians", "Sexual violence"): 8,
    ("Violence against civilians", "Abduction/forced disappearance"): 7,
    ("Violence against civilians", "Attack"): 5,
    ("Protests", "Excessive force against protesters"): 8,
    ("Protests", "Protest with intervention"): 7,
    ("Protests", "Peaceful protest"): 5,
    # demonstrators who throw stones or burn tyres make a riot, whatever the police did
    # (ACLED: intervention and excessive force are coded only for peaceful protesters)
    ("Riots", "Violent demonstration"): 9,
    ("Riots", "Mob violence"): 8,
    ("Strategic developments", "Non-violent transfer of territory"): 6,
    ("Strategic developments", "Headquarters or base established"): 6,
    ("Strategic developments", "Agreement"): 5,
    ("Strategic developments", "Change to group/activity"): 5,
    ("Strategic developments", "Arrests"): 4,
    ("Strategic developments", "Looting/property destruction"): 4,
    ("Strategic developments", "Other"): 2,
    ("Diplomacy", "Statement"): 1,
}
DEFAULT_PRIORITY = 3  # the other diplomatic kinds
# the most telling kind, except after a violent event told before it: then its sequel
SEQUEL = ("Strategic developments", "Disrupted weapons use")
CHEMICAL = ("Explosions/Remote violence", "Chemical weapon")
AIR_STRIKE = ("Explosions/Remote violence", "Air/drone strike")
TAKEN = frozenset(
    {
        ("Battles", "Non-state actor overtakes territory"),
        ("Battles", "Government regains territory"),
    }
)
REMOTE = "Explosions/Remote violence"
# remote kinds that stay the subject of a note whatever was told before them
STANDALONE = frozenset(
    {
        ("Explosions/Remote violence", "Suicide bomb"),
        ("Explosions/Remote violence", "Chemical weapon"),
    }
)
QUIET_TRANSFER = ("Strategic developments", "Non-violent transfer of territory")
VIOLENT = frozenset(
    {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
)


def is_short(doc: Document) -> bool:
    """The document is a snippet about one happening, not a report of several."""
    return len(doc.sentences) <= SHORT_SENTENCES and len(doc.text) <= SHORT_CHARS


def priority(event: Event) -> int:
    return SUB_TYPE_PRIORITY.get((event.event_type, event.sub_event_type), DEFAULT_PRIORITY)


def first_offset(event: Event) -> int:
    return min((m.start for m in event.mentions), default=0)


def iso_day(value: str | None) -> dt.date | None:
    """The day an ISO date string starts with, None when it names none."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def latest_day(event: Event) -> dt.date | None:
    """The last day the event's date may stand for (the end of its month, week or year)."""
    start = iso_day(event.date)
    if start is None:
        return None
    end = iso_day(event.date_end)
    if end is not None:
        return max(start, end)
    if event.date_precision == "week":
        return start + dt.timedelta(days=6)
    if event.date_precision == "month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if event.date_precision == "year":
        return start.replace(month=12, day=31)
    return start


def told_news(events: Sequence[Event]) -> list[Event]:
    """The events of a snippet that are its news: a note opens with its happening, dated
    to the day; what it tells of a vaguer time wholly before that day (riots "in
    mid-April", attacks "last month" in a note on 3 May) is background, not the subject.
    (An earlier event dated to the day is kept: the first event's own day may be only
    the report's.)"""
    first = min(events, key=first_offset)
    day = iso_day(first.date) if first.date_precision == "day" else None
    if day is None:
        return list(events)
    kept = [
        e
        for e in events
        if e.date_precision == "day" or (last := latest_day(e)) is None or last >= day
    ]
    return kept or list(events)


def main_event(events: Sequence[Event]) -> Event:
    """The event a snippet is about: the most telling kind, the earliest among equals,
    among those that are not background told before the note's day (``told_news``)."""
    if not events:
        raise ValueError("main_event of no events")
    events = told_news(events)
    best = min(events, key=lambda e: (-priority(e), first_offset(e)))
    if (best.event_type, best.sub_event_type) == CHEMICAL:
        # a toxic gas named after a note's air strikes (in a later sentence) is an
        # allegation about them or an earlier attack: the note is about the strikes; told
        # in the strike's own sentence, it is what the strike dropped
        strikes = [e for e in events if (e.event_type, e.sub_event_type) == AIR_STRIKE]
        if strikes and min(map(first_offset, strikes)) < first_offset(best):
            return min(strikes, key=first_offset)
    if (best.event_type, best.sub_event_type) in TAKEN:
        # the same taking told as done without a fight: a non-violent transfer
        quiet = [e for e in events if (e.event_type, e.sub_event_type) == QUIET_TRANSFER]
        if quiet:
            return min(quiet, key=first_offset)
    if best.event_type == REMOTE and (best.event_type, best.sub_event_type) not in STANDALONE:
        # a clash that opens the note is its subject: strikes, shells or a bomb told in a
        # later sentence are what came with it or after it (in the clash's own sentence
        # the weapon is how the fighting was done, and the most telling kind stays)
        clashes = [
            e for e in events if e.event_type == "Battles" and first_offset(e) < first_offset(best)
        ]
        if clashes:
            return min(clashes, key=first_offset)
    if (best.event_type, best.sub_event_type) == SEQUEL:
        # weapons found after a clash or an attack told before them are its sequel
        earlier = [
            e for e in events if e.event_type in VIOLENT and first_offset(e) < first_offset(best)
        ]
        if earlier:
            return min(earlier, key=lambda e: (-priority(e), first_offset(e)))
    return best


def document_main_event(doc: Document | None) -> Event | None:
    """The main event of a document: by priority in a snippet; in a longer report, the
    first violent event it tells of, else its first event."""
    if doc is None or not doc.events:
        return None
    if is_short(doc):
        return main_event(doc.events)
    events = sorted(doc.events, key=first_offset)
    violent = [e for e in events if e.event_type in VIOLENT]
    return (violent or events)[0]
