"""Score per-document event extraction against the shared gold sets.

    .venv/bin/python eval/events_eval.py [--data ../shared/data] [--show]

For each gold corpus (seeds-fr, mlcrisis-fr-gold, t17-en-gold) documents are built with
the stages that exist (layout, sentences, time, places, actors, claims: each used when
importable, else skipped; the publication date falls back to the gold one so that
dates can be scored without the time stage) and the events stage runs on each.

Matching is per document: a gold event's mentions in that document are located in the
text (its quotes); a predicted event matches a gold event when one of its mentions overlaps
one of those quotes (and, for the typed score, the event types agree). Matching is
one-to-one, greedy by overlap. Optional gold events are neither misses nor false alarms;
background and cumulative events count. Reports precision, recall, F1 (typed and
type-agnostic), sub-type accuracy and date accuracy on matched events.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilan.events.stage import extract_events
from bilan.pipeline import Resources, Stage
from bilan.records import Document, Event, Span

REPO = Path(__file__).resolve().parents[1]
CORPORA = (
    ("seeds-fr", "seeds-fr/gold_dev.json", "seeds-fr", "fr"),
    ("mlcrisis-fr", "mlcrisis-fr-gold/gold.json", "mlcrisis-fr-gold/docs", "fr"),
    ("t17-en", "t17-en-gold/gold.json", "t17-en-gold/docs", "en"),
)
OPTIONAL_STAGES = (
    ("bilan.ingest.layout", "read_layout"),
    ("bilan.language.sentences", "segment_sentences"),
    ("bilan.time.stage", "resolve_time"),
    ("bilan.places.stage", "find_places"),
    ("bilan.actors.stage", "find_actors"),
    ("bilan.claims.stage", "extract_claims"),
)


def available_stages() -> list[Stage]:
    found = []
    for module, name in OPTIONAL_STAGES:
        try:
            found.append(getattr(importlib.import_module(module), name))
        except (ImportError, AttributeError):
            continue
    return found


def fallback_timexes(text: str, lang: str, dct: dt.date | None, res: Resources) -> list[Any]:
    """Timexes from the time helper's finder when its stage is not wired yet (else none)."""
    try:
        from bilan.time.find import find_timexes
        from bilan.time.lexicon import load_time_lexicon
    except ImportError:
        return []
    lexicon = res.get(f"eval.time.{lang}", lambda: load_time_lexicon(lang))
    return list(find_timexes(text, lang, dct, lexicon))


def naive_sentences(text: str) -> list[Span]:
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        line_start = m.start()
        for s in re.finditer(r".+?(?:[.!?»\"]+(?=\s+[A-ZÀ-Ý«\"])|$)", m.group()):
            a, b = line_start + s.start(), line_start + s.end()
            while a < b and text[a].isspace():
                a += 1
            if b > a:
                spans.append(Span(a, b, text[a:b]))
    return spans


def build_document(
    doc_id: str, text: str, lang: str, pub: str | None, stages: list[Stage], res: Resources
) -> Document:
    doc = Document(id=doc_id, text=text, source=doc_id)
    doc.language = lang
    names = {s.name for s in stages}
    for st in stages:
        st(doc, res)
        if st.name == "language":
            doc.language = lang
    if "sentences" not in names:
        doc.sentences = naive_sentences(text)
    if doc.publication_date is None and pub:
        doc.publication_date = dt.date.fromisoformat(pub[:10])
    if "time" not in names:
        doc.timexes = fallback_timexes(text, lang, doc.publication_date, res)
    extract_events(doc, res)
    return doc


@dataclass
class GoldItem:
    gid: str
    status: str
    event_type: str
    sub_type: str
    date: str | None
    spans: list[tuple[int, int]]


def gold_items(gold: dict[str, Any], doc_id: str, text: str) -> list[GoldItem]:
    items = []
    for e in gold["events"]:
        spans = []
        for m in e.get("mentions", []):
            if m["doc"] != doc_id:
                continue
            i = text.find(m["quote"])
            if i >= 0:
                spans.append((i, i + len(m["quote"])))
        if spans:
            items.append(
                GoldItem(
                    e["id"],
                    e["status"],
                    e["event_type"],
                    e["sub_event_type"],
                    e.get("date") or e.get("date_start"),
                    spans,
                )
            )
    return items


