"""Happenings that are not political violence: natural disasters, accidents, ordinary crime.

A report about an earthquake, a chemical spill or a drug haul tells of no conflict event,
and bilan says so instead of leaving the report silent: each such happening, with the words
that tell of it, goes on the report's record (``Document.happenings``, ``non_conflict`` in
``events.json``). The words live in ``data/<lang>/happenings.yaml``, one list per kind;
the events stage reads the same lists as blockers (``happenings:`` in an ``events.yaml``
blocker), so a blast in a sentence about a gas leak is no attack.

A happening is kept only in a sentence that gives no conflict event: "protests against the
corruption ring" is a protest, not a crime story.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from bilan.errors import DataFileError
from bilan.langdata import load_language_file
from bilan.records import Document, Happening

HAPPENINGS_FILE = "happenings.yaml"
# the kinds, in the order a tie between them is broken (``main_happening``)
HAPPENING_KINDS: tuple[str, ...] = ("natural_disaster", "man_made_disaster", "crime")
HAPPENINGS_SCHEMA: dict[str, Any] = {kind: (list, str) for kind in HAPPENING_KINDS}


def load_happening_patterns(lang: str) -> dict[str, list[str]]:
    """The raw patterns of ``data/<lang>/happenings.yaml``, by kind (checked at load)."""
    data = load_language_file(lang, HAPPENINGS_FILE, HAPPENINGS_SCHEMA)
    unknown = set(data) - set(HAPPENING_KINDS)
    if unknown:
        raise DataFileError(f"{lang}/{HAPPENINGS_FILE}: unknown kind(s) {sorted(unknown)}")
    out: dict[str, list[str]] = {}
    for kind in HAPPENING_KINDS:
        if not data[kind]:
            raise DataFileError(f"{lang}/{HAPPENINGS_FILE}:{kind}: empty pattern list")
        out[kind] = list(data[kind])
    return out


@dataclass(frozen=True, slots=True)
class HappeningLexicon:
    """The compiled happening words of one language, one regex per kind."""

    language: str
    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    # every kind's words in one regex: a sentence it does not match is passed over
    any_kind: re.Pattern[str]


def load_happenings(lang: str) -> HappeningLexicon:
    """Load and compile ``data/<lang>/happenings.yaml``."""
    # imported here: triggers imports this module for its blockers
    from bilan.events.triggers import compile_dispatch

    patterns = load_happening_patterns(lang)
    return HappeningLexicon(
        language=lang,
        kinds=tuple(
            (kind, compile_dispatch(patterns[kind], f"{lang}/{HAPPENINGS_FILE}:{kind}"))
            for kind in HAPPENING_KINDS
        ),
        any_kind=compile_dispatch([p for kind in HAPPENING_KINDS for p in patterns[kind]],
                                  f"{lang}/{HAPPENINGS_FILE}"),
    )


def find_happenings(
    doc: Document, lexicon: HappeningLexicon, conflict_sentences: Collection[int]
) -> list[Happening]:
    """The non-conflict happenings ``doc`` tells of, in text order, none in the sentences
    listed in ``conflict_sentences`` (those that give a conflict event). Where the words of
    two kinds overlap, the longer (then the earlier kind) wins."""
    found: list[Happening] = []
    for idx, sentence in enumerate(doc.sentences):
        if idx in conflict_sentences or lexicon.any_kind.search(
                doc.text, sentence.start, sentence.end) is None:
            continue
        hits = [
            (m.start(), m.end(), rank, kind)
            for rank, (kind, regex) in enumerate(lexicon.kinds)
            for m in regex.finditer(doc.text, sentence.start, sentence.end)
        ]
        hits.sort(key=lambda h: (-(h[1] - h[0]), h[2], h[0]))
        taken: list[tuple[int, int]] = []
        kept: list[Happening] = []
        for start, end, _, kind in hits:
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            kept.append(Happening(kind, start, end, doc.text[start:end]))
        found.extend(sorted(kept, key=lambda h: h.start))
    return found


def main_happening(happenings: Collection[Happening]) -> str | None:
    """The kind a report mostly tells of: the most mentioned, ties to the first told."""
    if not happenings:
        return None
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for h in happenings:
        counts[h.kind] = counts.get(h.kind, 0) + 1
        first.setdefault(h.kind, h.start)
    return max(counts, key=lambda k: (counts[k], -first[k]))
