"""The event ontology: ACLED event types and sub-types (plus Diplomacy) and their PLOVER types.

Both files in ``data/ontology/`` are checked when loaded, so a misspelt type or sub-type
in any data file fails at load time with the file and the name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilan.errors import DataFileError
from bilan.langdata import data_dir, load_yaml

EventKind = tuple[str, str]  # (event_type, sub_event_type)


@dataclass(frozen=True, slots=True)
class Ontology:
    """Event types with their sub-types, and the PLOVER type of each (type, sub-type)."""

    sub_types: dict[str, tuple[str, ...]]
    plover: dict[EventKind, str]

    def check(self, kind: EventKind, where: str) -> EventKind:
        """Return ``kind`` if it names a known (type, sub-type), else raise DataFileError."""
        event_type, sub_type = kind
        if event_type not in self.sub_types:
            raise DataFileError(f"{where}: unknown event type {event_type!r}")
        if sub_type not in self.sub_types[event_type]:
            raise DataFileError(f"{where}: unknown sub-event type {sub_type!r} of {event_type!r}")
        return kind

    def plover_type(self, kind: EventKind) -> str:
        return self.plover[kind]


def _ontology_dir() -> Path:
    return data_dir() / "ontology"


def parse_ontology(acled: dict[str, Any], plover: dict[str, Any], where: str) -> Ontology:
    """Build and check an :class:`Ontology` from the two parsed files."""
    types = acled.get("event_types")
    if not isinstance(types, dict) or not types:
        raise DataFileError(f"{where}/acled.yaml: 'event_types' must be a non-empty mapping")
    sub_types: dict[str, tuple[str, ...]] = {}
    for event_type, subs in types.items():
        if not isinstance(subs, list) or not all(isinstance(s, str) for s in subs) or not subs:
            raise DataFileError(f"{where}/acled.yaml: {event_type!r} needs a list of sub-types")
        if len(set(subs)) != len(subs):
            raise DataFileError(f"{where}/acled.yaml: {event_type!r} repeats a sub-type")
        sub_types[str(event_type)] = tuple(subs)
    known = plover.get("plover_types")
    mapping = plover.get("mapping")
    if not isinstance(known, list) or not isinstance(mapping, dict):
        raise DataFileError(f"{where}/plover.yaml: needs 'plover_types' (list) and 'mapping'")
    onto = Ontology(sub_types=sub_types, plover={})
    for event_type, subs in mapping.items():
        if not isinstance(subs, dict):
            raise DataFileError(f"{where}/plover.yaml: {event_type!r} must map sub-types")
        for sub_type, code in subs.items():
            kind = onto.check((str(event_type), str(sub_type)), f"{where}/plover.yaml")
            if code not in known:
                raise DataFileError(f"{where}/plover.yaml: unknown PLOVER type {code!r}")
            onto.plover[kind] = str(code)
    for event_type, subs_t in sub_types.items():
        for sub_type in subs_t:
            if (event_type, sub_type) not in onto.plover:
                raise DataFileError(
                    f"{where}/plover.yaml: no PLOVER type for {event_type!r} / {sub_type!r}"
                )
    return onto


def load_ontology(folder: Path | None = None) -> Ontology:
    """Load ``acled.yaml`` and ``plover.yaml`` (from bilan's data unless ``folder`` is given)."""
    base = folder or _ontology_dir()
    acled = load_yaml(base / "acled.yaml", {"event_types": dict})
    plover = load_yaml(base / "plover.yaml", {"plover_types": list, "mapping": dict})
    return parse_ontology(acled, plover, str(base))
