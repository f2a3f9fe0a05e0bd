"""Score the claims stage against the dev gold sets (seeds-fr, mlcrisis-fr-gold, t17-en-gold).

Reads ../shared/data at run time (nothing is copied). For each gold document it builds a
Document (naive sentences; the actors stage when it exists; gold publication date), runs
the claims extractor and compares:

- numbers: a predicted claim matches a gold claim of the same document when low, high and
  kind agree (gold fatality -> killed, injury -> injured, other_quantities -> any other
  kind) and the claim's span overlaps the gold quote. Predictions that match an
  ``also_stated_as`` quote are neither hits nor false alarms.
- number + claimant: a match whose claimant refers to the same source (fuzzy token
  overlap; gold "the article (no attribution)" means no claimant).

Usage: python eval/claims_eval.py [--corpus seeds|mlcrisis|t17|all] [--show]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilan.claims.stage import extract_claims
from bilan.pipeline import Resources
from bilan.records import Claim, Document

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
CORPORA = {
    "seeds": (DATA / "seeds-fr" / "gold_dev.json", DATA / "seeds-fr"),
    "mlcrisis": (DATA / "mlcrisis-fr-gold" / "gold.json", DATA / "mlcrisis-fr-gold" / "docs"),
    "t17": (DATA / "t17-en-gold" / "gold.json", DATA / "t17-en-gold" / "docs"),
}
KINDS = {"fatality_claims": "killed", "injury_claims": "injured", "other_quantities": "other"}
STOP = {"the", "of", "and", "for", "les", "des", "de", "la", "le", "du", "l'", "d'", "a", "an",
        "un", "une", "et", "no", "article", "attribution", "incl", "via", "from", "by"}


@dataclass
class Gold:
    doc: str
    kind: str
    low: int
    high: int | None
    claimant: str | None
    spans: list[tuple[int, int]]  # main quote first
    alt_spans: list[tuple[int, int]]
    quote: str


def _find(text: str, quote: str) -> tuple[int, int] | None:
    i = text.find(quote)
    if i >= 0:
        return i, i + len(quote)
    pat = r"\s+".join(re.escape(w) for w in quote.split())
    m = re.search(pat, text)
    return (m.start(), m.end()) if m else None


def load_gold(corpus: str) -> tuple[list[Gold], dict[str, Any], Path]:
    gold_path, doc_dir = CORPORA[corpus]
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    docs = {d["doc"]: d for d in data["documents"]}
    texts = {d: (doc_dir / d).read_text(encoding="utf-8") for d in docs}
    out: list[Gold] = []
    for ev in data["events"]:
        for key, kind in KINDS.items():
            for c in ev.get(key) or []:
                text = texts[c["doc"]]
                span = _find(text, c["quote"])
                alts = [s for a in c.get("also_stated_as") or []
                        if a.get("doc") == c["doc"] and (s := _find(text, a["quote"]))]
                claimant = c.get("claimant")
                if claimant and claimant.lower().startswith("the article"):
                    claimant = None
                out.append(Gold(c["doc"], kind, c.get("count_low") or 0, c.get("count_high"),
                                claimant, [span] if span else [], alts, c["quote"]))
    for ne in data.get("not_events") or []:
        span = _find(texts[ne["doc"]], ne["quote"]) if ne.get("doc") in texts else None
        if span:
            out.append(Gold(ne["doc"], "not_event", -1, None, None, [], [span], ne["quote"]))
    return out, docs, doc_dir


def _tokens(s: str) -> set[str]:
    plain = "".join(ch for ch in unicodedata.normalize("NFD", s.lower())
                    if unicodedata.category(ch) != "Mn")
    return {w for w in re.findall(r"[^\W\d_]{3,}", plain) if w not in STOP}


def same_claimant(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    g, p = _tokens(gold), _tokens(pred)
    return any(a == b or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5]) for a in g for b in p)


def _overlap(c: Claim, spans: list[tuple[int, int]]) -> bool:
    return any(c.start < e and c.end > s for s, e in spans)


def _kind_ok(gold: str, pred: str) -> bool:
    return gold == pred or (gold == "other" and pred not in ("killed", "injured"))


def run_doc(name: str, meta: dict[str, Any], doc_dir: Path, res: Resources) -> Document:
    text = (doc_dir / name).read_text(encoding="utf-8")
    doc = Document(id=name, text=text, source=str(doc_dir / name))
    doc.language = meta.get("language") or "fr"
    pub = meta.get("publication_date")
    doc.publication_date = dt.date.fromisoformat(pub[:10]) if pub else None
    try:  # the actors stage of another helper, when it exists
        from bilan.actors.stage import extract_actors  # type: ignore[import-not-found]

        extract_actors(doc, res)
    except Exception:
        doc.actors = []
    extract_claims(doc, res)
    return doc


def score(corpus: str, show: bool, res: Resources) -> dict[str, float]:
    golds, docs, doc_dir = load_gold(corpus)
    preds: list[Claim] = []
    t0 = time.perf_counter()
    size = 0
    for name, meta in docs.items():
        doc = run_doc(name, meta, doc_dir, res)
        preds.extend(doc.claims)
        size += len(doc.text)
    elapsed = time.perf_counter() - t0
    used: set[int] = set()
    tp = tp_cl = neutral = 0
    casualty = {"tp": 0, "gold": 0, "pred": 0}
    not_events = [g for g in golds if g.kind == "not_event"]
    golds = [g for g in golds if g.kind != "not_event"]
    for g in golds:
        cands = [i for i, c in enumerate(preds) if i not in used and c.document == g.doc
                 and c.low == g.low and c.high == g.high and _kind_ok(g.kind, c.kind)
                 and _overlap(c, g.spans)]
        if g.kind != "other":
            casualty["gold"] += 1
        if cands:
            i = cands[0]
            used.add(i)
            tp += 1
            ok = same_claimant(g.claimant, preds[i].claimant)
            tp_cl += ok
            if g.kind != "other":
                casualty["tp"] += 1
            if show:
                mark = "ok " if ok else "CLM"
                print(f"  {mark} {g.kind:7} {g.low}-{g.high} gold={g.claimant!r} "
                      f"pred={preds[i].claimant!r}")
        elif show:
            print(f"  MISS {g.kind:7} {g.low}-{g.high} {g.claimant!r} | {g.quote[:90]}")
    for i, c in enumerate(preds):
        if i in used:
            continue
        if any(g.doc == c.document and _overlap(c, g.alt_spans) for g in golds) or (
                c.cumulative and any(g.doc == c.document and _overlap(c, g.alt_spans)
                                     for g in not_events)):
            neutral += 1
            used.add(i)
    fps = [c for i, c in enumerate(preds) if i not in used]
    if show:
        for c in fps:
            flags = " [cumulative]" if c.cumulative else ""
            print(f"  FP   {c.kind:7} {c.low}-{c.high} {c.claimant!r}{flags} | {c.text[:80]}")
    casualty["pred"] = sum(1 for i, c in enumerate(preds)
                           if c.kind in ("killed", "injured") and i not in used) + casualty["tp"]
    n_pred = len(preds) - neutral

    def f1(t: int, p: int, g: int) -> tuple[float, float, float]:
        pr = t / p if p else 0.0
        rc = t / g if g else 0.0
        return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0)

    p1, r1, f_1 = f1(tp, n_pred, len(golds))
    p2, r2, f_2 = f1(tp_cl, n_pred, len(golds))
    p3, r3, f_3 = f1(casualty["tp"], casualty["pred"], casualty["gold"])
    return {"gold": len(golds), "pred": n_pred, "numbers_p": p1, "numbers_r": r1,
            "numbers_f1": f_1, "claimant_p": p2, "claimant_r": r2, "claimant_f1": f_2,
            "casualty_numbers_f1": f_3, "casualty_p": p3, "casualty_r": r3,
            "claimant_agreement": tp_cl / tp if tp else 0.0,
            "ms_per_5kb": elapsed * 1000 / max(size / 5000, 1e-9)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="all", choices=["all", *CORPORA])
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        sys.stderr.write(f"shared data not found at {DATA}\n")
        return 1
    res = Resources()
    names = list(CORPORA) if args.corpus == "all" else [args.corpus]
    for name in names:
        if args.show:
            print(name)
        r = score(name, args.show, res)
        print(f"{name:9} gold={r['gold']:3} pred={r['pred']:3}  "
              f"numbers P/R/F1={r['numbers_p']:.2f}/{r['numbers_r']:.2f}/{r['numbers_f1']:.2f}  "
              f"number+claimant P/R/F1={r['claimant_p']:.2f}/{r['claimant_r']:.2f}/"
              f"{r['claimant_f1']:.2f}  casualty-only P/R/F1={r['casualty_p']:.2f}/"
              f"{r['casualty_r']:.2f}/{r['casualty_numbers_f1']:.2f}  "
              f"claimant agreement={r['claimant_agreement']:.2f}  "
              f"{r['ms_per_5kb']:.1f} ms/5KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
