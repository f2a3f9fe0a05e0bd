"""Round 9: a proper name between a count and its noun, a sentence-opening victim with long
modifiers, tolls of a series of attacks, counts that are not a verb's object (sentences
written for these tests)."""

from __future__ import annotations

from claims_testkit import run

from bilan.claims.lexicon import ClaimsLexicon


def kinds(text: str, lex: ClaimsLexicon) -> list[tuple[str, int, str]]:
    return [(c.kind, c.low, c.victims) for c in run(text, lex)]


# --- a proper name between the count and its noun


def test_name_with_particle_before_the_noun(en: ClaimsLexicon) -> None:
    text = "At least 12 suspected Ansar al Sharia fighters were killed in the raid on Sunday."
    assert kinds(text, en) == [("killed", 12, "fighters")]


def test_hyphenated_name_before_the_noun(en: ClaimsLexicon) -> None:
    text = "The two militias fought near the lake. 3 FDLR-FOCA rebels were reported killed."
    assert ("killed", 3, "rebels") in kinds(text, en)


def test_capitalised_abbreviation_that_is_a_function_word(en: ClaimsLexicon) -> None:
    # "IS" is the group, not the verb: the noun after it says who was counted
    text = "Eight IS militants were killed and 3 policemen were hurt at the checkpoint."
    assert kinds(text, en) == [("killed", 8, "militants"), ("injured", 3, "police")]


def test_french_name_between_count_and_noun(fr: ClaimsLexicon) -> None:
    text = "Au moins 4 Forces de Défense soldats ont été tués."
    assert ("killed", 4, "soldiers") in kinds(text, fr)


# --- one victim opening the sentence, with long modifiers


def test_subject_with_relative_clause(en: ClaimsLexicon) -> None:
    text = ("A man who was said to have stolen a motorbike from a neighbour in the market was "
            "beaten to death by a crowd.")
    # "was said" is the relative clause's own verb: no claim from the long subject ...
    assert kinds(text, en) == []
    text = "A farmer accused by his neighbours of poisoning 30 cows was stabbed to death."
    assert kinds(text, en) == [("killed", 1, "civilians")]


def test_subject_with_place_modifier(en: ClaimsLexicon) -> None:
    text = "The driver of the second lorry on the coastal road near Berbera was shot dead."
    assert kinds(text, en) == [("killed", 1, "civilians")]


def test_subject_not_a_victim_when_another_verb_comes_first(en: ClaimsLexicon) -> None:
    text = "A soldier who had fired at the crowd on the square was arrested by the police."
    assert kinds(text, en) == []


def test_french_subject_with_modifiers(fr: ClaimsLexicon) -> None:
    text = "Un homme soupçonné par des habitants du quartier de vol de bétail a été tué."
    assert kinds(text, fr) == [("killed", 1, "men")]


# --- tolls of a series of attacks


def test_series_of_attacks_is_cumulative(en: ClaimsLexicon) -> None:
    text = ("Residents marched against a spate of night raids that have killed 14 villagers "
            "in the district.")
    claims = run(text, en)
    assert [(c.kind, c.low) for c in claims] == [("killed", 14)]
    assert claims[0].cumulative


def test_french_series_is_cumulative(fr: ClaimsLexicon) -> None:
    text = "Les habitants dénoncent une série d'enlèvements qui ont fait 9 morts dans la région."
    claims = run(text, fr)
    assert [(c.kind, c.low) for c in claims] == [("killed", 9)]
    assert claims[0].cumulative


# --- a count after a preposition is not the casualty verb's object


def test_count_after_preposition_is_not_a_toll(en: ClaimsLexicon) -> None:
    text = "Eleven rebels were killed in the three operations of the week."
    assert kinds(text, en) == [("killed", 11, "rebels")]
    text = "Nine people were reportedly killed from both sides in the fighting."
    assert kinds(text, en) == [("killed", 9, "people")]


def test_french_count_after_preposition(fr: ClaimsLexicon) -> None:
    text = "Six assaillants ont été tués lors des deux opérations."
    assert [(k, n) for k, n, _v in kinds(text, fr)] == [("killed", 6)]


def test_object_right_after_verb_still_counted(en: ClaimsLexicon) -> None:
    text = "Gunmen killed 7 and wounded 2 at the market."
    assert [(k, n) for k, n, _v in kinds(text, en)] == [("killed", 7), ("injured", 2)]


def test_new_victim_nouns(en: ClaimsLexicon, fr: ClaimsLexicon) -> None:
    assert kinds("Two commanders from the brigade were killed in the ambush.", en) == [
        ("killed", 2, "fighters")]
    assert [(k, n) for k, n, _v in kinds("Trois éleveurs ont été tués.", fr)] == [
        ("killed", 3)]
