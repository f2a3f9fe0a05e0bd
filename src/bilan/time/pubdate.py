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
from collections.abc import Callable, Iterable

from bilan.records import Document, TimeMention
from bilan.time.find import DateParts, date_parts, year_mentions
from bilan.time.lexicon import TimeLexicon
from bilan.time.resolve import tense_direction

_CLOCK = re.compile(r"\s*,?\s*(?:[01]?\d|2[0-3])[:.h][0-5]\d")
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


def choose_year(candidates: list[int], lower: int | None, strict: bool = False,
                offices: list[tuple[tuple[int, int | None], ...]] | None = None,
                today: dt.date | None = None,
                cost: Callable[[int], int] | None = None) -> int | None:
    """The year among ``candidates`` (oldest first) the text's other evidence points to.

    ``lower`` is the latest year the text mentions (``strict``: a span that lasts until the
    report, "depuis 2011", so the report is later). ``offices`` are the terms in office of
    people the text names: the years most of them cover are kept; then those of least
    ``cost`` (how far back the weekdays the text names fall). Among what remains, the
    earliest (the closest above the lower bound) wins; without any year evidence a single
    candidate is kept, several give None: a missing date is better than a wrong one.
    """
    if not candidates:
        return None
    pool = list(candidates)
    if lower is not None:
        pool = [y for y in pool if y > lower or (y == lower and not strict)]
    if offices:
        last = (today or dt.date.today()).year
        votes = {y: sum(any(a <= y <= (b if b is not None else last) for a, b in terms)
                        for terms in offices) for y in pool}
        best = max(votes.values(), default=0)
        if best > 0:
            pool = [y for y in pool if votes[y] == best]
    if cost is not None and pool:
        least = min(cost(y) for y in pool)
        pool = [y for y in pool if cost(y) == least]
    if not pool:
        return None
    if len(pool) == 1:
        return pool[0]
    if lower is not None and not (pool[0] > lower + 1 and pool[1] - pool[0] <= 2):
        # (near years far above the bound: the bound does not tell them apart)
        return pool[0]
    return None


