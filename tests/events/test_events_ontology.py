"""The ontology and lexicon files are checked when loaded."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from bilan.errors import DataFileError
from bilan.events.ontology import load_ontology, parse_ontology
from bilan.events.triggers import load_lexicon, parse_lexicon, to_regex
from bilan.langdata import data_dir


def _ontology_files() -> tuple[dict[str, Any], dict[str, Any]]:
    base = data_dir() / "ontology"
    acled = yaml.safe_load((base / "acled.yaml").read_text(encoding="utf-8"))
    plover = yaml.safe_load((base / "plover.yaml").read_text(encoding="utf-8"))
    return acled, plover


def test_shipped_ontology_loads_with_a_plover_type_for_every_sub_type() -> None:
    onto = load_ontology()
    assert len(onto.sub_types["Explosions/Remote violence"]) == 6
    assert "Cancelled visit" in onto.sub_types["Diplomacy"]
    assert onto.plover_type(("Protests", "Peaceful protest")) == "PROTEST"
    assert len(onto.plover) == sum(len(s) for s in onto.sub_types.values())


def test_bad_sub_type_in_plover_mapping_fails_loudly() -> None:
    acled, plover = _ontology_files()
    plover["mapping"]["Explosions/Remote violence"]["Airstrike"] = "ASSAULT"
    with pytest.raises(DataFileError, match="Airstrike"):
        parse_ontology(acled, plover, "test")


def test_missing_and_unknown_plover_types_fail() -> None:
    acled, plover = _ontology_files()
    del plover["mapping"]["Riots"]["Mob violence"]
    with pytest.raises(DataFileError, match="Mob violence"):
        parse_ontology(acled, plover, "test")
    acled, plover = _ontology_files()
    plover["mapping"]["Riots"]["Mob violence"] = "BRAWL"
    with pytest.raises(DataFileError, match="BRAWL"):
        parse_ontology(acled, plover, "test")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_lexicon_with_a_bad_sub_type_fails_loudly(lang: str) -> None:
    onto = load_ontology()
    data = yaml.safe_load((data_dir() / lang / "events.yaml").read_text(encoding="utf-8"))
    data["triggers"][0]["sub_type"] = "Air strike"
    with pytest.raises(DataFileError, match="Air strike"):
        parse_lexicon(lang, data, onto)
    data = yaml.safe_load((data_dir() / lang / "events.yaml").read_text(encoding="utf-8"))
    data["context_rules"][0]["to"] = ["Riots", "Looting"]
    with pytest.raises(DataFileError, match="Looting"):
        parse_lexicon(lang, data, onto)


def test_languages_share_keys_and_load() -> None:
    onto = load_ontology()
    keys = []
    for lang in ("fr", "en"):
        data = yaml.safe_load((data_dir() / lang / "events.yaml").read_text(encoding="utf-8"))
        keys.append(set(data))
        lexicon = load_lexicon(lang, onto)
        covered = {t.kind for t in lexicon.triggers}
        # every ACLED sub-type except chemical weapons has a trigger in each language
        missing = {
            (t, s) for t, subs in onto.sub_types.items() for s in subs if (t, s) not in covered
        }
        assert missing == set(), (lang, missing)
    assert keys[0] == keys[1]


def test_pattern_syntax() -> None:
    assert to_regex("l'armée a") == r"l['’]armée\s+a"
    assert to_regex("d[eu']") == "d[eu'’]"
