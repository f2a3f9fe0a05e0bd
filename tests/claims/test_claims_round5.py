"""Round 5 claims: coordinated verbs, singular victims, agents (sentences written here)."""

from __future__ import annotations

from bilan.claims.extract import extract_claims, split_sentences
from bilan.claims.lexicon import ClaimsLexicon


def kinds(text: str, lex: ClaimsLexicon) -> list[tuple[str, int]]:
    claims = extract_claims(text, split_sentences(text), lex, "t")
    for c in claims:
        assert c.text == text[c.start:c.end]
    return sorted((c.kind, c.low) for c in claims)


def test_verb_right_before_a_count_governs_it(en: ClaimsLexicon) -> None:
    assert kinds("Bandits killed 12 and wounded 30 in the raid on the market.", en) == [
        ("injured", 30), ("killed", 12)]
    assert kinds("The navy killed at least 6 pirates and injured 2 others.", en) == [
        ("injured", 2), ("killed", 6)]
    assert kinds("Troops killed one and captured three near the river.", en) == [
        ("arrested", 3), ("killed", 1)]


def test_singular_victim_counts_one(en: ClaimsLexicon) -> None:
    assert kinds("A shepherd's son and a young teacher from the town was killed.", en) == [
        ("killed", 1)]
    assert kinds("A soldier was shot dead at the gate.", en) == [("killed", 1)]
    assert kinds("Raiders burnt huts, killing a farmer and wounding three others.", en) == [
        ("injured", 3), ("killed", 1)]
    assert kinds("A policeman was wounded in the blast.", en) == [("injured", 1)]


def test_singular_victim_in_a_hypothesis_is_no_claim(en: ClaimsLexicon) -> None:
    assert kinds("A civilian could be killed if the shelling resumes.", en) == []


def test_agents_are_not_victims(en: ClaimsLexicon) -> None:
    # the two attackers did the killing; the trader is the one victim
    assert ("killed", 2) not in kinds("Two attackers killed a trader in his shop.", en)
    assert kinds("Two attackers killed a trader in his shop.", en) == [("killed", 1)]
    got = kinds("A driver was shot dead by three men on a motorbike.", en)
    assert ("killed", 1) in got and ("killed", 3) not in got


def test_fatality_singular_noun(en: ClaimsLexicon) -> None:
    assert kinds("The night raid left 1 fatality.", en) == [("killed", 1)]


def test_french_singular_victim(fr: ClaimsLexicon) -> None:
    assert kinds("Un gendarme a été tué dimanche près de la frontière.", fr) == [("killed", 1)]


def test_fleeing_keeps_its_complement(en: ClaimsLexicon) -> None:
    assert kinds("Some 4,000 people fled the fighting last week.", en) == [("displaced", 4000)]
