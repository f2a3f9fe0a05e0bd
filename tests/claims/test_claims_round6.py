"""Round 6 claims: more singular victims (sentences written here)."""

from __future__ import annotations

from bilan.claims.extract import extract_claims, split_sentences
from bilan.claims.lexicon import load_lexicon


def kinds(text: str) -> list[tuple[str, int]]:
    claims = extract_claims(text, split_sentences(text), load_lexicon("en"), "t")
    for c in claims:
        assert c.text == text[c.start:c.end]
    return sorted((c.kind, c.low) for c in claims)


def test_assassinated_officer_is_one_killed() -> None:
    assert kinds("Unknown men assassinated a colonel outside his home in the capital.") == [
        ("killed", 1)]


def test_singular_passenger_killed() -> None:
    assert kinds("A passenger was killed when the bus was set on fire.") == [("killed", 1)]


def test_no_one_killed_is_no_count_of_one() -> None:
    assert ("killed", 1) not in kinds("No one was killed when the shell hit the empty depot.")


def test_a_couple_and_both_count_two() -> None:
    assert kinds("A couple of herders were killed near the well.") == [("killed", 2)]
    assert kinds("Both were killed on the spot.") == [("killed", 2)]


def test_manner_of_death_verbs_are_killings() -> None:
    assert kinds("Two brothers were shot to death outside the mill.") == [("killed", 2)]
    assert kinds("Four traders were gunned down on the market road.") == [("killed", 4)]
