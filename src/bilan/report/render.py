"""The self-contained HTML report: summary, timeline, map, event cards with their evidence.

The page is rendered from the canonical ``events.json`` structure (one data path with the
other outputs) plus the documents' texts, which the evidence is sliced from server-side.
Jinja2 autoescapes every value: a report whose text holds markup shows it as text. The page
loads nothing: CSS and the small filter script are inline, the map is an SVG computed here,
and a Content-Security-Policy forbids any request (``default-src 'none'``).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import math
from dataclasses import dataclass
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from bilan import __version__
from bilan.records import Document
from bilan.report import worldmap

TEMPLATE = "report_template.html"
CONTEXT_CHARS = 220  # evidence context when a document has no sentence spans

# One colour per ACLED event type (colour-blind-safe palette, Okabe-Ito).
TYPE_COLOURS: dict[str, str] = {
    "Battles": "#d55e00",
    "Explosions/Remote violence": "#cc79a7",
    "Violence against civilians": "#b2182b",
    "Protests": "#0072b2",
    "Riots": "#e69f00",
    "Strategic developments": "#009e73",
    "Diplomacy": "#56b4e9",
}
OTHER_COLOUR = "#6b7280"


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence cut in three around a highlighted span (each piece escaped at render)."""

    document: str
    before: str
    marked: str
    after: str
    start: int
    end: int


