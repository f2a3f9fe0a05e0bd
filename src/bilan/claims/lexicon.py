"""The claims lexicon: the per-language knowledge of data/<lang>/claims.yaml, compiled once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bilan.langdata import load_language_file

SCHEMA: dict[str, Any] = {
    "number_words": (dict, int),
    "multiplier_words": (dict, int),
    "weak_numbers": (list, str),
    "number_connectors": (list, str),
    "approximate_nouns": (dict, int),
    "vague_plurals": (dict, list),
    "vague_determiners": (list, str),
    "unspecified_plurals": (list, str),
    "noun_links": (list, str),
    "qualifiers": (dict, list),
    "qualifier_bounds": (dict, str),
    "partitives": (list, str),
    "breakdown_cues": (list, str),
    "kind_nouns": (dict, list),
    "kind_cues": (dict, list),
    "victim_nouns": (dict, str),
    "other_nouns": (dict, str),
    "other_states": (dict, str),
    "non_claim_units": (list, str),
    "function_words": (list, str),
    "attribution_prepositions": (list, str),
    "reporting_verbs": (list, str),
    "reported_content_markers": (list, str),
    "auxiliaries": (list, str),
    "pronouns": (list, str),
    "claimant_trim": (list, str),
    "apposition_openers": (list, str),
    "roles": (dict, str),
    "provisional_cues": (list, str),
    "updated_cues": (list, str),
    "cumulative_cues": (list, str),
    "period_cues": (list, str),
    "same_day_words": (list, str),
    "weekdays": (list, str),
    "hypothetical_cues": (list, str),
    "non_claim_before": (list, str),
    "participle_verbs": (list, str),
    "claimant_determiners": (list, str),
    "responsibility_cues": (list, str),
    "range_openers": (list, str),
    "range_connectors": (list, str),
    "range_blockers": (list, str),
    "number_articles": (list, str),
    "kind_before": (dict, list),
    "singular_articles": (list, str),
    "singular_victims": (dict, str),
    "singular_after": (dict, list),
    "singular_before": (dict, list),
    "object_openers": (list, str),
    "agent_markers": (list, str),
    "toll_links": (list, str),
    "toll_nouns": (dict, list),
    "toll_verbs": (list, str),
    "toll_preps": (list, str),
    "subset_links": (list, str),
    "group_nouns": (list, str),
    "name_particles": (list, str),
    "subject_articles": (list, str),
    "finite_verbs": (list, str),
    "cue_gap_blockers": (list, str),
    "list_auxiliaries": (list, str),
    "list_cues": (dict, list),
    "split_verbs": (list, str),
    "split_pronouns": (list, str),
    "split_results": (dict, list),
    "later_death_subjects": (list, str),
    "later_death_verbs": (list, str),
    "reflexive_deaths": (list, str),
    "tolerant_cues": (list, str),
    "singular_possessives": (list, str),
    "object_articles": (list, str),
    "cue_adverbs": (list, str),
    "adverb_hosts": (list, str),
    "open_object_stops": (list, str),
    "time_nouns": (list, str),
    "body_nouns": (list, str),
    "found_cues": (list, str),
    "reflexive_subjects": (list, str),
    "facility_verbs": (list, str),
    "facility_nouns": (list, str),
}


def norm(word: str) -> str:
    """The form words are compared in: lower case, typographic apostrophe made plain."""
    return word.lower().replace("’", "'")


def _phrase_regex(phrases: list[str]) -> re.Pattern[str]:
    """A regex finding any of ``phrases`` as whole words (longest first).

    The entries are grouped by their first character, each group behind a lookahead on it:
    a place is tried only against the entries that may start there, and a place inside a
    word is passed over in one test (the lists are long and the regexes run on every
    sentence). At one place only one group can match, so the matches are those of the plain
    alternation of all entries, longest first."""
    alts = sorted({norm(p) for p in phrases if p.split()}, key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for p in alts:
        body = r"\s+".join(re.escape(w) for w in p.split())
        # a space around an entry ("if ") marks it a whole word as well
        right = r"(?!\w)" if p.rstrip()[-1:].isalnum() else ""
        groups.setdefault(p.split()[0][0], []).append(body + right)
    if not groups:
        return re.compile(r"(?!)")
    word_start = r"(?<!\w)"  # an entry starting with a letter or digit starts a word
    branches = [
        f"(?={re.escape(ch)}){word_start if ch.isalnum() else ''}(?:{'|'.join(bodies)})"
        for ch, bodies in sorted(groups.items())
    ]
    heads = "".join(re.escape(ch) for ch in sorted(groups))
    return re.compile(f"(?=[{heads}])(?:{'|'.join(branches)})")


# multi-word phrases by their first word, longest first within each: a token is tried only
# against the phrases it may open (the lists are long, the tokens many)
PhraseTable = dict[str, tuple[tuple[tuple[str, ...], str], ...]]


def phrase_table(entries: Iterable[tuple[tuple[str, ...], str]]) -> PhraseTable:
    """``entries`` (token tuple, label) grouped by first token, longest tuples first."""
    grouped: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for parts, label in sorted(entries, key=lambda e: -len(e[0])):
        if parts:
            grouped.setdefault(parts[0], []).append((parts, label))
    return {k: tuple(v) for k, v in grouped.items()}


def _tuples(words: list[str]) -> list[tuple[str, ...]]:
    """Multi-word entries as token tuples ("victimes mortelles" -> ("victimes", "mortelles"))."""
    out = {tuple(norm(w).replace("'", "' ").split()) for w in words}
    return sorted(out, key=len, reverse=True)


@dataclass(frozen=True, slots=True)
class ClaimsLexicon:
    lang: str
    number_words: dict[str, int]
    compound_numbers: dict[tuple[str, ...], int]
    multipliers: dict[str, int]
    weak_numbers: frozenset[str]
    connectors: frozenset[str]
    approximate: dict[str, int]
    vague: dict[str, tuple[str, int, int, int]]
    vague_determiners: frozenset[str]
    unspecified: list[tuple[str, ...]]
    noun_links: frozenset[str]
    qualifier_re: re.Pattern[str]
    qualifier_of: dict[str, str]
    bounds: dict[str, str]
    partitives: list[tuple[str, ...]]
    breakdown_re: re.Pattern[str]
    kind_nouns: list[tuple[tuple[str, ...], str]]
    kind_cues: dict[str, list[tuple[tuple[str, ...], str]]]  # first token -> (tokens, kind)
    starters: frozenset[str]  # words a count may start with
    victim_nouns: dict[str, str]
    other_nouns: dict[str, str]
    other_states: dict[str, str]
    non_claim_units: frozenset[str]
    function_words: frozenset[str]
    preposition_re: re.Pattern[str]
    reporting_re: re.Pattern[str]
    content_markers: frozenset[str]
    auxiliaries: frozenset[str]
    pronouns: frozenset[str]
    trim_re: re.Pattern[str]
    apposition_openers: frozenset[str]
    roles: dict[str, str]
    provisional_re: re.Pattern[str]
    updated_re: re.Pattern[str]
    cumulative_re: re.Pattern[str]
    period_re: re.Pattern[str]
    same_day_re: re.Pattern[str]
    weekday_re: re.Pattern[str]
    weekdays: tuple[str, ...]  # Monday first
    hypothetical_re: re.Pattern[str]
    non_claim_before_re: re.Pattern[str]
    participles: frozenset[str]  # reporting verbs whose subject is the main clause's
    determiners: frozenset[str]  # dropped at the start of a claimant phrase
    responsibility_re: re.Pattern[str]  # "avoir tué" right before a count: a group's claim
    range_openers: frozenset[str]  # "between" in "between 10 and 15"
    range_connectors: frozenset[str]  # "and", "to", "-" between the two ends of a range
    range_blockers: frozenset[str]  # "from" in "rose from 10 to 15": a change, not a range
    articles: frozenset[str]  # "a" in "at least a dozen"
    kind_before_re: re.Pattern[str]  # "the bodies of" right before a count
    kind_before: dict[str, str]  # that phrase -> kind
    # one victim named by a singular noun ("a soldier was killed", "killing a child")
    singular_re: re.Pattern[str] | None = None
    # one victim named by any noun right before a passive casualty verb ("a ranger was shot dead")
    open_singular_re: re.Pattern[str] | None = None
    singular_victims: dict[str, str] | None = None
    singular_kinds: dict[str, str] | None = None  # cue phrase -> kind
    object_re: re.Pattern[str] | None = None  # right after a verb: it has its own object
    agent_re: re.Pattern[str] | None = None  # right before a count: the count is the agent
    # between a count and its noun in "porte à 20 le nombre de morts"
    toll_links: tuple[tuple[str, ...], ...] = ()
    # "the death toll was raised to 16": a toll noun, its verb, then the figure alone
    toll_update_re: re.Pattern[str] | None = None
    # any toll noun anywhere: a sentence without one has no toll update (a quick test)
    toll_noun_re: re.Pattern[str] | None = None
    toll_noun_kinds: dict[str, str] = field(default_factory=dict)  # noun -> kind ("" = the
    # kind of the figure before it)
    # between a count and a casualty noun: a part of a group already counted ("three of
    # those injured"), not a new figure
    subset_links: tuple[tuple[str, ...], ...] = ()
    # nouns of a group ("staff", "troops"): after a capitalised name, the name is the group's
    group_nouns: frozenset[str] = frozenset()
    articles_one: frozenset[str] = frozenset()  # "un", "a": an article before a noun, not "1"
    # one victim with no article: "gunmen killed former village chief", "Farmer killed in X"
    bare_re: re.Pattern[str] | None = None
    # one named victim: "gunmen killed John Okello", "Ali Hassan was shot dead" (case kept)
    named_re: re.Pattern[str] | None = None
    # lower-case words inside a proper name ("State of Sinai", "Ansar al Sharia")
    name_particles: frozenset[str] = frozenset()
    # one victim as the subject opening the sentence, however long its modifiers: "A man
    # accused of stealing 11 goats was beaten to death"
    subject_re: re.Pattern[str] | None = None
    # prepositions between a casualty verb and a later count: not the verb's object
    cue_gap_blockers: frozenset[str] = frozenset()
    # victims listed with one verb: "two soldiers and a policeman were killed" (lists.py)
    # "were", "have been" before the verb
    list_auxiliaries: PhraseTable = field(default_factory=dict)
    list_cues: PhraseTable = field(default_factory=dict)  # the verb after the list
    # verb and result around the victim: "shot the driver dead", "hacked three men to death"
    list_active: PhraseTable = field(default_factory=dict)  # "killing" before the list
    split_verbs: frozenset[str] = frozenset()
    split_pronouns: frozenset[str] = frozenset()  # one victim: "leaving him dead"
    split_results: PhraseTable = field(default_factory=dict)
    # "He died the next day": an earlier victim's death, in a sentence of its own
    later_death_re: re.Pattern[str] | None = None
    # the one victim that sentence's pronoun stands for, named before: "A boy was shot"
    later_victim_re: re.Pattern[str] | None = None
    # an attacker's own death: "a suicide bomber blew himself up"
    reflexive_deaths: PhraseTable = field(default_factory=dict)
    reflexive_subjects: frozenset[str] = frozenset()
    # a casualty word misspelt by one slip ("killling", "kiled", "injuerd") -> the word
    misspelt: dict[str, str] = field(default_factory=dict)
    # "his", "sa": one person after it ("his wife"), counted as an article is
    possessives: frozenset[str] = frozenset()
    # an adverb between an auxiliary and a casualty verb ("was reportedly killed")
    adverb_re: re.Pattern[str] | None = None
    # any noun after an active casualty verb and an article ("killed a tax collector")
    open_active_re: re.Pattern[str] | None = None
    open_object_stops: frozenset[str] = frozenset()
    # "the body of": a death only in a sentence saying it was found
    body_nouns: frozenset[str] = frozenset()
    found_re: re.Pattern[str] | None = None
    # a sentence can hold a claim only if it has one of these words (see may_claim)
    cue_words: frozenset[str] = frozenset()  # one word of every casualty phrase
    noun_words: frozenset[str] = frozenset()  # what a count may count (with a count only)
    starter_words: frozenset[str] = frozenset()  # the words a count may start with
    # "a field hospital received two dead": a place that counts the victims it takes in is
    # the source of the figure (the verb, and the nouns its subject must hold)
    facility_re: re.Pattern[str] | None = None
    facility_nouns: frozenset[str] = frozenset()
    # a long subject before its verb ("two men accused of ... were shot"): the first finite
    # verb after the count, and the auxiliaries and adverbs between it and the casualty verb
    finite_verbs: frozenset[str] = frozenset()
    # after an article, a time, not an object: "killed the day before", "tués la veille"
    time_nouns: frozenset[str] = frozenset()
    verb_fillers: frozenset[str] = frozenset()


def compile_lexicon(lang: str, data: dict[str, Any]) -> ClaimsLexicon:
    """Compile the raw YAML mapping of one language."""
    numbers = {norm(k): int(v) for k, v in data["number_words"].items()}
    compounds = {tuple(k.split("-")): v for k, v in numbers.items() if "-" in k}
    qualifier_of: dict[str, str] = {}
    for label, phrases in data["qualifiers"].items():
        for p in phrases:
            qualifier_of[re.sub(r"\s+", " ", norm(p))] = str(label)
    q_alts = sorted(qualifier_of, key=len, reverse=True)
    q_body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in q_alts)
    qualifier_re = re.compile(r"(?:^|(?<=[\s(«\"“]))(" + q_body + r")\s*$")
    vague = {norm(k): (str(v[0]), int(v[1]), int(v[2]), int(v[3]))
             for k, v in data["vague_plurals"].items()}
    kind_nouns = [(t, str(kind)) for kind, words in data["kind_nouns"].items()
                  for t in _tuples(words)]
    kind_nouns.sort(key=lambda x: len(x[0]), reverse=True)
    cue_index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind, phrases in data["kind_cues"].items():
        for t in _tuples(phrases):
            cue_index.setdefault(t[0], []).append((t, str(kind)))
    for entries in cue_index.values():
        entries.sort(key=lambda e: len(e[0]), reverse=True)
    trims = sorted({norm(t) for t in [*data["claimant_trim"], *data["auxiliaries"]]},
                   key=len, reverse=True)
    trim_body = "|".join(r"\s+".join(re.escape(w) for w in t.split()) for t in trims)
    before = sorted({norm(t) for t in data["non_claim_before"]}, key=len, reverse=True)
    before_body = "|".join(re.escape(b) for b in before)
    return ClaimsLexicon(
        lang=lang,
        number_words={k: v for k, v in numbers.items() if "-" not in k},
        compound_numbers=compounds,
        multipliers={norm(k): int(v) for k, v in data["multiplier_words"].items()},
        weak_numbers=frozenset(norm(w) for w in data["weak_numbers"]),
        connectors=frozenset(norm(w) for w in data["number_connectors"]),
        approximate={norm(k): int(v) for k, v in data["approximate_nouns"].items()},
        vague=vague,
        vague_determiners=frozenset(norm(w) for w in data["vague_determiners"]),
        unspecified=_tuples(data["unspecified_plurals"]),
        noun_links=frozenset(norm(w) for w in data["noun_links"]),
        qualifier_re=qualifier_re,
        qualifier_of=qualifier_of,
        bounds={str(k): str(v) for k, v in data["qualifier_bounds"].items()},
        partitives=_tuples(data["partitives"]),
        breakdown_re=re.compile(
            r"(?:^|(?<=\W))(?:" + "|".join(re.escape(norm(b)) for b in data["breakdown_cues"])
            + r")\s*[,:]?\s*$"),
        kind_nouns=kind_nouns,
        kind_cues=cue_index,
        starters=frozenset(
            [*numbers, *(norm(k) for k in data["multiplier_words"]), *vague,
             *(norm(k) for k in data["approximate_nouns"]),
             *(norm(w) for w in data["vague_determiners"]),
             *(norm(w).split()[0] for w in data["unspecified_plurals"]),
             *(k.split("-")[0] for k in numbers)]),
        victim_nouns={norm(k): str(v) for k, v in data["victim_nouns"].items()},
        other_nouns={norm(k): str(v) for k, v in data["other_nouns"].items()},
        other_states={norm(k): str(v) for k, v in data["other_states"].items()},
        non_claim_units=frozenset(norm(w) for w in data["non_claim_units"]),
        function_words=frozenset(norm(w) for w in data["function_words"]),
        preposition_re=_phrase_regex(data["attribution_prepositions"]),
        reporting_re=_phrase_regex([*data["reporting_verbs"], *data["participle_verbs"]]),
        content_markers=frozenset(norm(w) for w in data["reported_content_markers"]),
        auxiliaries=frozenset(norm(w) for w in data["auxiliaries"]),
        pronouns=frozenset(norm(w) for w in data["pronouns"]),
        trim_re=re.compile(r"^(?:(?:" + trim_body + r")(?!\w)[\s,]*)+|(?:[\s,]+(?:" + trim_body
                           + r"))+$", re.IGNORECASE),
        apposition_openers=frozenset(norm(w) for w in data["apposition_openers"]),
        roles={norm(k): str(v) for k, v in data["roles"].items()},
        provisional_re=_phrase_regex(data["provisional_cues"]),
        updated_re=_phrase_regex(data["updated_cues"]),
        cumulative_re=_phrase_regex(data["cumulative_cues"]),
        period_re=_phrase_regex(data["period_cues"]),
        same_day_re=_phrase_regex(data["same_day_words"]),
        weekday_re=_phrase_regex(data["weekdays"]),
        weekdays=tuple(norm(w) for w in data["weekdays"]),
        hypothetical_re=_phrase_regex(data["hypothetical_cues"]),
        non_claim_before_re=re.compile(r"(?:^|(?<=[\s(]))(?:" + before_body + r")\s*$"),
        participles=frozenset(re.sub(r"\s+", " ", norm(w)) for w in data["participle_verbs"]),
        determiners=frozenset(norm(w) for w in data["claimant_determiners"]),
        responsibility_re=_phrase_regex(data["responsibility_cues"]),
        range_openers=frozenset(norm(w) for w in data["range_openers"]),
        range_connectors=frozenset(norm(w) for w in data["range_connectors"]),
        range_blockers=frozenset(norm(w) for w in data["range_blockers"]),
        articles=frozenset(norm(w) for w in data["number_articles"]),
        kind_before_re=re.compile(r"(?:^|(?<=\W))(" + "|".join(
            r"\s+".join(re.escape(w) for w in norm(p).split())
            for ps in data["kind_before"].values() for p in ps) + r")\s*$"),
        kind_before={re.sub(r"\s+", " ", norm(p)): str(k)
                     for k, ps in data["kind_before"].items() for p in ps},
        singular_re=_singular_regex(data),
        open_singular_re=_open_singular_regex(data),
        singular_victims={norm(k): str(v) for k, v in data["singular_victims"].items()},
        singular_kinds={re.sub(r"\s+", " ", norm(p)): str(k)
                        for key in ("singular_after", "singular_before")
                        for k, ps in data[key].items() for p in ps},
        object_re=re.compile(r"\s*(?:\d|(?:" + "|".join(
            re.escape(norm(w)) for w in [*data["object_openers"], *data["number_words"]])
            + r")(?!\w))"),
        agent_re=re.compile(r"(?:^|(?<=\W))(?:" + "|".join(
            re.escape(norm(w)) for w in data["agent_markers"]) + r")\s*$"),
        toll_links=tuple(_tuples(data["toll_links"])),
        toll_update_re=_toll_update_regex(data),
        toll_noun_re=re.compile(_alts([n for ns in data["toll_nouns"].values() for n in ns])),
        toll_noun_kinds={norm(n): ("" if k == "same" else str(k))
                         for k, ns in data["toll_nouns"].items() for n in ns},
        subset_links=tuple(_tuples(data["subset_links"])),
        group_nouns=frozenset(norm(w) for w in data["group_nouns"]),
        articles_one=frozenset(norm(w) for w in data["singular_articles"]),
        bare_re=_bare_regex(data),
        named_re=_named_regex(data),
        name_particles=frozenset(norm(w) for w in data["name_particles"]),
        subject_re=_subject_regex(data),
        cue_gap_blockers=frozenset(norm(w) for w in data["cue_gap_blockers"]),
        list_auxiliaries=phrase_table((t, "") for t in _tuples(data["list_auxiliaries"])),
        list_cues=phrase_table((t, str(k)) for k, ps in data["list_cues"].items()
                               for t in _tuples(ps)),
        list_active=phrase_table((t, str(k)) for k, ps in data["singular_before"].items()
                                 for t in _tuples(ps)),
        split_verbs=frozenset(norm(w) for w in data["split_verbs"]),
        split_pronouns=frozenset(norm(w) for w in data["split_pronouns"]),
        split_results=phrase_table((t, str(k)) for k, ps in data["split_results"].items()
                                   for t in _tuples(ps)),
        later_death_re=re.compile(
            rf"^(?:{_alts(data['later_death_subjects'])})\s+"
            rf"(?:{_alts(data['later_death_verbs'])})(?!\w)"),
        later_victim_re=_later_victim_regex(data),
        reflexive_deaths=phrase_table((t, "") for t in _tuples(data["reflexive_deaths"])),
        reflexive_subjects=frozenset(norm(w) for w in data["reflexive_subjects"]),
        misspelt=misspellings(data["tolerant_cues"]),
        possessives=frozenset(norm(w) for w in data["singular_possessives"]),
        adverb_re=re.compile(rf"(?<!\w)(?:{_alts(data['adverb_hosts'])})\s+"
                             rf"(?P<adv>(?:{_alts(data['cue_adverbs'])})\s+)"),
        open_active_re=_open_active_regex(data),
        open_object_stops=frozenset(norm(w) for w in data["open_object_stops"]),
        body_nouns=frozenset(norm(w) for w in data["body_nouns"]),
        found_re=_phrase_regex(data["found_cues"]),
        cue_words=_cue_words(data),
        noun_words=frozenset(w for k in ("victim_nouns", "other_nouns")
                             for p in data[k] for w in _LETTERS.findall(norm(p))),
        starter_words=frozenset(
            w for p in [*data["number_words"], *data["multiplier_words"],
                        *data["vague_plurals"], *data["approximate_nouns"],
                        *data["vague_determiners"], *data["unspecified_plurals"]]
            for w in _LETTERS.findall(norm(p))),
        facility_re=_phrase_regex(data["facility_verbs"]),
        facility_nouns=frozenset(norm(w) for w in data["facility_nouns"]),
        finite_verbs=frozenset(norm(w) for w in data["finite_verbs"]),
        time_nouns=frozenset(norm(w) for w in [*data["time_nouns"], *data["weekdays"]]),
        verb_fillers=frozenset(norm(w) for k in ("adverb_hosts", "cue_adverbs")
                               for w in data[k] if " " not in w),
    )


_LETTERS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
# the data entries a claim's kind, or its single victim, is read from
_CUE_KEYS = ("kind_nouns", "kind_cues", "singular_after", "singular_before", "list_cues",
             "split_results", "reflexive_deaths", "kind_before", "later_death_verbs",
             "tolerant_cues")


def _cue_words(data: dict[str, Any]) -> frozenset[str]:
    """One word of every phrase a claim's kind is read from (the longest word that is no
    function word: all of a phrase's words are in a sentence it matches, so one is enough),
    and every misspelling the extractor tolerates."""
    common = {norm(w) for k in ("function_words", "auxiliaries", "pronouns",
                                "singular_articles", "object_articles", "claimant_determiners")
              for w in data[k]}
    out: set[str] = set()
    for key in _CUE_KEYS:
        entries = data[key]
        phrases = ([p for ps in entries.values() for p in ps] if isinstance(entries, dict)
                   else entries)
        for p in phrases:
            words = _LETTERS.findall(norm(p))
            if words:
                rare = [w for w in words if w not in common] or words
                out.add(max(rare, key=len))
    for variant in misspellings(data["tolerant_cues"]):
        out.update(_LETTERS.findall(variant))
    return frozenset(out)


def may_claim(low: str, lex: ClaimsLexicon) -> bool:
    """Can the sentence ``low`` (lower-cased by ``norm``) hold a claim? Every claim has a
    casualty word (a verb, a noun, a phrase) or is a count followed by what it counts; a
    sentence with neither is passed over without tokenizing it (most sentences are)."""
    if not lex.cue_words:
        return True  # a lexicon built without the gate words: try every sentence
    words = _LETTERS.findall(low)
    if not lex.cue_words.isdisjoint(words):
        return True
    if lex.noun_words.isdisjoint(words):
        return False
    return _DIGIT.search(low) is not None or not lex.starter_words.isdisjoint(words)


def misspellings(words: Iterable[str]) -> dict[str, str]:
    """One slip of a typist away from each word of six letters or more: a doubled letter
    typed once ("kiled"), a letter typed twice ("killling"), two neighbours swapped
    ("injuerd"). No letter is replaced, so no other real word is reached ("filled")."""
    out: dict[str, str] = {}
    exact = {norm(w) for w in words}
    for word in exact:
        if len(word) < 6:
            continue
        variants: set[str] = set()
        for i in range(len(word)):
            variants.add(word[:i + 1] + word[i:])  # a letter twice
            if i + 1 < len(word) and word[i] == word[i + 1]:
                variants.add(word[:i] + word[i + 1:])  # a doubled letter once
            if i + 1 < len(word) and word[i] != word[i + 1]:
                variants.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])  # swapped
        for v in variants - exact:
            out.setdefault(v, word)
    return out


def _later_victim_regex(data: dict[str, Any]) -> re.Pattern[str]:
    """A singular article, up to three words, then a singular victim noun ("a young boy")."""
    arts = "|".join(re.escape(a) for a in sorted({norm(w) for w in data["singular_articles"]},
                                                 key=len, reverse=True))
    nouns = "|".join(re.escape(v) for v in sorted({norm(k) for k in data["singular_victims"]},
                                                  key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{arts})\s+(?:[^\W\d][\w'-]*\s+){{0,3}}?({nouns})(?!\w)")


def _toll_update_regex(data: dict[str, Any]) -> re.Pattern[str]:
    """A toll noun, a few verb words and a preposition, up to the end of the text before a
    figure: "the death toll was later raised to ", "le bilan s'est alourdi à "."""
    nouns = _alts([n for ns in data["toll_nouns"].values() for n in ns])
    verbs = _alts(data["toll_verbs"])
    preps = _alts(data["toll_preps"])
    return re.compile(rf"(?<!\w)(?P<noun>{nouns})\s+(?:(?:{verbs})(?!\w)\s*){{1,5}}"
                      rf"(?:{preps})\s*$")


def _alts(phrases: list[str]) -> str:
    ordered = sorted({norm(p) for p in phrases}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


# a few words between the article and the noun: "a young man", "a senior officer"
SINGULAR_GAP = r"(?:(?:[^\W\d][\w'-]*|\d{1,3}-year-old)\s+){0,3}?"
# "a soldier from the border unit was killed", "a man of 26 years ... was killed"
SINGULAR_TAIL = (r"(?:\s+(?:[^\s.,;:()\d]+|\d{1,3}(?=\s+(?:ans|years?)(?!\w))"
                 r"|\d{1,3}-year-old)){0,7}?")


def _singular_regex(data: dict[str, Any]) -> re.Pattern[str]:
    """One victim named by a singular noun, with the casualty verb after the noun (passive:
    "a soldier ... was killed") or before the article (active: "killing a child")."""
    art = _alts(data["singular_articles"])
    noun = _alts(list(data["singular_victims"]))
    after = _alts([p for ps in data["singular_after"].values() for p in ps])
    before = _alts([p for ps in data["singular_before"].values() for p in ps])
    passive = (rf"(?P<a_art>(?<!\w)(?:{art}))\s+{SINGULAR_GAP}(?P<a_noun>{noun})(?!\w)"
               rf"{SINGULAR_TAIL}\s+(?P<a_cue>{after})(?!\w)")
    objs = _alts([*data["singular_articles"], *data["object_articles"]])
    active = (rf"(?P<b_cue>(?<!\w)(?:{before}))(?:\s+|(?<='))(?:{objs})\s+{SINGULAR_GAP}"
              rf"(?P<b_noun>{noun})(?!\w)")
    return re.compile(f"{passive}|{active}")


def _open_active_regex(data: dict[str, Any]) -> re.Pattern[str]:
    """An active casualty verb, an article, up to two words and any noun ending its phrase
    (punctuation, "and" or a preposition next): "killed a revenue collector in ..."."""
    objs = _alts([*data["singular_articles"], *data["object_articles"]])
    before = _alts([p for ps in data["singular_before"].values() for p in ps])
    links = [w for w in data["number_connectors"] if w.isalpha()]
    stops = _alts([*data["cue_gap_blockers"], *links])
    return re.compile(rf"(?P<p_cue>(?<!\w)(?:{before}))(?:\s+|(?<='))(?:{objs})\s+"
                      rf"(?:[^\W\d][\w'-]*\s+){{0,2}}?(?P<p_noun>[^\W\d][\w'-]*)"
                      rf"(?=\s*(?:[,.;:()]|$)|\s+(?:{stops})(?!\w))")


def _open_singular_regex(data: dict[str, Any]) -> re.Pattern[str]:
    """An article, up to two words, then any noun right before a passive casualty verb: the
    subject of "was shot dead" is a person whatever the noun ("a radio reporter")."""
    art = _alts(data["singular_articles"])
    after = _alts([p for ps in data["singular_after"].values() for p in ps
                   if " " in p.strip()])
    return re.compile(rf"(?<!\w)(?:{art})\s+(?:[^\W\d][\w'-]*\s+){{0,2}}?"
                      rf"(?P<o_noun>[^\W\d][\w'-]*)\s+(?P<o_cue>{after})(?!\w)")


def _not_function(data: dict[str, Any]) -> str:
    """A lookahead refusing a function word or an article (the gap words of a bare noun)."""
    words = [*data["function_words"], *data["singular_articles"], *data["claimant_determiners"]]
    return rf"(?!(?:{_alts(words)})(?!\w))"


def _noun_end(data: dict[str, Any]) -> str:
    """What may follow a bare victim noun: punctuation, the end, or a function word."""
    return rf"(?=\s*(?:[,.;:()]|$)|\s+(?:{_alts(data['function_words'])})(?!\w))"


def _past_cues(data: dict[str, Any], kinds: tuple[str, ...] = ("killed", "injured")) -> str:
    """Casualty participles usable after a bare noun ("Farmer killed in ...")."""
    phrases = [p for key in ("singular_after", "singular_before")
               for k, ps in data[key].items() if k in kinds for p in ps
               if norm(p).endswith(("ed", "dead", "death", "é", "ée", "és", "ées"))
               or " " in norm(p)]
    return _alts(phrases)


def _subject_regex(data: dict[str, Any]) -> re.Pattern[str]:
    """One victim named by a singular noun that opens the sentence (lower-cased text), its
    modifiers running up to the sentence's first finite verb, a casualty verb ("A man who
    tried to rob a shop with a toy gun was killed ..."). The modifiers hold no clause
    punctuation and no other finite verb, so the casualty verb is the subject's own."""
    art = _alts(data["subject_articles"])
    noun = _alts(list(data["singular_victims"]))
    after = _alts([p for ps in data["singular_after"].values() for p in ps])
    finite = _alts(data["finite_verbs"])
    word = rf"(?:(?!(?:{finite})(?!\w))[^\s.,;:()]+|\([^().;]{{1,40}}\))"
    return re.compile(
        rf"^(?P<s_art>(?:{art}))\s+{SINGULAR_GAP.replace('{0,3}', '{0,5}')}"
        rf"(?P<s_noun>{noun})(?!\w)"
        rf"(?:\s+{word}){{0,24}}?(?:\s+(?:{finite}))?\s+(?P<s_cue>{after})(?!\w)")


