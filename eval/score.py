"""Score a bilan ``events.json`` against a gold file in the ``gold_dev.json`` format.

Usage::

    python eval/score.py --gold GOLD.json --events events.json --docs DOCS_DIR [--json]

The gold format is shared by ``seeds-fr/gold_dev.json``, ``mlcrisis-fr-gold/gold.json`` and
``t17-en-gold/gold.json``: ``documents[*]`` (``doc``, ``publication_date``), ``events[*]``
(``status`` core|optional, ``background``, ``cumulative``, ``date`` / ``date_start`` /
``date_end`` / ``date_alternatives``, ``location``, ``location_mentions``, ``country``,
``event_type``, ``sub_event_type``, ``sub_event_type_alternatives``, ``fatality_claims``,
``injury_claims``, ``other_quantities``, ``mentions``) and ``not_events``. Gold evidence is
given as quotes; they are located in the documents' texts (``DOCS_DIR/<doc>``), exactly when
possible, else after normalising whitespace, quote characters and dashes.

Rules (each is one function below, so a test can pin it):

1. **Publication date** (:func:`score_pubdates`): per gold document, the predicted
   ``documents[*].publication_date`` must equal the gold date. A missing document is wrong.
   Predicted document ids are matched to gold ids exactly, else by file name.
2. **Events** (:func:`match_events`): an event's evidence is the union of its mention spans
   and its claim spans (gold: mention quotes, claim quotes and their ``also_stated_as``
   quotes). A predicted event and a gold event overlap by the number of characters their
   evidence shares, summed over documents. Pairs are matched one-to-one, greedily, largest
   overlap first. Then, for a *variant* saying which gold events are required:
   a pair with a required gold event is a true positive; a pair with a non-required gold
   event (``optional``, or excluded by the variant) is neutral; an unmatched prediction is a
   false positive; an unmatched required gold event is a miss. Variants:
   ``all`` (core events, background and cumulative included: the headline ``events_f1``),
   ``no_background`` (background events neutral), ``no_background_no_cumulative``.
   On true positives: ``typed`` (event_type agrees with the gold type or with the type part
   of a ``sub_event_type_alternatives`` entry), ``dated`` (date agrees: same ISO date, one of
   ``date_alternatives``, or inside ``[date_start, date_end]``; no date for an event the gold
   leaves undated), ``located`` (location name
   agrees, :func:`location_agrees`); typed/dated/located F1 count a disagreeing pair as
   both a false positive and a miss. ``events_doc`` scores the same way per (event, document)
   unit, which does not depend on cross-report fusion.
3. **Claims** (:func:`match_claims`): gold claims are ``fatality_claims`` (kind killed) and
   ``injury_claims`` (kind injured); ``claims_all`` adds ``other_quantities`` against
   predicted kinds missing/displaced/arrested/other. Predicted claims are collected from all
   events and de-duplicated. A predicted claim matches a gold claim when the document and
   kind agree, ``low == count_low`` (a gold ``null`` low accepts 0 or null),
   ``high == count_high`` (``null`` == ``null``: open-ended) and the claimants agree
   (:func:`claimants_agree`). Matching is one-to-one, preferring pairs whose spans overlap.
   Claims of optional gold events are neutral when matched and not missed when unmatched.
   An unmatched predicted claim flagged ``cumulative`` that overlaps a gold ``not_events``
   quote (a war-wide total) is neutral; any other unmatched prediction is a false positive.
   ``claims_numbers`` uses the same rule without the claimant.

Claimant agreement (:func:`claimants_agree`):
   * "no attribution" on both sides agrees: gold claimants starting with "the article" /
     "the report" or saying "no attribution", and predicted ``null`` or empty.
   * Otherwise both strings are folded (accents, case), known organisations are rewritten to
     one alias (``Syrian Observatory for Human Rights``, ``OSDH``, ``SOHR`` -> ``sohr``;
     ``White Helmets``, ``Casques blancs``, ``civil defence`` -> ``civildefence`` ...),
     words are reduced to a stem (plural ``s``, French/English synonyms: army/armée ->
     military, doctors/médecins -> doctor, demonyms -> country) and function words dropped.
     They agree when the smaller token set is contained in the larger one, or when they share
     a *distinctive* token (not a country and not a generic word such as government, forces,
     sources, officials) and the shared tokens cover at least half of the smaller set.
     So "White Helmets / Syrian Civil Defence (Ammar al Selmo)" agrees with "White Helmets",
     "Libyan government" with "Government of Libya (spokesman Moussa Ibrahim)", but
     "Military Forces of Syria" does not agree with "Military Forces of Russia".
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

Interval = tuple[int, int]

# --------------------------------------------------------------------------- quotes


_CHAR_MAP = {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u00b4": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u201e": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2011": "-",
    "\u2212": "-",
}


def normalise_with_map(text: str) -> tuple[str, list[int]]:
    """``text`` with unified quote characters and dashes and whitespace runs collapsed to one
    space, and for each character of the result its offset in ``text``."""
    out: list[str] = []
    offsets: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space:
                out.append(" ")
                offsets.append(i)
            in_space = True
            continue
        in_space = False
        out.append(_CHAR_MAP.get(ch, ch))
        offsets.append(i)
    return "".join(out), offsets


def locate(text: str, quote: str) -> list[Interval]:
    """All spans of ``quote`` in ``text``: exact occurrences, else occurrences after
    normalisation (:func:`normalise_with_map`), else case-insensitive ones. Empty if none."""
    quote = quote.strip()
    if not quote:
        return []
    found = _find_all(text, quote)
    if found:
        return [(s, s + len(quote)) for s in found]
    norm_text, offsets = normalise_with_map(text)
    norm_quote = normalise_with_map(quote)[0].strip()
    for hay, needle in ((norm_text, norm_quote), (norm_text.casefold(), norm_quote.casefold())):
        if len(hay) != len(norm_text):  # casefold changed lengths: offsets would be wrong
            continue
        starts = _find_all(hay, needle)
        if starts:
            return [(offsets[s], offsets[s + len(needle) - 1] + 1) for s in starts]
    return []


def _find_all(hay: str, needle: str) -> list[int]:
    starts: list[int] = []
    pos = hay.find(needle)
    while pos >= 0:
        starts.append(pos)
        pos = hay.find(needle, pos + 1)
    return starts


# --------------------------------------------------------------------------- intervals


def merge_intervals(spans: Iterable[Interval]) -> list[Interval]:
    merged: list[Interval] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def overlap_length(a: Sequence[Interval], b: Sequence[Interval]) -> int:
    """Characters shared by two merged, sorted interval lists."""
    i = j = total = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if hi > lo:
            total += hi - lo
        if a[i][1] <= b[j][1]:
            i += 1
        else:
            j += 1
    return total


def evidence_overlap(a: Mapping[str, list[Interval]], b: Mapping[str, list[Interval]]) -> int:
    return sum(overlap_length(spans, b[doc]) for doc, spans in a.items() if doc in b)


# --------------------------------------------------------------------------- text folding

_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "and",
        "or",
        "in",
        "on",
        "at",
        "by",
        "to",
        "from",
        "with",
        "via",
        "per",
        "as",
        "its",
        "his",
        "her",
        "their",
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "de",
        "du",
        "d",
        "et",
        "ou",
        "en",
        "au",
        "aux",
        "a",
        "par",
        "pour",
        "sur",
        "dans",
        "selon",
        "avec",
        "cited",
        "cite",
        "citing",
        "according",
        "al",
        "el",
    ]
)

_PHRASE_ALIASES: tuple[tuple[str, str], ...] = (
    ("syrian observatory for human rights", "sohr"),
    ("observatoire syrien des droits de l homme", "sohr"),
    ("osdh", "sohr"),
    ("white helmets", "civildefence"),
    ("casques blancs", "civildefence"),
    ("civil defence", "civildefence"),
    ("civil defense", "civildefence"),
    ("defense civile", "civildefence"),
    ("protection civile", "civildefence"),
    ("medecins sans frontieres", "msf"),
    ("doctors without borders", "msf"),
    ("human rights watch", "hrw"),
    ("amnesty international", "amnesty"),
    ("united nations", "un"),
    ("nations unies", "un"),
    ("onu", "un"),
    ("national transitional council", "ntc"),
    ("conseil national de transition", "ntc"),
    ("cnt", "ntc"),
    ("world health organization", "whoorg"),
    ("organisation mondiale de la sante", "whoorg"),
    ("oms", "whoorg"),
    ("international organization for migration", "iom"),
    ("organisation internationale pour les migrations", "iom"),
    ("oim", "iom"),
    ("red cross", "redcross"),
    ("croix rouge", "redcross"),
    ("icrc", "redcross"),
    ("cicr", "redcross"),
    ("ministry of health", "healthministry"),
    ("health ministry", "healthministry"),
    ("ministere de la sante", "healthministry"),
    ("interior ministry", "interiorministry"),
    ("ministry of interior", "interiorministry"),
    ("ministry of the interior", "interiorministry"),
    ("ministere de l interieur", "interiorministry"),
    ("porte parole", "spokesman"),
    ("state tv", "statetv"),
    ("state television", "statetv"),
    ("television d etat", "statetv"),
    ("etats unis", "usa"),
    ("united states", "usa"),
)

_TOKEN_SYNONYMS = {
    "army": "military",
    "armee": "military",
    "troop": "military",
    "soldier": "military",
    "soldat": "military",
    "militaire": "military",
    "militaires": "military",
    "rebelle": "rebel",
    "insurge": "rebel",
    "insurgent": "rebel",
    "medecin": "doctor",
    "medic": "doctor",
    "physician": "doctor",
    "hopital": "hospital",
    "hospitalier": "hospital",
    "hospitaliere": "hospital",
    "medicale": "medical",
    "medicaux": "medical",
    "gouvernement": "government",
    "regime": "government",
    "autorite": "government",
    "authoritie": "government",
    "authority": "government",
    "temoin": "witness",
    "witnesse": "witness",
    "habitant": "resident",
    "responsable": "official",
    "officiel": "official",
    "officielle": "official",
    "correspondant": "journalist",
    "correspondent": "journalist",
    "reporter": "journalist",
    "photographe": "journalist",
    "photographer": "journalist",
    "journaliste": "journalist",
    "secouriste": "rescuer",
    "sauveteur": "rescuer",
    "ministere": "ministry",
    "ministre": "minister",
    "syrian": "syria",
    "syrien": "syria",
    "syrienne": "syria",
    "syrie": "syria",
    "libyan": "libya",
    "libyen": "libya",
    "libyenne": "libya",
    "libye": "libya",
    "egyptian": "egypt",
    "egyptien": "egypt",
    "egyptienne": "egypt",
    "egypte": "egypt",
    "yemeni": "yemen",
    "yemenite": "yemen",
    "iraqi": "iraq",
    "irakien": "iraq",
    "irakienne": "iraq",
    "irak": "iraq",
    "russian": "russia",
    "russe": "russia",
    "russie": "russia",
    "ukrainian": "ukraine",
    "ukrainien": "ukraine",
    "ukrainienne": "ukraine",
    "sudanese": "sudan",
    "soudanai": "sudan",
    "soudanaise": "sudan",
    "soudan": "sudan",
    "american": "usa",
    "americain": "usa",
    "americaine": "usa",
    "us": "usa",
    "bahraini": "bahrain",
    "bahrein": "bahrain",
    "malian": "mali",
    "malien": "mali",
    "malienne": "mali",
    "french": "france",
    "francai": "france",
    "francaise": "france",
    "british": "uk",
    "britannique": "uk",
    "turkish": "turkey",
    "turc": "turkey",
    "turque": "turkey",
    "turquie": "turkey",
}

_COUNTRIES = frozenset(
    [
        "syria",
        "libya",
        "egypt",
        "yemen",
        "iraq",
        "russia",
        "ukraine",
        "sudan",
        "usa",
        "bahrain",
        "mali",
        "france",
        "uk",
        "turkey",
        "israel",
        "gaza",
        "palestine",
        "lebanon",
        "iran",
        "afghanistan",
        "somalia",
        "nigeria",
        "burkina",
        "niger",
    ]
)

_GENERIC = frozenset(
    [
        "government",
        "military",
        "force",
        "source",
        "official",
        "ministry",
        "minister",
        "spokesman",
        "people",
        "group",
        "state",
        "news",
        "agency",
        "media",
        "local",
        "several",
        "unnamed",
        "estimate",
        "statement",
        "observation",
        "claim",
        "senior",
        "report",
        "tally",
        "said",
        "figure",
        "toll",
        "service",
        "authority",
        "national",
        "leader",
        "commander",
        "council",
    ]
)


def fold(text: str) -> str:
    """Lower case, accents removed, every non-alphanumeric run turned into one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.split(r"[^0-9a-z]+", stripped.casefold())).strip()


