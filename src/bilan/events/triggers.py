"""Trigger lexicons (per-language data) and trigger detection in sentences.

The lexicon lives in ``data/<lang>/events.yaml`` (same keys for every language); this
module compiles it into regular expressions, checks every type against the ontology, and
finds the triggers of a sentence (longest match first, no overlaps).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bilan.errors import DataFileError
from bilan.events.ontology import EventKind, Ontology
from bilan.langdata import load_language_file
from bilan.records import Span

EVENTS_FILE = "events.yaml"
EVENTS_SCHEMA: dict[str, Any] = {
    "triggers": (list, dict),
    "context_rules": (list, dict),
    "official": (list, str),
    "blockers": (list, dict),
    "anaphora": (list, str),
    "targets": (dict, list),
}
REQUIREMENTS = frozenset({"official", "date"})


def to_regex(pattern: str) -> str:
    """Turn a data-file pattern into a regex: a space matches whitespace, ' matches ' or ’."""
    out: list[str] = []
    in_class = False
    escaped = False
    for ch in pattern:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif in_class:
            out.append("'’" if ch == "'" else ch)
            in_class = ch != "]"
        elif ch == "[":
            out.append(ch)
            in_class = True
        elif ch == "'":
            out.append("['’]")
        elif ch == " ":
            out.append(r"\s+")
        else:
            out.append(ch)
    return "".join(out)


def compile_patterns(patterns: list[str], where: str) -> re.Pattern[str]:
    """One case-insensitive regex matching any of ``patterns`` on word boundaries."""
    if not patterns:
        raise DataFileError(f"{where}: empty pattern list")
    body = "|".join(f"(?:{to_regex(p)})" for p in patterns)
    try:
        return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(f"{where}: bad pattern: {exc}") from exc


@dataclass(frozen=True, slots=True)
class TriggerSpec:
    kind: EventKind
    regex: re.Pattern[str]
    requires: tuple[str, ...]
    order: int


@dataclass(frozen=True, slots=True)
class ContextRule:
    source: EventKind
    target: EventKind
    trigger: re.Pattern[str] | None
    cues: re.Pattern[str] | None
    also: re.Pattern[str] | None
    document: bool
    window: int | None = None


@dataclass(frozen=True, slots=True)
class Blocker:
    name: str
    regex: re.Pattern[str]
    before: int
    after: int
    sentence: bool
    exempt: frozenset[EventKind]
    max_age_years: int | None


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Everything the event stage knows about one language, compiled."""

    language: str
    triggers: tuple[TriggerSpec, ...]
    rules: tuple[ContextRule, ...]
    official: re.Pattern[str]
    blockers: tuple[Blocker, ...]
    anaphora: re.Pattern[str]
    targets: tuple[tuple[str, re.Pattern[str]], ...]
    ontology: Ontology = field(repr=False)


def _kind(value: Any, onto: Ontology, where: str) -> EventKind:
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
        raise DataFileError(f"{where}: expected [event type, sub-event type], got {value!r}")
    return onto.check((value[0], value[1]), where)


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(f"{where}: expected a list of strings")
    return list(value)


def parse_lexicon(lang: str, data: dict[str, Any], onto: Ontology) -> EventLexicon:
    """Compile and check a parsed ``events.yaml``."""
    where = f"{lang}/{EVENTS_FILE}"
    triggers: list[TriggerSpec] = []
    for i, entry in enumerate(data["triggers"]):
        here = f"{where}:triggers[{i}]"
        kind = _kind([entry.get("type"), entry.get("sub_type")], onto, here)
        requires = tuple(_strings(entry.get("requires", []), here))
        unknown = set(requires) - REQUIREMENTS
        if unknown:
            raise DataFileError(f"{here}: unknown requirement(s) {sorted(unknown)}")
        regex = compile_patterns(_strings(entry.get("patterns"), here), here)
        triggers.append(TriggerSpec(kind, regex, requires, i))
    rules: list[ContextRule] = []
    for i, entry in enumerate(data["context_rules"]):
        here = f"{where}:context_rules[{i}]"
        document = entry.get("scope", "sentence") == "document"
        cues = entry.get("cues")
        if not document and cues is None:
            raise DataFileError(f"{here}: a sentence rule needs 'cues'")
        trig = entry.get("trigger")
        try:
            trig_re = re.compile(trig, re.IGNORECASE) if isinstance(trig, str) else None
        except re.error as exc:
            raise DataFileError(f"{here}: bad trigger pattern: {exc}") from exc
        rules.append(
            ContextRule(
                source=_kind(entry.get("from"), onto, here),
                target=_kind(entry.get("to"), onto, here),
                trigger=trig_re,
                cues=compile_patterns(_strings(cues, here), here) if cues else None,
                also=compile_patterns(_strings(entry["also"], here), here)
                if entry.get("also")
                else None,
                document=document,
                window=int(entry["window"]) if entry.get("window") is not None else None,
            )
        )
    blockers: list[Blocker] = []
    for i, entry in enumerate(data["blockers"]):
        here = f"{where}:blockers[{i}]"
        exempt = frozenset(_kind(k, onto, here) for k in entry.get("except", []))
        age = entry.get("max_age_years")
        blockers.append(
            Blocker(
                name=str(entry.get("name", f"blocker{i}")),
                regex=compile_patterns(_strings(entry.get("patterns"), here), here),
                before=int(entry.get("before", 0)),
                after=int(entry.get("after", 0)),
                sentence=bool(entry.get("sentence", False)),
                exempt=exempt,
                max_age_years=int(age) if age is not None else None,
            )
        )
    targets = tuple(
        (str(label), compile_patterns(_strings(pats, f"{where}:targets"), f"{where}:targets"))
        for label, pats in data["targets"].items()
    )
    return EventLexicon(
        language=lang,
        triggers=tuple(triggers),
        rules=tuple(rules),
        official=compile_patterns(data["official"], f"{where}:official"),
        blockers=tuple(blockers),
        anaphora=compile_patterns(data["anaphora"], f"{where}:anaphora"),
        targets=targets,
        ontology=onto,
    )


def load_lexicon(lang: str, onto: Ontology) -> EventLexicon:
    """Load and compile ``data/<lang>/events.yaml``."""
    return parse_lexicon(lang, load_language_file(lang, EVENTS_FILE, EVENTS_SCHEMA), onto)


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A trigger found in a sentence, with the (type, sub-type) its lexicon entry gives."""

    span: Span
    kind: EventKind
    spec: TriggerSpec


def find_triggers(text: str, sentence: Span, lexicon: EventLexicon) -> list[TriggerMatch]:
    """Triggers in ``sentence`` (offsets into ``text``): longest first, never overlapping."""
    found: list[tuple[int, int, TriggerSpec]] = []
    for spec in lexicon.triggers:
        for m in spec.regex.finditer(text, sentence.start, sentence.end):
            if m.end() > m.start():
                found.append((m.start(), m.end(), spec))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2].order, f[0]))
    taken: list[tuple[int, int]] = []
    kept: list[TriggerMatch] = []
    for start, end, spec in found:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        kept.append(TriggerMatch(Span(start, end, text[start:end]), spec.kind, spec))
    kept.sort(key=lambda t: t.span.start)
    return kept
