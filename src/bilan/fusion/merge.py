"""Merging reports of the same real-world event, and reconciling conflicting figures.

Two events (from the same or different reports) are one when they have the same type and
sub-type, the same day, and compatible places (the same city, a district inside that city,
or one of them located only at country level in the same country). Conflicting figures
stay as separate claims; :func:`reconcile_fatalities` summarises them as low/best/high.
"""

from __future__ import annotations

import hashlib
import statistics
from collections.abc import Iterable, Sequence

from bilan.records import Claim, Event, Mention, Place

# Qualifiers whose figure is a vague order of magnitude, not a count someone gave.
VAGUE_QUALIFIERS = frozenset(
    {"tens", "dozens", "hundreds", "thousands", "several", "unspecified_plural", "many"}
)
# targets that make a strike its own event
DISTINCT_TARGETS = frozenset({"aid convoy", "hospital", "school", "rescuers' centre"})
_PRECISION_RANK = {"district": 0, "city": 1, "admin1": 2, "region": 2, "country": 3}


def city_key(place: Place | None) -> str | None:
    """The city an event happened in (a district counts as its city)."""
    if place is None:
        return None
    if place.precision == "district" and place.parent:
        return f"{place.country_code}:{place.parent}"
    return f"{place.country_code}:{place.name}"


