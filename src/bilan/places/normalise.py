"""Place-name normalisation shared by the gazetteer index and the toponym finder.

A name and a stretch of text match when their *keys* are equal: accents and case folded,
apostrophes inside a word dropped ("Sana'a" = "Sanaa"), French elisions split off
("l'Aquila" = "Aquila"), and Arabic articles removed wherever they stand
("Al-Bayda" = "Bayda", "Deir ez-Zor" = "Deir Zor").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

# Letters NFKD does not decompose into a base letter plus marks.
_FOLD = str.maketrans(
    {
        "ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "ss", "æ": "ae", "Æ": "ae",
        "œ": "oe", "Œ": "oe", "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "ħ": "h",
    }
)
APOSTROPHES = "'’ʼ`´ʻ"
# ʿ and ʾ (ayn, hamza) and ‘ are dropped: "Ḩalab", "‘Afrīn", "Ma‘arrat".
_DROP = dict.fromkeys(map(ord, "ʿʾ‘"), None)

# A word: letters, possibly joined by apostrophes ("Sana'a", "d'Alep").
WORD_RE = re.compile(r"[^\W\d_]+(?:[" + APOSTROPHES + r"][^\W\d_]+)*")
# French elisions split off the front of a word: "d'Alep" -> "d'" + "Alep".
_ELISION_RE = re.compile(
    r"^(?:[dlDLjJnNsScCmMtT]|[qQ][uU]|[lL]orsqu|[pP]uisqu)[" + APOSTROPHES + "]"
)
# English possessive: "Aleppo's".
_POSSESSIVE_RE = re.compile(r"[" + APOSTROPHES + r"][sS]$")

# Arabic articles as transliterated; removed from keys wherever they stand.
ARTICLES: frozenset[str] = frozenset(
    {"al", "el", "ad", "ed", "ar", "er", "as", "es", "ash", "esh", "az", "ez", "an", "en",
     "at", "et", "ath", "ul", "ud", "l", "d"}
)


# Characters folded by one table lookup: Latin letters with marks, general punctuation,
# Latin ligatures (the rest goes through a full decomposition).
_TABLE_RANGES = ((0x80, 0x250), (0x2000, 0x2070), (0xFB00, 0xFB07))


def _latin_table() -> tuple[dict[int, str], frozenset[str]]:
    """Characters of ``_TABLE_RANGES`` mapped to what NFKD leaves of them once the marks
    are dropped, and those NFKD leaves as they are: one ``translate`` instead of a
    decomposition per character."""
    table: dict[int, str] = {}
    stable: set[str] = set()
    for lo, hi in _TABLE_RANGES:
        for cp in range(lo, hi):
            c = chr(cp)
            if cp in _FOLD or cp in _DROP or unicodedata.combining(c):
                continue
            bare = "".join(x for x in unicodedata.normalize("NFKD", c)
                           if not unicodedata.combining(x))
            if bare != c:
                table[cp] = bare
            else:
                stable.add(c)
    return table, frozenset(stable)


_LATIN, _STABLE = _latin_table()


def fold(text: str) -> str:
    """Accents and case folded, special letters mapped to ASCII.

    Folding works character by character (NFKD only reorders the combining marks it then
    drops), so only the runs of non-ASCII characters go through the tables: a news text
    has few of them and translating every character of it was most of the cost.
    """
    if text.isascii():
        return text.lower()
    parts = _NON_ASCII_RUN.split(text)
    for i, part in enumerate(parts):
        if i % 2 == 0:
            parts[i] = part.lower()
        else:
            one = _CHAR_FOLD.get(part) if len(part) == 1 else None
            parts[i] = one if one is not None else _fold_run(part)
    return "".join(parts)


_NON_ASCII_RUN = re.compile(r"([^\x00-\x7f]+)")


def _fold_run(text: str) -> str:
    """:func:`fold` of a text with non-ASCII characters (any text gives the same)."""
    text = text.translate(_FOLD).translate(_DROP).translate(_LATIN)
    if text.isascii() or all(c.isascii() or c in _STABLE for c in set(text)):
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# The folding of each character of the table ranges (looked up for one-character runs).
_CHAR_FOLD: dict[str, str] = {
    chr(cp): _fold_run(chr(cp)) for lo, hi in _TABLE_RANGES for cp in range(lo, hi)}


# Characters whose folding may not be one character: outside ASCII and the table ranges
# folded to one character.
_RESIZED = re.compile("[^\\x00-\\x7f" + "".join(
    re.escape(c) for c, f in _CHAR_FOLD.items() if len(f) == 1) + "]")


class FoldedText:
    """A text folded once, with the folding of any stretch of it read off the whole:
    ``window(a, b) == fold(text[a:b])`` (folding works character by character; the few
    characters whose folding has another length, "œ" -> "oe", shift the offsets)."""

    __slots__ = ("_at", "_shift", "folded")

    def __init__(self, text: str) -> None:
        self.folded = fold(text)
        self._at: list[int] = []  # offsets of characters folded to another length
        self._shift: list[int] = []  # total length change up to and including each
        if text.isascii():
            return
        total = 0
        for m in _RESIZED.finditer(text):
            one = _CHAR_FOLD.get(m.group())
            delta = (len(one) if one is not None else len(_fold_run(m.group()))) - 1
            if delta:
                total += delta
                self._at.append(m.start())
                self._shift.append(total)

    def _pos(self, i: int) -> int:
        k = bisect_left(self._at, i)
        return i + (self._shift[k - 1] if k else 0)

    def window(self, start: int, end: int) -> str:
        """``fold(text[start:end])`` (offsets clipped like a slice's)."""
        start, end = max(0, start), max(0, end)
        if not self._at:
            return self.folded[start:end]
        return self.folded[self._pos(start) : self._pos(end)]


def strip_marks(name: str) -> str:
    """``name`` without combining marks: GeoNames writes some transliterations with
    detached marks ("Ki\u0307\u0304rtipur") that would otherwise split a word in two."""
    if name.isascii() or not any(unicodedata.combining(c) for c in name):
        return name
    decomposed = unicodedata.normalize("NFD", name)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed
                                                if not unicodedata.combining(c)))


