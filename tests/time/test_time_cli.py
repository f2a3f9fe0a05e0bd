"""The ``bilan timex`` backend and the lexicon loader."""

from __future__ import annotations

import json

import pytest

from bilan.errors import DataFileError
from bilan.langdata import load_language_file
from bilan.time.lexicon import TIME_SCHEMA, build_time_lexicon, load_time_lexicon
from bilan.time.timex_cli import timex_records


def test_timex_records() -> None:
    lines = [
        json.dumps({"id": "a", "text": "Il est arrivé hier.", "dct": "1999-05-18", "lang": "fr"}),
        "",
        json.dumps({"id": "b", "text": "It rained on Monday.", "dct": "1999-05-19", "lang": "en"}),
        "{broken",
        json.dumps({"id": "c", "text": "hoy", "lang": "es"}),
    ]
    out = list(timex_records(lines))
    assert out[0] == {
        "id": "a",
        "timexes": [{"start": 14, "end": 18, "text": "hier", "type": "DATE",
                     "value": "1999-05-17"}],
    }
    assert out[1]["timexes"][0]["value"] == "1999-05-17"
    assert out[2]["error"].startswith("not JSON")
    assert "unsupported" in out[3]["error"]
    assert len(out) == 4


def test_same_keys_in_both_languages() -> None:
    fr = load_language_file("fr", "time.yaml")
    en = load_language_file("en", "time.yaml")
    assert set(fr) == set(en)
    assert set(TIME_SCHEMA) <= set(fr)
    for lang in ("fr", "en"):
        lex = load_time_lexicon(lang)
        assert sorted(set(lex.weekdays.values())) == list(range(1, 8))
        assert sorted(set(lex.months.values())) == list(range(1, 13))


def test_bad_data_fails_loudly() -> None:
    data = load_language_file("fr", "time.yaml", TIME_SCHEMA)
    data["seasons"] = {"été": "SUMMER"}
    with pytest.raises(DataFileError, match="season"):
        build_time_lexicon("fr", data)
    data = load_language_file("fr", "time.yaml", TIME_SCHEMA)
    data["future_cues"] = ["(unclosed"]
    with pytest.raises(DataFileError, match="bad pattern"):
        build_time_lexicon("fr", data)