def places_compatible(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if city_key(a) == city_key(b):
        return True
    coarse = {"country", "admin1", "region"}
    if a.precision in coarse or b.precision in coarse:
        if a.country_code != b.country_code:
            return False
        if a.precision == "country" or b.precision == "country":
            return True
        return a.admin1 is not None and a.admin1 == b.admin1
    return False


def distinct_target(target: str | None) -> str | None:
    """The target when it makes an attack its own event (a hospital, a school, an aid
    convoy, a rescuers' centre), else None."""
    return target if target in DISTINCT_TARGETS else None


def same_event(a: Event, b: Event) -> bool:
    if (a.event_type, a.sub_event_type) != (b.event_type, b.sub_event_type):
        return False
    if a.date is None or a.date != b.date or a.date_end != b.date_end:
        return False
    if not places_compatible(a.location, b.location):
        return False
    if distinct_target(a.target) != distinct_target(b.target):
        return False  # the strike on a hospital is not the shelling of the town around it
    # two meetings or statements on one day in one city are one only if the same party acts
    return not (a.event_type == "Diplomacy" and a.actor1 and b.actor1 and a.actor1 != b.actor1)


def _most_specific(places: Iterable[Place | None]) -> Place | None:
    located = [p for p in places if p is not None]
    if not located:
        return None
    return min(located, key=lambda p: _PRECISION_RANK.get(p.precision, 9))


def _first(values: Iterable[str | None]) -> str | None:
    counts: dict[str, int] = {}
    for v in values:
        if v:
            counts[v] = counts.get(v, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda v: counts[v])  # most frequent; first seen wins ties


def _located(group: Sequence[Event]) -> bool:
    return any(e.location is not None for e in group)


def _actors_agree(a: Sequence[Event], b: Sequence[Event]) -> bool:
    """Both groups name the same two parties (actor1 and actor2, both given)."""
    pairs_a = {(e.actor1, e.actor2) for e in a if e.actor1 and e.actor2}
    pairs_b = {(e.actor1, e.actor2) for e in b if e.actor1 and e.actor2}
    return bool(pairs_a & pairs_b)


def _join_unlocated(groups: list[list[Event]], order: list[list[Event]]) -> None:
    """An event no report places joins the one located event of its kind and day that the
    same report tells of (a report names the place once and not again); across reports
    only when both name the same two parties. Ambiguous cases stay apart."""
    for group in [g for g in groups if not _located(g)]:
        docs = {d for e in group for d in e.documents}
        located = [g for g in groups if g is not group and _located(g)]
        if any(distinct_target(e.target) for e in group):
            continue
        same_doc = [
            g for g in located if docs & {d for e in g for d in e.documents}
        ]
        candidates = same_doc or [g for g in located if _actors_agree(group, g)]
        if len(candidates) != 1:
            continue
        target = candidates[0]
        if any(distinct_target(e.target) for e in target):
            continue
        target.extend(group)
        group.clear()
    groups[:] = [g for g in groups if g]
    order[:] = [g for g in order if g]


def merge_events(events: Sequence[Event]) -> Event:
    """One event from several reports of it."""
    base = events[0]
    claims: dict[tuple[str, int, int, str], Claim] = {}
    mentions: dict[tuple[str, int, int], Mention] = {}
    for ev in events:
        for c in ev.claims:
            claims.setdefault((c.document, c.start, c.end, c.kind), c)
        for m in ev.mentions:
            mentions.setdefault((m.document, m.start, m.end), m)
    merged = Event(
        event_type=base.event_type,
        sub_event_type=base.sub_event_type,
        date=base.date,
        date_end=base.date_end,
        date_precision=base.date_precision,
        location=_most_specific(e.location for e in events),
        actor1=_first(e.actor1 for e in events),
        actor2=_first(e.actor2 for e in events),
        assoc_actor_1=sorted({a for e in events for a in e.assoc_actor_1}),
        assoc_actor_2=sorted({a for e in events for a in e.assoc_actor_2}),
        target=_first(e.target for e in events),
        plover=base.plover,
        trigger=base.trigger,
        claims=sorted(claims.values(), key=lambda c: (c.document, c.start, c.end, c.kind)),
        mentions=sorted(mentions.values(), key=lambda m: (m.document, m.start, m.end)),
        documents=sorted({d for e in events for d in e.documents}),
        notes=base.notes,
    )
    return merged


def fuse_events(events: Sequence[Event]) -> list[Event]:
    """Merge events that are the same happening; give each a stable id and reconciled tolls."""
    # Only events of the same type on the same day can be one: bucket first, then compare.
    buckets: dict[tuple[str, str, str | None, str | None], list[list[Event]]] = {}
    order: list[list[Event]] = []
    for ev in events:
        groups = buckets.setdefault((ev.event_type, ev.sub_event_type, ev.date, ev.date_end), [])
        for group in groups:
            if any(same_event(ev, other) for other in group):
                group.append(ev)
                break
        else:
            groups.append([ev])
            order.append(groups[-1])
    for groups in buckets.values():
        _join_unlocated(groups, order)
    fused = [merge_events(g) for g in order]
    used: set[str] = set()
    for ev in fused:
        ev.fatalities = reconcile_fatalities(ev.claims)
        ev.id = _stable_id(ev, used)
    fused.sort(key=lambda e: (e.date or "9999", e.id))
    return fused


def _stable_id(ev: Event, used: set[str]) -> str:
    first = ev.mentions[0] if ev.mentions else None
    anchor = f"{first.document}:{first.start}:{first.end}" if first else ev.notes
    place = ev.location.gazetteer_id if ev.location else ""
    key = "|".join([ev.date or "", ev.event_type, ev.sub_event_type, place, anchor])
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
    n = 12
    while digest[:n] in used:
        n += 2
    used.add(digest[:n])
    return f"ev-{digest[:n]}"


def _sentence_totals(claims: Sequence[Claim]) -> list[tuple[int, int, str]]:
    """(low, high, claimant key) per figure, the figures one claimant gives in one sentence
    for distinct groups of dead added up ("4 police and 39 civilians killed": 43). The
    claims stage already leaves out a part named after its whole ("12 dead, including 5
    children"), so distinct groups in one sentence are distinct people."""
    groups: dict[tuple[str, str, int], list[Claim]] = {}
    out: list[tuple[int, int, str]] = []
    for c in claims:
        key = c.claimant or f"(report {c.document})"
        groups.setdefault((key, c.document, c.sentence), []).append(c)
    for (key, _doc, sentence), cs in groups.items():
        victims = [c.victims for c in cs]
        if sentence >= 0 and len(cs) > 1 and len(set(victims)) == len(victims):
            low = sum(c.low for c in cs)
            high = sum(c.high if c.high is not None else c.low for c in cs)
            out.append((low, high, key))
            continue
        out.extend((c.low, c.high if c.high is not None else c.low, key) for c in cs)
    return out


def reconcile_fatalities(claims: Sequence[Claim]) -> dict[str, int | None]:
    """low/best/high over the killed claims of one event.

    Precise figures (a number someone gave, with or without "at least" / "about") are used
    when there are any; vague orders of magnitude ("dozens") only otherwise. A claimant's
    updated toll replaces its earlier ones (the largest figure per claimant is kept); the
    dead of distinct groups one claimant names in one sentence count as one figure, their sum.
    ``low`` is the smallest figure, ``high`` the largest (an open-ended figure counts at its
    stated minimum), ``best`` the median of the figures.
    """
    killed = [c for c in claims if c.kind == "killed" and not c.cumulative]
    if not killed:
        return {"low": None, "best": None, "high": None}
    precise = [c for c in killed if c.qualifier not in VAGUE_QUALIFIERS]
    pool = precise or killed
    per_claimant: dict[str, tuple[int, int]] = {}  # claimant -> (low, high)
    for low, high, key in _sentence_totals(pool):
        if key not in per_claimant or low > per_claimant[key][0]:
            per_claimant[key] = (low, high)
    chosen = list(per_claimant.values())
    lows = [c[0] for c in chosen]
    highs = [c[1] for c in chosen]
    best = statistics.median_low(sorted(lows))
    return {"low": min(lows), "best": best, "high": max(highs)}
