"""From typed triggers to events: date, place, actors, target, claims, mentions; merging.

One document at a time. Two triggers of compatible (sub-)types on the same date and a
compatible place are one event with several mentions (reports repeat the main event in
the headline, the bullets, the lead and the body).
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import itertools
import re
import unicodedata
from dataclasses import dataclass, field, replace

from bilan.events.ontology import EventKind, Ontology
from bilan.events.select import is_short, iso_day, main_event
from bilan.events.triggers import EventLexicon, TriggerMatch, find_triggers
from bilan.events.typing import (
    VOICE,
    TypedTrigger,
    apply_document_rules,
    apply_sentence_rules,
    blocking_cue,
    burned_occupants,
    exchanged_fire,
    requirements_met,
    retype_by_roles,
    sentence_roles,
    sentence_rules_by_source,
)
from bilan.places.gazetteer import distance_km
from bilan.places.toponyms import event_place, place_specificity
from bilan.records import (
    ActorMention,
    Claim,
    Document,
    Event,
    Mention,
    Place,
    PlaceMention,
    Span,
    TimeMention,
)

PRECISION_RANK = {"district": 0, "city": 1, "admin1": 2, "country": 3, "region": 4}
# violent types: a place may be inferred from context; anaphora and toll sentences attach
VIOLENT_TYPES = frozenset(
    {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
)
# sub-types told of the same happening at different levels of detail, most specific first
COMPATIBLE_GROUPS: tuple[tuple[EventKind, ...], ...] = (
    (
        ("Explosions/Remote violence", "Suicide bomb"),
        ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ),
    (
        ("Protests", "Excessive force against protesters"),
        ("Protests", "Protest with intervention"),
        ("Protests", "Peaceful protest"),
    ),
)
# event types one happening may be told as in one report, on the same day at the same
# place (a rally attacked by a mob, the shelling and the fighting of one battle); the
# first type is the one the merged event keeps
SAME_HAPPENING: tuple[tuple[str, frozenset[str]], ...] = (
    ("Riots", frozenset({"Protests", "Riots"})),
    ("Protests", frozenset({"Protests", "Violence against civilians"})),
    ("Battles", frozenset({"Battles", "Explosions/Remote violence"})),
    ("Explosions/Remote violence", frozenset({"Explosions/Remote violence"})),
)
# sub-types of those types that name a separate kind of happening (an air strike is not
# the ground fighting around it)
APART_SUBTYPES = frozenset({"Air/drone strike", "Suicide bomb", "Chemical weapon"})
# kinds that gather unlike happenings: same day and place is not enough to merge them
# types the parties of a sentence may change (typing.retype_by_roles)
ROLE_TYPED = frozenset({"Battles", "Violence against civilians", "Diplomacy"})
CATCH_ALL = frozenset({("Strategic developments", "Other"), ("Diplomacy", "Statement")})
STEM = 6
# kinds besides the violent ones and protests that happen in some town (a report naming no
# place in their sentences tells them at its town)
ON_THE_GROUND = frozenset({("Strategic developments", "Arrests"),
                           ("Strategic developments", "Looting/property destruction")})
CIVILIAN_TARGETS = frozenset(
    {"aid convoy", "hospital", "school", "market", "mosque", "residential building"}
)
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])")
ANNOUNCEMENT = re.compile(r"annon|announc", re.IGNORECASE)
TOLL_KINDS = frozenset({"killed", "injured"})  # the figures a snippet's main event gathers
FOLLOW_UP_SENTENCES = 4  # how far toll sentences and anaphora may trail their event
HISTORY_YEARS = 3  # an event dated this many years before its report is history
PERIOD_MAX_DAYS = 92  # a span reaching further back is a war-wide total, not a period record


@dataclass(slots=True)
class DocIndex:
    """What the choices for each event of one document look up again and again, computed
    once: its temporal expressions and places sentence by sentence, the lead's day, the
    theatres of violence (a long report has hundreds of each: scanning them all for every
    event was quadratic)."""

    timexes: list[list[TimeMention]]
    places: list[list[PlaceMention]]
    lead: dt.date | None
    theatres: dict[str | None, frozenset[str]] = field(default_factory=dict)
    misread: frozenset[int] = frozenset()  # starts of misread place mentions


def per_sentence(sentences: list[Span], starts: list[int]) -> list[list[int]]:
    """Indexes of the items starting at ``starts`` grouped by the sentence holding them
    (in their order; items outside every sentence are left out)."""
    firsts = [s.start for s in sentences]
    out: list[list[int]] = [[] for _ in sentences]
    for i, at in enumerate(starts):
        j = bisect.bisect_right(firsts, at) - 1
        if j >= 0 and at < sentences[j].end:
            out[j].append(i)
    return out


def doc_index(doc: Document, lexicon: EventLexicon) -> DocIndex:
    tx = per_sentence(doc.sentences, [t.start for t in doc.timexes])
    pl = per_sentence(doc.sentences, [p.start for p in doc.places])
    return DocIndex(
        timexes=[[doc.timexes[i] for i in group] for group in tx],
        places=[[doc.places[i] for i in group] for group in pl],
        lead=lead_date(doc),
        misread=misread_places(doc, lexicon),
    )


@dataclass(slots=True)
class DateChoice:
    date: str | None
    date_end: str | None
    precision: str
    source: str  # "sentence", "previous", "lead", "publication", "none"
    future: bool = False
    stale: bool = False  # years before the report: a historical comparison


@dataclass(slots=True)
class Draft:
    """An event under construction, with what merging needs to know."""

    event: Event
    kind: EventKind
    sentence: int
    date_source: str
    sentences: list[int] = field(default_factory=list)
    nationwide: bool = False  # placed at its country by "dans tout le pays", "nationwide"


def timex_date(t: TimeMention, publication: dt.date | None) -> DateChoice | None:
    """The date a temporal expression gives, with its precision (None when it gives none)."""
    if t.range_start:
        start = t.range_start[:10]
        end = (t.range_end or "")[:10] or (publication.isoformat() if publication else None)
        if publication is not None and _DAY.match(start):
            try:
                if (publication - dt.date.fromisoformat(start)).days > PERIOD_MAX_DAYS:
                    return None
            except ValueError:
                return None
        return DateChoice(start, end, "period", "sentence")
    if t.type not in ("DATE", "TIME"):
        return None
    v = t.value
    if (wd := _WEEKDAY.match(v)) and publication is not None:
        # an unresolved weekday ("jeudi"): the last such day on or before the report's date
        back = (publication.isoweekday() - int(wd[1])) % 7
        return DateChoice((publication - dt.timedelta(days=back)).isoformat(), None, "day",
                          "sentence")
    if m := _DAY.match(v):
        return DateChoice(f"{m[1]}-{m[2]}-{m[3]}", None, "day", "sentence")
    if m := _WEEK.match(v):
        try:
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None
        return DateChoice(monday.isoformat(), None, "week", "sentence")
    if m := _MONTH.match(v):
        return DateChoice(f"{m[1]}-{m[2]}-01", None, "month", "sentence")
    if m := _YEAR.match(v):
        return DateChoice(f"{m[1]}-01-01", None, "year", "sentence")
    return None


def paragraphs(doc: Document) -> list[int]:
    """Paragraph number of each sentence (a line break between two sentences starts one)."""
    out: list[int] = []
    para = 0
    prev_end: int | None = None
    for s in doc.sentences:
        if prev_end is not None and "\n" in doc.text[prev_end : s.start]:
            para += 1
        out.append(para)
        prev_end = s.end
    return out


def _in(span_start: int, sentence: Span) -> bool:
    return sentence.start <= span_start < sentence.end


# dates an event gets when its own sentences name none
DEFAULT_DATES = ("lead", "publication")
LEAD_DAYS = 2  # a lead's day this many days before the report at most dates what follows


def _off_time(choice: DateChoice, pub: dt.date | None) -> bool:
    """The date lies after the report or years before it."""
    if pub is None or not choice.date:
        return False
    try:
        day = dt.date.fromisoformat(choice.date[:10])
    except ValueError:
        return False
    return day > pub + dt.timedelta(days=1) or day.year < pub.year - HISTORY_YEARS


MID_REACH = 20  # characters before a time expression searched for "mid-", "milieu de"
_MID_GAP = re.compile(r"[\s\-]*(?:\w{1,3}\s+|\w['’])?")
_MID_SHIFT = {"week": 2, "month": 14}  # days from a week's Monday, a month's first day


def in_the_middle(doc: Document, t: TimeMention, choice: DateChoice,
                  mid: re.Pattern[str] | None) -> DateChoice:
    """A week or a month told as its middle ("en milieu de semaine dernière", "mid-March":
    the lexicon's ``mid_period`` cues) is dated on its middle day, not its first one."""
    shift = _MID_SHIFT.get(choice.precision)
    if mid is None or shift is None or (day := iso_day(choice.date)) is None:
        return choice
    lo = max(0, t.start - MID_REACH)
    cues = list(mid.finditer(doc.text, lo, t.end))
    if not any(m.start() >= t.start or _MID_GAP.fullmatch(doc.text, m.end(), t.start)
               for m in cues):
        return choice
    return DateChoice((day + dt.timedelta(days=shift)).isoformat(), choice.date_end,
                      choice.precision, choice.source, choice.future, choice.stale)


def _in_clause(
    doc: Document, trigger: Span, t: TimeMention, clause: re.Pattern[str] | None
) -> bool:
    """The time expression comes after the trigger, behind a word opening a clause of its
    own (a purpose, a cause, an earlier episode: "to demand ... scheduled on 31 January",
    "after ... the 2008 agitation"): it dates that clause, not the event."""
    if clause is None or t.start < trigger.end:
        return False
    return clause.search(doc.text, trigger.end, t.start) is not None


_SPAN_OF_DAYS = re.compile(r"^P(\d{1,2})([DW])$")  # "three days", "two weeks"
AFTER_GAP_MAX = 30  # characters between "three days after" and the event word it names
_GAP_BREAK = re.compile(r"[,.;:!?()\[\]«»\"]")


def days_before(doc: Document, idx: int, trigger: Span, index: DocIndex,
                span_after: re.Pattern[str] | None) -> int | None:
    """How many days before the day its sentence tells of the event of ``trigger`` happened,
    when the sentence names it right after a span of days and a word of ``span_after``
    ("intervient trois jours après le bombardement", "two weeks after the attack": the
    bombing is three days older than the news); None when the sentence does not say so."""
    if span_after is None:
        return None
    for t in index.timexes[idx]:
        if t.type != "DURATION" or t.end > trigger.start:
            continue
        m = _SPAN_OF_DAYS.match(t.value)
        if m is None:
            continue
        gap = doc.text[t.end : trigger.start]
        cue = span_after.match(doc.text, t.end + len(gap) - len(gap.lstrip()))
        if cue is None:
            continue
        rest = doc.text[cue.end() : trigger.start]
        if len(rest) <= AFTER_GAP_MAX and _GAP_BREAK.search(rest) is None:
            return int(m[1]) * (7 if m[2] == "W" else 1)
    return None


def choose_date(
    doc: Document,
    idx: int,
    trigger: Span,
    paras: list[int],
    clause: re.Pattern[str] | None,
    index: DocIndex,
    span_after: re.Pattern[str] | None = None,
    mid: re.Pattern[str] | None = None,
) -> DateChoice:
    """Date of an event told in sentence ``idx``: sentence timex, previous sentence, report.

    A date after the report or years before it, told after the trigger in a clause of its
    own (``clause``: the lexicon's cue list of that name), does not date the event. An
    event named "N days after" (``span_after``, :func:`days_before`) is dated that many days
    before the day its sentence names before it, else before the lead's or the report's."""
    pub = doc.publication_date

    def candidates(i: int) -> list[tuple[TimeMention, DateChoice]]:
        return [(t, choice) for t in index.timexes[i]
                if (choice := timex_date(t, pub)) is not None]

    back = days_before(doc, idx, trigger, index, span_after)
    if back is not None:
        # the day of the clause telling of the later happening, named before the span
        days = [c for c in candidates(idx)
                if c[1].precision == "day" and c[1].date and c[0].end <= trigger.start]
        anchor = iso_day(days[-1][1].date) if days else index.lead or pub
        if anchor is not None:
            return DateChoice((anchor - dt.timedelta(days=back)).isoformat(), None, "day",
                              "sentence")

    here = [
        c
        for c in candidates(idx)
        if not (_off_time(c[1], pub) and _in_clause(doc, trigger, c[0], clause))
    ]
    if here:
        fine = [c for c in here if c[1].precision != "year"] or here
        t, choice = min(fine, key=lambda c: abs(c[0].start - trigger.start))
        choice = in_the_middle(doc, t, choice, mid)
        year = int(choice.date[:4]) if choice.date else None
        if pub is not None and choice.date and _DAY.match(choice.date):
            with contextlib.suppress(ValueError):
                choice.future = dt.date.fromisoformat(choice.date) > pub + dt.timedelta(days=1)
        if pub is not None and year is not None and year < pub.year - HISTORY_YEARS:
            choice.stale = True
            return choice
        if not (pub is not None and choice.precision == "year" and (year or 0) < pub.year):
            return choice
    if idx > 0 and paras[idx - 1] == paras[idx]:
        before = [c for c in candidates(idx - 1) if c[1].precision in ("day", "week", "month")]
        if before:
            _, choice = before[-1]
            return DateChoice(choice.date, choice.date_end, choice.precision, "previous")
    if pub is not None:
        if index.lead is not None:
            return DateChoice(index.lead.isoformat(), None, "day", "lead")
        return DateChoice(pub.isoformat(), None, "day", "publication")
    return DateChoice(None, None, "day", "none")


def lead_date(doc: Document) -> dt.date | None:
    """The day the report's lead names for its story, when it is a day shortly before the
    report ("spread to the capital on Sunday" in a Monday report): the sentences after the
    lead that name no day of their own go on telling of that day, not of the report's."""
    pub = doc.publication_date
    if pub is None:
        return None
    first = next((s for s in doc.sentences if s.end > doc.body_start), None)
    if first is None:
        return None
    for t in doc.timexes:
        if not _in(t.start, first) or t.type not in ("DATE", "TIME") or t.range_start:
            continue
        choice = timex_date(t, pub)
        if choice is None or choice.precision != "day" or not choice.date:
            continue
        try:
            day = dt.date.fromisoformat(choice.date[:10])
        except ValueError:
            continue
        if day == pub:
            continue  # the dateline's own day, or "today": the report's day anyway
        return day if 0 < (pub - day).days <= LEAD_DAYS else None
    return None


def _outside_dateline(doc: Document, pm: PlaceMention) -> bool:
    dl = doc.dateline
    return dl is None or not (dl.start <= pm.start < dl.end)


LOOK_BEHIND = 48  # characters before a place name searched for a locative or metonymy cue
# a place introduced by "à", "in", "near" ... counts as this many specificity ranks finer
# (two ranks per precision level, as in ``toponyms.event_place``): a town named as where
# something happens beats a quarter or a landmark named in passing ("à Nasr City" / "la
# place Tahrir"); a division named so does not beat a town ("across X state" / "in Y")
LOCATIVE_RANKS = 2.5
DIVISION_LOCATIVE_RANKS = 1.5
# a place named as what was attacked or taken ("captured the town of X") counts this many
# ranks finer again: it beats a town of the same precision introduced by "in"
ASSAILED_RANKS = 0.5


def _before(doc: Document, pm: PlaceMention) -> str:
    return doc.text[max(0, pm.start - LOOK_BEHIND) : pm.start]


def is_locative(doc: Document, pm: PlaceMention, lexicon: EventLexicon) -> bool:
    """The place is introduced as where something happens ("à Alep", "near Misrata")."""
    return lexicon.locative is not None and lexicon.locative.search(_before(doc, pm)) is not None


def is_assailed(doc: Document, pm: PlaceMention, lexicon: EventLexicon) -> bool:
    """The place is what was attacked or taken ("ont attaqué l'oasis de X", "captured the
    town of X"): where the event was, more surely than a town named with "in"."""
    cue = lexicon.cue_lists.get("assailed")
    return cue is not None and cue.search(_before(doc, pm)) is not None


def is_metonymy(doc: Document, pm: PlaceMention, lexicon: EventLexicon) -> bool:
    """The place name stands for a government or a side ("le régime de Damas")."""
    return lexicon.metonymy is not None and lexicon.metonymy.search(_before(doc, pm)) is not None


def _best_place(
    doc: Document, mentions: list[PlaceMention], anchor: int, lexicon: EventLexicon
) -> Place | None:
    if not mentions:
        return None

    first = is_short(doc)

    def key(p: PlaceMention) -> tuple[float, int]:
        rank = float(_specificity(p.place))
        assailed = is_assailed(doc, p, lexicon)
        if assailed or p.locative or is_locative(doc, p, lexicon):
            rank -= LOCATIVE_RANKS if p.place.precision in ("city", "district") else (
                DIVISION_LOCATIVE_RANKS)
        if assailed:
            rank -= ASSAILED_RANKS
        # a snippet names its event's place first; a report's events lie near their words
        return rank, p.start if first else abs(p.start - anchor)

    return min(mentions, key=key).place


def most_mentioned_city(doc: Document) -> Place | None:
    counts: dict[str, tuple[int, Place]] = {}
    for pm in doc.places:
        if pm.place.precision in ("city", "district") and _outside_dateline(doc, pm):
            place = pm.place
            key = place.parent or place.name
            n, _ = counts.get(key, (0, place))
            # a district stands for its city only if the city itself is never named
            kept = place if place.precision == "city" else counts.get(key, (0, place))[1]
            counts[key] = (n + 1, kept)
    if not counts:
        return None
    return max(counts.values(), key=lambda c: c[0])[1]


def theatre_country(doc: Document, misread: frozenset[int] = frozenset()) -> str | None:
    """Country code of the report's theatre: the country whose towns, quarters and
    divisions the report names most (the place of the violence, not of capitals and talks
    abroad); ties go to the country named most in all (its name and demonym too: "in
    Doutchi, near Diffa" with a Nigerien army camp is in Niger, whatever namesake Doutchi
    has), then to the first named; with no such place, the most named country. Mentions
    starting at ``misread`` (``misread_places``) do not count."""
    local: dict[str, int] = {}
    every: dict[str, int] = {}
    first: dict[str, int] = {}
    own: dict[str, int] = {}  # local places named by their own name, not by an alias
    for pm in doc.places:
        if not _outside_dateline(doc, pm) or pm.start in misread:
            continue
        cc = pm.place.country_code
        every[cc] = every.get(cc, 0) + 1
        first.setdefault(cc, pm.start)
        if pm.place.precision in ("city", "district", "admin1") and not pm.demonym:
            local[cc] = local.get(cc, 0) + 1
            own[cc] = own.get(cc, 0) + _by_own_name(pm)
    if local:
        return max(local, key=lambda c: (local[c], every[c], own[c], -first[c]))
    counts: dict[str, int] = {}
    for pm in doc.places:
        if not pm.demonym and _outside_dateline(doc, pm) and pm.start not in misread:
            counts[pm.place.country_code] = counts.get(pm.place.country_code, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def _folded(name: str) -> str:
    bare = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in bare if ch.isalnum())


def _by_own_name(pm: PlaceMention) -> bool:
    """The mention spells its place's own name ("Jaffna") or a name of several words, not a
    one-word alias or variant that led to it ("Loka" read as Loja): a namesake abroad is
    more often reached so."""
    return len(pm.text.split()) > 1 or _folded(pm.text) == _folded(pm.place.name)


def theatre_countries(doc: Document, theatre: str | None, lexicon: EventLexicon) -> frozenset[str]:
    """Countries a violent event of the report may happen in: its theatre and every country
    the report introduces as where something happens ("En Libye, ...", "au Yémen", "in
    Bahrain") and names a place of in the same way ("à Benghazi"): a round-up of several
    countries has several theatres ("qu'à la Russie" alone does not make one)."""
    out = {theatre} if theatre else set()
    named: set[str] = set()  # countries introduced as where something happens
    local: set[str] = set()  # countries of places introduced so
    for pm in doc.places:
        precision = pm.place.precision
        into = (named if precision == "country" and not pm.demonym
                else local if precision in ("city", "district", "admin1") else None)
        if (into is not None and not pm.reference
                and (pm.locative or is_locative(doc, pm, lexicon))
                and _outside_dateline(doc, pm)):
            into.add(pm.place.country_code)
    return frozenset(out | (named & local))


HOLDER_REACH = 40  # characters between a place and the place named to situate it ...
HOLDER_WORDS = 4  # ... and words ("Gota area of Y", "Doutchi, south of Y", "X village (Y")
HOLDER_KM = 200.0  # a place situated by a city ("X area of Y") lies within this of it
# what may stand between a place and the place situating it: a comma or a bracket for a
# division ("Cawayan, Masbate"); for a city, a bracket or a linking word ("Soba area of X",
# events.yaml ``holder_links``); never an end of clause nor a word of ``holder_breaks``
_HOLDER_MARK = re.compile(r"[,(\[]")
_CITY_HOLDER_MARK = re.compile(r"[(\[]")
_NOT_HOLDER_MARK = re.compile(r"[.;:!?)]")
_RIGHT_AFTER = re.compile(r"\s*[,(]")  # a holder chain opening right after a place


def _gap_has(gap: str, mark: re.Pattern[str], words: re.Pattern[str] | None) -> bool:
    return mark.search(gap) is not None or (words is not None and words.search(gap) is not None)


def _specificity(place: Place) -> int:
    return place_specificity(place, PRECISION_RANK)  # this module's ranks: regions last


def _outside_holder(place: Place, holder: Place, gap: str, lexicon: EventLexicon) -> bool:
    """``place`` cannot lie in ``holder``, the place named right after it to situate it
    ("Gota area of Ahmedabad", "Mandoli (Bandiagara, Mopti)", "Castilla, Piura")."""
    if place.country_code != holder.country_code:
        # "Y" right after "X" in another country: X is a namesake abroad ("in San
        # Francisco Campeche, Campeche"); which of the two is misread: see misread_places
        return not gap.strip() or _gap_has(gap, _HOLDER_MARK, lexicon.holder_link)
    if not _gap_has(gap, _HOLDER_MARK, lexicon.holder_link) or holder.precision == "country":
        return False
    far = distance_km(place.lat, place.lon, holder.lat, holder.lon)
    if (holder.precision == "city" and holder.admin1 is not None
            and holder.name == holder.admin1 and place.admin1 == holder.admin1):
        # "Yanfolila (Sikasso)": a town named after its division may stand for that
        # division, which holds the place wherever the town itself lies
        return False
    if holder.precision == "admin1":
        return (place.admin1 is not None and holder.admin1 is not None
                and place.admin1 != holder.admin1 and far > HOLDER_KM / 4)
    return _gap_has(gap, _CITY_HOLDER_MARK, lexicon.holder_link) and far > HOLDER_KM


def _listed(doc: Document, a: PlaceMention, b: PlaceMention) -> bool:
    """``b`` follows ``a`` in a list of places ("Y, Z and W"), not as the division that
    holds it ("Y, Z state": a coarser place)."""
    gap = doc.text[a.end : b.start]
    if b.place.gazetteer_id == a.place.gazetteer_id:
        return False  # "X Y, Y": a place named twice is its holder repeated, not a list
    return (_specificity(b.place) <= _specificity(a.place) and len(gap) <= 6
            and re.fullmatch(r"\s*(?:,|,?\s*\w{1,3})\s*", gap) is not None)


def misread_places(doc: Document, lexicon: EventLexicon) -> frozenset[int]:
    """Starts of the place mentions whose reading cannot be right: a village or a quarter
    named with the place that situates it, read as a namesake outside that place (the
    holder stands in for it)."""
    out: set[int] = set()
    mentions = sorted(doc.places, key=lambda pm: pm.start)
    named: dict[str, int] = {}
    for pm in mentions:
        named[pm.place.country_code] = named.get(pm.place.country_code, 0) + 1
    for i, (pm, nxt) in enumerate(itertools.pairwise(mentions)):
        if (pm.demonym or nxt.demonym or nxt.reference or pm.place.precision == "country"):
            continue  # "X (300 km south of Y)": Y only situates X, it does not hold it
        if i + 2 < len(mentions) and _listed(doc, nxt, mentions[i + 2]):
            continue  # "in X, Y, Z and W": a list of places, none situating another
        gap = doc.text[pm.end : nxt.start]
        if (len(gap) > HOLDER_REACH or len(gap.split()) > HOLDER_WORDS
                or _gap_has(gap, _NOT_HOLDER_MARK, lexicon.holder_break)
                or _specificity(nxt.place) <= _specificity(pm.place) - (
                    1 if nxt.place.precision == "city" else 0)):
            continue
        if not _outside_holder(pm.place, nxt.place, gap, lexicon):
            continue
        if (pm.locative and nxt.place.precision == "admin1" and _RIGHT_AFTER.match(gap)
                and pm.place.country_code == nxt.place.country_code):
            # "in X, Y state" with X read in another state of the same country: the
            # places stage kept that reading against its holder (a well-known town), so
            # the report's division is the slip ("in Mariupol, Zaporizhia")
            continue
        if pm.place.country_code != nxt.place.country_code and (
                named[nxt.place.country_code] < named[pm.place.country_code]
                or (named[nxt.place.country_code] == named[pm.place.country_code]
                    and nxt.place.precision not in ("city", "district"))):
            # the report names the first one's country more: the holder is misread; on a
            # tie, a town named to situate a place is the better known of the two ("X
            # suburb, Y city", "X residents (Y)"): the place is the namesake; a division
            # may as well be the one misread (its name recurs across countries)
            continue
        out.add(pm.start)
    return frozenset(out)


def _candidates(
    doc: Document,
    kind: EventKind,
    lexicon: EventLexicon,
    theatre: str | None,
    theatres: frozenset[str],
    places: list[PlaceMention],
    misread: frozenset[int] = frozenset(),
) -> list[PlaceMention]:
    """The places of one sentence (``places``) a ``kind`` event may happen at (the place
    mentions starting at ``misread`` left out)."""
    out = []
    for pm in places:
        if not _outside_dateline(doc, pm) or pm.demonym or pm.start in misread:
            continue
        if is_metonymy(doc, pm, lexicon):
            continue
        if (
            kind[0] in VIOLENT_TYPES
            and theatre is not None
            and pm.place.country_code != theatre
            and pm.place.country_code not in theatres
        ):
            continue  # a violent event happens in the theatre, not where talks are held
        if kind[0] == "Diplomacy" and not is_locative(doc, pm, lexicon):
            continue  # the parties to talks ("la Russie et les Etats-Unis") are not a place
        if (
            kind[0] == "Diplomacy"
            and pm.place.precision == "country"
            and pm.place.country_code == theatre
        ):
            continue  # talks "about the bloodshed in Syria" are not held "in Syria"
        out.append(pm)
    named = [pm for pm in out if not _names_other_thing(doc, pm)]
    return named or out


# a place name joined by a hyphen to another name ("the Agra-Mumbai highway", "l'axe
# Gao-Ansongo") names a road or a link between two places; one right before a police force
# ("Bihar police") names whose force it is: neither is where the event was while the
# sentence names another place
# (the joined names then qualify a common noun: "highway", "stretch", "border"; a quarter
# named with its city, "Zagreb-Gornji Grad, Croatia", is a place)
_HYPHEN_BEFORE = re.compile(r"[A-Z][^\W\d_]*-$")
_JOINED_AFTER = re.compile(r"(?:-[A-Z][\w.]*(?: [A-Z][\w.]*)*)*")
_HYPHEN_AFTER = re.compile(r"-[A-Z]")
_NOUN_AFTER = re.compile(r"\s+(?!(?:on|in|at|of|and|or|to|for|by|with|near|as|when|where|"
                         r"de|du|des|la|le|les|et|en|à|au|aux|sur|dans)\b)[a-zé]")
_FORCE_AFTER = re.compile(r"\s+(?:police|policemen|constabulary)\b", re.IGNORECASE)
# "Tunisia's regional momentum", "Egypt's official news agency": a place in the possessive
# before a common noun names whose thing it is, not where something happened (unlike
# "Syria's north", "Egypt's capital", "Pakistan's Swat valley")
_POSSESSIVE_THING = re.compile(
    r" ?['’]s\s+(?!(?:capital|cities|city|towns?|villages?|provinces?|regions?|districts?|"
    r"states?|north|south|east|west|northern|southern|eastern|western|central|border|borders|"
    r"coast|coastal|outskirts|suburbs?|streets|heartland|interior)\b)[a-z]")


def _names_other_thing(doc: Document, pm: PlaceMention) -> bool:
    before = doc.text[max(0, pm.start - 30) : pm.start]
    after = doc.text[pm.end : pm.end + 60]
    if _POSSESSIVE_THING.match(after) is not None:
        return True
    if _FORCE_AFTER.match(after) is not None:
        # "Bihar police ... (Jamui, Bihar)": the force's state named again as a holder;
        # a force named once ("the Lahore police") may well be where it acted
        return any(o.text == pm.text and o.start != pm.start for o in doc.places)
    if _HYPHEN_BEFORE.search(before) is None and _HYPHEN_AFTER.match(after) is None:
        return False
    joined = _JOINED_AFTER.match(after)
    rest = after[joined.end() :] if joined is not None else after
    return _NOUN_AFTER.match(rest) is not None


def _pick(
    doc: Document, mentions: list[PlaceMention], anchor: int, lexicon: EventLexicon
) -> Place | None:
    """The event place among a sentence's candidates, reference points aside ("à 800 km de
    Tripoli", "told reporters in Tripoli")."""
    own = [pm for pm in mentions if not pm.reference]
    return _best_place(doc, own, anchor, lexicon) if own else None


def choose_place(
    doc: Document,
    idx: int,
    kind: EventKind,
    trigger: Span,
    paras: list[int],
    lexicon: EventLexicon,
    theatre: str | None,
    index: DocIndex,
) -> Place | None:
    """Most specific place in the sentence, else the previous one, else the report's city.

    Demonyms, place names standing for a government, namesakes that cannot lie in the place
    named to situate them (``misread_places``) and, for violent events, places outside
    the report's theatres are skipped; a place introduced as where something happens ("à",
    "near") is preferred. In a snippet about one happening (``select.is_short``), equal
    places go to the first named, an event whose sentence names only a division or a
    country takes the snippet's town inside it, and one whose sentence names no place
    takes the snippet's place (``document_place``) before the sentence before. Reference
    points ("à 800 km de X", "told reporters in X") are skipped while the sentence names
    another place; a violent event named with nothing but them takes the sentence before,
    then the report's city, and only then them. An event whose place is a division or a
    country, with a reference town inside it in the same sentence ("30 km south of Y, in
    Y province"), is placed at that town.
    """
    violent = kind[0] in VIOLENT_TYPES
    theatres: frozenset[str] = frozenset()
    if violent:
        if theatre not in index.theatres:
            index.theatres[theatre] = theatre_countries(doc, theatre, lexicon)
        theatres = index.theatres[theatre]
    short = is_short(doc)
    here = _candidates(doc, kind, lexicon, theatre, theatres, index.places[idx],
                       index.misread)
    place = _pick(doc, here, trigger.start, lexicon)
    if not violent and _cue_nearest(doc, idx, lexicon.cue_lists.get("un_new_york"), trigger,
                                    here, lexicon):
        return UN_SEAT  # "at the UN General Assembly", "le Conseil de sécurité a adopté"
    if not violent and _nationwide(doc, idx, lexicon, trigger, here):
        # "l'armée est déployée dans tout le pays": the theatre country, not a town
        place = _theatre_place(doc, theatre) or place
    if place is not None and short and place.precision in ("country", "admin1"):
        # "protests across the country ... In Mardan, ...": a snippet's town inside the
        # division or the country its event's sentence names is where that event was
        lead = document_place(doc, kind, lexicon, theatre, theatres, index.misread)
        if lead is not None and lead is not place and _contains(place, lead) and (
                _specificity(lead) < _specificity(place)):
            return lead
    if place is not None and place.precision in ("country", "admin1"):
        # "in X, south of Y (Y province)" with X unknown or misread: the town the event
        # is situated from lies nearer to it than the middle of the division holding it
        near = _reference_town_inside(here, place)
        if near is not None:
            return near
    if place is not None:
        return place
    if here and not violent:
        return _best_place(doc, here, trigger.start, lexicon)  # "a déclaré à Tripoli"
    if short:
        # a snippet tells of one happening: the place it names for it, not the last one
        # named before (its follow-up sentences name where the people came from ...)
        lead = document_place(doc, kind, lexicon, theatre, theatres, index.misread)
        if lead is not None:
            return lead
    if idx > 0 and paras[idx - 1] == paras[idx]:
        prev = doc.sentences[idx - 1]
        before = _candidates(doc, kind, lexicon, theatre, theatres, index.places[idx - 1],
                             index.misread)
        if not violent:
            # a decision or a truce is placed by the sentence before only where that
            # sentence says something happened ("à Genève"), not by the parties it names
            before = [pm for pm in before if is_locative(doc, pm, lexicon)]
        place = _pick(doc, before, prev.end, lexicon)
        if place is not None:
            return place
    if not violent:
        return None
    city = most_mentioned_city(doc)
    if city is not None:
        return city
    if here:
        return _best_place(doc, here, trigger.start, lexicon)  # "20 km south of X" only
    dateline = [pm for pm in doc.places if not _outside_dateline(doc, pm)]
    return dateline[0].place if dateline else None


# where the United Nations General Assembly and Security Council sit (``un_new_york`` in
# events.yaml): a resolution, a vote or a speech at their rostrum is held there
UN_SEAT = Place(name="New York City", country="United States", country_code="US",
                admin1="New York", lat=40.71427, lon=-74.00597, precision="city",
                gazetteer_id="geonames:5128581")


def _cue_nearest(doc: Document, idx: int, cue: re.Pattern[str] | None, trigger: Span,
                 mentions: list[PlaceMention], lexicon: EventLexicon) -> bool:
    """Sentence ``idx`` names ``cue`` ("dans tout le pays", "at the UN General Assembly")
    nearer its trigger than any town or quarter it introduces as where something happens
    ("au Caire"); a town named only to situate the event does not count."""
    if cue is None:
        return False
    sent = doc.sentences[idx]
    hits = [abs(m.start() - trigger.start) for m in cue.finditer(doc.text, sent.start, sent.end)]
    if not hits:
        return False
    towns = [abs(pm.start - trigger.start) for pm in _own_towns(doc, mentions, lexicon)]
    return not towns or min(hits) < min(towns)


def _own_towns(doc: Document, mentions: list[PlaceMention],
               lexicon: EventLexicon) -> list[PlaceMention]:
    """The towns and quarters among ``mentions`` introduced as where something happens."""
    return [pm for pm in mentions
            if not pm.reference and pm.place.precision in ("city", "district")
            and (pm.locative or is_locative(doc, pm, lexicon))]


def _nationwide(doc: Document, idx: int, lexicon: EventLexicon, trigger: Span,
                mentions: list[PlaceMention]) -> bool:
    """Sentence ``idx`` tells its event across the country ("dans tout le pays",
    "nationwide") and introduces no town as where something happens: a violent event so
    told is left to its towns (its toll is told town by town in the sentences after)."""
    return not _own_towns(doc, mentions, lexicon) and _cue_nearest(
        doc, idx, lexicon.cue_lists.get("nationwide"), trigger, [], lexicon)


def _theatre_place(doc: Document, theatre: str | None) -> Place | None:
    """The report's theatre country as the report names it, None when it never does."""
    for pm in doc.places:
        if pm.place.precision == "country" and pm.place.country_code == theatre:
            return pm.place
    return None


def _reference_town_inside(mentions: list[PlaceMention], division: Place) -> Place | None:
    """The first town or quarter among ``mentions`` named only to situate the event ("20
    km south of Y") that lies inside ``division``, None without one."""
    for pm in mentions:
        if (pm.reference and pm.place.precision in ("city", "district")
                and _contains(division, pm.place)):
            return pm.place
    return None


def document_place(
    doc: Document,
    kind: EventKind,
    lexicon: EventLexicon,
    theatre: str | None,
    theatres: frozenset[str],
    misread: frozenset[int] = frozenset(),
) -> Place | None:
    """The place a snippet about one happening tells it at (``toponyms.event_place`` over
    the places a ``kind`` event may happen at, reference points and ``misread`` aside)."""
    own = [pm for pm in _candidates(doc, kind, lexicon, theatre, theatres, doc.places,
                                    misread)
           if not pm.reference]
    if not own and kind[0] == "Diplomacy":
        # a snippet's release of prisoners "from X Prison in Y" or lockdown "on Y": its
        # towns and divisions, named with "in" or not (its countries may be the parties)
        own = [pm for pm in doc.places
               if pm.place.precision != "country" and not pm.demonym and not pm.reference
               and pm.start not in misread and _outside_dateline(doc, pm)
               and not is_metonymy(doc, pm, lexicon)]
    best = event_place(own, violent=kind[0] in VIOLENT_TYPES)
    return best.place if best is not None else None


def _is(actor: ActorMention, *words: str) -> bool:
    cat = actor.category.lower()
    return any(w in cat for w in words)


def choose_actors(
    doc: Document, idx: int, kind: EventKind, trigger: Span, location: Place | None
) -> tuple[str | None, str | None]:
    """actor1 (who acted) and actor2 (who was acted upon) among the sentence's actors."""
    sentence = doc.sentences[idx]
    seen: set[str] = set()
    actors: list[ActorMention] = []
    for a in sorted(doc.actors, key=lambda a: a.start):
        if _in(a.start, sentence) and a.can_act and a.name not in seen:
            seen.add(a.name)
            actors.append(a)
    if not actors:
        return None, None
    state = [a for a in actors if _is(a, "state", "military", "government", "army", "police")]
    actor1: str | None
    if kind[0] == "Explosions/Remote violence" and state:
        actor1 = state[0].name
    elif kind[0] == "Protests" and kind[1] != "Peaceful protest" and state:
        # the protesters are actor1 in ACLED's protest coding; the force used is actor2
        protesters = [a for a in actors if _is(a, "protest")]
        actor1 = protesters[0].name if protesters else None
        return actor1, state[0].name
    else:
        before = [a for a in actors if a.start < trigger.start]
        actor1 = (before[-1] if before else actors[0]).name
    rest = [a.name for a in actors if a.name != actor1]
    return actor1, (rest[0] if rest else None)


TARGET_WINDOW = 90  # characters around the trigger where what was hit is named
# targets that make a strike its own event (the strike on a hospital is not the shelling
# of the town around it, even on the same day)
DISTINCT_TARGETS = frozenset({"aid convoy", "hospital", "school", "rescuers' centre"})


def find_target(
    doc: Document, idx: int, lexicon: EventLexicon, trigger: Span | None = None
) -> str | None:
    """What was hit, named in the sentence (near the trigger when one is given)."""
    s = doc.sentences[idx]
    lo, hi = s.start, s.end
    if trigger is not None:
        lo, hi = max(lo, trigger.start - TARGET_WINDOW), min(hi, trigger.end + TARGET_WINDOW)
    best: tuple[int, str] | None = None
    for label, regex in lexicon.targets:
        m = regex.search(doc.text, lo, hi)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), label)
    return best[1] if best else None


