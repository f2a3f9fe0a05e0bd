"""Numbers in digits and in words, vague and approximate counts, and their qualifiers.

Everything language-specific comes from the claims lexicon; this module only knows how
numbers are put together (sums, multipliers, thousands separators).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from bilan.claims.lexicon import ClaimsLexicon, norm

# Digits: "250.000", "250 000" (also no-break and narrow no-break spaces), "1,200", "12", "1,5".
_TOKEN_RE = re.compile(
    r"(?P<num>(?<![\d.,])\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?![\d])|\d+(?:[.,]\d+)?)"
    r"|(?P<word>[^\W\d_]+(?:['’](?=[^\W\d_]))?)"
    r"|(?P<punct>[^\w\s])"
)
_QUOTES = frozenset("«»\"“”'‘’")


class Token(NamedTuple):
    """One token (a tuple: made by the thousand for every sentence, it must be cheap)."""

    start: int
    end: int
    text: str
    norm: str
    is_num: bool
    is_word: bool


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text`` with offsets shifted by ``offset``."""
    lowered = norm(text)
    if len(lowered) != len(text):  # a letter whose lower case is longer ("İ"): word by word
        return [Token(m.start() + offset, m.end() + offset, m.group(), norm(m.group()),
                      m.lastgroup == "num", m.lastgroup == "word")
                for m in _TOKEN_RE.finditer(text)]
    # norm() of the whole text, sliced: the same as norm() of each token
    out: list[Token] = []
    add = out.append
    for m in _TOKEN_RE.finditer(text):
        start, end = m.span()
        group = m.lastgroup
        add(Token(start + offset, end + offset, text[start:end], lowered[start:end],
                  group == "num", group == "word"))
    return out


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count found in text: ``low``/``high`` per the gold conventions, with its qualifier.

    ``start``/``end`` cover the qualifier and the number; ``first``/``last`` are the token
    indices of the number itself (``last`` exclusive) in the token list it was found in.
    """

    low: int
    high: int | None
    qualifier: str
    start: int
    end: int
    first: int
    last: int
    weak: bool = False  # an article-like number ("un") or an unspecified plural
    of_total: int | None = None  # "trois des quatre" -> 4 (set by the extractor)


def parse_digits(text: str) -> float | None:
    """The value of a digit string: thousands separators or a decimal comma/point."""
    t = text.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?:[., ]\d{3})+", t):
        return float(re.sub(r"[., ]", "", t))
    if re.fullmatch(r"\d+", t):
        return float(t)
    if re.fullmatch(r"\d+[.,]\d+", t):
        return float(t.replace(",", "."))
    return None


def _sum_ok(current: int, value: int) -> bool:
    """May ``value`` be added to ``current`` inside one number word sequence?"""
    if current == 0:
        return True
    if current <= value:
        return False
    if current % (10 ** len(str(value))) == 0:
        return True
    # French vigesimal forms: soixante-dix, quatre-vingt-onze
    return 10 <= value < 20 and current % 20 == 0


def _word_number(toks: list[Token], i: int, lex: ClaimsLexicon) -> tuple[int, int] | None:
    """Parse number words from token ``i``: (value, index after the last word) or None."""
    total = 0
    current = 0
    j = i
    last_ok = -1
    value_at_last = 0
    n = len(toks)
    while j < n:
        # compounds such as quatre-vingt(s)
        matched = False
        for parts, val in lex.compound_numbers.items():
            k = len(parts)
            if j + 2 * k - 1 <= n and all(
                toks[j + 2 * p].norm == parts[p] for p in range(k)
            ) and all(toks[j + 2 * p + 1].norm == "-" for p in range(k - 1)):
                if not _sum_ok(current, val):
                    break
                current += val
                j += 2 * k - 1
                matched = True
                break
        if not matched:
            w = toks[j].norm
            if w in lex.number_words:
                val = lex.number_words[w]
                if not _sum_ok(current, val):
                    break
                current += val
                j += 1
            elif w in lex.multipliers:
                mult = lex.multipliers[w]
                if mult >= 1000:
                    total += (current or 1) * mult
                    current = 0
                else:
                    current = (current or 1) * mult
                j += 1
            else:
                break
        last_ok = j
        value_at_last = total + current
        # connectors: "-" or "et"/"and" between two number words
        if j + 1 < n and toks[j].norm in lex.connectors and (
            toks[j + 1].norm in lex.number_words or toks[j + 1].norm in lex.multipliers
        ):
            j += 1
            continue
        if j < n and (toks[j].norm in lex.number_words or toks[j].norm in lex.multipliers):
            continue
        break
    if last_ok < 0 or (value_at_last <= 0 and toks[i].norm not in lex.number_words):
        return None
    return value_at_last, last_ok


def _qualifier(text: str, start: int, lex: ClaimsLexicon, limit: int) -> tuple[str, int]:
    """The qualifier just before ``start`` in ``text`` and where it starts (else exact)."""
    lo = max(limit, start - 40)
    seg = norm(text[lo:start])
    m = lex.qualifier_re.search(seg)
    if not m:
        # an article between the qualifier and the number: "at least a dozen"
        art = re.search(r"(?:^|(?<=\s))(\w+)\s*$", seg)
        if art and art.group(1) in lex.articles:
            m = lex.qualifier_re.search(seg[:art.start()])
        if not m:
            return "exact", start
    return lex.qualifier_of[re.sub(r"\s+", " ", m.group(1))], lo + m.start(1)


def _bounds(qualifier: str, value: int, lex: ClaimsLexicon) -> tuple[int, int | None]:
    """low/high for a count ``value`` under ``qualifier``."""
    mode = lex.bounds.get(qualifier, "exact")
    if mode == "open":
        return value, None
    if mode == "below":
        return 0, max(value - 1, 0)
    return value, value


def _decade(toks: list[Token], k: int) -> bool:
    """An "s" (or "'s") glued to the number before ``k``: "20s", "1990's"."""
    if k < len(toks) and toks[k].norm == "s" and toks[k].start == toks[k - 1].end:
        return True
    return (k + 1 < len(toks) and toks[k].text in "'’" and toks[k].start == toks[k - 1].end
            and toks[k + 1].norm == "s" and toks[k + 1].start == toks[k].end)


def match_tokens(toks: list[Token], i: int, parts: tuple[str, ...]) -> int:
    """Index after ``parts`` when tokens from ``i`` spell them (normalised words; elided
    words are split in the lexicons as "d' " -> ("d'",)), else -1."""
    j = i
    for p in parts:
        if j >= len(toks) or toks[j].norm != p:
            return -1
        j += 1
    return j


def find_quantities(text: str, toks: list[Token], lex: ClaimsLexicon,
                    base: int = 0) -> list[Quantity]:
    """Every count in ``toks`` (tokens of ``text``; ``base`` = offset of ``text[0]``)."""
    out: list[Quantity] = []
    i = 0
    n = len(toks)
    starters = lex.starters
    while i < n:
        if not toks[i].is_num and toks[i].norm not in starters:
            i += 1
            continue
        q = _quantity_at(text, toks, i, lex, base)
        if q is None:
            i += 1
            continue
        q = _range(text, toks, q, lex, base)
        out.append(q)
        i = max(q.last, i + 1)
    return out


def _range(text: str, toks: list[Token], q: Quantity, lex: ClaimsLexicon,
           base: int) -> Quantity:
    """``q`` widened to a range when a second count follows it: "between 10 and 15",
    "10 to 15", "10-15" (low = first, high = second). A word that also joins number words
    ("and", "et") makes a range only after an opener ("between", "entre")."""
    k = q.last
    if (q.weak or q.high != q.low or k + 1 >= len(toks)
            or toks[k].norm not in lex.range_connectors):
        return q
    conn = toks[k]
    if conn.norm == "-" and not (toks[k - 1].is_num and toks[k + 1].is_num):
        return q
    prev = toks[q.first - 1].norm if q.first > 0 else ""
    if prev in lex.range_blockers:
        return q
    opener = prev in lex.range_openers
    if conn.is_word and conn.norm in lex.connectors and not opener:
        return q
    second = _quantity_at(text, toks, k + 1, lex, base)
    if second is None or second.weak or second.qualifier != "exact" or second.low <= q.low:
        return q
    start = toks[q.first - 1].start if opener else q.start
    return Quantity(q.low, second.low, "range", start, second.end, q.first, second.last)


def _quantity_at(text: str, toks: list[Token], i: int, lex: ClaimsLexicon,
                 base: int) -> Quantity | None:
    t = toks[i]
    n = len(toks)
    # vague plurals and approximate nouns, with an optional determiner before them
    j = i
    if t.norm in lex.vague_determiners and i + 1 < n and (
        toks[i + 1].norm in lex.vague or toks[i + 1].norm in lex.approximate
    ):
        j = i + 1
    w = toks[j].norm
    if w in lex.vague:
        label, vlow, vhigh, _base = lex.vague[w]
        end = j + 1
        # "des dizaines de milliers", "tens of thousands"
        if end + 1 < n and toks[end].norm in lex.noun_links and toks[end + 1].norm in lex.vague:
            label2, _l2, _h2, base2 = lex.vague[toks[end + 1].norm]
            vlow, vhigh = vlow * base2, (vhigh + 1) * base2 - 1
            label = f"{label}_of_{label2}"
            end += 2
        qual, qstart = _qualifier(text, t.start - base, lex, 0)
        qual = label if qual == "exact" else qual
        hi: int | None = vhigh if qual == label else None
        return Quantity(vlow, hi, qual, qstart + base, toks[end - 1].end, i, end)
    if w in lex.approximate and j > i:
        value = lex.approximate[w]
        qual, qstart = _qualifier(text, t.start - base, lex, 0)
        qual = "about" if qual == "exact" else qual
        low, high = _bounds(qual, value, lex)
        return Quantity(low, high, qual, qstart + base, toks[j].end, i, j + 1)
    # unspecified plurals ("plusieurs", "several")
    for parts in lex.unspecified:
        k = match_tokens(toks, i, parts)
        if k > 0 and k < n and not toks[k].is_num and toks[k].norm not in lex.number_words \
                and toks[k].norm not in lex.vague and toks[k].norm not in lex.approximate:
            return Quantity(2, None, "unspecified_plural", t.start, toks[k - 1].end, i, k,
                            weak=True)
    if t.is_num:
        val = parse_digits(t.text)
        end = i + 1
        if val is None:
            return None
        if end < n and lex.multipliers.get(toks[end].norm, 0) >= 1000:
            val *= lex.multipliers[toks[end].norm]
            end += 1
        if val != int(val) or val <= 0:
            return None
        # "22h00", "10h30": times
        if end < n and toks[end].norm == "h" and toks[end].start == t.end:
            return None
        if end == i + 1 and val % 10 == 0 and _decade(toks, end):
            return None  # "in their 20s", "the 1990s": an age or a period
        qual, qstart = _qualifier(text, t.start - base, lex, 0)
        low, high = _bounds(qual, int(val), lex)
        return Quantity(low, high, qual, qstart + base, toks[end - 1].end, i, end)
    if t.norm in lex.number_words or t.norm in lex.multipliers:
        parsed = _word_number(toks, i, lex)
        if parsed is None:
            return None
        value, end = parsed
        if value <= 0:
            return None
        qual, qstart = _qualifier(text, t.start - base, lex, 0)
        low, high = _bounds(qual, value, lex)
        weak = end == i + 1 and t.norm in lex.weak_numbers
        return Quantity(low, high, qual, qstart + base, toks[end - 1].end, i, end, weak=weak)
    return None


def parse_quantity(text: str, lang: str, lexicon: ClaimsLexicon) -> Quantity | None:
    """The first count written in ``text`` ("plus de 70", "une vingtaine", "vingt-sept")."""
    del lang  # the lexicon is already the language's
    toks = tokenize(text)
    found = find_quantities(text, toks, lexicon)
    return found[0] if found else None
