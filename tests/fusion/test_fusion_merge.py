from __future__ import annotations

from bilan.fusion.merge import fuse_events, reconcile_fatalities
from bilan.records import Claim, Event, Mention, Place

ALEPPO = Place("Aleppo", "Syria", "SY", "Aleppo", 36.2, 37.16, "city", "geonames:170063")
DISTRICT = Place("Sukkari", "Syria", "SY", "Aleppo", 36.18, 37.15, "district", "bilan:x", "Aleppo")
HOMS = Place("Homs", "Syria", "SY", "Homs", 34.73, 36.72, "city", "geonames:169577")


def _claim(doc: str, low: int, high: int | None, who: str | None, q: str = "exact") -> Claim:
    return Claim("killed", low, high, q, "people", who, doc, 0, 5, "xxxxx")


def _event(doc: str, place: Place | None, date: str = "2016-09-23", *claims: Claim) -> Event:
    return Event(
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        date=date,
        location=place,
        claims=list(claims),
        mentions=[Mention(doc, 10, 20, "y" * 10)],
        documents=[doc],
    )


def test_reconcile_contract_example() -> None:
    claims = [
        _claim("d", 27, 27, "Syrian Observatory for Human Rights"),
        _claim("d", 70, None, "White Helmets", "more_than"),
        _claim("d", 91, 91, "Hamza al Khatib"),
        _claim("d", 20, 99, None, "tens"),
    ]
    assert reconcile_fatalities(claims) == {"low": 27, "best": 70, "high": 91}


def test_reconcile_vague_only_and_none() -> None:
    assert reconcile_fatalities([_claim("d", 20, 99, None, "tens")]) == {
        "low": 20, "best": 20, "high": 99}
    assert reconcile_fatalities([]) == {"low": None, "best": None, "high": None}


def test_fuse_same_strike_across_reports() -> None:
    a = _event("a.txt", ALEPPO, "2016-09-23", _claim("a.txt", 27, 27, "SOHR"))
    b = _event("b.txt", DISTRICT, "2016-09-23", _claim("b.txt", 91, 91, "hospital"))
    c = _event("c.txt", HOMS, "2016-09-23")
    d = _event("d.txt", ALEPPO, "2016-09-24")
    fused = fuse_events([a, b, c, d])
    assert len(fused) == 3
    merged = next(e for e in fused if len(e.documents) == 2)
    assert merged.documents == ["a.txt", "b.txt"]
    assert merged.location == DISTRICT  # the most specific place
    assert merged.fatalities == {"low": 27, "best": 27, "high": 91}
    assert len({e.id for e in fused}) == 3


def test_ids_are_stable() -> None:
    first = [e.id for e in fuse_events([_event("a.txt", ALEPPO), _event("b.txt", HOMS)])]
    second = [e.id for e in fuse_events([_event("a.txt", ALEPPO), _event("b.txt", HOMS)])]
    assert first == second


def test_strike_on_a_hospital_does_not_merge_with_the_town_strikes() -> None:
    town = _event("a.txt", ALEPPO)
    hospital = _event("b.txt", ALEPPO)
    hospital.target = "hospital"
    other_report = _event("c.txt", ALEPPO)
    other_report.target = "market"  # not a distinct target: still the town's strikes
    fused = fuse_events([town, hospital, other_report])
    assert len(fused) == 2
    assert sorted(len(e.documents) for e in fused) == [1, 2]


def test_unlocated_event_joins_the_located_one_of_its_report() -> None:
    from bilan.fusion.merge import fuse_events

    located = _event("a.txt", ALEPPO)
    unlocated = _event("a.txt", None)
    unlocated.mentions = [Mention("a.txt", 40, 50, "z" * 10)]
    assert len(fuse_events([located, unlocated])) == 1
    # from another report, with no parties in common: kept apart
    other = _event("b.txt", None)
    assert len(fuse_events([located, other])) == 2
    # two located candidates: ambiguous, kept apart
    homs = _event("a.txt", HOMS)
    homs.mentions = [Mention("a.txt", 60, 70, "w" * 10)]
    assert len(fuse_events([located, homs, unlocated])) == 3


def test_unlocated_event_from_another_report_joins_when_the_parties_agree() -> None:
    from bilan.fusion.merge import fuse_events

    located = _event("a.txt", ALEPPO)
    located.actor1, located.actor2 = "Military Forces of Syria", "Rebel groups"
    other = _event("b.txt", None)
    other.actor1, other.actor2 = "Military Forces of Syria", "Rebel groups"
    assert len(fuse_events([located, other])) == 1
