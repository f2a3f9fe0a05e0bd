"""Reconciled tolls: distinct groups of dead named in one sentence add up."""

from __future__ import annotations

from bilan.fusion.merge import reconcile_fatalities
from bilan.records import Claim


def _claim(low: int, victims: str, sentence: int, claimant: str | None = None,
           high: int | None = -1) -> Claim:
    return Claim(kind="killed", low=low, high=low if high == -1 else high, qualifier="exact",
                 victims=victims, claimant=claimant, document="d.txt", start=0, end=1,
                 text="x", sentence=sentence)


def test_two_groups_in_one_sentence_add_up() -> None:
    got = reconcile_fatalities([_claim(10, "militants", 2), _claim(4, "soldiers", 2)])
    assert got == {"low": 14, "best": 14, "high": 14}


def test_groups_in_different_sentences_do_not_add_up() -> None:
    got = reconcile_fatalities([_claim(10, "militants", 2), _claim(4, "soldiers", 3)])
    assert got == {"low": 10, "best": 10, "high": 10}


def test_different_claimants_are_not_added() -> None:
    got = reconcile_fatalities([_claim(27, "people", 1, "SOHR"),
                                _claim(70, "civilians", 1, "White Helmets", high=None)])
    assert got == {"low": 27, "best": 27, "high": 70}


def test_same_group_twice_is_not_added() -> None:
    got = reconcile_fatalities([_claim(5, "soldiers", 1), _claim(3, "soldiers", 1)])
    assert got == {"low": 5, "best": 5, "high": 5}
