"""What a place name does in its sentence, beyond naming a place.

- A *reference* only situates another place or says where something was said: "à 800 km
  de Tripoli", "300 km au sud de Benghazi", "Fayoum, southwest of Cairo", "told reporters
  in Tripoli". Such a name is a poor event place while the sentence names another one.
- A *nationwide* country name spreads an event over the whole country ("à travers
  l'Egypte", "throughout Syria"): flagged, and locative. (Phrases naming no country, "dans
  tout le pays", are not made country mentions: so placed, one nationwide event absorbed a
  city's events when events are merged, a loss of events F1 on the dev gold.)

The words come from ``places.yaml`` (``distance_units``, ``bearings``, ``bearing_articles``,
``reference_of``, ``reporting_cues``, ``nationwide_before_country``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from bilan.places.normalise import FoldedText, fold
from bilan.records import PlaceMention

REACH = 90  # characters before a name searched for a reference cue


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of folded ``words``, longest first, with flexible spaces and
    apostrophes."""
    out = []
    for w in sorted({fold(w).replace("’", "'") for w in words if w.strip()}, key=len,
                    reverse=True):
        out.append(r"\s+".join(re.escape(part) for part in w.split()).replace("'", "'\\s*"))
    return "(?:" + "|".join(out) + ")"


@dataclass(frozen=True, slots=True)
class RoleCues:
    """Compiled cues of one language."""

    distance: re.Pattern[str]  # searched at the end of the folded text before a name
    # all that stands between a place and the next one it is situated from: ", southwest of"
    apposition: re.Pattern[str]
    reporting: re.Pattern[str] | None
    before_country: re.Pattern[str] | None  # end of the folded text before a country name


def compile_cues(data: Mapping[str, Any]) -> RoleCues:
    """The cues of one language file (already checked against the places schema)."""
    units = _alternation(data["distance_units"])
    bearings = _alternation(data["bearings"])
    articles = _alternation(data["bearing_articles"]) if data["bearing_articles"] else None
    of = _alternation(data["reference_of"])
    art = rf"(?:{articles}\s*)?" if articles else ""
    # "à 800 km de", "300 km au sud de", "33 miles (53 km) west of", "about 20 km from"
    distance = re.compile(
        rf"\d[\d\s.,]*\s*{units}\b(?:\s*\([^()]{{0,30}}\))?\s*(?:{art}{bearings}\s+)?{of}\s*$"
    )
    apposition = re.compile(rf"^\s*[,(]\s*{art}{bearings}\s+{of}\s*(?:(?:la|le|l'|the)\s*)?$")
    reporting = (re.compile(rf"(?:^|\W){_alternation(data['reporting_cues'])}\s*$")
                 if data["reporting_cues"] else None)
    before = data["nationwide_before_country"]
    before_country = (re.compile(
        rf"(?:^|\W){_alternation(before)}\s+(?:(?:la|le|l'|les|the)\s*)?$")
        if before else None)
    return RoleCues(distance, apposition, reporting, before_country)


def _window(ft: FoldedText, start: int) -> str:
    return ft.window(start - REACH, start).replace("’", "'")


def is_reference(text: str, pm: PlaceMention, previous_end: int | None, cues: RoleCues,
                 ft: FoldedText | None = None) -> bool:
    """Whether ``pm`` is named only as a reference point (see the module docstring).

    A bare bearing ("au sud de X", "south of X") makes a reference only right after another
    place and a comma or parenthesis ("Fayoum, southwest of Cairo"): alone, "fighting south
    of X" still says where the fighting was.
    """
    ft = ft or FoldedText(text)
    before = _window(ft, pm.start)
    if cues.distance.search(before) or (cues.reporting and cues.reporting.search(before)):
        return True
    if previous_end is None or pm.start - previous_end > REACH:
        return False
    between = ft.window(previous_end, pm.start).replace("’", "'")
    return cues.apposition.search(between) is not None


def split_preposition(text: str, pm: PlaceMention, locatives: frozenset[str]) -> PlaceMention:
    """``pm`` without a leading preposition read as an Arabic article: "En Libye" (the "en"
    of "En Nahud") is "Libye" governed by "en", so locative."""
    head, sep, rest = pm.text.partition(" ")
    if not sep or not rest[:1].isupper() or fold(head) not in locatives:
        return pm
    start = pm.start + len(head) + 1
    return replace(pm, start=start, text=text[start : pm.end], locative=True)


def mark_roles(text: str, mentions: list[PlaceMention], cues: RoleCues,
               locatives: frozenset[str] = frozenset(),
               ft: FoldedText | None = None) -> list[PlaceMention]:
    """``mentions`` with reference points and nationwide country names flagged, and
    leading prepositions read as articles split off (see :func:`split_preposition`)."""
    out: list[PlaceMention] = []
    previous_end: int | None = None
    ft = ft or FoldedText(text)
    for pm in mentions:
        if pm.demonym:
            out.append(pm)
            continue
        pm = split_preposition(text, pm, locatives)
        if is_reference(text, pm, previous_end, cues, ft):
            pm = replace(pm, reference=True)
        elif (pm.place.precision == "country" and cues.before_country is not None
              and cues.before_country.search(_window(ft, pm.start))):
            pm = replace(pm, nationwide=True, locative=True)
        out.append(pm)
        previous_end = pm.end
    return out
