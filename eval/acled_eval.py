"""bilan against ACLED's coded events, on the analysts' ``notes`` (../shared/data/acled-en).

    .venv/bin/python eval/acled_eval.py [--data ../shared/data] [--per-file 2000] [--tables]

Each sampled row's ``notes`` is one English document. Rows are sampled deterministically:
every k-th row so that at most ``--per-file`` rows of each file are read.

Two runs per file:

* typing and fatalities: the row's ``event_date`` is given as the document's publication
  date (the notes are written relative to it: "On 9 May 2020 ...", "around ...");
* dates: the same notes run again WITHOUT that date, and the main event's date is compared
  with ``event_date`` (so the date metric gets no hint).

The *main event* of a note is its first violent event, else its first event
(``extern_common.main_event``); "(none)" when bilan finds no event. Metrics: event type
accuracy, sub-type accuracy (2020 file only: the older exports use ACLED's pre-2019 types,
mapped to the current ones below; "Riots/Protests" accepts Protests or Riots), fatalities
exact with predicted = the main event's reconciled ``best`` and, separately, ``low``
(0 when it has no killed claim), date accuracy, the share of rows whose main event has a
location (``event_placed``) and the share whose main event lies within 50 km of the row's
``latitude``/``longitude`` (``event_within_50km``; rows without coordinates left out), a
confusion table per event type, and ``fatalities_reachable``: the share of rows bilan gets
right or whose coded fatalities can be read from the note at all (see ``figure_stated``), a
generous bound on what a reader that invents no number could reach.

``fatalities_exact_note`` reads the same outputs note by note: ACLED splits one note's toll
over several rows (one per place or day, each with its share), so per row no reading of the
note can be right on all of them. Per distinct note sampled (``notes``), the main event's
``best`` is compared with the sum of the coded fatalities of every row of the file that
carries that note. The row measure stays the headline one.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bilan.places.gazetteer import distance_km
from extern_common import (
    DEFAULT_DATA,
    NONE,
    Snippet,
    confusion_markdown,
    fatalities,
    main_event,
    run_snippets,
)

FILES = ("acled_2020_dev.csv", "acled_2016_africa.csv", "acled_2015_south_asia.csv")
# ACLED's event types before 2019 -> the current ones (a set: any of them is right)
OLD_TYPES: dict[str, tuple[str, ...]] = {
    "riots/protests": ("Protests", "Riots"),
    "battle-no change of territory": ("Battles",),
    "battle-government regains territory": ("Battles",),
    "battle-non-state actors overtake territory": ("Battles",),
    "battle-non-state actor overtakes territory": ("Battles",),
    "violence against civilians": ("Violence against civilians",),
    "remote violence": ("Explosions/Remote violence",),
    "strategic development": ("Strategic developments",),
    "non-violent transfer of territory": ("Strategic developments",),
    "headquarters or base established": ("Strategic developments",),
}
RADIUS_KM = 50.0  # a main event placed this near the coded point is placed right
DATE_FORMATS = ("%Y-%m-%d", "%d-%B-%Y", "%d-%b-%y", "%d-%B-%y", "%d/%m/%Y")


def parse_date(value: str) -> str | None:
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def field(row: Mapping[str, str], name: str) -> str:
    return (row.get(name) or row.get(name.upper()) or "").strip()


def gold_types(event_type: str) -> tuple[str, ...]:
    return OLD_TYPES.get(event_type.lower(), (event_type,))


def coordinates(row: Mapping[str, str]) -> tuple[float, float] | None:
    """The row's coded (latitude, longitude), None when absent or unreadable."""
    try:
        return float(field(row, "latitude")), float(field(row, "longitude"))
    except ValueError:
        return None