def _bare_regex(data: dict[str, Any]) -> re.Pattern[str]:
    """One victim named by a singular noun with no article (lower-cased text): after an
    active casualty verb ("killed former separatist leader"), or opening the sentence
    ("Farmer killed in ...", "Local trader was shot dead")."""
    gap = rf"(?:{_not_function(data)}[^\W\d][\w'-]*\s+){{0,3}}?"
    noun = _alts(list(data["singular_victims"]))
    before = _alts([p for ps in data["singular_before"].values() for p in ps])
    active = (rf"(?P<c_cue>(?<!\w)(?:{before}))\s+{gap}(?P<c_noun>{noun})(?!\w)"
              + _noun_end(data))
    passive = (rf"^(?P<d_gap>{gap})(?P<d_noun>{noun})(?!\w){SINGULAR_TAIL}\s+"
               rf"(?P<d_cue>{_past_cues(data)})(?!\w)")
    return re.compile(f"{active}|{passive}")


def _named_regex(data: dict[str, Any]) -> re.Pattern[str]:
    """One person killed, named by two to four capitalised words (the text's own case)."""
    name = r"(?P<name>(?:[A-ZÀ-Ý][\w'’-]+\s+){1,3}[A-ZÀ-Ý][\w'’-]+)"
    after = _alts(data["singular_after"]["killed"])
    before = _alts(data["singular_before"]["killed"])
    gap = rf"(?:{_not_function(data)}[a-zà-ÿ][\w'-]*\s+){{0,3}}?"
    app = r"(?:\s*,[^,.;:\d]{2,60},)?"
    return re.compile(
        rf"(?<![\w'’]){name}(?:{app}|\s*,)?\s+(?P<n_cue>{after})(?!\w)"
        rf"|(?P<m_cue>(?<!\w)(?:{before}))\s+{gap}(?P<m_name>(?:[A-ZÀ-Ý][\w'’-]+\s+){{1,3}}"
        rf"[A-ZÀ-Ý][\w'’-]+)(?![\w'’-])")


def unfound_body(cue: str, low: str, lex: ClaimsLexicon) -> bool:
    """Is ``cue`` "the body of" in a sentence (``low``) that does not say it was found?"""
    words = re.findall(r"[^\W\d]+", cue)
    return (bool(words) and any(w in lex.body_nouns for w in words[:2])
            and (lex.found_re is None or lex.found_re.search(low) is None))


def load_lexicon(lang: str) -> ClaimsLexicon:
    """Load and compile ``data/<lang>/claims.yaml`` (checked against the schema)."""
    return compile_lexicon(lang, load_language_file(lang, "claims.yaml", SCHEMA))
