"""Write a run's results to DIR (contract §1): events.json, events.csv, events.geojson,
documents.jsonl, rejects.jsonl, timeline.json and report.html.

Every file derives from one data path, :func:`events_json`, so the JSON, the CSV, the
GeoJSON and the report cannot disagree. Output is deterministic: the same run gives the same
bytes (fixed key order, events sorted by date then id, no timestamps, no absolute paths).
Each file is written to a temporary file beside it and renamed, so a crash never leaves a
half-written file.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import Any

from bilan import __version__
from bilan.records import Claim, Document, Event, Mention, Place, Reject, RunResult

CSV_COLUMNS: tuple[str, ...] = (
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
    "fatalities_low",
    "fatalities_high",
    "claims",
)

# ACLED time_precision: 1 the day is known, 2 within a week or a few days, 3 a month or more.
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "season": 3, "year": 3}
# ACLED geo_precision: 1 the town (or a part of it), 2 near a town / part of a region,
# 3 only a province or the country is known.
_GEO_PRECISION = {"district": 1, "city": 1, "admin1": 3, "country": 3, "region": 3}
NOTES_MAX = 300


# --------------------------------------------------------------------------- JSON data path


def portable_source(source: str) -> str:
    """A document's source without the machine's absolute path (outputs stay portable).

    Relative sources and ``-:line`` stay as they are; an absolute path becomes relative to the
    current directory when it lies below it, else its file name (``:line`` kept).
    """
    path, sep, line = source, "", ""
    head, colon, tail = source.rpartition(":")
    if colon and tail.isdigit():
        path, sep, line = head, ":", tail
    if not PurePath(path).is_absolute():
        return source
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        rel = ""
    if not rel or rel.startswith(".."):
        rel = PurePath(path).name
    return f"{rel}{sep}{line}"


def event_id(event: Event) -> str:
    """The event's id, or a stable one derived from its content when the id is empty."""
    if event.id:
        return event.id
    anchor = event.mentions[0] if event.mentions else None
    key = "|".join(
        [
            event.date or "",
            event.event_type,
            event.sub_event_type,
            anchor.document if anchor else "",
            str(anchor.start) if anchor else "",
            event.location.name if event.location else "",
        ]
    )
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _event_sort_key(event: Event) -> tuple[bool, str, str]:
    # undated events last
    return (event.date is None, event.date or "", event_id(event))


def _place_json(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "name": place.name,
        "country": place.country,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
        "precision": place.precision,
        "country_code": place.country_code,
        "gazetteer_id": place.gazetteer_id,
        "parent": place.parent,
    }


def _fatalities_json(event: Event) -> dict[str, int | None]:
    fat = event.fatalities or {}
    return {"low": fat.get("low"), "best": fat.get("best"), "high": fat.get("high")}


def _mention_json(mention: Mention) -> dict[str, Any]:
    return {
        "document": mention.document,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
    }


def _claim_json(claim: Claim) -> dict[str, Any]:
    return claim.to_json()


# The contract's four precisions; finer-grained stage values map onto them. A span's
# extent is carried by date .. date_end, so a "period" is as precise as its days.
_PRECISION = {
    "period": "day",
    "season": "month",
    "quarter": "month",
    "decade": "year",
    "century": "year",
}


def contract_precision(precision: str) -> str:
    """day, week, month or year (the values events.json promises)."""
    return _PRECISION.get(precision, precision)


def _event_json(event: Event) -> dict[str, Any]:
    documents = list(dict.fromkeys(event.documents or [m.document for m in event.mentions]))
    return {
        "id": event_id(event),
        "date": event.date,
        "date_end": event.date_end,
        "date_precision": contract_precision(event.date_precision),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "assoc_actor_1": list(event.assoc_actor_1),
        "assoc_actor_2": list(event.assoc_actor_2),
        "target": event.target,
        "plover": event.plover,
        "location": _place_json(event.location),
        "fatalities": _fatalities_json(event),
        "claims": [_claim_json(c) for c in event.claims],
        "mentions": [_mention_json(m) for m in event.mentions],
        "documents": documents,
        "notes": event.notes,
    }


