"""Trigger lexicons (per-language data) and trigger detection in sentences.

The lexicon lives in ``data/<lang>/events.yaml`` (same keys for every language); this
module compiles it into regular expressions, checks every type against the ontology, and
finds the triggers of a sentence (longest match first, no overlaps).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from bilan.errors import DataFileError
from bilan.events.happenings import load_happening_patterns
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
    "cue_lists": (dict, list),
    "locatives": (list, str),
    "metonymy": (list, str),
    "actor_words": (dict, list),
    "holder_links": (list, str),
    "holder_breaks": (list, str),
}
# ``fallback``: the trigger tells of an event only in a document where no other trigger does
# (a bare "killed" or "accused" is the event of a one-line note, never beside a clash);
# ``short``: only in a snippet (a monitor's note, a one-sentence item: events.select.is_short),
# where a bare "artillery" or "captured" tells of the happening, not of background
REQUIREMENTS = frozenset({"official", "date", "fallback", "short"})  # plus ``cue_lists`` names


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


# the end of a word, or of an elided one ("d'" in "d'Alep")
WORD_OR_ELISION_END = r"(?:(?!\w)|(?<=['’]))"


def compile_patterns(patterns: list[str], where: str, end: str = r"(?!\w)") -> re.Pattern[str]:
    """One case-insensitive regex matching any of ``patterns`` from a word boundary up to
    ``end`` (a word boundary; optional spaces then the end of the text)."""
    if not patterns:
        raise DataFileError(f"{where}: empty pattern list")
    body = "|".join(f"(?:{to_regex(p)})" for p in patterns)
    try:
        return re.compile(rf"(?<!\w)(?:{body}){end}", re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(f"{where}: bad pattern: {exc}") from exc


# roles of the generic actor words (``actor_words`` in events.yaml)
ACTOR_ROLES = frozenset({"armed", "state", "civilians", "protesters", "rioters"})


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
    unless: re.Pattern[str] | None = None  # the rule does not apply when one of these is near


@dataclass(frozen=True, slots=True)
class Blocker:
    name: str
    regex: re.Pattern[str]
    before: int
    after: int
    sentence: bool
    exempt: frozenset[EventKind]
    max_age_years: int | None
    # when set, the blocker stops only these: event types ("Diplomacy",) or kinds
    only: tuple[tuple[str, ...], ...] | None = None
    # in a short report (a snippet, a monitor's note) the cue may be anywhere in it: a
    # three-sentence item about a bank robbery is a crime story throughout
    short_document: bool = False
    # words that lift the blocker when they are in the trigger's sentence (a fraud inquiry
    # into ministers is politics, not ordinary crime)
    unless: re.Pattern[str] | None = None

    def applies_to(self, kind: EventKind) -> bool:
        """Whether the blocker may stop a trigger of ``kind``."""
        if kind in self.exempt:
            return False
        return self.only is None or any(kind[: len(o)] == o for o in self.only)


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
    # named cue lists a trigger may require in its sentence ("agreement": signed, concluded)
    cue_lists: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False)
    # words that introduce the place where something happens ("à", "near"), just before it
    locative: re.Pattern[str] | None = field(default=None, repr=False)
    # words that make a place name stand for its government ("le régime de Damas")
    metonymy: re.Pattern[str] | None = field(default=None, repr=False)
    # generic words naming a kind of actor ("gunmen": armed, "villagers": civilians), by role
    actor_words: tuple[tuple[str, re.Pattern[str]], ...] = field(default=(), repr=False)
    # words that may join a place to the place named right after it to situate it ("Soba
    # area of Y", "X près de Y"), and words that show the second does not ("X and Y")
    holder_link: re.Pattern[str] | None = field(default=None, repr=False)
    holder_break: re.Pattern[str] | None = field(default=None, repr=False)
    # every trigger pattern in one regex: where any trigger may start (one scan per sentence
    # instead of one per entry)
    any_trigger: re.Pattern[str] | None = field(default=None, repr=False)
    # the entries that may start at an ASCII character (by its lower case); an ASCII
    # character absent from it starts only the entries of ``trigger_anywhere``
    trigger_index: dict[str, tuple[TriggerSpec, ...]] = field(default_factory=dict, repr=False)
    trigger_anywhere: tuple[TriggerSpec, ...] | None = field(default=None, repr=False)


def _kind(value: Any, onto: Ontology, where: str) -> EventKind:
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
        raise DataFileError(f"{where}: expected [event type, sub-event type], got {value!r}")
    return onto.check((value[0], value[1]), where)


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(f"{where}: expected a list of strings")
    return list(value)


def _only(value: Any, onto: Ontology, where: str) -> tuple[tuple[str, ...], ...] | None:
    """A blocker's ``only``: [type] or [type, sub-type] entries, each checked."""
    if value is None:
        return None
    out: list[tuple[str, ...]] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, list) and len(item) == 1 and isinstance(item[0], str):
            if item[0] not in onto.sub_types:
                raise DataFileError(f"{where}: unknown event type {item[0]!r}")
            out.append((item[0],))
        else:
            out.append(_kind(item, onto, where))
    return tuple(out)


