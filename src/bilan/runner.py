"""From inputs to a :class:`RunResult`: ingest, the per-document pipeline, fusion, timeline.

This is bilan's Python API; the CLI only parses arguments, calls :func:`run` and writes
the outputs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from typing import IO, Any

from bilan.errors import UsageError
from bilan.events.assemble import TOLL_KINDS
from bilan.fusion.merge import fuse_events, same_event
from bilan.ingest.readers import read_inputs
from bilan.langdata import SUPPORTED_LANGUAGES
from bilan.pipeline import Resources
from bilan.records import Document, Event, Reject, RunResult
from bilan.scale.local import process_one, process_parallel
from bilan.stages import default_pipeline
from bilan.time.neighbours import (
    MIN_CONFIRMING_EVENTS,
    NeighbourDate,
    calendar_dates,
    names,
    neighbour_dates,
)
from bilan.timeline.build import build_timeline

Progress = Callable[[int, int], None]


def check_lang(lang: str) -> str:
    if lang != "auto" and lang not in SUPPORTED_LANGUAGES:
        raise UsageError(
            f"--lang {lang!r} is not supported (choose auto, {', '.join(SUPPORTED_LANGUAGES)})"
        )
    return lang


def run(
    inputs: Iterable[str],
    lang: str = "auto",
    workers: int = 1,
    stdin: IO[str] | None = None,
    progress: Progress | None = None,
    max_dates: int | None = None,
    sentences_per_date: int = 2,
    summary_lang: str | None = None,
) -> RunResult:
    """Read ``inputs`` (paths, directories or "-"), extract and merge events."""
    check_lang(lang)
    documents: list[Document] = []
    rejects: list[Reject] = []
    pending: list[Document] = []
    for item in read_inputs(inputs, stdin=stdin):
        if isinstance(item, Reject):
            rejects.append(item)
        else:
            pending.append(item)
    options = {"lang": lang}
    # what ingest produced, to run a document again with more knowledge (see _redate)
    originals = {d.id: dataclasses.replace(d, warnings=list(d.warnings)) for d in pending}
    for done, result in enumerate(
        process_parallel(pending, default_pipeline, options, workers), start=1
    ):
        if isinstance(result, Reject):
            rejects.append(result)
        else:
            documents.append(result)
        if progress is not None:
            progress(done, len(pending))
    documents = _redate(documents, originals, options, rejects)
    events = fuse_documents(documents)
    timeline = build_timeline(
        events,
        documents,
        max_dates=max_dates,
        sentences_per_date=sentences_per_date,
        summary_lang=summary_lang,
    )
    return RunResult(documents=documents, events=events, rejects=rejects, timeline=timeline)


def _redate(
    documents: list[Document],
    originals: dict[str, Document],
    options: dict[str, Any],
    rejects: list[Reject],
) -> list[Document]:
    """Run undated reports again, dated from the dated reports of the same happenings.

    For each undated report, the few most similar dated reports each propose a day (the
    report's weekdays read against the neighbour's date); the report is run again with each
    proposal, and the one under which most of its events turn out to be events the dated
    reports also tell of (same type, day and place) wins, if at least
    ``MIN_CONFIRMING_EVENTS`` agree; an event that also gives the same toll as the dated
    report's (the same number killed or injured) counts twice (``_confirmations``). Topic
    similarity alone is no evidence of the day.

    A report none of them dates may still name a day by month and day ("on August 12")
    beside weekdays: in the year of the run's dated reports where that day falls on a
    weekday the report names, it dates the report (``neighbours.calendar_dates``).
    """
    undated = [d for d in documents if d.publication_date is None]
    dated = [(d, names(d.text)) for d in documents if d.publication_date is not None]
    if not undated or not dated:
        return documents
    known_events = [ev for d, _ in dated for ev in d.events]
    pipeline = default_pipeline()
    res = Resources(**options)
    redone: dict[str, Document] = {}
    years = [y for y, _ in Counter(
        d.publication_date.year for d, _ in dated if d.publication_date is not None
    ).most_common()]

    def run_dated(doc: Document, day: dt.date, origin: str) -> Document | None:
        retry = dataclasses.replace(originals[doc.id], warnings=list(originals[doc.id].warnings))
        retry.published = day.isoformat()
        retry.published_origin = origin
        result = process_one(retry, pipeline, res)
        if isinstance(result, Reject) or result.publication_date != day:
            return None
        return result

    for doc in undated:
        best: tuple[int, Document, NeighbourDate] | None = None
        for nd in neighbour_dates(doc, dated):
            result = run_dated(doc, nd.date, "neighbour")
            if result is None:
                continue
            confirmed = _confirmations(result.events, known_events)
            if confirmed >= MIN_CONFIRMING_EVENTS and (best is None or confirmed > best[0]):
                best = (confirmed, result, nd)
        if best is None:
            for cd in calendar_dates(doc, years):
                if (result := run_dated(doc, cd.date, "calendar")) is not None:
                    result.publication_date_source = "calendar"
                    result.warnings.append(
                        f"no date in the report; dated {cd.date.isoformat()} from "
                        f"\"{cd.named}\" ({cd.named_day.strftime('%A')} "
                        f"{cd.named_day.isoformat()} in the year of the run's dated reports) "
                        f"and the weekdays it names"
                    )
                    redone[doc.id] = result
                    break
            continue
        confirmed, result, nd = best
        result.publication_date_source = "neighbour"
        result.warnings.append(
            f"no date in the report; dated {nd.date.isoformat()} from its weekdays read "
            f"against {nd.neighbour} (published {nd.neighbour_date.isoformat()}), with which "
            f"it shares events (score {confirmed}: one per event of the same type, day and "
            f"place, two when the toll is the same too)"
        )
        redone[doc.id] = result
    return [redone.get(d.id, d) for d in documents]


def _tolls(ev: Event) -> set[tuple[str, int | None, int | None]]:
    return {(c.kind, c.low, c.high) for c in ev.claims if c.kind in TOLL_KINDS and c.low}


def _confirmations(events: Iterable[Event], known: list[Event]) -> int:
    """How well the dated reports' events bear out ``events`` under a proposed day: one per
    event they also tell of (same type, day and place), two when one of them gives the same
    toll (the same number killed or injured), which a mere coincidence of day rarely does."""
    score = 0
    for ev in events:
        same = [k for k in known if same_event(ev, k)]
        if not same:
            continue
        mine = _tolls(ev)
        score += 2 if mine and any(mine & _tolls(k) for k in same) else 1
    return score


def fuse_documents(documents: Iterable[Document]) -> list[Event]:
    return fuse_events([ev for doc in documents for ev in doc.events])
