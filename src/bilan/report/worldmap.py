"""Country outlines for the report's map: a TopoJSON decoder and an equirectangular SVG view.

The outlines shipped in ``bilan/data/gazetteer/countries-110m.geojson`` are Natural Earth's
1:110m Admin 0 countries (public domain), taken from the ``world-atlas`` npm package as
TopoJSON and converted by :func:`topojson_to_geojson` (rebuild: ``python -m
bilan.report.worldmap countries-110m.json OUT.geojson``). Everything here is pure: the map is
computed server-side into SVG path strings, so the page needs no script and no network.
"""

from __future__ import annotations

import itertools
import json
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

Point = tuple[float, float]  # (lon, lat)
Ring = list[Point]
Cut = Callable[[Point, Point], Point]
Polygon = list[Ring]

COUNTRIES_FILE = "data/gazetteer/countries-110m.geojson"
# Antarctica closes its ring along the south pole; no event is placed there.
_SKIP_IDS = frozenset({"010"})


# --------------------------------------------------------------------------- TopoJSON


def _decode_arcs(topo: dict[str, Any]) -> list[Ring]:
    """Absolute (lon, lat) coordinates of every arc (delta-decoded when quantized)."""
    transform = topo.get("transform")
    arcs: list[Ring] = []
    for arc in topo["arcs"]:
        if transform:
            sx, sy = transform["scale"]
            tx, ty = transform["translate"]
            x = y = 0
            points: Ring = []
            for dx, dy in arc:
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(float(p[0]), float(p[1])) for p in arc]
        arcs.append(points)
    return arcs


def _ring(indices: list[int], arcs: list[Ring]) -> Ring:
    """Join the arcs of one ring; a negative index ``~i`` means arc ``i`` reversed."""
    points: Ring = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        # consecutive arcs share their junction point
        points.extend(arc[1:] if points else arc)
    return points


def _unwrap(ring: Ring) -> Ring:
    """Make longitudes continuous across the antimeridian (no stripe across the map)."""
    if not ring:
        return ring
    out: Ring = [ring[0]]
    shift = 0.0
    for (lon0, _), (lon, lat) in itertools.pairwise(ring):
        if lon - lon0 > 180:
            shift -= 360
        elif lon0 - lon > 180:
            shift += 360
        out.append((lon + shift, lat))
    return out


