"""End to end: `bilan run` on the bundled sample reports, bad inputs, determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bilan import __version__
from bilan.cli import main
from bilan.pipeline import Pipeline, Resources, stage
from bilan.records import Document, Reject
from bilan.scale.local import process_serial
from bilan.stages import STAGES

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "reports"


def _run(args: list[str]) -> int:
    return main(args)


def _load(out: Path) -> tuple[dict, dict[str, str], list[dict]]:
    events = json.loads((out / "events.json").read_text(encoding="utf-8"))
    texts = {}
    for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        texts[rec["id"]] = rec["text"]
    rejects = [
        json.loads(x) for x in (out / "rejects.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    return events, texts, rejects


_MAGNITUDES = ("million", "milliard", "mille", "thousand", "billion")


def _check_evidence(events: dict, texts: dict[str, str]) -> int:
    checked = 0
    for ev in events["events"]:
        for item in [*ev["claims"], *ev["mentions"]]:
            assert texts[item["document"]][item["start"] : item["end"]] == item["text"]
            checked += 1
        for claim in ev["claims"]:
            # never a number that is not in the text
            for value in (claim["low"], claim["high"]):
                if value is not None and claim["qualifier"] in {"exact", "at_least", "more_than"}:
                    digits = "".join(ch for ch in claim["text"] if ch.isdigit())
                    scaled = any(w in claim["text"].lower() for w in _MAGNITUDES)
                    if digits and not scaled:
                        assert str(value) in digits
    return checked


@pytest.fixture(scope="module")
def demo_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    assert _run(["run", str(EXAMPLES), "--out", str(out), "--quiet"]) == 0
    return out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["run"], ["timex"], ["timeline"], []):
        with pytest.raises(SystemExit):
            main([*command, "--help"])
        assert "usage: bilan" in capsys.readouterr().out


def test_demo_outputs(demo_out: Path) -> None:
    for name in (
        "events.json",
        "events.csv",
        "events.geojson",
        "report.html",
        "rejects.jsonl",
        "documents.jsonl",
        "timeline.json",
    ):
        assert (demo_out / name).is_file(), name
    events, texts, rejects = _load(demo_out)
    assert events["bilan_version"] == __version__
    assert events["events"], "the sample reports give events"
    assert _check_evidence(events, texts) > 0
    # every input is either a document or a reject
    inputs = sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html"})
    seen = set(texts) | {Path(r["input"]).name for r in rejects}
    assert set(inputs) <= seen
    spanish = [r for r in rejects if "Spanish" in r["reason"]]
    assert spanish and spanish[0]["stage"] == "language"
    assert all(doc["language"] in {"fr", "en"} for doc in events["documents"])
    dated = {d["id"]: d["publication_date"] for d in events["documents"] if d["publication_date"]}
    # the wrong " date 2022-03" header is overridden by the content, with a warning
    wrong_header = next(d for d in events["documents"] if d["id"].startswith("02_"))
    assert wrong_header["publication_date"] == "2016-10-15"
    assert any("2022-03" in w for w in wrong_header["warnings"])
    assert dated["07_mariupol_theatre_page_en.html"] == "2022-03-17"
    assert dated["feed-mossoul-2017-07-10"] == "2017-07-10"


def test_same_input_same_bytes(demo_out: Path, tmp_path: Path) -> None:
    assert _run(["run", str(EXAMPLES), "--out", str(tmp_path), "--quiet"]) == 0
    assert (tmp_path / "events.json").read_bytes() == (demo_out / "events.json").read_bytes()


def test_workers_give_the_same_result(demo_out: Path, tmp_path: Path) -> None:
    assert _run(["run", str(EXAMPLES), "--out", str(tmp_path), "--quiet", "--workers", "2"]) == 0
    assert (tmp_path / "events.json").read_bytes() == (demo_out / "events.json").read_bytes()


def test_bad_inputs_are_rejected_and_good_ones_kept(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    good = (
        "ALEP, 3 mai (AFP) - Des frappes aériennes ont tué 12 civils mardi dans un marché "
        "d'Alep, selon les secours.\n"
    )
    (src / "good.txt").write_text(good, encoding="utf-8")
    (src / "latin1.txt").write_bytes(good.encode("cp1252"))
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)))
    (src / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": good})
        + "\n{broken\n"
        + json.dumps({"id": "j2"})
        + "\n"
        + json.dumps({"id": "j1", "text": good})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert _run(["run", str(src), "--out", str(out), "--quiet"]) == 0
    events, texts, rejects = _load(out)
    assert set(texts) == {"good.txt", "latin1.txt", "j1"}
    reasons = " | ".join(r["reason"] for r in rejects)
    for expected in ("empty file", "binary", "invalid JSON on line 2", "no text", "duplicate"):
        assert expected in reasons
    latin = next(d for d in events["documents"] if d["id"] == "latin1.txt")
    assert any("CP1252" in w for w in latin["warnings"])


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["run", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("bilan: error: input not found") and "\n" not in err
    blocker = tmp_path / "file"
    blocker.write_text("x")
    (tmp_path / "r.txt").write_text("Des combats ont eu lieu mardi.", encoding="utf-8")
    assert _run(["run", str(tmp_path / "r.txt"), "--out", str(blocker / "sub")]) == 2
    assert "cannot write to output directory" in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_out_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    (tmp_path / "r.txt").write_text("Des combats ont eu lieu mardi.", encoding="utf-8")
    assert _run(["run", str(tmp_path / "r.txt"), "--out", str(ro)]) == 2
    assert "cannot write" in capsys.readouterr().err


@stage("explode-on-bad", reads=["text"], writes=["title"])
def _explode_on_bad(doc: Document, res: Resources) -> None:
    if doc.id == "bad":
        raise ZeroDivisionError("division by zero")


def _pipeline_with_failure() -> Pipeline:
    return Pipeline([*STAGES[:1], _explode_on_bad, *STAGES[1:]])


def test_stage_failure_becomes_a_reject() -> None:
    docs = [
        Document(id=i, text="Des combats ont eu lieu mardi à Alep.", source=i)
        for i in ("ok1", "bad", "ok2")
    ]
    results = list(process_serial(docs, _pipeline_with_failure, {"lang": "auto"}))
    assert [type(r).__name__ for r in results] == ["Document", "Reject", "Document"]
    reject = results[1]
    assert isinstance(reject, Reject)
    assert reject.stage == "explode-on-bad" and "ZeroDivisionError" in reject.reason


def test_stdin_and_module_entry(tmp_path: Path) -> None:
    record = {
        "id": "s1",
        "text": "BEIRUT, Sept 23 (Reuters) - Air strikes killed 27 people in Aleppo on Friday, "
        "a monitor said.",
        "published": "2016-09-23",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "bilan.cli", "run", "-", "--out", str(tmp_path), "--quiet"],
        input=json.dumps(record) + "\n",
        text=True,
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    events, texts, _ = _load(tmp_path)
    assert list(texts) == ["s1"]
    assert events["documents"][0]["publication_date"] == "2016-09-23"


def test_forced_language_accepts_unsupported_text(tmp_path: Path) -> None:
    text = "Los combates continuaron el martes en Jartum, según testigos."
    (tmp_path / "es.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert _run(["run", str(tmp_path / "es.txt"), "--out", str(out), "--quiet"]) == 0
    _, texts, rejects = _load(out)
    assert not texts and "Spanish" in rejects[0]["reason"]
    assert (
        _run(["run", str(tmp_path / "es.txt"), "--out", str(out), "--quiet", "--lang", "fr"]) == 0
    )
    _, texts, rejects = _load(out)
    assert list(texts) == ["es.txt"] and not rejects


def test_timeline_command(demo_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "tl.json"
    args = ["timeline", str(EXAMPLES), "--out", str(out), "--dates", "3", "--sentences", "1"]
    assert _run([*args, "--quiet", "--summary-lang", "en"]) == 0
    timeline = json.loads(out.read_text(encoding="utf-8"))["timeline"]
    events = json.loads((demo_out / "events.json").read_text(encoding="utf-8"))
    event_ids = {e["id"] for e in events["events"]}
    doc_ids = {d["id"] for d in events["documents"]}
    assert 0 < len(timeline) <= 3
    assert [e["date"] for e in timeline] == sorted(e["date"] for e in timeline)
    for entry in timeline:
        assert len(entry["summary"]) <= 1
        assert set(entry["events"]) <= event_ids and set(entry["documents"]) <= doc_ids
