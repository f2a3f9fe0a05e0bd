"""Round 13: one victim after an active verb whatever the noun ("killed a tax collector",
"killed the driver"), "one" opening a sentence, an adverb after the auxiliary, pairs with a
possessive ("a councillor and his wife"), bodies found, and misspelt verbs in the singular
phrases. Sentences written for these tests."""

from __future__ import annotations

from claims_testkit import figures, run

from bilan.claims.lexicon import ClaimsLexicon

# --- one victim after an active verb


def test_unknown_noun_after_active_verb(en: ClaimsLexicon) -> None:
    assert figures("Gunmen killed a customs clerk near the bridge on Tuesday.", en) == [1]


def test_unknown_noun_after_active_verb_fr(fr: ClaimsLexicon) -> None:
    assert figures("Des bandits ont tué un garde-forestier dans la réserve.", fr) == [1]


def test_not_a_person_after_the_verb(en: ClaimsLexicon) -> None:
    assert figures("The soldier was killed a day after the truce.", en) == [1]
    assert figures("Militants killed a total of 9 herders in the district.", en) == [9]


def test_definite_article_object(en: ClaimsLexicon, fr: ClaimsLexicon) -> None:
    assert figures("Robbers stopped the bus and killed the driver.", en) == [1]
    assert figures("Des hommes armés ont tué le chauffeur du camion.", fr) == [1]


# --- "one" and an adverb after the auxiliary


def test_one_opens_the_sentence_with_an_adverb(en: ClaimsLexicon) -> None:
    assert figures("One rebel commander was reportedly killed in the fighting.", en) == [1]


def test_adverb_after_auxiliary_fr(fr: ClaimsLexicon) -> None:
    assert figures("Un soldat a été également tué dans l'attaque.", fr) == [1]


def test_fatally_is_not_dropped(en: ClaimsLexicon) -> None:
    assert figures("A guard was fatally wounded at the gate.", en) == [1]
    assert figures("A guard was later wounded at the gate.", en, "injured") == [1]


# --- pairs with a possessive


def test_pair_with_possessive(en: ClaimsLexicon) -> None:
    assert sum(figures("A retired judge and his wife were shot dead at home.", en)) == 2


def test_pair_after_active_verb(en: ClaimsLexicon) -> None:
    assert sum(figures("Raiders burned the hut, killing the mother and a baby.", en)) == 2


def test_pair_with_definite_article_and_possessive(en: ClaimsLexicon) -> None:
    assert sum(figures("The teacher and her son died in the fire.", en)) == 2


def test_pair_with_possessive_fr(fr: ClaimsLexicon) -> None:
    assert sum(figures("Un ancien maire et son fils ont été tués par balles.", fr)) == 2


# --- bodies found


def test_body_found(en: ClaimsLexicon, fr: ClaimsLexicon) -> None:
    assert figures("The body of a herder was discovered in the bush.", en) == [1]
    assert figures("The bodies of three fishermen were found on the shore.", en) == [3]
    assert figures("Le corps d'une femme a été retrouvé dans un puits.", fr) == [1]


def test_body_not_found_is_no_death_here(en: ClaimsLexicon) -> None:
    assert figures("Mourners carried the body of a student through the town.", en) == []


# --- misspelt verbs in the singular phrases


def test_misspelt_passive_and_active(en: ClaimsLexicon) -> None:
    assert figures("A shopkeeper was kiled by robbers.", en) == [1]
    assert figures("Bandits kiled a farmer on the road.", en) == [1]
    text = "A shopkeeper was kiled by robbers."
    assert [c.text for c in run(text, en)] == ["A shopkeeper was kiled"]