def read_rows(path: Path, per_file: int) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if field(r, "notes")]
    step = max(1, -(-len(rows) // per_file))
    return rows[::step][:per_file]


NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}


def figure_stated(note: str, value: int) -> bool:
    """Can the coded fatalities ``value`` be read from the note without inventing a number:
    0, one of the note's figures (digits or number words), or the sum of two or three of
    them? A generous bound: ACLED codes 10 for "several" or "many" and splits one note's toll
    over several rows, which no reading of the note can give."""
    if value == 0:
        return True
    low = note.lower()
    figures = [int(d.replace(",", "")) for d in re.findall(r"\d[\d,]*", low)
               if d.replace(",", "").isdigit()]
    figures += [v for w, v in NUMBER_WORDS.items() if re.search(rf"\b{w}\b", low)]
    figures = figures[:12]
    return value in figures or any(
        sum(c) == value for k in (2, 3) for c in itertools.combinations(figures, k))


def _fatalities(row: Mapping[str, str]) -> int:
    try:
        return int(float(field(row, "fatalities") or 0))
    except ValueError:
        return 0


def note_tolls(path: Path) -> dict[str, int]:
    """The coded fatalities of each note, summed over every row of the file that carries
    it: ACLED splits one note's toll over several rows (one per place or day), which no
    single reading of the note can match row by row."""
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        out: dict[str, int] = {}
        for r in csv.DictReader(fh):
            if note := field(r, "notes"):
                out[note] = out.get(note, 0) + _fatalities(r)
    return out


def evaluate_file(path: Path, per_file: int) -> dict[str, Any]:
    rows = read_rows(path, per_file)
    tolls = note_tolls(path)
    note_ok: dict[str, bool] = {}
    snippets = [
        Snippet(f"r{i}", field(r, "notes"), parse_date(field(r, "event_date")))
        for i, r in enumerate(rows)
    ]
    docs, seconds = run_snippets(snippets)
    undated, _ = run_snippets([Snippet(s.id, s.text) for s in snippets])
    n = len(rows)
    type_ok = sub_ok = sub_n = best_ok = low_ok = date_ok = 0
    placed = near = located_n = stated = 0
    pairs: list[tuple[str, str]] = []
    sub_pairs: list[tuple[str, str]] = []
    for i, row in enumerate(rows):
        ev = main_event(docs.get(f"r{i}"))
        wanted = gold_types(field(row, "event_type"))
        predicted = ev.event_type if ev else NONE
        type_ok += predicted in wanted
        pairs.append((field(row, "event_type"), predicted))
        sub = field(row, "sub_event_type")
        if sub:
            sub_n += 1
            psub = ev.sub_event_type if ev else NONE
            sub_ok += psub == sub
            sub_pairs.append((sub, psub))
        gold_fat = _fatalities(row)
        best, low = fatalities(ev)
        note_ok[field(row, "notes")] = best == tolls[field(row, "notes")]
        stated += best == gold_fat or figure_stated(field(row, "notes"), gold_fat)
        best_ok += best == gold_fat
        low_ok += low == gold_fat
        where = ev.location if ev else None
        placed += where is not None
        if (point := coordinates(row)) is not None:
            located_n += 1
            near += where is not None and (
                distance_km(where.lat, where.lon, point[0], point[1]) <= RADIUS_KM)
        dated = main_event(undated.get(f"r{i}"))
        gold_date = parse_date(field(row, "event_date"))
        date_ok += bool(dated and dated.date and dated.date[:10] == gold_date)
    chars = sum(len(s.text) for s in snippets)
    return {
        "file": path.name,
        "rows": n,
        "event_type_acc": round(type_ok / n, 4) if n else 0.0,
        "sub_type_acc": round(sub_ok / sub_n, 4) if sub_n else None,
        "fatalities_exact_best": round(best_ok / n, 4) if n else 0.0,
        "fatalities_exact_low": round(low_ok / n, 4) if n else 0.0,
        "fatalities_reachable": round(stated / n, 4) if n else 0.0,
        "notes": len(note_ok),
        "fatalities_exact_note": round(sum(note_ok.values()) / len(note_ok), 4)
        if note_ok else 0.0,
        "date_acc_unhinted": round(date_ok / n, 4) if n else 0.0,
        "event_placed": round(placed / n, 4) if n else 0.0,
        "event_within_50km": round(near / located_n, 4) if located_n else None,
        "ms_per_5kb": round(1000 * seconds / max(chars, 1) * 5000, 1),
        "confusion": confusion_markdown(pairs),
        "sub_confusion": confusion_markdown(sub_pairs) if sub_pairs else "",
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--per-file", type=int, default=2000)
    ap.add_argument("--tables", action="store_true", help="print the confusion tables")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    folder = args.data / "acled-en"
    if not folder.is_dir():
        print(f"no ACLED data in {folder}")
        return 2
    results = [evaluate_file(folder / f, args.per_file) for f in FILES if (folder / f).exists()]
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    keys = ("rows", "event_type_acc", "sub_type_acc", "fatalities_exact_best",
            "fatalities_exact_low", "fatalities_reachable", "notes", "fatalities_exact_note",
            "date_acc_unhinted", "event_placed",
            "event_within_50km", "ms_per_5kb")
    print("| file | " + " | ".join(keys) + " |")
    print("|---|" + "---|" * len(keys))
    for r in results:
        print(f"| {r['file']} | " + " | ".join(str(r[k]) for k in keys) + " |")
    if args.tables:
        for r in results:
            print(f"\n### {r['file']}: event type (rows gold, columns predicted)\n")
            print(r["confusion"])
            if r["sub_confusion"]:
                print(f"\n### {r['file']}: sub-event type\n")
                print(r["sub_confusion"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
