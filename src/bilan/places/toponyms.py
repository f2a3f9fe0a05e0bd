"""Finding place names in a report and resolving each to one gazetteer record.

Matching: the longest run of words (capitalised, joined by spaces or hyphens, Arabic
articles allowed inside) whose key is a gazetteer name. Resolution: the document's
country focus (countries named, demonyms, unambiguous places, the dateline), then
population, then the kind a cue asks for ("province de X" -> admin1, "quartier de X" ->
district). Demonyms ("syrien", "Russian") become country mentions flagged ``demonym``.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace

from bilan.langdata import SUPPORTED_LANGUAGES, language_file, load_yaml
from bilan.places.gazetteer import (
    ADMIN_KINDS,
    ALT_NAMES_MIN_POPULATION,
    PLACES_SCHEMA,
    Gazetteer,
)
from bilan.places.normalise import ARTICLES, Token, fold, name_key, tokens, variant
from bilan.records import Document, PlaceMention

MAX_WORDS = 6
# Lower-case words allowed inside a multi-word name ("Deir ez-Zor", "Bab al-Nairab").
CONNECTORS: frozenset[str] = ARTICLES | {"de", "du", "des", "la", "le", "les", "of", "the", "bin",
                                         "ibn", "bani", "ben", "abu", "sur", "on", "upon"}
JOINERS: frozenset[str] = frozenset({" ", "-", "\u00a0", "‑", "–"})
PRECISION_RANK: dict[str, int] = {"district": 0, "city": 1, "admin1": 2, "region": 2, "country": 3}


@dataclass(frozen=True, slots=True)
class PlaceLexicon:
    """One language's place words, keyed for matching."""

    demonyms: dict[str, str]  # folded word -> ISO code
    stop_keys: frozenset[str]
    stop_prefixes: frozenset[str]  # leading words of multi-word stop names ("france presse")
    admin_cues: tuple[str, ...]
    district_cues: tuple[str, ...]
    city_cues: tuple[str, ...]
    locative_cues: frozenset[str]
    admin_suffixes: frozenset[str]  # words right after a name: "Kunar province"
    city_suffixes: frozenset[str]  # "Suangre village"
    facility_suffixes: frozenset[str]  # "Bolivar Avenue" is a street, not a town


def load_lexicon(lang: str) -> PlaceLexicon:
    data = load_yaml(language_file(lang, "places.yaml"), PLACES_SCHEMA)
    demonyms = {fold(str(w)): str(cc) for cc, words in data["demonyms"].items() for w in words}
    stop_keys = frozenset(name_key(str(w)) for w in data["stoplist"]) - {""}
    stop_prefixes = frozenset(
        " ".join(k.split(" ")[:i]) for k in stop_keys for i in range(1, k.count(" ") + 1)
    )
    return PlaceLexicon(
        demonyms=demonyms,
        stop_keys=stop_keys,
        stop_prefixes=stop_prefixes,
        admin_cues=tuple(fold(c) for c in data["admin_cues"]),
        district_cues=tuple(fold(c) for c in data["district_cues"]),
        city_cues=tuple(fold(c) for c in data["city_cues"]),
        locative_cues=frozenset(fold(c) for c in data["locative_cues"]),
        admin_suffixes=frozenset(fold(c) for c in data["admin_suffixes"]),
        city_suffixes=frozenset(fold(c) for c in data["city_suffixes"]),
        facility_suffixes=frozenset(fold(c) for c in data["facility_suffixes"]),
    )


def load_lexicons() -> dict[str, PlaceLexicon]:
    """Every language's lexicon; stoplists are shared (English titles in French text ...)."""
    own = {lang: load_lexicon(lang) for lang in SUPPORTED_LANGUAGES}
    stop = frozenset().union(*(lex.stop_keys for lex in own.values()))
    prefixes = frozenset().union(*(lex.stop_prefixes for lex in own.values()))
    return {lang: replace(lex, stop_keys=stop, stop_prefixes=prefixes) for lang, lex in own.items()}


