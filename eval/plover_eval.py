"""bilan against the PLOVER gold-standard records (../shared/data/plover-gsr-en).

    .venv/bin/python eval/plover_eval.py [--data ../shared/data] [--tables]

``PLOVER_GSR_CAMEO.txt`` is a JSON list of records (see ``PLOVER_GSR_CAMEO_readme.tex``):
``text`` (one sentence), ``event`` (PLOVER event type), optional ``dead`` / ``injured``.
Each sentence is one English document (no date: the records' dates are all 2000-01-01).
The predicted PLOVER type is the ontology's mapping (data/ontology/plover.yaml) of the main
event's ACLED (sub-)type, "(none)" when bilan finds no event. Reports event type accuracy
(over all records, and over records whose gold type bilan's mapping can produce), dead and
injured exact (predicted: the main event's reconciled best killed / largest injured figure,
0 when none; over the records that give ``dead`` / ``injured``), and the confusion table.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bilan.events.ontology import load_ontology
from extern_common import (
    NONE,
    Snippet,
    confusion_markdown,
    data_file_args,
    fatalities,
    injured,
    main_event,
    run_snippets,
)


def _int(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0


def evaluate(path: Path) -> dict[str, Any]:
    """Score bilan's main event of each record: PLOVER type, dead and injured."""
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text")]
    onto = load_ontology()
    reachable = set(onto.plover.values())
    snippets = [Snippet(f"p{i}", str(r["text"])) for i, r in enumerate(records)]
    docs, _ = run_snippets(snippets)
    pairs: list[tuple[str, str]] = []
    dead_ok = dead_n = inj_ok = inj_n = 0
    for r, s in zip(records, snippets, strict=True):
        ev = main_event(docs.get(s.id))
        pred = onto.plover_type((ev.event_type, ev.sub_event_type)) if ev else NONE
        pairs.append((str(r["event"]), pred))
        if "dead" in r:
            dead_n += 1
            dead_ok += fatalities(ev)[0] == _int(r["dead"])
        if "injured" in r:
            inj_n += 1
            inj_ok += injured(ev) == _int(r["injured"])
    n = len(pairs)
    acc = sum(g == p for g, p in pairs) / n if n else 0.0
    in_reach = [(g, p) for g, p in pairs if g in reachable]
    acc_reach = sum(g == p for g, p in in_reach) / len(in_reach) if in_reach else 0.0
    return {
        "records": n,
        "type_accuracy": acc,
        "reachable": len(in_reach),
        "type_accuracy_reachable": acc_reach,
        "dead_exact": dead_ok,
        "dead_n": dead_n,
        "injured_exact": inj_ok,
        "injured_n": inj_n,
        "pairs": pairs,
    }


def main(argv: list[str] | None = None) -> int:
    parsed = data_file_args(argv, __doc__, "plover-gsr-en/PLOVER_GSR_CAMEO.txt")
    if parsed is None:
        return 2
    args, path = parsed
    r = evaluate(path)
    print(
        f"PLOVER GSR: {r['records']} records; event type accuracy {r['type_accuracy']:.4f}; "
        f"on the {r['reachable']} records whose type bilan can produce "
        f"{r['type_accuracy_reachable']:.4f}; dead exact {r['dead_exact']}/{r['dead_n']}; "
        f"injured exact {r['injured_exact']}/{r['injured_n']}"
    )
    if args.tables:
        print()
        print(confusion_markdown(r["pairs"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