def fold_token(token: str) -> str:
    """The key form of one word: folded, apostrophes removed."""
    folded = fold(token)
    for a in APOSTROPHES:
        folded = folded.replace(a, "")
    return folded


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str  # fold_token(text)


def tokens(text: str) -> list[Token]:
    """Words of ``text`` with offsets, elisions and possessives split off."""
    out: list[Token] = []
    memo: dict[str, str] = {}

    def key(word: str) -> str:
        found = memo.get(word)
        if found is None:
            found = memo[word] = fold_token(word)
        return found

    for m in WORD_RE.finditer(text):
        start, end = m.start(), m.end()
        word = m.group()
        el = _ELISION_RE.match(word)
        if el and el.end() < len(word):
            cut = start + el.end()
            out.append(Token(start, cut - 1, text[start : cut - 1], key(text[start : cut - 1])))
            start = cut
            word = text[start:end]
        pos = _POSSESSIVE_RE.search(word)
        if pos and pos.start() > 0:
            end = start + pos.start()
            word = text[start:end]
        out.append(Token(start, end, word, key(word)))
    return out


# Transliteration variants folded into one spelling, applied to each word of a key (both
# gazetteer names and text go through it): "Qandahar" = "Kandahar", "Cheikh" = "Sheikh",
# "Soukkari" = "Sukkari", "Djebel" = "Jebel", "Khost" = "Kost". Vowel length and doubled
# letters are left alone: folding them makes common words collide with places ("Homme"
# with Home, "Ibb" too short to index, "Sanaa" with the SANA agency).
_VARIANT_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"tch", "ch"), (r"sch", "sh"), (r"ch", "sh"), (r"kh", "k"), (r"gh", "g"),
        (r"q", "k"), (r"ck", "k"), (r"dj", "j"), (r"ph", "f"), (r"ou", "u"),
    )
)


# Looser spelling classes for one word, tried only when no name matches exactly:
# "Laxmipur" = "Lakshmipur", "Bhitthamode" ~ "Bitamode", "Dehradoon" = "Dehradun",
# "Birganj" = "Birgunj", "Sheikhupura" = "Shekhupur". Applied after :func:`variant`.
_LOOSE_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"x", "ks"), (r"ksh", "ks"), (r"([bdgjkpt])h", r"\1"), (r"ee|ii|ie", "i"), (r"oo|uu", "u"),
        (r"w", "v"), (r"y", "i"), (r"z", "j"), (r"([a-z])\1+", r"\1"), (r"aa", "a"),
        (r"(?<=[bcdfgjklmnprstv])[ua](?=nj$)", "a"), (r"pura$", "pur"),
    )
)
# Loose keys shorter than this are not looked up (short names collide too easily).
LOOSE_MIN_LENGTH = 6


