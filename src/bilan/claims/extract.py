"""Casualty and other quantity claims: a count, what it counts, who gave it, and the evidence.

A claim is a count (numbers.py) attached to a noun that says what was counted (a casualty
noun such as "morts", a victim noun such as "civils" with a casualty verb near it, or
another countable noun such as "bâtiments"), attributed by reported speech
(attribution.py), within one sentence or carried from the previous one.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bilan.claims.attribution import (
    Attribution,
    actor_mentions_in,
    actor_name,
    actors_in,
    choose_attribution,
    clean_phrase,
    find_attributions,
    role_of,
    subject_head,
)
from bilan.claims.lexicon import ClaimsLexicon, may_claim, norm, unfound_body
from bilan.claims.lists import Found, drop_breakdowns, find_lists, later_death, reflexive
from bilan.claims.numbers import Quantity, Token, find_quantities, match_tokens, tokenize
from bilan.records import ActorMention, Claim, ClaimKind, Span, TimeMention

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"»”]?\s+(?=[\"«“]?[A-ZÀ-Ý0-9])|\n\s*\n|\n(?=\s*[*•-])")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_STOP_PUNCT = frozenset(",;:.!?()[]")
_QUOTE_OPEN = re.compile(r"\s*(?:``|[\"«“])")
_AGE = re.compile(r"\s*-\s*(?:years?|months?)[\s-]+old(?!\w)", re.IGNORECASE)


def split_sentences(text: str, start: int = 0) -> list[Span]:
    """A naive sentence splitter (used when no sentences stage ran)."""
    out: list[Span] = []
    pos = start
    for m in _SENTENCE_END.finditer(text, start):
        if text[pos:m.start()].strip():
            s = pos + len(text[pos:m.start()]) - len(text[pos:m.start()].lstrip())
            out.append(Span(s, m.start(), text[s:m.start()]))
        pos = m.end()
    rest = text[pos:].rstrip()
    if rest.strip():
        s = pos + len(rest) - len(rest.lstrip())
        out.append(Span(s, pos + len(rest), text[s:pos + len(rest)]))
    return out


@dataclass(slots=True)
class _Found:
    """A claim before attribution."""

    q: Quantity
    kind: ClaimKind
    victims: str
    what: str | None
    start: int
    end: int
    sentence: int
    cues: list[int] = field(default_factory=list)


def _skip_quotes(toks: list[Token], k: int) -> int:
    while k < len(toks) and toks[k].text in "«»\"“”":
        k += 1
    return k


def _noun_after(toks: list[Token], k: int, lex: ClaimsLexicon
                ) -> tuple[str | None, str | None, str | None, int, int] | None:
    """What follows a count: (kind, victim, other noun, end offset, next token) or None.

    None means the count is not a claim (a unit such as "ans" or "%" follows).
    """
    n = len(toks)
    kind: str | None = None
    victim: str | None = None
    other: str | None = None
    end = -1
    skipped = 0
    named = False
    while k < n:
        t = toks[k]
        hit = False
        for parts, knd in lex.kind_nouns:
            j = match_tokens(toks, k, parts)
            if j > 0 and victim is None and parts[0] in lex.function_words:
                continue  # "in critical condition" says it of a noun of people only
            if j > 0:
                if kind is None:
                    kind = knd
                end, k, hit = toks[j - 1].end, j, True
                break
        if hit:
            continue
        w = t.norm
        if w in lex.victim_nouns and victim is None and other is None:
            victim = lex.victim_nouns[w]
            end, k = t.end, k + 1
            continue
        if w in lex.other_nouns and victim is None and other is None and kind is None:
            other = lex.other_nouns[w]
            end, k = t.end, k + 1
            continue
        if kind or victim or other:
            break
        if w in lex.non_claim_units:
            if not (k + 1 < n and _plural_person(toks[k + 1], lex)):
                return None
            skipped += 1  # "two cattle thieves": the unit names what the people deal in
            k += 1
            continue
        run = _name_run(toks, k, lex) if not named else k
        if run > k:
            # "30 State of Sinai militants", "2 NDC-R fighters": a proper name (one, of any
            # length up to six tokens) before the noun is skipped as one word
            named, k = True, run
            continue
        if (named and t.is_word and w in lex.connectors and toks[k - 1].text[:1].isupper()
                and k + 1 < n and _name_run(toks, k + 1, lex) > k + 1):
            k = _name_run(toks, k + 1, lex)  # "6 TTP and LeI militants": a second name
            continue
        if (not t.is_word or w in lex.function_words or t.is_num or skipped >= 2
                or w in lex.number_words):
            if skipped and _plural_person(toks[k - 1], lex) and _casualty_follows(toks, k, lex):
                # "two cattle thieves were killed": a plural right before a casualty verb
                victim, end = "people", toks[k - 1].end
            break
        skipped += 1
        k += 1
    return kind, victim, other, end, k


def _plural_person(t: Token, lex: ClaimsLexicon) -> bool:
    """A word that may name people in the plural: a known victim noun, or an unknown word
    ending in -s that is no thing, unit or casualty word."""
    w = t.norm
    if not t.is_word:
        return False
    if w in lex.victim_nouns:
        return True
    return (len(w) > 3 and w.endswith("s") and w not in lex.function_words
            and w not in lex.other_nouns and w not in lex.non_claim_units
            and w not in lex.kind_cues and w not in lex.number_words)


def _casualty_follows(toks: list[Token], k: int, lex: ClaimsLexicon) -> bool:
    """An auxiliary at ``k`` ("were", "have been") then, within two more words, a verb
    saying the people were killed or hurt."""
    if k >= len(toks) or toks[k].norm not in lex.list_auxiliaries:
        return False
    for j in range(k + 1, min(len(toks), k + 4)):
        if any(kind in ("killed", "injured") and match_tokens(toks, j, parts) > 0
               for parts, kind in lex.kind_cues.get(toks[j].norm, ())):
            return True
    return False


def _name_run(toks: list[Token], k: int, lex: ClaimsLexicon) -> int:
    """The token after a proper name starting at ``k`` (capitalised words, joined by a
    hyphen with no space or by a lower-case name particle such as "of" or "al"), or ``k``."""
    n = len(toks)
    j = k
    while j < n and j - k < 6:
        t = toks[j]
        if not (t.is_word and t.text[:1].isupper()):
            break
        j += 1
        if (j + 1 < n and toks[j].text == "-" and toks[j].start == toks[j - 1].end
                and toks[j + 1].start == toks[j].end and toks[j + 1].is_word):
            j += 1  # "NDC-R", "Al-Shabaab"
        elif (j + 1 < n and toks[j].norm in lex.name_particles
              and toks[j + 1].is_word and toks[j + 1].text[:1].isupper()):
            j += 1  # "State of Sinai"
    return j if j - k <= 6 else k


def _cues(toks: list[Token], lex: ClaimsLexicon) -> list[tuple[int, int, str]]:
    """Casualty verbs and participles in the sentence: (start, end, kind)."""
    out: list[tuple[int, int, str]] = []
    for i, t in enumerate(toks):
        for parts, kind in lex.kind_cues.get(t.norm, ()):
            j = match_tokens(toks, i, parts)
            if j > 0:
                out.append((t.start, toks[j - 1].end, kind))
                break
    return out


def _nearest_cue(cues: list[tuple[int, int, str]], qs: int, ne: int, pre_max: int,
                 post_max: int, blocks: list[int], text: str = "",
                 lex: ClaimsLexicon | None = None) -> tuple[int, int, str] | None:
    """The casualty verb that says what happened to the count at ``qs``..``ne``.

    A verb right before the count governs it ("killed 10 and wounded 15": the 10 were
    killed); a count right after "by" is the agent of the verb before it ("shot dead by two
    men"); a verb after the count that has its own object ("two gunmen killed a guard") was
    done by the count, not to it."""
    best: tuple[int, int, str] | None = None
    best_d = 10**9
    agent = bool(text and lex is not None and lex.agent_re is not None
                 and lex.agent_re.search(norm(text[max(0, qs - 12):qs])))
    for c in cues:
        if c[1] <= qs:
            if agent:
                continue
            d = qs - c[1]
            if d > pre_max or any(c[1] <= b < qs for b in blocks):
                continue
            if text and not text[c[1]:qs].strip():
                return c  # the verb's object
            gap = norm(text[c[1]:qs]).strip(" ,")
            if lex is not None and gap.isalpha() and gap in lex.connectors:
                continue  # "was killed and six others were hurt": a new clause starts
            if lex is not None and any(w in lex.cue_gap_blockers
                                       for w in re.findall(r"[^\W\d_]+", gap)):
                continue  # "killed in the two operations": the count is not the object
            d += 8  # a verb after the count ("were wounded") binds closer than one before
        elif c[0] >= ne:
            if agent:
                continue  # "abducted by four men and stabbed": the four did it
            d = c[0] - ne
            if d > post_max or any(ne <= b < c[0] for b in blocks):
                continue
            if (text and lex is not None and c[2] in ("killed", "injured")
                    and _has_object(norm(text[c[1]:c[1] + 40]), lex)):
                continue
        else:
            continue
        if d < best_d:
            best, best_d = c, d
    return best


def _has_object(after: str, lex: ClaimsLexicon) -> bool:
    """Does a casualty verb followed by ``after`` (lower case) have an object of its own
    ("killed a guard", "killed three") rather than a time ("killed the day before")?"""
    m = lex.object_re.match(after) if lex.object_re is not None else None
    if m is None:
        return False
    nxt = re.match(r"\s*([^\W\d_][\w-]*)", after[m.end():])
    return not (nxt and nxt.group(1) in lex.time_nouns)


def _state(toks: list[Token], first: int, last: int, lex: ClaimsLexicon) -> str | None:
    """An "other" quantity's state word near it ("détruit", "bloqués")."""
    best: tuple[int, str] | None = None
    for k in range(max(0, first - 3), min(len(toks), last + 9)):
        if first <= k < last:
            continue
        s = lex.other_states.get(toks[k].norm)
        if s:
            d = first - k if k < first else k - last
            if best is None or d < best[0]:
                best = (d, s)
    return best[1] if best else None


def find_claims_in_sentence(text: str, sent: Span, index: int, lex: ClaimsLexicon,
                            timexes: Sequence[TimeMention] = ()) -> list[_Found]:
    """Counts with what they count in one sentence (no attribution yet)."""
    toks = respell(tokenize(text[sent.start:sent.end], sent.start), lex.misspelt)
    found = _counts_in_sentence(text, sent, index, lex, timexes, toks)
    for group in (find_lists(text, sent.start, toks, lex), reflexive(text, sent.start, toks, lex)):
        if not group:
            continue
        lo, hi = min(g.start for g in group), max(g.end for g in group)
        if group[0].victims == "attackers" and any(
                f.start < hi and lo < f.end for f in found if f.kind == "killed"):
            continue  # the attacker's death is part of a figure found already
        found = [f for f in found if not (f.start < hi and lo < f.end)]
        found.extend(_from_phrase(g, toks, index) for g in group)
    found.sort(key=lambda f: f.start)
    return found


def respell(toks: list[Token], misspelt: dict[str, str]) -> list[Token]:
    """``toks`` with a casualty word misspelt by one slip ("killling") compared as the word
    (the token's text and offsets unchanged)."""
    if not misspelt or not any(t.norm in misspelt for t in toks):
        return toks
    return [t._replace(norm=misspelt[t.norm]) if t.norm in misspelt else t for t in toks]


def _from_phrase(g: Found, toks: list[Token], index: int) -> _Found:
    first = next((i for i, t in enumerate(toks) if t.start >= g.start), len(toks))
    q = Quantity(g.low, g.low, "exact", g.start, g.end, first, first + 1)
    return _Found(q, g.kind, g.victims, None, g.start, g.end, index)  # type: ignore[arg-type]


def _counts_in_sentence(text: str, sent: Span, index: int, lex: ClaimsLexicon,
                        timexes: Sequence[TimeMention], toks: list[Token]) -> list[_Found]:
    """Counts before their nouns and single victims in one sentence (``toks``: its
    tokens)."""
    s0, s1 = sent.start, sent.end
    stext = text[s0:s1]
    quants = find_quantities(stext, toks, lex, s0)
    low = norm(stext)
    if not quants:
        return _singular_victims(text, sent, index, lex, toks, [], low)
    cues = _cues(toks, lex)
    skip: set[int] = set()
    for qi, q in enumerate(quants):
        nstart = toks[q.first].start
        head = low[:nstart - s0]
        if (any(t.start <= nstart < t.end for t in timexes)
                or lex.non_claim_before_re.search(head)
                or lex.breakdown_re.search(head[:q.start - s0])):
            skip.add(qi)
    starts = [toks[q.first].start for qi, q in enumerate(quants) if qi not in skip]
    out: list[_Found] = []
    consumed: set[int] = set()
    for qi, q in enumerate(quants):
        if qi in skip or q.first in consumed:
            continue
        nstart = toks[q.first].start
        head = low[:nstart - s0]
        clause = re.split(r"[,;:]", head[:q.start - s0])[-1]
        if lex.hypothetical_re.search(clause):
            continue
        if _AGE.match(text, q.end):
            continue  # "a 19-year-old student": an age
        if _after_source_preposition(head, lex):
            continue  # "selon un photographe": the count belongs to the source
        k = _skip_quotes(toks, q.last)
        for parts in lex.toll_links:
            j = match_tokens(toks, k, parts)
            if j > 0:
                k = j  # "porte à 20 le nombre de morts"
                break
        of_total: int | None = None
        for parts in lex.partitives:
            j = match_tokens(toks, k, parts)
            if j > 0:
                later = [p for p in quants if p.first == j]
                if later and later[0].low and not later[0].weak:
                    of_total = later[0].low
                    consumed.add(later[0].first)
                    k = later[0].last
                    break
        if of_total is None and q.low != 1 and _subset(toks, k, lex):
            # "three of those injured": part of a group counted already ("one of the dead
            # men" is kept: it singles out a victim the report goes on to describe)
            continue
        if of_total is None and k < len(toks) and toks[k].norm in lex.noun_links:
            k = _skip_quotes(toks, k + 1)
        noun = _noun_after(toks, k, lex)
        if noun is None:
            continue
        kind, victim, other, nend, _k = noun
        if (kind in ("killed", "injured") and nend > 0
                and _has_object(norm(text[nend:nend + 40]), lex)):
            continue  # "three gunmen killed a guard": the count did it
        has_noun = nend > 0
        if (not has_noun and q.last - q.first == 1 and toks[q.first].norm in lex.articles_one
                and not re.search(r"(?<!\w)l'$", head)):
            continue  # "dans un état grave": an article, not a count ("l'un" is one)
        ne = nend if has_noun else q.end
        if kind in ("arrested", "displaced"):
            # "four detainees were killed": a status noun, then what happened to them
            after = _nearest_cue(cues, q.start, ne, -1, 50, [b for b in starts if b != nstart],
                                 text, lex)
            if after is not None and after[0] >= ne and after[2] in ("killed", "injured"):
                kind, victim, ne = after[2], victim or toks[_k - 1].norm, after[1]
                nend = ne
        before_kind = None if kind else lex.kind_before_re.search(low[:q.start - s0])
        if before_kind:
            # "the bodies of 12 men": the phrase before the count says what happened
            kind = lex.kind_before[re.sub(r"\s+", " ", before_kind.group(1))]
            other = None
        blocks = [b for b in starts if b != nstart]
        cue = None
        if kind is None and other is None:
            cue = _nearest_cue(cues, q.start, ne, 30 if has_noun else 14,
                               70 if has_noun else 22, blocks, text, lex)
            if cue is not None and not has_noun:
                gap = text[cue[1]:q.start] if cue[1] <= q.start else text[ne:cue[0]]
                if re.search(r"[,;:.()]", gap):
                    cue = None
            if cue is None and q.high != 1 and (victim is not None or (
                    not has_noun and _k > q.last and _plural_person(toks[_k - 1], lex))):
                strong = [toks[p.first].start for p in quants if not p.weak and p is not q]
                cue = _late_cue(toks, _k, cues, strong, text, lex)
                if cue is not None:  # "a number of thefts" in the modifier counts nothing
                    consumed.update(p.first for p in quants if q.end <= p.start < cue[0])
        start, end = q.start, ne
        if before_kind:
            start = s0 + before_kind.start(1)
        what: str | None = None
        if kind is None and cue is not None:
            kind = cue[2]
            start, end = min(start, cue[0]), max(end, cue[1])
        if kind is None:
            if q.weak or not has_noun:
                continue
            base = other or victim or "people"
            state = _state(toks, q.first, _k, lex)
            what = f"{base} {state}" if state else base
            if of_total:
                what += f" (of {of_total})"
            kind = "other"
        elif q.weak and not has_noun and cue is None:
            continue
        if kind == "other" and q.weak:
            continue
        q2 = q if of_total is None else Quantity(q.low, q.high, q.qualifier, q.start, q.end,
                                                 q.first, q.last, q.weak, of_total)
        out.append(_Found(q2, kind, victim or "people", what, start, end, index))  # type: ignore[arg-type]
    out.extend(_singular_victims(text, sent, index, lex, toks, out, low))
    return out


def _late_cue(toks: list[Token], k: int, cues: list[tuple[int, int, str]], blocks: list[int],
              text: str, lex: ClaimsLexicon) -> tuple[int, int, str] | None:
    """The casualty verb of a count whose noun has a long modifier before the verb: "two men
    accused of a string of robberies were shot" (``k``: the token after the noun).

    The first finite verb after the noun must be a plural auxiliary ("were", "ont") with the
    casualty verb right after it (an adverb may come between); no other count, no reporting
    verb, no casualty word and no ";" or ":" may come before it."""
    n = len(toks)
    if k >= n or not lex.finite_verbs:
        return None
    s = toks[k].start
    for j in range(k, n):
        t = toks[j]
        if t.start - s > 160 or t.text in ";:" or t.start in blocks:
            return None
        if any(c[0] == t.start for c in cues):
            return None  # a casualty word inside the modifier: not this count's verb
        if t.norm not in lex.finite_verbs:
            continue
        # the verb of a relative clause ("who were working") is passed over
        rel = j > k and toks[j - 1].norm in lex.apposition_openers
        if _reports(norm(text[s:t.start]), lex) or (
                not rel and t.norm not in lex.list_auxiliaries):
            return None  # a singular verb ("was"), or "two men said ... were killed"
        m = j + 1
        while m < n and m - j < 4 and toks[m].norm in lex.verb_fillers:
            m += 1
        starts = {toks[i].start for i in range(j, min(m + 1, n))}
        cue = next((c for c in cues if c[0] in starts), None)
        if cue is None and rel:
            continue
        if cue is not None and _has_object(norm(text[cue[1]:cue[1] + 40]), lex):
            return None  # "two armed men have killed a guard": the count did it
        return cue
    return None


def _reports(gap: str, lex: ClaimsLexicon) -> bool:
    """Does ``gap`` hold a reporting verb with a clause after it ("told police that"; not
    "accused of")?"""
    for m in lex.reporting_re.finditer(gap):
        nxt = re.match(r"\s*([^\W\d_]+'?)", gap[m.end():])
        if not (nxt and nxt.group(1) in lex.noun_links):
            return True
    return False


def _after_source_preposition(head: str, lex: ClaimsLexicon) -> bool:
    """Does ``head`` (the sentence up to a count) end with "selon" / "according to"?"""
    tail = head.rstrip()[-30:]
    return any(m.end() == len(tail) for m in lex.preposition_re.finditer(tail))


def _subset(toks: list[Token], k: int, lex: ClaimsLexicon) -> bool:
    """"of those" + a casualty noun at ``k``: the count is part of a group named before."""
    for parts in lex.subset_links:
        j = match_tokens(toks, k, parts)
        if j > 0:
            return any(knd in ("killed", "injured") and match_tokens(toks, j, nparts) > 0
                       for nparts, knd in lex.kind_nouns)
    return False


def _one_victim(low: str, m: re.Match[str], toks: list[Token], start: int, end: int,
                lex: ClaimsLexicon) -> Quantity | None:
    """A count of one for the singular phrase ``m`` of ``low`` (evidence ``start``-``end``
    in the text), or None in a hypothetical clause."""
    clause = re.split(r"[,;:]", low[:m.start()])[-1]
    if lex.hypothetical_re.search(clause) or lex.hypothetical_re.search(m.group(0)):
        return None
    first = next((i for i, t in enumerate(toks) if t.start >= start), len(toks))
    return Quantity(1, 1, "exact", start, end, first, first + 1)


def _singular_victims(text: str, sent: Span, index: int, lex: ClaimsLexicon,
                      toks: list[Token], found: list[_Found], low: str) -> list[_Found]:
    """One victim named by a singular noun: "a soldier was killed", "killing a child" (1).

    Skipped where a count already covers the words and in a hypothetical clause."""
    if lex.singular_re is None or lex.singular_kinds is None or lex.singular_victims is None:
        return []
    out: list[_Found] = []
    s0 = sent.start
    low, pos = _cue_text(low, toks, s0, lex)

    def at(i: int) -> int:  # an offset in ``low`` as an offset in the text
        return s0 + (pos[i] if pos else i)

    def upto(i: int) -> int:  # the end of a match in ``low`` as an offset in the text
        return s0 + (pos[i - 1] + 1 if pos and i > 0 else i)

    for m in lex.singular_re.finditer(low):
        passive = m.group("a_cue") is not None
        cue = m.group("a_cue") if passive else m.group("b_cue")
        kind = lex.singular_kinds.get(re.sub(r"\s+", " ", cue))
        if kind is None or (not passive and unfound_body(cue, low, lex)):
            continue
        noun = m.group("a_noun") if passive else m.group("b_noun")
        start, end = at(m.start()), upto(m.end())
        if any(f.start < end and start < f.end for f in [*found, *out]):
            continue
        q = _one_victim(low, m, toks, start, end, lex)
        if q is None:
            continue
        victims = lex.singular_victims.get(re.sub(r"\s+", " ", noun), "people")
        out.append(_Found(q, kind, victims, None, start, end, index))  # type: ignore[arg-type]
    if lex.open_singular_re is not None:
        for m in lex.open_singular_re.finditer(low):
            noun = m.group("o_noun")
            kind = lex.singular_kinds.get(re.sub(r"\s+", " ", m.group("o_cue")))
            start, end = at(m.start()), upto(m.end())
            if (kind is None or _not_a_person(noun, lex)
                    or any(f.start < end and start < f.end for f in [*found, *out])):
                continue
            q = _one_victim(low, m, toks, start, end, lex)
            if q is None:
                continue
            out.append(_Found(q, kind, "people", None, start, end, index))  # type: ignore[arg-type]
    if lex.subject_re is not None and lex.singular_kinds and lex.singular_victims:
        sm = lex.subject_re.match(low)
        kind = lex.singular_kinds.get(re.sub(r"\s+", " ", sm.group("s_cue"))) if sm else None
        if sm and kind is not None:
            start, end = at(sm.start()), upto(sm.end())
            if not any(f.start < end and start < f.end for f in [*found, *out]) and not (
                    lex.hypothetical_re.search(sm.group(0))):
                q = Quantity(1, 1, "exact", start, end, 0, 1)
                victims = lex.singular_victims.get(
                    re.sub(r"\s+", " ", sm.group("s_noun")), "people")
                out.append(_Found(q, kind, victims, None, start, end, index))  # type: ignore[arg-type]
    for kind, victims, start, end in [*_open_active(lex, low, at, upto),
                                      *_bare_and_named(text, sent, lex, low, at, upto)]:
        if any(f.start < end and start < f.end for f in [*found, *out]):
            continue
        clause = re.split(r"[,;:]", norm(text[s0:start]))[-1]
        if lex.hypothetical_re.search(clause):
            continue
        first = next((i for i, t in enumerate(toks) if t.start >= start), len(toks))
        q = Quantity(1, 1, "exact", start, end, first, first + 1)
        out.append(_Found(q, kind, victims, None, start, end, index))  # type: ignore[arg-type]
    return out


def _cue_text(low: str, toks: list[Token], s0: int,
              lex: ClaimsLexicon) -> tuple[str, list[int]]:
    """``low`` with a misspelt casualty word spelt right ("kiled" -> "killed") and an adverb
    after an auxiliary dropped ("was reportedly killed" -> "was killed"), with the offset in
    ``low`` of each character of the new text (empty when nothing changed: most sentences)."""
    edits = [(t.start - s0, t.end - s0, t.norm) for t in toks
             if t.is_word and t.norm != low[t.start - s0:t.end - s0]
             and low[t.start - s0:t.end - s0] in lex.misspelt]
    if lex.adverb_re is not None:
        edits.extend((m.start("adv"), m.end("adv"), "") for m in lex.adverb_re.finditer(low))
    if not edits:
        return low, []
    out: list[str] = []
    pos: list[int] = []
    i = 0
    for a, b, rep in sorted(edits):
        if a < i:
            continue
        out.append(low[i:a])
        pos.extend(range(i, a))
        out.append(rep)
        pos.extend(min(a + k, b - 1) for k in range(len(rep)))
        i = b
    out.append(low[i:])
    pos.extend(range(i, len(low)))
    pos.append(len(low))
    return "".join(out), pos


def _not_a_person(noun: str, lex: ClaimsLexicon) -> bool:
    """A word after an article that names no victim: a thing, a unit, a function word."""
    return (noun in lex.other_nouns or noun in lex.non_claim_units
            or noun in lex.function_words or noun in lex.determiners)


def _open_active(lex: ClaimsLexicon, low: str, at: Callable[[int], int],
                 upto: Callable[[int], int]) -> list[tuple[str, str, int, int]]:
    """One victim named by any noun after an active casualty verb and an article ("killed a
    revenue collector near ..."): (kind, victims, start, end)."""
    out: list[tuple[str, str, int, int]] = []
    if lex.open_active_re is None or lex.singular_kinds is None:
        return out
    for m in lex.open_active_re.finditer(low):
        noun = m.group("p_noun")
        kind = lex.singular_kinds.get(re.sub(r"\s+", " ", m.group("p_cue")))
        if (kind is None or _not_a_person(noun, lex) or noun in lex.open_object_stops
                or noun in lex.number_words or noun in lex.weekdays or noun.endswith("s")
                or unfound_body(m.group("p_cue"), low, lex)):
            continue
        out.append((kind, "people", at(m.start()), upto(m.end())))
    return out


def _is_victim_word(w: str, lex: ClaimsLexicon) -> bool:
    nouns = lex.singular_victims or {}
    return (w in lex.victim_nouns or w in nouns or w.rstrip("s") in nouns
            or (len(w) > 3 and w.endswith("s") and w not in lex.function_words)
            or w in lex.group_nouns
            or any(parts[0] == w for parts, _k in lex.kind_nouns))


def _bare_and_named(text: str, sent: Span, lex: ClaimsLexicon, low: str,
                    at: Callable[[int], int],
                    upto: Callable[[int], int]) -> list[tuple[str, str, int, int]]:
    """One victim with no article ("killed former village chief", "Farmer killed in ...")
    or named ("gunmen killed John Okello"): (kind, victims, start, end). The evidence is the
    noun or the name with its verb; no number is made up, the noun phrase is the figure."""
    out: list[tuple[str, str, int, int]] = []
    s0 = sent.start
    if lex.bare_re is not None and lex.singular_kinds and lex.singular_victims:
        for m in lex.bare_re.finditer(low):
            active = m.group("c_cue") is not None
            cue = m.group("c_cue") if active else m.group("d_cue")
            noun = m.group("c_noun") if active else m.group("d_noun")
            kind = lex.singular_kinds.get(re.sub(r"\s+", " ", cue))
            if kind is None or (active and unfound_body(cue, low, lex)):
                continue
            start = at(m.start() if active else m.start("d_noun") - len(m.group("d_gap")))
            out.append((kind, lex.singular_victims.get(noun, "people"), start, upto(m.end())))
    if lex.named_re is not None and lex.singular_victims is not None:
        stext = text[s0:sent.end]
        for m in lex.named_re.finditer(stext):
            name = m.group("name") or m.group("m_name")
            if m.group("m_cue") and unfound_body(norm(m.group("m_cue")), low, lex):
                continue  # "with the body of <name>": no death said here
            words = [norm(w) for w in name.split()]
            if any(w in lex.function_words or w in lex.determiners
                   or w in lex.singular_victims or w in lex.victim_nouns for w in words):
                continue  # "The Soldier", "In Mogadishu": not a person's name
            nxt = re.match(r"\s+([^\W\d_]+)", stext[m.end():])
            if nxt and not m.group("n_cue") and _is_victim_word(norm(nxt.group(1)), lex):
                continue  # "killed Al Shabaab fighters": a group, counted elsewhere
            out.append(("killed", "people", s0 + m.start(), s0 + m.end()))
    return out


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,.;:\"«»“”'")