def _stem(token: str) -> str:
    if len(token) > 3 and token.endswith(("s", "x")) and not token.endswith("ss"):
        token = token[:-1]
    return _TOKEN_SYNONYMS.get(token, token)


def claimant_tokens(text: str) -> frozenset[str]:
    """The content tokens of a claimant string, after aliases and stemming."""
    folded = f" {fold(text)} "
    for phrase, alias in _PHRASE_ALIASES:
        folded = folded.replace(f" {phrase} ", f" {alias} ")
    return frozenset(
        _stem(tok) for tok in folded.split() if tok not in _STOPWORDS and len(tok) > 0
    ) - {""}


def is_unattributed(claimant: str | None) -> bool:
    """True for a figure the report gives itself: predicted ``null`` / empty, or a gold
    claimant such as "the article (no attribution; ...)"."""
    if claimant is None:
        return True
    folded = fold(claimant)
    return (
        not folded
        or folded.startswith(("the article", "the report", "l article", "none"))
        or "no attribution" in folded
    )


def claimants_agree(gold: str | None, predicted: str | None) -> bool:
    """The documented claimant rule (module docstring)."""
    gold_none, pred_none = is_unattributed(gold), is_unattributed(predicted)
    if gold_none or pred_none:
        return gold_none and pred_none
    assert gold is not None and predicted is not None
    g, p = claimant_tokens(gold), claimant_tokens(predicted)
    if not g or not p:
        return fold(gold) == fold(predicted)
    small, large = (g, p) if len(g) <= len(p) else (p, g)
    shared = g & p
    if small <= large:
        return True
    distinctive = shared - _GENERIC - _COUNTRIES
    return bool(distinctive) and len(shared) * 2 >= len(small)


