"""Shared helpers for the evaluations on outside annotated data (ACLED, CASE 2021, PLOVER).

Each snippet is run through the whole per-document pipeline (``bilan.runner.run`` on a
temporary JSON Lines file, one report per snippet); its *main event* is the one that the
evaluations compare with the annotation. Nothing is copied from ../shared/data.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bilan.events.select import document_main_event
from bilan.fusion.merge import reconcile_fatalities
from bilan.records import Document, Event
from bilan.runner import run

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")
NONE = "(none)"


def data_file_args(argv: list[str] | None, doc: str | None, relative: str
                   ) -> tuple[argparse.Namespace, Path] | None:
    """The common command line of these evaluations (``--data``, ``--tables``) and the data
    file ``relative`` to the data folder; None, after saying so, when that file is absent."""
    ap = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--tables", action="store_true", help="print the confusion tables")
    args = ap.parse_args(argv)
    path = args.data / relative
    if not path.exists():
        print(f"no data at {path}")
        return None
    return args, path


@dataclass(frozen=True, slots=True)
class Snippet:
    id: str
    text: str
    published: str | None = None  # ISO date given to bilan as the report's date
    language: str = "en"


def run_snippets(snippets: Sequence[Snippet]) -> tuple[dict[str, Document], float]:
    """Documents by id after the per-document stages, and the seconds the run took."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "snippets.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for s in snippets:
                row: dict[str, str] = {"id": s.id, "text": s.text, "language": s.language}
                if s.published:
                    row["published"] = s.published
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        t0 = time.perf_counter()
        result = run([str(path)], lang="auto", workers=1)
        elapsed = time.perf_counter() - t0
    return {d.id: d for d in result.documents}, elapsed


def main_event(doc: Document | None) -> Event | None:
    """The event a snippet is about (``bilan.events.select.document_main_event``): in a
    short text the most telling kind of event, else the first violent event told."""
    return document_main_event(doc)


def fatalities(ev: Event | None) -> tuple[int, int]:
    """(best, low) of the event's killed claims; 0 when it has none."""
    if ev is None:
        return 0, 0
    f = reconcile_fatalities(ev.claims)
    return f.get("best") or 0, f.get("low") or 0


def injured(ev: Event | None) -> int:
    if ev is None:
        return 0
    values = [c.low for c in ev.claims if c.kind == "injured" and not c.cumulative]
    return max(values) if values else 0


def confusion_markdown(pairs: Sequence[tuple[str, str]], title: str = "gold \\ predicted") -> str:
    """A confusion table (rows gold, columns predicted) as markdown."""
    gold_labels = sorted({g for g, _ in pairs})
    pred_labels = sorted({p for _, p in pairs})
    counts = Counter(pairs)
    head = "| " + title + " | " + " | ".join(pred_labels) + " | n | acc |"
    sep = "|" + "---|" * (len(pred_labels) + 3)
    lines = [head, sep]
    for g in gold_labels:
        row = [str(counts.get((g, p), 0)) for p in pred_labels]
        n = sum(counts.get((g, p), 0) for p in pred_labels)
        acc = counts.get((g, g), 0) / n if n else 0.0
        lines.append(f"| {g} | " + " | ".join(row) + f" | {n} | {acc:.2f} |")
    return "\n".join(lines)


def weighted_f1(pairs: Sequence[tuple[str, str]]) -> float:
    """F1 per gold label, averaged with the label's support as weight (scikit-learn's
    ``f1_score(average="weighted")``)."""
    gold = Counter(g for g, _ in pairs)
    pred = Counter(p for _, p in pairs)
    tp = Counter(g for g, p in pairs if g == p)
    total = sum(gold.values())
    score = 0.0
    for label, support in gold.items():
        p = tp[label] / pred[label] if pred[label] else 0.0
        r = tp[label] / support
        f = 2 * p * r / (p + r) if p + r else 0.0
        score += f * support
    return score / total if total else 0.0
