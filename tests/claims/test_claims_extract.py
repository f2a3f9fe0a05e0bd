"""Claims from sentences written for these tests: kinds, victims, attribution, flags."""

from __future__ import annotations

import datetime as dt

from bilan.claims.extract import extract_claims, split_sentences
from bilan.claims.lexicon import ClaimsLexicon
from bilan.records import ActorMention, Claim


def run(text: str, lex: ClaimsLexicon, actors: list[ActorMention] | None = None,
        pub: dt.date | None = None) -> list[Claim]:
    claims = extract_claims(text, split_sentences(text), lex, "t.txt", actors or [], [], pub)
    for c in claims:
        assert c.text == text[c.start:c.end]
        assert c.document == "t.txt"
    return claims


def one(claims: list[Claim]) -> Claim:
    assert len(claims) == 1, claims
    return claims[0]


def test_killed_with_qualifier_and_preposition(fr: ClaimsLexicon) -> None:
    text = "Selon la Croix-Rouge, les frappes ont fait au moins 14 morts à Idlib mardi."
    c = one(run(text, fr))
    assert (c.kind, c.low, c.high, c.qualifier) == ("killed", 14, None, "at_least")
    assert c.claimant == "Croix-Rouge"
    assert "au moins 14 morts" in c.text


def test_victim_noun_with_passive_verb(fr: ClaimsLexicon) -> None:
    text = "Dix-neuf civils, dont sept enfants, ont été tués dans le bombardement."
    c = one(run(text, fr))
    assert (c.kind, c.low, c.victims) == ("killed", 19, "civilians")
    assert c.text.startswith("Dix-neuf civils") and c.text.endswith("tués")


def test_injured_and_killed_in_one_sentence(en: ClaimsLexicon) -> None:
    text = "Eleven soldiers were killed and 42 were wounded in the ambush, an army officer said."
    claims = run(text, en)
    assert [(c.kind, c.low, c.victims) for c in claims] == [
        ("killed", 11, "soldiers"), ("injured", 42, "people")]
    assert all(c.claimant == "Army officer" for c in claims)


def test_subject_reporting_verb_with_apposition(fr: ClaimsLexicon) -> None:
    text = ("Karim Haddad, qui dirige un hôpital de campagne dans la vieille ville, "
            "a fait état de 33 blessés.")
    c = one(run(text, fr))
    assert (c.kind, c.low) == ("injured", 33)
    assert c.claimant == "Karim Haddad, hospital director"


def test_inverted_subject_after_clause(fr: ClaimsLexicon) -> None:
    text = ("Les combats ont fait une vingtaine de morts parmi les insurgés, "
            "ont annoncé les autorités locales.")
    c = one(run(text, fr))
    assert (c.kind, c.low, c.high, c.qualifier) == ("killed", 20, 20, "about")
    assert c.claimant == "Autorités locales"


def test_actor_mention_normalises_claimant(fr: ClaimsLexicon) -> None:
    text = "D'après l'OSDH, 8 personnes ont été tuées dans la province de Deraa."
    start = text.index("OSDH")
    actor = ActorMention(start, start + 4, "OSDH", "Syrian Observatory for Human Rights",
                         "monitor", can_claim=True, can_act=False)
    c = one(run(text, fr, [actor]))
    assert c.claimant == "Syrian Observatory for Human Rights"
    assert (c.kind, c.low) == ("killed", 8)


def test_english_according_to_and_said(en: ClaimsLexicon) -> None:
    text = ("At least 9 protesters died on Sunday, according to the Health Ministry. "
            "Police arrested 120 people, the prosecutor said.")
    claims = run(text, en)
    assert [(c.kind, c.low, c.high, c.victims) for c in claims] == [
        ("killed", 9, None, "protesters"), ("arrested", 120, 120, "people")]
    assert claims[0].claimant == "Health Ministry"
    assert claims[1].claimant == "Prosecutor"


def test_no_attribution_is_the_report(en: ClaimsLexicon) -> None:
    c = one(run("Dozens of people were injured in the blast.", en))
    assert (c.kind, c.low, c.high, c.qualifier, c.claimant) == ("injured", 20, 99, "tens", None)


def test_attribution_and_provisional_carried_to_next_sentence(fr: ClaimsLexicon) -> None:
    text = ("Selon Nadia Farès, porte-parole des secours, l'incendie a fait 6 morts. "
            "Elle a ajouté que ce décompte restait provisoire. "
            "Quatre pompiers ont par ailleurs été blessés.")
    claims = run(text, fr)
    assert [(c.kind, c.low) for c in claims] == [("killed", 6), ("injured", 4)]
    assert claims[0].provisional
    assert claims[0].claimant is not None and claims[0].claimant.startswith("Nadia Farès")


def test_updated_toll(en: ClaimsLexicon) -> None:
    c = one(run("A new toll put the number of dead at 31, officials said.", en))
    assert c.updated and c.low == 31 and c.kind == "killed"


def test_cumulative_tolls(fr: ClaimsLexicon, en: ClaimsLexicon) -> None:
    c = one(run("Le conflit a fait plus de 400.000 morts depuis 2012.", fr))
    assert c.cumulative and (c.low, c.high) == (400000, None)
    c = one(run("Some 900 people have been killed since the start of the uprising.", en))
    assert c.cumulative
    pub = dt.date(2020, 3, 6)  # a Friday
    c = one(run("Les affrontements ont fait 17 morts depuis lundi.", fr, pub=pub))
    assert c.cumulative
    c = one(run("Les raids ont fait 12 morts depuis vendredi matin.", fr, pub=pub))
    assert not c.cumulative


def test_other_quantities(fr: ClaimsLexicon) -> None:
    text = ("Les frappes ont détruit une trentaine de maisons, et deux des cinq écoles "
            "du quartier ont été touchées.")
    claims = run(text, fr)
    assert [(c.kind, c.low, c.what) for c in claims] == [
        ("other", 30, "houses destroyed"), ("other", 2, "schools hit (of 5)")]


def test_non_claims(fr: ClaimsLexicon, en: ClaimsLexicon) -> None:
    assert run("Un homme de 45 ans est arrivé le 12 mars à 22h00.", fr) == []
    assert run("Le budget atteint 300 millions de dollars, soit 12 % de plus.", fr) == []
    assert run("Le Conseil a voté la résolution 2254 à 15 voix contre zéro.", fr) == []
    assert run("The army could kill hundreds of civilians, the envoy warned.", en) == []
    assert run("Aucune victime n'a été signalée.", fr) == []
    assert run("The talks lasted 11 hours and ended at 3 pm in 2019.", en) == []


def test_breakdown_is_not_a_separate_claim(en: ClaimsLexicon) -> None:
    c = one(run("Twenty-two people, including five children, were killed.", en))
    assert c.low == 22


def test_historical_comparison_dropped(fr: ClaimsLexicon) -> None:
    text = "La ville avait perdu 1.600 habitants lors du bombardement de 1937."
    assert run(text, fr, pub=dt.date(2016, 9, 23)) == []


def test_offsets_with_nonbreaking_space(fr: ClaimsLexicon) -> None:
    text = "Intro.\n\nPrès de 1\u202f500 personnes ont fui les combats."
    c = one(run(text, fr))
    assert (c.kind, c.low, c.qualifier) == ("displaced", 1500, "nearly")
    assert c.text.startswith("Près de 1\u202f500 personnes")
