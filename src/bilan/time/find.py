"""Find temporal expressions (TIMEX3) in a text and resolve them against the report's date.

:func:`find_timexes` is language-neutral: the words come from a :class:`TimeLexicon`.
With ``dct=None`` the expressions are still found, with underspecified values
("XXXX-09-23", "XXXX-WXX-5") and ``anchored=False``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from bilan.records import TimeMention, TimexType
from bilan.time.lexicon import TimeLexicon
from bilan.time.resolve import (
    closest_month_year,
    closest_year,
    holiday_date,
    iso_week,
    season_year,
    shift_month,
    tense_direction,
    weekday_date,
)

_SENT_BREAK = re.compile(r"[.!?;\n]")
# nothing but an opening word (a preposition, a quote) before an expression that starts a
# sentence
_FRONTED = re.compile(r"\W*(?:\w{1,5}\W+)?")
# between a clock time and its day: nothing, "on", or a time zone ("5 p.m. EST, Nov. 6")
_CLOCK_DAY_GAP = re.compile(r"\s*(?:[A-Z]{2,4}\s*,?\s*)?(?:on\s+|le\s+)?")


@dataclass(slots=True)
class DateParts:
    """What an expression says about a calendar date (any part may be missing)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # ISO 1 = Monday


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    type: TimexType
    value: str
    granularity: str | None
    anchored: bool
    parts: DateParts | None = None
    range_start: str | None = None
    range_end: str | None = None
    qshift: int | None = None  # a quarter named relative to the one under discussion
    year_ago: bool = False  # "a year ago": the same quarter a year before, in a quarter context


def _latest_full_quarter(d: dt.date) -> tuple[int, int]:
    q = (d.month - 1) // 3  # the current quarter is q + 1
    return (d.year, q) if q else (d.year - 1, 4)


def _shift_quarter(year: int, q: int, n: int) -> tuple[int, int]:
    idx = year * 4 + (q - 1) + n
    return idx // 4, idx % 4 + 1


