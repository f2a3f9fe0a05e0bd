from __future__ import annotations

from bilan.ingest.layout import load_layout_cues, parse_layout
from bilan.records import Document

FR = (
    "Des frappes aériennes visent Alep\n\n"
    "* Au moins vingt morts selon les secours\n\n"
    "* L'armée annonce une offensive\n\n"
    "par Marie Dupont et Karim Haddad\n\n"
    "ALEP, 3 mai (Reuters) - Des frappes ont touché un marché mardi.\n\n"
    "Les secours ont dégagé des victimes des décombres.\n\n"
    "(Avec Jean Martin à Beyrouth; édité par Paul Durand)\n"
)

EN = " date 2022-03\nBEIRUT, Sept 23 (Reuters) - Air strikes hit the city on Friday.\nWith AFP\n"

AP = "KYIV, Ukraine (AP) — Russian missiles struck the station on Friday morning.\n"


def _doc(text: str) -> Document:
    doc = Document(id="x", text=text, source="x")
    parse_layout(doc, load_layout_cues())
    return doc


def _exact(doc: Document) -> None:
    spans = [doc.headline, doc.byline, doc.dateline, doc.dateline_place, doc.dateline_date,
             doc.credits, *doc.bullets, *doc.metadata_lines]
    for span in spans:
        if span is not None:
            assert doc.text[span.start:span.end] == span.text


def test_french_wire_report() -> None:
    doc = _doc(FR)
    _exact(doc)
    assert doc.headline is not None and doc.headline.text == "Des frappes aériennes visent Alep"
    assert [b.text[:8] for b in doc.bullets] == ["* Au moi", "* L'armé"]
    assert doc.authors == ["Marie Dupont", "Karim Haddad"]
    assert doc.dateline is not None and doc.dateline.text == "ALEP, 3 mai (Reuters) -"
    assert doc.dateline_place is not None and doc.dateline_place.text == "ALEP"
    assert doc.dateline_date is not None and doc.dateline_date.text == "3 mai"
    assert doc.outlet == "Reuters"
    assert doc.text[doc.body_start:].startswith("Des frappes ont touché")
    assert doc.credits is not None and doc.credits.text.startswith("(Avec Jean Martin")


def test_english_metadata_line_and_credits() -> None:
    doc = _doc(EN)
    _exact(doc)
    assert [m.text for m in doc.metadata_lines] == ["date 2022-03"]
    assert doc.dateline_date is not None and doc.dateline_date.text == "Sept 23"
    assert doc.credits is not None and doc.credits.text == "With AFP"


def test_dateline_without_date() -> None:
    doc = _doc(AP)
    _exact(doc)
    assert doc.dateline_place is not None and doc.dateline_place.text == "KYIV"
    assert doc.dateline_date is None
    assert doc.outlet == "AP"


def test_plain_text_has_no_header() -> None:
    doc = _doc("Les combats ont repris dans la ville. Les habitants ont fui.")
    assert doc.dateline is None and doc.headline is None and doc.body_start == 0


def test_dateline_with_country_and_two_places() -> None:
    doc = _doc("KRAMATORSK, Ukraine, April 8 (Reuters) - A missile hit the station.\n")
    assert doc.dateline_date is not None and doc.dateline_date.text == "April 8"
    doc = _doc("PARIS/BENGHAZI, 19 mars (Reuters) - Des avions ont frappé des blindés.\n")
    assert doc.dateline_place is not None and doc.dateline_place.text == "PARIS/BENGHAZI"
    assert doc.dateline_date is not None and doc.dateline_date.text == "19 mars"


def test_dateline_with_country_in_brackets() -> None:
    doc = _doc("KHARKIV (Ukraine), 3 mars 2022 (AFP) - Des tirs ont visé la place centrale.\n")
    assert doc.dateline_place is not None and doc.dateline_place.text == "KHARKIV"
    assert doc.dateline_date is not None and doc.dateline_date.text == "3 mars 2022"
    assert doc.outlet == "AFP"


def test_dateline_date_with_country_and_year() -> None:
    doc = _doc("MISRATA, Libya, April 18, 2011 (Reuters) - Shells hit the port on Sunday.\n")
    _exact(doc)
    assert doc.dateline_place is not None and doc.dateline_place.text == "MISRATA"
    assert doc.dateline_date is not None and doc.dateline_date.text == "April 18, 2011"
