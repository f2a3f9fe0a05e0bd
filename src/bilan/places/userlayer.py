"""User gazetteer layers: GeoNames dumps imported with ``bilan gazetteer import FILE``.

A dump (``allCountries.txt``, ``XX.txt``, or either zipped) is read once, filtered to the
features a conflict report names (populated places, administrative divisions, regions,
refugee camps) and stored as a compact pickle in ``<cache>/user/``, under a name carrying
a hash of its content. The gazetteer index includes every such layer (its cache key
changes when a layer is added), so the next load rebuilds once and then reads the cache.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from bilan.errors import DataFileError

LAYER_FORMAT = 1
# GeoNames feature classes and codes kept, and the gazetteer kind each becomes.
_CODE_KINDS: dict[str, str] = {"ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin2",
                               "PPLX": "district", "CMPRF": "camp", "RGN": "region",
                               "AREA": "region"}
_CLASS_KINDS: dict[str, str] = {"P": "city"}
COLUMNS = 19


class UserPlace(NamedTuple):
    """One feature of an imported dump."""

    geonameid: int
    name: str
    alternates: tuple[str, ...]
    lat: float
    lon: float
    kind: str
    country_code: str
    admin1_code: str
    population: int


@dataclass(frozen=True, slots=True)
class ImportReport:
    read: int  # data lines read
    kept: int  # features kept from this file
    total: int  # features in the user layer after the import
    layer: Path


def _kind(feature_class: str, feature_code: str) -> str | None:
    kind = _CODE_KINDS.get(feature_code)
    if kind is not None:
        return kind
    return _CLASS_KINDS.get(feature_class)


def _lines(path: Path) -> Iterator[str]:
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            members = [m for m in zf.namelist() if m.endswith(".txt")
                       and not m.lower().startswith("readme")]
            if not members:
                raise DataFileError(f"{path}: no .txt GeoNames dump inside the zip")
            for member in members:
                with zf.open(member) as raw:
                    yield from io.TextIOWrapper(raw, encoding="utf-8", newline="")
        return
    with path.open(encoding="utf-8", newline="") as fh:
        yield from fh


def read_dump(path: Path) -> tuple[int, list[UserPlace]]:
    """Lines read and the features kept from a GeoNames dump; bad lines raise with their number."""
    kept: list[UserPlace] = []
    read = 0
    for number, line in enumerate(_lines(path), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        read += 1
        cells = line.rstrip("\r\n").split("\t")
        if len(cells) != COLUMNS:
            raise DataFileError(
                f"{path}:{number}: a GeoNames dump line has {COLUMNS} tab-separated columns, "
                f"got {len(cells)}"
            )
        kind = _kind(cells[6], cells[7])
        if kind is None:
            continue
        try:
            place = UserPlace(
                geonameid=int(cells[0]), name=cells[1],
                alternates=tuple(a for a in cells[3].split(",") if a),
                lat=float(cells[4]), lon=float(cells[5]), kind=kind, country_code=cells[8],
                admin1_code=cells[10], population=int(cells[14] or 0),
            )
        except ValueError as exc:
            raise DataFileError(f"{path}:{number}: {exc}") from exc
        if not (-90 <= place.lat <= 90 and -180 <= place.lon <= 180) or not place.name:
            raise DataFileError(f"{path}:{number}: bad name or coordinates")
        kept.append(place)
    return read, kept


def load_layer(path: Path) -> list[UserPlace]:
    with path.open("rb") as fh:
        data = pickle.load(fh)
    if not isinstance(data, dict) or data.get("format") != LAYER_FORMAT:
        raise DataFileError(f"{path}: not a bilan user gazetteer layer")
    return [UserPlace(*row) for row in data["places"]]


def import_dump(path: Path, folder: Path) -> ImportReport:
    """Add a GeoNames dump to the user layer in ``folder`` (features merged by GeoNames id)."""
    if not path.is_file():
        raise DataFileError(f"{path}: no such file")
    read, kept = read_dump(path)
    old = sorted(folder.glob("geonames-*.pickle")) if folder.is_dir() else []
    merged: dict[int, UserPlace] = {}
    for layer in old:
        merged.update((p.geonameid, p) for p in load_layer(layer))
    merged.update((p.geonameid, p) for p in kept)
    places = [tuple(merged[k]) for k in sorted(merged)]
    blob = pickle.dumps({"format": LAYER_FORMAT, "places": places},
                        protocol=pickle.HIGHEST_PROTOCOL)
    target = folder / f"geonames-{hashlib.sha256(blob).hexdigest()[:16]}.pickle"
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".layer-", dir=folder)
    with os.fdopen(fd, "wb") as fh:
        fh.write(blob)
    os.replace(tmp, target)
    for layer in old:
        if layer != target:
            layer.unlink(missing_ok=True)
    return ImportReport(read=read, kept=len(kept), total=len(merged), layer=target)
