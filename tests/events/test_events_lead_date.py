"""End to end: sentences that name no day go on telling of the day the lead names (a report
written for this test)."""

from __future__ import annotations

import json
from pathlib import Path

from bilan.output import write_outputs
from bilan.runner import run

REPORT = (
    "MISRATA, Libya, April 18, 2011 (Reuters) - Government forces shelled the port of Misrata "
    "on Sunday, residents said.\n"
    "Rebels fought government troops on Tripoli Street in the centre of the city.\n"
    "Gaddafi's forces also fired rockets at a clinic near the port.\n"
)


def test_undated_sentences_take_the_lead_day(tmp_path: Path) -> None:
    src = tmp_path / "misrata.txt"
    src.write_text(REPORT, encoding="utf-8")
    write_outputs(run([str(src)]), tmp_path / "out")
    data = json.loads((tmp_path / "out" / "events.json").read_text(encoding="utf-8"))
    (doc,) = data["documents"]
    assert doc["publication_date"].endswith("-04-18")
    dates = {e["date"][5:10] for e in data["events"]}
    # Sunday before Monday 18 April (2011): every event of the report is on the 17th
    assert dates == {"04-17"}, data["events"]