def overlap(ev: Event, item: GoldItem) -> int:
    best = 0
    for m in ev.mentions:
        for a, b in item.spans:
            best = max(best, min(m.end, b) - max(m.start, a))
    return best


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    sub_ok: int = 0
    date_ok: int = 0
    dated: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_document(
    events: list[Event], items: list[GoldItem], typed: bool, score: Score, log: list[str] | None
) -> None:
    pairs = []
    for i, ev in enumerate(events):
        for j, item in enumerate(items):
            if typed and ev.event_type != item.event_type:
                continue
            ov = overlap(ev, item)
            if ov > 0:
                pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_e: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i in used_e or j in used_g:
            continue
        used_e.add(i)
        used_g.add(j)
        ev, item = events[i], items[j]
        if item.status == "optional":
            continue
        score.tp += 1
        score.sub_ok += ev.sub_event_type == item.sub_type
        if item.date:
            score.dated += 1
            score.date_ok += ev.date == item.date
    for i, ev in enumerate(events):
        if i in used_e:
            continue
        # overlapping an optional or an already matched gold event is not a false alarm
        if any(
            overlap(ev, it) > 0
            and (it.status == "optional" or not typed or it.event_type == ev.event_type)
            for it in items
        ):
            continue
        score.fp += 1
        if log is not None:
            log.append(
                f"  FP {ev.event_type}/{ev.sub_event_type} {ev.date} "
                f"{ev.trigger.text if ev.trigger else ''!r}: {ev.mentions[0].text[:100]!r}"
            )
    for j, item in enumerate(items):
        if j not in used_g and item.status != "optional":
            score.fn += 1
            if log is not None:
                log.append(f"  FN {item.gid} {item.event_type}/{item.sub_type} {item.date}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--show", action="store_true", help="list misses and false alarms")
    ap.add_argument("--corpus", action="append", help="only these corpora")
    ap.add_argument("--json", type=Path, help="also write the scores to this file")
    args = ap.parse_args(argv)
    stages = available_stages()
    res = Resources()
    out: dict[str, Any] = {"stages": [s.name for s in stages]}
    print("stages used before events:", ", ".join(out["stages"]) or "(none)")
    for name, gold_path, docs_dir, lang in CORPORA:
        if args.corpus and name not in args.corpus:
            continue
        gold = json.loads((args.data / gold_path).read_text(encoding="utf-8"))
        typed, untyped = Score(), Score()
        log: list[str] | None = [] if args.show else None
        for meta in gold["documents"]:
            doc_id = meta["doc"]
            text = (args.data / docs_dir / doc_id).read_text(encoding="utf-8")
            doc = build_document(doc_id, text, lang, meta.get("publication_date"), stages, res)
            items = gold_items(gold, doc_id, text)
            if log is not None:
                log.append(f"{doc_id}: {len(doc.events)} predicted, {len(items)} gold")
            score_document(doc.events, items, True, typed, log)
            score_document(doc.events, items, False, untyped, None)
        p, r, f = typed.prf()
        up, ur, uf = untyped.prf()
        row = {
            "typed": {
                "p": round(p, 3),
                "r": round(r, 3),
                "f1": round(f, 3),
                "tp": typed.tp,
                "fp": typed.fp,
                "fn": typed.fn,
            },
            "untyped": {"p": round(up, 3), "r": round(ur, 3), "f1": round(uf, 3)},
            "sub_type_acc": round(typed.sub_ok / typed.tp, 3) if typed.tp else None,
            "date_acc": round(typed.date_ok / typed.dated, 3) if typed.dated else None,
        }
        out[name] = row
        print(
            f"{name:12s} typed P {p:.3f} R {r:.3f} F1 {f:.3f} "
            f"(tp {typed.tp} fp {typed.fp} fn {typed.fn}) | any-type F1 {uf:.3f} | "
            f"sub-type acc {row['sub_type_acc']} | date acc {row['date_acc']}"
        )
        if log:
            print("\n".join(log))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
