"""The scorer (eval/score.py) on tiny hand-made gold/prediction pairs (our own sentences)."""

from __future__ import annotations

import copy
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

EVAL = Path(__file__).resolve().parents[2] / "eval"


def _load(name: str, file: str) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, EVAL / file)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


score = _load("bilan_eval_score", "score.py")

DOC = "douma.txt"
TEXT = (
    "BEYROUTH, 3 mars (Reuters) - Des frappes aériennes ont tué au moins 12 civils mardi à "
    "Douma, selon l’Observatoire  syrien des droits de l'homme. Les secouristes ont parlé "
    "de 15 morts.\nLa veille, des tirs d'obus avaient touché Harasta sans faire de victimes. "
    "Un porte-parole a annoncé une réunion à Genève jeudi. Le conflit a fait plus de "
    "300.000 morts depuis 2011."
)
TEXTS = {DOC: TEXT}

E1_QUOTE = "Des frappes aériennes ont tué au moins 12 civils mardi à Douma"
E2_QUOTE = "des tirs d'obus avaient touché Harasta"
E3_QUOTE = "annoncé une réunion à Genève jeudi"
NOT_EVENT = "Le conflit a fait plus de 300.000 morts depuis 2011"


def gold() -> dict[str, Any]:
    return {
        "documents": [{"doc": DOC, "publication_date": "2020-03-03"}],
        "events": [
            {
                "id": "E1",
                "status": "core",
                "background": False,
                "cumulative": False,
                "date": "2020-03-03",
                "location": "Douma",
                "location_mentions": ["Douma"],
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Air/drone strike",
                "fatality_claims": [
                    {
                        "count_low": 12,
                        "count_high": None,
                        "qualifier": "at_least",
                        "claimant": "Syrian Observatory for Human Rights (SOHR/OSDH)",
                        "doc": DOC,
                        "quote": "au moins 12 civils",
                    },
                    {
                        "count_low": 15,
                        "count_high": 15,
                        "qualifier": "exact",
                        "claimant": "rescuers (civil defence)",
                        "doc": DOC,
                        "quote": "Les secouristes ont parlé de 15 morts",
                    },
                ],
                "injury_claims": [],
                "other_quantities": [],
                "mentions": [{"doc": DOC, "quote": E1_QUOTE, "mention_type": "direct"}],
            },
            {
                "id": "E2",
                "status": "optional",
                "background": False,
                "cumulative": False,
                "date": "2020-03-02",
                "location": "Harasta",
                "location_mentions": ["Harasta"],
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Shelling/artillery/missile attack",
                "fatality_claims": [],
                "injury_claims": [],
                "other_quantities": [],
                "mentions": [{"doc": DOC, "quote": E2_QUOTE, "mention_type": "direct"}],
            },
            {
                "id": "E3",
                "status": "core",
                "background": True,
                "cumulative": False,
                "date": "2020-03-05",
                "location": "Geneva",
                "location_mentions": ["Genève"],
                "event_type": "Diplomacy",
                "sub_event_type": "Meeting",
                "fatality_claims": [],
                "injury_claims": [],
                "other_quantities": [],
                "mentions": [{"doc": DOC, "quote": E3_QUOTE, "mention_type": "prospective"}],
            },
        ],
        "not_events": [{"doc": DOC, "quote": NOT_EVENT, "why_not": "war-wide total"}],
    }


def span(quote: str) -> dict[str, Any]:
    start = TEXT.index(quote)
    return {"document": DOC, "start": start, "end": start + len(quote), "text": quote}


def claim(quote: str, low: int, high: int | None, claimant: str | None) -> dict[str, Any]:
    return {"kind": "killed", "low": low, "high": high, "claimant": claimant, **span(quote)}


def perfect() -> dict[str, Any]:
    return {
        "documents": [{"id": DOC, "publication_date": "2020-03-03"}],
        "events": [
            {
                "event_type": "Explosions/Remote violence",
                "date": "2020-03-03",
                "location": {"name": "Douma"},
                "mentions": [span(E1_QUOTE)],
                "claims": [
                    claim(
                        "au moins 12 civils", 12, None, "Observatoire syrien des droits de l'homme"
                    ),
                    claim("Les secouristes ont parlé de 15 morts", 15, 15, "les secouristes"),
                ],
            },
            {
                "event_type": "Diplomacy",
                "date": "2020-03-05",
                "location": {"name": "Geneva"},
                "mentions": [span(E3_QUOTE)],
                "claims": [],
            },
        ],
    }


