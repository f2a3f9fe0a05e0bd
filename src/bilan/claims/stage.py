"""The claims stage: every casualty and quantity figure of a document, with its claimant."""

from __future__ import annotations

import re

from bilan.claims.extract import extract_claims as _extract
from bilan.claims.extract import split_sentences
from bilan.claims.lexicon import ClaimsLexicon, load_lexicon
from bilan.pipeline import Resources, stage
from bilan.records import Claim, Document, Span


def claims_lexicon(res: Resources, lang: str) -> ClaimsLexicon:
    """The compiled claims lexicon of ``lang``, built once per process."""
    return res.get(f"claims:{lang}", lambda: load_lexicon(lang))


def _run(doc: Document, res: Resources) -> None:
    lang = doc.language if doc.language in ("fr", "en") else "en"
    lex = claims_lexicon(res, lang)
    sentences = doc.sentences or split_sentences(doc.text, doc.body_start)
    claims = _extract(doc.text, sentences, lex, doc.id, doc.actors, doc.timexes,
                      doc.publication_date,
                      [(p.start, p.place.gazetteer_id) for p in doc.places if not p.demonym])
    header = [s for s in [doc.headline, *doc.bullets] if s is not None]
    doc.claims = drop_restated(claims, header)


def _compatible(a: Claim, b: Claim) -> bool:
    """Same kind, overlapping ranges, claimants not in conflict."""
    if a.kind != b.kind or (a.kind == "other" and a.what != b.what):
        return False
    a_hi = a.high if a.high is not None else 10**12
    b_hi = b.high if b.high is not None else 10**12
    if a.low > b_hi or b.low > a_hi:
        return False
    return a.claimant is None or b.claimant is None or _same_source(a.claimant, b.claimant)


def _same_source(a: str, b: str) -> bool:
    wa = {w for w in re.findall(r"\w+", a.lower()) if len(w) > 2}
    wb = {w for w in re.findall(r"\w+", b.lower()) if len(w) > 2}
    return bool(wa & wb)


def drop_restated(claims: list[Claim], header: list[Span]) -> list[Claim]:
    """Drop a headline or bullet figure that restates a figure of the body.

    A wire report's headline ("Plus de 90 morts selon un hôpital") summarises a figure the
    body gives in full ("... a parlé de 91 morts"): one claim, stated twice. The header
    figure is dropped when a body claim of the same kind has an overlapping range and a
    claimant that does not conflict; a header figure with no body counterpart is kept.
    """
    if not header:
        return claims

    def in_header(c: Claim) -> bool:
        return any(h.start <= c.start and c.end <= h.end for h in header)

    body = [c for c in claims if not in_header(c)]
    return [c for c in claims
            if not in_header(c) or not any(_compatible(c, b) for b in body)]


extract_claims = stage(
    "claims",
    reads=["text", "language", "sentences", "places", "actors", "timexes", "headline", "bullets"],
    writes=["claims"],
)(_run)