def location_agrees(
    predicted: str | None, gold_location: str, gold_mentions: Sequence[str]
) -> bool:
    """A predicted location name agrees with the gold one when, folded, it occurs as whole
    words in the gold location description or in one of the gold location mentions (or one
    of those mentions occurs in it), or is a close spelling variant of the gold name before
    any parenthesis (similarity >= 85, rapidfuzz ratio)."""
    if not predicted:
        return False
    name = f" {fold(predicted)} "
    if not name.strip():
        return False
    candidates = [fold(gold_location)] + [fold(m) for m in gold_mentions]
    for cand in candidates:
        if not cand:
            continue
        if name in f" {cand} " or (len(cand) >= 3 and f" {cand} " in name):
            return True
    head = fold(re.split(r"[(,;]| - ", gold_location)[0])
    try:
        from rapidfuzz import fuzz
    except ImportError:  # pragma: no cover - rapidfuzz is a bilan dependency
        return False
    return bool(head) and float(fuzz.ratio(name.strip(), head)) >= 85.0


# --------------------------------------------------------------------------- gold


@dataclass(slots=True)
class GoldClaim:
    doc: str
    kind: str  # killed | injured | other
    low: int | None
    high: int | None
    claimant: str | None
    spans: list[Interval]
    required: bool  # False for claims of optional events
    event: str
    quote: str