def unattached_claims(doc: Document) -> list[Claim]:
    """The figures a report gives that belong to none of its events (a war-wide total, a
    toll of a past episode, a figure bilan could not tie to an event): listed on the
    report's record so that no figure is lost."""
    attached = {(c.start, c.end, c.kind) for ev in doc.events for c in ev.claims}
    return [c for c in doc.claims if (c.start, c.end, c.kind) not in attached]


def _document_json(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "language": doc.language,
        "publication_date": doc.publication_date.isoformat() if doc.publication_date else None,
        "publication_date_source": doc.publication_date_source,
        "warnings": list(doc.warnings),
        "non_conflict": [
            {"kind": h.kind, "text": h.text, "start": h.start, "end": h.end}
            for h in doc.happenings
        ],
        "other_claims": [_claim_json(c) for c in unattached_claims(doc)],
        "title": doc.title,
        "outlet": doc.outlet,
        "url": doc.url,
        "source": portable_source(doc.source),
    }


def _sorted_documents(documents: Iterable[Document]) -> list[Document]:
    return sorted(documents, key=lambda d: d.id)


def events_json(result: RunResult) -> dict[str, Any]:
    """The canonical ``events.json`` structure (contract §1) of a run."""
    return {
        "bilan_version": __version__,
        "documents": [_document_json(d) for d in _sorted_documents(result.documents)],
        "events": [_event_json(e) for e in sorted(result.events, key=_event_sort_key)],
    }


def document_line(doc: Document) -> dict[str, Any]:
    """One line of ``documents.jsonl``: the document's metadata and the text offsets refer to."""
    data = _document_json(doc)
    return {
        "id": data["id"],
        "source": data["source"],
        "language": data["language"],
        "publication_date": data["publication_date"],
        "publication_date_source": data["publication_date_source"],
        "title": data["title"],
        "outlet": data["outlet"],
        "url": data["url"],
        "warnings": data["warnings"],
        "text": doc.text,
    }


def reject_line(reject: Reject) -> dict[str, Any]:
    return {
        "input": portable_source(reject.input),
        "reason": reject.reason,
        "stage": reject.stage,
        "document": reject.document,
    }


def timeline_json(result: RunResult) -> dict[str, Any]:
    return {"timeline": [dataclasses.asdict(entry) for entry in result.timeline]}


# --------------------------------------------------------------------------- CSV, GeoJSON


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def claim_brief(claim: dict[str, Any]) -> str:
    """A claim in a few words: ``91 killed (Hospital director)``, ``70+ killed (the report)``."""
    low, high = claim["low"], claim["high"]
    if high is None:
        figure = f"{low}+"
    elif high == low:
        figure = str(low)
    else:
        figure = f"{low}-{high}"
    kind = claim["kind"] if claim["kind"] != "other" else (claim.get("what") or "other")
    claimant = claim["claimant"] or "the report"
    return f"{figure} {kind} {claim['victims']} ({claimant})"


def _notes(event: dict[str, Any]) -> str:
    text = event["notes"] or (event["mentions"][0]["text"] if event["mentions"] else "")
    text = " ".join(text.split())
    if len(text) > NOTES_MAX:
        text = text[: NOTES_MAX - 1].rstrip() + "…"
    return text


def _time_precision(event: dict[str, Any]) -> int:
    code = _TIME_PRECISION.get(event["date_precision"], 3)
    if code == 1 and event["date_end"] and event["date_end"] != event["date"]:
        code = 2
    return code


def _conservative_fatalities(event: dict[str, Any]) -> int:
    """ACLED codes the most conservative credible figure: our ``low``, 0 when none."""
    fat = event["fatalities"]
    for key in ("low", "best", "high"):
        if fat[key] is not None:
            return int(fat[key])
    return 0