def loose(word_variant: str) -> str:
    """The looser spelling class of one word's variant key ("" when too short to use);
    a name of several words is taken as one word ("Keng Tung" = "Kengtung")."""
    word_variant = word_variant.replace(" ", "")
    if len(word_variant) < LOOSE_MIN_LENGTH:
        return ""
    for pattern, repl in _LOOSE_RULES:
        word_variant = pattern.sub(repl, word_variant)
    return word_variant if len(word_variant) >= LOOSE_MIN_LENGTH - 1 else ""


# Part of the gazetteer cache key: an index built with other rules is rebuilt.
RULES_SIGNATURE = repr(([(p.pattern, r) for p, r in _VARIANT_RULES], sorted(ARTICLES),
                        WORD_RE.pattern, _ELISION_RE.pattern, "marks stripped",
                        [(p.pattern, r) for p, r in _LOOSE_RULES], LOOSE_MIN_LENGTH))


def variant(word_key: str) -> str:
    """One spelling for the transliteration variants of a folded word."""
    for pattern, repl in _VARIANT_RULES:
        word_key = pattern.sub(repl, word_key)
    return word_key


def compose(word_keys: list[str]) -> str:
    """The key of a run of folded words (articles already removed)."""
    return " ".join(variant(w) for w in word_keys)


def name_key(name: str) -> str:
    """The lookup key of a place name ("" when nothing is left)."""
    return compose([t.key for t in tokens(strip_marks(name)) if t.key not in ARTICLES])


# One word of a text as the matcher sees it: offsets relative to the word as written, the
# piece's text, its folded key and its transliteration variant.
Piece = tuple[int, int, str, str, str]


@dataclass(slots=True)
class Words:
    """A text's words as parallel lists (cheaper than one object per word)."""

    starts: list[int]
    ends: list[int]
    texts: list[str]
    keys: list[str]  # fold_token(text)
    variants: list[str]  # variant(key)


class WordCache:
    """Tokenises texts like :func:`tokens`, remembering every word seen.

    Reports share most of their words, so after a few documents nearly every word is a
    dictionary hit: no regex, folding or transliteration is redone. Held by the gazetteer
    (one per process); forgets everything past ``limit`` distinct words.
    """

    def __init__(self, limit: int = 200_000) -> None:
        self._memo: dict[str, tuple[Piece, ...]] = {}
        self._limit = limit

    @staticmethod
    def _piece(word: str, start: int, end: int) -> Piece:
        key = fold_token(word[start:end])
        return (start, end, word[start:end], key, variant(key))

    def split(self, word: str) -> tuple[Piece, ...]:
        found = self._memo.get(word)
        if found is not None:
            return found
        pieces: list[Piece] = []
        start, end = 0, len(word)
        if any(c in APOSTROPHES for c in word):
            el = _ELISION_RE.match(word)
            if el and el.end() < len(word):
                pieces.append(self._piece(word, 0, el.end() - 1))
                start = el.end()
            pos = _POSSESSIVE_RE.search(word, start)
            if pos and pos.start() > start:
                end = pos.start()
        pieces.append(self._piece(word, start, end))
        if len(self._memo) >= self._limit:
            self._memo.clear()
        found = self._memo[word] = tuple(pieces)
        return found

    def scan(self, text: str) -> Words:
        """The words of ``text`` (same pieces and offsets as :func:`tokens`)."""
        starts: list[int] = []
        ends: list[int] = []
        texts: list[str] = []
        keys: list[str] = []
        variants: list[str] = []
        memo, split = self._memo, self.split
        for m in WORD_RE.finditer(text):
            word = m.group()
            pieces = memo.get(word) or split(word)
            at = m.start()
            if len(pieces) == 1:  # most words: one piece starting where the word does
                _, p1, piece, key, var = pieces[0]
                starts.append(at)
                ends.append(at + p1)
                texts.append(piece)
                keys.append(key)
                variants.append(var)
                continue
            for p0, p1, piece, key, var in pieces:
                starts.append(at + p0)
                ends.append(at + p1)
                texts.append(piece)
                keys.append(key)
                variants.append(var)
        return Words(starts, ends, texts, keys, variants)


class KeyMaker:
    """:func:`name_key` remembering the names and words it has seen (to build an index)."""

    def __init__(self) -> None:
        self._names: dict[str, str] = {}
        self._words: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        found = self._names.get(name)
        if found is None:
            out: list[str] = []
            for t in tokens(strip_marks(name)):
                if t.key in ARTICLES:
                    continue
                v = self._words.get(t.key)
                if v is None:
                    v = self._words[t.key] = variant(t.key)
                out.append(v)
            found = self._names[name] = " ".join(out)
        return found