def _named(acts: Sequence[ActorMention], phrase: str) -> str:
    """Canonical actor names, with the source's own words when they say more.

    "Egypt's Interior Ministry" matched as police gives "Police Forces of Egypt (Egypt's
    Interior Ministry)"; a common-noun source ("doctor at the central hospital") keeps its
    role beside the canonical name; an alias alone ("OSDH") gives the canonical name only.
    """
    base = " and ".join(dict.fromkeys(actor_name(a) for a in acts))
    phrase = _head_words(phrase)
    if not phrase or len(phrase.split()) > 8:
        return base
    words = set(re.findall(r"\w+", norm(base)))
    if set(re.findall(r"\w+", norm(phrase))) <= words:
        return base
    # a proper name alone ("OSDH", "Human Rights Watch") adds nothing to its canonical name
    if len(acts) == 1 and norm(phrase) == norm(_clean(acts[0].text)) and any(
            c.isupper() for c in phrase[1:]):
        return base
    return f"{base} ({phrase})"


def _head_words(phrase: str) -> str:
    """A long source phrase cut before its participle ("doctor treating the injured in ...")
    or after six words."""
    words = phrase.split()
    if len(words) <= 8:
        return phrase
    for i, w in enumerate(words[1:], 1):
        lw = w.lower()
        if len(lw) > 5 and lw.endswith(("ing", "ant")):
            return " ".join(words[:i])
    return " ".join(words[:6])


