"""Round 12 events: armed men who march and beat people, attacks at a rally, arrests with
beatings, shooting and beating civilians told with a bare verb.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from events_testkit import ARRESTS, ATTACK, PEACEFUL
from events_testkit import main_kind as _main


def test_soldiers_who_march_and_beat_people_attack_them() -> None:
    assert _main("Armed soldiers marched into the market and beat traders with sticks.") == ATTACK


def test_soldiers_marching_for_their_pay_protest() -> None:
    assert _main("Soldiers marched through the capital to demand unpaid salaries.") == PEACEFUL


def test_people_attacked_at_a_rally_are_attacked() -> None:
    assert _main("Party youths attacked two journalists at a rally in the northern town.") == ATTACK


def test_a_rally_alone_stays_a_protest() -> None:
    assert _main("Opposition supporters held a rally in the northern town.") == PEACEFUL


def test_arrested_and_beaten_is_an_attack() -> None:
    assert _main("Police arrested and beat a teacher accused of insulting the governor.") == ATTACK


def test_plain_arrest_stays_an_arrest() -> None:
    assert _main("Police arrested five suspects in a search of a hideout.") == ARRESTS


def test_bare_beating_of_a_person_is_an_attack() -> None:
    assert _main("Men in uniform beat a shopkeeper after a dispute over payment.") == ATTACK


def test_headline_fire_on_villagers_is_an_attack() -> None:
    assert _main("Bandits fire on villagers near the river.") == ATTACK


def test_french_soldiers_who_parade_and_beat_people() -> None:
    text = "Des soldats ont défilé dans le quartier et ont battu des habitants."
    assert _main(text, "fr") == ATTACK


def test_french_attack_at_a_meeting() -> None:
    text = "Des militants ont attaqué des journalistes lors d'un meeting à Bouaké."
    assert _main(text, "fr") == ATTACK


def test_french_arrested_and_tortured() -> None:
    text = "Les policiers ont arrêté et torturé un enseignant accusé d'espionnage."
    assert _main(text, "fr") == ATTACK


def test_french_fire_on_villagers() -> None:
    assert _main("Des hommes armés ont tiré sur des villageois près du fleuve.", "fr") == ATTACK
