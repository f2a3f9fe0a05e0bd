"""bilan against CASE 2021 task 2 (../shared/data/case2021-en/case2021_task2_dev.tsv).

    .venv/bin/python eval/case_eval.py [--data ../shared/data] [--tables]

The file has columns ``id``, ``EventSnippet`` and ``SubType`` (ACLED-style sub-types in
CASE's spelling, plus the non-ACLED classes MAN_MADE_DISASTER, NATURAL_DISASTER,
ORG_CRIME and ATTRIB). Each snippet is one English document, with no date; the label
predicted is the CASE name of the main event's ACLED sub-type (``extern_common.main_event``),
"(none)" when bilan finds no event. Reports sub-type weighted F1 (support-weighted mean of
per-class F1, as scikit-learn's ``average="weighted"``; implemented here, no scikit-learn),
accuracy, and the confusion table; both *strict* and *mapped* (the non-conflict classes
MAN_MADE_DISASTER, NATURAL_DISASTER and ORG_CRIME, gold and predicted, scored as "(none)":
see ``NON_CONFLICT``).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from bilan.events.happenings import main_happening
from extern_common import (
    NONE,
    Snippet,
    confusion_markdown,
    data_file_args,
    main_event,
    run_snippets,
    weighted_f1,
)

# CASE classes that are not political violence or its developments: no ACLED type fits, so
# bilan gives no event for such a snippet and lists the happening on the report's record
# instead (``Document.happenings``, "non_conflict" in events.json); the strict score takes
# the main one as the prediction when the snippet gives no event. The *mapped* score
# compares these classes with "(none)", as a check that bilan at least gives no event.
# ATTRIB (a claim of responsibility for an attack) stays strict: ACLED would code the attack.
NON_CONFLICT = frozenset({"MAN_MADE_DISASTER", "NATURAL_DISASTER", "ORG_CRIME"})
HAPPENING_LABELS: dict[str, str] = {
    "natural_disaster": "NATURAL_DISASTER",
    "man_made_disaster": "MAN_MADE_DISASTER",
    "crime": "ORG_CRIME",
}

# ACLED sub-event type -> CASE 2021 task 2 label
CASE_LABELS: dict[str, str] = {
    "Armed clash": "ARMED_CLASH",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Chemical weapon": "CHEM_WEAP",
    "Air/drone strike": "AIR_STRIKE",
    "Suicide bomb": "SUIC_BOMB",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Grenade": "GRENADE",
    "Sexual violence": "SEX_VIOL",
    "Attack": "ATTACK",
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Peaceful protest": "PEACE_PROTEST",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Violent demonstration": "VIOL_DEMONSTR",
    "Mob violence": "MOB_VIOL",
    "Agreement": "AGREEMENT",
    "Arrests": "ARREST",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Disrupted weapons use": "DISR_WEAP",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Other": "OTHER",
}


def evaluate(path: Path) -> dict[str, Any]:
    """Score bilan's main event of each snippet against the CASE sub-type labels."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    snippets = [Snippet(f"c{r['id']}", r["EventSnippet"]) for r in rows]
    docs, seconds = run_snippets(snippets)
    pairs: list[tuple[str, str]] = []
    for r, s in zip(rows, snippets, strict=True):
        doc = docs.get(s.id)
        ev = main_event(doc)
        pred = CASE_LABELS.get(ev.sub_event_type, ev.sub_event_type) if ev else NONE
        if ev is not None and ev.event_type == "Diplomacy":
            pred = "AGREEMENT" if ev.sub_event_type == "Agreement" else "DIPLO"
        if ev is None and doc is not None:
            pred = HAPPENING_LABELS.get(main_happening(doc.happenings) or "", NONE)
        pairs.append((r["SubType"], pred))
    n = len(pairs)
    acc = sum(g == p for g, p in pairs) / n if n else 0.0
    mapped = [(NONE if g in NON_CONFLICT else g, NONE if p in NON_CONFLICT else p)
              for g, p in pairs]
    macc = sum(g == p for g, p in mapped) / n if n else 0.0
    return {
        "snippets": n,
        "ms_per_snippet": 1000 * seconds / n if n else 0.0,
        "weighted_f1": weighted_f1(pairs),
        "accuracy": acc,
        "mapped_weighted_f1": weighted_f1(mapped),
        "mapped_accuracy": macc,
        "pairs": pairs,
    }


def main(argv: list[str] | None = None) -> int:
    parsed = data_file_args(argv, __doc__, "case2021-en/case2021_task2_dev.tsv")
    if parsed is None:
        return 2
    args, path = parsed
    r = evaluate(path)
    print(
        f"CASE 2021 task 2 (dev half): {r['snippets']} snippets, "
        f"{r['ms_per_snippet']:.1f} ms per snippet (whole pipeline)"
    )
    print(
        f"  strict (non-ACLED classes kept): weighted F1 {r['weighted_f1']:.4f}, "
        f"accuracy {r['accuracy']:.4f}"
    )
    print(
        f"  mapped ({', '.join(sorted(NON_CONFLICT))} -> {NONE}): weighted F1 "
        f"{r['mapped_weighted_f1']:.4f}, accuracy {r['mapped_accuracy']:.4f}"
    )
    if args.tables:
        print("\n### strict (rows gold, columns predicted)\n")
        print(confusion_markdown(r["pairs"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