def _claimant(text: str, a: Attribution, actors: Sequence[ActorMention], lex: ClaimsLexicon,
              known: list[str], responsibility: bool = False) -> tuple[str | None, bool]:
    """The claimant named by ``a`` and whether it was a pronoun (to be resolved by carry).

    ``responsibility``: the figure is a group's claim about its own attack ("affirmant avoir
    tué ..."), so an armed group that does not usually give figures is the claimant.
    """
    if a.form == "participle":
        acts = actor_mentions_in(actors, a.source_start, a.source_end, responsibility)
        if acts:
            first = acts[0]
            return _named([first], clean_phrase(text, first.start, first.end, lex)), False
        head = subject_head(text, a.source_start, a.source_end, lex)
        if head is None:
            return None, False
        a = Attribution(a.cue_start, a.cue_end, head[0], head[1], "subject")
    acts = actor_mentions_in(actors, a.source_start, a.source_end, responsibility)
    phrase = clean_phrase(text, a.source_start, a.source_end, lex)
    lead = phrase.split()[0] if phrase else ""
    if norm(lead) in lex.content_markers or norm(lead) in lex.apposition_openers:
        return None, False  # "ce que beaucoup disent": a clause, not a source
    if acts:
        return _named(acts, phrase), False
    name = _clean(text[a.source_start:a.source_end])
    if not name:
        return None, False
    if norm(name) in lex.pronouns:
        return None, True
    if " " not in name:
        for k in reversed(known):
            if name.lower() in re.split(r"[\s,()]+", k.lower()):
                return k, False
    if a.apposition:
        app_names = actors_in(actors, a.apposition[0], a.apposition[1])
        if app_names:
            return f"{app_names[0]} ({name})", False
        role = role_of(text, a.apposition, lex)
        if role:
            return f"{name}, {role}", False
    if phrase and phrase != name:
        name = phrase[:1].upper() + phrase[1:]
    return name, False


