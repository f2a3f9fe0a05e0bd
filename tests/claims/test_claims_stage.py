"""The claims stage on a Document, and on the shared seeds report about Aleppo (23 Sep 2016)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bilan.claims.stage import extract_claims
from bilan.pipeline import Resources
from bilan.records import Claim, Document


def _doc(text: str, lang: str, name: str = "x.txt") -> Document:
    doc = Document(id=name, text=text, source=name)
    doc.language = lang
    return doc


def test_stage_writes_claims_with_sentence_index() -> None:
    text = "Premier paragraphe sans chiffre.\n\nLes secours ont recensé 23 morts, a dit un médecin."
    doc = _doc(text, "fr")
    res = Resources()
    assert extract_claims.name == "claims"
    assert "claims" in extract_claims.writes
    extract_claims(doc, res)
    assert len(doc.claims) == 1
    c = doc.claims[0]
    assert (c.kind, c.low, c.document, c.sentence) == ("killed", 23, "x.txt", 1)
    assert c.text == text[c.start:c.end]


def _find(claims: list[Claim], low: int, high: int | None, kind: str = "killed") -> Claim:
    hits = [c for c in claims if c.low == low and c.high == high and c.kind == kind]
    assert hits, [(c.low, c.high, c.kind, c.text) for c in claims]
    return hits[0]


def test_seeds_doc_000_aleppo_tolls(shared_data: Path) -> None:
    path = shared_data / "seeds-fr" / "000_70ef4e2796197ad9.txt"
    doc = _doc(path.read_text(encoding="utf-8"), "fr", path.name)
    doc.publication_date = dt.date(2016, 9, 23)
    extract_claims(doc, Resources())
    for c in doc.claims:
        assert c.text == doc.text[c.start:c.end]
    osdh = _find(doc.claims, 27, 27)
    assert osdh.claimant is not None and "Observatoire" in osdh.claimant
    selmo = _find(doc.claims, 70, None)
    assert selmo.qualifier == "more_than" and selmo.provisional
    assert selmo.claimant is not None and "Selmo" in selmo.claimant
    khatib = _find(doc.claims, 91, 91)
    assert khatib.claimant is not None and "Hamza al Khatib" in khatib.claimant
    assert "hospital" in khatib.claimant
    assert "91 morts" in khatib.text
    tens = _find(doc.claims, 20, 99)
    assert tens.qualifier == "tens"
    assert tens.claimant is not None and "Observatoire" in tens.claimant
    assert "secours" in tens.claimant
    assert not any(c.cumulative for c in (osdh, selmo, khatib, tens))
    centres = _find(doc.claims, 3, 3, "other")
    assert centres.what is not None and "of 4" in centres.what
