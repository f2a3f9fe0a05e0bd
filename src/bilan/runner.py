"""From inputs to a :class:`RunResult`: ingest, the per-document pipeline, fusion, timeline.

This is bilan's Python API; the CLI only parses arguments, calls :func:`run` and writes
the outputs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import IO

from bilan.errors import UsageError
from bilan.fusion.merge import fuse_events
from bilan.ingest.readers import read_inputs
from bilan.langdata import SUPPORTED_LANGUAGES
from bilan.records import Document, Event, Reject, RunResult
from bilan.scale.local import process_parallel
from bilan.stages import default_pipeline
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
    for done, result in enumerate(
        process_parallel(pending, default_pipeline, options, workers), start=1
    ):
        if isinstance(result, Reject):
            rejects.append(result)
        else:
            documents.append(result)
        if progress is not None:
            progress(done, len(pending))
    events = fuse_documents(documents)
    timeline = build_timeline(
        events, documents, max_dates=max_dates, sentences_per_date=sentences_per_date
    )
    return RunResult(documents=documents, events=events, rejects=rejects, timeline=timeline)


def fuse_documents(documents: Iterable[Document]) -> list[Event]:
    return fuse_events([ev for doc in documents for ev in doc.events])
