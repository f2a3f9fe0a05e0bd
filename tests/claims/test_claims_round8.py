"""Round 8: claimants of relayed figures, counts that are not figures, one named victim
(sentences written for these tests)."""

from __future__ import annotations

from claims_testkit import run

from bilan.claims.lexicon import ClaimsLexicon


def got(text: str, lex: ClaimsLexicon) -> list[tuple[str, int, int | None, str | None]]:
    return [(c.kind, c.low, c.high, c.claimant) for c in run(text, lex)]


# --- who gave the figure


def test_reporting_subject_beats_a_relaying_channel(en: ClaimsLexicon) -> None:
    text = ("The interior ministry reported four people were killed and 80 were hurt in "
            "Kano, according to state radio.")
    out = got(text, en)
    assert ("killed", 4, 4, "interior ministry") in [(k, lo, hi, (c or "").lower())
                                                     for k, lo, hi, c in out]
    assert all(c is not None and "ministry" in c for _k, _lo, _hi, c in out)


def test_far_subject_does_not_beat_a_preposition(fr: ClaimsLexicon) -> None:
    text = ("L'armée, qui a reconnu une erreur la veille, a indiqué avoir frappé un dépôt près "
            "de Gao, où un marché voisin a été touché par plusieurs obus, ayant tué 9 personnes "
            "dont des enfants, selon la mairie.")
    assert ("killed", 9, 9, "Mairie") in got(text, fr)


def test_source_inside_a_subject(fr: ClaimsLexicon) -> None:
    text = "Un premier bilan donné par le quotidien Le Républicain faisait état de 9 blessés."
    out = got(text, fr)
    assert out and out[0][:3] == ("injured", 9, 9)
    assert out[0][3] is not None and "Républicain" in out[0][3]
    assert "faisait" not in out[0][3]


def test_verb_with_its_own_content_does_not_claim_a_figure_before_it(
        en: ClaimsLexicon) -> None:
    text = ("A drone hit a wedding party near Marib, killing several guests, and the coalition "
            "said it would look into the report.")
    assert [c for _k, _lo, _hi, c in got(text, en)] == [None]


def test_trailing_attribution_still_read(en: ClaimsLexicon) -> None:
    text = "Nine villagers were killed and 12 were wounded, the district chief said."
    assert ("killed", 9, 9, "district chief") in [(k, lo, hi, (c or "").lower())
                                                  for k, lo, hi, c in got(text, en)]


def test_dateline_is_not_part_of_the_source(en: ClaimsLexicon) -> None:
    text = "BAMAKO , Mali -LRB- Reuters -RRB- - Malian officials said an ambush killed 11 soldiers."
    assert ("killed", 11, 11, "Malian officials") in got(text, en)


def test_colon_line_names_the_source_of_the_next_line(fr: ClaimsLexicon) -> None:
    text = ("Une militante de Taëz écrit sur son blog :\n"
            "La police a tiré sur le cortège et a blessé 17 personnes.\n\n"
            "Le cortège s'est ensuite dispersé.")
    out = got(text, fr)
    assert len(out) == 1 and out[0][:3] == ("injured", 17, 17)
    assert out[0][3] is not None and "militante" in out[0][3].lower()


def test_long_source_cut_before_its_participle(en: ClaimsLexicon) -> None:
    from bilan.claims.extract import _head_words
    phrase = "nurse working in the emergency ward of the main public hospital of the city"
    assert _head_words(phrase) == "nurse"
    assert _head_words("doctor at the hospital") == "doctor at the hospital"


# --- what is and is not a figure


def test_toll_raised_to_a_count(fr: ClaimsLexicon) -> None:
    text = "Cette nouvelle attaque porte à 27 le nombre de morts depuis le début du mois."
    assert [(k, lo) for k, lo, _hi, _c in got(text, fr)] == [("killed", 27)]


def test_part_of_a_group_counted_before_is_not_a_new_figure(en: ClaimsLexicon,
                                                            fr: ClaimsLexicon) -> None:
    assert got("Five of those wounded are in a serious condition.", en) == []
    assert got("Deux des blessés ont été transférés à Niamey.", fr) == []
    # a victim noun after "of the" is still a count of victims
    assert [(k, lo) for k, lo, _h, _c in got("Two of the miners were killed.", en)] == [
        ("killed", 2)]


def test_article_after_a_source_preposition_is_not_one(fr: ClaimsLexicon) -> None:
    text = "Les tirs ont fait des dizaines de blessés selon un infirmier de l'hôpital."
    assert [(k, lo, hi) for k, lo, hi, _c in got(text, fr)] == [("injured", 20, 99)]


def test_article_in_a_phrase_is_not_one(fr: ClaimsLexicon) -> None:
    assert got("Trois manifestants blessés sont dans un état grave.", fr) == [
        ("injured", 3, 3, None)]


def test_detainees_killed_are_killed(fr: ClaimsLexicon, en: ClaimsLexicon) -> None:
    text = "Six détenus ont, selon la police, été tués lors d'une mutinerie à Kinshasa."
    assert [(k, lo) for k, lo, _h, _c in got(text, fr)] == [("killed", 6)]


# --- one victim with no article, or named


def test_bare_singular_victims(en: ClaimsLexicon) -> None:
    for text in ("Gunmen killed former district commissioner outside his house.",
                 "Shepherd killed near Kidal.",
                 "A police constable is killed at a checkpoint.",
                 "An aid convoy driver was confirmed dead after the ambush."):
        assert [(k, lo) for k, lo, _h, _c in got(text, en)] == [("killed", 1)], text


def test_named_victim_is_one(en: ClaimsLexicon, fr: ClaimsLexicon) -> None:
    out = run("Unknown attackers shot and killed Moussa Traore near the mosque.", en)
    assert [(c.kind, c.low) for c in out] == [("killed", 1)]
    assert "Moussa Traore" in out[0].text
    out = run("Le maire de la commune, Amadou Diallo, a été tué dans la nuit.", fr)
    assert [(c.kind, c.low) for c in out] == [("killed", 1)]


def test_not_a_named_victim(en: ClaimsLexicon) -> None:
    assert got("Troops killed Boko Haram fighters in the forest.", en) == []
    assert got("The raid killed Red Cross staff.", en) == []
    assert got("Five people were killed in Gao.", en) == [("killed", 5, 5, None)]
    # a group's own count stays the only figure
    assert [(k, lo) for k, lo, _h, _c in got("Soldier kills three civilians.", en)] == [
        ("killed", 3)]


def test_animals_are_not_people(en: ClaimsLexicon, fr: ClaimsLexicon) -> None:
    assert [c for c in run("Raiders killed 11 goats and a herder in the attack.", en)
            if c.kind == "killed" and c.low == 11] == []


def test_an_age_is_not_a_count(en: ClaimsLexicon, fr: ClaimsLexicon) -> None:
    assert got("A 17-year-old student was killed by a stray bullet.", en) == [
        ("killed", 1, 1, None)]
    assert [(k, lo) for k, lo, _h, _c in got(
        "Une femme de 52 ans a été tuée par un obus.", fr)] == [("killed", 1)]