def distinct_target(target: str | None) -> str | None:
    return target if target in DISTINCT_TARGETS else None


def claim_sentence(doc: Document, claim: Claim) -> int:
    if 0 <= claim.sentence < len(doc.sentences):
        return claim.sentence
    return doc.sentence_index(claim.start)


def mention_for(doc: Document, idx: int) -> Mention:
    s = doc.sentences[idx]
    text = doc.text[s.start : s.end]
    start = s.start + (len(text) - len(text.lstrip()))
    end = s.end - (len(text) - len(text.rstrip()))
    if end <= start:
        start, end = s.start, s.end
    return Mention(doc.id, start, end, doc.text[start:end])


def _compatible_kinds(a: EventKind, b: EventKind) -> EventKind | None:
    if a == b:
        return a if a not in CATCH_ALL else None
    for group in COMPATIBLE_GROUPS:
        if a in group and b in group:
            return min(a, b, key=group.index)
    return None


def _same_stem(a: Draft, b: Draft) -> bool:
    """Catch-all kinds merge only when told with the same word ("évacuation", "évacués")."""
    ta, tb = a.event.trigger, b.event.trigger
    if ta is None or tb is None:
        return False
    return ta.text.lower()[:STEM] == tb.text.lower()[:STEM]


def _contains(big: Place, small: Place) -> bool:
    if big.precision == "country":
        return big.country_code == small.country_code
    if big.precision == "admin1":
        return big.country_code == small.country_code and big.admin1 == small.admin1
    if big.precision == "city":
        return small.precision == "district" and small.parent == big.name
    return False


