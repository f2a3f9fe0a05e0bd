"""Backend of ``bilan timex --jsonl IN.jsonl``: TIMEX3 for each JSON Lines record.

Input lines: ``{"id", "text", "dct": "YYYY-MM-DD", "lang": "fr|en"}``; output dicts:
``{"id", "timexes": [{"start", "end", "text", "type", "value"}]}``. A line that cannot be
read yields ``{"id", "timexes": [], "error": "..."}`` so every input line has an output.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

from bilan.langdata import SUPPORTED_LANGUAGES
from bilan.time.find import find_timexes
from bilan.time.lexicon import TimeLexicon, load_time_lexicon


def _dct(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def timex_records(lines: Iterable[str], default_lang: str = "fr") -> Iterator[dict[str, Any]]:
    """One output dict per non-blank input line."""
    lexicons: dict[str, TimeLexicon] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield {"id": None, "line": number, "timexes": [], "error": f"not JSON: {exc}"}
            continue
        if not isinstance(record, dict):
            yield {"id": None, "line": number, "timexes": [], "error": "not a JSON object"}
            continue
        ident = record.get("id")
        text = record.get("text")
        lang = record.get("lang") or default_lang
        if not isinstance(text, str):
            yield {"id": ident, "timexes": [], "error": "no 'text' string"}
            continue
        if lang not in SUPPORTED_LANGUAGES:
            yield {"id": ident, "timexes": [], "error": f"unsupported language {lang!r}"}
            continue
        if lang not in lexicons:
            lexicons[lang] = load_time_lexicon(lang)
        found = find_timexes(text, lang, _dct(record.get("dct")), lexicons[lang])
        yield {
            "id": ident,
            "timexes": [
                {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
                for t in found
            ],
        }
