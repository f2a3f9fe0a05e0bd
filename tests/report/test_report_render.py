"""The HTML report: escaping, no network, map, cards, claims with highlighted evidence."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from bilan.output import events_json
from bilan.records import RunResult
from bilan.report.render import evidence, figure, render_report


def _render(result: RunResult) -> str:
    data = events_json(result)
    return render_report(data, {d.id: d for d in result.documents}, [], [])


def test_report_text_is_escaped(report_path: Path) -> None:
    html = report_path.read_text("utf-8")
    assert "<script>window.__pwned" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "<img" not in html
    assert "<svg onload" not in html
    assert 'onerror="' not in html
    # the only script element is bilan's own
    assert html.count("<script>") == 1


def test_no_external_url_can_be_requested(report_path: Path) -> None:
    html = report_path.read_text("utf-8")
    # attributes that could fetch something hold no URL
    for attr in re.findall(r'\b(?:src|href|xlink:href|action|poster)="([^"]*)"', html):
        assert attr.startswith("#"), attr
    assert "@import" not in html and "url(http" not in html
    assert "<link" not in html and "<iframe" not in html


def test_content_security_policy_forbids_requests(report_path: Path) -> None:
    html = report_path.read_text("utf-8")
    match = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert match is not None
    csp = match.group(1).replace("&#39;", "'")
    assert "default-src 'none'" in csp
    assert "img-src data:" in csp
    script = re.search(r"<script>(.*?)</script>", html, re.S)
    assert script is not None
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp
    assert "innerHTML" not in script.group(1)


def test_cards_claims_and_marks(report_path: Path) -> None:
    html = report_path.read_text("utf-8")
    assert html.count('<article class="card"') == 2
    assert "<mark>tuant 9 soldats</mark>" in html
    assert "<mark>wounding three peacekeepers</mark>" in html
    assert "<i>the report</i>" in html  # claim without claimant
    assert "army spokesman &#34;&gt;&lt;svg onload" in html
    assert "Battles" in html and "Remote explosive/landmine/IED" in html


def test_map_has_outlines_and_one_linked_circle_per_located_event(report_path: Path) -> None:
    html = report_path.read_text("utf-8")
    assert html.count('class="land"') >= 3  # Mali and its neighbours
    assert "<title>Mali</title>" in html
    circles = re.findall(r'<a href="#(e\d+)"><circle [^>]*class="marker"', html)
    assert sorted(circles) == ["e1", "e2"]
    for anchor in circles:
        assert f'id="{anchor}"' in html


def test_summary_header_and_tables(report_path: Path) -> None:
    html = report_path.read_text("utf-8")
    assert "2015-06-04 → 2015-06-05" in html
    assert "no text &lt;script&gt;" in html  # reject reason
    assert "odd date &lt;script&gt;" in html  # document warning
    assert 'id="t1"' in html and 'id="t2"' in html


def test_evidence_slices_the_sentence_around_a_claim(hostile_result: RunResult) -> None:
    docs = {d.id: d for d in hostile_result.documents}
    claim = hostile_result.events[0].claims[1]
    ev = evidence(docs, claim.document, claim.start, claim.end)
    assert ev.marked == "12 morts"
    assert ev.before.endswith("Un élu local a parlé de ")
    assert ev.after == "."
    # without sentence spans: a window cut at sentence ends
    for doc in docs.values():
        doc.sentences = []
    ev = evidence(docs, claim.document, claim.start, claim.end)
    assert ev.marked == "12 morts" and "élu local" in ev.before


def test_evidence_for_an_unknown_document_is_empty(hostile_result: RunResult) -> None:
    ev = evidence({}, "missing.txt", 0, 4)
    assert (ev.before, ev.marked, ev.after) == ("", "", "")


def test_figure() -> None:
    assert figure({"low": 9, "high": 9}) == "9"
    assert figure({"low": 27, "high": 91}) == "27–91"
    assert figure({"low": 70, "high": None}) == "70+"


def test_unlocated_run_has_no_map(hostile_result: RunResult) -> None:
    for event in hostile_result.events:
        event.location = None
    html = _render(hostile_result)
    assert "No located events." in html and 'class="land"' not in html
