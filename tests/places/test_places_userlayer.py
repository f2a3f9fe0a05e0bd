"""``bilan gazetteer import``: a tiny GeoNames dump (made-up ids, real places)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from bilan import cli
from bilan.errors import DataFileError
from bilan.places import gazetteer as gazmod
from bilan.places.normalise import KeyMaker
from bilan.places.userlayer import import_dump, load_layer, read_dump

# geonameid, name, asciiname, alternatenames, lat, lon, class, code, cc, cc2, admin1, admin2,
# admin3, admin4, population, elevation, dem, timezone, modification date
_ROWS = [
    ("990000001", "Kafr Nabl", "Kafr Nabl", "Kafranbel,Kafr Nabal", "35.6139", "36.5611", "P",
     "PPL", "SY", "", "07", "", "", "", "0", "", "560", "Asia/Damascus", "2020-01-01"),
    ("990000002", "Jabal al Akrad", "Jabal al Akrad", "", "35.75", "36.13", "L", "RGN", "SY",
     "", "", "", "", "", "0", "", "700", "Asia/Damascus", "2020-01-01"),
    ("990000003", "Wadi Qandil", "Wadi Qandil", "", "35.70", "35.86", "H", "STM", "SY", "",
     "", "", "", "", "0", "", "10", "Asia/Damascus", "2020-01-01"),
    ("990000004", "Zaatari Camp", "Zaatari Camp", "Zaatari", "32.2944", "36.3236", "S",
     "CMPRF", "JO", "", "", "", "", "", "80000", "", "600", "Asia/Amman", "2020-01-01"),
]


def _dump(tmp_path: Path) -> Path:
    path = tmp_path / "SY.txt"
    path.write_text("".join("\t".join(r) + "\n" for r in _ROWS), encoding="utf-8")
    return path


def test_read_dump_keeps_places_regions_camps(tmp_path: Path) -> None:
    read, kept = read_dump(_dump(tmp_path))
    assert read == 4
    assert [(p.name, p.kind) for p in kept] == [
        ("Kafr Nabl", "city"), ("Jabal al Akrad", "region"), ("Zaatari Camp", "camp")
    ]


def test_zipped_dump_and_bad_line(tmp_path: Path) -> None:
    zpath = tmp_path / "SY.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.write(_dump(tmp_path), "SY.txt")
    assert read_dump(zpath)[0] == 4
    bad = tmp_path / "bad.txt"
    bad.write_text("1\tOnly\tthree\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad\.txt:1"):
        read_dump(bad)


def test_import_merges_by_id_and_feeds_the_index(tmp_path: Path) -> None:
    folder = tmp_path / "user"
    first = import_dump(_dump(tmp_path), folder)
    again = import_dump(_dump(tmp_path), folder)
    assert first.total == again.total == 3
    assert list(folder.glob("geonames-*.pickle")) == [again.layer]
    b = gazmod._Builder(KeyMaker())
    gazmod.add_user_layer(b, again.layer, {}, {("SY", "07"): "Idlib"})
    keys = {k: v for k, v in b.keys.items()}
    rid = keys[KeyMaker()("Kafranbel")][0]
    assert b.names[rid] == "Kafr Nabl" and b.admin1[rid] == "Idlib" and b.ccs[rid] == "SY"
    assert len(load_layer(again.layer)) == 3


def test_cli_import_and_info(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("BILAN_CACHE_DIR", str(tmp_path / "cache"))
    built: list[bool] = []
    monkeypatch.setattr(gazmod, "load_gazetteer", lambda curated=None: built.append(True))
    assert cli.main(["gazetteer", "import", str(_dump(tmp_path))]) == 0
    assert built == [True]  # the index is rebuilt once, at import time
    assert "3 of 4 features kept" in capsys.readouterr().err
    assert len(gazmod.user_layers()) == 1
    assert cli.main(["gazetteer", "import", str(tmp_path / "missing.txt")]) == 2


def test_cli_info_prints_counts(gaz: gazmod.Gazetteer, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["gazetteer", "info"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["records"] == len(gaz.ids) and info["by_kind"]["admin1"] > 1000
    assert info["user_features"] == 0
