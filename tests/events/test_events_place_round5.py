"""Event places (a place in the possessive before a common noun, world regions, the place
kept when two parts of one event are merged) and questions, which tell of no event
(sentences written for these tests)."""

from __future__ import annotations

import pytest

from bilan.pipeline import Resources
from bilan.records import Document, Event
from bilan.stages import default_pipeline


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources()


def _events(res: Resources, text: str) -> list[Event]:
    doc = Document(id="t", text=text, source="t")
    doc.published = "2011-01-26"
    default_pipeline().process(doc, res)
    return doc.events


def _places(events: list[Event], event_type: str) -> list[str | None]:
    return [e.location.name if e.location else None for e in events
            if e.event_type == event_type]


def test_a_country_in_the_possessive_is_whose_thing_it_is(res: Resources) -> None:
    events = _events(res, "Protesters hoping to ride Tunisia's momentum marched through "
                          "Egypt on Tuesday.")
    assert _places(events, "Protests") == ["Egypt"]


def test_a_country_in_the_possessive_before_a_place_word_still_places(res: Resources) -> None:
    events = _events(res, "Thousands protested on Tuesday in Egypt's capital.")
    assert _places(events, "Protests") == ["Egypt"]


def test_a_world_region_is_no_event_place(res: Resources) -> None:
    # GeoNames has a town of that name in Maryland
    events = _events(res, "Thousands marched in the Middle East on Tuesday.")
    assert _places(events, "Protests") == [None]


def test_merged_parts_keep_the_place_told_at_greater_length() -> None:
    from bilan.events.assemble import _more_specific
    from bilan.records import Place

    town_a = Place("A", "Libya", "LY", None, 32.0, 13.0, "city", "t:a")
    town_b = Place("B", "Libya", "LY", None, 32.5, 12.7, "city", "t:b")
    region = Place("R", "Libya", "LY", None, 31.0, 14.0, "admin1", "t:r")
    assert _more_specific(town_a, town_b) is town_a
    assert _more_specific(town_a, town_b, b_told_longer=True) is town_b
    # a more precise place still wins whatever the length
    assert _more_specific(town_a, region, b_told_longer=True) is town_a
    assert _more_specific(None, town_b) is town_b


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("And the children killed by the air strike, does nobody mention them?", "en"),
        ("Et les enfants tués par le bombardement, on ne les mentionne pas ?", "fr"),
        ("« Qui a bombardé le marché et tué dix civils ? »", "fr"),
    ],
)
def test_a_question_tells_of_no_event(text: str, lang: str) -> None:
    from events_testkit import kinds

    assert kinds(text, lang) == []
    # the same words asserted give an event
    assert kinds(text.rstrip("? »").rstrip() + ".", lang) != []
