"""Temporal expressions (TIMEX3) and the publication date of a report."""

from bilan.time.find import date_parts, find_timexes
from bilan.time.lexicon import TimeLexicon, load_time_lexicon
from bilan.time.pubdate import resolve_publication_date

__all__ = [
    "TimeLexicon",
    "date_parts",
    "find_timexes",
    "load_time_lexicon",
    "resolve_publication_date",
]
