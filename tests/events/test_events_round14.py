"""Round 14 events: riot police read as a riot, an editor's filing line, plans ("determined
to"), background told for a long earlier stretch, heavy weapons named as the means of a
clash, a rally attacked by partisans, and talks refused.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest
from events_testkit import AIR, CLASH, MEETING, MOB, SHELLING
from events_testkit import kinds as _kinds


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # riot police sent somewhere is no riot
        ("Riot police in helmets stood outside the stadium this morning.", "en"),
        ("Des unités de police anti-émeute ont quitté la capitale ce matin.", "fr"),
        # the editor's line filing a post in a series
        ("This post is part of our special coverage of the protests in the north.", "en"),
        ("Ce billet fait partie de notre dossier sur les manifestations dans le nord.", "fr"),
        # long stretches before the news are its background
        ("Police in the port have in the past several months put down student protests.", "en"),
        ("Ces derniers mois, la police du port a réprimé les manifestations d'étudiants.", "fr"),
        ("They were helped by air strikes that began in March against the loyalists.", "en"),
        # a plan is not an event
        ("The opposition is determined to march again on Saturday in the capital.", "en"),
        ("L'opposition est déterminée à manifester de nouveau samedi dans la capitale.", "fr"),
    ],
)
def test_no_event(text: str, lang: str) -> None:
    assert _kinds(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hundreds of rioters set fire to a bank in the old town on Monday.", "en"),
        ("De violentes émeutes ont éclaté lundi dans la vieille ville.", "fr"),
    ],
)
def test_riots_still_found(text: str, lang: str) -> None:
    assert ("Riots", "Violent demonstration") in _kinds(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("After a day of heavy fighting with artillery and mortars, rebels held the town.", "en"),
        ("Troops backed by tanks and artillery stormed the rebel-held town on Monday.", "en"),
        ("Soldiers backed by tanks and helicopters attacked rebel positions near the port.", "en"),
        ("Des combats avec des chars et de l'artillerie ont eu lieu dans la ville lundi.", "fr"),
        (
            "Les soldats, appuyés par des chars et des hélicoptères, ont attaqué les "
            "positions rebelles.",
            "fr",
        ),
    ],
)
def test_heavy_weapons_as_means_of_a_clash(text: str, lang: str) -> None:
    kinds = _kinds(text, lang)
    assert CLASH in kinds
    assert SHELLING not in kinds and AIR not in kinds


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        ("Rockets hit the town on Monday, a day after fighting with loyalist troops ended.",
         "en", SHELLING),
        ("Warplanes struck rebel positions near the port on Monday.", "en", AIR),
        ("Des obus de mortier sont tombés sur le quartier lundi.", "fr", SHELLING),
    ],
)
def test_remote_attacks_stay_remote(text: str, lang: str, kind: tuple[str, str]) -> None:
    assert kind in _kinds(text, lang)


def test_street_clash_between_political_camps_stays_a_riot() -> None:
    text = "Des affrontements entre partisans et opposants du président ont fait deux morts."
    assert _kinds(text, "fr") == [MOB]


def test_rally_attacked_by_partisans_is_mob_violence_once() -> None:
    text = (
        "Des partisans du pouvoir ont attaqué un rassemblement d'étudiants avec des bâtons, "
        "faisant trois blessés."
    )
    assert _kinds(text, "fr") == [MOB]


def test_rally_charged_by_police_is_not_mob_violence() -> None:
    text = "La police a attaqué un rassemblement d'étudiants avec des gaz lacrymogènes."
    assert MOB not in _kinds(text, "fr")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The rebels rejected any talks with the ruler, their spokesman said.", "en"),
        ("Le conseil a rejeté toute négociation avec le dirigeant.", "fr"),
    ],
)
def test_refused_talks_are_no_meeting(text: str, lang: str) -> None:
    assert MEETING not in _kinds(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The two sides held talks in the capital on Monday.", "en"),
        ("Des négociations ont eu lieu lundi à Genève entre les deux camps.", "fr"),
    ],
)
def test_talks_held_are_a_meeting(text: str, lang: str) -> None:
    assert MEETING in _kinds(text, lang)
