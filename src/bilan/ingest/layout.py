"""The structure of a wire report: headline, bullets, byline, dateline, credits, stray metadata.

Wire reports open with a headline, sometimes bullet summaries, a byline ("par Ellen Francis
et Tom Perry"), then a dateline ("BEYROUTH, 23 septembre (Reuters) -", "PARIS (AFP) -",
"BEIRUT, Sept 23 (Reuters) -") before the running text, and end with credits ("Avec AFP et
Reuters", "(Reporting by ...; Editing by ...)"). Archives add stray metadata lines
(" date 2022-03") that may be wrong: they are kept as spans for the time stage to weigh, never
trusted blindly. Every field is a :class:`Span` into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bilan.langdata import SUPPORTED_LANGUAGES, load_language_file
from bilan.pipeline import Resources, stage
from bilan.records import Document, Span

_LAYOUT_SCHEMA = {
    "byline_prefixes": (list, str),
    "author_separators": (list, str),
    "credit_starts": (list, str),
    "credit_contains": (list, str),
    "metadata_keys": (list, str),
    "agencies": (list, str),
}

# How far from the top header lines (headline, bullets, byline, metadata) may appear.
_HEADER_LINES = 12
_MAX_HEADLINE = 220
_MAX_BYLINE = 120
_MAX_METADATA_LINE = 100

_UPPER_PLACE = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’\.\-/\\ ]{1,40}?"


@dataclass(frozen=True, slots=True)
class LayoutCues:
    byline: re.Pattern[str]
    author_split: re.Pattern[str]
    metadata: re.Pattern[str]
    dateline: re.Pattern[str]
    dateline_plain: re.Pattern[str]
    credits_line: re.Pattern[str]
    credits_paren: re.Pattern[str]
    agencies: tuple[str, ...]


def _alternation(items: list[str]) -> str:
    return "|".join(re.escape(i) for i in sorted(set(items), key=len, reverse=True))


def load_layout_cues() -> LayoutCues:
    """Union of every supported language's layout cues (language is not known yet)."""
    merged: dict[str, list[str]] = {key: [] for key in _LAYOUT_SCHEMA}
    for lang in SUPPORTED_LANGUAGES:
        data = load_language_file(lang, "layout.yaml", _LAYOUT_SCHEMA)
        for key in merged:
            merged[key].extend(data[key])
    agencies = _alternation(merged["agencies"])
    byline = re.compile(
        rf"^(?:{_alternation(merged['byline_prefixes'])})\s+(?P<names>[A-ZÀ-ÖØ-Þ][^\n]{{2,{_MAX_BYLINE}}})$"
    )
    metadata = re.compile(
        rf"^\s*(?:{_alternation(merged['metadata_keys'])})\s*[:=]?\s+\S[^\n]{{0,{_MAX_METADATA_LINE}}}$",
        re.IGNORECASE,
    )
    dateline = re.compile(
        rf"(?P<place>{_UPPER_PLACE})(?:\s*\([^()\n]{{2,30}}\))?(?:,\s*(?P<date>[^()\n]{{1,40}}?))?\s*"
        rf"\((?P<agency>{agencies})\)\s*[-–—]+\s*"
    )
    dateline_plain = re.compile(
        rf"(?P<place>{_UPPER_PLACE}),\s*(?P<date>[^()\n]{{0,30}}\d[^()\n]{{0,20}}?)\s+[-–—]+\s+"
    )
    credit_words = _alternation(merged["credit_starts"])
    credits_line = re.compile(rf"^\s*\(?\s*(?:{credit_words})\b[^\n]{{1,160}}$")
    contains = _alternation(merged["credit_contains"])
    credits_paren = re.compile(
        rf"\(\s*(?:(?:{credit_words})\b|[^()\n]{{0,200}}(?:{contains}))[^()\n]{{0,400}}\)\s*$",
        re.IGNORECASE,
    )
    return LayoutCues(
        byline=byline,
        author_split=re.compile(_alternation(merged["author_separators"])),
        metadata=metadata,
        dateline=dateline,
        dateline_plain=dateline_plain,
        credits_line=credits_line,
        credits_paren=credits_paren,
        agencies=tuple(merged["agencies"]),
    )


