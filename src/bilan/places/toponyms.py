"""Finding place names in a report and resolving each to one gazetteer record.

Matching: the longest run of words (capitalised, joined by spaces or hyphens, Arabic
articles allowed inside) whose key is a gazetteer name. Resolution: the document's
country focus (countries named, demonyms, unambiguous places, the dateline), then
population, then the kind a cue asks for ("province de X" -> admin1, "quartier de X" ->
district). Demonyms ("syrien", "Russian") become country mentions flagged ``demonym``.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from itertools import compress, groupby, pairwise
from typing import Any

from bilan.errors import DataFileError
from bilan.langdata import SUPPORTED_LANGUAGES, language_file, load_yaml
from bilan.language.sentences import text_document
from bilan.places.gazetteer import (
    ADMIN_KINDS,
    ALT_NAMES_MIN_POPULATION,
    PLACES_SCHEMA,
    SKELETON_COUNTRIES,
    Gazetteer,
    distance_km,
)
from bilan.places.normalise import ARTICLES, FoldedText, Words, fold, name_key, tokens
from bilan.places.roles import RoleCues, compile_cues, mark_roles
from bilan.records import Document, Place, PlaceMention

MAX_WORDS = 6
# Lower-case words allowed inside a multi-word name ("Deir ez-Zor", "Bab al-Nairab").
CONNECTORS: frozenset[str] = ARTICLES | {"de", "du", "des", "la", "le", "les", "of", "the", "bin",
                                         "ibn", "bani", "ben", "abu", "sur", "on", "upon",
                                         "del", "los", "las", "da", "do", "dos", "das", "di"}
JOINERS: frozenset[str] = frozenset({" ", "-", "\u00a0", "‑", "–"})
# Cues under which a GeoNames division name is taken for the division.
DIVISION_CUES: frozenset[str] = frozenset({"admin1", "container"})
# Other places named this close to a candidate make it the likelier reading.
NEAR_KM, AROUND_KM = 50.0, 150.0
# no two points a degree of latitude apart are closer than this (great-circle, km); a little
# under the true 111.2 so that the band of latitudes searched is never too narrow
KM_PER_DEGREE_LAT = 111.0
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
    # capitalised words, as written, after which a name is an organisation's ("People's")
    organisation_suffixes: tuple[str, ...] = ()
    # capitalised words, as written, naming an institution in the town just named
    # ("Quetta Press Club"): the town's name next to them is no person's
    institution_suffixes: tuple[str, ...] = ()
    determiners: frozenset[str] = frozenset()  # folded: "the", "a" ("A Masvingo bank")
    event_locatives: frozenset[str] = frozenset()  # "in", "near", "south of": an event's place
    locative_fillers: frozenset[str] = frozenset()  # "the", "village", "of" between them
    # words joining two names of a list ("à Tripoli et Sorman"): the locative governing the
    # first governs the second
    list_joiners: frozenset[str] = frozenset()
    # words for one country's administrative units ("upazila", "tambon"), matched as whole
    # words in the folded text; each names a vote for its country
    country_cues: re.Pattern[str] | None = None
    cue_countries: dict[str, str] = field(default_factory=dict)  # folded word -> ISO code
    roles: RoleCues | None = None  # reference and nationwide cues (see :mod:`.roles`)
    # theatres of conflict: name -> its first-level divisions as (ISO code, division key)
    theatres: dict[str, frozenset[tuple[str, str]]] = field(default_factory=dict)
    # words naming a theatre ("Boko Haram", "OSCE SMM") -> theatre name: acronyms as
    # written ("LeT" is not "let"), the others folded
    cue_theatres: dict[str, str] = field(default_factory=dict)
    # the cues by their longest word key (a text without that word cannot hold the cue):
    # each with its other word keys and whether it is an acronym, matched in the text as
    # written rather than in the folded text
    theatre_index: dict[str, tuple[tuple[str, frozenset[str], bool], ...]] = field(
        default_factory=dict)
    # abbreviations of first-level divisions, as written ("UP", "KPK") -> (ISO code,
    # division key), and a pattern finding them as whole words
    abbreviations: dict[str, tuple[str, str]] = field(default_factory=dict)
    abbreviation_re: re.Pattern[str] | None = None


def _is_acronym_cue(cue: str) -> bool:
    """A cue with a word written with a capital past its first letter ("LeT", "OSCE SMM",
    "NSCN-IM"), not merely capitalised words ("Boko Haram")."""
    return any(c.isupper() for w in re.split(r"[\s'’-]+", cue) for c in w[1:])


WHOLE_COUNTRY = ""  # a theatre's division key standing for its whole country ("SO")


def _load_theatres(data: dict[str, Any]) -> tuple[
        dict[str, frozenset[tuple[str, str]]], dict[str, str]]:
    theatres: dict[str, frozenset[tuple[str, str]]] = {}
    for name, divisions in data["theatres"].items():
        pairs: set[tuple[str, str]] = set()
        for d in divisions:
            cc, sep, admin1 = str(d).partition("/")
            if len(cc) != 2 or not cc.isupper() or (sep and not admin1):
                raise DataFileError(f"places.yaml: theatres: {name}: expected CC/Division "
                                    f"or CC, got {d!r}")
            pairs.add((cc, name_key(admin1) if admin1 else WHOLE_COUNTRY))
        theatres[str(name)] = frozenset(pairs)
    cues: dict[str, str] = {}
    for name, words in data["theatre_cues"].items():
        if name not in theatres:
            raise DataFileError(f"places.yaml: theatre_cues: unknown theatre {name!r}")
        for w in words:
            word = str(w)
            word = word if _is_acronym_cue(word) else fold(word)
            cues[word] = cues[word.replace("'", "’")] = str(name)
    return theatres, cues


def _load_abbreviations(data: dict[str, Any]) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for cc, table in data["division_abbreviations"].items():
        if len(str(cc)) != 2 or not str(cc).isupper():
            raise DataFileError(f"places.yaml: division_abbreviations: bad country {cc!r}")
        for abbr, name in table.items():
            key = name_key(str(name))
            if not key or str(abbr) in out:
                raise DataFileError(f"places.yaml: division_abbreviations: {cc}: {abbr!r}")
            out[str(abbr)] = (str(cc), key)
    return out


def _theatre_index(cues: dict[str, str]) -> dict[str, tuple[tuple[str, frozenset[str], bool],
                                                             ...]]:
    index: dict[str, list[tuple[str, frozenset[str], bool]]] = {}
    for cue in cues:
        keys = [t.key for t in tokens(cue)]
        if not keys:
            raise DataFileError(f"places.yaml: theatre_cues: {cue!r} has no word")
        index.setdefault(max(keys, key=len), []).append(
            (cue, frozenset(keys), _is_acronym_cue(cue)))
    return {k: tuple(v) for k, v in index.items()}


def load_lexicon(lang: str) -> PlaceLexicon:
    data = load_yaml(language_file(lang, "places.yaml"), PLACES_SCHEMA)
    demonyms = {fold(str(w)): str(cc) for cc, words in data["demonyms"].items() for w in words}
    stop_keys = frozenset(name_key(str(w)) for w in data["stoplist"]) - {""}
    stop_prefixes = frozenset(
        " ".join(k.split(" ")[:i]) for k in stop_keys for i in range(1, k.count(" ") + 1)
    )
    cue_countries = {fold(str(w)): str(cc) for cc, words in data["country_cues"].items()
                     for w in words}
    cue_re = (re.compile(r"(?<![\w-])(?:" + "|".join(
        re.escape(w) for w in sorted(cue_countries, key=len, reverse=True)) + r")(?![\w-])")
              if cue_countries else None)
    theatres, cue_theatres = _load_theatres(data)
    abbreviations = _load_abbreviations(data)
    return PlaceLexicon(
        abbreviations=abbreviations,
        abbreviation_re=(re.compile(r"(?<![\w&-])(?:" + "|".join(
            re.escape(a) for a in sorted(abbreviations, key=len, reverse=True))
                                    + r")(?![\w&-])") if abbreviations else None),
        theatres=theatres,
        cue_theatres=cue_theatres,
        theatre_index=_theatre_index(cue_theatres),
        country_cues=cue_re,
        cue_countries=cue_countries,
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
        organisation_suffixes=tuple(str(c).replace("’", "'")
                                    for c in data["organisation_suffixes"]),
        institution_suffixes=tuple(str(c) for c in data["institution_suffixes"]),
        determiners=frozenset(fold(str(c)) for c in data["determiners"]),
        event_locatives=frozenset(fold(c).replace("'", "' ").strip()
                                  for c in data["event_locatives"]),
        locative_fillers=frozenset(fold(c) for c in data["locative_fillers"]),
        list_joiners=frozenset(fold(c) for c in data["list_joiners"]),
        roles=compile_cues(data),
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
    cue: str | None  # "admin1" | "district" | "city" | "locative" | "container" | None
    demonym: str | None = None  # ISO code for demonyms
    personish: bool = False  # next to another capitalised word ("Tom Perry"): maybe a name
    locative: bool = False  # governed by an event locative ("in", "near", "à", "près de")
    # names the place holding the one just before: "strong" ("X (Y", "X, Y." closing the
    # clause, "X area of Y"), "weak" (a comma that may also separate a list: "X, Y and Z")
    holds_previous: str | None = None
    loose: bool = False  # matched through a looser spelling only (see ``normalise.loose``)


def _cue(text: str, start: int, lex: PlaceLexicon, ft: FoldedText | None = None) -> str | None:
    ft = ft or FoldedText(text)
    before = ft.window(start - 40, start)
    if text[max(0, start - 1) : start] not in "'’":
        before = before.rstrip()
    for kind, cues in (("admin1", lex.admin_cues), ("district", lex.district_cues),
                       ("city", lex.city_cues)):
        if not before.endswith(cues):
            continue
        for cue in cues:
            if before.endswith(cue) and (len(before) == len(cue)
                                         or not before[-len(cue) - 1].isalpha()):
                return kind
    words = before.replace("'", "' ").replace("’", "' ").split()
    if words and (words[-1] in lex.locative_cues
                  or (len(words) > 1 and " ".join(words[-2:]) in lex.locative_cues)):
        return "locative"
    return None


_LOCATIVE_REACH = 80  # characters looked at before a name
_LOCATIVE_WORDS = 6  # filler words crossed at most


def _locative(text: str, start: int, lex: PlaceLexicon, ft: FoldedText | None = None) -> bool:
    """Whether a locative preposition governs the name at ``start``: "in X", "near X",
    "in the village of X", "au sud de X", "dans la province d'X" (fillers between them)."""
    before = (ft or FoldedText(text)).window(start - _LOCATIVE_REACH, start)
    before = before.replace("’", "'").replace("'", "' ")
    words = before.split()
    if before[:1].isalnum() and start > _LOCATIVE_REACH and words:
        words = words[1:]  # a word cut by the window
    i = len(words)
    if i and words[-1] in _ARTICLES:
        i -= 1  # "in al-Zawiya", "outskirts of el-Arish": the Arabic article of the name
    for _ in range(_LOCATIVE_WORDS + 1):
        for n in (3, 2, 1):
            if i - n >= 0 and " ".join(words[i - n : i]) in lex.event_locatives:
                return True
        if i == 0 or words[i - 1] not in lex.locative_fillers:
            return False
        i -= 1
    return False


# an Arabic article written apart from the name it begins, in lower case ("al-Brega")
_ARTICLES = frozenset({"al-", "el-"})


def _joined(text: str, start: int, found: list[_Raw], prev_place_end: int | None,
            lex: PlaceLexicon) -> bool:
    """Whether the name at ``start`` is joined by a list word alone to the place just
    before, itself governed by a locative: "à Tripoli et Sorman", "in Cairo and Suez"."""
    if not found or prev_place_end is None or found[-1].end != prev_place_end:
        return False
    if not found[-1].locative or start - prev_place_end > 8:
        return False
    return fold(text[prev_place_end:start].strip()) in lex.list_joiners


class _SentenceStarts:
    """Which words open a sentence or a line, worked out only for the words asked about
    (the few that may start a name) rather than for every word of the text."""

    __slots__ = ("_si", "_text", "_w")

    def __init__(self, doc: Document, w: Words) -> None:
        self._text = doc.text
        self._w = w
        self._si = sorted({s.start for s in doc.sentences})

    def __contains__(self, i: int) -> bool:
        if i == 0:
            return True
        prev_end, start = self._w.ends[i - 1], self._w.starts[i]
        k = bisect_left(self._si, prev_end)
        if k < len(self._si) and self._si[k] <= start:
            return True  # a sentence starts between the word before and this one
        text = self._text
        if start - prev_end > 1 or text[prev_end] != " ":
            gap = text[prev_end:start]
            return "\n" in gap or gap.rstrip().endswith((".", "!", "?", ":", "»", '"'))
        return False


def _scan(doc: Document, gaz: Gazetteer, lex: PlaceLexicon,
          ft: FoldedText | None = None, words_out: list[Words] | None = None) -> list[_Raw]:
    text = doc.text
    ft = ft or FoldedText(text)
    w = gaz.words.scan(text)
    if words_out is not None:
        words_out.append(w)  # the text's words, for the caller's other uses
    starts = _SentenceStarts(doc, w)
    found: list[_Raw] = []
    keys, variants, texts, wstarts, wends = w.keys, w.variants, w.texts, w.starts, w.ends
    gkeys, gprefixes, lower_start = gaz.keys, gaz.prefixes, gaz.lower_start
    stop_keys, stop_prefixes, demonyms = lex.stop_keys, lex.stop_prefixes, lex.demonyms

    prev_place_end: int | None = None
    possessive: int | None = None  # after "X's" where X is governed by a locative
    # the words that may start a name or be a demonym: the others are passed over
    candidates = list(compress(range(len(texts)), [t[0].isupper() for t in texts]))
    lower = [(variants, v) for v in lower_start.intersection(variants)]
    lower += [(keys, k) for k in demonyms.keys() & set(keys)]
    if lower:
        candidates = sorted({*candidates, *(i for seq, word in lower
                                            for i in _indexes(seq, word))})
    i, n = 0, len(keys)
    for c in candidates:
        if c < i:
            continue
        i = c
        first = texts[i][:1]
        if not first.isupper() and variants[i] not in lower_start:
            dem = demonyms.get(keys[i])
            if dem is not None:
                found.append(_Raw(wstarts[i], wends[i], keys[i], (), False, None, dem))
            i += 1
            continue
        best_j, best_key, lower_inside = -1, "", False
        parts: list[str] = []
        has_lower = False
        for j in range(i, min(n, i + MAX_WORDS)):
            if j > i and text[wends[j - 1] : wstarts[j]] not in JOINERS:
                break
            k = keys[j]
            article = k in ARTICLES
            if not article:
                parts.append(variants[j])
            if j > i and not texts[j][:1].isupper() and k not in CONNECTORS:
                has_lower = True
            if not parts:
                continue
            key = " ".join(parts)
            if not article and (key in gkeys or key in stop_keys):
                best_j, best_key, lower_inside = j, key, has_lower
            if key not in gprefixes and key not in stop_prefixes:
                break
        if best_j == i and best_key not in gaz.trusted and (
                keys[i] in demonyms or _acronym(texts[i])):
            best_j = -1  # "Syrian" is the demonym, "BLA", "LoC" acronyms: not hamlets
        loose_rids: tuple[int, ...] = ()
        if (best_j < 0 and first.isupper() and keys[i] not in demonyms
                and variants[i] not in stop_keys and not _acronym(texts[i])):
            # no name matches: a looser spelling ("Laxmipur" for Lakshmipur) may
            loose_rids = gaz.loose_candidates(variants[i])
            if loose_rids:
                best_j, best_key, lower_inside = i, variants[i], False
        if best_j < 0:
            dem = demonyms.get(keys[i])
            if dem is not None:  # capitalised demonym: "Syrian", or "Russes" in a title
                found.append(_Raw(wstarts[i], wends[i], keys[i], (), i in starts, None, dem))
            i += 1
            continue
        if (best_key in stop_keys or (lower_inside and best_key not in gaz.trusted)
                or (not first.isupper() and (best_key not in gaz.trusted or best_j == i))):
            i = best_j + 1
            continue
        start, end = wstarts[i], wends[best_j]
        if (i > 0 and best_key not in gaz.trusted and text[wends[i - 1] : start] == "-"
                and texts[i - 1][:1].isupper()
                and any(gaz.kind(x) in ADMIN_KINDS for x in gaz.candidates(best_key))
                and not any(not _is_small(gaz, x, keys[i - 1])
                            for x in gaz.candidates(keys[i - 1]))):
            # "Haut-Katanga", "Mayo-Sava": a division named by the end of another's name
            i = best_j + 1
            continue
        has_next = best_j + 1 < n
        gap = text[end : wstarts[best_j + 1]] if has_next else ""
        nxt_key = keys[best_j + 1] if has_next else ""
        city_part = (gap == "-" and texts[best_j + 1][:1].isupper()
                     and _compound_city(gaz, best_key)
                     and not _route(text, wends[best_j + 1], lex.facility_suffixes))
        if (has_next and best_key not in gaz.trusted and not city_part
                and (gap == "-" or (gap == " " and nxt_key in lex.facility_suffixes))):
            i = best_j + 1  # "Ysyk-Ata", "Bolivar Avenue": part of another name
            continue
        if gap == " " and lex.organisation_suffixes and _organisation(
                text, wstarts[best_j + 1], lex.organisation_suffixes):
            i = best_j + 1  # "the Donbass People's Militia": an armed group, not a place
            continue
        # a capitalised word before: maybe a person's name ("Tom Perry"), unless it is an
        # article or a preposition opening the sentence ("À Beni Oulid", "In Bani Walid")
        # a determiner ("A Masvingo bank") or an organisation's acronym ("MSF Bambari";
        # not initials: "KP Oli") is no first name either
        prev_cap = (i > 0 and i not in starts and texts[i - 1][:1].isupper()
                    and text[wends[i - 1] : start] == " " and keys[i - 1] not in ARTICLES
                    and keys[i - 1] not in lex.event_locatives
                    and keys[i - 1] not in lex.determiners
                    and not (len(texts[i - 1]) >= 3 and texts[i - 1].isupper()))
        next_cap = (has_next and texts[best_j + 1][:1].isupper() and gap == " "
                    and not _organisation(text, wstarts[best_j + 1],
                                          lex.institution_suffixes))
        personish = prev_cap or next_cap
        cue = _cue(text, start, lex, ft)
        holds = _holds_previous(text, start, end, prev_place_end)
        if has_next and gap in JOINERS:
            if nxt_key in lex.admin_suffixes:
                cue, personish = "admin1", prev_cap
                if holds == "weak":
                    holds = "strong"  # "El Callao, Bolivar state": a holder, not a list
            elif nxt_key in lex.city_suffixes:
                cue, personish = "city", prev_cap
        if cue is None and _container(text, start, end, prev_place_end):
            cue = "container"
        found.append(_Raw(start, end, best_key, loose_rids or gaz.candidates(best_key),
                          i in starts, cue, personish=personish, loose=bool(loose_rids),
                          locative=_locative(text, start, lex, ft) or (
                              possessive is not None and _POSSESSED.fullmatch(
                                  text, possessive, start) is not None) or (
                              _joined(text, start, found, prev_place_end, lex)),
                          holds_previous=holds))
        prev_place_end = end
        possessive = None
        if text.startswith(("'s ", "’s "), end):
            # "in Chhattisgarh's Narayanpur district": the possessed place is the one governed
            if found[-1].locative:
                possessive = end + 3
            found[-1].locative = False
        i = best_j + 1
        while city_part and i < n and text[wends[i - 1] : wstarts[i]] == "-":
            i += 1  # "Mogadishu-Karan": the city's part is no place of its own
    return found


# What comes between a place and a division abbreviation holding it ("Bannu, KPK",
# "Nigohan (UP)", "Karak , KPK", "X district of J&K", "Dir in KPK"), and the capitalised
# word before that (the place, as written; not an all-capitals dateline: "WASHINGTON (AP)").
_ABBREVIATION_HOLDS = re.compile(
    r"(?<![\w’'-])([A-Z][\w’'-]*[a-z][\w’'-]*)((?:\s+[a-z]+){0,2}\s*[,(]\s*"
    r"|\s+[a-z]+\s+of\s+|(?:\s+[a-z]+)?\s+in\s+)$")
# After an abbreviation: a capitalised word ("KP Oli": initials) or a news agency's
# credit dash ("Mumbai (AP) -- ") make it no division.
_ABBREVIATION_NOT_HOLDER = re.compile(r"[ \t]+[A-Z]|\)?[ \t]*[-–—:]")
_ABBREVIATION_REACH = 60  # characters looked at before an abbreviation


def _abbreviation_raws(doc: Document, gaz: Gazetteer, lex: PlaceLexicon, raws: list[_Raw],
                       ft: FoldedText | None = None) -> list[_Raw]:
    """Division abbreviations ("UP", "KPK", "J&K") named as the holder of the place just
    before them: "in Nigohan (UP)", "Bannu, KPK". The place before must have a reading in
    the abbreviation's country or, unknown to the gazetteer, be governed by a locative
    and either hold the abbreviation in parentheses or be in a text naming another place
    of that country; an abbreviation followed by a
    capitalised word ("KP Oli") or not after a place ("UP chairman") is no place."""
    if lex.abbreviation_re is None:
        return []
    text = doc.text
    out: list[_Raw] = []
    by_end = {r.end: r for r in raws}
    for m in lex.abbreviation_re.finditer(text):
        start, end = m.span()
        held = _ABBREVIATION_HOLDS.search(text, max(0, start - _ABBREVIATION_REACH), start)
        if held is None or _ABBREVIATION_NOT_HOLDER.match(text, end):
            continue
        cc, key = lex.abbreviations[m.group()]
        rids = tuple(x for x in gaz.candidates(key)
                     if gaz.country_codes[x] == cc and gaz.kind(x) in ADMIN_KINDS)
        if not rids:
            continue
        before = by_end.get(held.end(1))
        if before is not None:
            if before.demonym is not None or all(gaz.country_codes[x] != cc
                                                 for x in before.rids):
                continue
        elif not (_locative(text, held.start(1), lex, ft) and (held.group(2).strip() == "("
                                                                or any(
                r.demonym == cc or any(gaz.country_codes[x] == cc
                                       and not _is_small(gaz, x, r.key) for x in r.rids)
                for r in raws))):
            continue
        out.append(_Raw(start, end, key, rids, False, "container", holds_previous="strong"))
    return out


SKELETON_MIN_LENGTH = 6  # letters of a word looked up by its consonant skeleton


def _skeleton_raws(doc: Document, gaz: Gazetteer, lex: PlaceLexicon, raws: list[_Raw],
                   w: Words, theatre: frozenset[tuple[str, str]],
                   ft: FoldedText | None = None) -> list[_Raw]:
    """Capitalised single words the gazetteer does not know, governed by a locative ("near
    Svitlodarsk"), read as the towns of the theatre whose names are the same word
    romanised another way (see :func:`bilan.places.gazetteer.skeleton`): Svetlodarsk in
    Donetsk. Only in texts naming a theatre in a country of Cyrillic names; the word must
    not open a sentence nor stand next to another capitalised word."""
    text = doc.text
    taken = [(r.start, r.end) for r in raws]
    starts = _SentenceStarts(doc, w)
    out: list[_Raw] = []
    n = len(w.texts)
    for i, word in enumerate(w.texts):
        if (len(word) < SKELETON_MIN_LENGTH or not word[0].isupper() or not word[1:].islower()
                or not word.isalpha() or w.keys[i] in lex.stop_keys
                or w.keys[i] in lex.demonyms):
            continue
        start, end = w.starts[i], w.ends[i]
        if any(a < end and start < b for a, b in taken) or i in starts:
            continue
        if ((i + 1 < n and text[end : w.starts[i + 1]] in JOINERS
             and w.texts[i + 1][:1].isupper())
                or (i > 0 and text[w.ends[i - 1] : start] in JOINERS
                    and w.texts[i - 1][:1].isupper())
                or text[end : end + 1] == "-" or text[start - 1 : start] == "-"):
            continue  # part of a longer name
        if not _locative(text, start, lex, ft):
            continue
        rids = tuple(x for x in gaz.skeleton_candidates(w.variants[i])
                     if _in_theatre(gaz, x, theatre))
        if rids:
            out.append(_Raw(start, end, w.variants[i], rids, False, None, locative=True,
                            loose=True))
    return out


def _organisation(text: str, at: int, suffixes: tuple[str, ...]) -> bool:
    """Whether one of ``suffixes`` is written at ``at`` as a whole word."""
    after = text[at : at + 24].replace("’", "'")
    return any(after.startswith(s) and not after[len(s) : len(s) + 1].isalnum()
               for s in suffixes)


def _indexes(seq: list[str], item: str) -> list[int]:
    """Every index of ``item`` in ``seq``."""
    out: list[int] = []
    at = -1
    while True:
        try:
            at = seq.index(item, at + 1)
        except ValueError:
            return out
        out.append(at)


def _holds_previous(text: str, start: int, end: int, prev_end: int | None) -> str | None:
    if prev_end is None:
        return None
    gap = _HOLDER_GAP.fullmatch(text, prev_end, start)
    if gap is None:
        return None
    if "," not in gap.group() or _container(text, start, end, prev_end):
        return "strong"
    return "weak"


# A city this populous named before a hyphen and another capitalised word names a part of
# it ("Mogadishu-Karan", "Kiev-Holosiivskyi": a district of the city) or a route from it.
COMPOUND_CITY_POPULATION = 500_000


def _compound_city(gaz: Gazetteer, key: str) -> bool:
    return any(gaz.kind(x) == "city" and gaz.population[x] >= COMPOUND_CITY_POPULATION
               for x in gaz.candidates(key))


def _route(text: str, at: int, suffixes: frozenset[str]) -> bool:
    """Whether the words from ``at`` name a road ("-Kaduna Express way", "-Abuja road"):
    a compound "X-Y" there names a route between two places, not a part of X."""
    words = fold(text[at : at + 40]).split()
    return any(w.strip(".,;:()") in suffixes or w.startswith("express") for w in words[:2])


def _acronym(word: str) -> bool:
    """A short word with capitals after its first letter ("BLA", "LoC", "SOL")."""
    return len(word) <= 5 and not word[1:].islower()


# Between a place and the division holding it: a comma, maybe after a kind word
# ("Omealca municipality, Veracruz").
# Between a place and the place holding it, as a holder is named: "X, Y", "X (Y", "X LGA
# (Y", "X district, Y", "X district centre, Y", "X area of Y".
# "X village in Y", "X in Y" (a place in the next) also name a holder.
_HOLDER_GAP = re.compile(
    r"(?:\s+[a-z]+){0,2}\s*[,(]\s*|\s+[a-z]+\s+of\s+|(?:\s+[a-z]+)?\s+in\s+")
# Lower-case words between "X's" and the place it possesses ("insurgency-hit", "restive").
_POSSESSED = re.compile(r"(?:[a-z][\w-]*\s+){0,3}")
_AFTER_PLACE = re.compile(r"(?:\s+[a-z]+)?\s*,\s*")


def _container(text: str, start: int, end: int, prev_end: int | None) -> bool:
    """Whether the name at ``start:end`` names the division holding a place just named.

    "Bate village (Arso, Keerom)", "in the Nguia area (Cabo Delgado)": inside
    parentheses; "near Vesele, Donetsk." and "in Omealca, Veracruz, the bodies": after a
    place and a comma, closing the clause (a list "Hama, Homs and Idlib" does not).
    """
    before = text[max(0, start - 60) : start]
    opened = before.rfind("(")
    if opened >= 0 and ")" not in before[opened:]:
        return True
    if prev_end is None or _AFTER_PLACE.fullmatch(text, prev_end, start) is None:
        return False
    after = text[end : end + 3]
    return (not after or after[0] in ").;:" or after == "\n"
            or (after[:2] == ", " and after[2:3].islower()))


def _is_small(gaz: Gazetteer, rid: int, key: str) -> bool:
    return (gaz.kind(rid) == "city" and gaz.population[rid] < ALT_NAMES_MIN_POPULATION
            and key not in gaz.trusted)


def _is_division(gaz: Gazetteer, rid: int, key: str) -> bool:
    """A GeoNames division (not a curated one) named by an untrusted key."""
    return gaz.kind(rid) in ADMIN_KINDS and key not in gaz.trusted


def _alternate_only(gaz: Gazetteer, r: _Raw) -> bool:
    """One untrusted word that is no reading's main name: "October" (6th of October City),
    "Gaur", "Salam": words some city lists among its alternate names (or a loose match)."""
    return r.loose or (" " not in r.key and r.key not in gaz.trusted
            and not any(_main_name(gaz, x, r.key) for x in r.rids))


def _focus(doc: Document, gaz: Gazetteer, raws: list[_Raw],
           lex: PlaceLexicon | None = None, ft: FoldedText | None = None) -> Counter[str]:
    """Country votes; names read only through alternate names ("Gaur", "October") vote
    only when nothing else in the text does (their own reading must not outvote it).
    Words for one country's administrative units ("upazila") vote once each."""
    main = [r for r in raws if r.demonym or not _alternate_only(gaz, r)]
    cued: Counter[str] = Counter()
    if lex is not None and lex.country_cues is not None:
        text = ft.folded if ft is not None else fold(doc.text)
        for word in {m.group() for m in lex.country_cues.finditer(text)}:
            cued[lex.cue_countries[word]] += 1
    votes = _votes(doc, gaz, main, cued)
    if not votes and len(main) < len(raws):
        votes = _votes(doc, gaz, raws, cued)
    return votes


def named_theatres(doc: Document, lex: PlaceLexicon, ft: FoldedText | None = None,
                   word_keys: list[str] | None = None) -> set[str]:
    """The theatres of conflict the text's words name ("OSCE SMM": Donbas; "Boko Haram":
    the Lake Chad basin). ``word_keys``, the keys of the text's words when known, spare
    the search in texts lacking a word of every cue (most)."""
    names: set[str] = set()
    index = lex.theatre_index
    present = set(word_keys) if word_keys is not None else None
    folded: str | None = None
    for key in (index.keys() & present if present is not None else index):
        for cue, keys, acronym in index[key]:
            if present is not None and not keys <= present:
                continue
            if acronym:
                found = _has_whole(doc.text, cue)
            else:
                if folded is None:
                    folded = ft.folded if ft is not None else fold(doc.text)
                found = _has_whole(folded, cue)
            if found:
                names.add(lex.cue_theatres[cue])
    return names


def _has_whole(text: str, word: str) -> bool:
    """Whether ``word`` is in ``text`` as a whole word (nor letter, digit nor hyphen on
    either side)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if ((at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "_-"))
                and (end == len(text) or not (text[end].isalnum() or text[end] in "_-"))):
            return True
        at = text.find(word, at + 1)
    return False


# A name next to another capitalised word votes for its country only through a reading
# this populous.
PERSONISH_VOTE_POPULATION = 100_000
METROPOLIS_POPULATION = 2_000_000  # a city this big is what its name means, whatever else


def _votes(doc: Document, gaz: Gazetteer, raws: list[_Raw],
           cued: Counter[str] | None = None) -> Counter[str]:
    """Country votes of the names ``raws`` and of the words ``cued`` for one country's
    units ("upazila"), counted with them."""
    votes: Counter[str] = Counter(cued)
    # names whose biggest reading is a metropolis: (its country, the others' countries)
    metropolises: list[tuple[str, set[str]]] = []
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
               and (not _is_division(gaz, x, r.key) or r.cue in DIVISION_CUES)]
        mains = {gaz.country_codes[x] for x in r.rids if _main_name(gaz, x, r.key)}
        if mains:
            # a town read under another name altogether ("Khar" for Haar) does not vote
            # while the name is some place's own in other countries only
            big = [x for x in big if gaz.country_codes[x] in mains
                   or not _foreign_alias(gaz, x, r)]
        if r.personish and all(gaz.population[x] < PERSONISH_VOTE_POPULATION for x in big):
            continue  # "Khan Agha", "Tom Perry": maybe a person's name
        ccs = {gaz.country_codes[x] for x in big}
        if len(ccs) == 1:
            votes[ccs.pop()] += 1
        elif len(ccs) > 1:
            ranked = sorted(big, key=lambda x: -gaz.population[x])
            head = ranked[0]
            rest = max((gaz.population[x] for x in ranked[1:]
                        if gaz.country_codes[x] != gaz.country_codes[head]), default=0)
            if gaz.population[head] >= 100_000 and gaz.population[head] >= 10 * rest:
                metropolises.append((gaz.country_codes[head], set() if (
                    gaz.population[head] >= METROPOLIS_POPULATION) else {
                    gaz.country_codes[x] for x in ranked[1:] if _main_name(gaz, x, r.key)}))
    # "Lima", "Delhi": one reading is a metropolis, the others small towns; it votes
    # unless the text's other names vote for the country of another place of that very
    # name ("Pakistani and Indian troops ... in Samba sector": not Samba in Angola), or
    # it is a city of millions ("Kanpur" in a text naming a Pakistani)
    first = votes.copy()
    for cc, ccs in metropolises:
        if not any(first.get(c, 0) > 0 for c in ccs - {cc}):
            votes[cc] += 1
    dp = doc.dateline_place
    if dp is not None:
        rids = gaz.candidates(name_key(dp.text))
        if rids:
            top = max(rids, key=lambda x: gaz.population[x])
            votes[gaz.country_codes[top]] += 1
    return votes


def _division_votes(gaz: Gazetteer, raws: list[_Raw]) -> Counter[tuple[str, str]]:
    """Votes of division names read as nothing else, by name and country: "Sindh",
    "Assam" (no other country has a place of that name). Names next to another
    capitalised word ("Boko Haram", "Kashmir Committee") do not vote."""
    out: Counter[tuple[str, str]] = Counter()
    for r in raws:
        if (r.demonym or r.personish or r.loose
                or not any(_is_division(gaz, x, r.key) for x in r.rids)
                or any(not _is_small(gaz, x, r.key) and not _is_division(gaz, x, r.key)
                       for x in r.rids)):
            continue
        ccs = {gaz.country_codes[x] for x in r.rids}
        if len(ccs) == 1:
            out[(r.key, ccs.pop())] += 1
    return out


# A division name whose own vote alone puts it in focus is taken for the division only
# when it is this long ("à l'Onu" is not the Onou municipality) and a locative governs it
# ("protests in Haryana") or the text votes for no other country ("the Dharwad unit of
# the party"; a report about Libya naming "Grad" rockets does).
SELF_VOTE_MIN_LENGTH = 5


def _votes_for(r: _Raw, votes: Counter[str],
               division_votes: Counter[tuple[str, str]]) -> Counter[str]:
    """``votes`` as seen when reading ``r``: without the votes of its own name, unless
    the name may stand alone (see :data:`SELF_VOTE_MIN_LENGTH`)."""
    own = [(cc, n) for (key, cc), n in division_votes.items() if key == r.key]
    if not own:
        return votes
    seen = votes.copy()
    for cc, n in own:
        seen[cc] -= n
        if seen[cc] <= 0:
            del seen[cc]
    if len(r.key) >= SELF_VOTE_MIN_LENGTH and (r.locative or not seen):
        return votes
    return seen


HOLDER_VOTE = 2  # "Analalava (Sofia)": a reading inside a reading of its holder
HOLDER_PAIRS = 400  # reading pairs compared at most per name and holder


def _holder_votes(gaz: Gazetteer, raws: list[_Raw], votes: Counter[str]) -> None:
    """Countries where a name has a reading inside a reading of the name said to hold it
    gain: the pair agreeing is good evidence of the country, even for small places."""
    for prev, r in pairwise(raws):
        if (r.holds_previous != "strong" or r.demonym or prev.demonym or r.key == prev.key
                or len(prev.rids) * len(r.rids) > HOLDER_PAIRS):
            continue
        ccs = {gaz.country_codes[x] for x in prev.rids
               if any(_inside(gaz, x, y, r.cue == "admin1") for y in r.rids
                      if gaz.kind(y) != "country")}
        for cc in ccs:
            votes[cc] += HOLDER_VOTE


def _names_division(gaz: Gazetteer, admin1: str, own: str, named: set[str]) -> bool:
    """Whether the text names the division ``admin1`` (other than by this very mention)."""
    key = gaz.key_of(admin1)
    return key != own and key in named


def _main_name(gaz: Gazetteer, rid: int, key: str) -> bool:
    return gaz.key_of(gaz.names[rid]) == key


ALTERNATE_PENALTY = 1.5
FIRST_LEVEL_GAIN = 0.1  # a first-level division over a second-level one of that name


THEATRE_GAIN = 2.5  # a reading inside a theatre of conflict the text's words name


def _score(gaz: Gazetteer, rid: int, raw: _Raw, votes: Counter[str], top: int,
           mentioned_parents: set[str], named: set[str],
           theatre: frozenset[tuple[str, str]] = frozenset()) -> float:
    kind = gaz.kind(rid)
    pop = gaz.population[rid]
    trusted = rid in gaz.trusted_rids or raw.key in gaz.trusted
    # GeoNames gives some towns no population: count them as a small town, not as nothing
    score = math.log10(pop + 10) if pop or kind != "city" else 3.0
    if (kind in ("district", "camp") and pop == 0) or kind in ADMIN_KINDS:
        score = 5.0
    if kind in ("admin1", "region"):
        # between divisions of the same name, a first-level one ("Merida state": the
        # Venezuelan state, not a Mexican municipality)
        score += FIRST_LEVEL_GAIN
    if kind == "country":
        score = 7.5
    if trusted:
        score += 2.0
    if top:
        score += 4.0 * votes.get(gaz.country_codes[rid], 0) / top
    if kind in ADMIN_KINDS:
        score += {"admin1": 2.5, "container": 2.0}.get(raw.cue or "", -1.5)
    if kind in ("district", "camp") and raw.cue == "district":
        score += 2.0
    if kind == "city" and raw.cue == "city":
        score += 1.0
    parent = gaz.parents[rid]
    if parent is not None and parent in mentioned_parents:
        score += 1.5
    a1 = gaz.admin1[rid]
    if a1 is not None and kind not in ADMIN_KINDS and _names_division(gaz, a1, raw.key, named):
        score += 3.0  # "Musawa (Katsina)", "Kamianka, Donetsk": inside the division named
    if theatre and kind != "country" and _in_theatre(gaz, rid, theatre):
        score += THEATRE_GAIN  # "the OSCE SMM saw shelling near Vesele": Donetsk's Vesele
    if kind == "city" and not _main_name(gaz, rid, raw.key):
        if pop < 100_000:
            score -= 1.0  # an alternate name ("Chiapas" for Chiapa de Corzo) yields to a main one
        if (not trusted and not gaz.key_of(gaz.names[rid]).startswith(raw.key[:3])
                and any(gaz.kind(y) == "city" and _main_name(gaz, y, raw.key)
                        for y in raw.rids)):
            # "Islamabad", "Gaur": a city of that very name beats a bigger one listing it
            # among its alternate names under another name altogether (an old or foreign
            # name: not a spelling of its own, "Odessa", nor a short form, "Khairpur")
            score -= ALTERNATE_PENALTY
    return score


_SPELLING_DROP = str.maketrans("", "", "aeiouyhw '’-")


def _foreign_alias(gaz: Gazetteer, rid: int, raw: _Raw) -> bool:
    """Whether a town is read under one of its alternate names that is no spelling of its
    own name but another name altogether (an old or foreign name: "Khar" for Haar, "Gaur"
    for Le Havre, "Khair" for Cairo), the two names' first three consonants differing
    ("Sebha" for Sabha, "Jowhar" for Jawhar are spellings). Curated names never are."""
    if (gaz.kind(rid) != "city" or rid in gaz.trusted_rids or raw.key in gaz.trusted
            or _main_name(gaz, rid, raw.key)):
        return False
    if _consonants(gaz.key_of(gaz.names[rid])) == _consonants(raw.key):
        return False
    # the name of the division the town lies in ("Goa" for Mormugao, "Chiapas" for Chiapa
    # de Corzo) is no foreign name
    cc = gaz.country_codes[rid]
    return not any(gaz.kind(y) in ADMIN_KINDS and gaz.country_codes[y] == cc
                   and _main_name(gaz, y, raw.key) for y in raw.rids)


def _consonants(key: str) -> str:
    """The first three consonants of a key, a letter said twice counted once ("odessa"
    and "odesa": "ds")."""
    return "".join(c for c, _ in groupby(key.translate(_SPELLING_DROP)))[:3]


def _main_town(gaz: Gazetteer, raw: _Raw) -> bool:
    """Whether the name is the main name of a town big enough to keep its alternate names."""
    return any(gaz.kind(y) == "city" and gaz.population[y] >= ALT_NAMES_MIN_POPULATION
               and _main_name(gaz, y, raw.key) for y in raw.rids)


def _main_voted(gaz: Gazetteer, rid: int, raw: _Raw, votes: Counter[str]) -> bool:
    """Whether the name is the main name of a place in another country than ``rid``'s
    that the text votes for more than for ``rid``'s."""
    cc = gaz.country_codes[rid]
    own = votes.get(cc, 0)
    return any(gaz.country_codes[y] != cc and votes.get(gaz.country_codes[y], 0) > own
               and _main_name(gaz, y, raw.key) for y in raw.rids)


def _main_elsewhere(gaz: Gazetteer, rid: int, raw: _Raw) -> bool:
    """Whether the name is the main name of a place in another country than ``rid``'s
    and of none in ``rid``'s country."""
    cc = gaz.country_codes[rid]
    mains = {gaz.country_codes[y] for y in raw.rids if _main_name(gaz, y, raw.key)}
    return bool(mains) and cc not in mains


def _in_theatre(gaz: Gazetteer, rid: int, theatre: frozenset[tuple[str, str]]) -> bool:
    cc, a1 = gaz.country_codes[rid], gaz.admin1[rid]
    return (cc, WHOLE_COUNTRY) in theatre or (
        a1 is not None and (cc, gaz.key_of(a1)) in theatre)


def _loose_readings(gaz: Gazetteer, r: _Raw, fit: Callable[[int], bool]) -> list[int]:
    """Towns whose name is another spelling of the one-word name ``r`` (see
    :func:`bilan.places.normalise.loose`) and that ``fit``: "Serhiivka, Donetsk" when the
    only Serhiivka known under that spelling lies elsewhere and Donetsk's is spelt
    Serhiyivka. Only for names known as small towns alone ("Haryana, Punjab" is not the
    town of Hariana in Punjab)."""
    if (r.loose or r.personish or " " in r.key or r.key in gaz.trusted
            or any(not _is_small(gaz, x, r.key) for x in r.rids)):
        return []
    cands = gaz.loose_candidates(r.key)
    if any(gaz.country_codes[x] in SKELETON_COUNTRIES for x in r.rids):
        # "Molodizhne" (Ukrainian) for a town the gazetteer spells in Russian
        cands = (*cands, *gaz.skeleton_candidates(r.key))
    return list(dict.fromkeys(x for x in cands
                              if x not in r.rids and gaz.kind(x) == "city" and fit(x)))


def _off_theatre(gaz: Gazetteer, rid: int, raw: _Raw, theatre: frozenset[tuple[str, str]],
                 named: set[str]) -> bool:
    """A small town of a theatre's country lying outside the theatre the text names, in
    a division the text does not name: "the OSCE SMM observed shelling near Lozove" is
    not about the Lozove 500 km from Donbas (a wrong place is worse than none)."""
    cc, a1 = gaz.country_codes[rid], gaz.admin1[rid]
    if (a1 is None or not _is_small(gaz, rid, raw.key) or rid in gaz.trusted_rids
            or _in_theatre(gaz, rid, theatre) or _names_division(gaz, a1, raw.key, named)):
        return False
    return any(c == cc for c, _ in theatre)


def _acceptable(gaz: Gazetteer, rid: int, raw: _Raw, votes: Counter[str]) -> bool:
    in_focus = votes.get(gaz.country_codes[rid], 0) > 0
    if raw.loose:
        # a loose spelling is trusted only inside a country the text names otherwise
        return in_focus and not raw.personish and (
            gaz.kind(rid) == "city" or raw.cue in DIVISION_CUES or raw.locative)
    if _is_division(gaz, rid, raw.key):
        # "Oriental", "Punch": division names are common words more often than cities' are
        return raw.cue in DIVISION_CUES or (in_focus and not raw.personish
                                             and not raw.sentence_initial)
    if raw.key in gaz.trusted or gaz.kind(rid) != "city":
        return True
    if _foreign_alias(gaz, rid, raw) and (
            (votes and not in_focus)
            or (not votes and gaz.population[rid] < METROPOLIS_POPULATION
                and _main_town(gaz, raw))
            or _main_voted(gaz, rid, raw, votes)):
        # "Gaur" is the Nepali town, not Le Havre; "Khar" in Pakistan, not Haar;
        # "Islamabad" in a text more about Pakistan than India, not Anantnag
        return False
    if (not votes and raw.locative and len(raw.rids) == 1 and not raw.personish
            and not raw.sentence_initial):
        return True  # "protested in Nowshera": the only place of that name, where it happened
    if not in_focus and raw.cue is None and _alternate_only(gaz, raw):
        return False  # "Sikh", "Katchi": a word some city has among its alternate names
    if (raw.personish and " " not in raw.key and not _main_name(gaz, rid, raw.key)
            and _main_elsewhere(gaz, rid, raw)):
        return False  # "in Ayn Zarah": the first word of a longer name, not Al Ain's alias
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


def resolve_text(gaz: Gazetteer, text: str, lang: str = "en") -> list[PlaceMention]:
    """Place mentions of a bare text in ``lang`` (a sentence, a note): :func:`resolve` on a
    one-text document split into sentences as the pipeline splits them."""
    return resolve(text_document(text, lang), gaz, load_lexicons()[lang])


def resolve(doc: Document, gaz: Gazetteer, lex: PlaceLexicon,
            country_hint: str | None = None) -> list[PlaceMention]:
    """Place mentions of ``doc`` with one resolved place each, in text order."""
    ft = FoldedText(doc.text)
    words: list[Words] = []
    raws = _scan(doc, gaz, lex, ft, words)
    if lex.abbreviation_re is not None:
        held_by = _abbreviation_raws(doc, gaz, lex, raws, ft)
        if held_by:
            raws = sorted(raws + held_by, key=lambda r: r.start)
    theatres = named_theatres(doc, lex, ft, words[0].keys)
    theatre: frozenset[tuple[str, str]] = frozenset().union(
        *(lex.theatres[t] for t in theatres))
    if any(cc in SKELETON_COUNTRIES for cc, _ in theatre):
        spelt = _skeleton_raws(doc, gaz, lex, raws, words[0], theatre, ft)
        if spelt:
            raws = sorted(raws + spelt, key=lambda r: r.start)
    votes = _focus(doc, gaz, raws, lex, ft)
    division_votes = _division_votes(gaz, raws)
    for (_, cc), n in division_votes.items():
        votes[cc] += n
    _holder_votes(gaz, raws, votes)
    for cc in {cc for cc, _ in theatre}:
        votes[cc] += 1  # the theatre's countries (once each)
    if country_hint:
        votes[country_hint] += max(3, max(votes.values(), default=0))
    top = max(votes.values(), default=0)
    mentioned = {gaz.names[x] for r in raws for x in r.rids
                 if gaz.kind(x) == "city" and not _is_small(gaz, x, r.key)}
    named = {r.key for r in raws if r.demonym is None}
    scores: dict[tuple[int, int], float] = {}  # (reading, id of the raw name) -> _score

    def score(x: int, r: _Raw) -> float:
        found = scores.get((x, id(r)))
        if found is None:
            found = scores[(x, id(r))] = _score(gaz, x, r, votes, top, mentioned, named,
                                                theatre)
        return found

    chosen: list[tuple[_Raw, list[int], int]] = []
    for r in raws:
        if r.demonym is not None:
            chosen.append((r, [], -1))
            continue
        seen = _votes_for(r, votes, division_votes)
        ok = [x for x in r.rids if _acceptable(gaz, x, r, seen)]
        if theatre:
            ok = [x for x in ok if not _off_theatre(gaz, x, r, theatre, named)]
            if not any(_in_theatre(gaz, x, theatre) for x in ok):
                ok = _loose_readings(gaz, r, lambda x: _in_theatre(gaz, x, theatre)) + ok
        if ok:
            best = max(ok, key=lambda x: score(x, r))
            chosen.append((r, ok, best))
    # Second pass: among a name's readings, those near the other places the text names
    # gain ("Vesele, Donetsk": the Vesele next to Donetsk, not the one 200 km away).
    anchors = [(r, gaz.lat[b], gaz.lon[b]) for r, _, b in chosen
               if b >= 0 and gaz.kind(b) != "country"]
    final: list[int] = []
    # a name said again with the same cue and readings gets the same reading (_score reads
    # only the name and its cue)
    settled: dict[tuple[str, str | None, tuple[int, ...]], int] = {}
    # the other names' places, by name: sorted by latitude, so that only those in the band
    # of latitudes within AROUND_KM are measured (a place farther in latitude is farther)
    others_of: dict[str, tuple[list[float], list[tuple[float, float]]]] = {}
    band = AROUND_KM / KM_PER_DEGREE_LAT
    for r, ok, best in chosen:
        if r.demonym is None and len(ok) > 1 and any(a is not r for a, _, _ in anchors):
            memo = (r.key, r.cue, tuple(ok))
            if memo in settled:
                final.append(settled[memo])
                continue
            if r.key not in others_of:
                pts = sorted({(lat, lon) for a, lat, lon in anchors if a.key != r.key})
                others_of[r.key] = ([p[0] for p in pts], pts)
            lats, others = others_of[r.key]

            def near(x: int, r: _Raw = r, lats: list[float] = lats,
                     others: list[tuple[float, float]] = others) -> float:
                base = score(x, r)
                if gaz.kind(x) == "country" or not others:
                    return base
                lat0, lon0 = gaz.lat[x], gaz.lon[x]
                lo = bisect_left(lats, lat0 - band)
                hi = bisect_right(lats, lat0 + band)
                d = min((distance_km(lat0, lon0, lat, lon) for lat, lon in others[lo:hi]),
                        default=AROUND_KM + 1.0)
                return base + (2.0 if d <= NEAR_KM else 0.5 if d <= AROUND_KM else 0.0)

            best = max(ok, key=near)
            settled.setdefault(memo, best)
        final.append(best)
    held = _hold_to_containers(gaz, chosen, final, score, votes)
    named_as: dict[int, str] = {}  # a division read for its town's name: the town's spelling
    for i, (r, ok, _) in enumerate(chosen):
        if r.demonym is None and final[i] >= 0:
            if r.cue != "admin1":
                final[i] = _division_capital(gaz, r, ok, final[i])
            elif _cue(doc.text, r.start, lex, ft) == "admin1":  # "la province d'Assiout"
                division = _capital_division(gaz, r, final[i])
                if division != final[i] and gaz.ids[division].startswith("admin1:"):
                    named_as[i] = gaz.names[final[i]]  # "Benghazi", not GeoNames' "Banghazi"
                final[i] = division
    for i, (r, _, _) in enumerate(chosen):
        # "near X, Donetsk ... shelling near X": the name said again without its holder
        # is the same place (or dropped with it)
        if r.demonym is None and i not in held and (r.key, r.rids) in held.values():
            final[i] = next(final[j] for j, k in held.items() if k == (r.key, r.rids))
    out: list[PlaceMention] = []
    for i, ((r, _, _), best) in enumerate(zip(chosen, final, strict=True)):
        if r.demonym is not None:
            country = gaz.country(r.demonym)
            if country is not None:
                out.append(PlaceMention(r.start, r.end, doc.text[r.start : r.end], country,
                                        demonym=True))
            continue
        if best < 0:
            continue
        place = gaz.place(best)
        if i in named_as:
            place = replace(place, name=named_as[i])
        out.append(PlaceMention(r.start, r.end, doc.text[r.start : r.end], place,
                                locative=r.locative))
    return (out if lex.roles is None
            else mark_roles(doc.text, out, lex.roles, lex.event_locatives, ft))


# How far a place may lie from the place said to hold it ("X (Kasserine)", "X, Luhansk"):
# a town named as a holder often stands for the division around it ("X (Lisala, Mongala)").
HOLD_KM: dict[str, float] = {"city": 120.0, "district": 30.0, "camp": 30.0, "admin2": 150.0,
                             "admin1": 400.0, "region": 600.0}
HOLD_DIVISION_KM = 300.0  # a holder named with a division word ("Y region", "Y district")
# A reading this populous (or curated) is kept even when its holder disagrees.
HOLD_KEEP_POPULATION = 100_000


def _inside(gaz: Gazetteer, rid: int, holder: int, division: bool) -> bool:
    """Whether the place ``rid`` can lie inside the place ``holder``."""
    if gaz.country_codes[rid] != gaz.country_codes[holder]:
        return False
    kind = gaz.kind(holder)
    if kind == "country":
        return True
    if gaz.kind(rid) in ("admin1", "region") or (
            gaz.kind(rid) == "admin2" and kind not in ("admin1", "region")):
        return False  # a state lies in no municipality ("Sucre municipality, Bolivar state")
    if kind == "admin1" and gaz.admin1[rid] is not None:
        return gaz.key_of(gaz.admin1[rid] or "") == gaz.key_of(gaz.names[holder])
    limit = HOLD_KM.get(kind, 60.0)
    if division and kind not in ADMIN_KINDS:
        limit = max(limit, HOLD_DIVISION_KM)
    return distance_km(gaz.lat[rid], gaz.lon[rid], gaz.lat[holder], gaz.lon[holder]) <= limit


def _outvoted(gaz: Gazetteer, rid: int, raw: _Raw, holder: int, votes: Counter[str]) -> bool:
    """Whether a small reading ``rid`` is in a country the text votes for no more than for
    the country of the place named as holding it, in another country."""
    cc, hcc = gaz.country_codes[rid], gaz.country_codes[holder]
    # a holder read as a division needs no vote ("El Alto, La Paz": not the Peruvian
    # hamlet of El Alto, in a text naming nothing else)
    return ((votes.get(hcc, 0) > 0 or gaz.kind(holder) in ADMIN_KINDS)
            and votes.get(cc, 0) <= votes.get(hcc, 0)
            and not (raw.key in gaz.trusted or rid in gaz.trusted_rids
                     or gaz.population[rid] >= HOLD_KEEP_POPULATION))


def _hold_to_containers(gaz: Gazetteer, chosen: list[tuple[_Raw, list[int], int]],
                        final: list[int], score: Callable[[int, _Raw], float],
                        votes: Counter[str] | None = None,
                        ) -> dict[int, tuple[str, tuple[int, ...]]]:
    """Readings that the places named right after them as holders contradict are replaced
    or dropped; a holder's reading follows the place it holds.

    "Orikhove, Luhansk", "Ezzouhour (Kasserine)", "Jalalpur, Shamli": the place lies in
    the one named after it (any acceptable reading of that name). A reading outside gives
    way to another reading inside; with none, the mention is dropped (a wrong place is
    worse than none) unless the reading is curated or populous. "Analalava (Sofia)": the
    holder is read as the Sofia holding Analalava. A holder none of whose readings shares
    a country with the place's readings is not trusted (an unknown division), unless it
    is in a country the text votes for at least as much as for the place's ("Bule (Djugu,
    Ituri)": the Swiss Bulle is dropped), given ``votes``.

    Returns the mentions checked against a holder: index -> (name key, readings).
    """
    held: dict[int, tuple[str, tuple[int, ...]]] = {}
    for i in range(len(chosen) - 2, -1, -1):
        r, ok, _ = chosen[i]
        if r.demonym is not None or final[i] < 0 or not chosen[i + 1][0].holds_previous:
            continue
        countries = {gaz.country_codes[x] for x in ok}
        holders: list[tuple[int, list[int], bool]] = []
        # a holder named with a division word and read as a second-level division or a
        # town, whose reach is measured by distance ("X sector (Y district"): a populous
        # homonym outside it is dropped too
        districts: list[int] = []
        foreign = False  # a holder in another country, one the text is about
        j = i + 1
        while j < len(chosen) and chosen[j][0].holds_previous and chosen[j][0].demonym is None:
            hr, h_ok, h = chosen[j][0], chosen[j][1], final[j]
            j += 1
            if (hr.key == r.key and (hr.holds_previous == "strong" or hr.cue == "admin1")
                    and j == i + 2):
                # "Santa Ana (Santa Ana)", "Merida, Merida state": the town of the division
                # of that name (of the division read, when one is)
                same = [x for x in ok if gaz.kind(x) == "city" and gaz.kind(h) in ADMIN_KINDS
                        and _inside(gaz, x, h, False)] or [
                    x for x in ok if gaz.kind(x) == "city" and any(
                        gaz.kind(y) in ADMIN_KINDS and _inside(gaz, x, y, False) for y in h_ok)]
                if same:
                    final[i] = max(same, key=lambda x: score(x, r))
                    final[j - 1] = final[i]
                    held[i] = (r.key, r.rids)  # said again elsewhere: the same town
                continue
            if h < 0 or hr.key == r.key or not (
                    hr.holds_previous == "strong" or gaz.kind(h) in ADMIN_KINDS
                    or gaz.kind(h) == "country"):
                continue
            readings = [h, *(y for y in h_ok if y != h)]
            if gaz.kind(h) in ADMIN_KINDS:
                # a holder read as a division stays one ("Benito Juarez, Nuevo Leon": the
                # state, not a hamlet called Nuevo León near another Benito Juárez)
                readings = [y for y in readings if gaz.kind(y) in ADMIN_KINDS
                            or gaz.population[y] >= HOLD_KEEP_POPULATION]
            if countries.isdisjoint(gaz.country_codes[y] for y in readings):
                foreign = foreign or (votes is not None and hr.holds_previous == "strong"
                                      and _outvoted(gaz, final[i], r, h, votes))
                continue
            # "Y district" read as a town stretches to the district's reach, unless the
            # division itself is a reading (its own reach is then the measure)
            holders.append((j - 1, readings, hr.cue == "admin1" and not any(
                gaz.kind(y) in ADMIN_KINDS for y in readings)))
            if hr.cue == "admin1" and hr.holds_previous == "strong":
                districts.append(j - 1)
        if not holders:
            if foreign:
                final[i] = -1  # "Bule (Djugu, Ituri)": not the Swiss Bulle
            continue
        held[i] = (r.key, r.rids)
        def fit(x: int, holders: list[tuple[int, list[int], bool]] = holders) -> bool:
            return all(any(_inside(gaz, x, y, division) for y in readings)
                       for _, readings, division in holders)

        fits = [x for x in ok if fit(x)] or _loose_readings(gaz, r, fit)
        if fits and final[i] not in fits:
            final[i] = max(fits, key=lambda x: score(x, r))
        if final[i] in fits:
            x = final[i]
            for j, readings, division in holders:
                if not _inside(gaz, x, final[j], division):
                    final[j] = next(y for y in readings if _inside(gaz, x, y, division))
        elif not (r.key in gaz.trusted or final[i] in gaz.trusted_rids or (
                gaz.population[final[i]] >= HOLD_KEEP_POPULATION and not any(
                    gaz.kind(final[j]) not in ("admin1", "region") for j in districts))):
            final[i] = -1
    return held


def _division_capital(gaz: Gazetteer, r: _Raw, ok: list[int], rid: int) -> int:
    """The town of a division's name lying inside the division ``rid`` read for ``r``, when
    no division word asks for the division: "Takalout (Kidal)", "near Timbuktu" name the
    town (events are located at towns, not at a division's centre)."""
    if gaz.kind(rid) not in ADMIN_KINDS:
        return rid
    own = gaz.key_of(gaz.names[rid])
    towns = [x for x in ok if gaz.kind(x) == "city" and gaz.key_of(gaz.names[x]) == own
             and _inside(gaz, x, rid, False)]
    return max(towns, key=lambda x: gaz.population[x]) if towns else rid


def _capital_division(gaz: Gazetteer, r: _Raw, rid: int) -> int:
    """The division a division word before the name asks for when the name was read as the
    town the division is named after ("la province d'Assiout", "the governorate of Kebili":
    the governorate, not its chief town), the town's own division spelling its name alike;
    else ``rid``. ("Magwe Division", "Benghazi district" after the name are left alone: the
    word after a town's name often names the town's surroundings.)"""
    if gaz.kind(rid) != "city":
        return rid
    admin1, cc = gaz.admin1[rid], gaz.country_codes[rid]
    if not admin1:
        return rid
    key = gaz.key_of(admin1)
    if not key or _consonants(key) != _consonants(r.key):
        return rid
    for x in gaz.candidates(key):
        if (gaz.kind(x) == "admin1" and gaz.country_codes[x] == cc
                and gaz.admin1[x] == admin1):
            return x
    return rid


def place_focus(mentions: list[PlaceMention]) -> str | None:
    """The country most named in ``mentions`` (demonyms count; ties: first named)."""
    votes: Counter[str] = Counter(m.place.country_code for m in mentions)
    return votes.most_common(1)[0][0] if votes else None


def _event_focus(mentions: list[PlaceMention]) -> str | None:
    """:func:`place_focus`, ties going to the country of a place a locative governs ("the
    RDC's office in Luwero": Uganda), then to the first named."""
    votes: Counter[str] = Counter(m.place.country_code for m in mentions)
    if not votes:
        return None
    top = max(votes.values())
    tied = [cc for cc in votes if votes[cc] == top]  # in order of first mention
    if len(tied) == 1:
        return tied[0]
    for m in mentions:
        if m.place.country_code in tied and m.locative and m.place.precision != "country":
            return m.place.country_code
    return tied[0]


LOCATIVE_RANKS = 1.5  # specificity ranks (two per precision level) a locative is worth


def place_specificity(place: Place, ranks: Mapping[str, int] = PRECISION_RANK) -> int:
    """Two ranks per precision level of ``ranks`` (finer first); a second-level division,
    reported as admin1, is one rank finer than one."""
    rank = 2 * ranks.get(place.precision, 9)
    return rank - 1 if place.gazetteer_id.startswith("admin2:") else rank


def event_place(mentions: list[PlaceMention], *, violent: bool = True,
                anchor: int | None = None) -> PlaceMention | None:
    """The place where an event happened, among the places a text names.

    Demonyms never count. For violent events, places outside the country the text is
    about are only mentioned (strikes in Aleppo, talks in Geneva) and are skipped while an
    in-country place is named. Countries come last; then the most specific place wins
    (districts before cities before divisions), a place a locative governs ("in X", "near
    X", "à X": ``PlaceMention.locative``) counting as 1.5 ranks finer (a city named "in"
    beats a district named in passing, a division named "in" does not beat a city); ties
    go to the mention nearest ``anchor`` (the trigger's offset), else to the first.
    """
    named = [m for m in mentions if not m.demonym]
    if not named:
        return None
    if violent:
        focus = _event_focus(mentions)
        home = [m for m in named if m.place.country_code == focus]
        named = home or named

    def order(m: PlaceMention) -> tuple[bool, float, int]:
        where = abs(m.start - anchor) if anchor is not None else m.start
        rank = place_specificity(m.place) - (LOCATIVE_RANKS if m.locative else 0.0)
        return m.place.precision == "country", rank, where

    return min(named, key=order)
