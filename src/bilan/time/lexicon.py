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

TIME_SCHEMA: dict[str, Any] = {
    "months": (dict, int),
    "ambiguous_months": (list, str),
    "month_context_before": (list, str),
    "capitalized_months": bool,
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
    "quarter_words": (dict, int),
    "quarter_nouns": (list, str),
    "decade_patterns": (list, str),
    "time_of_day_patterns": (list, str),
    "noon_words": (dict, str),
    "noon_context_before": (list, str),
    "future_cues": (list, str),
    "past_cues": (list, str),
}

_SEASONS = {"SP", "SU", "FA", "WI"}
_PARTS = {"MO", "AF", "EV", "NI", "DT"}
_UNITS = {"TS", "TM", "TH", "D", "W", "M", "Q", "Y", "DE", "CE", "WE"}


def _alt(words: list[str] | set[str] | dict[str, Any]) -> str:
    """A regex alternation of literal words, longest first (so "après-midi" beats "après")."""
    items = sorted({w.lower() for w in words if w != ""}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace("'", "['’]") for w in items) or "(?!x)x"


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
    modifiers: dict[str, int]  # after + before, normalised
    set_words: dict[str, str]
    ref_words: dict[str, str]
    quarter_words: dict[str, int]
    noon_words: dict[str, str]
    future_year_context: tuple[str, ...]
    # compiled alternations (case-insensitive)
    re_month: str
    re_weekday: str
    re_season: str
    re_part: str
    re_number: str
    re_vague: str
    re_unit: str
    re_cal_unit: str
    re_det: str
    re_this: str
    re_mod_after: str
    re_mod_before: str
    re_month_ctx: str
    re_year_ctx: str
    re_ago_pre: str
    re_ago_suf: str
    re_later_pre: str
    re_later_suf: str
    re_set_pre: str
    re_weekend: str
    re_joiner: str
    re_rel_day: str
    re_day_part_phrase: str
    re_set_word: str
    re_ref_word: str
    re_quarter_word: str
    re_quarter_noun: str
    re_noon: str
    re_noon_ctx: str
    decade_patterns: tuple[re.Pattern[str], ...]
    time_patterns: tuple[re.Pattern[str], ...]
    future_cues: tuple[re.Pattern[str], ...]
    past_cues: tuple[re.Pattern[str], ...]

    def month(self, word: str) -> int | None:
        return self.months.get(_norm(word))

    def weekday(self, word: str) -> int | None:
        return self.weekdays.get(_norm(word))

    def number(self, word: str) -> float | None:
        w = _norm(word).strip()
        if w in self.number_words:
            return float(self.number_words[w])
        try:
            return float(w.replace(",", ".").replace("\u202f", "").replace(" ", ""))
        except ValueError:
            return None


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
    for name, value in data["set_words"].items():
        if not re.fullmatch(r"P\d+[DWMY]", value):
            raise DataFileError(f"{where}:set_words[{name}]: bad value {value!r}")
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
        modifiers=modifiers,
        set_words={_norm(k): v for k, v in data["set_words"].items()},
        ref_words={_norm(k): v for k, v in data["ref_words"].items()},
        quarter_words={_norm(k): v for k, v in data["quarter_words"].items()},
        noon_words={_norm(k): v for k, v in data["noon_words"].items()},
        future_year_context=tuple(_norm(w) for w in data["future_year_context"]),
        re_month=_alt(data["months"]),
        re_weekday=_alt(data["weekdays"]),
        re_season=_alt(data["seasons"]),
        re_part=_alt(data["parts_of_day"]),
        re_number=_alt(data["number_words"]),
        re_vague=_alt(data["vague_quantities"]),
        re_unit=_alt(data["units"]),
        re_cal_unit=_alt(data["calendar_units"]),
        re_det=_alt(data["determiners"]),
        re_this=_alt(data["this_words"]),
        re_mod_after=_alt(data["modifiers_after"]),
        re_mod_before=_alt(data["modifiers_before"]),
        re_month_ctx=_alt(data["month_context_before"]),
        re_year_ctx=_alt(data["year_context_before"]),
        re_ago_pre=_alt(data["ago_prefixes"]),
        re_ago_suf=_alt(data["ago_suffixes"]),
        re_later_pre=_alt(data["later_prefixes"]),
        re_later_suf=_alt(data["later_suffixes"]),
        re_set_pre=_alt(data["set_prefixes"]),
        re_weekend=_alt(data["weekend"]),
        re_joiner=_alt(data["part_of_day_joiners"]),
        re_rel_day=_alt(data["relative_days"]),
        re_day_part_phrase=_alt(data["day_part_phrases"]),
        re_set_word=_alt(data["set_words"]),
        re_ref_word=_alt(data["ref_words"]),
        re_quarter_word=_alt(data["quarter_words"]),
        re_quarter_noun=_alt(data["quarter_nouns"]),
        re_noon=_alt(data["noon_words"]),
        re_noon_ctx=_alt(data["noon_context_before"]),
        decade_patterns=_compile_list(data["decade_patterns"], f"{where}:decade_patterns"),
        time_patterns=_compile_list(data["time_of_day_patterns"], f"{where}:time_of_day"),
        future_cues=_compile_list(data["future_cues"], f"{where}:future_cues"),
        past_cues=_compile_list(data["past_cues"], f"{where}:past_cues"),
    )


def load_time_lexicon(lang: str) -> TimeLexicon:
    """Load and validate ``data/<lang>/time.yaml``."""
    data = load_language_file(lang, "time.yaml", TIME_SCHEMA)
    return build_time_lexicon(lang, data)
