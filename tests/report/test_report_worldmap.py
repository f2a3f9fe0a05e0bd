"""Country outlines: the TopoJSON decoder, the shipped file, the equirectangular view."""

from __future__ import annotations

from typing import Any

from bilan.report import worldmap


def _topology(quantized: bool) -> dict[str, Any]:
    # a square split in two countries sharing the arc 1 (a vertical line x = 1)
    if quantized:
        arcs = [
            [[1, 0], [-1, 0], [0, 2], [1, 0]],  # (1,0) (0,0) (0,2) (1,2)
            [[1, 2], [0, -2]],  # (1,2) -> (1,0)
            [[1, 2], [1, 0], [0, -2], [-1, 0]],  # (1,2) (2,2) (2,0) (1,0)
        ]
        transform = {"scale": [1.0, 1.0], "translate": [10.0, 20.0]}
    else:
        arcs = [
            [[11, 20], [10, 20], [10, 22], [11, 22]],
            [[11, 22], [11, 20]],
            [[11, 22], [12, 22], [12, 20], [11, 20]],
        ]
        transform = None
    topo: dict[str, Any] = {
        "type": "Topology",
        "arcs": arcs,
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "id": "1", "arcs": [[0, 1]],
                     "properties": {"name": "West"}},
                    {"type": "MultiPolygon", "id": "2", "arcs": [[[2, ~1]]],
                     "properties": {"name": "East"}},
                ],
            }
        },
    }
    if transform:
        topo["transform"] = transform
    return topo


def test_topojson_decoder_joins_and_reverses_arcs() -> None:
    for quantized in (True, False):
        geo = worldmap.topojson_to_geojson(_topology(quantized))
        assert geo["type"] == "FeatureCollection"
        by_name = {f["properties"]["name"]: f for f in geo["features"]}
        west = by_name["West"]["geometry"]
        assert west["type"] == "MultiPolygon"
        assert west["coordinates"] == [[[[11, 20], [10, 20], [10, 22], [11, 22], [11, 20]]]]
        east = by_name["East"]["geometry"]["coordinates"][0][0]
        # arc 2, then arc 1 reversed: (11,20) -> (11,22), the shared point written once
        assert east == [[11, 22], [12, 22], [12, 20], [11, 20], [11, 22]]


def test_unwrap_keeps_longitudes_continuous() -> None:
    ring = [(179.0, 60.0), (-179.0, 61.0), (-178.0, 62.0), (179.0, 60.0)]
    assert [p[0] for p in worldmap._unwrap(ring)] == [179.0, 181.0, 182.0, 179.0]


def test_shipped_outlines_load() -> None:
    countries = {c.name: c for c in worldmap.load_countries()}
    assert len(countries) > 150
    syria = countries["Syria"].bbox
    assert 35 < syria[0] < 37 and 41 < syria[2] < 43 and 32 < syria[1] < 33.5
    for name in ("Mali", "France", "Ukraine", "Iraq", "Nigeria"):
        assert name in countries
    assert "Antarctica" not in countries


def test_view_frames_the_points_with_a_margin() -> None:
    view = worldmap.view_for([(37.16, 36.20), (36.72, 34.73)])
    for lon, lat in [(37.16, 36.20), (36.72, 34.73)]:
        x, y = view.project(lon, lat)
        assert 0.1 * view.width < x < 0.9 * view.width
        assert 0.1 * view.height < y < 0.9 * view.height
    assert view.width / view.height >= 1.9  # a landscape frame
    assert view.max_lon - view.min_lon >= 10  # some country context around one city


def test_view_of_no_point_is_the_world() -> None:
    view = worldmap.view_for([])
    assert (view.min_lon, view.max_lon) == (-180.0, 180.0)


def test_country_paths_and_labels_in_view() -> None:
    countries = worldmap.load_countries()
    view = worldmap.view_for([(-0.04, 16.27)])  # Gao, Mali
    names = [name for name, _ in worldmap.country_paths(view, countries)]
    assert "Mali" in names and "Niger" in names and "France" not in names
    d = dict(worldmap.country_paths(view, countries))["Mali"]
    assert d.startswith("M") and d.endswith("Z")
    labels = {name for name, _, _ in worldmap.country_labels(view, countries)}
    assert "Mali" in labels and "France" not in labels


def test_clip_ring_to_a_box() -> None:
    square = [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0)]
    clipped = worldmap.clip_ring(square, (2.0, 1.0, 6.0, 3.0))
    assert sorted(set(clipped)) == [(2.0, 1.0), (2.0, 3.0), (4.0, 1.0), (4.0, 3.0)]
    assert worldmap.clip_ring(square, (10.0, 10.0, 11.0, 11.0)) == []