def csv_rows(data: dict[str, Any]) -> list[dict[str, str]]:
    """One ACLED-style row per event of an :func:`events_json` structure."""
    outlets = {d["id"]: (d["outlet"] or d["id"]) for d in data["documents"]}
    rows: list[dict[str, str]] = []
    for event in data["events"]:
        loc = event["location"] or {}
        sources = list(dict.fromkeys(outlets.get(doc, doc) for doc in event["documents"]))
        rows.append(
            {
                "event_id_cnty": event["id"],
                "event_date": event["date"] or "",
                "year": (event["date"] or "")[:4],
                "time_precision": str(_time_precision(event)) if event["date"] else "",
                "event_type": event["event_type"],
                "sub_event_type": event["sub_event_type"],
                "actor1": event["actor1"] or "",
                "assoc_actor_1": "; ".join(event["assoc_actor_1"]),
                "actor2": event["actor2"] or "",
                "assoc_actor_2": "; ".join(event["assoc_actor_2"]),
                "country": loc.get("country") or "",
                "admin1": loc.get("admin1") or "",
                "admin2": "",
                "location": loc.get("name") or "",
                "latitude": "" if not loc else str(loc["lat"]),
                "longitude": "" if not loc else str(loc["lon"]),
                "geo_precision": str(_GEO_PRECISION.get(loc["precision"], 3)) if loc else "",
                "source": "; ".join(sources),
                "notes": _notes(event),
                "fatalities": str(_conservative_fatalities(event)),
                "fatalities_low": _number(event["fatalities"]["low"]),
                "fatalities_high": _number(event["fatalities"]["high"]),
                "claims": "; ".join(claim_brief(c) for c in event["claims"]),
            }
        )
    return rows


def events_csv(data: dict[str, Any]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_rows(data))
    return buffer.getvalue()


def events_geojson(data: dict[str, Any]) -> dict[str, Any]:
    """A FeatureCollection with one Point per located event."""
    features: list[dict[str, Any]] = []
    for event in data["events"]:
        loc = event["location"]
        if not loc:
            continue
        fat = event["fatalities"]
        features.append(
            {
                "type": "Feature",
                "id": event["id"],
                "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
                "properties": {
                    "id": event["id"],
                    "date": event["date"],
                    "event_type": event["event_type"],
                    "sub_event_type": event["sub_event_type"],
                    "fatalities": _conservative_fatalities(event),
                    "fatalities_low": fat["low"],
                    "fatalities_best": fat["best"],
                    "fatalities_high": fat["high"],
                    "location": loc["name"],
                    "country": loc["country"],
                    "precision": loc["precision"],
                    "documents": event["documents"],
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


# --------------------------------------------------------------------------- writing


def dumps(data: Any) -> str:
    """JSON as bilan writes it: UTF-8 text, indent 2, trailing newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _jsonl(lines: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; outputs are meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_outputs(result: RunResult, out_dir: Path) -> None:
    """Write every output file of a run into ``out_dir`` (created when missing)."""
    from bilan.report.render import render_report  # the report imports nothing from here

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = events_json(result)
    documents = _sorted_documents(result.documents)
    rejects = sorted(result.rejects, key=lambda r: (r.input, r.stage, r.reason))
    timeline = timeline_json(result)
    files = {
        "events.json": dumps(data),
        "events.csv": events_csv(data),
        "events.geojson": dumps(events_geojson(data)),
        "documents.jsonl": _jsonl(document_line(d) for d in documents),
        "rejects.jsonl": _jsonl(reject_line(r) for r in rejects),
        "timeline.json": dumps(timeline),
        "report.html": render_report(
            data,
            {d.id: d for d in documents},
            [reject_line(r) for r in rejects],
            timeline["timeline"],
        ),
    }
    for name, text in files.items():
        write_atomic(out_dir / name, text)
