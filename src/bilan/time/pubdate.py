"""The date a report was written, from its metadata, dateline and content, cross-checked.

Sources, in order of trust when they agree: the metadata date (``doc.published``, or a stray
metadata line), the dateline ("BEYROUTH, 23 septembre (Reuters) -"), explicit dates in the
text, and the weekdays the text names. Wire datelines and leads rarely print the year: it is
inferred from the weekday the text gives the day ("vendredi" in a "23 septembre" report
means a year where 23 September is a Friday), taking the earliest such year not before the
latest year the text mentions ("depuis 2012") and not after today.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from bilan.records import Document, TimeMention
from bilan.time.find import DateParts, date_parts, year_mentions
from bilan.time.lexicon import TimeLexicon
from bilan.time.resolve import tense_direction

_META = re.compile(
    r"(?<!\d)(1[5-9]\d\d|20\d\d)(?:[-/.](0[1-9]|1[0-2])(?:[-/.](0[1-9]|[12]\d|3[01]))?)?"
)
LOOKBACK_YEARS = 40


def parse_metadata_date(value: str) -> DateParts | None:
    """An ISO-like date "2016-09-23", "2022-03", "2016-09-23T10:00Z" (parts may be missing)."""
    m = _META.search(value)
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    return DateParts(int(y), int(mo) if mo else None, int(d) if d else None, None)


def _full(p: DateParts | None) -> dt.date | None:
    if p is None or p.year is None or p.month is None or p.day is None:
        return None
    try:
        return dt.date(p.year, p.month, p.day)
    except ValueError:
        return None


def _show(p: DateParts) -> str:
    out = f"{p.year:04d}" if p.year else "XXXX"
    if p.month:
        out += f"-{p.month:02d}"
        if p.day:
            out += f"-{p.day:02d}"
    return out


def candidate_years(month: int, day: int, weekdays: Iterable[int] | None,
                    today: dt.date) -> list[int]:
    """Years (oldest first, up to today) where day/month exists and falls on one of ``weekdays``."""
    wanted = set(weekdays) if weekdays is not None else None
    years = []
    for year in range(today.year - LOOKBACK_YEARS, today.year + 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if d > today:
            continue
        if wanted is None or d.isoweekday() in wanted:
            years.append(year)
    return years


def choose_year(candidates: list[int], lower: int | None) -> int | None:
    """The earliest candidate not before ``lower`` (the latest year the text mentions)."""
    if not candidates:
        return None
    if lower is None:
        return None if len(candidates) > 1 else candidates[0]
    later = [y for y in candidates if y >= lower]
    return later[0] if later else None


class _Evidence:
    def __init__(self, doc: Document, timexes: list[TimeMention], lex: TimeLexicon,
                 today: dt.date) -> None:
        self.doc = doc
        self.lex = lex
        self.today = today
        body = [t for t in timexes if t.start >= doc.body_start]
        self.body = body
        years = [y for y in year_mentions(doc.text, timexes, lex) if y <= today.year]
        self.lower = max(years) if years else None
        # weekdays the body names (no day number with them), in order
        self.weekdays: list[int] = []
        self.dated: list[tuple[TimeMention, DateParts]] = []
        for t in body:
            p = date_parts(t.text, lex)
            if p is None:
                continue
            if p.day is not None and p.month is not None:
                self.dated.append((t, p))
            elif p.weekday is not None and p.day is None:
                self.weekdays.append(p.weekday)

    def year_for(self, p: DateParts) -> tuple[int | None, str]:
        """Year for a day and month, from weekday agreement and the year lower bound."""
        assert p.month is not None and p.day is not None
        if p.weekday is not None:
            return choose_year(candidate_years(p.month, p.day, [p.weekday], self.today),
                               self.lower), "weekday"
        # pairs elsewhere in the text that fix the year ("samedi 24 septembre")
        for _, q in self.dated:
            if q.weekday is not None and q.month is not None and q.day is not None:
                if q.year is not None:
                    return q.year, "text"
                y = choose_year(candidate_years(q.month, q.day, [q.weekday], self.today),
                                self.lower)
                if y is not None:
                    return y, "weekday"
        # the lead's weekday is the dateline's day; then any weekday named
        for pool in (self.weekdays[:1], self.weekdays):
            if not pool:
                continue
            y = choose_year(candidate_years(p.month, p.day, pool, self.today), self.lower)
            if y is not None:
                return y, "weekday"
        return None, "none"

    def dateline(self) -> dt.date | None:
        span = self.doc.dateline_date
        if span is None:
            return None
        p = date_parts(span.text, self.lex)
        if p is None or p.month is None or p.day is None:
            return None
        if p.year is None:
            p.year, _ = self.year_for(p)
        return _full(p)

    def content(self) -> dt.date | None:
        """The latest day the text dates in the past or present (never a future plan)."""
        best: dt.date | None = None
        for t, p in self.dated:
            left = self.doc.text[max(0, t.start - 80) : t.start]
            right = self.doc.text[t.end : t.end + 40]
            if tense_direction(left, right, self.lex.future_cues, self.lex.past_cues) > 0:
                continue
            q = DateParts(p.year, p.month, p.day, p.weekday)
            if q.year is None:
                q.year, _ = self.year_for(q)
            d = _full(q)
            if d is not None and d <= self.today and (best is None or d > best):
                best = d
        return best


def resolve_publication_date(
    doc: Document, timexes: list[TimeMention], lexicon: TimeLexicon,
    today: dt.date | None = None,
) -> tuple[dt.date | None, str, list[str]]:
    """(date, source, warnings): source is metadata, dateline, content, weekday-consistency
    or none. ``timexes`` are the document's expressions found without an anchor."""
    today = today or dt.date.today()
    warnings: list[str] = []
    ev = _Evidence(doc, timexes, lexicon, today)
    meta: DateParts | None = parse_metadata_date(doc.published) if doc.published else None
    if meta is None:
        for span in doc.metadata_lines:
            meta = parse_metadata_date(span.text) or date_parts(span.text, lexicon)
            if meta is not None and meta.year is not None:
                break
            meta = None
    content: tuple[dt.date, str] | None = None
    d = ev.dateline()
    if d is not None:
        content = (d, "dateline")
    else:
        d = ev.content()
        if d is not None:
            content = (d, "content")
    if meta is not None and meta.year is not None:
        full = _full(meta)
        if content is None:
            if full is not None:
                return _weekday_check(full, ev, warnings)
            # a partial metadata date and a dateline without a year the text can fix
            p = date_parts(doc.dateline_date.text, lexicon) if doc.dateline_date else None
            if p and p.month and p.day and (meta.month in (None, p.month)):
                d = _full(DateParts(meta.year, p.month, p.day, None))
                if d is not None:
                    return d, "dateline", warnings
            d = dt.date(meta.year, meta.month or 1, 1)
            warnings.append(f"metadata date {_show(meta)} is partial; using {d.isoformat()}")
            return d, "metadata", warnings
        est, source = content
        if full is not None:
            # a year the content inferred may be off by a weekday cycle: compare day and month
            same_year = _full(DateParts(full.year, est.month, est.day, None)) or est
            if abs((full - same_year).days) <= 2:
                return full, "metadata", warnings
        if full is None and meta.year == est.year and meta.month in (None, est.month):
            return est, source, warnings
        if full is None and meta.month in (None, est.month) and doc.dateline_date is not None:
            # the dateline has no year: the metadata's year, when the weekdays allow it
            p = date_parts(doc.dateline_date.text, lexicon)
            if p and p.year is None and p.month and p.day:
                pool = ev.weekdays[:1] or None
                if meta.year in candidate_years(p.month, p.day, pool, today):
                    d = _full(DateParts(meta.year, p.month, p.day, None))
                    if d is not None:
                        return d, "dateline", warnings
        warnings.append(f"metadata date {_show(meta)} contradicts content; using {est.isoformat()}")
        return est, source, warnings
    if content is not None:
        return content[0], content[1], warnings
    return None, "none", warnings


def _weekday_check(full: dt.date, ev: _Evidence,
                   warnings: list[str]) -> tuple[dt.date, str, list[str]]:
    """A metadata timestamp a day after the events of a report written the evening before."""
    if ev.weekdays and full.isoweekday() not in ev.weekdays:
        day_before = full - dt.timedelta(days=1)
        if ev.weekdays[0] == day_before.isoweekday():
            warnings.append(
                f"metadata date {full.isoformat()} is not a weekday the text names; "
                f"using {day_before.isoformat()}"
            )
            return day_before, "weekday-consistency", warnings
    return full, "metadata", warnings
