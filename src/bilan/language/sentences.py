"""Sentence segmentation: rule-based, offset-exact, abbreviations as data per language.

Each line is split separately (wire reports put headlines, bullets and paragraphs on lines
of their own); inside a line, a sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any
closing quotes or brackets) followed by space and an upper-case letter, a digit or an opening
quote, unless the word before the period is a known abbreviation or a single initial.
"""

from __future__ import annotations

import re

from bilan.langdata import load_language_file
from bilan.pipeline import Resources, stage
from bilan.records import Document, Span

_BOUNDARY = re.compile(r"[.!?…]+[\"»”’')\]]*(?=\s+[\"«“‘(\[]?\s*[A-ZÀ-ÖØ-Þ0-9])")
_WORD_BEFORE = re.compile(r"([\w.\-°]+)$")


def load_abbreviations(lang: str) -> frozenset[str]:
    data = load_language_file(lang, "sentences.yaml", {"abbreviations": (list, str)})
    return frozenset(data["abbreviations"])


def split_sentences(text: str, abbreviations: frozenset[str]) -> list[Span]:
    spans: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        start = 0
        for m in _BOUNDARY.finditer(line):
            if m.group().startswith(".") and not m.group().startswith("..."):
                before = _WORD_BEFORE.search(line, 0, m.start())
                word = before.group(1) if before else ""
                if word in abbreviations or word.rstrip(".") in abbreviations:
                    continue
                if len(word) == 1 and word.isupper():
                    continue  # an initial: "John F. Kennedy"
            _append(spans, text, line_start + start, line_start + m.end())
            start = m.end()
        _append(spans, text, line_start + start, line_start + len(line))
    return spans


def _append(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end, text[start:end]))


def text_document(text: str, lang: str = "en", doc_id: str = "text") -> Document:
    """A document of one bare text in a known language, split into sentences as the
    pipeline splits them: for running a single stage on a snippet (a sentence, a note)."""
    doc = Document(id=doc_id, text=text, source=doc_id)
    doc.language = lang
    doc.sentences = split_sentences(text, load_abbreviations(lang))
    return doc


def _run(doc: Document, res: Resources) -> None:
    lang = doc.language or "en"
    abbreviations = res.get(f"abbreviations:{lang}", lambda: load_abbreviations(lang))
    doc.sentences = split_sentences(doc.text, abbreviations)


segment_sentences = stage("sentences", reads=["text", "language"], writes=["sentences"])(_run)
