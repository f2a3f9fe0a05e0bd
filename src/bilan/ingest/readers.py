"""Reading inputs: text files, HTML pages, JSON Lines feeds, directories and standard input.

Every input becomes either a :class:`Document` or a :class:`Reject` with a reason: nothing is
dropped silently. Offsets later refer to ``Document.text`` exactly as produced here (a
``.txt`` file decoded with nothing normalised, the ``text`` field of a JSON record, or the
text trafilatura extracts from HTML).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from bilan.errors import InputError, UsageError
from bilan.records import Document, Reject

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

# Share of control characters above which decoded bytes are taken for binary data.
_MAX_CONTROL_SHARE = 0.01
_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f", "\v"}


# A full date in a file name or URL ("libya__2011-02-16__x.txt", "/2016/09/23/story"):
# archives and sites name things by publication day.
_PATH_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})[-_/.](0[1-9]|1[0-2])[-_/.](0[1-9]|[12]\d|3[01])(?!\d)"
)


def date_in_path(path: str) -> str | None:
    """The ISO date a file name or URL carries, if it carries exactly one."""
    found = {f"{y}-{m}-{d}" for y, m, d in _PATH_DATE.findall(path)}
    return found.pop() if len(found) == 1 else None


def _note_metadata_date(doc: Document, origin: str) -> Document:
    """Record where ``published`` came from; fall back on a date in the URL or file name."""
    if doc.published:
        doc.published_origin = origin
        return doc
    for candidate, where in ((doc.url, "url"), (doc.id, "filename")):
        if candidate and (found := date_in_path(candidate)):
            doc.published = found
            doc.published_origin = where
            break
    return doc


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    warning: str | None


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in _ALLOWED_CONTROLS)
    return controls / len(text)


def decode_bytes(data: bytes) -> Decoded:
    """Decode a report: UTF-8, else CP1252 (common in news archives) with a warning.

    Raises :class:`InputError` for empty, binary or undecodable input.
    """
    if not data.strip():
        raise InputError("empty file")
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not a text report")
    try:
        text = data.decode("utf-8")
        warning = None
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"not UTF-8 (invalid byte 0x{data[utf8_error.start]:02x} at offset "
                f"{utf8_error.start}) and not CP1252/Latin-1 text either "
                f"(undecodable byte 0x{data[exc.start]:02x} at offset {exc.start})"
            ) from exc
        warning = (
            f"input is not UTF-8 (invalid byte 0x{data[utf8_error.start]:02x} at offset "
            f"{utf8_error.start}); decoded as CP1252"
        )
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError("binary file (too many control characters), not a text report")
    return Decoded(text, warning)


def extract_html(html: str) -> dict[str, Any]:
    """Main text and metadata of an HTML page (trafilatura)."""
    import trafilatura

    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if result is None:
        raise InputError("no main text found in the HTML page")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = data.get("text") or ""
    if not text.strip():
        raise InputError("no main text found in the HTML page")
    return {
        "text": text,
        "title": data.get("title"),
        "published": data.get("date"),
        "outlet": data.get("sitename"),
        "url": data.get("url"),
        "language_hint": data.get("language"),
    }


def _document_from_file(path: Path, doc_id: str) -> Document:
    data = path.read_bytes()
    decoded = decode_bytes(data)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        meta = extract_html(decoded.text)
        doc = Document(
            id=doc_id,
            text=meta["text"],
            source=str(path),
            title=meta["title"],
            url=meta["url"],
            outlet=meta["outlet"],
            published=meta["published"],
            language_hint=meta["language_hint"],
        )
    else:
        doc = Document(id=doc_id, text=decoded.text, source=str(path))
    if decoded.warning:
        doc.warnings.append(decoded.warning)
    return _note_metadata_date(doc, "html")


def _str_field(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"field {key!r} must be a string, got {type(value).__name__}")
    return value


def documents_from_jsonl(
    stream: Iterable[str], source: str, id_prefix: str
) -> Iterator[Document | Reject]:
    """One document per JSON line; a broken line becomes a reject with its line number."""
    for lineno, line in enumerate(stream, start=1):
        where = f"{source}:{lineno}"
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Reject(input=where, reason=f"invalid JSON on line {lineno}: {exc.msg}")
            continue
        if not isinstance(record, dict):
            yield Reject(input=where, reason=f"line {lineno} is not a JSON object")
            continue
        try:
            yield _document_from_record(record, where, f"{id_prefix}:{lineno}")
        except InputError as exc:
            doc_id = record.get("id") if isinstance(record.get("id"), str) else None
            yield Reject(input=where, reason=str(exc), document=doc_id)


def _document_from_record(record: dict[str, Any], where: str, fallback_id: str) -> Document:
    raw_id = record.get("id")
    if raw_id is None:
        doc_id = fallback_id
    elif isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool):
        doc_id = str(raw_id)
    else:
        raise InputError("field 'id' must be a string or an integer")
    if not doc_id.strip():
        raise InputError("field 'id' is empty")
    text = _str_field(record, "text")
    html = _str_field(record, "html")
    meta: dict[str, Any] = {}
    if text is None or not text.strip():
        if html is None or not html.strip():
            raise InputError("record has no text (neither 'text' nor 'html')")
        meta = extract_html(html)
        text = meta["text"]
    assert text is not None
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError("text field holds binary data (too many control characters)")
    doc = Document(
        id=doc_id,
        text=text,
        source=where,
        title=_str_field(record, "title") or meta.get("title"),
        url=_str_field(record, "url") or meta.get("url"),
        outlet=_str_field(record, "outlet") or meta.get("outlet"),
        published=_str_field(record, "published") or next(
            (v for k in PUBLISHED_FIELDS[1:] if isinstance(v := record.get(k), str) and v),
            None) or meta.get("published"),
        language_hint=_str_field(record, "language") or meta.get("language_hint"),
    )
    return _note_metadata_date(doc, "jsonl")


# fields of a JSON Lines record read as its publication date, first found wins: the
# contract's "published", then names other feeds and corpora use
PUBLISHED_FIELDS = ("published", "date", "time", "published_at", "pubdate", "datePublished")


def _iter_directory(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file():
            yield path


def read_inputs(inputs: Iterable[str], stdin: IO[str] | None = None) -> Iterator[Document | Reject]:
    """Documents and rejects from the command line's inputs, in order.

    A missing path is a usage error (raised before anything is read). A document id met
    again in the same file is rejected (the first one wins); one met again in another JSON
    Lines file (feeds that each number their records from 1) is qualified with that file's
    path, with a warning.
    """
    inputs = list(inputs)
    if not inputs:
        raise UsageError("no input given")
    for item in inputs:
        if item != "-" and not Path(item).exists():
            raise UsageError(f"input not found: {item}")
    seen: dict[str, str] = {}
    for item in inputs:
        for out in _read_one(item, stdin):
            if isinstance(out, Document):
                if out.id in seen and (renamed := _qualified(out, seen, item)) is not None:
                    out.warnings.append(
                        f"document id {out.id!r} is also used in {_source_file(seen[out.id])}; "
                        f"this one is {renamed!r}")
                    out.id = renamed
                if out.id in seen:
                    yield Reject(
                        input=out.source,
                        reason=f"duplicate document id {out.id!r} (first read from {seen[out.id]})",
                        document=out.id,
                    )
                    continue
                seen[out.id] = out.source
            yield out


def _source_file(source: str) -> str:
    """The file a document came from: a JSON Lines record's source is "path:line"."""
    path, _, line = source.rpartition(":")
    return path if path and line.isdigit() else source