def _days_back(weekday_idx: int, pub: dt.date) -> int:
    return (pub.weekday() - weekday_idx) % 7


def _cumulative(text: str, sent: Span, f: _Found, lex: ClaimsLexicon,
                timexes: Sequence[TimeMention], pub: dt.date | None) -> bool:
    low = norm(text[sent.start:sent.end])
    rel_s, rel_e = f.start - sent.start, f.end - sent.start
    window = low[max(0, rel_s - 80):rel_e + 80]
    if lex.cumulative_re.search(window):
        return True
    for m in lex.period_re.finditer(low, max(0, rel_s - 60), min(len(low), rel_e + 40)):
        after = low[m.end():m.end() + 40].lstrip()
        if lex.same_day_re.match(after):
            continue
        abs_after = sent.start + m.end()
        tx = [t for t in timexes if 0 <= t.start - abs_after <= 6]
        if tx and pub is not None:
            v = tx[0].value
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v[:10]) and len(v) >= 10:
                try:
                    d = dt.date.fromisoformat(v[:10])
                except ValueError:
                    return True
                return (pub - d).days >= 2
            return True
        wd = lex.weekday_re.match(after)
        if wd:
            if pub is None:
                return False
            if wd.group() not in lex.weekdays:
                return False
            idx = lex.weekdays.index(wd.group())
            rest = after[wd.end():wd.end() + 20].lstrip()
            if lex.same_day_re.match(rest) and _days_back(idx, pub) == 0:
                return False
            return _days_back(idx, pub) >= 2
        if re.match(r"[\w']", after):
            return True
    return False