def _round(ring: Ring, digits: int) -> list[list[float]]:
    rounded: list[list[float]] = []
    for lon, lat in ring:
        point = [round(lon, digits), round(lat, digits)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    return rounded


def topojson_to_geojson(
    topo: dict[str, Any], object_name: str = "countries", digits: int = 2
) -> dict[str, Any]:
    """Convert one TopoJSON geometry collection to a GeoJSON FeatureCollection.

    Polygons become MultiPolygons; coordinates are rounded to ``digits`` decimals.
    """
    arcs = _decode_arcs(topo)
    features: list[dict[str, Any]] = []
    for geometry in topo["objects"][object_name]["geometries"]:
        gid = str(geometry.get("id", ""))
        if gid in _SKIP_IDS or geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polygons = (
            [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        )
        coordinates = [
            [_round(_unwrap(_ring(ring, arcs)), digits) for ring in polygon]
            for polygon in polygons
        ]
        props = geometry.get("properties") or {}
        features.append(
            {
                "type": "Feature",
                "id": gid,
                "properties": {"name": str(props.get("name", ""))},
                "geometry": {"type": "MultiPolygon", "coordinates": coordinates},
            }
        )
    features.sort(key=lambda f: (f["properties"]["name"], f["id"]))
    return {"type": "FeatureCollection", "features": features}


# --------------------------------------------------------------------------- outlines


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    polygons: list[Polygon]
    bbox: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat


def load_countries() -> list[Country]:
    """The country outlines shipped with bilan."""
    raw = resources.files("bilan").joinpath(COUNTRIES_FILE).read_text("utf-8")
    data = json.loads(raw)
    countries: list[Country] = []
    for feature in data["features"]:
        polygons: list[Polygon] = [
            [[(float(p[0]), float(p[1])) for p in ring] for ring in polygon]
            for polygon in feature["geometry"]["coordinates"]
        ]
        lons = [p[0] for poly in polygons for ring in poly for p in ring]
        lats = [p[1] for poly in polygons for ring in poly for p in ring]
        if not lons:
            continue
        countries.append(
            Country(
                name=str(feature["properties"].get("name", "")),
                polygons=polygons,
                bbox=(min(lons), min(lats), max(lons), max(lats)),
            )
        )
    return countries


# --------------------------------------------------------------------------- view


@dataclass(frozen=True, slots=True)
class MapView:
    """An equirectangular view of a lon/lat box, scaled to ``width`` SVG units."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float
    width: float = 800.0

    @property
    def _cos(self) -> float:
        # shrink longitudes by cos(mid-latitude) so shapes keep their proportions
        return max(math.cos(math.radians((self.min_lat + self.max_lat) / 2)), 0.2)

    @property
    def scale(self) -> float:
        """SVG units per degree of latitude."""
        return self.width / ((self.max_lon - self.min_lon) * self._cos)

    @property
    def height(self) -> float:
        return round((self.max_lat - self.min_lat) * self.scale, 1)

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        x = (lon - self.min_lon) * self._cos * self.scale
        y = (self.max_lat - lat) * self.scale
        return round(x, 1), round(y, 1)

    def intersects(self, bbox: tuple[float, float, float, float]) -> bool:
        return not (
            bbox[2] < self.min_lon
            or bbox[0] > self.max_lon
            or bbox[3] < self.min_lat
            or bbox[1] > self.max_lat
        )


def view_for(
    points: list[tuple[float, float]],
    margin: float = 0.25,
    min_span: float = 10.0,
    width: float = 800.0,
) -> MapView:
    """A view around (lon, lat) points with a margin, at least ``min_span`` degrees wide."""
    if not points:
        return MapView(-180.0, -60.0, 180.0, 85.0, width)
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    lo_lon, hi_lon, lo_lat, hi_lat = min(lons), max(lons), min(lats), max(lats)
    span_lon = max(hi_lon - lo_lon, min_span)
    span_lat = max(hi_lat - lo_lat, min_span * 0.6)
    mid_lon, mid_lat = (lo_lon + hi_lon) / 2, (lo_lat + hi_lat) / 2
    half_lon = span_lon * (1 + 2 * margin) / 2
    half_lat = span_lat * (1 + 2 * margin) / 2
    # keep a landscape frame (wider than 2 : 1 once projected)
    cos_mid = max(math.cos(math.radians(mid_lat)), 0.2)
    if half_lon * cos_mid < half_lat * 2.0:
        half_lon = half_lat * 2.0 / cos_mid
    return MapView(
        max(mid_lon - half_lon, -180.0),
        max(mid_lat - half_lat, -85.0),
        min(mid_lon + half_lon, 180.0),
        min(mid_lat + half_lat, 85.0),
        width,
    )


def _bbox(ring: Ring) -> tuple[float, float, float, float]:
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    return min(lons), min(lats), max(lons), max(lats)


def country_paths(view: MapView, countries: list[Country]) -> list[tuple[str, str]]:
    """(country name, SVG path data) for every country that shows in the view."""
    paths: list[tuple[str, str]] = []
    for country in countries:
        if not view.intersects(country.bbox):
            continue
        parts: list[str] = []
        for polygon in country.polygons:
            if not polygon or not view.intersects(_bbox(polygon[0])):
                continue  # an overseas part far from the view (French Guiana for France)
            for ring in polygon:
                points = [view.project(lon, lat) for lon, lat in ring]
                if len(points) < 3:
                    continue
                head = f"M{points[0][0]:g} {points[0][1]:g}"
                rest = "".join(f"L{x:g} {y:g}" for x, y in points[1:])
                parts.append(head + rest + "Z")
        if parts:
            paths.append((country.name, "".join(parts)))
    return paths


def _centroid(ring: Ring) -> tuple[float, float, float]:
    """Area-weighted centroid (lon, lat) and absolute area of a ring (shoelace formula)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-9:
        lons = [p[0] for p in ring]
        lats = [p[1] for p in ring]
        return sum(lons) / len(lons), sum(lats) / len(lats), 0.0
    return cx / (3 * area), cy / (3 * area), abs(area) / 2


def clip_ring(ring: Ring, box: tuple[float, float, float, float]) -> Ring:
    """The part of a ring inside an axis-aligned box (Sutherland-Hodgman)."""
    min_x, min_y, max_x, max_y = box

    def clip(points: Ring, inside: Callable[[Point], bool], cut: Cut) -> Ring:
        out: Ring = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    out.append(cut(previous, current))
                out.append(current)
            elif inside(previous):
                out.append(cut(previous, current))
        return out

    def at_x(x: float) -> Cut:
        def cut(a: Point, b: Point) -> Point:
            t = (x - a[0]) / (b[0] - a[0])
            return x, a[1] + t * (b[1] - a[1])

        return cut

    def at_y(y: float) -> Cut:
        def cut(a: Point, b: Point) -> Point:
            t = (y - a[1]) / (b[1] - a[1])
            return a[0] + t * (b[0] - a[0]), y

        return cut

    points = list(ring)
    edges: list[tuple[Callable[[Point], bool], Cut]] = [
        (lambda p: p[0] >= min_x, at_x(min_x)),
        (lambda p: p[0] <= max_x, at_x(max_x)),
        (lambda p: p[1] >= min_y, at_y(min_y)),
        (lambda p: p[1] <= max_y, at_y(max_y)),
    ]
    for inside, cut in edges:
        if not points:
            break
        points = clip(points, inside, cut)
    return points


def country_labels(
    view: MapView, countries: list[Country], min_share: float = 0.02
) -> list[tuple[str, float, float]]:
    """(name, x, y) at the centre of the visible part of each country's largest landmass.

    Countries showing less than ``min_share`` of the view get no label (it would not fit).
    """
    labels: list[tuple[str, float, float]] = []
    inset_lon = (view.max_lon - view.min_lon) * 0.08
    inset_lat = (view.max_lat - view.min_lat) * 0.05
    box = (
        view.min_lon + inset_lon,
        view.min_lat + inset_lat,
        view.max_lon - inset_lon,
        view.max_lat - inset_lat,
    )
    view_area = (box[2] - box[0]) * (box[3] - box[1])
    for country in countries:
        if not view.intersects(country.bbox):
            continue
        pieces = [clip_ring(poly[0], box) for poly in country.polygons if poly and poly[0]]
        pieces = [piece for piece in pieces if len(piece) >= 3]
        if not pieces:
            continue
        lon, lat, area = max((_centroid(piece) for piece in pieces), key=lambda c: c[2])
        if area >= min_share * view_area:
            x, y = view.project(lon, lat)
            labels.append((country.name, x, y))
    return labels


def main(argv: list[str]) -> int:
    """Rebuild the shipped outlines: ``python -m bilan.report.worldmap IN.topojson OUT``."""
    source, target = Path(argv[0]), Path(argv[1])
    topo = json.loads(source.read_text("utf-8"))
    geo = topojson_to_geojson(topo)
    target.write_text(json.dumps(geo, separators=(",", ":")) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