def _qualified(doc: Document, seen: dict[str, str], item: str) -> str | None:
    """A new id for a JSON Lines record whose id another file already used, or None when
    the clash is within one file (a true duplicate) or the new id is taken too."""
    mine, first = _source_file(doc.source), _source_file(seen[doc.id])
    if mine == first or mine == doc.source or mine == "-":
        return None
    root = Path(item)
    label = Path(mine).relative_to(root).as_posix() if root.is_dir() else Path(mine).name
    renamed = f"{label}:{doc.id}"
    return None if renamed in seen else renamed


def _read_one(item: str, stdin: IO[str] | None) -> Iterator[Document | Reject]:
    if item == "-":
        if stdin is None:
            raise UsageError("'-' given but no standard input is available")
        yield from documents_from_jsonl(stdin, "-", "stdin")
        return
    path = Path(item)
    if path.is_dir():
        for file in _iter_directory(path):
            yield from _read_file(file, file.relative_to(path).as_posix())
    else:
        yield from _read_file(path, path.name)


def _read_file(path: Path, doc_id: str) -> Iterator[Document | Reject]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield Reject(
            input=str(path),
            reason=f"unsupported file type {suffix or '(none)'!r}: bilan reads "
            ".txt, .html/.htm and .jsonl",
        )
        return
    try:
        if suffix in JSONL_SUFFIXES:
            data = path.read_bytes()
            decoded = decode_bytes(data)
            yield from documents_from_jsonl(decoded.text.split("\n"), str(path), doc_id)
            return
        doc = _document_from_file(path, doc_id)
    except InputError as exc:
        yield Reject(input=str(path), reason=str(exc), document=doc_id)
        return
    except OSError as exc:
        yield Reject(input=str(path), reason=f"cannot read file: {exc.strerror or exc}")
        return
    yield doc
