"""The places stage: ``doc.places`` from the text, the language and the dateline."""

from __future__ import annotations

from bilan.pipeline import Resources, stage
from bilan.places.gazetteer import Gazetteer, load_gazetteer
from bilan.places.toponyms import PlaceLexicon, load_lexicons, resolve
from bilan.records import Document

GAZETTEER_KEY = "places.gazetteer"
LEXICONS_KEY = "places.lexicons"


def gazetteer(res: Resources) -> Gazetteer:
    """The process-wide gazetteer (loaded from the disk cache once)."""
    return res.get(GAZETTEER_KEY, load_gazetteer)


def lexicon(res: Resources, lang: str | None) -> PlaceLexicon:
    lexicons = res.get(LEXICONS_KEY, load_lexicons)
    return lexicons.get(lang or "fr", lexicons["fr"])


def _find_places(doc: Document, res: Resources) -> None:
    doc.places = resolve(doc, gazetteer(res), lexicon(res, doc.language))


find_places = stage(
    "places", reads=["text", "language", "sentences", "dateline_place"], writes=["places"]
)(_find_places)
