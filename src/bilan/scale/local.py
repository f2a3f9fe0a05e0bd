"""Running the per-document pipeline in worker processes on one machine.

No domain logic here: each worker builds its own :class:`Resources` once and processes the
documents it is sent; results come back tagged with their input position so the output
order never depends on scheduling. A worker that dies loses only the documents it held,
which come back as rejects.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from bilan.errors import InputError, StageError
from bilan.pipeline import Pipeline, Resources
from bilan.records import Document, Reject

_POLL_SECONDS = 1.0


def process_one(doc: Document, pipeline: Pipeline, res: Resources) -> Document | Reject:
    """Run the pipeline on one document; a failure becomes a reject naming the stage."""
    try:
        return pipeline.process(doc, res)
    except StageError as exc:
        # an input problem found by a stage (unsupported language) reads as itself
        reason = str(exc.error) if isinstance(exc.error, InputError) else str(exc)
        return Reject(input=doc.source, reason=reason, stage=exc.stage, document=doc.id)


def process_serial(
    docs: Sequence[Document], make_pipeline: Callable[[], Pipeline], options: dict[str, Any]
) -> Iterator[Document | Reject]:
    res = Resources(**options)
    pipeline = make_pipeline()
    for doc in docs:
        yield process_one(doc, pipeline, res)


def _worker(
    tasks: Any, results: Any, make_pipeline: Callable[[], Pipeline], options: dict[str, Any]
) -> None:
    res = Resources(**options)
    pipeline = make_pipeline()
    for index, doc in iter(tasks.get, None):
        results.put((index, process_one(doc, pipeline, res)))


def process_parallel(
    docs: Sequence[Document],
    make_pipeline: Callable[[], Pipeline],
    options: dict[str, Any],
    workers: int,
) -> Iterator[Document | Reject]:
    """Yield results in input order, processing with ``workers`` processes."""
    if workers <= 1 or len(docs) <= 1:
        yield from process_serial(docs, make_pipeline, options)
        return
    ctx = mp.get_context("spawn")
    tasks = ctx.Queue()
    results = ctx.Queue()
    procs = [
        ctx.Process(target=_worker, args=(tasks, results, make_pipeline, options), daemon=True)
        for _ in range(min(workers, len(docs)))
    ]
    for p in procs:
        p.start()
    for item in enumerate(docs):
        tasks.put(item)
    for _ in procs:
        tasks.put(None)
    done: dict[int, Document | Reject] = {}
    next_index = 0
    try:
        while len(done) < len(docs):
            try:
                index, result = results.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                if all(not p.is_alive() for p in procs):
                    break
                continue
            done[index] = result
            while next_index in done:
                yield done.pop(next_index)
                next_index += 1
    finally:
        for p in procs:
            p.join(timeout=5)
            if p.is_alive():
                p.terminate()
    for index in range(next_index, len(docs)):
        result = done.pop(index, None)
        if result is None:
            doc = docs[index]
            result = Reject(
                input=doc.source,
                reason="worker process died while processing this document",
                stage="worker",
                document=doc.id,
            )
        yield result