@dataclass(slots=True)
class GoldEvent:
    id: str
    status: str
    background: bool
    cumulative: bool
    event_type: str
    type_alternatives: list[str]
    date: str | None
    date_start: str | None
    date_end: str | None
    date_alternatives: list[str]
    location: str
    location_mentions: list[str]
    evidence: dict[str, list[Interval]]


@dataclass(slots=True)
class Gold:
    pubdates: dict[str, str | None]
    events: list[GoldEvent]
    claims: list[GoldClaim]
    not_events: dict[str, list[Interval]]
    texts: dict[str, str]
    unlocated: list[str] = field(default_factory=list)


def _kind_of_gold_list(key: str) -> str:
    return {"fatality_claims": "killed", "injury_claims": "injured"}.get(key, "other")


def load_gold(gold: Mapping[str, Any], texts: Mapping[str, str]) -> Gold:
    """Read a gold dict; ``texts`` maps each gold document id to its text."""
    unlocated: list[str] = []

    def spans_of(doc: str, quote: str) -> list[Interval]:
        text = texts.get(doc)
        found = locate(text, quote) if text is not None else []
        if not found:
            unlocated.append(f"{doc}: {quote[:60]}")
        return found

    pubdates = {d["doc"]: d.get("publication_date") for d in gold.get("documents", [])}
    events: list[GoldEvent] = []
    claims: list[GoldClaim] = []
    for ev in gold.get("events", []):
        evidence: dict[str, list[Interval]] = {}

        def add(
            doc: str, quote: str, evidence: dict[str, list[Interval]] = evidence
        ) -> list[Interval]:
            found = spans_of(doc, quote)
            evidence.setdefault(doc, []).extend(found)
            return found

        for mention in ev.get("mentions", []):
            add(mention["doc"], mention["quote"])
        required = ev.get("status", "core") == "core"
        for key in ("fatality_claims", "injury_claims", "other_quantities"):
            for claim in ev.get(key, []) or []:
                spans = list(add(claim["doc"], claim["quote"]))
                for alt in claim.get("also_stated_as", []) or []:
                    if isinstance(alt, dict) and alt.get("quote"):
                        spans.extend(add(alt.get("doc", claim["doc"]), alt["quote"]))
                claims.append(
                    GoldClaim(
                        doc=claim["doc"],
                        kind=_kind_of_gold_list(key),
                        low=claim.get("count_low"),
                        high=claim.get("count_high"),
                        claimant=claim.get("claimant"),
                        spans=merge_intervals(spans),
                        required=required,
                        event=str(ev.get("id")),
                        quote=claim["quote"],
                    )
                )
        alternatives = [str(a) for a in ev.get("sub_event_type_alternatives", []) or []]
        events.append(
            GoldEvent(
                id=str(ev.get("id")),
                status=str(ev.get("status", "core")),
                background=bool(ev.get("background")),
                cumulative=bool(ev.get("cumulative")),
                event_type=str(ev.get("event_type") or ""),
                type_alternatives=[a.split("/")[0].strip() for a in alternatives if "/" in a],
                date=ev.get("date"),
                date_start=ev.get("date_start"),
                date_end=ev.get("date_end"),
                date_alternatives=[str(d) for d in ev.get("date_alternatives", []) or []],
                location=str(ev.get("location") or ""),
                location_mentions=[str(m) for m in ev.get("location_mentions", []) or []],
                evidence={doc: merge_intervals(sp) for doc, sp in evidence.items() if sp},
            )
        )
    not_events: dict[str, list[Interval]] = {}
    for ne in gold.get("not_events", []):
        not_events.setdefault(ne["doc"], []).extend(spans_of(ne["doc"], ne["quote"]))
    return Gold(
        pubdates=pubdates,
        events=events,
        claims=claims,
        not_events={d: merge_intervals(s) for d, s in not_events.items()},
        texts=dict(texts),
        unlocated=unlocated,
    )


def read_texts(gold: Mapping[str, Any], docs_dir: Path) -> dict[str, str]:
    """The text of every gold document, read as bilan reads a ``.txt`` file (UTF-8, as is)."""
    texts: dict[str, str] = {}
    for doc in gold.get("documents", []):
        path = docs_dir / doc["doc"]
        if path.is_file():
            texts[doc["doc"]] = path.read_text(encoding="utf-8")
    return texts


