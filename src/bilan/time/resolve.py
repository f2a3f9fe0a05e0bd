"""Calendar arithmetic for resolving expressions against the report's date (dct)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def iso_week(d: dt.date) -> str:
    """TimeML week value: "2016-W38"."""
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def shift_month(year: int, month: int, n: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + n
    return idx // 12, idx % 12 + 1


def weekday_date(dct: dt.date, weekday: int, direction: int, strict: bool = False) -> dt.date:
    """The date of ``weekday`` (ISO, 1 = Monday) nearest ``dct`` in ``direction``.

    ``direction`` -1 looks back, +1 forward; the report's own weekday is the report's day
    unless ``strict`` ("lundi dernier" said on a Monday is a week ago).
    """
    delta = (weekday - dct.isoweekday()) % 7  # days forward to the next such weekday
    if direction >= 0:
        if delta == 0 and strict:
            delta = 7
        return dct + dt.timedelta(days=delta)
    back = (7 - delta) % 7
    if back == 0 and strict:
        back = 7
    return dct - dt.timedelta(days=back)


def closest_year(dct: dt.date, month: int, day: int, direction: int | None = None,
                 weekday: int | None = None) -> int:
    """Year for a day and month without one: the nearest to ``dct`` (or in ``direction``).

    A weekday given with the date ("samedi 24 septembre") picks a year where it agrees
    when one of the three nearest does.
    """
    best: tuple[int, int, int] | None = None
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        gap = (d - dct).days
        penalty = 1000 if direction and gap * direction < 0 else 0
        if weekday is not None and d.isoweekday() != weekday:
            penalty += 100
        key = (penalty + abs(gap), abs(gap), year)
        if best is None or key < best:
            best = key
    return best[2] if best else dct.year


def closest_month_year(dct: dt.date, month: int, direction: int, soft: bool) -> int:
    """Year for a month name alone: the nearest occurrence, or the one in ``direction``."""
    if month == dct.month and direction == 0:
        return dct.year
    if direction > 0:
        forward = month >= dct.month if soft else month > dct.month
        return dct.year if forward else dct.year + 1
    if direction < 0:
        back = month <= dct.month if soft else month < dct.month
        return dct.year if back else dct.year - 1
    # nearest
    gaps = {y: abs((y * 12 + month) - (dct.year * 12 + dct.month)) for y in
            (dct.year - 1, dct.year, dct.year + 1)}
    return min(gaps, key=lambda y: (gaps[y], -y if y <= dct.year else y))


def season_year(dct: dt.date, code: str, direction: int) -> int:
    """Year of a season named without one (winter counts from its December)."""
    start = _SEASON_START[code]
    if direction == 0:
        if code == "WI" and dct.month <= 2:
            return dct.year - 1
        return dct.year
    current = (dct.month % 12) // 3  # 0 winter, 1 spring, 2 summer, 3 autumn
    wanted = (start % 12) // 3
    if direction < 0:
        year = dct.year if wanted < current else dct.year - 1
        if code == "WI":
            year -= 1 if dct.month >= 3 else 0
        return year
    return dct.year if wanted > current else dct.year + 1


def tense_direction(left: str, right: str, future: Sequence[re.Pattern[str]],
                    past: Sequence[re.Pattern[str]], default: int = -1,
                    right_penalty: int = 40) -> int:
    """-1 (past) or +1 (future) for an expression, from the nearest tense cue around it.

    News reports mostly tell what happened, so without a cue the answer is the past. A cue
    after the expression is usually a reporting verb ("..., officials said"), so it counts
    for less than the verb before it.
    """
    best: tuple[int, int] | None = None  # (distance, direction)
    for cues, direction in ((future, 1), (past, -1)):
        for pat in cues:
            for m in pat.finditer(left):
                dist = len(left) - m.end()
                if best is None or dist < best[0]:
                    best = (dist, direction)
            for m in pat.finditer(right):
                dist = m.start() + right_penalty
                if best is None or dist < best[0]:
                    best = (dist, direction)
    return best[1] if best else default


def holiday_date(year: int, spec: str) -> dt.date | None:
    """The day of a feast in ``year``: "12-25", or "11-4-4" (the 4th Thursday of November),
    "05-L-1" (the last Monday of May)."""
    parts = spec.split("-")
    month = int(parts[0])
    try:
        if len(parts) == 2:
            return dt.date(year, month, int(parts[1]))
        weekday = int(parts[2])
        first = dt.date(year, month, 1)
        d = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7)
        if parts[1] == "L":
            while (d + dt.timedelta(days=7)).month == month:
                d += dt.timedelta(days=7)
            return d
        return d + dt.timedelta(days=7 * (int(parts[1]) - 1))
    except ValueError:
        return None
