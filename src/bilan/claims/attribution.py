"""Who gave a figure: reported speech in French and English.

Three forms are found in a sentence: a preposition before the source ("selon X",
"according to X"), a subject before a reporting verb ("X a indiqué que", "X said"), and an
inverted subject after a comma or a quote (", ont annoncé X", ", said X"). An apposition
after the source ("X, qui dirige un hôpital, ...") gives role words.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bilan.claims.lexicon import ClaimsLexicon, norm
from bilan.records import ActorMention

_SOURCE_END = re.compile(r"[,;:!?»\"”(]|\.(?=\s|$)")
_CLAUSE_BOUNDARY = re.compile(r"[;:«»\"“”]|\.(?=\s)")
_SUBJECT_WORDS = 10  # the longest subject before an apposition


@dataclass(frozen=True, slots=True)
class Attribution:
    """A source found in a sentence: ``cue`` is the preposition or the verb."""

    cue_start: int
    cue_end: int
    source_start: int
    source_end: int
    form: str  # preposition | subject | inverted
    apposition: tuple[int, int] | None = None
    # the verb has its own content after it ("NATO said it was investigating"), so it does
    # not attribute a figure before its subject
    content_after: bool = False


def _strip(text: str, start: int, end: int, lex: ClaimsLexicon) -> tuple[int, int]:
    """Shrink [start, end) over spaces, quotes and the lexicon's trim words at both ends."""
    for _ in range(4):
        seg = text[start:end]
        lead = len(seg) - len(seg.lstrip(" \t\n,\"«»“”'"))
        start += lead
        seg = text[start:end]
        end -= len(seg) - len(seg.rstrip(" \t\n,\"«»“”'"))
        seg = norm(text[start:end])
        m = lex.trim_re.search(seg)
        if not m or m.end() == m.start():
            break
        if m.start() == 0:
            start += m.end()
        else:
            end = start + m.start()
    return start, end


def _apposition_after(text: str, pos: int, limit: int,
                      lex: ClaimsLexicon) -> tuple[int, int] | None:
    """", qui dirige ...," right after ``pos``: its extent (up to the next comma)."""
    m = re.match(r"\s*,\s*", text[pos:limit])
    if not m:
        return None
    start = pos + m.end()
    words = text[start:limit].split(maxsplit=1)
    if not words:
        return None
    first = norm(words[0])
    if first not in lex.apposition_openers and not _looks_like_role(text[start:limit], lex):
        return None
    stop = re.search(r"[,;.](?=\s|$)", text[start:limit])
    end = start + stop.start() if stop else limit
    return (start, end)


def _looks_like_role(seg: str, lex: ClaimsLexicon) -> bool:
    low = norm(seg[:60])
    return any(re.match(r"\s*(?:\w+\s+){0,2}" + re.escape(r), low) for r in lex.roles)


