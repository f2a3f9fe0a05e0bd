"""Victims counted across a phrase rather than by one count before one noun.

- a list of victims sharing one verb: "two police officers, a driver and one trader were
  killed", "killing two soldiers and a policeman": one figure per item, each its own count
  (the fusion stage adds up the distinct groups one sentence names);
- a verb and its result around the victims: "shot the driver dead", "hacked three men to
  death", "leaving him dead";
- an earlier victim's death in a sentence of its own: "A farmer was shot. He died the next
  day." (the pronoun stands for the one victim named before);
- an attacker's own death: "a suicide bomber blew himself up" (the subject's count).

No number is made up: a count is a number in the text or a singular article or noun ("a",
"the driver", "he"), as for the single victims of extract.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bilan.claims.lexicon import ClaimsLexicon, PhraseTable, norm, unfound_body
from bilan.claims.numbers import Token, match_tokens
from bilan.records import Claim

_MAX_WORDS = 4  # words of one item after its count ("local civil servant")
_WHOLE_QUALIFIERS = frozenset({"exact", "at_least", "more_than", "about"})


@dataclass(frozen=True, slots=True)
class Found:
    """One counted group: (count, kind, victims, evidence start and end)."""

    low: int
    kind: str
    victims: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Item:
    low: int
    head: str
    start: int
    end: int
    next: int  # the token after the item


def _longest(toks: list[Token], i: int, table: PhraseTable) -> tuple[int, str] | None:
    """The longest phrase of ``table`` at token ``i``: (the token after it, its label)."""
    if i >= len(toks):
        return None
    for parts, kind in table.get(toks[i].norm, ()):
        j = match_tokens(toks, i, parts)
        if j > 0:
            return j, kind
    return None


def _opens_any(toks: list[Token], *tables: PhraseTable) -> bool:
    """Whether some token is the first word of a phrase of one of ``tables``."""
    return any(t.norm in table for t in toks for table in tables)


def _count(toks: list[Token], i: int, lex: ClaimsLexicon, the: bool) -> tuple[int, int] | None:
    """The count opening an item at ``i``: (value, next token) or None."""
    if i >= len(toks):
        return None
    t = toks[i]
    if t.is_num:
        return (int(t.norm), i + 1) if t.norm.isdigit() and 0 < int(t.norm) < 10000 else None
    w = t.norm
    if (i + 2 < len(toks) and toks[i + 1].text == "-"
            and (w, toks[i + 2].norm) in lex.compound_numbers):
        return lex.compound_numbers[(w, toks[i + 2].norm)], i + 3
    if w in lex.number_words and lex.number_words[w] > 0 and w not in lex.vague_determiners:
        return lex.number_words[w], i + 1
    if w in lex.articles_one or w in lex.possessives or (the and w in lex.determiners):
        return 1, i + 1  # "his wife": one person, as "a" or "the" before a singular noun
    return None


def _stop_word(toks: list[Token], k: int, lex: ClaimsLexicon) -> bool:
    t = toks[k]
    return (not t.is_word or t.norm in lex.function_words or t.norm in lex.number_words
            or t.norm in lex.articles_one or t.norm in lex.connectors
            or _longest(toks, k, lex.list_cues) is not None
            or _longest(toks, k, lex.split_results) is not None
            or _longest(toks, k, lex.list_auxiliaries) is not None)


def _singular(word: str, lex: ClaimsLexicon) -> bool:
    return word in (lex.singular_victims or {})


def _victim_head(head: str, lex: ClaimsLexicon, counted: bool) -> bool:
    """Is ``head`` a noun of people? After a number, any noun but a thing or a unit."""
    nouns = lex.singular_victims or {}
    if (head in lex.victim_nouns or head in nouns or head in lex.group_nouns
            or (head.endswith("s") and head[:-1] in nouns)):
        return True
    return counted and head not in lex.other_nouns and head not in lex.non_claim_units


def _item(toks: list[Token], i: int, lex: ClaimsLexicon, the: bool) -> _Item | None:
    c = _count(toks, i, lex, the)
    if c is None:
        return None
    value, k = c
    words = 0
    while k < len(toks) and words < _MAX_WORDS and not _stop_word(toks, k, lex):
        k += 1
        words += 1
        if (k + 1 < len(toks) and toks[k].text == "-" and toks[k].start == toks[k - 1].end
                and toks[k + 1].start == toks[k].end and toks[k + 1].is_word):
            k += 1  # "a Hindi-speaking trader": a word joined by a hyphen
    if words == 0:
        return None
    counted = toks[i].is_num or (toks[i].norm in lex.number_words
                                 and toks[i].norm not in lex.articles_one)
    # the item ends at its last noun of people ("a policeman near the gate": "policeman")
    end = next((e for e in range(k, c[1], -1) if _victim_head(toks[e - 1].norm, lex, False)),
               k if counted and _victim_head(toks[k - 1].norm, lex, True) else -1)
    if end < 0:
        return None
    k = end
    head = toks[k - 1].norm
    if value == 1 and toks[i].norm not in lex.articles_one and not toks[i].is_num and (
            toks[i].norm not in lex.number_words and not _singular(head, lex)):
        return None  # "the villagers": no count
    return _Item(value, head, toks[i].start, toks[k - 1].end, k)


def _items(toks: list[Token], i: int, lex: ClaimsLexicon, the: bool) -> list[_Item]:
    """Items joined by "," / "and" / ", and" from token ``i``."""
    out: list[_Item] = []
    k = i
    while True:
        it = _item(toks, k, lex, the)
        if it is None:
            break
        out.append(it)
        j = it.next
        if j < len(toks) and toks[j].text == ",":
            j += 1
        if j < len(toks) and toks[j].norm in lex.connectors and toks[j].is_word:
            j += 1
        if j == it.next or _item(toks, j, lex, the) is None:
            break
        k = j
    return out


def _label(head: str, lex: ClaimsLexicon, used: set[str]) -> str:
    nouns = lex.singular_victims or {}
    label = (lex.victim_nouns.get(head) or nouns.get(head)
             or nouns.get(head[:-1] if head.endswith("s") else head) or "people")
    if label in used:
        label = head  # two items of one kind are still two groups ("a colonel and a soldier")
    used.add(label)
    return label


def _excluded(low: str, s0: int, start: int, lex: ClaimsLexicon) -> bool:
    """A list that is a breakdown of a total ("including two soldiers and a child") or in a
    hypothetical clause."""
    head = low[:start - s0]
    clause = re.split(r"[,;:(]", head)[-1]
    return bool(lex.breakdown_re.search(head) or lex.hypothetical_re.search(clause)
                or re.search(r"(?<!\w)of\s*$|(?<!\w)d[e']\s*$", head))


def find_lists(text: str, s0: int, toks: list[Token], lex: ClaimsLexicon) -> list[Found]:
    """Victims listed with one casualty verb, or between a verb and its result."""
    if not lex.list_cues or not _opens_any(toks, lex.list_cues, lex.list_active,
                                           lex.split_results):
        return []  # no verb a list could share, nor a result: most sentences
    low = norm(text[s0:toks[-1].end]) if toks else ""
    # two or more victims are joined by a comma or "and": a sentence with neither holds only
    # the verb-and-result form ("shot him dead")
    several = any(t.text == "," or (t.is_word and t.norm in lex.connectors) for t in toks)
    out: list[Found] = []
    i = 0
    n = len(toks)
    while i < n:
        # a verb and its result around one or more victims: "shot the driver dead"
        if toks[i].norm in lex.split_verbs and i + 1 < n:
            if toks[i + 1].norm in lex.split_pronouns:
                res = _longest(toks, i + 2, lex.split_results)
                if res is not None:
                    out.append(Found(1, res[1], "people", toks[i].start, toks[res[0] - 1].end))
                    i = res[0]
                    continue
            items = _items(toks, i + 1, lex, True)
            res = _longest(toks, items[-1].next, lex.split_results) if items else None
            if items and res is not None:
                end = toks[res[0] - 1].end
                used: set[str] = set()
                out.extend(Found(it.low, res[1], _label(it.head, lex, used), toks[i].start, end)
                           for it in items)
                i = res[0]
                continue
        if not several:
            i += 1
            continue
        # an active verb before the list: "killing two soldiers and a policeman"
        active = _longest(toks, i, lex.list_active)
        if active is not None:
            items = _items(toks, active[0], lex, True)
            verb = " ".join(t.norm for t in toks[i:active[0]])
            if (len(items) >= 2 and not _excluded(low, s0, toks[i].start, lex)
                    and not unfound_body(verb, low, lex)):
                used = set()
                out.extend(Found(it.low, active[1], _label(it.head, lex, used), toks[i].start,
                                 it.end) for it in items)
                i = items[-1].next
                continue
        # the list before its verb: "two police officers and a driver were killed"
        items = _items(toks, i, lex, True) if _count(toks, i, lex, True) else []
        if len(items) >= 2:
            k = items[-1].next
            aux = _longest(toks, k, lex.list_auxiliaries)
            if aux is not None:
                k = aux[0]
            cue = _longest(toks, k, lex.list_cues)
            if cue is not None and not _excluded(low, s0, items[0].start, lex):
                end = toks[cue[0] - 1].end
                used = set()
                out.extend(Found(it.low, cue[1], _label(it.head, lex, used), it.start, end)
                           for it in items)
                i = cue[0]
                continue
            i = items[-1].next
            continue
        i += 1
    return out


def later_death(text: str, sent_start: int, sent_end: int, prev_start: int, prev_end: int,
                lex: ClaimsLexicon) -> Found | None:
    """"He died the next day" after a sentence naming one victim ("A boy was shot ...")."""
    if (lex.later_death_re is None or lex.later_victim_re is None
            or lex.singular_victims is None):
        return None
    low = norm(text[sent_start:sent_end])
    m = lex.later_death_re.match(low)
    if m is None:
        return None
    prev = norm(text[prev_start:prev_end])
    v = lex.later_victim_re.search(prev)
    if v is None:
        return None
    return Found(1, "killed", lex.singular_victims[v.group(1)], sent_start,
                 sent_start + m.end())


def reflexive(text: str, s0: int, toks: list[Token], lex: ClaimsLexicon) -> list[Found]:
    """An attacker's own death: "a suicide bomber blew himself up" (1), "two bombers ...,
    killing only themselves" (2)."""
    out: list[Found] = []
    if not _opens_any(toks, lex.reflexive_deaths):
        return out
    for k in range(len(toks)):
        death = _longest(toks, k, lex.reflexive_deaths)
        if death is None:
            continue
        j = death[0]
        # the subject: the nearest listed noun before, in the same sentence, with its count
        for h in range(k - 1, max(-1, k - 16), -1):
            if toks[h].text in ".;:":
                break
            if toks[h].norm not in lex.reflexive_subjects:
                continue
            for c in range(h - 1, max(-1, h - 6), -1):
                got = _count(toks, c, lex, False)
                plural = toks[h].norm.endswith(("s", "x", "men"))
                if got is not None and (got[0] > 1) == plural and all(
                        not _stop_word(toks, x, lex) for x in range(c + 1, h)):
                    if any(f.start == toks[c].start for f in out):
                        break
                    out.append(Found(got[0], "killed", "attackers", toks[c].start,
                                     toks[j - 1].end))
                    break
            break
    return out