def _blocker_patterns(
    entry: dict[str, Any], happenings: Mapping[str, list[str]] | None, where: str
) -> list[str]:
    """A blocker's own ``patterns`` plus those of the happening kinds it names."""
    patterns = _strings(entry.get("patterns", []), where)
    for kind in _strings(entry.get("happenings", []), where):
        if happenings is None or kind not in happenings:
            raise DataFileError(f"{where}: unknown happening kind {kind!r}")
        patterns.extend(happenings[kind])
    return patterns


def _blocker_regex(patterns: list[str], where: str) -> re.Pattern[str]:
    """One regex for a blocker's cues; dispatched by first character (faster, same matches)
    unless a pattern names a group (a year), which dispatch could repeat."""
    if any("(?P<" in p for p in patterns):
        return compile_patterns(patterns, where)
    return compile_dispatch(patterns, where)


def parse_lexicon(
    lang: str,
    data: dict[str, Any],
    onto: Ontology,
    happenings: Mapping[str, list[str]] | None = None,
) -> EventLexicon:
    """Compile and check a parsed ``events.yaml`` (``happenings``: the patterns of
    ``happenings.yaml`` by kind, which a blocker may name)."""
    where = f"{lang}/{EVENTS_FILE}"
    cue_lists = {
        str(name): compile_patterns(_strings(pats, f"{where}:cue_lists"), f"{where}:cue_lists")
        for name, pats in data["cue_lists"].items()
    }
    triggers: list[TriggerSpec] = []
    for i, entry in enumerate(data["triggers"]):
        here = f"{where}:triggers[{i}]"
        kind = _kind([entry.get("type"), entry.get("sub_type")], onto, here)
        requires = tuple(_strings(entry.get("requires", []), here))
        unknown = set(requires) - REQUIREMENTS - set(cue_lists)
        if unknown:
            raise DataFileError(f"{here}: unknown requirement(s) {sorted(unknown)}")
        regex = compile_patterns(_strings(entry.get("patterns"), here), here)
        triggers.append(TriggerSpec(kind, regex, requires, i))
    rules: list[ContextRule] = []
    for i, entry in enumerate(data["context_rules"]):
        here = f"{where}:context_rules[{i}]"
        document = entry.get("scope", "sentence") == "document"
        cues = entry.get("cues")
        trig = entry.get("trigger")
        if not document and cues is None and trig is None:
            raise DataFileError(f"{here}: a sentence rule needs 'cues' or 'trigger'")
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
                unless=compile_patterns(_strings(entry["unless"], here), here)
                if entry.get("unless")
                else None,
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
                regex=_blocker_regex(_blocker_patterns(entry, happenings, here), here),
                before=int(entry.get("before", 0)),
                after=int(entry.get("after", 0)),
                sentence=bool(entry.get("sentence", False)),
                exempt=exempt,
                max_age_years=int(age) if age is not None else None,
                only=_only(entry.get("only"), onto, here),
                short_document=entry.get("scope", "sentence") == "short_document",
                unless=compile_patterns(_strings(entry["unless"], here), here)
                if entry.get("unless") else None,
            )
        )
    targets = tuple(
        (str(label), compile_patterns(_strings(pats, f"{where}:targets"), f"{where}:targets"))
        for label, pats in data["targets"].items()
    )
    words = data.get("actor_words") or {}
    if not isinstance(words, dict):
        raise DataFileError(f"{where}:actor_words: expected a mapping of role to patterns")
    unknown_roles = set(words) - ACTOR_ROLES
    if unknown_roles:
        raise DataFileError(f"{where}:actor_words: unknown role(s) {sorted(unknown_roles)}")
    actor_words = tuple(
        (str(role), compile_patterns(_strings(pats, f"{where}:actor_words"),
                                     f"{where}:actor_words"))
        for role, pats in words.items()
    )
    index, anywhere = index_triggers(
        triggers, [_strings(entry.get("patterns"), where) for entry in data["triggers"]]
    )
    return EventLexicon(
        trigger_index=index,
        trigger_anywhere=anywhere,
        language=lang,
        triggers=tuple(triggers),
        rules=tuple(rules),
        official=compile_patterns(data["official"], f"{where}:official"),
        blockers=tuple(blockers),
        anaphora=compile_patterns(data["anaphora"], f"{where}:anaphora"),
        targets=targets,
        ontology=onto,
        cue_lists=cue_lists,
        # the words just before a place name: matched at the very end of the text before it
        locative=compile_patterns(_strings(data["locatives"], f"{where}:locatives"),
                                  f"{where}:locatives", end=r"\s*$"),
        metonymy=compile_patterns(_strings(data["metonymy"], f"{where}:metonymy"),
                                  f"{where}:metonymy", end=r"\s*$"),
        actor_words=actor_words,
        holder_link=compile_patterns(_strings(data["holder_links"], f"{where}:holder_links"),
                                     f"{where}:holder_links", end=WORD_OR_ELISION_END),
        holder_break=compile_patterns(_strings(data["holder_breaks"], f"{where}:holder_breaks"),
                                      f"{where}:holder_breaks"),
        any_trigger=compile_dispatch(
            [p for entry in data["triggers"] for p in _strings(entry.get("patterns"), where)],
            f"{where}:triggers",
        ),
    )