class _Evidence:
    def __init__(self, doc: Document, timexes: list[TimeMention], lex: TimeLexicon,
                 today: dt.date) -> None:
        self.doc = doc
        self.lex = lex
        self.today = today
        body = [t for t in timexes if t.start >= doc.body_start]
        self.body = body
        years = [(y, s) for y, s in year_mentions(doc.text, timexes, lex) if y <= today.year]
        self.lower: int | None = max((y for y, _ in years), default=None)
        self.strict = any(y == self.lower and s for y, s in years)
        self.offices = lex.office_years(doc.text)
        # weekdays the body names (no day number with them), in order, and their tense
        self.weekdays: list[int] = []
        self.past_weekdays: list[int] = []
        self.first_past_weekday: TimeMention | None = None
        self.dated: list[tuple[TimeMention, DateParts]] = []
        self.dated_anywhere: list[tuple[TimeMention, DateParts]] = []
        # what each expression says of a date (the same words often come back: read once)
        said: dict[str, DateParts | None] = {}
        for t in timexes:
            if t.text not in said:
                said[t.text] = date_parts(t.text, lex)
            p = said[t.text]
            if p is not None and p.day is not None and p.month is not None:
                self.dated_anywhere.append((t, p))
        for t in body:
            p = said[t.text]
            if p is None:
                continue
            if p.day is not None and p.month is not None:
                self.dated.append((t, p))
            elif p.weekday is not None and p.day is None:
                self.weekdays.append(p.weekday)
                if self.tense(t) <= 0:
                    self.past_weekdays.append(p.weekday)
                    if self.first_past_weekday is None:
                        self.first_past_weekday = t

    def tense(self, t: TimeMention) -> int:
        left = self.doc.text[max(0, t.start - 80) : t.start]
        cut = [m.end() for m in re.finditer(r"[.!?;\n]", left)]
        if cut:
            left = left[cut[-1] :]
        right = self.doc.text[t.end : t.end + 40]
        return tense_direction(left, right, self.lex.future_cues, self.lex.past_cues, 0)

    def choose(self, candidates: list[int],
               cost: Callable[[int], int] | None = None) -> int | None:
        return choose_year(candidates, self.lower, self.strict, self.offices, self.today, cost)

    def weekday_cost(self, day: dt.date) -> int:
        """Days back from ``day`` to each weekday the text names in the past: a report names
        the days just before it ("mercredi soir ... a déclaré jeudi")."""
        return sum((day.isoweekday() - w) % 7 for w in self.past_weekdays)

    def year_for(self, p: DateParts, own_day: bool) -> tuple[int | None, str]:
        """Year for a day and month, from weekday agreement and the year evidence.

        ``own_day``: the date is the report's own (a dateline), so the weekdays the text
        names are likely to include its weekday.
        """
        assert p.month is not None and p.day is not None
        if p.weekday is not None:
            return self.choose(candidate_years(p.month, p.day, [p.weekday], self.today)), "weekday"
        month, day = p.month, p.day

        def cost(year: int) -> int:
            return self.weekday_cost(dt.date(year, month, day))

        if own_day and self.weekdays:
            # the report names its own day ("a déclaré jeudi", "said on Friday")
            y = self.choose(candidate_years(p.month, p.day, set(self.weekdays), self.today), cost)
            if y is not None:
                return y, "weekday"
        anchors = self.anchors()
        if anchors:
            # the nearest date the text fixes ("le 19 février 2017 ... le 17 mars")
            def gap(y: int) -> int:
                d = _full(DateParts(y, p.month, p.day, None))
                return min(abs((d - a).days) for a in anchors) if d else 10**6
            base = min(anchors, key=lambda a: abs(a.month - p.month)).year  # type: ignore[operator]
            y = min((base - 1, base, base + 1), key=gap)
            if _full(DateParts(y, p.month, p.day, None)) is not None:
                return y, "text"
        return self.choose(candidate_years(p.month, p.day, None, self.today)), "years"

    def anchors(self) -> list[dt.date]:
        """Dates the text fixes fully: with their year, or a weekday that picks the year."""
        out: list[dt.date] = []
        for _, q in self.dated_anywhere:
            if q.year is not None:
                d = _full(q)
            elif q.weekday is not None and q.month is not None and q.day is not None:
                y = self.choose(candidate_years(q.month, q.day, [q.weekday], self.today))
                d = _full(DateParts(y, q.month, q.day, None)) if y is not None else None
            else:
                d = None
            if d is not None and d <= self.today:
                out.append(d)
        return out

    def stamp(self) -> dt.date | None:
        """A wire page's time stamp near the top: "TRIPOLI | Mon Feb 21 , 2011 7:47 pm GMT"."""
        for t in self.all_dated():
            tm, p = t
            if tm.start > 600:
                break
            if p.year is None or not _CLOCK.match(self.doc.text, tm.end):
                continue
            d = _full(p)
            if d is not None and (p.weekday is None or d.isoweekday() == p.weekday):
                return d
        return None

    def all_dated(self) -> list[tuple[TimeMention, DateParts]]:
        return self.dated_anywhere

    def dateline(self) -> dt.date | None:
        span = self.doc.dateline_date
        if span is None:
            return None
        p = date_parts(span.text, self.lex)
        if p is None or p.month is None or p.day is None:
            return None
        if p.year is None:
            p.year, _ = self.year_for(p, own_day=True)
        return _full(p)

    def in_office(self, year: int) -> bool:
        """Whether ``year`` is one of those most of the office holders the text names cover
        (True when it names none the data knows): page furniture dated years later is not
        the news."""
        if not self.offices:
            return True

        def votes(y: int) -> int:
            return sum(any(a <= y <= (b if b is not None else self.today.year) for a, b in terms)
                       for terms in self.offices)

        top = max(votes(y) for y in range(self.today.year - LOOKBACK_YEARS, self.today.year + 1))
        return votes(year) == top

    def latest_explicit(self) -> dt.date | None:
        """The latest past day the body dates with its year ("le 15 octobre 2016")."""
        best: dt.date | None = None
        for t, p in self.dated:
            d = _full(p) if p.year is not None else None
            if d is None or d > self.today or self.tense(t) > 0:
                continue
            if p.weekday is not None and d.isoweekday() != p.weekday:
                continue
            if best is None or d > best:
                best = d
        return best

    def interval_after_news_day(self) -> int:
        """Days the sentence of the news day puts between it and the dated event: "a reconnu
        samedi, plus d'une semaine après les faits" -> 8 (at least a week, and more)."""
        w = self.first_past_weekday
        if w is None:
            return 0
        text = self.doc.text
        starts = [m.end() for m in re.finditer(r"[.!?\n]", text[: w.start])]
        lo = starts[-1] if starts else 0
        end = re.search(r"[.!?\n]", text[w.end :])
        hi = w.end + end.start() if end else len(text)
        for t in self.body:
            if not (lo <= t.start and t.end <= hi and t.type == "DURATION"):
                continue
            m = re.fullmatch(r"P(\d+)([DW])", t.value)
            if m is None or not self.lex.interval_after.match(text[t.end : t.end + 12]):
                continue
            days = int(m[1]) * (7 if m[2] == "W" else 1)
            more = self.lex.more_than_before.search(text[max(0, t.start - 12) : t.start])
            return days + (1 if more else 0)
        return 0

    def content(self) -> dt.date | None:
        """The report's day from the dates the text gives: the latest day it dates in the past
        or present (never a future plan), moved on to the latest weekday the text names in the
        past within the following week: the first weekday the body names, the news day ("the
        toll rose to 160 on Sunday ... late on Friday, June 4")."""
        best: dt.date | None = None
        for t, p in self.dated:
            left = self.doc.text[max(0, t.start - 80) : t.start]
            right = self.doc.text[t.end : t.end + 40]
            if tense_direction(left, right, self.lex.future_cues, self.lex.past_cues) > 0:
                continue
            q = DateParts(p.year, p.month, p.day, p.weekday)
            if q.year is None:
                q.year, _ = self.year_for(q, own_day=False)
            d = _full(q)
            if d is not None and d <= self.today and self.in_office(d.year) and (
                    best is None or d > best):
                best = d
        if best is None:
            return None
        if not self.past_weekdays:
            return best
        # the first weekday the body names is the news day: the report's day or the day before,
        # or later when its sentence says how long after ("plus d'une semaine après")
        best = best + dt.timedelta(days=self.interval_after_news_day())
        moved = best + dt.timedelta(days=(self.past_weekdays[0] - best.isoweekday()) % 7)
        return moved if moved <= self.today else best


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
    d = ev.stamp() or ev.dateline()
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
            if source == "content":
                # the text overrules a full metadata date only with a past day it dates with
                # its year, later than the metadata date (a report tells what happened before)
                explicit = ev.latest_explicit()
                if explicit is None or explicit <= full + dt.timedelta(days=2):
                    return full, "metadata", warnings
                est = explicit
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
