"""The ordered stage pipeline.

A stage is a named function ``(Document, Resources) -> None`` that reads some fields of the
document and writes others. Stages declare both; :func:`check_order` refuses a pipeline in
which a stage reads a field no earlier stage (nor ingest) wrote. A stage that raises for one
document turns into a reject naming the stage; the other documents go on.

Stages hold no state of their own: everything they need that is costly to build (lexicons,
the gazetteer) comes from a :class:`Resources` object built once per process, so the same
code runs in the main process, in worker processes and on Spark executors.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from bilan.errors import StageError
from bilan.records import Document

T = TypeVar("T")

# Fields ingest fills before any stage runs.
INGEST_FIELDS: frozenset[str] = frozenset(
    {"id", "text", "source", "title", "url", "outlet", "published", "language_hint"}
)


class Resources:
    """Costly, read-only knowledge (lexicons, gazetteer), built on first use, once per process.

    ``options`` carries run options stages may consult (``lang`` forced by the user ...).
    """

    def __init__(self, **options: Any) -> None:
        self.options: dict[str, Any] = dict(options)
        self._built: dict[str, Any] = {}

    def get(self, key: str, build: Callable[[], T]) -> T:
        """Return the resource named ``key``, building it with ``build`` the first time."""
        if key not in self._built:
            self._built[key] = build()
        value: T = self._built[key]
        return value


StageFn = Callable[[Document, Resources], None]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    run: StageFn

    def __call__(self, doc: Document, res: Resources) -> None:
        self.run(doc, res)


def stage(name: str, reads: Sequence[str], writes: Sequence[str]) -> Callable[[StageFn], Stage]:
    """Declare a function as a stage with what it reads and writes."""

    def wrap(fn: StageFn) -> Stage:
        return Stage(name=name, reads=tuple(reads), writes=tuple(writes), run=fn)

    return wrap


def check_order(stages: Sequence[Stage]) -> None:
    """Raise ValueError when a stage reads a field that no earlier stage writes."""
    available = set(INGEST_FIELDS)
    names: set[str] = set()
    for st in stages:
        if st.name in names:
            raise ValueError(f"stage {st.name!r} appears twice")
        names.add(st.name)
        missing = [f for f in st.reads if f not in available]
        if missing:
            raise ValueError(f"stage {st.name!r} reads {missing} before any stage writes them")
        available.update(st.writes)


class Pipeline:
    """An ordered list of stages, checked once when built."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        check_order(stages)
        self.stages: tuple[Stage, ...] = tuple(stages)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def process(self, doc: Document, res: Resources) -> Document:
        """Run every stage on ``doc``; raise :class:`StageError` naming the failing stage."""
        for st in self.stages:
            try:
                st(doc, res)
            except Exception as exc:  # one document's failure must not stop the run
                raise StageError(st.name, exc) from exc
        return doc