_PLACE_REACH = 40  # characters after a figure where the place of its own incident is named


def _placed_apart(parts: Sequence[Claim], places: Sequence[tuple[int, str]]) -> bool:
    """Whether every part names a place right after it (before the next part), and not
    all the same place."""
    ordered = sorted(parts, key=lambda c: c.start)
    named: list[str] = []
    for i, c in enumerate(ordered):
        limit = min(c.end + _PLACE_REACH,
                    ordered[i + 1].start if i + 1 < len(ordered) else c.end + _PLACE_REACH)
        here = [p for p in places if c.end <= p[0] < limit]
        if not here:
            return False
        named.append(here[0][1])
    return len(named) >= 2 and len(set(named)) == len(named)


def drop_breakdowns(claims: list[Claim], generic: str = "people",
                    places: Sequence[tuple[int, str]] = ()) -> list[Claim]:
    """Leave out the parts of a toll the document also gives whole.

    A sentence naming distinct groups of dead ("two soldiers and two medics died") whose
    counts add up to a figure of the same kind given for people in general elsewhere in the
    document ("airstrikes killed four people"), or in the same sentence before them ("ten
    dead, six civilians and four rebels"), breaks that figure down: the parts are not
    further victims (the fusion stage would otherwise add them up), so only the whole
    figure is kept. Parts told each with a place of its own ("two died in Suez, and one
    was killed in Cairo"; ``places``: where each place mention starts, and which place it
    names) are incidents of their own, the whole their sum: they are kept.
    """
    groups: dict[tuple[int, str], list[Claim]] = {}
    for c in claims:
        if c.kind in ("killed", "injured") and c.sentence >= 0 and not c.cumulative:
            groups.setdefault((c.sentence, c.kind), []).append(c)
    drop: set[int] = set()
    for (sentence, kind), cs in groups.items():
        totals = [c for c in claims if c.kind == kind and not c.cumulative
                  and c.victims == generic and c.qualifier in _WHOLE_QUALIFIERS]
        for whole in [None, *[c for c in cs if any(c is t for t in totals)]]:
            parts = [c for c in cs if c is not whole and c.qualifier == "exact"
                     and c.high == c.low]
            if len(parts) < 2 or len({c.victims for c in parts}) < len(parts):
                continue
            if _placed_apart(parts, places):
                continue
            total = sum(c.low for c in parts)
            same = (whole is not None and whole.low == total
                    and all(whole.end <= c.start for c in parts))
            elsewhere = whole is None and any(
                t.low == total and (t.high is None or t.high == total)
                and t.sentence != sentence for t in totals)
            if same or elsewhere:
                drop.update(id(c) for c in parts)
                break
    return [c for c in claims if id(c) not in drop]
