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
MIN_JACCARD = 0.08
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


def main_weekday(doc: Document) -> int | None:
    """The weekday (1 = Monday) the report's unanchored weekday mentions name most often."""
    counts = Counter(
        int(m.group(1)) for t in doc.timexes if (m := _WEEKDAY.match(t.value)) is not None
    )
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def date_from_neighbours(
    doc: Document, dated: Sequence[tuple[Document, frozenset[str]]]
) -> NeighbourDate | None:
    """The publication date of an undated report, from its most similar dated neighbour."""
    weekday = main_weekday(doc)
    if weekday is None:
        return None
    mine = names(doc.text)
    best: tuple[float, Document] | None = None
    for other, theirs in dated:
        shared = len(mine & theirs)
        if shared < MIN_SHARED_NAMES:
            continue
        score = shared / len(mine | theirs)
        if score >= MIN_JACCARD and (best is None or score > best[0]):
            best = (score, other)
    if best is None:
        return None
    score, other = best
    assert other.publication_date is not None
    anchor = other.publication_date
    candidates = [
        anchor + dt.timedelta(days=shift)
        for shift in range(-MAX_SHIFT_DAYS, MAX_SHIFT_DAYS + 1)
        if (anchor + dt.timedelta(days=shift)).isoweekday() == weekday
    ]
    if not candidates:
        return None
    # the report's own "today" is the named weekday nearest to the neighbour's date
    day = min(candidates, key=lambda d: (abs((d - anchor).days), d > anchor))
    return NeighbourDate(day, other.id, anchor, round(score, 3))
