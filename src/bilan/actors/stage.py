"""The actors stage: ``doc.actors`` from the text and the language."""

from __future__ import annotations

from bilan.actors.dictionary import (
    ActorDictionary,
    claimant_name,
    find_actor_mentions,
    load_dictionaries,
)
from bilan.pipeline import Resources, stage
from bilan.records import Document

DICTIONARIES_KEY = "actors.dictionaries"


def dictionary(res: Resources, lang: str | None) -> ActorDictionary:
    dictionaries = res.get(DICTIONARIES_KEY, load_dictionaries)
    return dictionaries.get(lang or "fr", dictionaries["fr"])


def _find_actors(doc: Document, res: Resources) -> None:
    doc.actors = find_actor_mentions(doc, dictionary(res, doc.language))
    for mention in doc.actors:
        if mention.can_claim:
            mention.claimant = claimant_name(mention)


find_actors = stage("actors", reads=["text", "language", "sentences", "places"],
                    writes=["actors"])(
    _find_actors
)
