"""Language-neutral patterns for temporal expressions, filled with a lexicon's word lists.

Each rule is a named regular expression; :mod:`bilan.time.find` turns a match into a
TIMEX3 by the rule's name. Words come from ``data/<lang>/time.yaml`` only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

B = r"(?<![\w\-])"  # start of a word
E = r"(?![\w])"  # end of a word
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:er|re|e|st|nd|rd|th)?(?![\d])"
YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)(?![\d])"
# a two-digit year right after a month ("octobre 98", "Oct. '98"), not a count ("mai 12 morts")
YEAR2 = r"\s+(?P<y2>['’]?\d\d)(?![\d%]|(?-i:\s+[a-zà-ÿ]))"


@dataclass(frozen=True, slots=True)
class Grammar:
    """Compiled rules, tried in order; overlaps are settled by span length afterwards."""

    rules: tuple[tuple[str, re.Pattern[str]], ...]
    future_year_ctx: re.Pattern[str]
    month_ctx: re.Pattern[str]
    year_ctx: re.Pattern[str]
    year_weak: re.Pattern[str]
    age_before: re.Pattern[str]
    age_after_not: re.Pattern[str]
    year_next_ok: re.Pattern[str]
    noon_ctx: re.Pattern[str]
    ago_pre: re.Pattern[str]
    ago_suf: re.Pattern[str]
    later_pre: re.Pattern[str]
    later_suf: re.Pattern[str]
    quarter_word: re.Pattern[str]
    year_det: re.Pattern[str]
    # right after a weekday: "and Tuesday nights", a second weekday with a plural part of day
    coordinated_weekday: re.Pattern[str]


def _det(alts: dict[str, str]) -> str:
    # a determiner followed by a space, or glued by an apostrophe ("l'automne")
    return rf"(?:(?P<det>{alts['det']})(?:(?<=['’])|\s+))"


def compile_grammar(alts: dict[str, str]) -> Grammar:
    """Build the rules from alternations keyed by role (month, weekday, unit ...)."""
    a = alts
    det = _det(a)
    mod_after = rf"(?:\s*(?P<mod>{a['mod_after']}){E})"
    mod_before = rf"(?:(?P<modb>{a['mod_before']})\s+)"
    part = rf"(?:,?\s+(?:(?:{a['joiner']})\s+)?(?P<part>{a['part']}){E})"
    edge = rf"(?:(?P<edge>{a['edge']})(?:\s*|\s+(?:de\s+l['’]|de\s+|d['’]|of\s+)?))"
    number = rf"(?:(?P<num>\d+(?:[.,]\d+)?|{a['number']})|(?P<vague>{a['vague']}))"
    rules: list[tuple[str, str]] = [
        ("iso", rf"{B}(?P<year>\d{{4}})-(?P<month>0\d|1[0-2])-(?P<day>[0-2]\d|3[01])"
                rf"(?:T(?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d))?(?![\d])"),
        ("numeric", rf"{B}(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{{4}}|\d{{2}})(?![\d/])"),
        ("day_month", rf"{B}{det}?(?:(?P<wd>{a['weekday_abbr']})\s*,?\s+)?{DAY}\s+"
                      rf"(?P<month>{a['month']})(?:\s*,?\s+{YEAR}|{YEAR2})?{E}{mod_after}?"),
        ("month_day", rf"{B}(?:(?P<wd>{a['weekday_abbr']})\s*,?\s+)?(?P<month>{a['month']})\s*"
                      rf"{DAY}(?:\s*,?\s+{YEAR})?{E}"),
        ("month", rf"{B}(?:{mod_before}|{edge}|(?:(?P<mprefix>{a['month_noun']})\s+))?"
                  rf"(?P<month>{a['month']})(?:\s*,?\s+(?:de\s+|of\s+)?{YEAR}|{YEAR2})?{E}"
                  rf"{mod_after}?"),
        ("season", rf"{B}(?:{det}|{mod_before}|{edge})?(?P<season>{a['season']})"
                   rf"(?:\s+(?:de\s+|d['’]|of\s+)?{YEAR})?{E}{mod_after}?"),
        ("quarter", rf"{B}{det}?(?P<qw>{a['quarter_word']})[\s\-]+(?P<qn>{a['quarter_noun']})"
                    rf"(?:\s+(?:de\s+|of\s+)?{YEAR})?{E}"),
        ("quarter_ref", rf"{B}(?P<qref>{a['quarter_ref']}){E}"),
        ("weekday", rf"{B}{det}?{mod_before}?(?P<wd>{a['weekday']}){E}{mod_after}?{part}?"),
        ("weekend", rf"{B}(?:{det}|{mod_before})(?P<we>{a['weekend']}){E}{mod_after}?"),
        # "la nuit de samedi à dimanche", "the night of Saturday to Sunday": one night
        ("night_span", rf"{B}(?P<nightof>{a['night_of']})\s+(?P<wd>{a['weekday']}){E}\s+"
                       rf"(?:{a['night_joiner']})\s+(?P<wd2>{a['weekday']}){E}"),
        ("rel_day", rf"{B}(?P<rel>{a['rel_day']}){E}{part}?"),
        ("day_part", rf"{B}(?P<dpp>{a['day_part']}){E}"),
        # a determiner, a modifier or both ("the year" alone is refused by its handler)
        ("rel_unit", rf"{B}{det}?{mod_before}?(?P<cunit>{a['cal_unit']}){E}{mod_after}?"),
        ("cur_unit", rf"{B}(?P<curu>{a['cur_unit']}){E}"
                     rf"(?![\-–]|\s+\d|\s+(?:{a['cur_unit_not']}){E})"),
        ("duration", rf"{B}{det}?{mod_before}?{number}[\s\-]+(?:(?P<mod2>{a['mod_after']})\s+)?"
                     rf"(?P<unit>{a['unit']}){E}{mod_after}?"),
        ("set", rf"{B}(?P<setp>{a['set_pre']})\s+(?:(?P<wd>{a['weekday']})|(?P<part>{a['part']})"
                rf"|(?P<unit>{a['unit']})){E}"),
        ("holiday", rf"{B}{mod_before}?(?P<hol>{a['holiday']}){E}"),
        ("period_noun", rf"{B}(?P<pnoun>{a['period_noun']}){E}"),
        ("set_word", rf"{B}(?P<setw>{a['set_word']}){E}"),
        ("ref", rf"{B}(?P<ref>{a['ref_word']}){E}"),
        ("year", rf"{B}{edge}?{YEAR}{E}"),
        ("noon", rf"{B}(?P<noon>{a['noon']}){E}"),
    ]
    compiled = [(name, re.compile(p, re.IGNORECASE)) for name, p in rules]
    for i, pat in enumerate(a["decades"].split("\n") if a["decades"] else []):
        compiled.append((f"decade{i}", re.compile(rf"{B}{pat}{E}", re.IGNORECASE)))
    for i, pat in enumerate(a["times"].split("\n") if a["times"] else []):
        compiled.append((f"time{i}", re.compile(rf"{B}{pat}", re.IGNORECASE)))

    def tail(words: str) -> re.Pattern[str]:
        # a context word right before a match: test on the text before it
        return re.compile(rf"(?:^|[^\w])(?:{words})[\s\-]*$", re.IGNORECASE)

    def head(words: str) -> re.Pattern[str]:
        return re.compile(rf"^\s+(?:{words}){E}", re.IGNORECASE)

    return Grammar(
        rules=tuple(compiled),
        future_year_ctx=tail(a["future_year"]),
        month_ctx=tail(a["month_ctx"]),
        year_ctx=tail(a["year_ctx"]),
        age_before=re.compile(rf"(?:^|[^\w])(?:{a['age_before']})\s*$", re.IGNORECASE),
        age_after_not=head(a["age_after_not"]),
        year_weak=re.compile(rf"(?:^|[^\w])(?:{a['year_weak']})[\s\-]*$", re.IGNORECASE),
        year_next_ok=re.compile(rf"^(?:\s*[^\w\s]|\s*$|\s+[A-Z0-9]|\s+(?:{a['year_followers']}){E})"),
        noon_ctx=tail(a["noon_ctx"]),
        ago_pre=re.compile(rf"(?:^|[^\w])(?P<w>{a['ago_pre']})\s+$", re.IGNORECASE),
        ago_suf=head(a["ago_suf"]),
        later_pre=re.compile(rf"(?:^|[^\w])(?P<w>{a['later_pre']})\s+$", re.IGNORECASE),
        later_suf=head(a["later_suf"]),
        year_det=re.compile(rf"(?:^|[^\w])(?:{a['year_det']})\s+$", re.IGNORECASE),
        quarter_word=re.compile(rf"\b(?:{a['quarter_noun']})s?{E}", re.IGNORECASE),
        coordinated_weekday=re.compile(
            rf"\s*,?\s+(?:{a['coord']})\s+{det}?(?P<wd>{a['weekday']}){E}{part}", re.IGNORECASE),
    )
