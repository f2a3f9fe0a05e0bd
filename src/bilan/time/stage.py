"""The time stage: temporal expressions, then the report's own date, then re-anchoring."""

from __future__ import annotations

import datetime as dt

from bilan.langdata import SUPPORTED_LANGUAGES
from bilan.pipeline import Resources, stage
from bilan.records import Document
from bilan.time.find import find_timexes, scan_rules
from bilan.time.lexicon import load_time_lexicon
from bilan.time.pubdate import resolve_publication_date


def _resolve_time(doc: Document, res: Resources) -> None:
    lang = doc.language if doc.language in SUPPORTED_LANGUAGES else None
    if lang is None:
        doc.timexes = []
        doc.publication_date = None
        doc.publication_date_source = "none"
        doc.warnings.append(f"time: no temporal knowledge for language {doc.language!r}")
        return
    lexicon = res.get(f"time:{lang}", lambda: load_time_lexicon(lang))
    # first without an anchor: what the text says about its own date
    # the rules' matches do not depend on the date: scan once, resolve twice
    matches = scan_rules(doc.text, lexicon)
    loose = find_timexes(doc.text, lang, None, lexicon, matches)
    today = res.options.get("today")
    date, source, warnings = resolve_publication_date(
        doc, loose, lexicon, today=today if isinstance(today, dt.date) else None
    )
    doc.publication_date = date
    doc.publication_date_source = source
    doc.warnings.extend(warnings)
    doc.timexes = find_timexes(doc.text, lang, date, lexicon, matches) if date else loose


resolve_time = stage(
    "time",
    reads=["text", "language", "sentences", "published", "metadata_lines", "dateline_date",
           "body_start"],
    writes=["timexes", "publication_date", "publication_date_source", "warnings"],
)(_resolve_time)