# --------------------------------------------------------------------------- predictions


@dataclass(slots=True)
class PredClaim:
    doc: str
    kind: str  # killed | injured | other
    low: int | None
    high: int | None
    claimant: str | None
    span: Interval
    cumulative: bool


@dataclass(slots=True)
class PredEvent:
    index: int
    event_type: str
    date: str | None
    date_end: str | None
    location: str | None
    evidence: dict[str, list[Interval]]


@dataclass(slots=True)
class Prediction:
    pubdates: dict[str, str | None]
    events: list[PredEvent]
    claims: list[PredClaim]
    offset_errors: int = 0
    unknown_documents: list[str] = field(default_factory=list)


def doc_id_mapper(gold_ids: Iterable[str]) -> dict[str, str]:
    """Predicted document id -> gold id: exact, else same file name, else same stem."""
    by_name: dict[str, str] = {}
    by_stem: dict[str, str] = {}
    exact = set(gold_ids)
    for gid in exact:
        by_name.setdefault(PurePath(gid).name, gid)
        by_stem.setdefault(PurePath(gid).stem, gid)
    mapping: dict[str, str] = {gid: gid for gid in exact}
    mapping.update({f"__name__:{k}": v for k, v in by_name.items()})
    mapping.update({f"__stem__:{k}": v for k, v in by_stem.items()})
    return mapping


def map_doc(doc_id: str, mapping: Mapping[str, str]) -> str | None:
    if doc_id in mapping:
        return mapping[doc_id]
    path = PurePath(doc_id.replace("\\", "/"))
    return mapping.get(f"__name__:{path.name}") or mapping.get(f"__stem__:{path.stem}")


def _pred_kind(kind: str) -> str:
    return kind if kind in ("killed", "injured") else "other"


def load_prediction(data: Mapping[str, Any], gold: Gold) -> Prediction:
    """Read a bilan events.json dict against the gold document ids and texts."""
    mapping = doc_id_mapper(gold.pubdates)
    unknown: set[str] = set()
    offset_errors = 0

    def doc_of(raw: Any) -> str | None:
        did = map_doc(str(raw), mapping)
        if did is None:
            unknown.add(str(raw))
        return did

    def check(doc: str, start: int, end: int, text: Any) -> None:
        nonlocal offset_errors
        full = gold.texts.get(doc)
        if full is not None and isinstance(text, str) and full[start:end] != text:
            offset_errors += 1

    pubdates: dict[str, str | None] = {}
    for d in data.get("documents", []):
        did = doc_of(d.get("id", ""))
        if did is not None:
            pubdates[did] = d.get("publication_date")
    events: list[PredEvent] = []
    claims: dict[tuple[Any, ...], PredClaim] = {}
    for index, ev in enumerate(data.get("events", [])):
        evidence: dict[str, list[Interval]] = {}
        for m in ev.get("mentions", []) or []:
            did = doc_of(m.get("document", ""))
            if did is None:
                continue
            start, end = int(m["start"]), int(m["end"])
            check(did, start, end, m.get("text"))
            evidence.setdefault(did, []).append((start, end))
        for c in ev.get("claims", []) or []:
            did = doc_of(c.get("document", ""))
            if did is None:
                continue
            start, end = int(c["start"]), int(c["end"])
            check(did, start, end, c.get("text"))
            evidence.setdefault(did, []).append((start, end))
            kind = _pred_kind(str(c.get("kind", "")))
            key = (did, start, end, kind, c.get("low"), c.get("high"), c.get("claimant"))
            if key not in claims:
                claims[key] = PredClaim(
                    doc=did,
                    kind=kind,
                    low=c.get("low"),
                    high=c.get("high"),
                    claimant=c.get("claimant"),
                    span=(start, end),
                    cumulative=bool(c.get("cumulative")),
                )
        location = ev.get("location") or {}
        events.append(
            PredEvent(
                index=index,
                event_type=str(ev.get("event_type") or ""),
                date=ev.get("date"),
                date_end=ev.get("date_end"),
                location=location.get("name") if isinstance(location, dict) else None,
                evidence={doc: merge_intervals(sp) for doc, sp in evidence.items()},
            )
        )
    return Prediction(
        pubdates=pubdates,
        events=events,
        claims=list(claims.values()),
        offset_errors=offset_errors,
        unknown_documents=sorted(unknown),
    )


# --------------------------------------------------------------------------- scoring


@dataclass(slots=True)
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    neutral: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        denom = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denom if denom else 1.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "neutral": self.neutral,
        }


def score_pubdates(gold: Gold, pred: Prediction) -> dict[str, Any]:
    wrong: dict[str, dict[str, str | None]] = {}
    correct = 0
    for doc, date in gold.pubdates.items():
        got = pred.pubdates.get(doc)
        if got is not None and date is not None and str(got)[:10] == date:
            correct += 1
        else:
            wrong[doc] = {"gold": date, "predicted": got}
    total = len(gold.pubdates)
    return {
        "accuracy": round(correct / total, 4) if total else 1.0,
        "correct": correct,
        "total": total,
        "missing": sorted(d for d in gold.pubdates if d not in pred.pubdates),
        "wrong": wrong,
    }