@dataclass(slots=True)
class _Raw:
    start: int
    end: int
    key: str
    rids: tuple[int, ...]
    sentence_initial: bool
    cue: str | None  # "admin1" | "district" | "city" | "locative" | None
    demonym: str | None = None  # ISO code for demonyms
    personish: bool = False  # next to another capitalised word ("Tom Perry"): maybe a name


def _cue(text: str, start: int, lex: PlaceLexicon) -> str | None:
    before = fold(text[max(0, start - 40) : start]).rstrip()
    if text[max(0, start - 1) : start] in "'’":
        before = fold(text[max(0, start - 40) : start])
    for kind, cues in (("admin1", lex.admin_cues), ("district", lex.district_cues),
                       ("city", lex.city_cues)):
        for cue in cues:
            if before.endswith(cue) and (len(before) == len(cue)
                                         or not before[-len(cue) - 1].isalpha()):
                return kind
    words = before.replace("'", "' ").replace("’", "' ").split()
    if words and (words[-1] in lex.locative_cues
                  or (len(words) > 1 and " ".join(words[-2:]) in lex.locative_cues)):
        return "locative"
    return None


def _sentence_starts(doc: Document, toks: list[Token]) -> set[int]:
    """Indexes of tokens that open a sentence or a line."""
    starts = {s.start for s in doc.sentences}
    out: set[int] = set()
    prev_end = 0
    si = sorted(starts)
    j = 0
    for i, t in enumerate(toks):
        while j < len(si) and si[j] <= t.start:
            if si[j] >= prev_end:
                out.add(i)
            j += 1
        gap = doc.text[prev_end : t.start]
        if i == 0 or "\n" in gap or gap.rstrip().endswith((".", "!", "?", ":", "»", '"')):
            out.add(i)
        prev_end = t.end
    return out


def _scan(doc: Document, gaz: Gazetteer, lex: PlaceLexicon) -> list[_Raw]:
    text = doc.text
    toks = tokens(text)
    starts = _sentence_starts(doc, toks)
    found: list[_Raw] = []
    memo: dict[str, str] = {}

    def var(word: str) -> str:
        got = memo.get(word)
        if got is None:
            got = memo[word] = variant(word)
        return got

    i, n = 0, len(toks)
    while i < n:
        tok = toks[i]
        first = tok.text[:1]
        if not (first.isupper() or (tok.key[:1] in "abcdefghijklmnopqrstuvwxyz"
                                    and var(tok.key) in gaz.lower_start)):
            dem = lex.demonyms.get(tok.key)
            if dem is not None and not first.isupper():
                found.append(_Raw(tok.start, tok.end, tok.key, (), False, None, dem))
            i += 1
            continue
        best_j, best_key, lower_inside = -1, "", False
        parts: list[str] = []
        has_lower = False
        for j in range(i, min(n, i + MAX_WORDS)):
            t = toks[j]
            if j > i and text[toks[j - 1].end : t.start] not in JOINERS:
                break
            if t.key not in ARTICLES:
                parts.append(var(t.key))
            if j > i and not t.text[:1].isupper() and t.key not in CONNECTORS:
                has_lower = True
            key = " ".join(parts)
            if not key:
                continue
            if (key in gaz.keys or key in lex.stop_keys) and t.key not in ARTICLES:
                best_j, best_key, lower_inside = j, key, has_lower
            if key not in gaz.prefixes and key not in lex.stop_prefixes:
                break
        if best_j == i and best_key not in gaz.trusted and tok.key in lex.demonyms:
            best_j = -1  # "Syrian" is the demonym, not a hamlet's alternate name
        if best_j < 0:
            dem = lex.demonyms.get(tok.key)
            if dem is not None:  # capitalised demonym: "Syrian", or "Russes" in a title
                found.append(_Raw(tok.start, tok.end, tok.key, (), i in starts, None, dem))
            i += 1
            continue
        if (best_key in lex.stop_keys or (lower_inside and best_key not in gaz.trusted)
                or (not first.isupper() and (best_key not in gaz.trusted or best_j == i))):
            i = best_j + 1
            continue
        start, end = tok.start, toks[best_j].end
        nxt = toks[best_j + 1] if best_j + 1 < n else None
        gap = text[end : nxt.start] if nxt is not None else ""
        if (nxt is not None and best_key not in gaz.trusted
                and (gap == "-" or (gap == " " and nxt.key in lex.facility_suffixes))):
            i = best_j + 1  # "Ysyk-Ata", "Bolivar Avenue": part of another name
            continue
        prev_cap = (i > 0 and i not in starts and toks[i - 1].text[:1].isupper()
                    and text[toks[i - 1].end : start] == " " and toks[i - 1].key not in ARTICLES)
        personish = prev_cap or (nxt is not None and nxt.text[:1].isupper() and gap == " ")
        cue = _cue(text, start, lex)
        if nxt is not None and gap in JOINERS:
            if nxt.key in lex.admin_suffixes:
                cue, personish = "admin1", prev_cap
            elif nxt.key in lex.city_suffixes:
                cue, personish = "city", prev_cap
        found.append(_Raw(start, end, best_key, gaz.candidates(best_key), i in starts,
                          cue, personish=personish))
        i = best_j + 1
    return found