def period(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a resolved TimeML date value covers ("2016-11" -> November)."""
    try:
        if m := re.match(r"(\d{4})-(\d\d)-(\d\d)", value):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            first = monday + dt.timedelta(days=5) if m[3] else monday
            return first, monday + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
            y, mo = int(m[1]), int(m[2])
            nxt = dt.date(y + mo // 12, mo % 12 + 1, 1)
            return dt.date(y, mo, 1), nxt - dt.timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})", value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def _g(m: re.Match[str], name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _titled(phrase: str) -> bool:
    """Whether several words all start with a capital ("This Week", "Next Year"): the title
    of a show or a book, not a time (a phrase in capitals throughout is a headline)."""
    words = phrase.split()
    return len(words) > 1 and not phrase.isupper() and all(w[:1].isupper() for w in words)


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def _year_of(m: re.Match[str]) -> int | None:
    """The year a date names: four digits, or two right after the month ("octobre 98")."""
    if m["year"]:
        return int(m["year"])
    y2 = _g(m, "y2")
    return _two_digit_year(y2.lstrip("'’")) if y2 else None


def _two_digit_year(y: str) -> int:
    n = int(y)
    if len(y) == 4:
        return n
    return 1900 + n if n >= 30 else 2000 + n


def _safe_date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 29 February
        return dt.date(year, month, 28)


def _duration_value(num: float | None, unit: str) -> str:
    q = "X" if num is None else (str(int(num)) if num == int(num) else str(num))
    if unit in ("TH", "TM", "TS"):
        return f"PT{q}{unit[1]}"
    if unit == "Q":
        return f"P{q}Q" if num is None else f"P{int(num * 3) if num == int(num) else q}M"
    if unit in ("DE", "CE") and num is not None and num == int(num):
        # "two decades": TimeML counts them in years (P20Y)
        return f"P{int(num) * (10 if unit == 'DE' else 100)}Y"
    return f"P{q}{unit}"


RuleMatches = tuple[tuple[str, re.Match[str]], ...]


def scan_rules(text: str, lexicon: TimeLexicon) -> RuleMatches:
    """Every match of every rule, rule by rule (independent of the report's date).

    Scanning is most of the cost of :func:`find_timexes`; a caller that resolves the same
    text against several dates scans it once and passes the matches to each call.
    """
    out: list[tuple[str, re.Match[str]]] = []
    for name, pat in lexicon.grammar.rules:
        handler = name.rstrip("0123456789")
        out.extend((handler, m) for m in pat.finditer(text) if m.end() > m.start())
    return tuple(out)


class _Finder:
    def __init__(self, text: str, lex: TimeLexicon, dct: dt.date | None,
                 matches: RuleMatches | None = None) -> None:
        self.text = text
        self.lex = lex
        self.dct = dct
        self.g = lex.grammar
        self.matches = matches

    # --- context -----------------------------------------------------------------------
    def before(self, start: int, width: int = 40) -> str:
        return self.text[max(0, start - width) : start]

    def clause(self, start: int, end: int) -> tuple[str, str]:
        """Text of the same sentence before and after a span (bounded)."""
        left = self.text[max(0, start - 120) : start]
        cut = [m.end() for m in _SENT_BREAK.finditer(left)]
        if cut:
            left = left[cut[-1] :]
        right = self.text[end : end + 50]
        m = re.search(r"[.!?;,\n]", right)
        if m:
            right = right[: m.start()]
        return left, right

    def direction(self, start: int, end: int, default: int = -1) -> int:
        left, right = self.clause(start, end)
        if _FRONTED.fullmatch(left) and self.text[end : end + 1] == ",":
            # "On Tuesday, the league plans to ...": a fronted expression takes the tense of
            # the clause after its comma
            tail = self.text[end + 1 : end + 120]
            cut = _SENT_BREAK.search(tail)
            return self.fronted_direction(tail[: cut.start()] if cut else tail, default)
        if self.lex.past_perfect.search(left) or self.lex.past_perfect.search(right):
            return -1  # "had been due to expire Friday": a past seen from the past
        return tense_direction(left, right, self.lex.future_cues, self.lex.past_cues, default)

    def fronted_direction(self, right: str, default: int) -> int:
        """The tense of the clause after a fronted expression: its first tense cue. A word
        that is both ("planned", "expected") looks ahead only after an auxiliary ("is
        expected to"); alone it is the past of the clause ("the government planned to")."""
        if self.lex.past_perfect.search(right):
            return -1
        first: dict[int, tuple[int, int]] = {}  # direction -> (start, end) of its first cue
        for cues, d in ((self.lex.future_cues, 1), (self.lex.past_cues, -1)):
            for pat in cues:
                m = pat.search(right)
                if m is not None and (d not in first or m.start() < first[d][0]):
                    first[d] = (m.start(), m.end())
        if not first:
            return default
        if len(first) == 2 and first[1] == first[-1]:
            aux = re.search(r"\b(?:is|are|be|been|being|'s|'re)\s+$", right[: first[1][0]])
            return 1 if aux else -1
        return min(first, key=lambda d: first[d][0])

    # --- rules -------------------------------------------------------------------------
    def month_ok(self, m: re.Match[str], word: str, has_context: bool) -> bool:
        w = _norm(word)
        if self.lex.capitalized_months and not word[:1].isupper():
            return False
        if has_context or w not in self.lex.ambiguous_months:
            return True
        return bool(self.g.month_ctx.search(self.before(m.start())))

    def run(self) -> list[_Cand]:
        out: list[_Cand] = []
        matches = self.matches if self.matches is not None else scan_rules(self.text, self.lex)
        for name, m in matches:
            cand = self.build(name, m)
            if cand is not None and cand.end > cand.start:
                out.append(cand)
        selected = self.prefixes(_select(out, self.text))
        return self.spans(self.anchor_times(self.quarters(selected)))

    def prefixes(self, cands: list[_Cand]) -> list[_Cand]:
        """Words before a span that belong to it: "earlier Sunday", "nearly two years"."""
        lex = self.lex
        prev_end = 0
        for c in cands:
            lo = max(prev_end, c.start - 25)
            left = self.text[lo : c.start]
            m = lex.span_prefix.search(left) if c.type in ("DATE", "TIME") else None
            if m is None and self.number_led(c):
                m = lex.quantity_prefix.search(left)
            if m is not None:
                c.start = lo + m.start("w")
            prev_end = c.end
        return cands

    def number_led(self, c: _Cand) -> bool:
        """Whether a span starts with a number ("two years", "1989") or is a quarter."""
        first = self.text[c.start : c.end].split(maxsplit=1)[0].lower().split("-")[0]
        return (first[:1].isdigit() or first in self.lex.number_words
                or c.granularity == "quarter")

    def quarters(self, cands: list[_Cand]) -> list[_Cand]:
        """Quarters of a financial report: "the quarter", "the year-earlier period" are the
        last past quarter the text named (else the last full quarter before the report);
        "a year ago" said in a report about a quarter is that quarter a year before."""
        if self.dct is None:
            return cands
        latest = _latest_full_quarter(self.dct)
        current: tuple[int, int] | None = None
        for c in cands:
            if m := re.fullmatch(r"(\d{4})-Q([1-4])", c.value):
                if c.qshift is None and (int(m[1]), int(m[2])) <= latest:
                    current = (int(m[1]), int(m[2]))
                continue
            if c.qshift is None and not c.year_ago:
                continue
            base = current if current is not None else latest
            if c.qshift is not None:
                text = _norm(self.text[c.start : c.end])
                if text in self.lex.report_quarter_refs:
                    base = latest
                y, q = _shift_quarter(*base, c.qshift)
                c.value, c.type, c.granularity = f"{y}-Q{q}", "DATE", "quarter"
                continue
            left, right = self.clause(c.start, c.end)
            if current is not None or self.g.quarter_word.search(left + " " + right):
                y, q = _shift_quarter(*base, -4)
                c.value, c.granularity = f"{y}-Q{q}", "quarter"
        return cands

    def spans(self, cands: list[_Cand]) -> list[_Cand]:
        """Dates that bound a span: "depuis le 15 novembre" (until the report's day),
        "du 3 au 5 mai", "from May 3 to May 5" (both dates carry the whole span)."""
        if self.dct is None:
            return cands
        lex = self.lex
        for i, c in enumerate(cands):
            if c.type not in ("DATE", "TIME") or (bounds := period(c.value)) is None:
                continue
            left = self.text[max(0, c.start - 30) : c.start]
            day = lex.range_day_before.search(left)
            if day is not None and bounds[0] == bounds[1]:
                try:
                    first = bounds[0].replace(day=int(day["day"]))
                except ValueError:
                    first = None
                if first is not None and first < bounds[0]:
                    c.range_start, c.range_end = first.isoformat(), bounds[1].isoformat()
                    continue
            prev = cands[i - 1] if i else None
            if (prev is not None and prev.range_start is None
                    and (pb := period(prev.value)) is not None and pb[0] < bounds[0]
                    and lex.range_joiner.match(self.text[prev.end : c.start])
                    and lex.range_starter.search(self.text[max(0, prev.start - 15) : prev.start])):
                for x in (prev, c):
                    x.range_start, x.range_end = pb[0].isoformat(), bounds[1].isoformat()
                continue
            since = list(lex.since_before.finditer(left))
            if since and not left[since[-1].end() :].strip() and bounds[0] < self.dct:
                c.range_start, c.range_end = bounds[0].isoformat(), self.dct.isoformat()
        return cands

    def anchor_times(self, cands: list[_Cand]) -> list[_Cand]:
        """A clock time belongs to the last day the text named before it ("hier ... 10 h")."""
        if self.dct is None:
            return cands
        dct = self.dct.isoformat()
        out: list[_Cand] = []
        last_day: _Cand | None = None
        cands = self.clock_before_day(cands, dct)
        for c in cands:
            clock = c.type == "TIME" and re.fullmatch(rf"{dct}T\d\d:\d\d", c.value)
            if clock and out and last_day is out[-1] and last_day.type == "DATE" and re.fullmatch(
                r"\s*(?:à|at)\s*", self.text[last_day.end : c.start]
            ):
                # "hier à 10 h": one expression
                merged = _Cand(last_day.start, c.end, "TIME",
                               last_day.value[:10] + c.value[10:], "day", True, last_day.parts)
                out[-1] = merged
                last_day = merged
                continue
            if clock and last_day is not None and c.start - last_day.end < 250:
                c.value = last_day.value[:10] + c.value[10:]
            out.append(c)
            if re.match(r"\d{4}-\d\d-\d\d", c.value) and c.type in ("DATE", "TIME"):
                last_day = c
        return out

    def clock_before_day(self, cands: list[_Cand], dct: str) -> list[_Cand]:
        """A clock time right before the day it belongs to: "10 p.m. Wednesday" is one TIME."""
        out: list[_Cand] = []
        i = 0
        while i < len(cands):
            c = cands[i]
            nxt = cands[i + 1] if i + 1 < len(cands) else None
            if (nxt is not None and c.type == "TIME"
                    and (clock := re.fullmatch(rf"{dct}(T\d\d:\d\d)", c.value))
                    and nxt.type == "DATE" and re.fullmatch(r"\d{4}-\d\d-\d\d", nxt.value)):
                between = self.text[c.end : nxt.start]
                if re.fullmatch(r"\s*,\s*", between):
                    # "vers 0 h 40, jeudi": the clock is on that day; two expressions
                    c.value = nxt.value + clock.group(1)
                    out.append(c)
                    i += 1
                    continue
            if (nxt is not None and c.type == "TIME"
                    and (clock := re.fullmatch(rf"{dct}(T\d\d:\d\d)", c.value))
                    and _CLOCK_DAY_GAP.fullmatch(self.text[c.end : nxt.start])
                    and nxt.type == "DATE" and re.fullmatch(r"\d{4}-\d\d-\d\d", nxt.value)):
                out.append(_Cand(c.start, nxt.end, "TIME", nxt.value + clock.group(1), "day",
                                 True, nxt.parts))
                i += 2
                continue
            out.append(c)
            i += 1
        return out

    def build(self, name: str, m: re.Match[str]) -> _Cand | None:
        handler = getattr(self, f"r_{name}", None)
        if handler is None:
            return None
        result: _Cand | None = handler(m)
        return result

    def r_iso(self, m: re.Match[str]) -> _Cand | None:
        try:
            d = dt.date(int(m["year"]), int(m["month"]), int(m["day"]))
        except ValueError:
            return None
        parts = DateParts(d.year, d.month, d.day, d.isoweekday())
        if m["hour"]:
            return _Cand(m.start(), m.end(), "TIME", f"{d.isoformat()}T{m['hour']}:{m['minute']}",
                         "day", True, parts)
        return _Cand(m.start(), m.end(), "DATE", d.isoformat(), "day", True, parts)

    def r_numeric(self, m: re.Match[str]) -> _Cand | None:
        a, b = int(m["a"]), int(m["b"])
        day, month = (a, b) if self.lex.day_first else (b, a)
        if month > 12 >= day:
            day, month = month, day
        try:
            d = dt.date(_two_digit_year(m["y"]), month, day)
        except ValueError:
            return None
        return _Cand(m.start(), m.end(), "DATE", d.isoformat(), "day", True,
                     DateParts(d.year, d.month, d.day, d.isoweekday()))

    def _day_month(self, m: re.Match[str]) -> _Cand | None:
        month = self.lex.month(m["month"])
        if month is None:
            return None
        if not self.month_ok(m, m["month"], True):
            return None
        day = int(m["day"])
        wd = self.lex.weekday(m["wd"]) if _g(m, "wd") else None
        year = _year_of(m)
        parts = DateParts(year, month, day, wd)
        start = m.start()
        if year is None:
            mod = _g(m, "mod")
            direction = self.lex.modifiers.get(_norm(mod)) if mod else None
            if self.dct is None:
                return _Cand(start, m.end(), "DATE", f"XXXX-{month:02d}-{day:02d}", "day",
                             False, parts)
            if direction is None:
                year = closest_year(self.dct, month, day, None, wd)
                if abs((_safe_date(year, month, day) - self.dct).days) > 90:
                    tense = self.direction(m.start(), m.end(), 0)
                    year = closest_year(self.dct, month, day, tense or None, wd)
            else:
                year = closest_year(self.dct, month, day, direction, wd)
        try:
            d = dt.date(year, month, day)
        except ValueError:
            return None
        return _Cand(start, m.end(), "DATE", d.isoformat(), "day", True, parts)

    r_day_month = _day_month
    r_month_day = _day_month

    def r_month(self, m: re.Match[str]) -> _Cand | None:
        month = self.lex.month(m["month"])
        if month is None:
            return None
        year = _year_of(m)
        context = bool(year or _g(m, "edge") or _g(m, "modb") or _g(m, "mprefix") or _g(m, "mod"))
        if not self.month_ok(m, m["month"], context):
            return None
        word = _norm(m["month"])
        if word.endswith(".") and year is None and not context:
            return None  # a bare abbreviation is too ambiguous
        if year is None and not context and any(
                k != word and k.startswith(word.rstrip(".")) and v == month
                for k, v in self.lex.months.items()):
            return None  # "Jan Kowalski": a bare abbreviation without its period, a name
        parts = DateParts(year, month, None, None)
        if year is None:
            mod = _g(m, "mod") or _g(m, "modb")
            direction = self.lex.modifiers.get(_norm(mod)) if mod else None
            if self.dct is None:
                return _Cand(m.start(), m.end(), "DATE", f"XXXX-{month:02d}", "month", False,
                             parts)
            if direction is None:
                # a month named alone: the tense decides, else the nearest such month
                tense = self.direction(m.start(), m.end(), 0)
                year = self.dct.year
                if tense < 0 and month > self.dct.month:
                    year -= 1
                elif tense > 0 and month < self.dct.month:
                    year += 1
                elif tense == 0:
                    year = closest_month_year(self.dct, month, 0, soft=True)
            else:
                year = closest_month_year(self.dct, month, direction, soft=False)
        return _Cand(m.start(), m.end(), "DATE", f"{year:04d}-{month:02d}", "month", True, parts)

    def r_season(self, m: re.Match[str]) -> _Cand | None:
        code = self.lex.seasons.get(_norm(m["season"]))
        if code is None:
            return None
        year = int(m["year"]) if m["year"] else None
        has_ctx = bool(year or _g(m, "det") or _g(m, "modb") or _g(m, "edge") or _g(m, "mod"))
        if not has_ctx and not self.g.month_ctx.search(self.before(m.start())):
            return None  # "été" is also a past participle
        gen = re.search(r"(\w+)\s+d['’]$", self.before(m.start()))
        if gen and year is None and _norm(gen.group(1)) not in self.lex.season_genitive_ok:
            return None  # "les sports d'hiver": an adjective
        if year is None:
            if self.dct is None:
                return _Cand(m.start(), m.end(), "DATE", f"XXXX-{code}", "season", False)
            mod = _g(m, "mod") or _g(m, "modb")
            direction = self.lex.modifiers.get(_norm(mod), 0) if mod else 0
            year = season_year(self.dct, code, direction)
        return _Cand(m.start(), m.end(), "DATE", f"{year}-{code}", "season", True,
                     DateParts(year, None, None, None))

    def r_quarter(self, m: re.Match[str]) -> _Cand | None:
        q = self.lex.quarter_words.get(_norm(m["qw"]))
        if q is None:
            return None
        if m["year"]:
            return _Cand(m.start(), m.end(), "DATE", f"{m['year']}-Q{q}", "quarter", True)
        if self.dct is None:
            return _Cand(m.start(), m.end(), "DATE", f"XXXX-Q{q}", "quarter", False)
        year = self.dct.year if q <= (self.dct.month - 1) // 3 + 1 else self.dct.year - 1
        start = m.start()
        lo = max(0, start - 25)
        if (prev := self.lex.previous_year_before.search(self.text[lo:start])) is not None:
            start, year = lo + prev.start("w"), year - 1  # "the year-ago third quarter"
        return _Cand(start, m.end(), "DATE", f"{year}-Q{q}", "quarter", True)

    def r_quarter_ref(self, m: re.Match[str]) -> _Cand | None:
        word = _norm(m["qref"])
        shift = self.lex.quarter_refs.get(word, self.lex.report_quarter_refs.get(word))
        if shift is None:
            return None
        if self.dct is None:
            return _Cand(m.start(), m.end(), "DATE", "XXXX-QX", "quarter", False)
        # resolved by quarters() once the quarter under discussion is known
        return _Cand(m.start(), m.end(), "DATE", "XXXX-QX", "quarter", True, qshift=shift)

    def r_weekday(self, m: re.Match[str]) -> _Cand | None:
        word = m["wd"]
        wd = self.lex.weekday(word)
        if wd is None:
            return None
        if self.lex.capitalized_months and not word[:1].isupper():
            return None
        mod = _g(m, "mod") or _g(m, "modb")
        w = _norm(word)
        if w.endswith("s") and w[:-1] in self.lex.weekdays and not mod:
            # "les jeudis", "on Mondays", "les vendredis soirs": a weekday that recurs
            code = self.lex.parts_of_day.get(_norm(m["part"])) if m["part"] else None
            value = f"XXXX-WXX-{wd}" + (f"T{code}" if code and code != "DT" else "")
            return _Cand(m.start(), m.end(), "SET", value, None, True)
        if not mod and self.lex.habitual_before.search(self.before(m.start(), 30)):
            # "ouvert uniquement le mercredi", "usually on Tuesday": a habit, not one day
            return _Cand(m.start(), m.end(), "SET", f"XXXX-WXX-{wd}", None, True)
        part = self.lex.parts_of_day.get(_norm(m["part"])) if m["part"] else None
        if part and _norm(m["part"]).endswith("s"):
            # "Tuesday nights": every Tuesday night
            return _Cand(m.start(), m.end(), "SET", f"XXXX-WXX-{wd}T{part}", None, True)
        if not mod and (shared := self.coordinated_set(m.end())):
            # "Monday and Tuesday nights": Monday nights too
            return _Cand(m.start(), m.end(), "SET", f"XXXX-WXX-{wd}T{shared}", None, True)
        if part == "DT" or part in self.lex.weekday_parts_dropped:
            part = None
        if self.dct is None:
            value = f"XXXX-WXX-{wd}"
            ttype: TimexType = "DATE"
            if part:
                value, ttype = value + f"T{part}", "TIME"
            return _Cand(m.start(), m.end(), ttype, value, "day", False,
                         DateParts(None, None, None, wd))
        direction = self.lex.modifiers.get(_norm(mod)) if mod else None
        strict = direction is not None and direction != 0
        if direction is None or direction == 0:
            if self.lex.possessive_after.match(self.text[m.end() : m.end() + 3]):
                # "Monday's attack": a thing that happened, unless "ahead of Monday's vote"
                ahead = self.lex.possessive_future.search(self.before(m.start(), 20))
                direction = 1 if ahead else -1
            else:
                # "until 9 a.m. Tuesday": the tense is read before the clock time
                clock = self.lex.clock_before.search(self.before(m.start(), 40))
                start = m.start() - (min(40, m.start()) - clock.start()) if clock else m.start()
                direction = self.direction(start, m.end())
        d = weekday_date(self.dct, wd, direction, strict)
        parts = DateParts(d.year, d.month, d.day, wd)
        if part:
            return _Cand(m.start(), m.end(), "TIME", f"{d.isoformat()}T{part}", "day", True, parts)
        return _Cand(m.start(), m.end(), "DATE", d.isoformat(), "day", True, parts)

    def r_night_span(self, m: re.Match[str]) -> _Cand | None:
        """One night named by the two days it joins: the value is the first day's night."""
        wd, wd2 = self.lex.weekday(m["wd"]), self.lex.weekday(m["wd2"])
        if wd is None or wd2 is None or wd2 != wd % 7 + 1:
            return None
        if self.dct is None:
            return _Cand(m.start(), m.end(), "TIME", f"XXXX-WXX-{wd}TNI", "day", False,
                         DateParts(None, None, None, wd))
        d = weekday_date(self.dct, wd, self.direction(m.start(), m.end()))
        return _Cand(m.start(), m.end(), "TIME", f"{d.isoformat()}TNI", "day", True,
                     DateParts(d.year, d.month, d.day, wd))

    def coordinated_set(self, end: int) -> str | None:
        """The part of day of a weekday habit joined to this weekday ("Monday and Tuesday
        nights"), if one follows it."""
        nxt = self.g.coordinated_weekday.match(self.text, end)
        if nxt is None:
            return None
        word = _norm(nxt["part"])
        return self.lex.parts_of_day.get(word) if word.endswith("s") else None

    def r_weekend(self, m: re.Match[str]) -> _Cand | None:
        if self.dct is None:
            return _Cand(m.start(), m.end(), "DATE", "XXXX-WXX-WE", "week", False)
        mod = _g(m, "mod") or _g(m, "modb")
        direction = self.lex.modifiers.get(_norm(mod), 0) if mod else 0
        if not mod and self.dct.isoweekday() <= 4 and self.direction(m.start(), m.end()) < 0:
            direction = -1  # "the weekend" told in the past early in the week: the last one
        d = self.dct + dt.timedelta(days=7 * direction)
        return _Cand(m.start(), m.end(), "DATE", iso_week(d) + "-WE", "week", True)

    def r_rel_day(self, m: re.Match[str]) -> _Cand | None:
        offset = self.lex.relative_days.get(_norm(m["rel"]))
        if offset is None:
            return None
        part = self.lex.parts_of_day.get(_norm(m["part"])) if m["part"] else None
        if part == "DT":
            part = None
        if self.dct is None:
            return _Cand(m.start(), m.end(), "TIME" if part else "DATE",
                         "XXXX-XX-XX" + (f"T{part}" if part else ""), "day", False)
        d = self.dct + dt.timedelta(days=offset)
        if part:
            return _Cand(m.start(), m.end(), "TIME", f"{d.isoformat()}T{part}", "day", True,
                         DateParts(d.year, d.month, d.day, d.isoweekday()))
        return _Cand(m.start(), m.end(), "DATE", d.isoformat(), "day", True,
                     DateParts(d.year, d.month, d.day, d.isoweekday()))

    def r_day_part(self, m: re.Match[str]) -> _Cand | None:
        spec = self.lex.day_part_phrases.get(_norm(m["dpp"]))
        if spec is None or _titled(m.group(0)):
            return None
        offset, part = spec
        if self.dct is None:
            if part == "WEEK":
                return _Cand(m.start(), m.end(), "DATE", "XXXX-WXX", "week", False)
            return _Cand(m.start(), m.end(), "TIME", f"XXXX-XX-XXT{part}", "day", False)
        d = self.dct + dt.timedelta(days=offset)
        if part == "WEEK":
            return _Cand(m.start(), m.end(), "DATE", iso_week(d), "week", True)
        return _Cand(m.start(), m.end(), "TIME", f"{d.isoformat()}T{part}", "day", True)

    def r_rel_unit(self, m: re.Match[str]) -> _Cand | None:
        unit = self.lex.calendar_units.get(_norm(m["cunit"]))
        mod = _g(m, "mod") or _g(m, "modb")
        det = _g(m, "det")
        if unit is None:
            return None
        if _titled(m.group(0)):
            return None
        if mod:
            direction = self.lex.modifiers.get(_norm(mod), 0)
        elif det and (_norm(det) in self.lex.this_words or unit == "WE"):
            direction = 0
        else:
            return None
        if self.dct is None:
            return _Cand(m.start(), m.end(), "DATE", "XXXX", None, False)
        d = self.dct
        if unit == "W":
            return _Cand(m.start(), m.end(), "DATE", iso_week(d + dt.timedelta(days=7 * direction)),
                         "week", True)
        if unit == "WE":
            w = iso_week(d + dt.timedelta(days=7 * direction))
            return _Cand(m.start(), m.end(), "DATE", w + "-WE", "week", True)
        if unit == "M":
            y, mo = shift_month(d.year, d.month, direction)
            return _Cand(m.start(), m.end(), "DATE", f"{y:04d}-{mo:02d}", "month", True)
        if unit == "Q":
            q = (d.month - 1) // 3 + direction
            y = d.year + (q // 4)
            return _Cand(m.start(), m.end(), "DATE", f"{y}-Q{q % 4 + 1}", "quarter", True)
        return _Cand(m.start(), m.end(), "DATE", str(d.year + direction), "year", True)

    def r_cur_unit(self, m: re.Match[str]) -> _Cand | None:
        unit = self.lex.current_units.get(_norm(m["curu"]))
        if unit is None:
            return None
        if self.lex.period_end_after.match(self.text[m.end() : m.end() + 12]):
            return _Cand(m.start(), m.end(), "DURATION", _duration_value(1, unit), None, True)
        if self.dct is None:
            return _Cand(m.start(), m.end(), "DATE", "XXXX", None, False)
        d = self.dct
        if unit == "W":
            return _Cand(m.start(), m.end(), "DATE", iso_week(d), "week", True)
        if unit == "M":
            return _Cand(m.start(), m.end(), "DATE", f"{d.year:04d}-{d.month:02d}", "month", True)
        if unit == "Q":
            return _Cand(m.start(), m.end(), "DATE", f"{d.year}-Q{(d.month - 1) // 3 + 1}",
                         "quarter", True)
        return _Cand(m.start(), m.end(), "DATE", str(d.year), "year", True)

    def r_duration(self, m: re.Match[str]) -> _Cand | None:
        unit = self.lex.units.get(_norm(m["unit"]))
        if unit is None or unit == "WE":
            return None
        num: float | None = None
        if m["num"]:
            num = self.lex.number(m["num"])
            if num is None:
                return None
        start, end = m.start(), m.end()
        if re.match(r"[\s-]old\b|-olds?\b", self.text[end : end + 6]):
            return None  # an age ("a 6-year-old boy")
        if (unit == "Q" and num in (1, 3)
                and re.match(r"\s+(?:of|de|d['’])\s*(?!\d)", self.text[end : end + 8])):
            return None  # a fraction ("three-quarters of its oil", "a quarter of them")
        if (unit == "Y" and m["num"] and m["num"][0].isdigit() and not m["det"]
                and self.g.age_before.search(self.text[max(0, start - 12) : start])
                and not self.g.age_after_not.match(self.text[end : end + 15])):
            return None  # an age ("un enfant de 6 ans")
        if (unit == "Y" and m["num"] and m["num"][0].isdigit() and not m["det"]
                and re.search(r"\w,\s*$", self.text[max(0, start - 3) : start])
                and re.match(r"\s*(?:[,;.)]|$)", self.text[end : end + 2])):
            return None  # an age in apposition ("Jean Dupont, 53 ans, ...")
        # "il y a trois jours", "three days ago": a date in the past
        ago = self.g.ago_pre.search(self.text[max(0, start - 20) : start])
        ago_after = self.g.ago_suf.match(self.text[end : end + 25])
        later = self.g.later_pre.search(self.text[max(0, start - 12) : start])
        later_after = self.g.later_suf.match(self.text[end : end + 25])
        direction = 0
        if ago and not m["det"]:
            start -= len(self.text[max(0, start - 20) : start]) - ago.start("w")
            direction = -1
        elif ago_after:
            end += ago_after.end()
            direction = -1
        elif later_after:
            end += later_after.end()
            direction = 1
        elif later and not m["det"] and num is not None and unit not in ("TH", "TM", "TS"):
            direction = 1
        if direction:
            return self.offset_date(start, end, num, unit, direction)
        if (m["num"] and not m["num"][0].isdigit() and num == 1 and not m["det"]
                and re.search(r"\d[\d,.]*(?:\s*%|\s+\w+)?\s+$",
                              self.text[max(0, start - 30) : start])):
            return None  # a rate ("$2 million a year", "700 seats a week")
        return _Cand(start, end, "DURATION", _duration_value(num, unit), None, True)

    def offset_date(self, start: int, end: int, num: float | None, unit: str,
                    direction: int) -> _Cand:
        if num is None:
            ref = "PAST_REF" if direction < 0 else "FUTURE_REF"
            return _Cand(start, end, "DATE", ref, None, True)
        if self.dct is None:
            return _Cand(start, end, "DATE", "XXXX-XX-XX", None, False)
        n = int(num) * direction
        d = self.dct
        if unit == "D":
            v = d + dt.timedelta(days=n)
            return _Cand(start, end, "DATE", v.isoformat(), "day", True,
                         DateParts(v.year, v.month, v.day, v.isoweekday()))
        if unit == "W":
            return _Cand(start, end, "DATE", iso_week(d + dt.timedelta(days=7 * n)), "week", True)
        if unit == "M":
            y, mo = shift_month(d.year, d.month, n)
            return _Cand(start, end, "DATE", f"{y:04d}-{mo:02d}", "month", True)
        if unit == "Y":
            return _Cand(start, end, "DATE", str(d.year + n), "year", True, year_ago=n == -1)
        if unit == "DE":
            return _Cand(start, end, "DATE", str(d.year + 10 * n)[:3], "decade", True)
        if unit in ("TH", "TM", "TS"):
            return _Cand(start, end, "TIME", d.isoformat(), "day", True)
        return _Cand(start, end, "DATE", "PAST_REF" if n < 0 else "FUTURE_REF", None, True)

    def r_set(self, m: re.Match[str]) -> _Cand | None:
        if m["wd"]:
            wd = self.lex.weekday(m["wd"])
            return _Cand(m.start(), m.end(), "SET", f"XXXX-WXX-{wd}", None, True)
        if m["part"]:
            part = self.lex.parts_of_day.get(_norm(m["part"]))
            return _Cand(m.start(), m.end(), "SET", f"TXX{part}" if part else "P1D", None, True)
        unit = self.lex.units.get(_norm(m["unit"]))
        if unit is None or unit == "WE":
            return None
        return _Cand(m.start(), m.end(), "SET", _duration_value(1, unit), None, True)

    def r_holiday(self, m: re.Match[str]) -> _Cand | None:
        spec = self.lex.holidays.get(_norm(m["hol"]))
        if spec is None:
            return None
        if self.dct is None:
            mm = spec[:2]
            return _Cand(m.start(), m.end(), "DATE", f"XXXX-{mm}-XX" if spec.count("-") == 2
                         else f"XXXX-{spec}", "day", False)
        mod = _g(m, "modb")
        direction = self.lex.modifiers.get(_norm(mod), 0) if mod else 0
        if direction == 0:
            direction = self.direction(m.start(), m.end())
        # the nearest such feast in the direction of the tense
        options = [d for y in (self.dct.year - 1, self.dct.year, self.dct.year + 1)
                   if (d := holiday_date(y, spec)) is not None]
        if direction < 0:
            options = [d for d in options if d <= self.dct] or options
            best = max(options)
        else:
            options = [d for d in options if d >= self.dct] or options
            best = min(options)
        return _Cand(m.start(), m.end(), "DATE", best.isoformat(), "day", True,
                     DateParts(best.year, best.month, best.day, best.isoweekday()))

    def r_period_noun(self, m: re.Match[str]) -> _Cand | None:
        value = self.lex.period_nouns.get(_norm(m["pnoun"]))
        return _Cand(m.start(), m.end(), "DURATION", value, None, True) if value else None

    def r_set_word(self, m: re.Match[str]) -> _Cand | None:
        value = self.lex.set_words.get(_norm(m["setw"]))
        if re.search(r"\d[\d,.]*\s*(?:%|\w+)?\s+$", self.text[max(0, m.start() - 25) : m.start()]):
            return None  # a rate ("rose 8% annually", "10,000 units annually"), no time
        return _Cand(m.start(), m.end(), "SET", value, None, True) if value else None

    def r_ref(self, m: re.Match[str]) -> _Cand | None:
        value = self.lex.ref_words.get(_norm(m["ref"]))
        lo = max(0, m.start() - 20)
        for x in self.lex.ref_excluded.finditer(self.text[lo : m.end() + 20]):
            if x.start() + lo <= m.start() and m.end() <= x.end() + lo:
                return None  # "as soon as"
        return _Cand(m.start(), m.end(), "DATE", value, None, True) if value else None

    def r_year(self, m: re.Match[str]) -> _Cand | None:
        start = m.start()
        before = self.text[max(0, start - 30) : start]
        if re.search(r"\d[\s.,\u202f\u00a0]?$", before):
            return None
        after = self.text[m.end() : m.end() + 5]
        if re.match(r"[\s.,\u202f\u00a0]?\d|\s*%|\s*[-–]\s*\d", after):
            return None
        year = int(m["year"])
        latest = (self.dct.year if self.dct else 2030) + 15
        det = self.g.year_det.search(before) or re.search(r"\w['’]s\s+$", before)
        if not (_g(m, "edge") or self.g.year_ctx.search(before)
                or (det and 1900 <= year <= latest)):
            if not self.g.year_weak.search(before):
                return None
            if not self.g.year_next_ok.match(self.text[m.end() : m.end() + 20]):
                return None
        year = int(m["year"])
        return _Cand(m.start(), m.end(), "DATE", str(year), "year", True,
                     DateParts(year, None, None, None))

    def r_noon(self, m: re.Match[str]) -> _Cand | None:
        if not self.g.noon_ctx.search(self.before(m.start())):
            return None
        hhmm = self.lex.noon_words.get(_norm(m["noon"]))
        if hhmm is None:
            return None
        day = self.dct.isoformat() if self.dct else "XXXX-XX-XX"
        return _Cand(m.start(), m.end(), "TIME", f"{day}T{hhmm}", None, self.dct is not None)

    def r_time(self, m: re.Match[str]) -> _Cand | None:
        hour = int(m["hour"])
        minute = int(m["minute"]) if _g(m, "minute") else 0
        ampm = _g(m, "ampm")
        if ampm:
            pm = ampm.lower().startswith("p")
            if pm and hour < 12:
                hour += 12
            elif not pm and hour == 12:
                hour = 0
        day = self.dct.isoformat() if self.dct else "XXXX-XX-XX"
        return _Cand(m.start(), m.end(), "TIME", f"{day}T{hour:02d}:{minute:02d}", None,
                     self.dct is not None)

    def r_decade(self, m: re.Match[str]) -> _Cand | None:
        if _g(m, "decade"):
            return _Cand(m.start(), m.end(), "DATE", m["decade"][:3], "decade", True)
        short = _g(m, "short")
        if short:
            return _Cand(m.start(), m.end(), "DATE", "19" + short[0], "decade", True)
        return None


def _select(cands: list[_Cand], text: str) -> list[_Cand]:
    """Keep the longest of overlapping candidates (leftmost on ties)."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.start))
    taken: list[_Cand] = []
    # the kept spans never overlap: sorted by start, a new span overlaps one of them only if
    # it overlaps the last one starting before its end
    starts: list[int] = []
    ends: list[int] = []
    for c in cands:
        # trim trailing spaces/commas a rule may have eaten
        while c.end > c.start and text[c.end - 1] in " ,\t":
            c.end -= 1
        i = bisect.bisect_left(starts, c.end)
        if i and ends[i - 1] > c.start:
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


def _to_mention(c: _Cand, text: str) -> TimeMention:
    return TimeMention(start=c.start, end=c.end, text=text[c.start : c.end], type=c.type,
                       value=c.value, granularity=c.granularity, anchored=c.anchored,
                       range_start=c.range_start, range_end=c.range_end)


def find_timexes(text: str, lang: str, dct: dt.date | None, lexicon: TimeLexicon,
                 matches: RuleMatches | None = None) -> list[TimeMention]:
    """All temporal expressions in ``text``, resolved against ``dct`` when it is known.

    ``matches``: what :func:`scan_rules` found in this same text, when already scanned.
    """
    if lexicon.lang != lang:
        raise ValueError(f"lexicon is for {lexicon.lang!r}, text is {lang!r}")
    return [_to_mention(c, text) for c in _Finder(text, lexicon, dct, matches).run()]


def date_parts(text: str, lexicon: TimeLexicon) -> DateParts | None:
    """What a short piece of text (a dateline, a metadata line, a timex) says about a date.

    The most specific expression wins (a day-level date over a month or a year).
    """
    best: DateParts | None = None
    score = -1
    for c in _Finder(text, lexicon, None).run():
        p = c.parts
        if p is None:
            continue
        s = (p.day is not None) * 4 + (p.month is not None) * 2 + (p.year is not None)
        if s > score:
            best, score = p, s
    return best


def year_mentions(text: str, timexes: list[TimeMention],
                  lexicon: TimeLexicon) -> list[tuple[int, bool]]:
    """Years the text names explicitly, except those that look ahead ("d'ici 2030").

    Each comes with whether it opens a span lasting until the report ("depuis 2011",
    "since the uprising began in March 2011"): the report was then written after that year.
    """
    years: list[tuple[int, bool]] = []
    ctx = lexicon.grammar.future_year_ctx
    for t in timexes:
        for m in re.finditer(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)", t.text):
            if ctx.search(text[max(0, t.start - 25) : t.start]):
                continue
            left = text[max(0, t.start - 60) : t.start]
            cut = [b.end() for b in _SENT_BREAK.finditer(left)]
            if cut:
                left = left[cut[-1] :]
            years.append((int(m.group(1)), bool(lexicon.since_before.search(left))))
    return years
