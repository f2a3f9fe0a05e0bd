"""Round 13 events: one-line notes that told of an event the lexicon missed (shots fired,
beatings, remains found, gun battles, strikes, blocked roads, blown-up pylons, seized
vehicles), "No. 5" read as a negation, vandalism by armed men, and background told for a
vaguer earlier time in a dated note.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest
from events_testkit import ABDUCTION, ATTACK, CLASH, IED, LOOTING, MOB, PEACEFUL, VIOLENT
from events_testkit import main_kind as _main

from bilan.events.select import latest_day, main_event, told_news
from bilan.records import Event, Mention


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Two men on a motorbike opened fire outside a bakery, wounding the owner.", ATTACK),
        ("Unknown men fired several shots at the home of a local councillor.", ATTACK),
        ("A shopkeeper was assaulted by a customs officer at the border market.", ATTACK),
        ("Masked men were seen beating young people with sticks near the bus stand.", ATTACK),
        ("The remains of two men were found in a ravine outside the town.", ATTACK),
        ("A severed head was found beside the ring road.", ATTACK),
        ("Twelve farmers were taken from their fields by armed men.", ABDUCTION),
        ("A gunbattle broke out between police and a gang in the old quarter.", CLASH),
        ("Soldiers of both armies targeted each other's posts along the frontier.", CLASH),
        ("Border guards resorted to unprovoked firing on two outposts.", CLASH),
        ("A fire fight took place between the army and the separatists.", CLASH),
        ("Local villagers assaulted a grocer accused of hoarding rice.", MOB),
        ("A physical fight broke out between two councillors during the session.", MOB),
        ("Bus drivers have been striking for three days over unpaid wages.", PEACEFUL),
        ("Parents blocked the old coastal highway after a child was hit by a truck.", PEACEFUL),
        ("Tenants banged pots on their balconies against the new rent law.", PEACEFUL),
        ("The farmers' agitation turned violent near the district office.", VIOLENT),
        ("Insurgents blew up a power pylon south of the city.", IED),
        ("Gunmen seized a pick-up belonging to an aid agency.", LOOTING),
    ],
)
def test_english_note_words(text: str, kind: tuple[str, str]) -> None:
    assert _main(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Deux hommes à moto ont ouvert le feu devant une boulangerie.", ATTACK),
        ("Un commerçant a été passé à tabac par des douaniers au marché.", ATTACK),
        ("Des restes humains ont été retrouvés dans un ravin hors de la ville.", ATTACK),
        ("Des villageois ont roué de coups un homme accusé de vol.", MOB),
        ("Une rixe a éclaté entre deux groupes de jeunes au marché.", MOB),
        ("Les chauffeurs de bus sont en grève depuis trois jours.", PEACEFUL),
        ("Des parents ont bloqué la route côtière après un accident.", PEACEFUL),
        ("Des insurgés ont fait sauter un pylône électrique au sud de la ville.", IED),
        ("Des hommes armés se sont emparés de deux véhicules d'une ONG.", LOOTING),
        ("Les soldats des deux armées se sont mutuellement pris pour cibles.", CLASH),
        ("La marche des agriculteurs a dégénéré devant la préfecture.", VIOLENT),
    ],
)
def test_french_note_words(text: str, kind: tuple[str, str]) -> None:
    assert _main(text, "fr") == kind


def test_a_number_sign_is_no_negation() -> None:
    assert _main("Members of the No. 4 dock union staged a protest at the port.") == PEACEFUL


def test_no_still_negates() -> None:
    assert _main("No protest was held at the port.") is None


def test_vehicles_seized_by_the_police_are_no_looting() -> None:
    assert _main("Police seized two vehicles at a checkpoint.") is None


def test_bare_shooting_practice_is_no_attack() -> None:
    assert _main("The army held a shooting practice at the range.") is None


def test_vandalism_by_armed_men_is_property_destruction() -> None:
    assert _main("Suspected militants vandalized the village health post.") == LOOTING


def test_vandalism_by_protesters_stays_a_riot() -> None:
    assert _main("Protesters vandalized the village health post.") != LOOTING


def test_drug_dealer_shot_by_gunmen_is_a_clash() -> None:
    assert _main("A drug dealer was shot dead by armed men in the suburb.") == CLASH


def test_off_duty_soldier_shot_by_militants_is_attacked() -> None:
    assert _main("Militants shot and killed an off-duty soldier near the market.") == ATTACK


def _event(kind: tuple[str, str], start: int, date: str, precision: str = "day") -> Event:
    return Event(event_type=kind[0], sub_event_type=kind[1], date=date,
                 date_precision=precision, mentions=[Mention("t", start, start + 5, "x" * 5)])


def test_latest_day_of_a_month_and_a_week() -> None:
    assert str(latest_day(_event(VIOLENT, 0, "2021-02-01", "month"))) == "2021-02-28"
    assert str(latest_day(_event(VIOLENT, 0, "2021-02-01", "week"))) == "2021-02-07"
    assert str(latest_day(_event(VIOLENT, 0, "2021-02-01"))) == "2021-02-01"


def test_riots_of_an_earlier_month_are_background() -> None:
    protest = _event(PEACEFUL, 0, "2021-03-04")
    riots = _event(VIOLENT, 50, "2021-02-01", "month")
    assert told_news([protest, riots]) == [protest]
    assert main_event([protest, riots]) is protest


def test_an_earlier_day_is_kept() -> None:
    # the first event's day may be only the report's: an earlier day stays a candidate
    protest = _event(PEACEFUL, 0, "2021-03-04")
    riots = _event(VIOLENT, 50, "2021-03-03")
    assert main_event([protest, riots]) is riots


def test_the_same_month_is_no_background() -> None:
    protest = _event(PEACEFUL, 0, "2021-03-04")
    riots = _event(VIOLENT, 50, "2021-03-01", "month")
    assert main_event([protest, riots]) is riots
