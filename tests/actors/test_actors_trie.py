"""The alias trie regex matches exactly what the plain alternation matches."""

from __future__ import annotations

import re

from bilan.actors.dictionary import _alternation, _trie_alternation, load_dictionaries

TEXTS = [
    "Les forces du régime ont bombardé Alep, selon l'OSDH et les Casques blancs.",
    "Government forces and the Islamic State clashed; the UN and the ICRC called for calm.",
    "L’armée syrienne et l’EI ; la défense civile a fait état de morts. OSDH, EI, ONU.",
    "Rebels of the Free Syrian Army, the Syrian Observatory for Human Rights said.",
]


def _spans(pattern: str, text: str, flags: int) -> list[tuple[int, int]]:
    full = rf"(?<![\w-])(?:{pattern})(?![\w-])"
    return [m.span() for m in re.finditer(full, text, flags)]


def test_trie_matches_the_alternation_on_the_dictionaries() -> None:
    for d in load_dictionaries().values():
        aliases = [a for e in d.entries.values() for a in e.aliases]
        folded = [a for a in aliases if not a.isupper()]
        for text in [*TEXTS, " ".join(aliases)]:
            assert (_spans(_trie_alternation(folded, True), text, re.IGNORECASE)
                    == _spans(_alternation(folded), text, re.IGNORECASE))


def test_trie_prefers_the_longest_alias_and_backs_off() -> None:
    pattern = _trie_alternation(["al", "al qaida", "al qaida in iraq"], True)
    assert _spans(pattern, "Al  Qaida in Iraq said", re.IGNORECASE) == [(0, 17)]
    assert _spans(pattern, "al qaida inside", re.IGNORECASE) == [(0, 8)]
    assert _spans(pattern, "al-qaida", re.IGNORECASE) == []
