"""A toll and its parts (the parts of one toll are dropped, but parts told each with a place
of its own are incidents of their own and kept), and wounds told by where the shot hit
(sentences written for these tests)."""

from __future__ import annotations

import pytest

from bilan.pipeline import Resources
from bilan.records import Claim, Document
from bilan.stages import default_pipeline


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources()


def _killed(res: Resources, text: str) -> list[tuple[int, str]]:
    doc = Document(id="t", text=text, source="t")
    doc.published = "2011-01-26"
    default_pipeline().process(doc, res)
    return [(c.low, c.text) for c in doc.claims if c.kind == "killed"]


def test_parts_placed_apart_are_kept(res: Resources) -> None:
    text = ("Three people died in clashes between protesters and police, the state news "
            "agency said.\nTwo demonstrators died in Suez, and one policeman was killed in "
            "Cairo, it said.")
    assert [n for n, _ in _killed(res, text)] == [3, 2, 1]


def test_parts_of_one_toll_are_dropped(res: Resources) -> None:
    text = ("Airstrikes killed five people in Idlib on Monday.\nThree soldiers and two "
            "rescuers died in the strikes, the monitor said.")
    assert [n for n, _ in _killed(res, text)] == [5]


def test_parts_placed_in_the_same_town_are_one_toll() -> None:
    from bilan.claims.lists import drop_breakdowns

    def claim(low: int, victims: str, start: int, sentence: int) -> Claim:
        return Claim("killed", low, low, "exact", victims, None, "t", start, start + 5, "x",
                     sentence=sentence)

    whole = claim(5, "people", 0, 0)
    parts = [claim(3, "soldiers", 100, 1), claim(2, "rescuers", 130, 1)]
    same_town = [(110, "geonames:1"), (140, "geonames:1")]
    two_towns = [(110, "geonames:1"), (140, "geonames:2")]
    assert drop_breakdowns([whole, *parts], places=same_town) == [whole]
    assert drop_breakdowns([whole, *parts], places=two_towns) == [whole, *parts]
    assert drop_breakdowns([whole, *parts]) == [whole]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("A French journalist was shot in the leg, a doctor said.", 1),
        ("Two rebels were shot in the legs, doctors said.", 2),
    ],
)
def test_shot_in_a_limb_is_wounded(res: Resources, text: str, count: int) -> None:
    doc = Document(id="t", text=text, source="t")
    doc.published = "2011-03-06"
    default_pipeline().process(doc, res)
    assert [(c.kind, c.low) for c in doc.claims] == [("injured", count)]
    assert all(c.claimant and "doctor" in c.claimant for c in doc.claims)


def test_shot_in_the_head_tells_no_outcome(res: Resources) -> None:
    doc = Document(id="t", text="A policeman was shot in the head, a doctor said.", source="t")
    doc.published = "2011-03-06"
    default_pipeline().process(doc, res)
    assert [c for c in doc.claims if c.kind == "injured"] == []
