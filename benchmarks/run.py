"""Throughput and memory of bilan, per stage, on the sample reports and the shared corpora.

Reported, never asserted: run `make bench` (or `python benchmarks/run.py`) and copy the table
into docs/benchmarks.md with the date. The peer in the same run is dateparser's
`search_dates` on the same documents (the time stage's nearest widely used alternative), when
dateparser is installed.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from bilan.ingest.readers import read_inputs
from bilan.pipeline import Resources
from bilan.records import Document
from bilan.runner import fuse_documents
from bilan.stages import STAGES

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"


def corpora() -> dict[str, list[str]]:
    out = {"examples": [str(REPO / "examples" / "reports")]}
    for name, sub in (
        ("seeds-fr", "seeds-fr"),
        ("mlcrisis-fr-gold", "mlcrisis-fr-gold/docs"),
        ("t17-en-gold", "t17-en-gold/docs"),
    ):
        if (SHARED / sub).is_dir():
            out[name] = [str(SHARED / sub)]
    return out


def bench(paths: list[str], repeat: int) -> dict[str, object]:
    docs = [d for d in read_inputs(paths) if isinstance(d, Document)]
    res = Resources(lang="auto")
    t0 = time.perf_counter()
    # warm-up: build every resource once (reported apart, as start-up time), with the first
    # document of each language of the corpus (each language has its own resources)
    firsts: dict[str | None, Document] = {}
    for d in docs:
        probe = Document(id=d.id, text=d.text, source=d.source)
        try:
            for st in STAGES:
                st(probe, res)
                if st.name == "language":
                    break
        except Exception:
            continue  # a report bilan rejects (its language, its layout): not timed below
        firsts.setdefault(probe.language, d)
    for d in firsts.values():
        warm = Document(id=d.id, text=d.text, source=d.source)
        for st in STAGES:
            st(warm, res)
    startup = time.perf_counter() - t0
    per_stage = {st.name: 0.0 for st in STAGES}
    fusion = 0.0
    chars = sum(len(d.text) for d in docs)
    for _ in range(repeat):
        run_docs = [
            Document(
                id=d.id,
                text=d.text,
                source=d.source,
                published=d.published,
                language_hint=d.language_hint,
                title=d.title,
                outlet=d.outlet,
            )
            for d in docs
        ]
        ok = []
        for d in run_docs:
            try:
                for st in STAGES:
                    s = time.perf_counter()
                    st(d, res)
                    per_stage[st.name] += time.perf_counter() - s
                ok.append(d)
            except Exception:
                continue
        s = time.perf_counter()
        fuse_documents(ok)
        fusion += time.perf_counter() - s
    n = len(docs) * repeat
    total = sum(per_stage.values()) + fusion
    return {
        "documents": len(docs),
        "kb_per_doc": round(chars / max(1, len(docs)) / 1000, 1),
        "startup_s": round(startup, 2),
        "docs_per_s": round(n / total, 1) if total else None,
        "ms_per_doc": {k: round(v / n * 1000, 2) for k, v in per_stage.items()}
        | {"fusion": round(fusion / n * 1000, 2)},
        # issue 5's measure: the extraction stages (claims and events) per 5 KB of text
        "extraction_ms_per_5kb": round(
            (per_stage["claims"] + per_stage["events"]) * 1000 / (chars * repeat / 5000), 2
        ) if chars else None,
        "peer_dateparser_docs_per_s": peer_dateparser(docs),
    }


def peer_dateparser(docs: list[Document]) -> float | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    s = time.perf_counter()
    for d in docs:
        search_dates(d.text, languages=["fr", "en"])
    return round(len(docs) / (time.perf_counter() - s), 2)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    results = {name: bench(paths, args.repeat) for name, paths in corpora().items()}
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
        return 0
    stages = [st.name for st in STAGES] + ["fusion"]
    print(
        "| corpus | docs | KB/doc | start-up s | docs/s | "
        + " | ".join(f"{n} ms" for n in stages)
        + " | extraction ms per 5 KB | dateparser docs/s (peer) |"
    )
    print("|---" * (len(stages) + 7) + "|")
    for name, r in results.items():
        if not isinstance(r, dict):
            continue
        ms = r["ms_per_doc"]
        assert isinstance(ms, dict)
        cells = [
            name,
            r["documents"],
            r["kb_per_doc"],
            r["startup_s"],
            r["docs_per_s"],
            *[ms[n] for n in stages],
            r["extraction_ms_per_5kb"],
            r["peer_dateparser_docs_per_s"] or "not installed",
        ]
        print("| " + " | ".join(str(c) for c in cells) + " |")
    print(f"\npeak memory (RSS) of the process: {results['peak_rss_mb']} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
