"""Score bilan's temporal expressions against TimeML corpora (French TimeBank, TempEval-3).

Reads ``../shared/data/timebank-fr`` (French) and ``../shared/data/tempeval3-en/{TimeBank,
AQUAINT}`` (English); for each document, takes the raw text of ``<TEXT>`` (tags stripped,
offsets kept), the creation date (DCT) and the gold TIMEX3, runs :func:`find_timexes` and
prints strict/relaxed span F1, value F1 (relaxed match with the same value), type accuracy
and the share of gold weekday expressions resolved to the right date.

    python eval/timex_eval.py [--json] [--data DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bilan.records import TimeMention
from bilan.time.find import find_timexes
from bilan.time.lexicon import TimeLexicon, load_time_lexicon

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(slots=True)
class TmlDoc:
    name: str
    text: str
    dct: dt.date | None
    timexes: list[GoldTimex] = field(default_factory=list)


def parse_tml(path: Path) -> TmlDoc:
    """Raw text of ``<TEXT>`` with its gold TIMEX3 at character offsets, and the DCT."""
    raw = path.read_text(encoding="utf-8")
    dct: dt.date | None = None
    m = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    if m:
        attrs = dict(_ATTR.findall(m.group(1)))
        try:
            dct = dt.date.fromisoformat(attrs.get("value", "")[:10])
        except ValueError:
            dct = None
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    inner = body.group(1) if body else ""
    out: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    pos = 0
    for tag in _TAG.finditer(inner):
        piece = html.unescape(inner[pos : tag.start()])
        out.append(piece)
        length += len(piece)
        pos = tag.end()
        closing, name = tag.group(1), tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing and not tag.group(4):
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif closing and open_timex is not None:
            start, attrs = open_timex
            timexes.append(
                GoldTimex(start, length, "", attrs.get("type", ""), attrs.get("value", "").strip())
            )
            open_timex = None
    piece = html.unescape(inner[pos:])
    out.append(piece)
    text = "".join(out)
    for t in timexes:
        t.text = text[t.start : t.end]
    return TmlDoc(path.name, text, dct, timexes)


def _weekday_words(lex: TimeLexicon) -> re.Pattern[str]:
    words = sorted(lex.weekdays, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I)


def score(docs: list[TmlDoc], lang: str, lex: TimeLexicon) -> dict[str, float | int]:
    n_gold = n_sys = strict = relaxed = value_ok = type_ok = 0
    wd_total = wd_ok = 0
    weekday = _weekday_words(lex)
    t0 = time.perf_counter()
    system: list[list[TimeMention]] = [find_timexes(d.text, lang, d.dct, lex) for d in docs]
    elapsed = time.perf_counter() - t0
    for doc, found in zip(docs, system, strict=True):
        n_gold += len(doc.timexes)
        n_sys += len(found)
        used: set[int] = set()
        for g in doc.timexes:
            match = None
            for i, s in enumerate(found):
                if i in used:
                    continue
                if s.start == g.start and s.end == g.end:
                    match = i
                    break
                if match is None and s.start < g.end and g.start < s.end:
                    match = i
            if weekday.search(g.text):
                wd_total += 1
            if match is None:
                continue
            used.add(match)
            s = found[match]
            relaxed += 1
            strict += s.start == g.start and s.end == g.end
            value_ok += s.value == g.value
            type_ok += s.type == g.type
            if weekday.search(g.text) and s.value == g.value:
                wd_ok += 1

    def f1(tp: int) -> float:
        p = tp / n_sys if n_sys else 0.0
        r = tp / n_gold if n_gold else 0.0
        return round(2 * p * r / (p + r), 3) if p + r else 0.0

    return {
        "documents": len(docs),
        "gold": n_gold,
        "system": n_sys,
        "strict_f1": f1(strict),
        "relaxed_f1": f1(relaxed),
        "value_f1": f1(value_ok),
        "type_accuracy": round(type_ok / relaxed, 3) if relaxed else 0.0,
        "weekday_gold": wd_total,
        "weekday_value_accuracy": round(wd_ok / wd_total, 3) if wd_total else 0.0,
        "docs_per_second": round(len(docs) / elapsed, 1) if elapsed else 0.0,
    }


def corpora(data: Path) -> dict[str, tuple[str, list[Path]]]:
    en = sorted((data / "tempeval3-en" / "TimeBank").glob("*.tml"))
    en += sorted((data / "tempeval3-en" / "AQUAINT").glob("*.tml"))
    return {
        "timebank-fr": ("fr", sorted((data / "timebank-fr").glob("*.tml"))),
        "tempeval3-en": ("en", en),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)
    results: dict[str, dict[str, float | int]] = {}
    for name, (lang, paths) in corpora(args.data).items():
        if not paths:
            continue
        lex = load_time_lexicon(lang)
        results[name] = score([parse_tml(p) for p in paths], lang, lex)
    if not results:
        print(f"no TimeML corpora under {args.data}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    cols = [
        "documents",
        "gold",
        "system",
        "strict_f1",
        "relaxed_f1",
        "value_f1",
        "type_accuracy",
        "weekday_gold",
        "weekday_value_accuracy",
        "docs_per_second",
    ]
    print("corpus".ljust(14) + "".join(c[:12].rjust(13) for c in cols))
    for name, r in results.items():
        print(name.ljust(14) + "".join(str(r[c]).rjust(13) for c in cols))
    print("reference (HeidelTime value F1): timebank-fr 0.734, tempeval3-en 0.781")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
