"""Actor and claimant dictionaries (``data/<lang>/actors.yaml``) and matching them in text.

Aliases are matched whole-word, longest first; an alias written in capitals only
("EI", "OSDH") matches case-sensitively, any other ignoring case. A named person in
apposition to an organisation ("le directeur de l'OSDH, Rami Abdel Rahmane";
"Ammar al Selmo, qui dirige les casques blancs") speaks for that organisation, and
still does when named again by surname ("Selmo said"). A spokesman named without an
organisation ("spokesman Omar Belkacem said") speaks for the side that is the subject of
the latest sentence naming one, up to three sentences back.

Generic aliases ("government forces", "le régime", "la défense civile") name the forces
of whatever country the report is about: their entry's name carries a ``{country}``
placeholder filled with the document's country focus (computed from ``doc.places``),
``by_country`` names the exceptions ("défense civile" in Syria is the White Helmets),
and ``fallback`` is the name used when the report has no country focus.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from bilan.errors import DataFileError
from bilan.langdata import SUPPORTED_LANGUAGES, language_file, load_yaml
from bilan.places.toponyms import place_focus
from bilan.records import ActorMention, Document

ACTORS_SCHEMA: dict[str, Any] = {"actors": (dict, dict), "apposition_roles": (list, str),
                                 "spokesman_words": (list, str)}
ENTRY_FIELDS: dict[str, type] = {"name": str, "category": str, "can_act": bool,
                                 "can_claim": bool, "aliases": list}
OPTIONAL_FIELDS: frozenset[str] = frozenset({"valid_from", "valid_to", "person", "fallback",
                                            "by_country"})
COUNTRY_SLOT = "{country}"
# Categories whose members are named with their role in outputs ("Hospital director X").
ROLE_CATEGORIES: frozenset[str] = frozenset({"hospital"})

_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'-]+"
_PARTICLE = r"(?:al|el|de|ben|bin|ibn|abou|abu|Abdel|Abdul|ould|van|von|da|di|du)"
_SPACES = re.compile(r"[\s\u00a0]+")
PERSON = rf"{_NAME_WORD}(?:[ -](?:{_PARTICLE}[ -])?{_NAME_WORD}){{1,3}}"


@dataclass(frozen=True, slots=True)
class ActorEntry:
    key: str
    name: str
    category: str
    can_act: bool
    can_claim: bool
    aliases: tuple[str, ...]
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    person: bool = False  # the aliases name one person speaking for ``name``
    fallback: str | None = None  # name when ``name`` has a {country} slot and no focus
    by_country: tuple[tuple[str, str], ...] = ()  # ISO code -> name, before the slot

    @property
    def relative(self) -> bool:
        """Whether the name depends on the country the report is about."""
        return COUNTRY_SLOT in self.name or bool(self.by_country)

    def name_for(self, focus: tuple[str, str] | None) -> str:
        """The canonical name in a report about ``focus`` (ISO code, English name)."""
        if focus is not None:
            for code, name in self.by_country:
                if code == focus[0]:
                    return name
            return self.name.replace(COUNTRY_SLOT, focus[1])
        if COUNTRY_SLOT in self.name:
            return self.fallback or self.name.replace(f" of {COUNTRY_SLOT}", "")
        return self.name

    def valid_on(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        if self.valid_from is not None and day < self.valid_from:
            return False
        return not (self.valid_to is not None and day > self.valid_to)


@dataclass(frozen=True, slots=True)
class ActorDictionary:
    lang: str
    entries: dict[str, ActorEntry]
    pattern_exact: re.Pattern[str] | None  # capitals-only aliases, case-sensitive
    pattern_fold: re.Pattern[str] | None  # the rest, ignoring case
    by_alias: dict[str, str]  # alias (exact, or casefolded) -> entry key
    apposition_after: re.Pattern[str]  # "<Person>, <role> ... " before an organisation
    person_after: re.Pattern[str]  # ", <Person>" right after an organisation
    person_before: re.Pattern[str]  # "<Person>, " right before a role ("qui dirige un hôpital")
    role_after_comma: re.Pattern[str]  # the tail of ``apposition_after`` after its comma
    bare_spokesman: re.Pattern[str]  # "spokesman <Person>" naming no organisation


def _date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise DataFileError(f"{where}: not an ISO date: {value!r}") from exc


def _entry(key: str, raw: Any, where: str) -> ActorEntry:
    if not isinstance(raw, dict):
        raise DataFileError(f"{where}: expected a mapping")
    for field_name, kind in ENTRY_FIELDS.items():
        if not isinstance(raw.get(field_name), kind):
            raise DataFileError(f"{where}.{field_name}: expected {kind.__name__}")
    unknown = set(raw) - set(ENTRY_FIELDS) - OPTIONAL_FIELDS
    if unknown:
        raise DataFileError(f"{where}: unknown fields {sorted(unknown)}")
    aliases = tuple(str(a) for a in raw["aliases"])
    if not aliases:
        raise DataFileError(f"{where}.aliases: empty")
    by_country = raw.get("by_country", {})
    if not isinstance(by_country, dict) or not all(
            isinstance(k, str) and len(k) == 2 and k.isupper() and isinstance(v, str)
            for k, v in by_country.items()):
        raise DataFileError(f"{where}.by_country: expected ISO code -> name")
    fallback = raw.get("fallback")
    if fallback is not None and not isinstance(fallback, str):
        raise DataFileError(f"{where}.fallback: expected str")
    if COUNTRY_SLOT in raw["name"] and fallback is None:
        raise DataFileError(f"{where}: a name with {COUNTRY_SLOT} needs a fallback")
    return ActorEntry(key=key, name=raw["name"], category=raw["category"],
                      can_act=raw["can_act"], can_claim=raw["can_claim"], aliases=aliases,
                      valid_from=_date(raw.get("valid_from"), f"{where}.valid_from"),
                      valid_to=_date(raw.get("valid_to"), f"{where}.valid_to"),
                      person=bool(raw.get("person", False)), fallback=fallback,
                      by_country=tuple(sorted(by_country.items())))


def _alternation(aliases: list[str]) -> str:
    return "|".join(re.escape(a).replace(r"\ ", r"[\s\u00a0]+").replace("'", "['’]")
                    for a in sorted(aliases, key=len, reverse=True))


def _unit(c: str) -> str:
    """The regex for one character of an alias (spaces and apostrophes are flexible)."""
    if c == " ":
        return r"[\s\u00a0]+"
    if c == "'":
        return "['’]"
    return re.escape(c)


def _trie_alternation(aliases: list[str], fold: bool) -> str:
    """One regex matching the same text as ``_alternation(aliases)``, factored as a trie.

    Python's ``re`` tries an alternation's branches one by one at every position; a trie
    shares the common prefixes, so each position costs one walk. At every node the longer
    continuations are tried before the alias ending there, so the longest alias still wins
    (and a failing right boundary still falls back to a shorter one). With ``fold`` the
    trie is keyed on lower-cased characters (the pattern ignores case).
    """
    trie: dict[str, Any] = {}
    for alias in aliases:
        node = trie
        for c in alias:
            k = c.lower() if fold and len(c.lower()) == 1 else c
            node = node.setdefault(k, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [_unit(k) + emit(child) for k, child in node.items() if k]
        ends = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return body + "?" if len(branches) > 1 else "(?:" + body + ")?"
        return body

    return emit(trie)


def _is_exact(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def load_dictionary(lang: str) -> ActorDictionary:
    path = language_file(lang, "actors.yaml")
    data = load_yaml(path, ACTORS_SCHEMA)
    entries = {k: _entry(k, v, f"{path}:actors.{k}") for k, v in data["actors"].items()}
    by_alias: dict[str, str] = {}
    exact: list[str] = []
    folded: list[str] = []
    for e in entries.values():
        for a in e.aliases:
            if _is_exact(a):
                by_alias.setdefault(a, e.key)
                exact.append(a)
            else:
                by_alias.setdefault(a.casefold().replace("’", "'"), e.key)
                folded.append(a)
    bound_l, bound_r = r"(?<![\w-])", r"(?![\w-])"
    roles = _trie_alternation([str(r) for r in data["apposition_roles"]], True)
    return ActorDictionary(
        lang=lang, entries=entries,
        pattern_exact=(re.compile(f"{bound_l}(?:{_trie_alternation(exact, False)}){bound_r}")
                       if exact else None),
        pattern_fold=(re.compile(f"{bound_l}(?:{_trie_alternation(folded, True)}){bound_r}",
                                 re.IGNORECASE)
                      if folded else None),
        by_alias=by_alias,
        apposition_after=re.compile(rf"({PERSON})\s*,\s*(?:{roles})\b[^,.;:!?]{{0,60}}$",
                                    re.IGNORECASE),
        person_after=re.compile(rf"^\s*,\s*({PERSON})"),
        person_before=re.compile(rf"({PERSON})\s*,\s*$"),
        role_after_comma=re.compile(rf"\s*(?:{roles})\b[^,.;:!?]{{0,60}}$", re.IGNORECASE),
        bare_spokesman=re.compile(
            rf"(?<![\w-])(?i:{_trie_alternation([str(r) for r in data['spokesman_words']], True)})"
            rf"\s+({PERSON})"),
    )


def load_dictionaries() -> dict[str, ActorDictionary]:
    return {lang: load_dictionary(lang) for lang in SUPPORTED_LANGUAGES}


def country_focus(doc: Document) -> tuple[str, str] | None:
    """The country a report is about (ISO code, English name), from ``doc.places``.

    Places named count first; demonyms only when no place is named (the demonym in
    "Russian jets" says whose jets, not where the report is).
    """
    named = [m for m in doc.places if not m.demonym] or list(doc.places)
    code = place_focus(named)
    if code is None:
        return None
    return code, next(m.place.country for m in named if m.place.country_code == code)


def _mention(doc: Document, start: int, end: int, e: ActorEntry,
             person: str | None = None, name: str | None = None) -> ActorMention:
    return ActorMention(start=start, end=end, text=doc.text[start:end], name=name or e.name,
                        category=e.category, can_claim=e.can_claim, can_act=e.can_act,
                        person=person)


def _sentence_bounds(doc: Document, offset: int) -> tuple[int, int]:
    i = doc.sentence_index(offset)
    if i < 0:
        return 0, len(doc.text)
    s = doc.sentences[i]
    return s.start, s.end


def find_actor_mentions(doc: Document, d: ActorDictionary) -> list[ActorMention]:
    """Actor and claimant mentions in ``doc``, in text order, with exact offsets.

    Country-relative entries are named after :func:`country_focus` of ``doc``.
    """
    text = doc.text
    hits: list[tuple[int, int, str]] = []
    for pattern, exact in ((d.pattern_exact, True), (d.pattern_fold, False)):
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            alias = m.group() if exact else _SPACES.sub(" ", m.group()).casefold()
            key = d.by_alias.get(alias if exact else alias.replace("’", "'"))
            if key is not None:
                hits.append((m.start(), m.end(), key))
    # longest first, then drop overlaps
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, str]] = []
    last_end = -1
    for h in hits:
        if h[0] >= last_end:
            kept.append(h)
            last_end = h[1]
    day = doc.publication_date
    out: list[ActorMention] = []
    taken = [(s, e) for s, e, _ in kept]
    focus: tuple[str, str] | None = None
    if any(d.entries[key].relative for _, _, key in kept):
        focus = country_focus(doc)
    for start, end, key in kept:
        e = d.entries[key]
        if not e.valid_on(day):
            continue
        out.append(_mention(doc, start, end, e, person=doc.text[start:end] if e.person else None,
                            name=e.name_for(focus) if e.relative else None))
        if e.person or not e.can_claim:
            continue
        out.extend(_appositions(doc, d, start, end, e, taken, e.name_for(focus)))
    out.sort(key=lambda m: (m.start, m.end))
    out.extend(_bare_spokesmen(doc, d, out, taken))
    out.extend(_surnames_again(doc, out, taken))
    out.sort(key=lambda m: (m.start, m.end))
    return out


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in taken)


def _appositions(doc: Document, d: ActorDictionary, start: int, end: int, e: ActorEntry,
                 taken: list[tuple[int, int]], name: str) -> list[ActorMention]:
    """Named persons speaking for the organisation found at ``start:end``."""
    text = doc.text
    s_start, s_end = _sentence_bounds(doc, start)
    found: list[ActorMention] = []
    after = d.person_after.match(text, end, s_end)
    if after is not None and _free(taken, after.start(1), after.end(1)):
        found.append(_mention(doc, after.start(1), after.end(1), e, person=after.group(1),
                              name=name))
    window_start = max(s_start, start - 120)
    window = text[window_start:start]
    # both patterns end with the window's last comma then a role or nothing: test that
    # cheaply before searching for the person
    comma = window.rfind(",")
    before = None
    if comma >= 0 and d.role_after_comma.match(window, comma + 1):
        before = d.apposition_after.search(window)
    if before is None and comma >= 0 and e.category in ROLE_CATEGORIES and \
            not window[comma + 1:].strip():
        before = d.person_before.search(window)
    if before is not None:
        p0, p1 = window_start + before.start(1), window_start + before.end(1)
        if _free(taken, p0, p1):
            found.append(_mention(doc, p0, p1, e, person=before.group(1), name=name))
    for m in found:
        taken.append((m.start, m.end))
    return found


# Categories a spokesman without a named organisation may speak for (the side last named).
SIDE_CATEGORIES: frozenset[str] = frozenset({"rebels", "militia", "state_forces", "government",
                                             "political"})
_OTHER_NAME_BEFORE = re.compile(r"(?<![\w’'-])[A-ZÀ-ÖØ-Þ][\w’'-]+[ \u00a0]$")
_OTHER_NAME_AFTER = re.compile(r"[ \u00a0][A-ZÀ-ÖØ-Þ][\w’'-]+")
SIDE_SENTENCES = 3  # how many sentences back the side of a bare spokesman is looked for


def _bare_spokesmen(doc: Document, d: ActorDictionary, found: list[ActorMention],
                    taken: list[tuple[int, int]]) -> list[ActorMention]:
    """"spokesman Youssef Shagan said" with no organisation in its sentence: the person
    speaks for the side that is the subject (first side named) of the latest sentence naming
    one, up to three sentences back (a quotation often opens sentences before its speaker is
    named)."""
    out: list[ActorMention] = []
    if not found:
        return out
    for m in d.bare_spokesman.finditer(doc.text):
        p0, p1 = m.start(1), m.end(1)
        if not _free(taken, p0, p1):
            continue
        si = doc.sentence_index(p0)
        if si < 0:
            continue
        s_start, s_end = doc.sentences[si].start, doc.sentences[si].end
        if any(s_start <= a.start < s_end and a.can_claim for a in found):
            continue  # the sentence names a source of its own
        first = doc.sentences[max(0, si - SIDE_SENTENCES)].start
        sides = [a for a in found if first <= a.start < p0 and a.category in SIDE_CATEGORIES
                 and a.can_claim and a.person is None]
        if not sides:
            continue
        # the subject of the latest sentence naming a side: its first side named
        last = doc.sentence_index(sides[-1].start)
        side = next(a for a in sides if doc.sentence_index(a.start) == last)
        out.append(ActorMention(start=p0, end=p1, text=doc.text[p0:p1], name=side.name,
                                category=side.category, can_claim=True, can_act=side.can_act,
                                person=m.group(1)))
        taken.append((p0, p1))
    return out


def _surnames_again(doc: Document, found: list[ActorMention],
                    taken: list[tuple[int, int]]) -> list[ActorMention]:
    """A person introduced as speaking for an organisation ("Abdul Fattah Yunis, commander
    of rebel forces") still speaks for it when named again by surname later ("Yunis said")."""
    people: dict[str, ActorMention] = {}
    for a in found:
        if a.person and " " in a.person.strip() and a.text == a.person:
            surname = a.person.split()[-1]
            if len(surname) >= 4 and surname[0].isupper():
                people.setdefault(surname, a)
    out: list[ActorMention] = []
    for surname, a in people.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", doc.text):
            if m.start() < a.end or not _free(taken, m.start(), m.end()):
                continue
            if _OTHER_NAME_BEFORE.search(doc.text, max(0, m.start() - 40), m.start()) or \
                    _OTHER_NAME_AFTER.match(doc.text, m.end()):
                continue  # part of another person's full name ("Ali Mansour")
            out.append(ActorMention(start=m.start(), end=m.end(), text=m.group(), name=a.name,
                                    category=a.category, can_claim=a.can_claim,
                                    can_act=a.can_act, person=a.person))
            taken.append((m.start(), m.end()))
    return out


def claimant_name(mention: ActorMention) -> str:
    """The claimant string used in outputs.

    Roles are named with the person ("Hospital director Hamza al Khatib"); a person who
    speaks for an organisation is given as the organisation; anything else by its name.
    """
    if mention.person and mention.category in ROLE_CATEGORIES:
        return f"{mention.name} {mention.person}"
    return mention.name
