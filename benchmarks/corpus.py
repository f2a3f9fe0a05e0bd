"""Whole-corpus throughput: `bilan run` on a folder of reports, as a user runs it.

Reports wall-clock time (start-up, every stage, re-dating, fusion, outputs), documents and
kilobytes per second, and the peak memory of the largest process (the main one or a
worker). Usage: python benchmarks/corpus.py DIR [--workers N]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder} not found: nothing measured")
        return 0
    files = [p for p in args.folder.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    bilan = Path(sys.executable).with_name("bilan")
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        proc = subprocess.run(
            [str(bilan), "run", str(args.folder), "--out", out, "--workers", str(args.workers),
             "--quiet"], capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - started
        if proc.returncode != 0:
            print(f"bilan run failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
            return 1
        data = json.loads((Path(out) / "events.json").read_text(encoding="utf-8"))
        rejects = (Path(out) / "rejects.jsonl").read_text(encoding="utf-8").splitlines()
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    docs = len(data["documents"])
    print(f"folder: {args.folder.name}  files: {len(files)}  size: {size / 1e6:.2f} MB  "
          f"largest: {max((p.stat().st_size for p in files), default=0) / 1e6:.2f} MB")
    print(f"workers: {args.workers}  wall: {seconds:.1f} s  documents: {docs}  "
          f"rejects: {len(rejects)}  events: {len(data['events'])}")
    print(f"documents/s: {docs / seconds:.1f}  KB/s: {size / 1e3 / seconds:.0f}  "
          f"peak RSS of the largest process: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
