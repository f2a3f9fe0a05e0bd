"""The brief's acceptance checks on the seed reports (skipped where ../shared is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilan.cli import main


@pytest.fixture(scope="module")
def seeds_out(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seeds")
    assert main(["run", str(shared_data / "seeds-fr"), "--out", str(out), "--quiet"]) == 0
    return out


def test_seed_publication_dates(seeds_out: Path) -> None:
    events = json.loads((seeds_out / "events.json").read_text(encoding="utf-8"))
    dates = {d["id"]: d["publication_date"] for d in events["documents"]}
    assert dates == {
        "000_70ef4e2796197ad9.txt": "2016-09-23",
        "001_4619473787047ac2.txt": "2016-09-22",
        "002_bec8bfda5ad61ebc.txt": "2016-09-24",
    }


def test_seed_evidence_offsets(seeds_out: Path) -> None:
    events = json.loads((seeds_out / "events.json").read_text(encoding="utf-8"))
    texts = {
        json.loads(x)["id"]: json.loads(x)["text"]
        for x in (seeds_out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    }
    n = 0
    for ev in events["events"]:
        for item in [*ev["claims"], *ev["mentions"]]:
            assert texts[item["document"]][item["start"] : item["end"]] == item["text"]
            n += 1
    assert n > 0


def test_aleppo_strikes_23_september_tolls(seeds_out: Path) -> None:
    events = json.loads((seeds_out / "events.json").read_text(encoding="utf-8"))
    strikes = [
        e
        for e in events["events"]
        if e["date"] == "2016-09-23" and e["location"] and e["location"]["name"] == "Aleppo"
    ]
    claims = [c for e in strikes for c in e["claims"] if c["kind"] == "killed"]
    found = {(c["low"], c["high"]): (c["claimant"] or "") for c in claims}
    assert "Observatory" in found.get((27, 27), "")
    assert "White Helmets" in found.get((70, None), "") or "Civil Defen" in found.get(
        (70, None), ""
    )
    assert "Khatib" in found.get((91, 91), "") or "hospital" in found.get((91, 91), "").lower()
