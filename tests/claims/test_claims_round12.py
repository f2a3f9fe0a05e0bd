"""Round 12: casualty words misspelt by one slip ("killling", "kiled") and plural people
named by an unknown noun right before a casualty verb ("two cattle thieves were killed").
Sentences written for these tests."""

from __future__ import annotations

from claims_testkit import figures, run

from bilan.claims.lexicon import ClaimsLexicon, misspellings

# --- one typing slip in a casualty verb


def test_slips_are_one_doubled_dropped_or_swapped_letter() -> None:
    table = misspellings(["killed", "injured", "dead"])
    assert table["kiled"] == "killed"
    assert table["killled"] == "killed"
    assert table["injuerd"] == "injured"
    assert "filled" not in table and "skilled" not in table  # no letter replaced or added
    assert "ded" not in table  # short words are left exact


def test_tripled_letter_after_the_count(en: ClaimsLexicon) -> None:
    assert figures("Raiders stopped a minibus, killling 14 passengers on board.", en) == [14]


def test_dropped_letter_before_the_count(en: ClaimsLexicon) -> None:
    assert figures("Armed herders kiled 6 farmers near the river.", en) == [6]


def test_slip_in_a_passive_verb_and_in_a_wound(en: ClaimsLexicon) -> None:
    text = "Nine villagers were kiled and 3 were injuerd in the night raid."
    assert figures(text, en) == [9]
    assert figures(text, en, "injured") == [3]


def test_a_real_word_near_a_casualty_verb_is_not_read_as_one(en: ClaimsLexicon) -> None:
    assert figures("Forty skilled workers filled the trucks with grain.", en) == []


def test_french_slip(fr: ClaimsLexicon) -> None:
    assert figures("Quatre passants ont été blesés par des éclats.", fr, "injured") == [4]


# --- plural people named by a word the lexicon does not know


def test_unknown_plural_before_were_killed(en: ClaimsLexicon) -> None:
    assert figures("Two goat thieves were killed by an angry crowd.", en) == [2]


def test_unknown_plural_with_an_adverb_before_the_verb(en: ClaimsLexicon) -> None:
    assert figures("Four porters were allegedly shot dead by the patrol.", en) == [4]


def test_a_unit_before_a_plural_of_people(en: ClaimsLexicon) -> None:
    assert figures("Three cattle herders were killed at the watering point.", en) == [3]


def test_animals_are_not_victims(en: ClaimsLexicon) -> None:
    assert figures("Twelve cows died in the raid on the kraal.", en) == []


def test_things_are_not_people(en: ClaimsLexicon) -> None:
    claims = run("Three buses were torched, killing 5 people on the road.", en)
    assert [c.low for c in claims if c.kind == "killed"] == [5]
