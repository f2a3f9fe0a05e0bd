"""`bilan timex --jsonl` through the CLI entry point, and floors on the TimeML corpora."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from bilan.cli import main


def test_timex_cli_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    records = [
        {"id": "fr-1", "text": "Les frappes ont repris jeudi soir, après une trêve de sept jours.",
         "dct": "2016-09-23", "lang": "fr"},
        {"id": "en-1", "text": "Talks ended on Monday and will resume next week.",
         "dct": "2018-06-13", "lang": "en"},
    ]
    src.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    assert main(["timex", "--jsonl", str(src)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.strip()]
    assert [x["id"] for x in lines] == ["fr-1", "en-1"]
    by_id = {x["id"]: x for x in lines}
    for rec in records:
        found = by_id[rec["id"]]["timexes"]
        assert found
        for t in found:
            assert set(t) >= {"start", "end", "text", "type", "value"}
            assert t["type"] in ("DATE", "TIME", "DURATION", "SET")
            assert rec["text"][t["start"] : t["end"]] == t["text"]
    values = {t["text"]: t["value"] for t in by_id["fr-1"]["timexes"]}
    assert values["jeudi soir"] == "2016-09-22TEV"
    assert values["sept jours"] == "P7D"
    values = {t["text"]: t["value"] for t in by_id["en-1"]["timexes"]}
    assert values["Monday"] == "2018-06-11"
    assert values["next week"] == "2018-W25"


def _timex_eval(repo_root: Path) -> ModuleType:
    path = repo_root / "eval" / "timex_eval.py"
    spec = importlib.util.spec_from_file_location("timex_eval", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


# value F1 measured on the whole corpora (eval/timex_eval.py), minus 0.01
FLOORS = {"timebank-fr": 0.816, "tempeval3-en": 0.776}
# weekday expressions resolved to the right day, measured the same way, minus 0.01
WEEKDAY_FLOORS = {"timebank-fr": 0.954, "tempeval3-en": 0.913}


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_timex_value_f1_floor(shared_data: Path, repo_root: Path, corpus: str) -> None:
    ev = _timex_eval(repo_root)
    lang, paths = ev.corpora(shared_data)[corpus]
    if not paths:
        pytest.skip(f"{corpus} not in the shared data")
    lex = ev.load_time_lexicon(lang)
    docs = [ev.parse_tml(p) for p in paths]
    found, elapsed = ev.run_bilan(docs, lang, lex)
    scores = ev.score(docs, lex, found, elapsed)
    assert scores["value_f1"] >= FLOORS[corpus]
    assert scores["weekday_day_accuracy"] >= WEEKDAY_FLOORS[corpus]
