"""The fast trigger search (grouped by first character) finds exactly what the plain one does."""

from __future__ import annotations

import dataclasses
import re

import pytest

from bilan.events.ontology import load_ontology
from bilan.events.triggers import (
    compile_dispatch,
    compile_patterns,
    find_triggers,
    first_chars,
    load_lexicon,
)
from bilan.records import Span

TEXTS = {
    "fr": (
        "Des hommes armés ont attaqué un poste de l'armée près de Gao ; trois soldats ont été "
        "tués et l'aviation a bombardé leurs positions. Les manifestants ont défilé à Bamako. "
        "Échanges de tirs à Kidal, où des rebelles ont pris le contrôle de la ville."
    ),
    "en": (
        "Gunmen attacked an army post near Gao, killing three soldiers; warplanes struck their "
        "positions the next day. Protesters staged a rally in the capital. Heavy gunfire was "
        "heard as rebels seized control of the town. KILLED, Killed and killed alike."
    ),
}


def positions(regex: re.Pattern[str], text: str) -> list[int]:
    out: list[int] = []
    pos = 0
    while (hit := regex.search(text, pos)) is not None:
        out.append(hit.start())
        pos = hit.start() + 1
    return out


def test_first_chars() -> None:
    assert first_chars("killed") == frozenset("k")
    assert first_chars("(?:a|ont) attaqué") == frozenset("ao")
    assert first_chars("shot|(?:fired|opened) on") == frozenset("sfo")
    # an optional group: its first characters and those of what follows it
    assert first_chars("(?:heavy )?gunfire") == frozenset("hg")
    # a lookbehind consumes nothing
    assert first_chars("(?<!police\\s)(?:seized|took)") == frozenset("st")
    assert first_chars("(?:heavy )?") is None
    assert first_chars("k?illed") is None
    assert first_chars("['’]s") is None


def test_dispatch_matches_where_plain_regex_does() -> None:
    pats = ["killed", "(?:a|ont) attaqué", "(?:heavy )?gunfire", "seized control", "K+O",
            "(?<!riot\\s)police"]
    plain, fast = compile_patterns(pats, "t"), compile_dispatch(pats, "t")
    for text in (*TEXTS.values(), "ko kko KO heavy gunfire Killed ont attaqué riot police, police"):
        assert positions(fast, text) == positions(plain, text)
        assert positions(plain, text)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_indexed_find_triggers_is_unchanged(lang: str) -> None:
    lexicon = load_lexicon(lang, load_ontology())
    plain = dataclasses.replace(lexicon, trigger_anywhere=None)
    text = TEXTS[lang]
    sentence = Span(0, len(text), text)
    for skip in (frozenset(), frozenset({"short"})):
        found = find_triggers(text, sentence, lexicon, skip)
        assert found
        assert found == find_triggers(text, sentence, plain, skip)
