"""Which figures belong to which event: a toll told in a clause about an earlier or another
incident ("following an earlier ambush in which ...", "to discuss the killing of ...") is
not the toll of the event its sentence reports (sentences written for these tests)."""

from __future__ import annotations

from events_testkit import period_doc

from bilan.events.assemble import background_claims, extract_document_events
from bilan.events.ontology import load_ontology
from bilan.events.select import main_event
from bilan.events.triggers import load_lexicon
from bilan.records import Claim, Document


def with_claims(text: str, lang: str, figures: list[tuple[str, int]]) -> Document:
    """A document of ``text`` whose killed claims are the quoted ``figures`` (text, count)."""
    doc = period_doc(text, lang)
    for quote, count in figures:
        start = text.index(quote)
        claim = Claim(
            kind="killed", low=count, high=count, qualifier="exact", victims="people",
            claimant=None, document=doc.id, start=start, end=start + len(quote), text=quote,
        )
        claim.sentence = doc.sentence_index(start)
        doc.claims.append(claim)
    return doc


def main_tolls(doc: Document, lang: str) -> list[int]:
    events = extract_document_events(doc, load_lexicon(lang, load_ontology()))
    assert events
    return sorted(c.low for c in main_event(events).claims if c.kind == "killed")


def test_earlier_incident_in_the_clash_sentence_is_not_its_toll() -> None:
    text = ("Fighting erupted on Tuesday in Kismayo following an earlier raid in which a "
            "shopkeeper was killed. Five gunmen were killed, residents said.")
    doc = with_claims(text, "en", [("a shopkeeper was killed", 1), ("Five gunmen were killed", 5)])
    assert main_tolls(doc, "en") == [5]
    assert len(doc.claims) == 2  # the figure stays among the report's claims


def test_killing_discussed_at_a_meeting_is_not_the_arrests_toll() -> None:
    text = ("Soldiers in Mopti detained 40 youths who had met to discuss the killing of "
            "nine herders by a militia last month.")
    doc = with_claims(text, "en", [("killing of nine herders", 9)])
    assert main_tolls(doc, "en") == []


def test_protest_over_a_killing_counts_no_dead() -> None:
    text = "Traders marched in Lahore on Friday to protest the killing of two vendors."
    doc = with_claims(text, "en", [("killing of two vendors", 2)])
    assert main_tolls(doc, "en") == []


def test_figure_after_the_clause_is_the_event_toll_again() -> None:
    text = ("Gunmen stormed a village near Kaduna after an earlier raid, while 7 residents "
            "were killed in the assault.")
    doc = with_claims(text, "en", [("7 residents were killed", 7)])
    assert background_claims(doc, load_lexicon("en", load_ontology())) == {}
    assert main_tolls(doc, "en") == [7]


def test_toll_of_the_event_itself_stays() -> None:
    text = "Militants attacked an army post near Gao on Sunday, killing 6 soldiers."
    doc = with_claims(text, "en", [("killing 6 soldiers", 6)])
    assert main_tolls(doc, "en") == [6]


def test_french_earlier_attack_clause() -> None:
    text = ("Des affrontements ont éclaté mardi à Ménaka à la suite d'une précédente "
            "embuscade au cours de laquelle un berger a été tué. Quatre assaillants ont été "
            "tués, selon une source locale.")
    doc = with_claims(text, "fr", [("un berger a été tué", 1),
                                   ("Quatre assaillants ont été tués", 4)])
    assert main_tolls(doc, "fr") == [4]


def test_french_arrests_to_denounce_a_murder() -> None:
    text = ("La police a arrêté jeudi à Ségou douze jeunes venus "
            "dénoncer le meurtre de trois commerçants.")
    doc = with_claims(text, "fr", [("meurtre de trois commerçants", 3)])
    assert main_tolls(doc, "fr") == []
