"""Deciding what a trigger tells of: its ACLED (sub-)type from context, or no event at all.

A trigger tells of no event when a blocker cue (negation, hypothesis, plan, award, past
comparison, war-wide total) sits near it, or when a requirement of its lexicon entry is
not met. Otherwise context rules may retype it ("bombardements" near "avions" is an air
strike; a car bomb with "kamikaze" is a suicide bomb).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bilan.events.ontology import EventKind
from bilan.events.triggers import Blocker, ContextRule, EventLexicon, TriggerMatch
from bilan.records import ActorMention, Span


@dataclass(slots=True)
class TypedTrigger:
    """A trigger that tells of an event, with its final type."""

    match: TriggerMatch
    sentence: int
    kind: EventKind
    retyped_by: str | None = None  # "sentence" or "document" when a context rule applied


def blocking_cue(
    text: str,
    sentence: Span,
    match: TriggerMatch,
    kind: EventKind,
    blockers: Sequence[Blocker],
    reference_year: int | None,
    cache: dict[tuple[int, int, int], list[tuple[int, int, str | None]]] | None = None,
    short_text: Span | None = None,
) -> str | None:
    """Name of the first blocker that applies to ``match`` (None when the trigger stands).

    ``cache`` (one per text and ``blockers``) keeps each blocker's cues in a sentence, for
    the other triggers of that sentence. ``short_text``: the whole report when it is short,
    where a ``short_document`` blocker reads all of it instead of the sentence."""
    t = match.span
    for i, blocker in enumerate(blockers):
        if not blocker.applies_to(kind):
            continue
        if blocker.unless is not None and blocker.unless.search(
                text, sentence.start, sentence.end):
            continue
        scope = short_text if blocker.short_document and short_text is not None else sentence
        whole = blocker.sentence or scope is not sentence
        lo = scope.start if whole else max(scope.start, t.start - blocker.before)
        hi = scope.end if whole else min(scope.end, t.end + blocker.after)
        key = (i, scope.start, scope.end)
        cues = cache.get(key) if cache is not None else None
        if cues is None:
            cues = [
                (m.start(), m.end(), m.groupdict().get("year"))
                for m in blocker.regex.finditer(text, scope.start, scope.end)
            ]
            if cache is not None:
                cache[key] = cues
        for start, end, year in cues:
            if end <= lo or start >= hi:
                continue
            if start >= t.start and end <= t.end:
                continue  # the cue is part of the trigger itself
            if year is not None:
                if reference_year is None or blocker.max_age_years is None:
                    continue
                if int(year) >= reference_year - blocker.max_age_years:
                    continue
            return blocker.name
    return None


def _rule_applies(rule: ContextRule, text: str, sentence: Span, match: TriggerMatch) -> bool:
    if rule.trigger is not None and not rule.trigger.search(match.span.text):
        return False
    if rule.cues is None and rule.trigger is None:
        return False
    lo, hi = sentence.start, sentence.end
    if rule.window is not None:
        lo = max(lo, match.span.start - rule.window)
        hi = min(hi, match.span.end + rule.window)
    for regex in (rule.cues, rule.also):
        if regex is None:
            continue
        hit = False
        for m in regex.finditer(text, sentence.start, sentence.end):
            if m.start() >= match.span.start and m.end() <= match.span.end:
                continue
            if m.end() <= lo or m.start() >= hi:
                continue
            hit = True
            break
        if not hit:
            return False
    if rule.unless is not None:
        for m in rule.unless.finditer(text, sentence.start, sentence.end):
            if not (m.end() <= lo or m.start() >= hi):
                return False
    return True


def sentence_rules_by_source(
    lexicon: EventLexicon,
) -> dict[EventKind, tuple[ContextRule, ...]]:
    """The sentence-scope context rules by the type they retype, in lexicon order."""
    out: dict[EventKind, list[ContextRule]] = {}
    for rule in lexicon.rules:
        if not rule.document:
            out.setdefault(rule.source, []).append(rule)
    return {kind: tuple(rules) for kind, rules in out.items()}


def apply_sentence_rules(
    text: str,
    sentence: Span,
    match: TriggerMatch,
    lexicon: EventLexicon,
    by_source: Mapping[EventKind, Sequence[ContextRule]] | None = None,
) -> tuple[EventKind, bool]:
    """The trigger's type after the first sentence-scope context rule that applies.

    ``by_source``: ``sentence_rules_by_source(lexicon)``, when the caller keeps it (one
    document's triggers look up only the rules of their own type)."""
    kind = match.kind
    rules = lexicon.rules if by_source is None else by_source.get(kind, ())
    for rule in rules:
        if rule.document or rule.source != kind:
            continue
        if _rule_applies(rule, text, sentence, match):
            return rule.target, True
    return kind, False


def apply_document_rules(typed: list[TypedTrigger], lexicon: EventLexicon) -> None:
    """Retype ambiguous triggers by what the rest of the report unambiguously tells.

    An ambiguous trigger ("bombardements", "missiles") takes the type ``to`` of a rule when
    the report tells of an event of that type with an unambiguous trigger ("raids aériens")
    and of none of type ``from`` with an unambiguous one ("tirs d'artillerie").
    """
    for rule in lexicon.rules:
        if not rule.document:
            continue

        def ambiguous(t: TypedTrigger, rule: ContextRule = rule) -> bool:
            return (
                t.kind == rule.source
                and t.retyped_by is None
                and (rule.trigger is None or bool(rule.trigger.search(t.match.span.text)))
            )

        has_target = any(t.kind == rule.target and t.match.kind == rule.target for t in typed)
        has_plain_source = any(t.kind == rule.source and not ambiguous(t) for t in typed)
        if not has_target or has_plain_source:
            continue
        for t in typed:
            if ambiguous(t):
                t.kind = rule.target
                t.retyped_by = "document"


# what a fire bomb or an arson may be typed as before we know whether people were inside
ARSON_KINDS = frozenset(
    {
        ("Riots", "Mob violence"),
        ("Riots", "Violent demonstration"),
        ("Strategic developments", "Looting/property destruction"),
        ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    }
)


def burned_occupants(
    typed: list[TypedTrigger], text: str, sentences: Sequence[Span], lexicon: EventLexicon
) -> None:
    """Retype, in a snippet, the arson of an occupied vehicle or house as an attack.

    A bus set on fire or a fire bomb thrown at a rickshaw is a riot or property
    destruction while nobody is hurt; when the report tells of people burned inside
    (``burn_victims``) and names the vehicle or the house (``occupied``), it was an attack
    on them (ACLED: violence against civilians). Only the triggers whose own sentence tells
    of the fire (``arson``) are retyped. Call it on a snippet's triggers only."""
    victims = lexicon.cue_lists.get("burn_victims")
    arson = lexicon.cue_lists.get("arson")
    occupied = lexicon.cue_lists.get("occupied")
    if victims is None or arson is None or occupied is None:
        return
    if not any(t.kind in ARSON_KINDS for t in typed):
        return
    if victims.search(text) is None or occupied.search(text) is None:
        return
    for t in typed:
        if t.kind not in ARSON_KINDS:
            continue
        s = sentences[t.sentence]
        if arson.search(text, s.start, s.end) is None:
            continue
        t.kind = ATTACK
        t.retyped_by = "document"


# what an exchange of fire turns into a battle: heavy weapons fired one way, and shots
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def exchanged_fire(
    typed: list[TypedTrigger], text: str, sentences: Sequence[Span], lexicon: EventLexicon
) -> None:
    """Retype, in a snippet, fire told as exchanged as an armed clash.

    Fire in both directions, fire returned or small arms beside the heavy weapons
    (``exchange``, anywhere in the note) make the shelling or the shooting it tells of a
    fight between two armed sides (ACLED: armed clash), not a one-sided attack. Only
    shelling and attacks told with an attack word (``attack``) are retyped; air strikes,
    bombs and the other kinds keep their type. Call it on a snippet's triggers only."""
    exchange = lexicon.cue_lists.get("exchange")
    attack = lexicon.cue_lists.get("attack")
    if exchange is None or not any(t.kind in (SHELLING, ATTACK) for t in typed):
        return
    cues = [m for s in sentences for m in exchange.finditer(text, s.start, s.end)]
    if not cues:
        return
    for t in typed:
        if t.kind == ATTACK and (attack is None or attack.search(t.match.span.text) is None):
            continue
        if t.kind not in (SHELLING, ATTACK):
            continue
        t.kind = CLASH
        t.retyped_by = "document"


def requirements_met(
    text: str, sentence: Span, match: TriggerMatch, lexicon: EventLexicon, has_date: bool
) -> bool:
    for req in match.spec.requires:
        if req in ("fallback", "short"):
            continue  # checked over the whole document (assemble.typed_triggers)
        if req == "date" and not has_date:
            return False
        if req == "official" and not lexicon.official.search(text, sentence.start, sentence.end):
            return False
        cues = lexicon.cue_lists.get(req)
        if cues is not None and not any(
            not (m.start() >= match.span.start and m.end() <= match.span.end)
            for m in cues.finditer(text, sentence.start, sentence.end)
        ):
            return False
    return True


# ---------------------------------------------------------------------------------------
# Typing by who acts on whom (ACLED's codebook): a battle is two organised armed groups
# fighting; violence against civilians is an armed group attacking unarmed people; mob
# violence is a crowd attacking. Roles come from the actors stage (ActorMention.category)
# and from generic words ("gunmen", "villagers", "mob": ``actor_words`` in events.yaml).

# ActorMention.category -> role
CATEGORY_ROLES: dict[str, str] = {
    "state_forces": "state",
    "police": "state",
    "military": "state",
    "rebels": "armed",
    "militia": "armed",
    "armed": "armed",
    "civilians": "civilians",
    "protesters": "protesters",
    "activists": "protesters",
    "rioters": "rioters",
}
FIGHTING = frozenset({"armed", "state"})
ATTACK = ("Violence against civilians", "Attack")
CLASH = ("Battles", "Armed clash")
MOB = ("Riots", "Mob violence")
PEACEFUL = ("Protests", "Peaceful protest")
# what a crowd or a group of workers "demanded" or "denounced" in a one-line note is a protest
VOICE = frozenset(
    {("Diplomacy", "Demand"), ("Diplomacy", "Criticism"), ("Diplomacy", "Support")}
)


@dataclass(frozen=True, slots=True)
class RoleMention:
    start: int
    end: int
    role: str


def sentence_roles(
    text: str,
    sentence: Span,
    actors: Sequence[ActorMention],
    lexicon: EventLexicon,
    exclude: Span | None = None,
) -> list[RoleMention]:
    """The parties named in ``sentence`` by role (actors first, then generic words that do
    not overlap them), outside ``exclude`` (the trigger), in text order."""
    found: list[RoleMention] = []
    for a in actors:
        role = CATEGORY_ROLES.get(a.category)
        if role is not None and sentence.start <= a.start < sentence.end:
            found.append(RoleMention(a.start, a.end, role))
    for role, regex in lexicon.actor_words:
        for m in regex.finditer(text, sentence.start, sentence.end):
            if any(m.start() < r.end and r.start < m.end() for r in found):
                continue
            found.append(RoleMention(m.start(), m.end(), role))
    if exclude is not None:
        found = [r for r in found if r.end <= exclude.start or r.start >= exclude.end]
    return sorted(found, key=lambda r: r.start)


def retype_by_roles(
    kind: EventKind, trigger: Span, roles: Sequence[RoleMention], attack_word: bool, short: bool
) -> EventKind | None:
    """The (sub-)type the parties of the sentence call for, or None to keep ``kind``.

    * an attack (``attack_word``) by one armed side on another, with no civilian named, is
      a battle; an attack of armed men on civilians (one armed side only) is violence
      against civilians; an attack by a mob or a crowd is mob violence;
    * in a snippet, a demand or a denunciation voiced by residents, workers or protesters
      (named before the trigger; no official, no armed party) is a peaceful protest.
    """
    present = {r.role for r in roles}
    fighters = [r for r in roles if r.role in FIGHTING]
    before = [r for r in roles if r.end <= trigger.start]
    if kind in (ATTACK, CLASH) and attack_word:
        if before and before[-1].role == "rioters" and not {"state", "armed"} & {
            r.role for r in before
        }:
            return MOB
        two_sides = any(r.end <= trigger.start for r in fighters) and any(
            r.start >= trigger.end for r in fighters
        )
        if kind == ATTACK and two_sides and not present & {"civilians", "protesters"}:
            return CLASH
        if kind == CLASH and len(fighters) <= 1 and "civilians" in present:
            return ATTACK
    voiced_by = {r.role for r in before}
    if short and kind in VOICE and voiced_by & {"civilians", "protesters"} and not fighters:
        return PEACEFUL
    return None