def find_attributions(text: str, start: int, end: int,
                      lex: ClaimsLexicon) -> list[Attribution]:
    """Every attribution in the sentence ``text[start:end]`` (offsets into ``text``)."""
    sent = text[start:end]
    low = norm(sent)
    out: list[Attribution] = []
    app: tuple[int, int] | None
    for m in lex.preposition_re.finditer(low):
        s0 = start + m.end()
        stop = _SOURCE_END.search(text, s0, end)
        e0 = stop.start() if stop else end
        verb = lex.reporting_re.search(norm(text[s0:e0]))
        if verb:
            e0 = s0 + verb.start()  # "a toll given by X reported ...": X ends at the verb
        ss, se = _strip(text, s0, e0, lex)
        if se - ss < 2 or len(text[ss:se].split()) > 14:
            continue
        app = _apposition_after(text, se, end, lex)
        out.append(Attribution(start + m.start(), start + m.end(), ss, se, "preposition", app))
    for m in lex.reporting_re.finditer(low):
        vs, ve = start + m.start(), start + m.end()
        # drop auxiliaries and adverbials between the subject and the verb
        bs, be = _strip(text, start, vs, lex)
        cstart = bs
        for b in _CLAUSE_BOUNDARY.finditer(text, bs, be):
            cstart = b.end()
        if re.sub(r"\s+", " ", m.group()) in lex.participles:
            # "X a revendiqué l'attaque, affirmant avoir tué ...": the main clause's subject
            if be - cstart >= 2:
                out.append(Attribution(vs, ve, cstart, be, "participle"))
            continue
        parts = list(re.finditer(r"[^,]+", text[cstart:be]))
        # "X, qui dirige un hôpital, a dit": an apposition after a short subject (a long
        # first part is a clause of its own: "N ont été tués ..., dont huit ..., a dit X")
        first = [norm(w) for w in parts[0].group().split()] if parts else []
        opener = (len(parts) >= 2 and len(parts[1].group().split()) >= 2
                  and len(first) <= _SUBJECT_WORDS and lex.auxiliaries.isdisjoint(first)
                  and norm(parts[1].group().split()[0]) in lex.apposition_openers)
        after_words = re.findall(r"[^\W\d_]+['’]?|\d+", text[ve:end])
        nxt = norm(after_words[0]) if after_words else ""
        inverted = (not opener and (be <= bs or bool(re.search(r"[,\"»”]", text[be:vs])))
                    and bool(nxt) and nxt not in lex.content_markers and not nxt[0].isdigit())
        if inverted:
            stop = _SOURCE_END.search(text, ve, end)
            e0 = stop.start() if stop else end
            ss, se = _strip(text, ve, e0, lex)
            counted = bool(re.search(r"\d", text[ss:se]))
            if se - ss >= 2 and len(text[ss:se].split()) <= 14 and not counted:
                app = _apposition_after(text, se, end, lex)
                out.append(Attribution(vs, ve, ss, se, "inverted", app))
            if not counted or be <= bs:
                continue
            # "X, head of Y, said the bodies of 50 ...": what follows is what was said
        if not parts or be <= bs:
            continue
        app = None
        if opener:
            s_off, e_off = parts[0].span()
            app = (cstart + parts[1].start(), cstart + parts[1].end())
        elif (len(parts) >= 2 and norm(parts[-1].group().strip()) in lex.apposition_openers
              and parts[-2].group().split()):
            # "... par des avions de l'Otan, qui a indiqué": the relative pronoun stands for
            # the noun just before the comma
            s_off, e_off = _antecedent(parts[-2].group(), lex)
            s_off, e_off = s_off + parts[-2].start(), e_off + parts[-2].start()
        elif (len(parts) >= 2 and _looks_like_role(parts[-1].group(), lex)
              and 1 <= len(parts[-2].group().split()) <= 4):
            # "X, head of the ward at Y hospital, said": the name, then its role
            s_off, e_off = parts[-2].span()
            app = (cstart + parts[-1].start(), cstart + parts[-1].end())
        else:
            s_off, e_off = parts[-1].span()
        ss, se = _strip(text, cstart + s_off, cstart + e_off, lex)
        ss = _restart(text, ss, se, lex)
        dashes = list(re.finditer(r"\s(?:-{1,2}|–|—)\s", text[ss:se]))
        if dashes:
            dash = dashes[-1]
            # "TRIPOLI (Reuters) - Libyan officials said": the dateline is not the source
            ss, se = _strip(text, ss + dash.end(), se, lex)
        if se - ss < 2 or len(text[ss:se].split()) > 12:
            continue
        if lex.reporting_re.search(norm(text[ss:se])):
            continue  # "he said there were reports of ...": the verb is the earlier one
        out.append(Attribution(vs, ve, ss, se, "subject", app,
                               _has_content_after(text, ve, end, lex)))
    out.extend(_facilities(text, start, low, lex))
    return out


def _facilities(text: str, start: int, low: str, lex: ClaimsLexicon) -> list[Attribution]:
    """A hospital or a morgue as the subject of a verb of taking in ("the hospital
    received 20 wounded", "la morgue a reçu 12 corps"): it counted the victims."""
    if lex.facility_re is None or not lex.facility_nouns:
        return []
    out: list[Attribution] = []
    for m in lex.facility_re.finditer(low):
        vs, ve = start + m.start(), start + m.end()
        bs, be = _strip(text, start, vs, lex)
        cstart = bs
        for b in re.finditer(r"[,;:«»\"“”()]|\.(?=\s)", text[bs:be]):
            cstart = bs + b.end()
        ss, se = _strip(text, cstart, be, lex)
        words = [norm(w) for w in re.findall(r"[^\W\d_]+", text[ss:se])]
        if 1 <= len(words) <= 8 and not lex.facility_nouns.isdisjoint(words):
            out.append(Attribution(vs, ve, ss, se, "subject"))
    return out


def _antecedent(seg: str, lex: ClaimsLexicon) -> tuple[int, int]:
    """The noun phrase ending ``seg``: its words from the last function word, five at
    most, that word kept only if it is a determiner ("des avions de l'Otan" -> "de
    l'Otan", cleaned later to "Otan"; "by the ministry" -> "the ministry")."""
    words = list(re.finditer(r"\S+", seg))
    first = max(0, len(words) - 5)
    for i in range(len(words) - 2, first - 1, -1):
        w = norm(words[i].group())
        if w in lex.function_words:
            first = i if w in lex.determiners else i + 1
            break
    return words[first].start(), words[-1].end()


