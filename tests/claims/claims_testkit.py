"""Helpers shared by the claims tests (imported by plain name: tests/claims/conftest.py puts
this folder on the path)."""

from __future__ import annotations

from bilan.claims.extract import extract_claims, split_sentences
from bilan.claims.lexicon import ClaimsLexicon
from bilan.fusion.merge import reconcile_fatalities
from bilan.records import Claim


def run(text: str, lex: ClaimsLexicon) -> list[Claim]:
    """The claims of ``text``, each checked to quote the text it spans."""
    claims = extract_claims(text, split_sentences(text), lex, "t.txt", [], [], None)
    assert all(c.text == text[c.start:c.end] for c in claims)
    return claims


def killed(text: str, lex: ClaimsLexicon) -> int | None:
    """The reconciled best death toll of ``text`` (None without a killed claim)."""
    return reconcile_fatalities(run(text, lex))["best"]


def figures(text: str, lex: ClaimsLexicon, kind: str = "killed") -> list[int]:
    """The low figure of every claim of ``kind``, in text order."""
    return [c.low for c in run(text, lex) if c.kind == kind]


def killed_figures(text: str, lex: ClaimsLexicon) -> list[int]:
    return figures(text, lex)