def extract_claims(text: str, sentences: Sequence[Span], lex: ClaimsLexicon, document: str,
                   actors: Sequence[ActorMention] = (), timexes: Sequence[TimeMention] = (),
                   publication_date: dt.date | None = None,
                   places: Sequence[tuple[int, str]] = ()) -> list[Claim]:
    """Every claim in ``text``, sentence by sentence, with carried attribution (``places``:
    where each place mention starts and the place it names, for ``drop_breakdowns``)."""
    claims: list[Claim] = []
    known: list[str] = []
    prev_claimant: str | None = None
    prev_claims: list[Claim] = []
    quote_claimant: str | None = None  # "X écrit :" -> X gave the figures of the next line
    quote_end = -1
    last_intro: str | None = None  # the last "X écrit :" source ("puis il ajoute :" = X)
    by_start = sorted(timexes, key=lambda t: t.start)
    starts = [t.start for t in by_start]
    for si, sent in enumerate(sentences):
        # the expressions that start inside the sentence, or before it and reach into it
        lo = bisect.bisect_left(starts, sent.start)
        near = [t for t in by_start[max(0, lo - 8) : bisect.bisect_left(starts, sent.end)]
                if t.end > sent.start]
        low = norm(text[sent.start:sent.end])
        found = find_claims_in_sentence(text, sent, si, lex, near) if may_claim(low, lex) else []
        if si > 0 and not any(f.kind == "killed" for f in found):
            ld = later_death(text, sent.start, sent.end, sentences[si - 1].start,
                             sentences[si - 1].end, lex)
            if ld is not None:
                found.append(_from_phrase(ld, tokenize(sent.text, sent.start), si))
        found.extend(_toll_updates(text, sent, si, lex, found, prev_claims))
        if sent.start >= quote_end:
            quote_claimant = None
        if not found and sent.text.rstrip().endswith(":"):
            intro = _introducer(text, sentences, si, lex, actors, known, last_intro)
            if intro:
                quote_claimant = last_intro = intro
                rest = text[sent.end:]
                nxt = len(text) - len(rest.lstrip()) if rest.strip() else sent.end
                line_end = text.find("\n", nxt)
                quote_end = len(text) if line_end < 0 else line_end
        attrs = find_attributions(text, sent.start, sent.end, lex) if found else []
        provisional = updated = False
        if found or prev_claims:  # a status word matters to a figure here or just before
            provisional = bool(lex.provisional_re.search(low))
            updated = bool(lex.updated_re.search(low))
        sent_claimants: list[str] = []
        this: list[Claim] = []
        if (si > 0 and "\n" in text[sentences[si - 1].end:sent.start]
                and not _QUOTE_OPEN.match(sent.text)):
            # a new paragraph: the report speaks again (unless a quote goes on in it)
            prev_claimant = None
        for f in found:
            a = choose_attribution(attrs, f.start, f.end)
            claimant: str | None = None
            quoted = False
            if a is not None:
                before = norm(text[max(sent.start, f.q.start - 40):f.q.start])
                resp = bool(lex.responsibility_re.search(before))
                claimant, pron = _claimant(text, a, actors, lex, known, resp)
                if pron:
                    claimant = prev_claimant or _earlier_source(text, sentences, si, lex,
                                                                actors, known)
                elif (claimant and quote_claimant is not None
                      and norm(quote_claimant) not in norm(claimant)):
                    # a quoted writer citing a source: "X écrit : ... selon Y, 70 blessés"
                    claimant = f"{quote_claimant} ({claimant})"
                # evidence starts at a reporting verb just before the count
                if (a.form == "subject" and 0 <= f.start - a.cue_end <= 20
                        and not re.search(r"[:\n]", text[a.cue_end:f.start])):
                    f.start = a.cue_start
                    aux = re.search(r"(\S+)\s+$", text[max(sent.start, f.start - 12):f.start])
                    if aux and norm(aux.group(1)) in lex.auxiliaries:
                        f.start -= len(aux.group(0))
            elif f.kind != "other" and quote_claimant is not None:
                claimant = quote_claimant
                quoted = True
            elif f.kind != "other" and prev_claimant is not None:
                claimant = prev_claimant
            if pub_year_far(text, sent, publication_date):
                continue
            c = Claim(
                kind=f.kind, low=f.q.low, high=f.q.high, qualifier=f.q.qualifier,
                victims=f.victims, claimant=claimant, document=document,
                start=f.start, end=f.end, text=text[f.start:f.end], what=f.what,
                provisional=provisional, updated=updated,
                cumulative=_cumulative(text, sent, f, lex, timexes, publication_date),
                sentence=si,
            )
            this.append(c)
            if claimant and not quoted:
                sent_claimants.append(claimant)
                if claimant not in known:
                    known.append(claimant)
        # a status stated in a sentence with no figure of its own applies to the previous one
        if not found and (provisional or updated) and prev_claims:
            for c in prev_claims:
                c.provisional = c.provisional or provisional
                c.updated = c.updated or updated
        if found:
            prev_claims = this
            prev_claimant = sent_claimants[-1] if sent_claimants else None
        elif not (provisional or updated):
            # carry only to the next sentence, or across a comment on the same toll
            prev_claimant = None
        claims.extend(this)
    return drop_breakdowns(claims, places=places)


