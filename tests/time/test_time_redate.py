"""Dating a report that has no date of its own: a day it names by month and day (no year),
read in the year of the run's dated reports against the weekdays it names."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from bilan.records import Claim, Document, Event, Place, TimeMention
from bilan.runner import run
from bilan.time.neighbours import calendar_dates

DATED = {
    "id": "dated",
    "published": "2016-09-24",
    "text": "Air strikes hit the rebel-held east of Aleppo on Friday, killing at least twenty "
            "people, a monitoring group said.",
}


def _doc(values: list[tuple[str, str]]) -> Document:
    doc = Document(id="u", text="x", source="u")
    doc.timexes = [TimeMention(0, 1, text, "DATE", value) for text, value in values]
    return doc


def test_the_named_day_and_its_weekday_give_the_report_day() -> None:
    # 12 August 2011 was a Friday; the report names Friday and, most, Saturday
    doc = _doc([("August 12", "XXXX-08-12"), ("Saturday", "XXXX-WXX-6"),
                ("Friday", "XXXX-WXX-5"), ("Saturday", "XXXX-WXX-6")])
    (found,) = calendar_dates(doc, [2011])
    assert found.date == dt.date(2011, 8, 13)
    assert found.named == "August 12" and found.named_day == dt.date(2011, 8, 12)


def test_a_year_where_the_named_day_falls_on_no_named_weekday_is_skipped() -> None:
    doc = _doc([("August 12", "XXXX-08-12"), ("Saturday", "XXXX-WXX-6"),
                ("Friday", "XXXX-WXX-5")])
    # 12 August 2012 was a Sunday, named nowhere in the report
    assert [c.date for c in calendar_dates(doc, [2012, 2011])] == [dt.date(2011, 8, 13)]


def test_no_weekday_no_year_or_no_month_day_gives_nothing() -> None:
    assert calendar_dates(_doc([("August 12", "XXXX-08-12")]), [2011]) == []
    assert calendar_dates(_doc([("August 12", "XXXX-08-12"), ("Friday", "XXXX-WXX-5")]),
                          []) == []
    assert calendar_dates(_doc([("Friday", "XXXX-WXX-5")]), [2011]) == []


def test_february_29_in_a_year_without_it_is_skipped() -> None:
    doc = _doc([("February 29", "XXXX-02-29"), ("Monday", "XXXX-WXX-1")])
    # 29 February 2016 was a Monday; 2015 had no such day
    assert [c.date for c in calendar_dates(doc, [2015, 2016])] == [dt.date(2016, 2, 29)]


def _write(tmp_path: Path, records: list[dict[str, str]]) -> str:
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return str(path)


def test_an_undated_report_is_dated_from_its_calendar_day(tmp_path: Path) -> None:
    undated = {
        "id": "undated",
        "text": "Protesters marched in Tunis on Friday, September 16, against the new "
                "budget. Police said the march on Friday was the largest since the spring. "
                "Organisers said more marches would follow.",
    }
    result = run([_write(tmp_path, [DATED, undated])], lang="en")
    doc = next(d for d in result.documents if d.id == "undated")
    # 16 September 2016 was a Friday; the report's Friday is the 16th
    assert doc.publication_date == dt.date(2016, 9, 16)
    assert doc.publication_date_source == "calendar"
    assert any("September 16" in w and "calendar" not in w for w in doc.warnings)


def test_a_calendar_day_on_a_weekday_the_report_never_names_dates_nothing(
    tmp_path: Path,
) -> None:
    undated = {
        "id": "undated",
        "text": "Protesters marched in Tunis on Friday against the budget passed on "
                "September 15. Organisers said more marches would follow.",
    }
    result = run([_write(tmp_path, [DATED, undated])], lang="en")
    doc = next(d for d in result.documents if d.id == "undated")
    assert doc.publication_date is None


def test_without_any_dated_report_nothing_is_dated(tmp_path: Path) -> None:
    undated = {
        "id": "undated",
        "text": "Protesters marched in Tunis on Friday, September 16, against the new "
                "budget. Organisers said more marches would follow.",
    }
    result = run([_write(tmp_path, [undated])], lang="en")
    assert result.documents[0].publication_date is None


def _event(day: str, place: str, killed: int | None) -> Event:
    where = Place(place, "Libya", "LY", None, 32.9, 13.2, "city", f"t:{place}")
    claims = [Claim("killed", killed, killed, "exact", "people", None, "d", 0, 1, "x")
              ] if killed else []
    return Event("Explosions/Remote violence", "Air/drone strike", day, location=where,
                 claims=claims)


def test_an_event_with_the_same_toll_confirms_a_day_twice() -> None:
    from bilan.runner import _confirmations

    known = [_event("2011-06-19", "Tripoli", 9), _event("2011-06-19", "Misrata", None)]
    # same type, day and place: one; with the same toll too: two
    assert _confirmations([_event("2011-06-19", "Tripoli", 9)], known) == 2
    assert _confirmations([_event("2011-06-19", "Tripoli", 7)], known) == 1
    assert _confirmations([_event("2011-06-19", "Misrata", 4)], known) == 1
    assert _confirmations([_event("2011-06-18", "Tripoli", 9)], known) == 0