def _read_asset(name: str) -> str:
    return resources.files("bilan").joinpath(f"report/{name}").read_text("utf-8")


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("bilan", "report"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _sentence_bounds(doc: Document, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence(s) holding ``[start, end)``; a window when none are known."""
    text = doc.text
    first = doc.sentence_index(start)
    last = doc.sentence_index(max(start, end - 1))
    if first >= 0 and last >= 0:
        return min(doc.sentences[first].start, start), max(doc.sentences[last].end, end)
    lo = max(0, start - CONTEXT_CHARS)
    hi = min(len(text), end + CONTEXT_CHARS)
    # cut at the nearest sentence end or line break around the span
    cut = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start))
    lo = cut + 1 if cut >= 0 else lo
    stops = [i for i in (text.find(". ", end, hi), text.find("\n", end, hi)) if i >= 0]
    hi = min(stops) + 1 if stops else hi
    return lo, hi


def evidence(documents: dict[str, Document], doc_id: str, start: int, end: int) -> Evidence:
    """The sentence around a span of a document, with the span singled out."""
    doc = documents.get(doc_id)
    if doc is None or not (0 <= start <= end <= len(doc.text)):
        return Evidence(doc_id, "", "", "", start, end)
    lo, hi = _sentence_bounds(doc, start, end)
    text = doc.text
    return Evidence(
        doc_id,
        " ".join(text[lo:start].split()) + (" " if text[lo:start][-1:].isspace() else ""),
        text[start:end],
        (" " if text[end:hi][:1].isspace() else "") + " ".join(text[end:hi].split()),
        start,
        end,
    )


def figure(claim: dict[str, Any]) -> str:
    """A claim's figure as a reader says it: ``91``, ``27–91``, ``70+``."""
    low, high = claim["low"], claim["high"]
    if high is None:
        return f"{low}+"
    if high == low:
        return str(low)
    return f"{low}–{high}"


def _fatalities_label(fat: dict[str, int | None]) -> str:
    if all(fat[k] is None for k in ("low", "best", "high")):
        return "no figure"
    return " / ".join("–" if fat[k] is None else str(fat[k]) for k in ("low", "best", "high"))


def _map(events: list[dict[str, Any]], anchors: dict[str, str]) -> dict[str, Any] | None:
    located = [e for e in events if e["location"]]
    if not located:
        return None
    points = [(float(e["location"]["lon"]), float(e["location"]["lat"])) for e in located]
    view = worldmap.view_for(points)
    outlines = worldmap.load_countries()
    countries = worldmap.country_paths(view, outlines)
    markers: list[dict[str, Any]] = []
    places: dict[str, list[Any]] = {}
    for event in located:
        loc = event["location"]
        x, y = view.project(float(loc["lon"]), float(loc["lat"]))
        fat = event["fatalities"]
        weight = next((fat[k] for k in ("best", "low", "high") if fat[k] is not None), 0) or 0
        markers.append(
            {
                "x": x,
                "y": y,
                "r": round(min(5.0 + 2.2 * math.sqrt(weight), 30.0), 1),
                "colour": TYPE_COLOURS.get(event["event_type"], OTHER_COLOUR),
                "anchor": anchors[event["id"]],
                "title": (
                    f"{event['date'] or 'undated'} · {event['sub_event_type']} · "
                    f"{loc['name']} · fatalities {_fatalities_label(fat)}"
                ),
            }
        )
        entry = places.setdefault(loc["name"], [x, y, 0, 0.0])
        entry[2] += 1
        entry[3] = max(entry[3], markers[-1]["r"])
    markers.sort(key=lambda m: -m["r"])  # small circles drawn last stay clickable
    labels = sorted(places.items(), key=lambda kv: (-kv[1][2], kv[0]))[:15]
    return {
        "width": view.width,
        "height": view.height,
        "countries": [{"name": n, "d": d} for n, d in countries],
        "markers": markers,
        # beside the largest circle of the place, drawn over the circles
        "labels": [
            {"name": n, "x": round(v[0] + v[3] + 4, 1), "y": round(v[1] + 4, 1)}
            for n, v in labels
        ],
        "country_labels": [
            {"name": n, "x": x, "y": y}
            for n, x, y in worldmap.country_labels(view, outlines)
            # a country's name gives way to the events drawn over it
            if all(math.hypot(x - m["x"], y - m["y"]) > m["r"] + 40 for m in markers)
        ],
        "bbox": [round(view.min_lon, 2), round(view.min_lat, 2),
                 round(view.max_lon, 2), round(view.max_lat, 2)],
    }


def _as_day(value: str) -> dt.date | None:
    """The first day of an ISO date, month (``2016-09``) or year (``2016``)."""
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts[:3]] + [1] * (3 - min(len(parts), 3))
        return dt.date(numbers[0], numbers[1], numbers[2])
    except ValueError:
        return None


def _strip(timeline: list[dict[str, Any]], anchors: list[str]) -> dict[str, Any] | None:
    """A horizontal strip: one dot per timeline date at its place in time."""
    days: list[tuple[dt.date, dict[str, Any], str]] = []
    for entry, anchor in zip(timeline, anchors, strict=True):
        day = _as_day(entry["date"])
        if day is None:
            continue
        days.append((day, entry, anchor))
    if not days:
        return None
    days.sort(key=lambda item: item[0])
    first, last = days[0][0], days[-1][0]
    span = max((last - first).days, 1)
    width, pad = 800.0, 40.0
    dots = []
    for day, entry, anchor in days:
        n = len(entry["events"])
        x = pad + (width - 2 * pad) * ((day - first).days / span if len(days) > 1 else 0.5)
        dots.append(
            {
                "x": round(x, 1),
                "r": round(min(4 + 2 * math.sqrt(n), 14), 1),
                "anchor": anchor,
                "title": f"{entry['date']}: {n} event(s)",
            }
        )
    return {"width": width, "dots": dots, "first": first.isoformat(), "last": last.isoformat()}


def _script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def render_report(
    data: dict[str, Any],
    documents: dict[str, Document],
    rejects: list[dict[str, Any]],
    timeline: list[dict[str, Any]],
) -> str:
    """The report page for an ``events.json`` structure and the documents' texts."""
    events = data["events"]
    anchors = {e["id"]: f"e{i + 1}" for i, e in enumerate(events)}
    cards: list[dict[str, Any]] = []
    for event in events:
        claims = [
            {
                **claim,
                "figure": figure(claim),
                "evidence": evidence(documents, claim["document"], claim["start"], claim["end"]),
                "flags": [
                    flag
                    for flag in ("provisional", "updated", "cumulative")
                    if claim.get(flag)
                ],
            }
            for claim in event["claims"]
        ]
        cards.append(
            {
                "event": event,
                "anchor": anchors[event["id"]],
                "colour": TYPE_COLOURS.get(event["event_type"], OTHER_COLOUR),
                "fatalities": event["fatalities"],
                "claims": claims,
            }
        )
    dates = sorted(
        {d for e in events for d in (e["date"], e["date_end"]) if d}
    )
    timeline_anchors = [f"t{i + 1}" for i in range(len(timeline))]
    types = sorted({e["event_type"] for e in events})
    script = _read_asset("report.js")
    css = _read_asset("report.css")
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src '{_script_hash(script)}'; img-src data:; font-src 'none'; "
        "connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    template = _environment().get_template(TEMPLATE)
    return template.render(
        version=__version__,
        csp=csp,
        css=Markup(css),  # our own stylesheet, shipped with bilan
        script=Markup(script),  # our own script; its hash is in the CSP
        documents=data["documents"],
        n_claims=sum(len(e["claims"]) for e in events),
        n_located=sum(1 for e in events if e["location"]),
        cards=cards,
        rejects=rejects,
        timeline=list(zip(timeline, timeline_anchors, strict=True)),
        strip=_strip(timeline, timeline_anchors),
        anchors=anchors,
        date_range=(dates[0], dates[-1]) if dates else None,
        map=_map(events, anchors),
        types=types,
        type_colours=TYPE_COLOURS,
        other_colour=OTHER_COLOUR,
    )