def index_triggers(
    specs: list[TriggerSpec], patterns: list[list[str]]
) -> tuple[dict[str, tuple[TriggerSpec, ...]], tuple[TriggerSpec, ...]]:
    """The entries that may match from a word starting with each ASCII character (lower
    case), in lexicon order, and those that may start anywhere (a first character not plain
    to see, or not ASCII: these are in every list)."""
    firsts: list[frozenset[str] | None] = []
    for pats in patterns:
        chars: set[str] | None = set()
        for p in pats:
            first = first_chars(p)
            if first is None or not all(c.isascii() for c in first) or chars is None:
                chars = None
                break
            chars |= {c.lower() for c in first}
        firsts.append(frozenset(chars) if chars is not None else None)
    keys = sorted({c for f in firsts if f is not None for c in f})
    pairs = list(zip(specs, firsts, strict=True))
    index = {key: tuple(s for s, f in pairs if f is None or key in f) for key in keys}
    anywhere = tuple(s for s, f in pairs if f is None)
    return index, anywhere


def _unescaped(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int, bool]]:
    """Each unescaped character of ``pattern`` from ``start``: its index, itself, and the group
    depth and whether a character class is open, both counted after it."""
    depth = 0
    in_class = False
    i = start
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        yield i, ch, depth, in_class
        i += 1


def _close_paren(pattern: str, start: int) -> int | None:
    """Index of the ``)`` closing the group opened at ``pattern[start]``."""
    for i, ch, depth, in_class in _unescaped(pattern, start):
        if ch == ")" and depth == 0 and not in_class:
            return i
    return None


def _top_alternatives(pattern: str) -> list[str] | None:
    """``pattern`` split on its top-level ``|`` (None when its brackets do not balance)."""
    parts: list[str] = []
    last = 0
    depth, in_class = 0, False
    for i, ch, depth, in_class in _unescaped(pattern):
        if ch == "|" and depth == 0 and not in_class:
            parts.append(pattern[last:i])
            last = i + 1
    if depth != 0 or in_class:
        return None
    parts.append(pattern[last:])
    return parts


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of the data-file ``pattern`` surely starts with (as written,
    to be matched with the same flags), or None when that is not plain to see."""
    alternatives = _top_alternatives(pattern)
    if alternatives is None:
        return None
    out: set[str] = set()
    for alt in alternatives:
        first = _sequence_first_chars(alt)
        if first is None:
            return None
        out |= first
    return frozenset(out)


def _sequence_first_chars(alt: str) -> frozenset[str] | None:
    """First characters of one alternative: past leading lookbehinds (they consume nothing),
    through a leading group, and through an optional one to what follows it."""
    while alt.startswith(("(?<!", "(?<=")):
        close = _close_paren(alt, 0)
        if close is None:
            return None
        alt = alt[close + 1 :]
    if not alt:
        return None
    if alt.startswith("(?:"):
        close = _close_paren(alt, 0)
        if close is None or alt[close + 1 : close + 2] in ("*", "{"):
            return None
        inner = first_chars(alt[3:close])
        if inner is None:
            return None
        if alt[close + 1 : close + 2] != "?":
            return inner
        rest = _sequence_first_chars(alt[close + 2 :])  # "(?:heavy )?gunfire"
        return None if rest is None else inner | rest
    if alt[0].isalnum() and alt[1:2] not in ("?", "*", "{"):
        return frozenset(alt[0])
    return None


def compile_dispatch(patterns: list[str], where: str) -> re.Pattern[str]:
    """The regex of ``compile_patterns(patterns)`` matching at exactly the same places,
    faster to search: the patterns are grouped by the character they start with, each group
    behind a one-character lookahead, so a word start tries only the patterns that may begin
    there (those whose first character is not plain stay in a group tried everywhere)."""
    if not patterns:
        raise DataFileError(f"{where}: empty pattern list")
    groups: dict[str, list[str]] = {}
    anywhere: list[str] = []
    for p in patterns:
        chars = first_chars(p)
        if chars is None:
            anywhere.append(p)
            continue
        for ch in sorted(chars):
            groups.setdefault(ch, []).append(p)
    branches = [
        f"(?={re.escape(ch)})(?:{'|'.join(f'(?:{to_regex(p)})' for p in pats)})"
        for ch, pats in sorted(groups.items())
    ]
    if anywhere:
        branches.append("|".join(f"(?:{to_regex(p)})" for p in anywhere))
    try:
        return re.compile(rf"(?<!\w)(?:{'|'.join(branches)})(?!\w)", re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(f"{where}: bad pattern: {exc}") from exc


def load_lexicon(lang: str, onto: Ontology) -> EventLexicon:
    """Load and compile ``data/<lang>/events.yaml``."""
    return parse_lexicon(lang, load_language_file(lang, EVENTS_FILE, EVENTS_SCHEMA), onto,
                         load_happening_patterns(lang))


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A trigger found in a sentence, with the (type, sub-type) its lexicon entry gives."""

    span: Span
    kind: EventKind
    spec: TriggerSpec
    # other entries matching exactly the same words, in lexicon order: the event stage
    # takes the first whose requirements hold ("demanded" with an official in the
    # sentence, else as the event of a one-line item)
    alternatives: tuple[TriggerSpec, ...] = ()


