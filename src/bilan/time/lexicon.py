"""Temporal knowledge for one language, read from ``data/<lang>/time.yaml`` and checked at load.

The code that finds and resolves expressions is language-neutral: every word it knows
(month and weekday names, relative words, number words, tense cues ...) comes from here.
The regular expressions built from the word lists are compiled once, when the lexicon is
loaded (a :class:`TimeLexicon` is a read-only resource, built once per process).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bilan.errors import DataFileError
from bilan.langdata import load_language_file
from bilan.time.grammar import Grammar, compile_grammar

TIME_SCHEMA: dict[str, Any] = {
    "months": (dict, int),
    "ambiguous_months": (list, str),
    "month_context_before": (list, str),
    "capitalized_months": bool,
    "edge_words": (list, str),
    "month_noun_prefixes": (list, str),
    "numeric_date_order": str,
    "weekdays": (dict, int),
    "weekend": (list, str),
    "seasons": (dict, str),
    "parts_of_day": (dict, str),
    "part_of_day_joiners": (list, str),
    "relative_days": (dict, int),
    "day_part_phrases": (dict, list),
    "number_words": (dict, int),
    "vague_quantities": (list, str),
    "units": (dict, str),
    "calendar_units": (dict, str),
    "determiners": (list, str),
    "this_words": (list, str),
    "modifiers_after": dict,
    "modifiers_before": dict,
    "ago_prefixes": (list, str),
    "ago_suffixes": (list, str),
    "later_prefixes": (list, str),
    "later_suffixes": (list, str),
    "set_prefixes": (list, str),
    "set_words": (dict, str),
    "ref_words": (dict, str),
    "year_context_before": (list, str),
    "future_year_context": (list, str),
    "year_context_weak": (list, str),
    "year_followers": (list, str),
    "quarter_words": (dict, int),
    "quarter_nouns": (list, str),
    "decade_patterns": (list, str),
    "time_of_day_patterns": (list, str),
    "noon_words": (dict, str),
    "coordinators": (list, str),
    "night_of": (list, str),
    "night_joiners": (list, str),
    "noon_context_before": (list, str),
    "age_before": (list, str),
    "age_after_not": (list, str),
    "future_cues": (list, str),
    "past_cues": (list, str),
    "weekday_abbreviations": (dict, int),
    "since_words": (list, str),
    "office_terms": (dict, list),
    "range_starters": (list, str),
    "range_joiners": (list, str),
    "possessive_suffixes": (list, str),
    "quarter_refs": (dict, int),
    "report_quarter_refs": (dict, int),
    "year_determiners": (list, str),
    "ref_excluded_phrases": (list, str),
    "period_nouns": (dict, str),
    "holidays": (dict, str),
    "interval_after_words": (list, str),
    "more_than_words": (list, str),
    "season_genitive_ok": (list, str),
    "possessive_future_before": (list, str),
    "habitual_weekday_before": (list, str),
    "span_prefix_words": (list, str),
    "quantity_prefix_words": (list, str),
    "current_unit_phrases": (dict, str),
    "period_end_words": (list, str),
    "current_unit_not_before": (list, str),
    "past_perfect_words": (list, str),
    "weekday_parts_dropped": (list, str),
    "previous_year_before": (list, str),
}

_SEASONS = {"SP", "SU", "FA", "WI"}
_PARTS = {"MO", "AF", "EV", "NI", "DT"}
_UNITS = {"TS", "TM", "TH", "D", "W", "M", "Q", "Y", "DE", "CE", "WE"}


def _alt(words: list[str] | set[str] | dict[str, Any]) -> str:
    """A regex alternation of literal words, longest first (so "après-midi" beats "après").

    Written as a trie ("jan(?:uary|\\.)?" rather than "january|jan.|jan"): the same words in
    the same order of preference (two words that both match at a place are a prefix of each
    other, and the longer one is tried first), but a branch fails at its first letter, which
    makes the patterns several times faster to scan.
    """
    items = {w.lower().replace("’", "'") for w in words if w != ""}
    if not items:
        return "(?!x)x"
    trie: dict[str, Any] = {}
    for w in items:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = []
    for ch in sorted(k for k in node if k != ""):
        head = "['’]" if ch == "'" else re.escape(ch)
        branches.append(head + _trie_regex(node[ch]))
    if not branches:
        return ""
    if len(branches) > 1:
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body
    if not ends:
        return branches[0]
    # one branch, optional: a single atom takes "?" as it is, a sequence needs a group
    return branches[0] + "?" if branches[0] == head else f"(?:{branches[0]})?"


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


@dataclass(frozen=True, slots=True)
class TimeLexicon:
    """Word lists and compiled patterns for one language."""

    lang: str
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    capitalized_months: bool
    weekdays: dict[str, int]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    relative_days: dict[str, int]
    day_part_phrases: dict[str, tuple[int, str]]
    number_words: dict[str, int]
    vague_quantities: frozenset[str]
    units: dict[str, str]
    calendar_units: dict[str, str]
    weekday_abbreviations: dict[str, int]
    modifiers: dict[str, int]  # after + before, normalised
    set_words: dict[str, str]
    ref_words: dict[str, str]
    quarter_words: dict[str, int]
    quarter_refs: dict[str, int]
    ref_excluded: re.Pattern[str]
    period_nouns: dict[str, str]
    holidays: dict[str, str]
    # "plus d'une semaine après": (more-than words)? + a duration + an after word
    interval_after: re.Pattern[str]
    more_than_before: re.Pattern[str]
    season_genitive_ok: frozenset[str]
    report_quarter_refs: dict[str, int]
    noon_words: dict[str, str]
    future_year_context: tuple[str, ...]
    this_words: frozenset[str]
    day_first: bool
    future_cues: tuple[re.Pattern[str], ...]
    past_cues: tuple[re.Pattern[str], ...]
    grammar: Grammar
    since_before: re.Pattern[str]
    # "du 3 au " right before a date: group "day" is the first day of the span
    range_day_before: re.Pattern[str]
    # two dates joined as one span: text between them ("au", "to") and before the first
    range_joiner: re.Pattern[str]
    range_starter: re.Pattern[str]
    # "Monday's attack": a suffix right after a weekday, and words before it that look ahead
    possessive_after: re.Pattern[str]
    possessive_future: re.Pattern[str]
    # "earlier Sunday", "nearly two years": a word right before a span that belongs to it
    # (group "w"), tested on the text before the span
    span_prefix: re.Pattern[str]
    quantity_prefix: re.Pattern[str]
    # "the year": the unit it names; "ended": right after it, a duration
    current_units: dict[str, str]
    # an auxiliary of the past perfect in the clause: the expression is in the past
    past_perfect: re.Pattern[str]
    # a clock time right before a weekday ("until 9 a.m. EST Tuesday"), tested on the text
    # before the weekday
    clock_before: re.Pattern[str]
    habitual_before: re.Pattern[str]
    period_end_after: re.Pattern[str]
    # parts of the day a weekday names as that day alone ("Friday night": the Friday)
    weekday_parts_dropped: frozenset[str]
    # "the year-ago third quarter": words right before a quarter that put it a year back
    # (group "w"), tested on the text before the quarter
    previous_year_before: re.Pattern[str]
    # (a piece of the name any mention contains, name pattern, [(first year, last year or
    # None = still in office)]); the piece is looked up first, as a plain substring
    office_terms: tuple[tuple[str, re.Pattern[str], tuple[tuple[int, int | None], ...]], ...]

    def month(self, word: str) -> int | None:
        return self.months.get(_norm(word))

    def weekday(self, word: str) -> int | None:
        w = _norm(word)
        return self.weekdays.get(w) or self.weekday_abbreviations.get(w)

    def office_years(self, text: str) -> list[tuple[tuple[int, int | None], ...]]:
        """The terms in office of each person of ``office_terms`` the text names."""
        return [terms for piece, pat, terms in self.office_terms
                if piece in text and pat.search(text)]

    def number(self, word: str) -> float | None:
        w = _norm(word).strip()
        if w in self.number_words:
            return float(self.number_words[w])
        try:
            return float(w.replace(",", ".").replace("\u202f", "").replace(" ", ""))
        except ValueError:
            return None


def _prefix(words: list[str]) -> re.Pattern[str]:
    """A word (group "w") ending the text, after a space: tested on the text before a span."""
    return re.compile(rf"(?:^|(?<![\w\-]))(?P<w>{_alt(words)})\s+$", re.IGNORECASE)


def _compile_list(patterns: list[str], where: str) -> tuple[re.Pattern[str], ...]:
    out = []
    for p in patterns:
        try:
            out.append(re.compile(p, re.IGNORECASE))
        except re.error as exc:
            raise DataFileError(f"{where}: bad pattern {p!r}: {exc}") from exc
    return tuple(out)


def build_time_lexicon(lang: str, data: dict[str, Any]) -> TimeLexicon:
    """Check the values of a loaded ``time.yaml`` and build the lexicon."""
    where = f"data/{lang}/time.yaml"
    for name, code in data["seasons"].items():
        if code not in _SEASONS:
            raise DataFileError(f"{where}:seasons[{name}]: unknown season {code!r}")
    for name, code in data["parts_of_day"].items():
        if code not in _PARTS:
            raise DataFileError(f"{where}:parts_of_day[{name}]: unknown part {code!r}")
    for key in ("units", "calendar_units"):
        for name, code in data[key].items():
            if code not in _UNITS:
                raise DataFileError(f"{where}:{key}[{name}]: unknown unit {code!r}")
    for name, month in data["months"].items():
        if not 1 <= month <= 12:
            raise DataFileError(f"{where}:months[{name}]: month {month} out of range")
    for name, day in data["weekdays"].items():
        if not 1 <= day <= 7:
            raise DataFileError(f"{where}:weekdays[{name}]: weekday {day} out of range")
    phrases: dict[str, tuple[int, str]] = {}
    for name, pair in data["day_part_phrases"].items():
        if len(pair) != 2 or not isinstance(pair[0], int) or pair[1] not in _PARTS | {"WEEK"}:
            raise DataFileError(f"{where}:day_part_phrases[{name}]: expected [offset, part]")
        phrases[_norm(name)] = (int(pair[0]), str(pair[1]))
    modifiers: dict[str, int] = {}
    for key in ("modifiers_after", "modifiers_before"):
        for name, direction in data[key].items():
            if direction not in (-1, 0, 1):
                raise DataFileError(f"{where}:{key}[{name}]: direction must be -1, 0 or 1")
            modifiers[_norm(name)] = int(direction)
    for name, value in data["ref_words"].items():
        if value not in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
            raise DataFileError(f"{where}:ref_words[{name}]: unknown value {value!r}")
    for name, value in data["holidays"].items():
        if not re.fullmatch(r"(0[1-9]|1[0-2])-(?:[0-3]\d|[1-5L]-[1-7])", value):
            raise DataFileError(f"{where}:holidays[{name}]: expected MM-DD or MM-N-W")
    for name, value in data["current_unit_phrases"].items():
        if value not in ("W", "M", "Q", "Y"):
            raise DataFileError(f"{where}:current_unit_phrases[{name}]: unit W, M, Q or Y")
    for name, value in data["period_nouns"].items():
        if not re.fullmatch(r"P\d+[DWMY]", value):
            raise DataFileError(f"{where}:period_nouns[{name}]: bad value {value!r}")
    for name, value in data["set_words"].items():
        if not re.fullmatch(r"P\d+[DWMY]", value):
            raise DataFileError(f"{where}:set_words[{name}]: bad value {value!r}")
    if data["numeric_date_order"] not in ("dmy", "mdy"):
        raise DataFileError(f"{where}:numeric_date_order: expected dmy or mdy")
    offices: list[tuple[str, re.Pattern[str], tuple[tuple[int, int | None], ...]]] = []
    for name, terms in data["office_terms"].items():
        spans: list[tuple[int, int | None]] = []
        for term in terms:
            m = re.fullmatch(r"(\d{4})-(\d{4})?", str(term))
            if m is None:
                raise DataFileError(
                    f"{where}:office_terms[{name}]: expected 'YYYY-YYYY' or 'YYYY-'"
                )
            spans.append((int(m.group(1)), int(m.group(2)) if m.group(2) else None))
        word = re.escape(name).replace("'", "['’]")
        piece = max(re.split(r"['’]", name), key=len)
        offices.append((piece, re.compile(rf"(?<![\w-]){word}(?![\w-])"), tuple(spans)))
    _compile_list(data["decade_patterns"], f"{where}:decade_patterns")
    _compile_list(data["time_of_day_patterns"], f"{where}:time_of_day_patterns")
    alts = {
        "month": _alt(data["months"]),
        "weekday": _alt(data["weekdays"]),
        "weekday_abbr": _alt({**data["weekdays"], **data["weekday_abbreviations"]}),
        "season": _alt(data["seasons"]),
        "part": _alt(data["parts_of_day"]),
        "number": _alt(data["number_words"]),
        "vague": _alt(data["vague_quantities"]),
        "unit": _alt(data["units"]),
        "cal_unit": _alt(data["calendar_units"]),
        "det": _alt(data["determiners"]),
        "mod_after": _alt(data["modifiers_after"]),
        "mod_before": _alt(data["modifiers_before"]),
        "month_ctx": _alt(data["month_context_before"]),
        "year_ctx": _alt(data["year_context_before"]),
        "future_year": _alt(data["future_year_context"]),
        "year_weak": _alt(data["year_context_weak"]),
        "year_followers": _alt(data["year_followers"]),
        "ago_pre": _alt(data["ago_prefixes"]),
        "ago_suf": _alt(data["ago_suffixes"]),
        "later_pre": _alt(data["later_prefixes"]),
        "later_suf": _alt(data["later_suffixes"]),
        "set_pre": _alt(data["set_prefixes"]),
        "weekend": _alt(data["weekend"]),
        "joiner": _alt(data["part_of_day_joiners"]),
        "rel_day": _alt(data["relative_days"]),
        "day_part": _alt(data["day_part_phrases"]),
        "set_word": _alt(data["set_words"]),
        "ref_word": _alt(data["ref_words"]),
        "quarter_word": _alt(data["quarter_words"]),
        "quarter_noun": _alt(data["quarter_nouns"]),
        "year_det": _alt(data["year_determiners"]),
        "period_noun": _alt(data["period_nouns"]),
        "holiday": _alt(data["holidays"]),
        "quarter_ref": _alt({**data["quarter_refs"], **data["report_quarter_refs"]}),
        "noon": _alt(data["noon_words"]),
        "coord": _alt(data["coordinators"]),
        "noon_ctx": _alt(data["noon_context_before"]),
        "night_of": _alt(data["night_of"]),
        "night_joiner": _alt(data["night_joiners"]),
        "edge": _alt(data["edge_words"]),
        "month_noun": _alt(data["month_noun_prefixes"]),
        "age_before": _alt(data["age_before"]),
        "age_after_not": _alt(data["age_after_not"]),
        "cur_unit": _alt(data["current_unit_phrases"]),
        "cur_unit_not": _alt(data["current_unit_not_before"]),
        "decades": "\n".join(data["decade_patterns"]),
        "times": "\n".join(data["time_of_day_patterns"]),
    }
    return TimeLexicon(
        lang=lang,
        months={_norm(k): v for k, v in data["months"].items()},
        ambiguous_months=frozenset(_norm(w) for w in data["ambiguous_months"]),
        capitalized_months=bool(data["capitalized_months"]),
        weekdays={_norm(k): v for k, v in data["weekdays"].items()},
        seasons={_norm(k): v for k, v in data["seasons"].items()},
        parts_of_day={_norm(k): v for k, v in data["parts_of_day"].items()},
        relative_days={_norm(k): v for k, v in data["relative_days"].items()},
        day_part_phrases=phrases,
        number_words={_norm(k): v for k, v in data["number_words"].items()},
        vague_quantities=frozenset(_norm(w) for w in data["vague_quantities"]),
        units={_norm(k): v for k, v in data["units"].items()},
        calendar_units={_norm(k): v for k, v in data["calendar_units"].items()},
        weekday_abbreviations={_norm(k): v for k, v in data["weekday_abbreviations"].items()},
        modifiers=modifiers,
        set_words={_norm(k): v for k, v in data["set_words"].items()},
        ref_words={_norm(k): v for k, v in data["ref_words"].items()},
        quarter_words={_norm(k): v for k, v in data["quarter_words"].items()},
        quarter_refs={_norm(k): v for k, v in data["quarter_refs"].items()},
        period_nouns={_norm(k): v for k, v in data["period_nouns"].items()},
        holidays={_norm(k): v for k, v in data["holidays"].items()},
        interval_after=re.compile(rf"^\s+(?:{_alt(data['interval_after_words'])})(?![\w])",
                                  re.IGNORECASE),
        more_than_before=re.compile(rf"(?:^|[^\w])(?:{_alt(data['more_than_words'])})\s*$",
                                    re.IGNORECASE),
        season_genitive_ok=frozenset(_norm(w) for w in data["season_genitive_ok"]),
        ref_excluded=re.compile(rf"(?<![\w])(?:{_alt(data['ref_excluded_phrases'])})(?![\w])",
                                re.IGNORECASE),
        report_quarter_refs={_norm(k): v for k, v in data["report_quarter_refs"].items()},
        noon_words={_norm(k): v for k, v in data["noon_words"].items()},
        this_words=frozenset(_norm(w) for w in data["this_words"]),
        future_year_context=tuple(_norm(w) for w in data["future_year_context"]),
        day_first=data["numeric_date_order"] == "dmy",
        future_cues=_compile_list(data["future_cues"], f"{where}:future_cues"),
        past_cues=_compile_list(data["past_cues"], f"{where}:past_cues"),
        grammar=compile_grammar(alts),
        since_before=re.compile(rf"(?:^|[^\w])(?:{_alt(data['since_words'])})(?![\w])",
                                re.IGNORECASE),
        office_terms=tuple(offices),
        span_prefix=_prefix(data["span_prefix_words"]),
        quantity_prefix=_prefix(data["quantity_prefix_words"]),
        past_perfect=re.compile(rf"(?<![\w])(?:{_alt(data['past_perfect_words'])})(?![\w])",
                                re.IGNORECASE),
        clock_before=_clock_before(data),
        habitual_before=re.compile(
            rf"(?:^|[^\w])(?:{_alt(data['habitual_weekday_before'])})\s+$"
            if data["habitual_weekday_before"] else r"(?!)", re.IGNORECASE),
        current_units={_norm(k): v for k, v in data["current_unit_phrases"].items()},
        previous_year_before=re.compile(
            rf"(?:^|[^\w])(?P<w>(?:the\s+)?(?:{_alt(data['previous_year_before'])}))\s+$"
            if data["previous_year_before"] else r"(?!)", re.IGNORECASE),
        weekday_parts_dropped=frozenset(_check_parts(data["weekday_parts_dropped"], where)),
        period_end_after=re.compile(rf"^\s+(?:{_alt(data['period_end_words'])})(?![\w])",
                                    re.IGNORECASE),
        range_day_before=re.compile(
            rf"(?:^|[^\w])(?:{_alt(data['range_starters'])})\s+(?P<day>3[01]|[12]\d|0?[1-9])"
            rf"(?:er|st|nd|rd|th)?\s*(?:{_alt(data['range_joiners'])})\s*$", re.IGNORECASE),
        range_joiner=re.compile(rf"^\s*(?:{_alt(data['range_joiners'])})\s*$", re.IGNORECASE),
        range_starter=re.compile(rf"(?:^|[^\w])(?:{_alt(data['range_starters'])})\s*$",
                                 re.IGNORECASE),
        possessive_after=re.compile(rf"^(?:{_alt(data['possessive_suffixes'])})(?![\w])",
                                    re.IGNORECASE),
        possessive_future=re.compile(
            rf"(?:^|[^\w])(?:{_alt(data['possessive_future_before'])})\s+(?:the\s+)?$",
            re.IGNORECASE),
    )


def _clock_before(data: dict[str, Any]) -> re.Pattern[str]:
    """A clock time (or noon, midnight) ending right before a weekday, with an optional
    time zone and "on"/"le": "9 a.m. EST ", "midnight ", "(4 a.m. EDT "."""
    times = [re.sub(r"\(\?P<\w+>", "(?:", p) for p in data["time_of_day_patterns"]]
    noon = list(data["noon_words"])
    alts = "|".join([*(f"(?:{t})" for t in times), _alt(noon)] if noon else times)
    return re.compile(rf"(?:^|[^\w])(?:{alts})\s*(?:[A-Z]{{2,4}}\s*)?,?\s*(?:on\s+|le\s+)?$")


def _check_parts(codes: list[str], where: str) -> list[str]:
    for code in codes:
        if code not in _PARTS:
            raise DataFileError(f"{where}:weekday_parts_dropped: unknown part {code!r}")
    return codes


def load_time_lexicon(lang: str) -> TimeLexicon:
    """Load and validate ``data/<lang>/time.yaml``."""
    data = load_language_file(lang, "time.yaml", TIME_SCHEMA)
    return build_time_lexicon(lang, data)