def greedy_pairs(
    overlaps: Iterable[tuple[int, int, int]],
) -> list[tuple[int, int, int]]:
    """One-to-one pairs (pred, gold, score) from candidate triples, best score first
    (ties: lower indices first, so the result is deterministic)."""
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int, int]] = []
    for p, g, s in sorted(overlaps, key=lambda t: (-t[2], t[0], t[1])):
        if s <= 0 or p in used_p or g in used_g:
            continue
        used_p.add(p)
        used_g.add(g)
        pairs.append((p, g, s))
    return pairs


def match_events(
    pred_evidence: Sequence[Mapping[str, list[Interval]]],
    gold_evidence: Sequence[Mapping[str, list[Interval]]],
) -> dict[int, int]:
    """pred index -> gold index, one-to-one by largest evidence overlap."""
    triples = []
    for i, pe in enumerate(pred_evidence):
        for j, ge in enumerate(gold_evidence):
            ov = evidence_overlap(pe, ge)
            if ov > 0:
                triples.append((i, j, ov))
    return {p: g for p, g, _ in greedy_pairs(triples)}


VARIANTS: dict[str, tuple[bool, bool]] = {
    # name: (background events required, cumulative events required)
    "all": (True, True),
    "no_background": (False, True),
    "no_background_no_cumulative": (False, False),
}


def is_required(ev: GoldEvent, variant: str) -> bool:
    need_bg, need_cum = VARIANTS[variant]
    if ev.status != "core":
        return False
    if ev.background and not need_bg:
        return False
    return not (ev.cumulative and not need_cum)


def type_agrees(pred: PredEvent, gold: GoldEvent) -> bool:
    wanted = {fold(gold.event_type)} | {fold(t) for t in gold.type_alternatives}
    return fold(pred.event_type) in wanted


def date_agrees(pred: PredEvent, gold: GoldEvent) -> bool:
    date = (pred.date or "")[:10]
    if not date:
        # an event the gold leaves undated ("on or before ..."): no date is the right answer
        return not gold.date and not gold.date_start
    if gold.date and date == gold.date:
        return True
    if date in gold.date_alternatives:
        return True
    return bool(gold.date_start and gold.date_end and gold.date_start <= date <= gold.date_end)


def _prf_from_pairs(
    pairs: Mapping[int, int],
    n_pred: int,
    required: Sequence[bool],
    agree: Mapping[int, bool] | None = None,
) -> PRF:
    prf = PRF()
    matched_gold = set()
    for p, g in pairs.items():
        matched_gold.add(g)
        if required[g]:
            if agree is None or agree[p]:
                prf.tp += 1
            else:  # a disagreeing pair: one false positive and one miss
                prf.fp += 1
                prf.fn += 1
        else:
            prf.neutral += 1
    prf.fp += n_pred - len(pairs)
    prf.fn += sum(1 for g, req in enumerate(required) if req and g not in matched_gold)
    return prf


def score_events(gold: Gold, pred: Prediction) -> dict[str, Any]:
    pairs = match_events([p.evidence for p in pred.events], [g.evidence for g in gold.events])
    out: dict[str, Any] = {}
    for variant in VARIANTS:
        required = [is_required(g, variant) for g in gold.events]
        out[variant] = _prf_from_pairs(pairs, len(pred.events), required).as_dict()
    required = [is_required(g, "all") for g in gold.events]
    typed = {p: type_agrees(pred.events[p], gold.events[g]) for p, g in pairs.items()}
    dated = {p: date_agrees(pred.events[p], gold.events[g]) for p, g in pairs.items()}
    located = {
        p: location_agrees(
            pred.events[p].location, gold.events[g].location, gold.events[g].location_mentions
        )
        for p, g in pairs.items()
    }
    out["typed"] = _prf_from_pairs(pairs, len(pred.events), required, typed).as_dict()
    out["dated"] = _prf_from_pairs(pairs, len(pred.events), required, dated).as_dict()
    out["located"] = _prf_from_pairs(pairs, len(pred.events), required, located).as_dict()
    n = len(pairs)
    out["matched_pairs"] = n
    out["type_accuracy"] = round(sum(typed.values()) / n, 4) if n else 0.0
    out["date_accuracy"] = round(sum(dated.values()) / n, 4) if n else 0.0
    out["location_accuracy"] = round(sum(located.values()) / n, 4) if n else 0.0
    out["fp_on_not_events"] = sum(
        1
        for i, p in enumerate(pred.events)
        if i not in pairs and evidence_overlap(p.evidence, gold.not_events) > 0
    )
    out["pairs"] = {str(pred.events[p].index): gold.events[g].id for p, g in sorted(pairs.items())}
    out["missed"] = [
        g.id for j, g in enumerate(gold.events) if required[j] and j not in set(pairs.values())
    ]
    out["doc_level"] = _score_doc_level(gold, pred).as_dict()
    return out


