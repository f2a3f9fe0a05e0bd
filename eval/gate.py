"""Quality gate: run bilan on the three gold corpora and refuse a regression.

Usage (from the repository root)::

    python eval/gate.py                       # run bilan, score, compare with the floors
    python eval/gate.py --pin                 # measure and write the floors (baseline.json)
    python eval/gate.py --events seeds-fr=out/events.json   # score a precomputed run
    python eval/gate.py --json                # scores and verdict as JSON

Modelled on trafilatura's ``tests/eval_gate.py``: a gold corpus, floors pinned in
``eval/baseline.json`` with the sha256 of each gold file and of its documents, and a gate
that fails when a score falls below its floor. The floors are always measured: ``--pin``
writes each current score minus ``TOLERANCE`` (rounded down to 4 decimals); never edit
them by hand. When a gold file or its documents change, the gate fails with a message
saying how to re-pin, because the old floors no longer describe the new gold.

Exit status: 0 all floors held; 1 a regression, a changed gold file or a missing floor;
2 nothing could be measured (shared data absent, bilan's runner not importable and no
``--events`` given).

The corpora are read from ``$BILAN_SHARED_DATA`` or ``../shared/data`` beside the
repository. bilan is run on the gold documents only, with its Python API
``bilan.runner.run(paths, lang="auto", workers=1)`` and ``bilan.output.events_json``.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import math
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BASELINE = HERE / "baseline.json"
TOLERANCE = 0.01  # a pinned floor is the measured score minus this


@dataclass(frozen=True, slots=True)
class Corpus:
    name: str
    gold: str  # path of the gold file, relative to the shared data folder
    docs: str  # folder holding the documents, relative to the shared data folder


CORPORA: tuple[Corpus, ...] = (
    Corpus("seeds-fr", "seeds-fr/gold_dev.json", "seeds-fr"),
    Corpus("mlcrisis-fr", "mlcrisis-fr-gold/gold.json", "mlcrisis-fr-gold/docs"),
    Corpus("t17-en", "t17-en-gold/gold.json", "t17-en-gold/docs"),
)

# the summary metrics that get a floor
GATED: tuple[str, ...] = (
    "pubdate_acc",
    "events_f1",
    "events_doc_f1",
    "typed_events_f1",
    "dated_events_f1",
    "located_events_f1",
    "claims_f1",
    "claims_numbers_f1",
)


def load_score_module() -> ModuleType:
    """``eval/score.py`` by path (``eval`` is a folder of scripts, not a package)."""
    name = "bilan_eval_score"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, HERE / "score.py")
    if spec is None or spec.loader is None:  # pragma: no cover - the file is beside us
        raise ImportError("eval/score.py not found")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up in sys.modules
    spec.loader.exec_module(module)
    return module


def shared_data_dir() -> Path:
    env = os.environ.get("BILAN_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sha256_docs(docs_dir: Path, names: Sequence[str]) -> str:
    """One hash over the gold documents (names and bytes, in sorted order)."""
    digest = hashlib.sha256()
    for name in sorted(names):
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256((docs_dir / name).read_bytes()).digest())
    return digest.hexdigest()


def runner_available() -> tuple[bool, str]:
    """Whether bilan's Python API can be imported (and why not)."""
    try:
        from bilan.output import events_json  # noqa: F401
        from bilan.runner import run  # noqa: F401
    except Exception as exc:  # any import-time failure means: cannot run bilan here
        return False, f"{type(exc).__name__}: {exc}"
    return True, ""


def run_bilan(paths: Sequence[str]) -> dict[str, Any]:
    from bilan.output import events_json
    from bilan.runner import run

    result = run(list(paths), lang="auto", workers=1)
    data: dict[str, Any] = events_json(result)
    return data


@dataclass(slots=True)
class Measured:
    corpus: str
    gold_sha256: str
    docs_sha256: str
    summary: dict[str, float]
    result: dict[str, Any]
    source: str  # "runner" or the path of a precomputed events.json


def measure(corpus: Corpus, data_dir: Path, events_path: Path | None = None) -> Measured:
    """Score one corpus: bilan run on its documents, or a precomputed events.json."""
    score = load_score_module()
    gold_path = data_dir / corpus.gold
    docs_dir = data_dir / corpus.docs
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    names = [d["doc"] for d in gold["documents"]]
    texts = score.read_texts(gold, docs_dir)
    if events_path is not None:
        events = json.loads(events_path.read_text(encoding="utf-8"))
        source = str(events_path)
    else:
        events = run_bilan([str(docs_dir / n) for n in sorted(names)])
        source = "runner"
    result: dict[str, Any] = score.score(gold, events, texts)
    return Measured(
        corpus=corpus.name,
        gold_sha256=sha256_file(gold_path),
        docs_sha256=sha256_docs(docs_dir, names),
        summary=dict(result["summary"]),
        result=result,
        source=source,
    )


def floor_of(value: float, tolerance: float = TOLERANCE) -> float:
    """The floor pinned for a measured score: minus the tolerance, rounded down, >= 0."""
    return max(0.0, math.floor((value - tolerance) * 10000) / 10000)


