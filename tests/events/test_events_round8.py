"""Round 8 events: protest wording of South Asian and general English news.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilan.events.select import document_main_event
from bilan.records import Document
from bilan.runner import run


def _doc(tmp_path: Path, text: str) -> Document:
    path = tmp_path / "notes.jsonl"
    row = {"id": "n1", "text": text, "language": "en", "published": "2019-03-14"}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = run([str(path)], lang="en", workers=1)
    return result.documents[0]


@pytest.mark.parametrize(
    "text",
    [
        "Shopkeepers in Lucknow brought out a procession against the new market tax.",
        "Youth wing members raised slogans against the mayor outside the town hall in Patna.",
        "Farmers gheraoed the office of the district collector in Nashik.",
        "Fishermen formed a human chain along the beach in Kochi to oppose a port project.",
        "Students took out a candle march in Bhopal for a classmate who died in custody.",
        "Party workers burnt effigies of the chief minister in Jaipur.",
        "Traders observed a shutter-down strike in Quetta against extortion.",
        "Around 500 nurses went on an indefinite strike in Lahore over unpaid salaries.",
        "Bus drivers started a strike in Dhaka against the new fuel prices.",
        "Teachers continued their strike in Kathmandu for a fourth day.",
        "Opposition parties enforced a hartal across Sylhet division.",
    ],
)
def test_protest_wording_gives_a_protest(tmp_path: Path, text: str) -> None:
    ev = document_main_event(_doc(tmp_path, text))
    assert ev is not None
    assert ev.event_type in ("Protests", "Riots")


def test_going_to_school_is_no_plan(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "Mothers of children going to public schools in Multan protested "
                         "against the closure of two classrooms.")
    ev = document_main_event(doc)
    assert ev is not None and ev.event_type == "Protests"


def test_going_to_still_marks_a_plan(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "The union said its members are going to protest in Pune.")
    assert not any(e.event_type == "Protests" for e in doc.events)