def _is_small(gaz: Gazetteer, rid: int, key: str) -> bool:
    return (gaz.kind(rid) == "city" and gaz.population[rid] < ALT_NAMES_MIN_POPULATION
            and key not in gaz.trusted)


def _is_division(gaz: Gazetteer, rid: int, key: str) -> bool:
    """A GeoNames division (not a curated one) named by an untrusted key."""
    return gaz.kind(rid) in ADMIN_KINDS and key not in gaz.trusted


def _focus(doc: Document, gaz: Gazetteer, raws: list[_Raw]) -> Counter[str]:
    votes: Counter[str] = Counter()
    for r in raws:
        if r.demonym:
            votes[r.demonym] += 1
            continue
        kinds = {gaz.kind(x) for x in r.rids}
        if "country" in kinds:
            for x in r.rids:
                if gaz.kind(x) == "country":
                    votes[gaz.country_codes[x]] += 2
            continue
        big = [x for x in r.rids if not _is_small(gaz, x, r.key)
               and (not _is_division(gaz, x, r.key) or r.cue == "admin1")]
        ccs = {gaz.country_codes[x] for x in big}
        if len(ccs) == 1:
            votes[ccs.pop()] += 1
    dp = doc.dateline_place
    if dp is not None:
        rids = gaz.candidates(name_key(dp.text))
        if rids:
            top = max(rids, key=lambda x: gaz.population[x])
            votes[gaz.country_codes[top]] += 1
    return votes


def _names_division(gaz: Gazetteer, admin1: str, own: str, named: set[str]) -> bool:
    """Whether the text names the division ``admin1`` (other than by this very mention)."""
    key = gaz.key_of(admin1)
    return key != own and key in named


def _score(gaz: Gazetteer, rid: int, raw: _Raw, votes: Counter[str], top: int,
           mentioned_parents: set[str], named: set[str]) -> float:
    kind = gaz.kind(rid)
    pop = gaz.population[rid]
    trusted = rid in gaz.trusted_rids or raw.key in gaz.trusted
    score = math.log10(pop + 10)
    if (kind in ("district", "camp") and pop == 0) or kind in ADMIN_KINDS:
        score = 5.0
    if kind == "country":
        score = 7.5
    if trusted:
        score += 2.0
    if top:
        score += 4.0 * votes.get(gaz.country_codes[rid], 0) / top
    if kind in ADMIN_KINDS:
        score += 2.5 if raw.cue == "admin1" else -1.5
    if kind in ("district", "camp") and raw.cue == "district":
        score += 2.0
    if kind == "city" and raw.cue == "city":
        score += 1.0
    parent = gaz.parents[rid]
    if parent is not None and parent in mentioned_parents:
        score += 1.5
    a1 = gaz.admin1[rid]
    if a1 is not None and kind not in ADMIN_KINDS and _names_division(gaz, a1, raw.key, named):
        score += 2.0  # "Musawa (Katsina)", "Kamianka, Donetsk": inside the division named
    if kind == "city" and pop < 100_000 and gaz.key_of(gaz.names[rid]) != raw.key:
        score -= 1.0  # an alternate name ("Chiapas" for Chiapa de Corzo) yields to a main one
    return score