def _restart(text: str, ss: int, se: int, lex: ClaimsLexicon) -> int:
    """Where a subject starts when two headlines run together with no stop between them
    ("... in rebel-held Misrata The Libyan government alleges"): at the last capitalised
    determiner after a word that is no function word; else ``ss``."""
    words = list(re.finditer(r"[^\W\d_]+", text[ss:se]))
    for prev, w in reversed(list(itertools.pairwise(words))):
        if (w.group()[:1].isupper() and norm(w.group()) in lex.determiners
                and norm(prev.group()) not in lex.function_words
                and norm(prev.group()) not in lex.determiners):
            return ss + w.start()
    return ss


def _has_content_after(text: str, pos: int, end: int, lex: ClaimsLexicon) -> bool:
    """Does a clause of its own follow the reporting verb at ``pos`` ("said that ...", "said
    it was ...")?"""
    words = re.findall(r"[^\W\d_]+['’]?", text[pos:min(end, pos + 40)])
    if len(words) < 2:
        return False
    first = norm(words[0])
    return first in lex.pronouns or first in ("that", "que", "qu'")


def choose_attribution(attrs: Sequence[Attribution], claim_start: int,
                       claim_end: int) -> Attribution | None:
    """The attribution nearest to the claim (a source never contains the claim itself)."""
    best: Attribution | None = None
    best_d = 10**9
    for a in attrs:
        if a.source_start <= claim_start < a.source_end:
            continue
        if a.content_after and a.source_start >= claim_end:
            continue  # "..., killing two, and NATO said it was investigating"
        if a.cue_end <= claim_start:
            d = claim_start - a.cue_end
        elif a.cue_start >= claim_end:
            d = a.cue_start - claim_end
        else:
            d = 0
        if d < best_d:
            best, best_d = a, d
    if best is None:
        return None
    if best.form == "subject":
        # "a toll given by X said ...": the source named inside the subject
        for a in attrs:
            if a.form == "preposition" and best.source_start <= a.cue_start < best.source_end:
                return a
    if best.form == "preposition" and best.cue_start >= claim_end:
        # "the ministry reported 3 dead ..., according to state TV": the ministry gave the
        # figure, the channel relayed it
        for a in attrs:
            if (a.form == "subject" and 0 <= claim_start - a.cue_end <= 60
                    and not (a.source_start <= best.cue_start < a.source_end)):
                return a
    return best


def role_of(text: str, span: tuple[int, int] | None, lex: ClaimsLexicon) -> str | None:
    """English role words found in an apposition ("qui dirige un hôpital" -> hospital director)."""
    if span is None:
        return None
    low = norm(text[span[0]:span[1]])
    for phrase, role in lex.roles.items():
        if re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", low):
            return role
    return None


def actors_in(actors: Sequence[ActorMention], start: int, end: int,
              any_actor: bool = False) -> list[str]:
    """Canonical names of the claim-giving actors overlapping [start, end), in text order.

    ``any_actor`` also admits actors that do not usually give figures (an armed group
    claiming an attack of its own).
    """
    return [actor_name(a) for a in actor_mentions_in(actors, start, end, any_actor)]


def actor_name(a: ActorMention) -> str:
    """How a claim-giving actor is named."""
    return a.claimant or a.name


def actor_mentions_in(actors: Sequence[ActorMention], start: int, end: int,
                      any_actor: bool = False) -> list[ActorMention]:
    """The actor mentions overlapping [start, end), one per name, in text order."""
    seen: set[str] = set()
    out: list[ActorMention] = []
    for a in sorted(actors, key=lambda x: x.start):
        if (a.can_claim or any_actor) and a.start < end and a.end > start:
            name = actor_name(a)
            if name not in seen:
                seen.add(name)
                out.append(a)
    return out


def clean_phrase(text: str, start: int, end: int, lex: ClaimsLexicon) -> str:
    """A claimant noun phrase without its determiners and relative clause, spaces folded.

    "a doctor at the central hospital, who asked not to be named" -> "doctor at the central
    hospital".
    """
    seg = re.split(r"[,;(]", text[start:end], maxsplit=1)[0]
    words = seg.split()
    for i, w in enumerate(words):
        if i > 0 and norm(w) in lex.apposition_openers:
            words = words[:i]
            break
    while words:
        w = norm(words[0])
        if w in lex.determiners:
            words = words[1:]
            continue
        # elided French determiners glued to the noun ("l'OSDH", "d'un")
        head = re.match(r"(\w+')(.+)", w)
        if head and head.group(1) in lex.determiners:
            words[0] = words[0][len(head.group(1)):]
        break
    return " ".join(words).strip(" ,.;:\"«»“”'")


def subject_head(text: str, start: int, end: int, lex: ClaimsLexicon) -> tuple[int, int] | None:
    """The words of ``text[start:end]`` before its first auxiliary (a main clause's subject)."""
    for m in re.finditer(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text[start:end]):
        if norm(m.group()) in lex.auxiliaries:
            if m.start() == 0:
                return None
            s, e = start, start + m.start()
            seg = text[s:e].strip()
            n = len(seg.split())
            return (s, e) if 1 <= n <= 8 else None
    return None
