from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bilan.errors import InputError, UsageError
from bilan.ingest.readers import decode_bytes, read_inputs
from bilan.records import Document, Reject

REPORT = "ALEP, 3 mai (AFP) - Des frappes ont touché un marché de la ville mardi.\n"


def _split(items: list[Document | Reject]) -> tuple[list[Document], list[Reject]]:
    docs = [i for i in items if isinstance(i, Document)]
    rejects = [i for i in items if isinstance(i, Reject)]
    return docs, rejects


def test_decode_utf8_keeps_text_exactly() -> None:
    raw = "\ufeffBEYROUTH \u2014 trêve\r\n".encode()
    decoded = decode_bytes(raw)
    assert decoded.text == raw.decode("utf-8")
    assert decoded.warning is None


def test_decode_cp1252_with_warning() -> None:
    decoded = decode_bytes("Les civils évacués d’Alep".encode("cp1252"))
    assert decoded.text == "Les civils évacués d’Alep"
    assert decoded.warning is not None and "CP1252" in decoded.warning


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"abc \x81\x8d\x8f\x90 def", "not UTF-8"),
    ],
)
def test_decode_rejects(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        decode_bytes(data)


def test_directory_ids_and_bad_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_bytes(REPORT.encode("cp1252", errors="replace"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x00\x01\x02\x03" * 10)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    docs, rejects = _split(list(read_inputs([str(tmp_path)])))
    assert [d.id for d in docs] == ["a.txt", "sub/b.txt"]
    reasons = {Path(r.input).name: r.reason for r in rejects}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["image.txt"]
    assert "unsupported file type" in reasons["notes.docx"]


def test_file_given_directly_uses_bare_name(tmp_path: Path) -> None:
    (tmp_path / "deep").mkdir()
    path = tmp_path / "deep" / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    docs, _ = _split(list(read_inputs([str(path)])))
    assert docs[0].id == "r.txt"
    assert docs[0].text == REPORT


def test_jsonl_broken_line_no_text_and_duplicates(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "r1", "text": REPORT, "published": "2016-05-03", "language": "fr"}),
        '{"id": "r2", "text": "unterminated',
        json.dumps({"id": "r3", "title": "no body"}),
        json.dumps({"id": "r1", "text": "Another report with the same id."}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "r4", "html": "<html><body><article><p>" + REPORT * 3
                    + "</p></article></body></html>"}),
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, rejects = _split(list(read_inputs([str(feed)])))
    assert [d.id for d in docs] == ["r1", "r4"]
    assert docs[0].published == "2016-05-03" and docs[0].language_hint == "fr"
    assert "Des frappes" in docs[1].text
    by_input = {r.input: r.reason for r in rejects}
    assert "invalid JSON on line 2" in by_input[f"{feed}:2"]
    assert "no text" in by_input[f"{feed}:3"]
    assert "duplicate document id 'r1'" in by_input[f"{feed}:4"]
    assert "not a JSON object" in by_input[f"{feed}:5"]


def test_stdin_jsonl() -> None:
    stream = io.StringIO(json.dumps({"id": "s1", "text": REPORT}) + "\n")
    docs, rejects = _split(list(read_inputs(["-"], stdin=stream)))
    assert [d.id for d in docs] == ["s1"] and not rejects
    assert docs[0].source == "-:1"


def test_html_file(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Frappes sur Alep</title>"
        '<meta property="article:published_time" content="2016-09-23T10:00:00Z"></head>'
        "<body><nav>Accueil | Monde</nav><article><h1>Frappes sur Alep</h1>"
        + "".join(f"<p>{REPORT} Paragraphe {i} du récit.</p>" for i in range(4))
        + "</article><footer>Tous droits réservés</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    docs, rejects = _split(list(read_inputs([str(path)])))
    assert not rejects
    assert "Des frappes ont touché" in docs[0].text
    assert "Tous droits réservés" not in docs[0].text
    assert docs[0].published is not None and docs[0].published.startswith("2016-09-23")


def test_missing_path_is_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="input not found"):
        list(read_inputs([str(tmp_path / "nope.txt")]))
    with pytest.raises(UsageError, match="no input"):
        list(read_inputs([]))


def test_same_id_in_two_feeds_is_qualified_not_rejected(tmp_path: Path) -> None:
    for name in ("afp", "reuters"):
        feed = tmp_path / name / "feed.jsonl"
        feed.parent.mkdir()
        feed.write_text(json.dumps({"id": "1", "text": f"{REPORT} ({name})"}) + "\n"
                        + json.dumps({"id": "1", "text": "Same feed, same id."}) + "\n",
                        encoding="utf-8")
    docs, rejects = _split(list(read_inputs([str(tmp_path)])))
    assert [d.id for d in docs] == ["1", "reuters/feed.jsonl:1"]
    assert "also used in" in docs[1].warnings[0] and "(reuters)" in docs[1].text
    # a repeat inside one feed is still a duplicate
    assert [r.reason[:22] for r in rejects] == ["duplicate document id "] * 2


def test_publication_date_from_other_field_names(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": REPORT, "time": "2011-08-03"}) + "\n"
                    + json.dumps({"id": "b", "text": REPORT, "date": 20110803}) + "\n"
                    + json.dumps({"id": "c", "text": REPORT, "published": "2011-08-04",
                                  "date": "2011-01-01"}) + "\n", encoding="utf-8")
    docs, rejects = _split(list(read_inputs([str(feed)])))
    assert not rejects
    assert [d.published for d in docs] == ["2011-08-03", None, "2011-08-04"]