def check(measured: Measured, baseline: Mapping[str, Any]) -> list[str]:
    """Every reason the gate refuses this corpus (empty: it passes)."""
    entry = baseline.get("corpora", {}).get(measured.corpus)
    repin = "re-pin with `python eval/gate.py --pin` once the change is understood"
    if not entry:
        return [f"{measured.corpus}: no floors in {BASELINE.name}; {repin}"]
    problems: list[str] = []
    if entry.get("gold_sha256") != measured.gold_sha256:
        problems.append(
            f"{measured.corpus}: gold file changed (sha256 {measured.gold_sha256[:12]}, "
            f"pinned {str(entry.get('gold_sha256'))[:12]}); {repin}"
        )
    if entry.get("docs_sha256") != measured.docs_sha256:
        problems.append(f"{measured.corpus}: gold documents changed; {repin}")
    for metric, floor in sorted(entry.get("floors", {}).items()):
        value = measured.summary.get(metric)
        if value is None:
            problems.append(f"{measured.corpus}: metric {metric} no longer measured")
        elif value < floor:
            problems.append(f"{measured.corpus}: {metric} {value:.4f} < floor {floor:.4f}")
    return problems


def pin(measured: Sequence[Measured], baseline: Mapping[str, Any]) -> dict[str, Any]:
    """A new baseline: floors = measured scores minus the tolerance."""
    corpora = dict(baseline.get("corpora", {}))
    for m in measured:
        corpora[m.corpus] = {
            "gold_sha256": m.gold_sha256,
            "docs_sha256": m.docs_sha256,
            "measured_with": m.source,
            "measured": {k: m.summary[k] for k in GATED if k in m.summary},
            "floors": {k: floor_of(m.summary[k]) for k in GATED if k in m.summary},
        }
    return {
        "about": (
            "Floors for eval/gate.py, measured on the shared dev gold sets by "
            "`python eval/gate.py --pin` (score minus tolerance). Never edit by hand."
        ),
        "tolerance": TOLERANCE,
        "corpora": dict(sorted(corpora.items())),
    }


_LABELS = {
    "pubdate_acc": "pubdate",
    "events_f1": "events",
    "events_doc_f1": "ev/doc",
    "typed_events_f1": "typed",
    "dated_events_f1": "dated",
    "located_events_f1": "located",
    "claims_f1": "claims",
    "claims_numbers_f1": "claim#",
}


def format_report(measured: Sequence[Measured], baseline: Mapping[str, Any]) -> str:
    """Scores per corpus, the floor below each, ``!`` after a score under its floor."""
    lines = [f"{'corpus':<13}" + "".join(f"{_LABELS.get(k, k)[:8]:>9}" for k in GATED)]
    for m in measured:
        floors = baseline.get("corpora", {}).get(m.corpus, {}).get("floors", {})
        cells = []
        for k in GATED:
            value = m.summary.get(k, float("nan"))
            mark = "!" if k in floors and value < floors[k] else " "
            cells.append(f"{value:>8.3f}{mark}")
        lines.append(f"{m.corpus:<13}" + "".join(cells))
        if floors:
            lines.append(
                f"{'  floor':<13}" + "".join(f"{floors.get(k, float('nan')):>8.3f} " for k in GATED)
            )
    return "\n".join(lines)


def parse_events_args(items: Sequence[str]) -> dict[str, Path]:
    known = {c.name for c in CORPORA}
    out: dict[str, Path] = {}
    for item in items:
        name, sep, path = item.partition("=")
        if not sep or name not in known:
            raise SystemExit(f"--events wants CORPUS=PATH with CORPUS in {sorted(known)}: {item!r}")
        out[name] = Path(path)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="bilan quality gate on the shared gold sets")
    parser.add_argument("--pin", action="store_true", help="write measured floors to baseline.json")
    parser.add_argument(
        "--events",
        action="append",
        default=[],
        metavar="CORPUS=PATH",
        help="score a precomputed events.json for CORPUS instead of running bilan",
    )
    parser.add_argument("--data", type=Path, default=None, help="shared data folder")
    parser.add_argument("--baseline", type=Path, default=BASELINE, help="floors file")
    parser.add_argument("--json", action="store_true", help="print scores and verdict as JSON")
    args = parser.parse_args(argv)

    data_dir = args.data or shared_data_dir()
    precomputed = parse_events_args(args.events)
    if not (data_dir / "seeds-fr").is_dir():
        sys.stderr.write(f"gate: shared data not found at {data_dir}; nothing measured\n")
        return 2
    available, why = runner_available()
    measured: list[Measured] = []
    skipped: list[str] = []
    for corpus in CORPORA:
        events_path = precomputed.get(corpus.name)
        if events_path is None and not available:
            skipped.append(f"{corpus.name}: bilan.runner not importable ({why})")
            continue
        measured.append(measure(corpus, data_dir, events_path))
    if not measured:
        sys.stderr.write("gate: nothing measured\n  " + "\n  ".join(skipped) + "\n")
        return 2

    baseline: dict[str, Any] = {}
    if args.baseline.is_file():
        baseline = json.loads(args.baseline.read_text(encoding="utf-8"))
    if args.pin:
        new = pin(measured, baseline)
        args.baseline.write_text(
            json.dumps(new, indent=1, sort_keys=False) + "\n", encoding="utf-8"
        )
        sys.stdout.write(format_report(measured, new) + f"\npinned {args.baseline}\n")
        return 0

    problems = [p for m in measured for p in check(m, baseline)]
    if args.json:
        payload = {
            "scores": {m.corpus: m.summary for m in measured},
            "skipped": skipped,
            "problems": problems,
            "passed": not problems,
        }
        sys.stdout.write(json.dumps(payload, indent=1) + "\n")
    else:
        sys.stdout.write(format_report(measured, baseline) + "\n")
        for line in skipped:
            sys.stdout.write(f"skipped {line}\n")
        for line in problems:
            sys.stdout.write(f"FAIL {line}\n")
        sys.stdout.write("gate: " + ("FAILED" if problems else "passed") + "\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
