"""Place-name normalisation shared by the gazetteer index and the toponym finder.

A name and a stretch of text match when their *keys* are equal: accents and case folded,
apostrophes inside a word dropped ("Sana'a" = "Sanaa"), French elisions split off
("l'Aquila" = "Aquila"), and Arabic articles removed wherever they stand
("Al-Bayda" = "Bayda", "Deir ez-Zor" = "Deir Zor").
"""

from __future__ import annotations

import re
import unicodedata
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


def fold(text: str) -> str:
    """Accents and case folded, special letters mapped to ASCII."""
    if text.isascii():
        return text.lower()
    text = text.translate(_FOLD).translate(_DROP)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


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


def name_key(name: str) -> str:
    """The lookup key of a place name ("" when nothing is left)."""
    return " ".join(t.key for t in tokens(name) if t.key not in ARTICLES)
