"""Round 5: second-level divisions, loose transliterations, country cues and alternate
names that must not set a report's country (sentences written for these tests)."""

from __future__ import annotations

from bilan.places.gazetteer import Gazetteer
from bilan.places.normalise import loose, name_key, strip_marks
from bilan.places.toponyms import event_place, resolve_text


def _where(gaz: Gazetteer, text: str) -> tuple[str, str] | None:
    best = event_place(resolve_text(gaz, text))
    return None if best is None else (best.place.country_code, best.place.gazetteer_id)


def test_second_level_division_resolves(gaz: Gazetteer) -> None:
    found = _where(gaz, "Soldiers searched villages in Karbi Anglong district after the ambush.")
    assert found is not None
    assert found[0] == "IN" and found[1].startswith("admin2:IN:")


def test_loose_spelling_classes() -> None:
    assert loose(name_key("Laxmipur")) == loose(name_key("Lakshmipur"))
    assert loose(name_key("Birganj")) == loose(name_key("Birgunj"))
    assert loose(name_key("Kengtung")) == loose(name_key("Keng Tung"))
    assert loose(name_key("Dehradoon")) == loose(name_key("Dehradun"))
    assert loose(name_key("Sheikhupura")) == loose(name_key("Sheikhupur"))
    assert loose(name_key("Chatara")) != loose(name_key("Satara"))  # "sh" is not "s"
    assert loose(name_key("Kota")) == ""  # too short to be safe


def test_variant_spelling_resolves_inside_the_named_country(gaz: Gazetteer) -> None:
    ms = resolve_text(gaz, "Two men were hurt in a clash in Laxmipur town of Bangladesh.")
    assert [m.place.country_code for m in ms if m.text == "Laxmipur"] == ["BD"]
    ms = resolve_text(gaz, "Residents of Kengtung in Shan State rallied for peace.")
    assert [m.place.country_code for m in ms if m.text == "Kengtung"] == ["MM"]


def test_loose_spelling_needs_the_country_named_elsewhere(gaz: Gazetteer) -> None:
    # the loose reading lies in Bangladesh, the report is about India: no reading
    ms = resolve_text(gaz, "Two men were hurt in Laxmipur, a village of Bihar in India.")
    assert not [m for m in ms if m.text == "Laxmipur" and m.place.country_code == "BD"]


def test_combining_marks_do_not_split_names() -> None:
    assert strip_marks("Ki\u0307\u0304rtipur") == "Kirtipur"
    assert name_key("Ki\u0307\u0304rtipur") == "kirtipur"


def test_alternate_name_does_not_outvote_the_country_named(gaz: Gazetteer) -> None:
    # "October" is an alternate name of an Egyptian city: it must not win over Assam
    text = "In October, villagers in Nalbari in Assam blocked the road for a day."
    assert not [m for m in resolve_text(gaz, text) if m.place.country_code == "EG"]
    found = _where(gaz, text)
    assert found is not None and found[0] == "IN"


def test_unit_word_names_the_country(gaz: Gazetteer) -> None:
    # Mirzapur: a city in India, a smaller town in Bangladesh; "upazila" is Bangladeshi
    found = _where(gaz, "A shop was torched in Mirzapur on Friday.")
    assert found is not None and found[0] == "IN"
    found = _where(gaz, "A shop was torched in Mirzapur upazila on Friday.")
    assert found is not None and found[0] == "BD"


def test_division_named_picks_the_homonym(gaz: Gazetteer) -> None:
    found = _where(gaz, "Traders protested in Hyderabad, Sindh, against higher taxes.")
    assert found is not None and found[0] == "PK"
