"""Round 7: a count after "and" starts a new clause (sentences written for these tests)."""

from __future__ import annotations

from claims_testkit import run

from bilan.claims.lexicon import ClaimsLexicon


def test_count_after_and_is_not_the_object_of_the_verb_before(en: ClaimsLexicon) -> None:
    text = "A guard was killed and four others were wounded when the checkpoint in Gao was shelled."
    got = [(c.kind, c.low) for c in run(text, en)]
    assert ("killed", 4) not in got
    assert ("injured", 4) in got


def test_french_count_after_et_is_not_the_object_either(fr: ClaimsLexicon) -> None:
    text = "Un policier a été tué et trois autres ont été blessés dans l'embuscade près de Mopti."
    got = [(c.kind, c.low) for c in run(text, fr)]
    assert ("killed", 3) not in got
    assert ("injured", 3) in got


def test_verb_object_still_read(en: ClaimsLexicon) -> None:
    got = [(c.kind, c.low) for c in run("The blast killed nine and wounded 30 in Mogadishu.", en)]
    assert got == [("killed", 9), ("injured", 30)]