def places_compatible(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if a.gazetteer_id == b.gazetteer_id:
        return True
    if a.precision == "district" and b.precision == "district":
        return False
    return _contains(a, b) or _contains(b, a)


def _more_specific(a: Place | None, b: Place | None, b_told_longer: bool = False
                   ) -> Place | None:
    """The more precise of two places; of two as precise, ``a`` unless ``b`` is the place
    of the part of the event the report tells at greater length (more sentences)."""
    if a is None or b is None:
        return a or b
    ra, rb = PRECISION_RANK.get(a.precision, 9), PRECISION_RANK.get(b.precision, 9)
    if ra == rb and b_told_longer:
        return b
    return a if ra <= rb else b


def merge_into(target: Draft, other: Draft, kind: EventKind, plover: str | None) -> None:
    ev, ov = target.event, other.event
    target.kind = kind
    ev.event_type, ev.sub_event_type = kind
    ev.plover = plover
    ev.location = _more_specific(ev.location, ov.location,
                                 len(ov.mentions) > len(ev.mentions))
    ev.actor1 = ev.actor1 or ov.actor1
    ev.actor2 = ev.actor2 or ov.actor2
    ev.target = ev.target or ov.target
    for m in ov.mentions:
        if not any(m.start == x.start and m.end == x.end for x in ev.mentions):
            ev.mentions.append(m)
    for c in ov.claims:
        if not any(c.start == x.start and c.end == x.end for x in ev.claims):
            ev.claims.append(c)
    if target.date_source in DEFAULT_DATES and other.date_source not in DEFAULT_DATES:
        ev.date, ev.date_end, ev.date_precision = ov.date, ov.date_end, ov.date_precision
        target.date_source = other.date_source
    target.sentences.extend(other.sentences)


# a sentence that ends with a question mark (before any closing quote or bracket)
_QUESTION = re.compile(r"\?[\s\"»”’')\]]*$")


def typed_triggers(doc: Document, lexicon: EventLexicon, index: DocIndex
                   ) -> tuple[list[TypedTrigger], set[int], list[TypedTrigger]]:
    """Triggers that tell of events, typed; the sentences holding any trigger at all; and
    the bare triggers ("killed", "attack": ``fallback``) set aside because the document has
    stronger ones."""
    ref_year = doc.publication_date.year if doc.publication_date else None
    claims_by_sentence: dict[int, list[Claim]] = {}
    for c in doc.claims:
        claims_by_sentence.setdefault(claim_sentence(doc, c), []).append(c)
    typed: list[TypedTrigger] = []
    with_trigger: set[int] = set()
    short = is_short(doc)
    whole_text = doc.span(0, len(doc.text)) if short else None
    cue_cache: dict[tuple[int, int, int], list[tuple[int, int, str | None]]] = {}
    by_source = sentence_rules_by_source(lexicon)
    for idx, sentence in enumerate(doc.sentences):
        if _QUESTION.search(sentence.text):
            continue  # a question asks; it tells of no event ("on ne les mentionne pas ?")
        matches = find_triggers(doc.text, sentence, lexicon)
        if not short:
            # a snippet-only phrase still claims its words in a long report: "mortar bombs"
            # is neither a shelling nor a bombing of its own there
            matches = [
                replace(m, alternatives=tuple(
                    a for a in m.alternatives if "short" not in a.requires))
                if any("short" in a.requires for a in m.alternatives) else m
                for m in matches
                if "short" not in m.spec.requires
            ]
        if any("fallback" not in m.spec.requires for m in matches):
            with_trigger.add(idx)
        has_date = any(t.type in ("DATE", "TIME") or t.range_start is not None
                       for t in index.timexes[idx])
        claims = claims_by_sentence.get(idx, [])
        war_wide_toll = bool(claims) and all(c.cumulative for c in claims) and not has_date
        for found in matches:
            match = next(
                (
                    m
                    for m in (
                        replace(found, spec=spec, kind=spec.kind, alternatives=())
                        if spec is not found.spec
                        else found
                        for spec in (found.spec, *found.alternatives)
                    )
                    if requirements_met(doc.text, sentence, m, lexicon, has_date)
                ),
                None,
            )
            if match is None:
                continue
            if war_wide_toll and match.kind[0] in VIOLENT_TYPES:
                continue
            kind, retyped = apply_sentence_rules(doc.text, sentence, match, lexicon, by_source)
            if not retyped and (by_roles := _retype_by_roles(doc, sentence, match, kind,
                                                             lexicon, short)):
                kind, retyped = by_roles, True
            if blocking_cue(doc.text, sentence, match, kind, lexicon.blockers, ref_year,
                            cue_cache, whole_text):
                continue
            typed.append(TypedTrigger(match, idx, kind, "sentence" if retyped else None))
    apply_document_rules(typed, lexicon)
    if short:
        burned_occupants(typed, doc.text, doc.sentences, lexicon)
        exchanged_fire(typed, doc.text, doc.sentences, lexicon)
    fallbacks: list[TypedTrigger] = []
    if any("fallback" not in t.match.spec.requires for t in typed):
        fallbacks = [t for t in typed if "fallback" in t.match.spec.requires]
        typed = [t for t in typed if "fallback" not in t.match.spec.requires]
    return absorb_generic(typed), with_trigger, fallbacks


def _retype_by_roles(
    doc: Document,
    sentence: Span,
    match: TriggerMatch,
    kind: EventKind,
    lexicon: EventLexicon,
    short: bool,
) -> EventKind | None:
    """The type the parties of the sentence call for (``typing.retype_by_roles``)."""
    if kind[0] not in ROLE_TYPED:
        return None
    attack = lexicon.cue_lists.get("attack")
    attack_word = attack is not None and attack.search(match.span.text) is not None
    if not attack_word and not (short and kind in VOICE):
        return None  # nothing the parties could change
    if kind[0] == "Diplomacy" and lexicon.official.search(doc.text, sentence.start,
                                                          sentence.end):
        return None
    roles = sentence_roles(doc.text, sentence, doc.actors, lexicon, exclude=match.span)
    return retype_by_roles(kind, match.span, roles, attack_word, short)


def absorb_generic(typed: list[TypedTrigger]) -> list[TypedTrigger]:
    """In one sentence, generic violence words give way to the more telling trigger.

    "clashes" beside "protesters were shot" is the protest event told twice, and
    "massacre" beside "air strikes" is the strike's toll, not a second attack.
    """
    by_sentence: dict[int, list[TypedTrigger]] = {}
    for t in typed:
        by_sentence.setdefault(t.sentence, []).append(t)
    kept: list[TypedTrigger] = []
    for t in typed:
        types = {o.kind[0] for o in by_sentence[t.sentence] if o is not t}
        if t.kind[0] in ("Battles", "Violence against civilians") and types & {"Protests", "Riots"}:
            continue
        if t.kind == ("Diplomacy", "Statement") and any(
            o.kind[0] == "Diplomacy" and o.kind != t.kind
            for o in by_sentence[t.sentence]
            if o is not t
        ):
            continue  # what was said of a meeting or an agreement is that event told again
        if t.kind == ("Diplomacy", "Statement") and types & VIOLENT_TYPES:
            continue  # what was said of a clash or a strike told in the same breath
        if t.kind == ("Violence against civilians", "Attack") and types & {
            "Battles",
            "Explosions/Remote violence",
        }:
            continue
        kept.append(t)
    return kept


_CLAUSE_BREAK = re.compile(r"[,;:()\[\]]")


def background_claims(doc: Document, lexicon: EventLexicon) -> dict[int, int]:
    """Claims told inside a clause about another, earlier incident than the one their
    sentence reports ("clashes broke out following an earlier shooting in which a boy was
    killed", "arrested elders gathered to discuss the killing of 12 villagers"): for each
    such claim (by its ``id``), the start of the cue opening that clause
    (the lexicon's ``background`` cue list). The clause runs from its cue to the next comma,
    bracket or ``background_end`` word; a figure after that is the sentence's own again."""
    cue = lexicon.cue_lists.get("background")
    if cue is None or not doc.claims:
        return {}
    end_words = lexicon.cue_lists.get("background_end")
    cues: dict[int, list[tuple[int, int]]] = {}
    out: dict[int, int] = {}
    for c in doc.claims:
        idx = claim_sentence(doc, c)
        if not 0 <= idx < len(doc.sentences):
            continue
        if idx not in cues:
            s = doc.sentences[idx]
            cues[idx] = [(m.start(), m.end()) for m in cue.finditer(doc.text, s.start, s.end)]
        opening = None
        for start, end in cues[idx]:
            if start >= c.start:
                break
            gap = doc.text[end : c.start] if end < c.start else ""
            closed = _CLAUSE_BREAK.search(gap) is not None or (
                end_words is not None and end_words.search(gap) is not None)
            opening = None if closed else start
        if opening is not None:
            out[id(c)] = opening
    return out


def _own_claim(claim: Claim, trigger: Span, kind: EventKind, background: dict[int, int]) -> bool:
    """The claim may be the toll of the event told by ``trigger`` (of ``kind``) in its
    sentence: it is not told in a clause about an earlier incident (``background_claims``),
    unless the trigger names that incident itself (a violent event told between the
    clause's cue and the figure: "following an earlier ambush in which ...")."""
    opening = background.get(id(claim))
    return opening is None or (
        kind[0] in VIOLENT_TYPES and opening <= trigger.start < claim.end)


def extract_document_events(doc: Document, lexicon: EventLexicon) -> list[Event]:
    """All events one document tells of, merged within the document."""
    paras = paragraphs(doc)
    index = doc_index(doc, lexicon)
    typed, with_trigger, fallbacks = typed_triggers(doc, lexicon, index)
    onto = lexicon.ontology
    theatre = theatre_country(doc, index.misread)
    short = is_short(doc)
    drafts: list[Draft] = []
    background = background_claims(doc, lexicon)

    def draft_of(tt: TypedTrigger) -> Draft | None:
        idx, trig = tt.sentence, tt.match.span
        date = choose_date(doc, idx, trig, paras, lexicon.cue_lists.get("clause"), index,
                           lexicon.cue_lists.get("span_after"),
                           lexicon.cue_lists.get("mid_period"))
        if date.future and not ANNOUNCEMENT.search(trig.text):
            return None  # a plan for a later day, not something that happened
        if date.stale:
            return None  # a past episode recalled for comparison, not news
        place = choose_place(doc, idx, tt.kind, trig, paras, lexicon, theatre, index)
        actor1, actor2 = choose_actors(doc, idx, tt.kind, trig, place)
        target = find_target(doc, idx, lexicon, trig)
        if (
            target in CIVILIAN_TARGETS
            and actor2 is None
            and tt.kind[0] == "Explosions/Remote violence"
            and place is not None
        ):
            actor2 = f"Civilians ({place.country})"
        period = date.precision == "period"
        claims = [
            c
            for c in doc.claims
            if claim_sentence(doc, c) == idx and (period or not c.cumulative)
            and _own_claim(c, trig, tt.kind, background)
        ]
        event = Event(
            event_type=tt.kind[0],
            sub_event_type=tt.kind[1],
            date=date.date,
            date_end=date.date_end,
            date_precision=date.precision,
            location=place,
            actor1=actor1,
            actor2=actor2,
            target=target,
            plover=onto.plover_type(tt.kind),
            trigger=trig,
            claims=claims,
            mentions=[mention_for(doc, idx)],
            documents=[doc.id],
        )
        wide = place is not None and place.precision == "country" and _nationwide(
            doc, idx, lexicon, trig, index.places[idx])
        return Draft(event, tt.kind, idx, date.source, [idx], wide)

    def add(draft: Draft) -> None:
        event, idx = draft.event, draft.sentence
        for other in drafts:
            kind = _compatible_kinds(other.kind, draft.kind)
            if kind is None and other.kind == draft.kind and (
                _same_stem(other, draft) or _both_dated_same_day(other, draft)
            ):
                kind = draft.kind
            if kind is None:
                kind = same_happening(other, draft, short)
            same_sentence = kind is not None and other.kind == draft.kind and idx in other.sentences
            if (
                kind is not None
                and distinct_target(other.event.target) == distinct_target(event.target)
                and other.event.date == event.date
                and other.event.date_end == event.date_end
                and (same_sentence or (places_compatible(other.event.location, event.location)
                                       and other.nationwide == draft.nationwide))
            ):
                merge_into(other, draft, kind, onto.plover_type(kind))
                return
        drafts.append(draft)

    for tt in typed:
        if (draft := draft_of(tt)) is not None:
            add(draft)
    drafts = merge_back_references(doc, lexicon, drafts, index)
    drafts = merge_undated_repeats(drafts, onto)
    aside = set(background)
    attach_follow_ups(doc, lexicon, drafts, with_trigger, paras, aside)
    # a toll told with only a bare trigger ("twelve people were killed trying to ...") that
    # no event took as its follow-up tells of a violent event of its own
    # (typed as the violent events the report tells most: a bare "killed" in a report of
    # riots is a riot's toll)
    told = {(c.start, c.end) for d in drafts for c in d.event.claims}
    for tt in fallbacks:
        own = [c for c in doc.claims if claim_sentence(doc, c) == tt.sentence
               and c.kind in TOLL_KINDS and not c.cumulative and id(c) not in aside]
        if tt.kind[0] not in VIOLENT_TYPES or not own or any(
                (c.start, c.end) in told for c in own):
            continue
        violent = [d.kind for d in drafts if d.kind[0] in VIOLENT_TYPES]
        if violent:
            tt = replace(tt, kind=max(violent, key=violent.count))
        if (draft := draft_of(tt)) is not None and draft.event.claims:
            add(draft)
            told.update((c.start, c.end) for c in draft.event.claims)
    city = most_mentioned_city(doc)
    if city is not None and city.country_code == theatre:
        for d in drafts:
            if d.event.location is None and (d.kind[0] == "Protests" or d.kind in ON_THE_GROUND):
                d.event.location = city  # a rally or an arrest happens in the report's town
    events = [d.event for d in drafts]
    if short and events:
        main = main_event(events)
        gather_short_tolls(doc, drafts, next(d for d in drafts if d.event is main), aside)
        events = [main] + [e for e in events if e is not main]
    return events


def _parties(ev: Event) -> set[str]:
    return {a for a in (ev.actor1, ev.actor2) if a}


def same_happening(a: Draft, b: Draft, short: bool = False) -> EventKind | None:
    """The kind two drafts of related types take when they tell one happening: told on
    the same day at the same place (the same town, or a quarter of it), with parties in
    common when both name any (``SAME_HAPPENING``); None otherwise. In a snippet
    (``short``) only sub-types of one type merge: its main event is chosen among the
    types it tells (``select.main_event``)."""
    ea, eb = a.event, b.event
    if ea.date is None or ea.date != eb.date or a.kind == b.kind:
        return None
    if short and a.kind[0] != b.kind[0]:
        return None
    pa, pb = ea.location, eb.location
    if pa is None or pb is None or pa.precision not in ("city", "district") or (
            pb.precision not in ("city", "district")):
        return None
    if pa.gazetteer_id != pb.gazetteer_id and not (_contains(pa, pb) or _contains(pb, pa)):
        return None
    if _parties(ea) and _parties(eb) and not _parties(ea) & _parties(eb):
        return None
    types = {a.kind[0], b.kind[0]}
    for keep, family in SAME_HAPPENING:
        if keep not in types or not types <= family:
            continue
        if ((len(types) > 1 or keep == "Explosions/Remote violence")
                and (a.kind[1] in APART_SUBTYPES or b.kind[1] in APART_SUBTYPES)
                and not set(a.sentences) & set(b.sentences)):
            return None  # unless one sentence tells both: one scene
        return a.kind if a.kind[0] == keep else b.kind
    return None


BACK_REFERENCE_REACH = 25  # characters before a trigger searched for its determiner
# types whose back-reference ("the fighting", "ces combats") may name an event told at
# another place: fighting spreads over a front, while "the strike" of a report telling of
# several strikes is one of them at its own place
SPREAD_TYPES = frozenset({"Battles"})


def is_back_reference(doc: Document, trigger: Span, lexicon: EventLexicon) -> bool:
    """The trigger comes right after a definite or demonstrative determiner ("the
    fighting", "ces combats", "l'attaque"): it names an event the report has told already."""
    definite = lexicon.cue_lists.get("definite")
    if definite is None:
        return False
    lo = max(0, trigger.start - BACK_REFERENCE_REACH)
    last = None
    for m in definite.finditer(doc.text, lo, trigger.start):
        last = m
    if last is None:
        return False
    return not doc.text[last.end() : trigger.start].strip()


def _names_own_place(doc: Document, idx: int, lexicon: EventLexicon, index: DocIndex) -> bool:
    """The sentence introduces a place as where something happens ("in X", "à Y")."""
    return any(
        not pm.reference and not pm.demonym and _outside_dateline(doc, pm)
        and (pm.locative or is_locative(doc, pm, lexicon))
        for pm in index.places[idx]
    )


def _refers_to(ref: Draft, earlier: Draft, own_place: bool) -> bool:
    """``ref``, a back-reference, can name ``earlier``: the same type, both dated and no
    day of its own contradicting it, no place elsewhere (for fighting, ``SPREAD_TYPES``:
    none the sentence introduces as where something happens), no distinct target and no
    parties foreign to it."""
    a, b = ref.event, earlier.event
    if a.event_type != b.event_type:
        return False
    if a.date is None or b.date is None:
        return False  # an undated report: nothing tells the two apart or together
    if ref.date_source == "sentence" and (a.date, a.date_end) != (b.date, b.date_end):
        return False
    if (own_place or a.event_type not in SPREAD_TYPES) and not places_compatible(
            a.location, b.location):
        return False
    if distinct_target(a.target) != distinct_target(b.target):
        return False
    return not (_parties(a) and _parties(b) and not _parties(a) & _parties(b))


def merge_back_references(
    doc: Document, lexicon: EventLexicon, drafts: list[Draft], index: DocIndex
) -> list[Draft]:
    """An event word told as a back-reference ("the fighting", "ces frappes") in a sentence
    shortly after an event of its kind is that event told again: it joins the latest such
    event (``_refers_to``), bringing its tolls."""
    kept: list[Draft] = []
    onto = lexicon.ontology
    for d in drafts:
        trig = d.event.trigger
        if trig is None or d.kind[0] not in VIOLENT_TYPES or not is_back_reference(
                doc, trig, lexicon):
            kept.append(d)
            continue
        own_place = _names_own_place(doc, d.sentence, lexicon, index)
        best: Draft | None = None
        best_at = -1
        for o in kept:
            at = max((i for i in o.sentences if i < d.sentence), default=-1)
            if (at > best_at and d.sentence - at <= FOLLOW_UP_SENTENCES
                    and _refers_to(d, o, own_place)):
                best, best_at = o, at
        if best is None:
            kept.append(d)
            continue
        merge_into(best, d, best.kind, onto.plover_type(best.kind))
    return kept


def _own_episode(other: Draft, main: Draft) -> bool:
    """The other event is told with a day or a place of its own, unlike the main one."""
    own_day = (
        other.date_source == "sentence"
        and other.event.date is not None
        and main.event.date is not None
        and other.event.date != main.event.date
    )
    return own_day or not places_compatible(other.event.location, main.event.location)


def gather_short_tolls(
    doc: Document, drafts: list[Draft], main: Draft, aside: set[int] | None = None
) -> None:
    """In a snippet about one happening, a killed or injured figure told anywhere in it is
    the toll of its main event ("... police arrested two men. Three people died."), unless
    it is a running total, it goes with another event that has its own day or place, or it
    is told of an earlier incident (its ``id`` in ``aside``: ``background_claims``)."""
    for c in doc.claims:
        if c.kind not in TOLL_KINDS or c.cumulative or c in main.event.claims:
            continue
        if aside and id(c) in aside:
            continue
        holders = [d for d in drafts if d is not main and c in d.event.claims]
        if any(_own_episode(d, main) for d in holders):
            continue
        for d in holders:
            d.event.claims.remove(c)
        main.event.claims.append(c)
        idx = claim_sentence(doc, c)
        if 0 <= idx < len(doc.sentences) and idx not in main.sentences:
            mention = mention_for(doc, idx)
            if not any(m.start == mention.start for m in main.event.mentions):
                main.event.mentions.append(mention)
            main.sentences.append(idx)


def _both_dated_same_day(a: Draft, b: Draft) -> bool:
    """Both told with the same explicit day in their own sentences (a catch-all kind told
    twice: "the truce collapsed on Monday" ... "the truce ended on 19 September")."""
    return (
        a.date_source == "sentence"
        and b.date_source == "sentence"
        and a.event.date_precision == "day"
        and b.event.date_precision == "day"
        and a.event.date is not None
        and a.event.date == b.event.date
        and places_compatible(a.event.location, b.event.location)
    )


def merge_undated_repeats(drafts: list[Draft], onto: Ontology) -> list[Draft]:
    """A non-violent event the report dates nowhere ("the text signed by Kerry and Lavrov",
    "a meeting in New York") is the event of the same kind the report dates elsewhere:
    it joins the latest such event with a compatible place."""
    kept: list[Draft] = []
    for d in drafts:
        if (d.date_source not in DEFAULT_DATES or d.kind[0] in VIOLENT_TYPES
                or d.kind in CATCH_ALL):
            kept.append(d)
            continue
        dated = [
            o
            for o in drafts
            if o is not d
            and o.kind == d.kind
            and o.date_source in ("sentence", "previous")
            and o.event.date is not None
            and places_compatible(o.event.location, d.event.location)
        ]
        if not dated:
            kept.append(d)
            continue
        target = max(dated, key=lambda o: (o.event.date or "", -o.sentence))
        target_date = (target.event.date, target.event.date_end, target.event.date_precision)
        merge_into(target, d, target.kind, onto.plover_type(target.kind))
        target.event.date, target.event.date_end, target.event.date_precision = target_date
    return kept


def attach_follow_ups(
    doc: Document,
    lexicon: EventLexicon,
    drafts: list[Draft],
    with_trigger: set[int],
    paras: list[int],
    aside: set[int] | None = None,
) -> None:
    """Toll sentences and back-references with no trigger of their own join the last event
    (figures told of an earlier incident, their ``id`` in ``aside``, stay apart). A period
    toll ("cinq personnes ont été tuées depuis le début de la contestation") joins it too in
    a long report, still flagged cumulative: kept as evidence of the event, never added to
    its day's fatalities (in a short note, a running total is the background)."""
    aside = aside or set()
    if not drafts:
        return
    # a period toll joins an event of a long report only: in a note it is the background
    period_tolls = not is_short(doc)

    def joins(c: Claim) -> bool:
        return (period_tolls or not c.cumulative) and id(c) not in aside

    claim_sentences = {claim_sentence(doc, c) for c in doc.claims if joins(c)}
    for idx, sentence in enumerate(doc.sentences):
        if idx in with_trigger:
            continue
        anaphora = lexicon.anaphora.search(doc.text, sentence.start, sentence.end) is not None
        if idx not in claim_sentences and not anaphora:
            continue
        # events told in a sentence shortly before this one (an event may also be told
        # again later in the report: only its mentions before this sentence count here)
        last_before = {
            id(d): max((i for i in d.sentences if i < idx), default=-1) for d in drafts
        }
        previous = [
            d
            for d in drafts
            if d.kind[0] in VIOLENT_TYPES
            and last_before[id(d)] >= 0
            and idx - last_before[id(d)] <= FOLLOW_UP_SENTENCES
        ]
        if not previous:
            continue
        # A toll with no trigger of its own most often answers the tolls already given for an
        # event ("X, for its part, gave 27 dead"): prefer the latest event that already
        # carries a figure of the same kind; otherwise the latest event.
        kinds = {c.kind for c in doc.claims
                 if claim_sentence(doc, c) == idx and id(c) not in aside}
        counted = [d for d in previous if any(c.kind in kinds for c in d.event.claims)]
        draft = max(counted or previous, key=lambda d: last_before[id(d)])
        ev = draft.event
        mention = mention_for(doc, idx)
        if not any(m.start == mention.start for m in ev.mentions):
            ev.mentions.append(mention)
        for c in doc.claims:
            if claim_sentence(doc, c) == idx and c not in ev.claims and joins(c):
                ev.claims.append(c)
        draft.sentences.append(idx)