def run(pred: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = score.score(gold(), pred, TEXTS)
    return result


def test_perfect_prediction_scores_one() -> None:
    result = run(perfect())
    summary = result["summary"]
    for key in (
        "pubdate_acc",
        "events_f1",
        "typed_events_f1",
        "dated_events_f1",
        "located_events_f1",
        "claims_f1",
        "claims_numbers_f1",
    ):
        assert summary[key] == 1.0, key
    assert result["diagnostics"]["predicted_offset_errors"] == 0
    assert result["diagnostics"]["unlocated_gold_quotes"] == []


def test_missed_event_lowers_recall_only() -> None:
    pred = perfect()
    del pred["events"][1]
    events = run(pred)["events"]["all"]
    assert (events["tp"], events["fp"], events["fn"]) == (1, 0, 1)
    assert events["precision"] == 1.0 and events["recall"] == 0.5
    # the missed event is background: neutral in the no_background variant
    nobg = run(pred)["events"]["no_background"]
    assert (nobg["tp"], nobg["fn"]) == (1, 0)


def test_false_positive_event_on_a_war_wide_total() -> None:
    pred = perfect()
    pred["events"].append(
        {"event_type": "Battles", "date": "2011-01-01", "mentions": [span(NOT_EVENT)], "claims": []}
    )
    result = run(pred)
    assert result["events"]["all"]["fp"] == 1
    assert result["events"]["fp_on_not_events"] == 1
    assert result["summary"]["events_f1"] < 1.0


def test_duplicate_prediction_of_one_event_is_a_false_positive() -> None:
    pred = perfect()
    pred["events"].append(copy.deepcopy(pred["events"][0]) | {"claims": []})
    events = run(pred)["events"]["all"]
    assert (events["tp"], events["fp"], events["fn"]) == (2, 1, 0)


def test_wrong_type_and_date_count_in_typed_and_dated_scores() -> None:
    pred = perfect()
    pred["events"][0]["event_type"] = "Battles"
    pred["events"][0]["date"] = "2020-03-02"
    result = run(pred)
    assert result["summary"]["events_f1"] == 1.0
    assert result["summary"]["typed_events_f1"] == 0.5  # 1 tp, 1 fp, 1 fn
    assert result["summary"]["dated_events_f1"] == 0.5
    assert result["events"]["type_accuracy"] == 0.5


def test_claimant_mismatch_counts_only_in_the_claimant_score() -> None:
    pred = perfect()
    pred["events"][0]["claims"][0]["claimant"] = "Ministry of Health"
    claims = run(pred)["claims"]
    assert (claims["claims"]["tp"], claims["claims"]["fp"], claims["claims"]["fn"]) == (1, 1, 1)
    assert claims["numbers"]["f1"] == 1.0


def test_unattributed_prediction_does_not_match_an_attributed_gold_claim() -> None:
    pred = perfect()
    pred["events"][0]["claims"][1]["claimant"] = None
    assert run(pred)["claims"]["claims"]["tp"] == 1


def test_open_ended_and_exact_numbers_differ() -> None:
    pred = perfect()
    pred["events"][0]["claims"][0]["high"] = 12  # "au moins 12" read as exactly 12
    claims = run(pred)["claims"]
    assert claims["numbers"]["tp"] == 1 and claims["numbers"]["fn"] == 1


def test_optional_event_is_neutral_matched_or_not() -> None:
    with_optional = perfect()
    with_optional["events"].append(
        {"event_type": "Explosions/Remote violence", "mentions": [span(E2_QUOTE)], "claims": []}
    )
    matched = run(with_optional)["events"]["all"]
    unmatched = run(perfect())["events"]["all"]
    assert (matched["tp"], matched["fp"], matched["fn"], matched["neutral"]) == (2, 0, 0, 1)
    assert (unmatched["tp"], unmatched["fp"], unmatched["fn"]) == (2, 0, 0)


def test_cumulative_claim_on_a_not_event_is_neutral() -> None:
    pred = perfect()
    war = claim("plus de 300.000 morts", 300000, None, None) | {"cumulative": True}
    pred["events"][0]["claims"].append(war)
    assert run(pred)["claims"]["claims"]["fp"] == 0
    war["cumulative"] = False
    assert run(pred)["claims"]["claims"]["fp"] == 1


def test_publication_date_wrong_or_missing() -> None:
    pred = perfect()
    pred["documents"][0]["publication_date"] = "2022-03-01"
    assert run(pred)["publication_date"]["accuracy"] == 0.0
    pred["documents"] = []
    pub = run(pred)["publication_date"]
    assert pub["accuracy"] == 0.0 and pub["missing"] == [DOC]


def test_document_ids_match_by_file_name() -> None:
    pred = perfect()
    pred["documents"][0]["id"] = "corpus/douma.txt"
    for ev in pred["events"]:
        for item in ev["mentions"] + ev["claims"]:
            item["document"] = "corpus/douma.txt"
    assert run(pred)["summary"]["events_f1"] == 1.0


def test_offset_errors_are_counted() -> None:
    pred = perfect()
    pred["events"][0]["mentions"][0]["start"] += 1
    assert run(pred)["diagnostics"]["predicted_offset_errors"] == 1


def test_quote_normalisation_finds_curly_quotes_and_extra_spaces() -> None:
    quote = "selon l'Observatoire syrien"  # straight apostrophe, single space
    spans = score.locate(TEXT, quote)
    assert len(spans) == 1
    start, end = spans[0]
    assert TEXT[start:end] == "selon l’Observatoire  syrien"
    assert score.locate(TEXT, "absent de ce texte") == []


def test_gold_quote_with_normalised_characters_still_matches() -> None:
    data = gold()
    data["events"][0]["fatality_claims"][0]["quote"] = "selon l'Observatoire syrien"
    result = score.score(data, perfect(), TEXTS)
    assert result["diagnostics"]["unlocated_gold_quotes"] == []


@pytest.mark.parametrize(
    ("gold_claimant", "predicted", "agree"),
    [
        (
            "Syrian Observatory for Human Rights (SOHR/OSDH)",
            "Syrian Observatory for Human Rights",
            True,
        ),
        ("Syrian Observatory for Human Rights (SOHR/OSDH)", "l'OSDH", True),
        ("White Helmets / Syrian Civil Defence (Ammar al Selmo)", "White Helmets", True),
        ("White Helmets / Syrian Civil Defence (Ammar al Selmo)", "les Casques blancs", True),
        ("Libyan government", "Government of Libya (spokesman Moussa Ibrahim)", True),
        ("Military Forces of Syria (Syrian army)", "l'armée syrienne", True),
        ("AFP correspondent", "un correspondant de l'AFP", True),
        ("the article (no attribution)", None, True),
        ("the article (no attribution; AFP lead)", "", True),
        ("the article (no attribution)", "SOHR", False),
        ("Hospital director Hamza al Khatib", None, False),
        ("Military Forces of Syria", "Military Forces of Russia", False),
        ("Ministry of Health (Egypt)", "Interior Ministry (Egypt)", False),
        ("Human Rights Watch", "Amnesty International", False),
    ],
)
def test_claimant_rule(gold_claimant: str, predicted: str | None, agree: bool) -> None:
    assert score.claimants_agree(gold_claimant, predicted) is agree


@pytest.mark.parametrize(
    ("predicted", "gold_location", "mentions", "agree"),
    [
        ("Aleppo", "Aleppo", ["Alep"], True),
        ("Misrata", "Misrata", ["Misratah"], True),
        ("Al Bayda", "Al-Bayda", ["Al-Baïda"], True),
        ("Cairo", "Cairo - Moqattam (Muslim Brotherhood headquarters)", [], True),
        ("Benghazi", "Tripoli", ["Tripoli"], False),
        (None, "Tripoli", [], False),
    ],
)
def test_location_rule(
    predicted: str | None, gold_location: str, mentions: list[str], agree: bool
) -> None:
    assert score.location_agrees(predicted, gold_location, mentions) is agree


def test_table_mentions_every_headline_metric() -> None:
    table = score.format_table(run(perfect()))
    for label in ("publication date", "events (core", "claims (numbers + claimant)", "typed"):
        assert label in table