def _score_doc_level(gold: Gold, pred: Prediction) -> PRF:
    """Events scored per (event, document) unit: independent of cross-report fusion."""
    g_units = [
        (j, doc, {doc: sp}) for j, g in enumerate(gold.events) for doc, sp in g.evidence.items()
    ]
    p_units = [
        (i, doc, {doc: sp}) for i, p in enumerate(pred.events) for doc, sp in p.evidence.items()
    ]
    pairs = match_events([u[2] for u in p_units], [u[2] for u in g_units])
    required = [is_required(gold.events[u[0]], "all") for u in g_units]
    return _prf_from_pairs(pairs, len(p_units), required)


def _numbers_agree(pred: PredClaim, gold: GoldClaim) -> bool:
    low_ok = pred.low == gold.low or (gold.low is None and pred.low in (0, None))
    return low_ok and pred.high == gold.high


def match_claims(
    gold_claims: Sequence[GoldClaim],
    pred_claims: Sequence[PredClaim],
    with_claimant: bool,
) -> dict[int, int]:
    """pred index -> gold index (one-to-one): same document and kind, same numbers and, when
    ``with_claimant``, agreeing claimants; pairs whose spans overlap are preferred."""
    triples = []
    for i, pc in enumerate(pred_claims):
        for j, gc in enumerate(gold_claims):
            if pc.doc != gc.doc or pc.kind != gc.kind or not _numbers_agree(pc, gc):
                continue
            if with_claimant and not claimants_agree(gc.claimant, pc.claimant):
                continue
            ov = overlap_length([pc.span], gc.spans)
            triples.append((i, j, 1 + ov))
    return {p: g for p, g, _ in greedy_pairs(triples)}


def _score_claim_set(
    gold: Gold,
    gold_claims: Sequence[GoldClaim],
    pred_claims: Sequence[PredClaim],
    with_claimant: bool,
) -> PRF:
    pairs = match_claims(gold_claims, pred_claims, with_claimant)
    prf = PRF()
    matched_gold = set(pairs.values())
    for g in pairs.values():
        if gold_claims[g].required:
            prf.tp += 1
        else:
            prf.neutral += 1
    for i, pc in enumerate(pred_claims):
        if i in pairs:
            continue
        if pc.cumulative and overlap_length([pc.span], gold.not_events.get(pc.doc, [])) > 0:
            prf.neutral += 1
        else:
            prf.fp += 1
    prf.fn = sum(1 for j, gc in enumerate(gold_claims) if gc.required and j not in matched_gold)
    return prf


def score_claims(gold: Gold, pred: Prediction) -> dict[str, Any]:
    core_gold = [c for c in gold.claims if c.kind in ("killed", "injured")]
    core_pred = [c for c in pred.claims if c.kind in ("killed", "injured")]
    strict = _score_claim_set(gold, core_gold, core_pred, with_claimant=True)
    pairs = match_claims(core_gold, core_pred, with_claimant=True)
    matched = set(pairs.values())
    return {
        "claims": strict.as_dict(),
        "numbers": _score_claim_set(gold, core_gold, core_pred, with_claimant=False).as_dict(),
        "all_kinds": _score_claim_set(gold, gold.claims, pred.claims, with_claimant=True).as_dict(),
        "missed": [
            f"{c.event} {c.doc} {c.kind} {c.low}-{c.high} [{c.claimant}] {c.quote[:60]}"
            for j, c in enumerate(core_gold)
            if c.required and j not in matched
        ],
    }


def score(
    gold_data: Mapping[str, Any], events_data: Mapping[str, Any], texts: Mapping[str, str]
) -> dict[str, Any]:
    """Every metric for one corpus, as a JSON-ready dict (``summary`` holds the headline
    numbers the gate pins)."""
    gold = load_gold(gold_data, texts)
    pred = load_prediction(events_data, gold)
    pub = score_pubdates(gold, pred)
    events = score_events(gold, pred)
    claims = score_claims(gold, pred)
    summary = {
        "pubdate_acc": pub["accuracy"],
        "events_f1": events["all"]["f1"],
        "events_nobg_f1": events["no_background"]["f1"],
        "events_doc_f1": events["doc_level"]["f1"],
        "typed_events_f1": events["typed"]["f1"],
        "dated_events_f1": events["dated"]["f1"],
        "located_events_f1": events["located"]["f1"],
        "claims_f1": claims["claims"]["f1"],
        "claims_numbers_f1": claims["numbers"]["f1"],
        "claims_all_f1": claims["all_kinds"]["f1"],
    }
    return {
        "summary": summary,
        "publication_date": pub,
        "events": events,
        "claims": claims,
        "diagnostics": {
            "gold_documents": len(gold.pubdates),
            "gold_events": len(gold.events),
            "gold_claims": len(gold.claims),
            "predicted_events": len(pred.events),
            "predicted_claims": len(pred.claims),
            "unlocated_gold_quotes": gold.unlocated,
            "predicted_offset_errors": pred.offset_errors,
            "unknown_predicted_documents": pred.unknown_documents,
        },
    }