_BULLET = re.compile(r"^\s*[*•·▪‣◦–—-]\s+\S")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, without the newline."""
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _strip(doc: Document, start: int, end: int) -> Span:
    raw = doc.text[start:end]
    left = len(raw) - len(raw.lstrip())
    right = len(raw.rstrip())
    return doc.span(start + left, start + max(left, right))


def parse_layout(doc: Document, cues: LayoutCues) -> None:
    text = doc.text
    nonblank = [(s, e) for s, e in _lines(text) if text[s:e].strip()]
    header_done = False
    body_start: int | None = None
    for idx, (s, e) in enumerate(nonblank[:_HEADER_LINES]):
        line = text[s:e].strip()
        if header_done:
            break
        dl = cues.dateline.match(text, s + (len(text[s:e]) - len(text[s:e].lstrip())))
        if dl is None:
            dl = cues.dateline_plain.match(text, s + (len(text[s:e]) - len(text[s:e].lstrip())))
        if dl is not None and dl.end() <= e:
            doc.dateline = _strip(doc, dl.start(), dl.end())
            doc.dateline_place = _strip(doc, dl.start("place"), dl.end("place"))
            date = dl.group("date")
            if date and any(ch.isdigit() for ch in date):
                # "KYIV, Ukraine, April 8", "MISRATA, Libya, April 18, 2011": the date starts
                # at the first part that has a digit
                start = dl.start("date")
                for part in re.finditer(r"[^,]+", date):
                    if any(ch.isdigit() for ch in part.group()):
                        start = dl.start("date") + part.start()
                        break
                doc.dateline_date = _strip(doc, start, dl.end("date"))
            agency = dl.groupdict().get("agency")
            if agency and not doc.outlet:
                doc.outlet = agency
            body_start = dl.end()
            header_done = True
            continue
        if cues.metadata.match(line) and len(line) <= _MAX_METADATA_LINE:
            doc.metadata_lines.append(_strip(doc, s, e))
            continue
        if _BULLET.match(line):
            doc.bullets.append(_strip(doc, s, e))
            continue
        by = cues.byline.match(line)
        if by is not None and doc.byline is None and not line.endswith("."):
            doc.byline = _strip(doc, s, e)
            names = by.group("names")
            doc.authors = [n.strip() for n in cues.author_split.split(names) if n.strip()]
            continue
        if (
            idx == len(doc.metadata_lines)
            and doc.headline is None
            and len(line) <= _MAX_HEADLINE
            and len(nonblank) > idx + 1
            and not line.endswith((".", "»", '"'))
        ):
            doc.headline = _strip(doc, s, e)
            continue
        # first line of running text: the header is over
        if body_start is None:
            body_start = s
        header_done = True
    if body_start is None:
        body_start = nonblank[0][0] if nonblank else 0
    doc.body_start = body_start
    _find_credits(doc, cues)


def _find_credits(doc: Document, cues: LayoutCues) -> None:
    text = doc.text.rstrip()
    if not text:
        return
    last_nl = text.rfind("\n")
    last_line_start = last_nl + 1
    last_line = text[last_line_start:]
    if cues.credits_line.match(last_line) and len(last_line.strip()) <= 160:
        doc.credits = _strip(doc, last_line_start, len(text))
    else:
        m = cues.credits_paren.search(text, max(0, len(text) - 700))
        if m is not None:
            doc.credits = _strip(doc, m.start(), m.end())


def _run_layout(doc: Document, res: Resources) -> None:
    cues = res.get("layout", load_layout_cues)
    parse_layout(doc, cues)


read_layout = stage(
    "layout",
    reads=["text", "outlet"],
    writes=[
        "headline",
        "bullets",
        "byline",
        "authors",
        "dateline",
        "dateline_place",
        "dateline_date",
        "credits",
        "metadata_lines",
        "body_start",
    ],
)(_run_layout)