def _toll_updates(text: str, sent: Span, index: int, lex: ClaimsLexicon,
                  found: Sequence[_Found], prev_claims: Sequence[Claim]) -> list[_Found]:
    """A toll raised or revised, its figure alone after it: "the death toll was later raised
    to 16", "though the number was eventually raised to sixteen" (the kind of the figure told
    before it in the sentence, or in the sentence before)."""
    if (lex.toll_update_re is None or lex.toll_noun_re is None
            or lex.toll_noun_re.search(norm(sent.text)) is None):
        return []
    toks = tokenize(text[sent.start:sent.end], sent.start)
    out: list[_Found] = []
    for q in find_quantities(text[sent.start:sent.end], toks, lex, sent.start):
        if q.weak or any(f.start <= q.start < f.end for f in found):
            continue
        w0 = max(sent.start, q.start - 80)
        m = lex.toll_update_re.search(norm(text[w0:q.start]))
        if m is None:
            continue
        kind = lex.toll_noun_kinds.get(re.sub(r"\s+", " ", m.group("noun")), "")
        victims = "people"
        if not kind:
            before = [(f.kind, f.victims) for f in found
                      if f.end <= q.start and f.kind in ("killed", "injured")]
            before = before or [(c.kind, c.victims) for c in prev_claims
                                if c.kind in ("killed", "injured")]
            if not before:
                continue
            kind, victims = before[-1]
        start = w0 + m.start("noun")
        out.append(_Found(q, kind, victims, None, start, q.end, index))  # type: ignore[arg-type]
    return out


