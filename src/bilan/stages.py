"""bilan's per-document pipeline, in order. Cross-document steps (fusion, timeline) follow
in :mod:`bilan.runner`."""

from __future__ import annotations

from bilan.actors.stage import find_actors
from bilan.claims.stage import extract_claims
from bilan.events.stage import extract_events
from bilan.ingest.layout import read_layout
from bilan.language.identify import identify_language
from bilan.language.sentences import segment_sentences
from bilan.pipeline import Pipeline
from bilan.places.stage import find_places
from bilan.time.stage import resolve_time

STAGES = (
    read_layout,
    identify_language,
    segment_sentences,
    resolve_time,
    find_places,
    find_actors,
    extract_claims,
    extract_events,
)


def default_pipeline() -> Pipeline:
    return Pipeline(STAGES)
