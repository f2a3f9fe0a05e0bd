"""Dating a report that carries no date of its own from the dated reports beside it.

Some reports name only weekdays ("jeudi", "on Thursday") and no day, month or year, and come
with no metadata. When the same run holds dated reports that tell of the same happenings
(they share enough names: people, places, organisations), the undated report was written
within days of them; its weekdays then fix the day. The result is marked with its source
("neighbour") and a warning naming the report it leans on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from bilan.records import Document

_NAME = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w'’\-]{3,}")
_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])")
# Enough shared names to say two reports tell of the same happenings.
MIN_SHARED_NAMES = 5
# How many of the most similar dated reports propose a day.
MAX_NEIGHBOURS = 3
# Events the undated report must share with dated ones (same type, day, place) to be dated.
MIN_CONFIRMING_EVENTS = 2
# A weekday is resolved to the matching day at most this many days from the neighbour's date.
MAX_SHIFT_DAYS = 3


@dataclass(frozen=True, slots=True)
class NeighbourDate:
    date: dt.date
    neighbour: str
    neighbour_date: dt.date
    similarity: float


def names(text: str) -> frozenset[str]:
    return frozenset(m.group().lower() for m in _NAME.finditer(text))


def _weekdays(doc: Document) -> Counter[int]:
    """How often the report's unanchored weekday mentions name each weekday (1 = Monday)."""
    return Counter(
        int(m.group(1)) for t in doc.timexes if (m := _WEEKDAY.match(t.value)) is not None
    )


def main_weekday(doc: Document) -> int | None:
    """The weekday (1 = Monday) the report's unanchored weekday mentions name most often."""
    counts = _weekdays(doc)
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def neighbour_dates(
    doc: Document, dated: Sequence[tuple[Document, frozenset[str]]], keep: int = MAX_NEIGHBOURS
) -> list[NeighbourDate]:
    """Days the undated report may have been written, one per similar dated report.

    The report's most named weekday, read against each of its ``keep`` most similar dated
    neighbours (they share names: people, places, organisations), gives the nearest such
    day. These are proposals: the caller checks them against the events the reports share.
    """
    weekday = main_weekday(doc)
    if weekday is None:
        return []
    mine = names(doc.text)
    scored: list[tuple[float, Document]] = []
    for other, theirs in dated:
        shared = len(mine & theirs)
        if shared >= MIN_SHARED_NAMES:
            scored.append((shared / len(mine | theirs), other))
    scored.sort(key=lambda pair: (-pair[0], pair[1].id))
    out: list[NeighbourDate] = []
    for score, other in scored[:keep]:
        assert other.publication_date is not None
        anchor = other.publication_date
        candidates = [
            anchor + dt.timedelta(days=shift)
            for shift in range(-MAX_SHIFT_DAYS, MAX_SHIFT_DAYS + 1)
            if (anchor + dt.timedelta(days=shift)).isoweekday() == weekday
        ]
        # the report's own "today" is the named weekday nearest to the neighbour's date
        day = min(candidates, key=lambda d: (abs((d - anchor).days), d > anchor))
        out.append(NeighbourDate(day, other.id, anchor, round(score, 3)))
    return out


_MONTH_DAY = re.compile(r"^XXXX-(\d\d)-(\d\d)$")


@dataclass(frozen=True, slots=True)
class CalendarDate:
    date: dt.date
    named: str  # the words naming the day ("August 12")
    named_day: dt.date


def calendar_dates(doc: Document, years: Sequence[int]) -> list[CalendarDate]:
    """Days the undated report may have been written, from a day it names by month and day
    but no year ("on August 12") and the weekdays it names.

    ``years``: the years of the run's dated reports, most frequent first. In such a year the
    named day must fall on a weekday the report also names (in another year it would not,
    six times out of seven); the report's "today" is then the first day from the named one
    that falls on the weekday it names most. The named days are tried most named first; the
    first consistent one gives one proposal per year, in the order of ``years``.
    """
    named_weekdays = _weekdays(doc)
    if not named_weekdays or not years:
        return []
    weekday = named_weekdays.most_common(1)[0][0]
    counts: Counter[tuple[int, int]] = Counter()
    words: dict[tuple[int, int], str] = {}
    for t in doc.timexes:
        if (m := _MONTH_DAY.match(t.value)) is not None:
            key = (int(m.group(1)), int(m.group(2)))
            counts[key] += 1
            words.setdefault(key, t.text)
    for (month, day), _ in counts.most_common():
        out: list[CalendarDate] = []
        for year in years:
            try:
                named_day = dt.date(year, month, day)
            except ValueError:
                continue
            if named_day.isoweekday() not in named_weekdays:
                continue
            shift = (weekday - named_day.isoweekday()) % 7  # within the week after it
            out.append(CalendarDate(named_day + dt.timedelta(days=shift), words[(month, day)],
                                    named_day))
        if out:
            return out
    return []