def _wanted(lexicon: EventLexicon, skip: frozenset[str]) -> list[TriggerSpec]:
    """The lexicon's entries with no requirement named in ``skip``."""
    return [s for s in lexicon.triggers if not (skip and skip.intersection(s.requires))]


def find_triggers(
    text: str, sentence: Span, lexicon: EventLexicon, skip: frozenset[str] = frozenset()
) -> list[TriggerMatch]:
    """Triggers in ``sentence`` (offsets into ``text``): longest first, never overlapping.

    Entries with a requirement named in ``skip`` are not looked for (``short`` ones in a
    long report)."""
    found: list[tuple[int, int, TriggerSpec]] = []
    if lexicon.any_trigger is not None and lexicon.trigger_anywhere is not None:
        # as below, trying at each place only the entries that may start with its character
        index, anywhere = lexicon.trigger_index, lexicon.trigger_anywhere
        ends: dict[int, int] = {}
        pos = sentence.start
        while (hit := lexicon.any_trigger.search(text, pos, sentence.end)) is not None:
            at = hit.start()
            ch = text[at]
            for spec in index.get(ch.lower(), anywhere) if ch.isascii() else lexicon.triggers:
                if skip and skip.intersection(spec.requires):
                    continue
                if at < ends.get(spec.order, -1):
                    continue
                sm = spec.regex.match(text, at, sentence.end)
                if sm is not None and sm.end() > sm.start():
                    found.append((at, sm.end(), spec))
                    ends[spec.order] = sm.end()
            pos = at + 1
    elif lexicon.any_trigger is None:
        for spec in _wanted(lexicon, skip):
            for m in spec.regex.finditer(text, sentence.start, sentence.end):
                if m.end() > m.start():
                    found.append((m.start(), m.end(), spec))
    else:
        # try the entries only where some trigger starts; an entry's matches do not overlap
        # each other (as with ``finditer``)
        last_end: dict[int, int] = {}
        specs = _wanted(lexicon, skip)
        pos = sentence.start
        while (hit := lexicon.any_trigger.search(text, pos, sentence.end)) is not None:
            at = hit.start()
            for spec in specs:
                if at < last_end.get(spec.order, -1):
                    continue
                sm = spec.regex.match(text, at, sentence.end)
                if sm is not None and sm.end() > sm.start():
                    found.append((at, sm.end(), spec))
                    last_end[spec.order] = sm.end()
            pos = at + 1
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2].order, f[0]))
    taken: list[tuple[int, int]] = []
    kept: list[TriggerMatch] = []
    for start, end, spec in found:
        if any(start < e and s < end for s, e in taken):
            for i, t in enumerate(kept):
                if t.span.start == start and t.span.end == end:
                    kept[i] = replace(t, alternatives=(*t.alternatives, spec))
            continue
        taken.append((start, end))
        kept.append(TriggerMatch(Span(start, end, text[start:end]), spec.kind, spec))
    kept.sort(key=lambda t: t.span.start)
    return kept
