"""Round 10: victims listed with one verb, a verb and its result around the victims, a
victim who dies later, an attacker's own death (sentences written for these tests)."""

from __future__ import annotations

from claims_testkit import killed, run

from bilan.claims.lexicon import ClaimsLexicon

# --- a list of victims sharing one verb


def test_list_before_a_passive_verb_adds_up(en: ClaimsLexicon) -> None:
    text = "Three soldiers, a nurse and one young shepherd were killed near the well on Friday."
    claims = run(text, en)
    assert [c.low for c in claims] == [3, 1, 1]
    assert all(c.text.endswith("were killed") for c in claims)
    assert killed(text, en) == 5


def test_list_of_articles_before_a_bare_participle(en: ClaimsLexicon) -> None:
    text = "The raid on the depot left a guard and a militiaman killed."
    assert killed(text, en) == 2


def test_list_after_an_active_verb(en: ClaimsLexicon) -> None:
    text = "Gunmen ambushed the bus, killing two teachers and a driver."
    assert killed(text, en) == 3


def test_a_thing_is_not_a_list_item(en: ClaimsLexicon) -> None:
    text = "Rebels overran a camp, and a soldier and a policeman were killed."
    assert killed(text, en) == 2


def test_breakdown_list_is_not_added_to_its_total(en: ClaimsLexicon) -> None:
    text = "Nine people, including two soldiers and a child, were killed in the blast."
    assert killed(text, en) == 9


def test_french_list_before_its_verb(fr: ClaimsLexicon) -> None:
    text = "Deux gendarmes, un fonctionnaire et un commerçant ont été tués dans une embuscade."
    assert killed(text, fr) == 4


def test_french_list_after_an_active_verb_ends_at_its_noun(fr: ClaimsLexicon) -> None:
    text = "Des assaillants ont tué deux soldats et un policier près de la frontière."
    assert killed(text, fr) == 3


# --- the verb and its result around the victims


def test_shot_the_driver_dead(en: ClaimsLexicon) -> None:
    claims = run("Bandits stopped the lorry and shot the driver dead on Tuesday.", en)
    assert [(c.kind, c.low, c.text) for c in claims] == [("killed", 1, "shot the driver dead")]


def test_hacked_villagers_to_death(en: ClaimsLexicon) -> None:
    assert killed("A gang hacked four villagers to death in their fields.", en) == 4


def test_plural_with_no_count_gives_no_figure(en: ClaimsLexicon) -> None:
    assert killed("A gang hacked the villagers to death in their fields.", en) is None


def test_french_beaten_to_death(fr: ClaimsLexicon) -> None:
    assert killed("Des hommes armés ont battu trois villageois à mort.", fr) == 3


# --- a victim who dies later


def test_injured_then_died_the_next_day(en: ClaimsLexicon) -> None:
    text = "A herder was stabbed by cattle thieves. He died the next day in hospital."
    claims = run(text, en)
    assert [(c.kind, c.low, c.text) for c in claims if c.kind == "killed"] == [
        ("killed", 1, "He died")]


def test_later_died_of_wounds(en: ClaimsLexicon) -> None:
    text = "A policeman was shot at a checkpoint. He later died of his wounds."
    assert killed(text, en) == 1


def test_pronoun_death_needs_a_victim_before(en: ClaimsLexicon) -> None:
    text = "The minister visited the camp on Monday. He died in 2019, his family said."
    assert killed(text, en) is None


def test_french_died_the_next_day(fr: ClaimsLexicon) -> None:
    text = "Un homme a été blessé par des hommes armés. Il est décédé le lendemain."
    assert killed(text, fr) == 1


# --- the attacker's own death


def test_bomber_who_blew_himself_up(en: ClaimsLexicon) -> None:
    text = "A suicide bomber blew himself up at the gate of the camp, killing only himself."
    claims = [c for c in run(text, en) if c.kind == "killed"]
    assert {(c.low, c.victims) for c in claims} == {(1, "attackers")}


def test_two_bombers_killing_only_themselves(en: ClaimsLexicon) -> None:
    text = "Two female suicide bombers set off their vests near a market, killing only themselves."
    assert killed(text, en) == 2


def test_bomber_added_to_the_dead_of_the_same_sentence(en: ClaimsLexicon) -> None:
    text = "A suicide bomber blew himself up in a crowded market, killing five traders."
    assert killed(text, en) == 6


def test_french_kamikaze(fr: ClaimsLexicon) -> None:
    assert killed("Un kamikaze s'est fait exploser devant la mosquée.", fr) == 1
