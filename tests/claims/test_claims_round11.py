"""Round 11: a breakdown of a toll the report also gives whole, whole-word hypothetical cues,
result clauses ("left a guard dead", "leaving him dead") and tolls raised later ("the toll
was later raised to 9"). Sentences written for these tests."""

from __future__ import annotations

from claims_testkit import killed, killed_figures, run

from bilan.claims.lexicon import ClaimsLexicon

# --- the parts of a toll given whole elsewhere


def test_breakdown_after_a_total_is_left_out(en: ClaimsLexicon) -> None:
    text = ("A drone strike killed five people near the market on Monday. "
            "Three farmers and two traders died in the strike.")
    assert killed_figures(text, en) == [5]
    assert killed(text, en) == 5


def test_breakdown_before_a_total_is_left_out(fr: ClaimsLexicon) -> None:
    text = ("Les assaillants ont tué deux gendarmes et trois civils au poste. "
            "L'attaque a fait cinq morts selon la préfecture.")
    assert killed_figures(text, fr) == [5]


def test_breakdown_after_a_total_in_the_same_sentence(fr: ClaimsLexicon) -> None:
    text = "L'embuscade a fait sept morts, quatre soldats et trois civils, selon l'armée."
    assert killed(text, fr) == 7


def test_groups_that_add_up_to_no_other_figure_are_kept(en: ClaimsLexicon) -> None:
    text = ("Two soldiers and a policeman were killed at the bridge. "
            "Later, five people died in a second blast across town.")
    assert sorted(killed_figures(text, en)) == [1, 2, 5]


def test_a_figure_after_the_groups_is_not_their_whole(en: ClaimsLexicon) -> None:
    # "the other two" is a third group, not the sum of the first two
    text = "A man and a woman died at once while the other two victims died in hospital."
    assert killed(text, en) == 4


# --- hypothetical cues are whole words


def test_a_word_starting_with_if_is_not_hypothetical(en: ClaimsLexicon) -> None:
    text = "The raid on the office of an IFPA organiser left one person dead."
    assert killed(text, en) == 1


def test_a_word_starting_with_si_is_not_hypothetical(fr: ClaimsLexicon) -> None:
    text = "Des combats similaires ont fait neuf morts dans la ville."
    assert killed(text, fr) == 9


def test_if_itself_is_still_hypothetical(en: ClaimsLexicon) -> None:
    text = "The mayor warned that if talks fail 40 people will be killed."
    assert killed_figures(text, en) == []


# --- result clauses


def test_left_one_victim_dead(en: ClaimsLexicon) -> None:
    text = "A grenade thrown at the checkpoint left a police constable dead."
    claims = run(text, en)
    assert [(c.kind, c.low) for c in claims] == [("killed", 1)]
    assert claims[0].text == "left a police constable dead"


def test_leaving_one_victim_injured(en: ClaimsLexicon) -> None:
    text = "Gunmen sprayed the minibus with bullets, leaving the driver injured."
    assert [(c.kind, c.low) for c in run(text, en)] == [("injured", 1)]


def test_leaving_a_pronoun_dead(en: ClaimsLexicon) -> None:
    text = "The crowd beat him with iron rods, leaving him dead by the road."
    assert [(c.kind, c.low, c.text) for c in run(text, en)] == [
        ("killed", 1, "leaving him dead")]


def test_leaving_counts_dead_and_wounded(en: ClaimsLexicon) -> None:
    text = "The shelling of the camp left three dead and eleven wounded."
    assert sorted((c.kind, c.low) for c in run(text, en)) == [("injured", 11), ("killed", 3)]


def test_beaten_dead_is_killed(en: ClaimsLexicon) -> None:
    assert killed("A shopkeeper was beaten dead by a mob on Sunday.", en) == 1


def test_left_without_a_result_is_nothing(en: ClaimsLexicon) -> None:
    assert run("The envoy left the capital on Monday with two aides.", en) == []


# --- a toll raised later


def test_death_toll_raised_later(en: ClaimsLexicon) -> None:
    text = "Six people were killed in the blast. The death toll was later raised to 9."
    assert killed_figures(text, en) == [6, 9]
    assert killed(text, en) == 9


def test_the_number_raised_takes_the_kind_before_it(en: ClaimsLexicon) -> None:
    text = "Twelve were first reported wounded, though the number has since risen to 15."
    assert [(c.kind, c.low) for c in run(text, en)] == [("injured", 12), ("injured", 15)]


def test_a_toll_that_could_rise_is_not_a_figure(en: ClaimsLexicon) -> None:
    text = "Four people died in the fire. Officials fear the toll could rise to 20."
    assert killed_figures(text, en) == [4]


def test_a_number_of_other_things_is_not_a_toll(en: ClaimsLexicon) -> None:
    text = "The number of checkpoints rose to 30 this year."
    assert killed_figures(text, en) == []


def test_bilan_alourdi(fr: ClaimsLexicon) -> None:
    text = "Quatre civils ont été tués dans le bombardement. Le bilan s'est ensuite alourdi à 7."
    claims = run(text, fr)
    assert [(c.kind, c.low) for c in claims] == [("killed", 4), ("killed", 7)]
    assert claims[1].text == "bilan s'est ensuite alourdi à 7"


def test_bilan_with_no_figure_before_is_not_read(fr: ClaimsLexicon) -> None:
    assert run("Le bilan a été porté à 14 dimanche.", fr) == []


# --- one victim named by any noun before a passive casualty verb


def test_any_noun_before_a_passive_casualty_verb(en: ClaimsLexicon) -> None:
    for text in ("A ferry mechanic was shot dead outside the depot.",
                 "A forest warden was killed when gunmen stopped his car.",
                 "A shopkeeper has been beaten to death after an argument."):
        claims = run(text, en)
        assert [(c.kind, c.low) for c in claims] == [("killed", 1)], text


def test_a_thing_before_a_passive_verb_is_not_a_victim(en: ClaimsLexicon) -> None:
    assert killed_figures("Nobody was hurt when a vehicle was shot at near the bridge.", en) == []


def test_open_noun_in_a_hypothetical_clause(en: ClaimsLexicon) -> None:
    assert killed_figures("Police fear a witness could be killed if named.", en) == []


# --- a death as the result of an attack


def test_resulting_in_the_death_of(en: ClaimsLexicon) -> None:
    assert killed("The grenade went off, resulting in the death of a street vendor.", en) == 1
    assert killed("The ambush caused the death of three guards.", en) == 3


def test_a_protest_over_a_death_is_no_toll(en: ClaimsLexicon) -> None:
    assert killed_figures("Students marched over the death of a classmate.", en) == []


def test_provoque_la_mort_de(fr: ClaimsLexicon) -> None:
    assert killed("Le tir de mortier a provoqué la mort de quatre enfants.", fr) == 4