def _introducer(text: str, sentences: Sequence[Span], si: int, lex: ClaimsLexicon,
                actors: Sequence[ActorMention], known: list[str],
                last: str | None = None) -> str | None:
    """The source of a line ending in a colon ("X wrote:", "she adds:"), if it names one
    (a pronoun stands for ``last``, the writer introduced before, when there is one)."""
    sent = sentences[si]
    for a in reversed(find_attributions(text, sent.start, sent.end, lex)):
        if a.form == "preposition":
            continue
        name, pron = _claimant(text, a, actors, lex, known)
        if pron:
            return last or _earlier_source(text, sentences, si, lex, actors, known)
        if name:
            return name
    return None


def _earlier_source(text: str, sentences: Sequence[Span], si: int, lex: ClaimsLexicon,
                    actors: Sequence[ActorMention], known: list[str]) -> str | None:
    """Whom a pronoun source ("he said") stands for: the last source named in the two
    sentences before (one with no figure of its own: "a doctor said the ward was full")."""
    for j in range(si - 1, max(-1, si - 3), -1):
        sent = sentences[j]
        for a in reversed(find_attributions(text, sent.start, sent.end, lex)):
            name, pron = _claimant(text, a, actors, lex, known)
            if name and not pron:
                return name
    return None


def pub_year_far(text: str, sent: Span, pub: dt.date | None) -> bool:
    """Does the sentence compare with a distant past year (a historical toll)?"""
    if pub is None:
        return False
    return any(int(m.group(1)) <= pub.year - 10 for m in _YEAR.finditer(text, sent.start, sent.end))
