"""The curated gazetteer rows (``data/gazetteer/curated.tsv``), checked line by line at load."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from bilan.errors import DataFileError

COLUMNS: tuple[str, ...] = (
    "id", "name_en", "names", "kind", "parent", "country_code", "admin1", "lat", "lon",
    "source", "capital",
)
KINDS: frozenset[str] = frozenset({"district", "camp", "region", "city", "admin1"})


@dataclass(frozen=True, slots=True)
class CuratedRow:
    line: int
    id: str
    name_en: str
    names: tuple[str, ...]
    kind: str
    parent: str | None
    country_code: str
    admin1: str | None
    lat: float
    lon: float
    source: str
    capital: str | None

    @property
    def geonames_id(self) -> int | None:
        """The GeoNames feature this row adds names to (``geonames:<id>`` rows)."""
        return int(self.id.split(":", 1)[1]) if self.id.startswith("geonames:") else None


def _fail(path: Path, line: int, message: str) -> DataFileError:
    return DataFileError(f"{path}:{line}: {message}")


def parse_row(path: Path, line: int, raw: str) -> CuratedRow:
    """One data line of the curated file; raises :class:`DataFileError` naming the line."""
    cells = raw.rstrip("\n").split("\t")
    if len(cells) == len(COLUMNS) - 1:  # trailing empty "capital" cell may be trimmed
        cells.append("")
    if len(cells) != len(COLUMNS):
        raise _fail(path, line, f"expected {len(COLUMNS)} tab-separated columns, got {len(cells)}")
    row = dict(zip(COLUMNS, (c.strip() for c in cells), strict=True))
    for required in ("id", "name_en", "names", "kind", "country_code", "lat", "lon", "source"):
        if not row[required]:
            raise _fail(path, line, f"column {required!r} is empty")
    ident = row["id"]
    if not (ident.startswith("bilan:") or ident.startswith("geonames:")):
        raise _fail(path, line, f"id {ident!r} must start with 'bilan:' or 'geonames:'")
    if ident.startswith("geonames:") and not ident.split(":", 1)[1].isdigit():
        raise _fail(path, line, f"id {ident!r}: GeoNames ids are numbers")
    if row["kind"] not in KINDS:
        raise _fail(path, line, f"kind {row['kind']!r} not one of {sorted(KINDS)}")
    cc = row["country_code"]
    if len(cc) != 2 or not cc.isalpha() or not cc.isupper():
        raise _fail(path, line, f"country_code {cc!r} is not an ISO 3166-1 alpha-2 code")
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError as exc:
        raise _fail(path, line, f"lat/lon not numbers: {row['lat']!r}, {row['lon']!r}") from exc
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise _fail(path, line, f"coordinates out of range: {lat}, {lon}")
    names = tuple(n.strip() for n in row["names"].split("|") if n.strip())
    if not names:
        raise _fail(path, line, "no names")
    if row["kind"] in ("district", "camp") and not row["parent"]:
        raise _fail(path, line, f"a {row['kind']} needs its parent city")
    if row["kind"] == "admin1" and not row["admin1"]:
        raise _fail(path, line, "an admin1 row needs its admin1 name")
    return CuratedRow(
        line=line, id=ident, name_en=row["name_en"], names=names, kind=row["kind"],
        parent=row["parent"] or None, country_code=cc, admin1=row["admin1"] or None,
        lat=lat, lon=lon, source=row["source"], capital=row["capital"] or None,
    )


def read_curated(path: Path) -> list[CuratedRow]:
    """All rows of a curated TSV file (comments and blank lines skipped, header checked)."""
    rows: list[CuratedRow] = []
    seen: dict[str, int] = {}
    header_seen = False
    with path.open(encoding="utf-8") as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip() or raw.startswith("#"):
                continue
            if not header_seen:
                header = tuple(c.strip() for c in raw.rstrip("\n").split("\t"))
                if header != COLUMNS:
                    raise _fail(path, number, f"header must be the columns {list(COLUMNS)}")
                header_seen = True
                continue
            row = parse_row(path, number, raw)
            if row.id in seen:
                raise _fail(path, number, f"id {row.id!r} already used on line {seen[row.id]}")
            seen[row.id] = number
            rows.append(row)
    if not header_seen:
        raise DataFileError(f"{path}: no header line")
    return rows
