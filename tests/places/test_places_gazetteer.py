from __future__ import annotations

from pathlib import Path

import pytest

from bilan.errors import DataFileError
from bilan.places import gazetteer as gazmod
from bilan.places.curated import read_curated
from bilan.places.gazetteer import Gazetteer, cache_file, curated_path, load_gazetteer
from bilan.places.normalise import name_key


def test_french_exonyms_resolve_to_syrian_cities(gaz: Gazetteer) -> None:
    for name, english in (("Alep", "Aleppo"), ("Damas", "Damascus"), ("Palmyre", "Palmyra")):
        best = gaz.lookup(name)[0]
        assert best.name == english
        assert best.country == "Syria" and best.country_code == "SY"
        assert best.precision == "city"
        assert 32 < best.lat < 37.5 and 35.5 < best.lon < 42.5


def test_lookup_folds_accents_case_articles_apostrophes(gaz: Gazetteer) -> None:
    assert gaz.lookup("CHEIKH SAID")[0].name == "Sheikh Said"
    assert gaz.lookup("al-Waer")[0].name == gaz.lookup("Waer")[0].name == "al-Waer"
    assert gaz.lookup("Sana'a")[0].name == "Sanaa"
    assert name_key("Deir ez-Zor") == name_key("Deir Zor")


def test_district_has_parent_city(gaz: Gazetteer) -> None:
    district = gaz.lookup("Soukkari")[0]
    assert district.precision == "district"
    assert district.parent == "Aleppo" and district.admin1 == "Aleppo"


def test_admin1_names_reach_geonames_cities(gaz: Gazetteer) -> None:
    assert gaz.lookup("Idlib")[0].admin1 == "Idleb"
    assert gaz.lookup("Mossoul")[0].admin1 == "Ninewa"


def test_countries_in_both_languages(gaz: Gazetteer) -> None:
    assert gaz.lookup("Libye")[0].country_code == "LY"
    assert gaz.lookup("Libya")[0].precision == "country"


def test_cache_is_built_once_then_reused(gaz: Gazetteer, gaz_cache: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert cache_file().parent == gaz_cache and cache_file().is_file()

    def no_build(curated: Path | None = None) -> dict[str, object]:
        raise AssertionError("the cached index should have been used")

    monkeypatch.setattr(gazmod, "build_index", no_build)
    again = load_gazetteer()
    assert again.lookup("Alep")[0].name == "Aleppo"


def test_cache_key_changes_with_curated_content(tmp_path: Path) -> None:
    copy = tmp_path / "curated.tsv"
    copy.write_text(curated_path().read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert cache_file(copy) != cache_file()


def test_shipped_curated_rows_are_valid() -> None:
    rows = read_curated(curated_path())
    assert len(rows) > 100
    assert all(r.source for r in rows)


def _curated_with(tmp_path: Path, line: str) -> Path:
    text = curated_path().read_text(encoding="utf-8").rstrip("\n") + "\n" + line + "\n"
    path = tmp_path / "curated.tsv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("bilan:x\tX\tX\tdistrict\tAleppo\tSY\tAleppo\t91\t37\tmy notes\t", "out of range"),
        ("bilan:x\tX\tX\tvillage\t\tSY\t\t36\t37\tmy notes\t", "kind"),
        ("bilan:x\tX\tX\tdistrict\t\tSY\tAleppo\t36\t37\tmy notes\t", "parent"),
        ("bilan:x\tX\tX\tcity\t\tSY", "columns"),
        ("bilan:x\tX\tX\tcity\t\tSY\t\tnorth\t37\tmy notes\t", "not numbers"),
    ],
)
def test_malformed_curated_row_fails_with_line_number(tmp_path: Path, line: str,
                                                      message: str) -> None:
    path = _curated_with(tmp_path, line)
    last = len(path.read_text(encoding="utf-8").splitlines())
    with pytest.raises(DataFileError, match=rf"curated.tsv:{last}: .*{message}"):
        read_curated(path)
    with pytest.raises(DataFileError, match=message):
        load_gazetteer(path)


def test_geonames_row_far_from_its_feature_fails(tmp_path: Path) -> None:
    # Homs's GeoNames feature with coordinates placed in Damascus
    path = _curated_with(tmp_path, "geonames:169577\tHoms\tHims\tcity\t\tSY\t\t33.5\t36.3\tx\t")
    with pytest.raises(DataFileError, match="km from GeoNames feature 169577"):
        load_gazetteer(path)
