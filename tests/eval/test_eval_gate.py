"""The quality gate (eval/gate.py): floors, hashes, and bilan on the three gold corpora."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

EVAL = Path(__file__).resolve().parents[2] / "eval"


def _load(name: str, file: str) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, EVAL / file)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


gate = _load("bilan_eval_gate", "gate.py")


def measured(corpus: str = "seeds-fr", **summary: float) -> Any:
    values = dict.fromkeys(gate.GATED, 0.5) | summary
    return gate.Measured(
        corpus=corpus,
        gold_sha256="a" * 64,
        docs_sha256="b" * 64,
        summary=values,
        result={},
        source="runner",
    )


def test_floor_is_the_score_minus_the_tolerance_rounded_down() -> None:
    assert gate.floor_of(0.75) == pytest.approx(0.74)
    assert gate.floor_of(0.123456) == pytest.approx(0.1134)
    assert gate.floor_of(0.001) == 0.0


def test_pinned_measure_passes_and_a_drop_fails() -> None:
    baseline = gate.pin([measured(events_f1=0.6)], {})
    assert gate.check(measured(events_f1=0.6), baseline) == []
    assert gate.check(measured(events_f1=0.595), baseline) == []  # within the tolerance
    problems = gate.check(measured(events_f1=0.4), baseline)
    assert len(problems) == 1 and "events_f1" in problems[0]


def test_changed_gold_file_fails_with_a_repin_hint() -> None:
    baseline = gate.pin([measured()], {})
    changed = measured()
    changed.gold_sha256 = "c" * 64
    problems = gate.check(changed, baseline)
    assert any("gold file changed" in p and "--pin" in p for p in problems)


def test_missing_floors_fail() -> None:
    problems = gate.check(measured(corpus="t17-en"), gate.pin([measured()], {}))
    assert problems and "no floors" in problems[0]


def test_pin_keeps_other_corpora_and_records_the_hash() -> None:
    first = gate.pin([measured(corpus="seeds-fr")], {})
    both = gate.pin([measured(corpus="t17-en")], first)
    assert set(both["corpora"]) == {"seeds-fr", "t17-en"}
    assert both["corpora"]["t17-en"]["gold_sha256"] == "a" * 64
    assert set(both["corpora"]["t17-en"]["floors"]) == set(gate.GATED)


def test_gate_on_precomputed_oracle_runs(shared_data: Path, tmp_path: Path) -> None:
    """The whole gate path on precomputed events.json files (built from the gold itself),
    pinned into a temporary baseline and checked: it must pass with perfect scores."""
    score = gate.load_score_module()
    args: list[str] = []
    for corpus in gate.CORPORA:
        gold = json.loads((shared_data / corpus.gold).read_text(encoding="utf-8"))
        texts = score.read_texts(gold, shared_data / corpus.docs)
        path = tmp_path / f"{corpus.name}.json"
        path.write_text(json.dumps(score.oracle_events(gold, texts)), encoding="utf-8")
        args += ["--events", f"{corpus.name}={path}"]
    baseline = tmp_path / "baseline.json"
    common = [*args, "--data", str(shared_data), "--baseline", str(baseline)]
    assert gate.main(common) == 1  # no floors yet
    assert gate.main([*common, "--pin"]) == 0
    pinned = json.loads(baseline.read_text(encoding="utf-8"))
    assert all(v == 1.0 for c in pinned["corpora"].values() for v in c["measured"].values())
    assert gate.main(common) == 0


def test_bilan_holds_its_floors_on_the_gold_corpora(shared_data: Path) -> None:
    available, why = gate.runner_available()
    if not available:
        pytest.skip(f"bilan.runner not importable yet: {why}")
    baseline = json.loads(gate.BASELINE.read_text(encoding="utf-8"))
    problems: list[str] = []
    for corpus in gate.CORPORA:
        problems += gate.check(gate.measure(corpus, shared_data), baseline)
    assert problems == []
