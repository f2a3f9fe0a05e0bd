"""Non-conflict happenings: natural disasters, accidents and ordinary crime give no event and
are listed on the report's record instead (written for these tests, real kinds of news)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from events_testkit import ARRESTS, ATTACK, PEACEFUL, main_kind, period_doc

from bilan.errors import DataFileError
from bilan.events.happenings import (
    HAPPENING_KINDS,
    find_happenings,
    load_happening_patterns,
    load_happenings,
    main_happening,
)
from bilan.events.ontology import load_ontology
from bilan.events.stage import extract_events
from bilan.events.triggers import parse_lexicon
from bilan.langdata import load_language_file
from bilan.output import events_json
from bilan.pipeline import Resources
from bilan.records import Document, Happening, RunResult


def _staged(text: str, lang: str = "en") -> Document:
    doc = period_doc(text, lang)
    extract_events(doc, Resources())
    return doc


def _kinds(doc: Document) -> list[str]:
    return [h.kind for h in doc.happenings]


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        ("A magnitude 6.4 earthquake shook the province on Monday and killed 14 people.",
         "en", "natural_disaster"),
        ("Flash floods swept through three districts after two days of heavy rain.",
         "en", "natural_disaster"),
        ("A gas leak at a chemical plant killed five workers on Tuesday.",
         "en", "man_made_disaster"),
        ("Twenty-two passengers died when their bus plunged off a mountain road.",
         "en", "man_made_disaster"),
        ("Customs officers found 300 kilograms of cocaine hidden in a banana shipment.",
         "en", "crime"),
        ("Un séisme de magnitude 5,8 a fait au moins neuf morts dans le nord du pays.",
         "fr", "natural_disaster"),
        ("Un accident de la route a fait six morts samedi près de la frontière.",
         "fr", "man_made_disaster"),
        ("La police a démantelé un réseau de passeurs et saisi deux tonnes de cannabis.",
         "fr", "crime"),
    ],
)
def test_a_non_conflict_happening_gives_no_event_and_is_listed(
    text: str, lang: str, kind: str
) -> None:
    doc = _staged(text, lang)
    assert doc.events == []
    assert kind in _kinds(doc)
    assert main_happening(doc.happenings) == kind
    for h in doc.happenings:
        assert doc.text[h.start:h.end] == h.text


def test_a_gang_killing_stays_an_event() -> None:
    # ACLED codes killings by gangs and cartels: crime words do not stop violence
    assert main_kind(
        "Gunmen from a drug trafficking gang shot dead four farmers in the village on Sunday."
    ) == ATTACK


def test_a_political_arrest_stays_an_event() -> None:
    assert main_kind("Police arrested twelve opposition activists at the party office.") == ARRESTS


def test_a_protest_about_a_crime_is_a_protest_and_no_crime_story() -> None:
    doc = _staged("Hundreds of people protested in the capital against a bribery ring in the "
                  "ministry.")
    assert [(e.event_type, e.sub_event_type) for e in doc.events] == [PEACEFUL]
    assert doc.happenings == []


def test_in_a_short_report_a_crime_told_in_another_sentence_stops_a_police_action() -> None:
    text = ("Customs officers found 40,000 smuggled cigarettes in a lorry at the border. The "
            "driver was arrested on the spot.")
    assert main_kind(text) is None
    # without the smuggling, the arrest is an event
    assert main_kind("The driver of a lorry was arrested on the spot.") == ARRESTS


def test_in_a_long_report_a_crime_elsewhere_does_not_stop_an_arrest() -> None:
    filler = " ".join(
        f"The town council met for the {n} time this year to discuss the budget." for n in
        ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
    )
    text = ("Police arrested twelve opposition activists at the party office on Monday. "
            + filler + " Separately, two men robbed a bank in the city centre.")
    kinds = [(e.event_type, e.sub_event_type) for e in _staged(text).events]
    assert ARRESTS in kinds


def test_main_happening_counts_then_takes_the_first() -> None:
    hs = [Happening("crime", 50, 55, "x"), Happening("natural_disaster", 10, 15, "y"),
          Happening("crime", 80, 85, "z")]
    assert main_happening(hs) == "crime"
    assert main_happening(hs[:2]) == "natural_disaster"
    assert main_happening([]) is None


def test_the_longer_words_win_where_kinds_overlap() -> None:
    doc = period_doc("A chemical plant explosion killed three workers.", "en")
    found = find_happenings(doc, load_happenings("en"), set())
    assert [(h.kind, h.text) for h in found][:1] == [("man_made_disaster", "chemical plant")]
    assert find_happenings(doc, load_happenings("en"), {0}) == []


def test_happenings_reach_events_json() -> None:
    doc = _staged("Heavy rains caused landslides that buried two villages.")
    data = events_json(RunResult(documents=[doc], events=[], rejects=[], timeline=[]))
    listed = data["documents"][0]["non_conflict"]
    assert {h["kind"] for h in listed} == {"natural_disaster"}
    for h in listed:
        assert doc.text[h["start"]:h["end"]] == h["text"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_language_has_every_kind(lang: str) -> None:
    patterns = load_happening_patterns(lang)
    assert set(patterns) == set(HAPPENING_KINDS)
    assert all(patterns.values())


def _events_data(lang: str) -> dict[str, Any]:
    return load_language_file(lang, "events.yaml")


def test_a_blocker_naming_an_unknown_happening_kind_fails_at_load() -> None:
    data = _events_data("en")
    data["blockers"] = [{"name": "x", "sentence": True, "happenings": ["volcanoes"]}]
    with pytest.raises(DataFileError, match="unknown happening kind"):
        parse_lexicon("en", data, load_ontology(), load_happening_patterns("en"))


def test_a_blocker_only_for_an_unknown_type_fails_at_load() -> None:
    data = _events_data("en")
    data["blockers"] = [{"name": "x", "sentence": True, "patterns": ["y"], "only": [["Sport"]]}]
    with pytest.raises(DataFileError, match="unknown event type"):
        parse_lexicon("en", data, load_ontology(), load_happening_patterns("en"))


def test_an_unknown_kind_in_the_data_file_fails_at_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bilan.events.happenings as happenings

    def fake(lang: str, name: str, schema: Any) -> dict[str, Any]:
        return {kind: ["x"] for kind in (*HAPPENING_KINDS, "sports")}

    monkeypatch.setattr(happenings, "load_language_file", fake)
    with pytest.raises(DataFileError, match="unknown kind"):
        happenings.load_happening_patterns("en")


def test_the_report_page_lists_the_happening() -> None:
    from bilan.report.render import render_report

    doc = _staged("Heavy rains caused landslides that buried two villages.")
    data = events_json(RunResult(documents=[doc], events=[], rejects=[], timeline=[]))
    page = render_report(data, {doc.id: doc}, [], [])
    assert "natural disaster: “landslides”" in page


@pytest.mark.parametrize(
    ("political", "ordinary", "lang"),
    [
        ("A judge opened a fraud investigation against two former ministers.",
         "A judge opened a fraud investigation against two car dealers.", "en"),
        ("Un juge a ouvert une enquête pour fraude visant deux anciens ministres.",
         "Un juge a ouvert une enquête pour fraude visant deux garagistes.", "fr"),
    ],
)
def test_an_inquiry_into_officials_is_politics_not_ordinary_crime(
    political: str, ordinary: str, lang: str
) -> None:
    assert main_kind(political, lang) == ("Diplomacy", "Investigation")
    assert main_kind(ordinary, lang) is None
    assert main_happening(_staged(ordinary, lang).happenings) == "crime"