def oracle_events(gold_data: Mapping[str, Any], texts: Mapping[str, str]) -> dict[str, Any]:
    """An events.json built from the gold itself (every located quote as evidence): the
    scorer's self-check, which must score 1.0 everywhere."""
    kinds = {"fatality_claims": "killed", "injury_claims": "injured", "other_quantities": "other"}
    events: list[dict[str, Any]] = []
    for ev in gold_data.get("events", []):
        mentions = []
        for m in ev.get("mentions", []):
            for start, end in locate(texts.get(m["doc"], ""), m["quote"])[:1]:
                mentions.append(
                    {
                        "document": m["doc"],
                        "start": start,
                        "end": end,
                        "text": texts[m["doc"]][start:end],
                    }
                )
        claims = []
        for key, kind in kinds.items():
            for c in ev.get(key, []) or []:
                for start, end in locate(texts.get(c["doc"], ""), c["quote"])[:1]:
                    claimant = c.get("claimant")
                    claims.append(
                        {
                            "kind": kind,
                            "low": c.get("count_low"),
                            "high": c.get("count_high"),
                            "qualifier": c.get("qualifier"),
                            "claimant": None if is_unattributed(claimant) else claimant,
                            "document": c["doc"],
                            "start": start,
                            "end": end,
                            "text": texts[c["doc"]][start:end],
                        }
                    )
        events.append(
            {
                "event_type": ev.get("event_type"),
                "sub_event_type": ev.get("sub_event_type"),
                "date": ev.get("date") or ev.get("date_start"),
                "date_end": ev.get("date_end") if ev.get("date_start") else None,
                "location": {"name": ev.get("location")},
                "claims": claims,
                "mentions": mentions,
            }
        )
    documents = [
        {
            "id": d["doc"],
            "language": d.get("language"),
            "publication_date": d.get("publication_date"),
        }
        for d in gold_data.get("documents", [])
    ]
    return {"documents": documents, "events": events}


def format_table(result: Mapping[str, Any], title: str = "") -> str:
    """A readable table of the main metrics."""
    lines = [title] if title else []
    pub = result["publication_date"]
    lines.append(f"{'metric':<34}{'P':>7}{'R':>7}{'F1':>7}   tp/fp/fn (neutral)")
    lines.append(
        f"{'publication date accuracy':<34}{'':>14}{pub['accuracy']:>7.3f}"
        f"   {pub['correct']}/{pub['total']}"
    )
    rows: list[tuple[str, Mapping[str, Any]]] = [
        ("events (core, incl. background)", result["events"]["all"]),
        ("events (background neutral)", result["events"]["no_background"]),
        ("events (bg + cumulative neutral)", result["events"]["no_background_no_cumulative"]),
        ("events per document", result["events"]["doc_level"]),
        ("events typed", result["events"]["typed"]),
        ("events dated", result["events"]["dated"]),
        ("events located", result["events"]["located"]),
        ("claims (numbers + claimant)", result["claims"]["claims"]),
        ("claims (numbers only)", result["claims"]["numbers"]),
        ("claims (all kinds)", result["claims"]["all_kinds"]),
    ]
    for name, prf in rows:
        lines.append(
            f"{name:<34}{prf['precision']:>7.3f}{prf['recall']:>7.3f}{prf['f1']:>7.3f}"
            f"   {prf['tp']}/{prf['fp']}/{prf['fn']} ({prf['neutral']})"
        )
    ev = result["events"]
    lines.append(
        f"on {ev['matched_pairs']} matched events: type {ev['type_accuracy']:.3f}, "
        f"date {ev['date_accuracy']:.3f}, location {ev['location_accuracy']:.3f}; "
        f"false positives on not_events: {ev['fp_on_not_events']}"
    )
    diag = result["diagnostics"]
    if (
        diag["unlocated_gold_quotes"]
        or diag["predicted_offset_errors"]
        or diag["unknown_predicted_documents"]
    ):
        lines.append(
            f"warnings: {len(diag['unlocated_gold_quotes'])} gold quotes not found, "
            f"{diag['predicted_offset_errors']} predicted spans whose text differs from "
            "the document, "
            f"{len(diag['unknown_predicted_documents'])} predicted documents not in the gold"
        )
    return "\n".join(lines)


def score_files(gold_path: Path, events_path: Path, docs_dir: Path) -> dict[str, Any]:
    gold_data = json.loads(gold_path.read_text(encoding="utf-8"))
    events_data = json.loads(events_path.read_text(encoding="utf-8"))
    return score(gold_data, events_data, read_texts(gold_data, docs_dir))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score a bilan events.json against a gold file.")
    parser.add_argument("--gold", type=Path, required=True, help="gold JSON (gold_dev.json format)")
    parser.add_argument("--events", type=Path, required=True, help="bilan events.json")
    parser.add_argument(
        "--docs", type=Path, required=True, help="folder holding the gold documents"
    )
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    args = parser.parse_args(argv)
    for path in (args.gold, args.events):
        if not path.is_file():
            parser.error(f"no such file: {path}")
    if not args.docs.is_dir():
        parser.error(f"no such folder: {args.docs}")
    result = score_files(args.gold, args.events, args.docs)
    if args.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(format_table(result, title=str(args.gold)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