def _acceptable(gaz: Gazetteer, rid: int, raw: _Raw, votes: Counter[str]) -> bool:
    in_focus = votes.get(gaz.country_codes[rid], 0) > 0
    if _is_division(gaz, rid, raw.key):
        # "Oriental", "Punch": division names are common words more often than cities' are
        return raw.cue == "admin1" or (in_focus and not raw.personish
                                        and not raw.sentence_initial)
    if raw.key in gaz.trusted or gaz.kind(rid) != "city":
        return True
    if votes and not in_focus and (raw.personish or raw.cue == "admin1"
                                   or gaz.population[rid] < 50_000):
        return False  # "Shah Faisal Town" is not Detroit in a report about Pakistan
    if gaz.population[rid] < 100_000 and (raw.personish or (raw.sentence_initial and not in_focus)):
        return False
    if not in_focus and gaz.population[rid] < 50_000 and raw.cue is None:
        return False
    if not _is_small(gaz, rid, raw.key):
        return True
    if votes.get(gaz.country_codes[rid], 0) > 0:
        return not raw.sentence_initial or raw.cue is not None
    return raw.cue is not None and not raw.sentence_initial


def resolve(doc: Document, gaz: Gazetteer, lex: PlaceLexicon,
            country_hint: str | None = None) -> list[PlaceMention]:
    """Place mentions of ``doc`` with one resolved place each, in text order."""
    raws = _scan(doc, gaz, lex)
    votes = _focus(doc, gaz, raws)
    if country_hint:
        votes[country_hint] += max(3, max(votes.values(), default=0))
    top = max(votes.values(), default=0)
    mentioned = {gaz.names[x] for r in raws for x in r.rids
                 if gaz.kind(x) == "city" and not _is_small(gaz, x, r.key)}
    named = {r.key for r in raws if r.demonym is None}
    out: list[PlaceMention] = []
    for r in raws:
        if r.demonym is not None:
            country = gaz.country(r.demonym)
            if country is not None:
                out.append(PlaceMention(r.start, r.end, doc.text[r.start : r.end], country,
                                        demonym=True))
            continue
        ok = [x for x in r.rids if _acceptable(gaz, x, r, votes)]
        if not ok:
            continue
        best = max(ok, key=lambda x: _score(gaz, x, r, votes, top, mentioned, named))
        out.append(PlaceMention(r.start, r.end, doc.text[r.start : r.end], gaz.place(best)))
    return out


def place_focus(mentions: list[PlaceMention]) -> str | None:
    """The country most named in ``mentions`` (demonyms count; ties: first named)."""
    votes: Counter[str] = Counter(m.place.country_code for m in mentions)
    return votes.most_common(1)[0][0] if votes else None


def _specificity(m: PlaceMention) -> int:
    rank = 2 * PRECISION_RANK[m.place.precision]
    # a second-level division is reported as admin1 but is more specific than one
    return rank - 1 if m.place.gazetteer_id.startswith("admin2:") else rank


def event_place(mentions: list[PlaceMention], *, violent: bool = True,
                anchor: int | None = None) -> PlaceMention | None:
    """The place where an event happened, among the places a text names.

    Demonyms never count. For violent events, places outside the country the text is
    about are only mentioned (strikes in Aleppo, talks in Geneva) and are skipped while an
    in-country place is named. Then the most specific place wins (districts before cities
    before divisions before countries); ties go to the mention nearest ``anchor`` (the
    trigger's offset), else to the first.
    """
    named = [m for m in mentions if not m.demonym]
    if not named:
        return None
    if violent:
        focus = place_focus(mentions)
        home = [m for m in named if m.place.country_code == focus]
        named = home or named

    def order(m: PlaceMention) -> tuple[int, int]:
        return _specificity(m), abs(m.start - anchor) if anchor is not None else m.start

    return min(named, key=order)
