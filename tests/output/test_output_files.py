"""events.json, events.csv, events.geojson, documents.jsonl, rejects.jsonl, timeline.json."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from bilan import output
from bilan.output import CSV_COLUMNS, events_json, portable_source, write_atomic, write_outputs
from bilan.records import Event, RunResult

FILES = (
    "events.json",
    "events.csv",
    "events.geojson",
    "documents.jsonl",
    "rejects.jsonl",
    "timeline.json",
    "report.html",
)


def test_every_output_file_is_written(result: RunResult, tmp_path: Path) -> None:
    write_outputs(result, tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(FILES)


def test_events_json_has_the_contract_fields(result: RunResult) -> None:
    data = events_json(result)
    assert data["bilan_version"] == "0.1.0"
    for doc in data["documents"]:
        for key in ("id", "language", "publication_date", "publication_date_source", "warnings"):
            assert key in doc
    assert [d["id"] for d in data["documents"]] == ["001_alep.txt", "002_aleppo.jsonl:1"]
    assert data["documents"][0]["publication_date"] == "2016-03-12"
    keys = {
        "id",
        "date",
        "date_end",
        "date_precision",
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "location",
        "fatalities",
        "claims",
        "mentions",
        "documents",
    }
    for event in data["events"]:
        assert keys <= set(event)
        assert set(event["fatalities"]) == {"low", "best", "high"}
    strike = data["events"][0]
    assert strike["id"] == "SYR-0001"
    assert set(strike["location"]) >= {"name", "country", "admin1", "lat", "lon", "precision"}
    claim = strike["claims"][0]
    assert set(claim) >= {
        "kind",
        "low",
        "high",
        "qualifier",
        "victims",
        "claimant",
        "document",
        "start",
        "end",
        "text",
    }
    assert "sentence" not in claim
    texts = {d.id: d.text for d in result.documents}
    for event in data["events"]:
        for item in event["claims"] + event["mentions"]:
            assert texts[item["document"]][item["start"] : item["end"]] == item["text"]


def test_events_are_sorted_by_date_then_id_undated_last(result: RunResult) -> None:
    ids = [e["id"] for e in events_json(result)["events"]]
    assert ids == ["SYR-0001", "CHE-0001", "SYR-0002", "XXX-0001"]


def test_outputs_are_byte_identical_across_runs(result: RunResult, tmp_path: Path) -> None:
    write_outputs(result, tmp_path / "a")
    # same content, given in another order
    result.documents.reverse()
    result.events.reverse()
    write_outputs(result, tmp_path / "b")
    for name in FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_json_is_utf8_indented_with_trailing_newline(result: RunResult, tmp_path: Path) -> None:
    write_outputs(result, tmp_path)
    raw = (tmp_path / "events.json").read_bytes()
    assert raw.endswith(b"}\n")
    text = raw.decode("utf-8")
    assert "aériennes" in text  # not \u00e9 escapes
    assert text.startswith('{\n  "bilan_version"')
    assert str(tmp_path) not in text


def test_csv_header_is_exactly_the_contract_columns(result: RunResult, tmp_path: Path) -> None:
    write_outputs(result, tmp_path)
    text = (tmp_path / "events.csv").read_text("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[0][:20] == [
        "event_id_cnty",
        "event_date",
        "year",
        "time_precision",
        "event_type",
        "sub_event_type",
        "actor1",
        "assoc_actor_1",
        "actor2",
        "assoc_actor_2",
        "country",
        "admin1",
        "admin2",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "source",
        "notes",
        "fatalities",
    ]
    assert len(rows) == 1 + 4
    by_id = {r["event_id_cnty"]: r for r in csv.DictReader(io.StringIO(text))}
    strike = by_id["SYR-0001"]
    assert strike["fatalities"] == "14"  # ACLED: the most conservative figure
    assert strike["fatalities_low"] == "14" and strike["fatalities_high"] == "20"
    assert strike["time_precision"] == "1" and strike["geo_precision"] == "1"
    assert strike["year"] == "2016" and strike["source"] == "Reuters"
    assert "14+ killed civilians (Syrian Observatory for Human Rights)" in strike["claims"]
    assert by_id["CHE-0001"]["fatalities"] == "0"
    assert by_id["XXX-0001"]["latitude"] == "" and by_id["XXX-0001"]["time_precision"] == ""


def test_time_precision_codes(result: RunResult) -> None:
    result.events[0].date = "2016-03-01"
    result.events[0].date_precision = "month"
    result.events[1].date_end = "2016-03-15"  # talks: a span of days
    rows = {r["event_id_cnty"]: r for r in output.csv_rows(events_json(result))}
    assert rows["XXX-0001"]["time_precision"] == "3"
    assert rows["CHE-0001"]["time_precision"] == "2"


def test_geojson_is_a_feature_collection_of_located_events(
    result: RunResult, tmp_path: Path
) -> None:
    write_outputs(result, tmp_path)
    geo = json.loads((tmp_path / "events.geojson").read_text("utf-8"))
    assert geo["type"] == "FeatureCollection"
    assert [f["properties"]["id"] for f in geo["features"]] == [
        "SYR-0001",
        "CHE-0001",
        "SYR-0002",
    ]
    for feature in geo["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert {"date", "event_type", "sub_event_type", "fatalities", "location"} <= set(
            feature["properties"]
        )
    assert geo["features"][0]["geometry"]["coordinates"] == [37.16, 36.2]


def test_documents_and_rejects_lines(result: RunResult, tmp_path: Path) -> None:
    write_outputs(result, tmp_path)
    docs = [json.loads(x) for x in (tmp_path / "documents.jsonl").read_text("utf-8").splitlines()]
    assert [d["id"] for d in docs] == ["001_alep.txt", "002_aleppo.jsonl:1"]
    assert docs[0]["text"] == result.documents[1].text  # the text offsets refer to
    assert {
        "source",
        "language",
        "publication_date",
        "publication_date_source",
        "title",
        "outlet",
        "warnings",
    } <= set(docs[0])
    rejects = [json.loads(x) for x in (tmp_path / "rejects.jsonl").read_text("utf-8").splitlines()]
    assert rejects == [
        {"input": "corpus/empty.txt", "reason": "empty file", "stage": "ingest", "document": None}
    ]


def test_timeline_json(result: RunResult, tmp_path: Path) -> None:
    write_outputs(result, tmp_path)
    data = json.loads((tmp_path / "timeline.json").read_text("utf-8"))
    assert data == {
        "timeline": [
            {
                "date": "2016-03-12",
                "summary": ["Des frappes aériennes ont touché Alep."],
                "events": ["SYR-0001"],
                "documents": ["001_alep.txt"],
            }
        ]
    }


def test_empty_run_writes_valid_files(tmp_path: Path) -> None:
    write_outputs(RunResult([], [], [], []), tmp_path)
    assert json.loads((tmp_path / "events.json").read_text("utf-8"))["events"] == []
    assert (tmp_path / "rejects.jsonl").read_text("utf-8") == ""
    assert "No events." in (tmp_path / "report.html").read_text("utf-8")


def test_event_without_id_gets_a_stable_one(result: RunResult) -> None:
    result.events[0].id = ""
    first = events_json(result)["events"][-1]["id"]
    assert first.startswith("ev-")
    assert events_json(result)["events"][-1]["id"] == first


def test_absolute_sources_are_made_portable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert portable_source("corpus/a.txt") == "corpus/a.txt"
    assert portable_source("-:3") == "-:3"
    assert portable_source(str(tmp_path / "corpus" / "a.jsonl") + ":4") == "corpus/a.jsonl:4"
    assert portable_source("/nonexistent-bilan-dir/x/report.jsonl:12") == "report.jsonl:12"


def test_atomic_write_leaves_no_temp_files(result: RunResult, tmp_path: Path) -> None:
    write_outputs(result, tmp_path)
    write_outputs(result, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(FILES)


def test_failed_write_keeps_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "events.json"
    target.write_text("old\n", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(output.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, "new\n")
    assert target.read_text("utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.json"]


def test_event_documents_fall_back_to_mentions(result: RunResult) -> None:
    event: Event = result.events[2]  # shelling
    event.documents = []
    data = events_json(result)
    shelling = next(e for e in data["events"] if e["id"] == "SYR-0002")
    assert shelling["documents"] == ["002_aleppo.jsonl:1"]


def test_date_precision_stays_within_the_contract() -> None:
    from bilan.output import contract_precision

    assert [contract_precision(p) for p in ("day", "period", "season", "decade", "week")] == [
        "day",
        "day",
        "month",
        "year",
        "week",
    ]


def test_figures_outside_every_event_are_kept_on_the_document() -> None:
    from bilan.pipeline import Resources
    from bilan.records import Document
    from bilan.stages import default_pipeline

    text = ("Des frappes ont tué douze civils mardi à Alep, selon l'OSDH.\n"
            "Le conflit a fait plus de 300 000 morts depuis 2011.")
    doc = Document(id="d.txt", text=text, source="d.txt")
    doc.published = "2016-09-28"
    default_pipeline().process(doc, Resources())
    data = events_json(RunResult(documents=[doc], events=list(doc.events), rejects=[],
                                 timeline=[]))
    others = data["documents"][0]["other_claims"]
    assert [(c["kind"], c["low"]) for c in others] == [("killed", 300000)]
    assert all(text[c["start"]:c["end"]] == c["text"] for c in others)
    in_events = [c["low"] for e in data["events"] for c in e["claims"]]
    assert 12 in in_events and 300000 not in in_events
