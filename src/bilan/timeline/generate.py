"""Timeline sentences written from event records, in a chosen language.

Extractive summaries copy the reports' own sentences, so they stay in the reports' language.
When a user asks for another language (``--summary-lang``), an event told only in other
languages is described from its record instead: what happened, where, by and against whom,
and the reconciled toll with who gave it. The phrasing is data (``data/<lang>/timeline.yaml``),
checked against the ACLED ontology when loaded; no text is translated or invented.
"""

from __future__ import annotations

from dataclasses import dataclass

from bilan.errors import DataFileError
from bilan.langdata import data_dir, load_language_file, load_yaml
from bilan.records import Event

_TEMPLATE_KEYS = (
    "place",
    "actors",
    "by",
    "against",
    "killed_exact",
    "killed_at_least",
    "killed_range",
    "the_reports",
    "and",
)
_MAX_CLAIMANTS = 3


@dataclass(frozen=True, slots=True)
class SummaryPhrases:
    lang: str
    event_types: dict[str, str]
    sub_event_types: dict[str, str]
    templates: dict[str, str]


def load_phrases(lang: str) -> SummaryPhrases:
    """The phrases for ``lang``; every ACLED type needs one, sub-types must exist."""
    data = load_language_file(
        lang,
        "timeline.yaml",
        {"event_types": (dict, str), "sub_event_types": (dict, str), "templates": (dict, str)},
    )
    onto = load_yaml(data_dir() / "ontology" / "acled.yaml", {"event_types": dict})
    types: dict[str, list[str]] = onto["event_types"]
    where = f"{lang}/timeline.yaml"
    missing = [t for t in types if t not in data["event_types"]]
    if missing:
        raise DataFileError(f"{where}: no phrase for event types {missing}")
    known = {s for subs in types.values() for s in subs}
    unknown = [s for s in data["sub_event_types"] if s not in known]
    if unknown:
        raise DataFileError(f"{where}: unknown sub-event types {unknown}")
    absent = [k for k in _TEMPLATE_KEYS if k not in data["templates"]]
    if absent:
        raise DataFileError(f"{where}: templates missing {absent}")
    return SummaryPhrases(lang, data["event_types"], data["sub_event_types"], data["templates"])


def _claimants(event: Event, phrases: SummaryPhrases) -> str:
    names: list[str] = []
    for claim in event.claims:
        if claim.kind != "killed" or claim.cumulative:
            continue
        name = claim.claimant or phrases.templates["the_reports"]
        if name not in names:
            names.append(name)
    if not names:
        return phrases.templates["the_reports"]
    shown = names[:_MAX_CLAIMANTS]
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + phrases.templates["and"] + shown[-1]


def describe(event: Event, phrases: SummaryPhrases) -> str:
    """One sentence telling ``event`` from its record."""
    t = phrases.templates
    what = phrases.sub_event_types.get(event.sub_event_type) or phrases.event_types.get(
        event.event_type, event.event_type
    )
    text = what
    if event.location is not None:
        text += t["place"].format(place=event.location.name)
    parties = []
    if event.actor1:
        parties.append(t["by"].format(actor=event.actor1))
    if event.actor2:
        parties.append(t["against"].format(actor=event.actor2))
    if parties:
        text += t["actors"].format(actors=", ".join(parties))
    fat = event.fatalities or {}
    low, high = fat.get("low"), fat.get("high")
    if low is not None:
        claimants = _claimants(event, phrases)
        if high is None:
            text += t["killed_at_least"].format(n=low, claimants=claimants)
        elif high == low:
            text += t["killed_exact"].format(n=low, claimants=claimants)
        else:
            text += t["killed_range"].format(low=low, high=high, claimants=claimants)
    return text + "."
