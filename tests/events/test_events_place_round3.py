"""Place choice helpers: holders named after their division, one-word aliases."""

from __future__ import annotations

from bilan.events.assemble import _by_own_name, _outside_holder
from bilan.events.ontology import load_ontology
from bilan.events.triggers import load_lexicon
from bilan.records import Place, PlaceMention


def _place(name: str, admin1: str, lat: float, lon: float, cc: str = "ML") -> Place:
    return Place(name, "Mali", cc, admin1, lat, lon, "city", f"test:{name}")


def test_holder_town_named_after_its_division_holds_far_town() -> None:
    lexicon = load_lexicon("en", load_ontology())
    town = _place("Kadiolo", "Sikasso", 10.55, -5.76)
    holder = _place("Sikasso", "Sikasso", 11.32, -5.67)
    far = _place("Yorosso", "Sikasso", 12.36, -4.78)
    assert not _outside_holder(far, holder, " (", lexicon)
    assert not _outside_holder(town, holder, " (", lexicon)
    other = _place("Gao", "Gao", 16.27, -0.04)
    assert _outside_holder(other, holder, " (", lexicon)


def test_one_word_alias_is_not_own_name() -> None:
    place = _place("Loja", "Loja", -4.0, -79.2, "EC")
    assert not _by_own_name(PlaceMention(0, 4, "Loka", place))
    assert _by_own_name(PlaceMention(0, 4, "loja", place))
    assert _by_own_name(PlaceMention(0, 9, "Loja City", place))
