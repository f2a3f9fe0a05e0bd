"""Language identification with lingua, restricted to the languages bilan supports.

The detector also knows a few widespread news languages, only so that a report in one of
them is rejected with its language named ("unsupported language: Spanish (es)") instead of
being forced into French or English. ``--lang`` (``Resources.options['lang']``) overrides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bilan.errors import InputError
from bilan.langdata import SUPPORTED_LANGUAGES, data_dir, load_language_file, load_yaml
from bilan.pipeline import Resources, stage
from bilan.records import Document

# Enough text to decide; lingua's cost grows with length.
_SAMPLE_CHARS = 3000


class UnsupportedLanguage(InputError):
    """The report is in a language bilan has no data for."""


# A supported language's words make up at least this share of a text's words, and several
# times the share of any other supported language's: that language, whatever lingua says
# (lingua misreads short texts full of foreign names)
_FUNCTION_SHARE = 0.12
_FUNCTION_MARGIN = 3.0
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True, slots=True)
class LanguageIdentifier:
    detector: Any
    codes: dict[str, str]  # lingua name -> ISO code
    names: dict[str, str]  # lingua name -> English name
    function_words: dict[str, frozenset[str]] = field(default_factory=dict)  # iso -> words

    def identify(self, text: str) -> tuple[str | None, str, float]:
        """(iso code or None when unsupported, English name, confidence)."""
        sample = text[:_SAMPLE_CHARS]
        values = self.detector.compute_language_confidence_values(sample)
        if not values:
            return None, "unknown", 0.0
        best = values[0]
        name = best.language.name
        code = self.codes.get(name)
        by_words = self.by_function_words(sample)
        if by_words is not None and by_words != code:
            lingua = next(n for n, c in self.codes.items() if c == by_words)
            share = next((float(v.value) for v in values if v.language.name == lingua), 0.0)
            return by_words, self.names[lingua], share
        return code, self.names.get(name, name.title()), float(best.value)

    def by_function_words(self, text: str) -> str | None:
        """The supported language whose common words fill the text, if one clearly does."""
        words = [w.lower() for w in _WORD.findall(text)]
        if len(words) < 5 or not self.function_words:
            return None
        shares = sorted(
            ((sum(w in fw for w in words) / len(words), code)
             for code, fw in self.function_words.items()),
            reverse=True,
        )
        top, code = shares[0]
        second = shares[1][0] if len(shares) > 1 else 0.0
        if top >= _FUNCTION_SHARE and top >= _FUNCTION_MARGIN * second:
            return code
        return None


def load_identifier() -> LanguageIdentifier:
    from lingua import Language, LanguageDetectorBuilder

    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    function_words: dict[str, frozenset[str]] = {}
    for lang in SUPPORTED_LANGUAGES:
        data = load_language_file(
            lang, "language.yaml",
            {"lingua_name": str, "iso_code": str, "name": str, "function_words": (list, str)},
        )
        codes[data["lingua_name"]] = data["iso_code"]
        names[data["lingua_name"]] = data["name"]
        function_words[data["iso_code"]] = frozenset(w.lower() for w in data["function_words"])
    others = load_yaml(data_dir() / "languages.yaml", {"identify_also": (list, str)})
    languages = [getattr(Language, n) for n in [*codes, *others["identify_also"]]]
    for lang_obj in languages[len(codes) :]:
        names[lang_obj.name] = lang_obj.name.title()
    detector = LanguageDetectorBuilder.from_languages(*languages).build()
    return LanguageIdentifier(detector=detector, codes=codes, names=names,
                              function_words=function_words)


def _iso_of(name: str) -> str:
    from lingua import Language

    try:
        return str(getattr(Language, name).iso_code_639_1.name).lower()
    except AttributeError:
        return "?"


def _run(doc: Document, res: Resources) -> None:
    forced = res.options.get("lang", "auto")
    if forced and forced != "auto":
        doc.language = forced
        doc.language_confidence = None
        return
    ident = res.get("language-identifier", load_identifier)
    body = doc.text[doc.body_start :] if doc.body_start < len(doc.text) else doc.text
    code, name, confidence = ident.identify(body if body.strip() else doc.text)
    hint = (doc.language_hint or "").lower()[:2]
    if code is None:
        if hint in SUPPORTED_LANGUAGES and confidence < 0.5:
            code = hint
        else:
            raise UnsupportedLanguage(
                f"unsupported language: {name} ({_iso_of(name.upper())}); bilan supports "
                f"{', '.join(SUPPORTED_LANGUAGES)} (use --lang to force one)"
            )
    if hint in SUPPORTED_LANGUAGES and hint != code:
        doc.warnings.append(f"metadata says language {hint!r} but the text reads as {code!r}")
    doc.language = code
    doc.language_confidence = round(confidence, 3)


identify_language = stage(
    "language", reads=["text", "language_hint", "body_start"], writes=["language"]
)(_run)
