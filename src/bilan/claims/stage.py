"""The claims stage: every casualty and quantity figure of a document, with its claimant."""

from __future__ import annotations

from bilan.claims.extract import extract_claims as _extract
from bilan.claims.extract import split_sentences
from bilan.claims.lexicon import ClaimsLexicon, load_lexicon
from bilan.pipeline import Resources, stage
from bilan.records import Document


def claims_lexicon(res: Resources, lang: str) -> ClaimsLexicon:
    """The compiled claims lexicon of ``lang``, built once per process."""
    return res.get(f"claims:{lang}", lambda: load_lexicon(lang))


def _run(doc: Document, res: Resources) -> None:
    lang = doc.language if doc.language in ("fr", "en") else "en"
    lex = claims_lexicon(res, lang)
    sentences = doc.sentences or split_sentences(doc.text, doc.body_start)
    doc.claims = _extract(doc.text, sentences, lex, doc.id, doc.actors, doc.timexes,
                          doc.publication_date)


extract_claims = stage(
    "claims", reads=["text", "language", "sentences", "actors", "timexes"], writes=["claims"]
)(_run)
