"""Round 7 events: in a short note, the tolls told anywhere belong to its main event.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

from bilan.events.select import document_main_event
from bilan.records import Document
from bilan.runner import run


def _doc(tmp_path: Path, text: str) -> Document:
    path = tmp_path / "notes.jsonl"
    row = {"id": "n1", "text": text, "language": "en", "published": "2019-03-14"}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = run([str(path)], lang="en", workers=1)
    return result.documents[0]


def _killed(doc: Document) -> list[int]:
    ev = document_main_event(doc)
    assert ev is not None
    return [c.low for c in ev.claims if c.kind == "killed"]


def test_toll_in_a_later_sentence_with_its_own_trigger(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "On 14 March 2019, gunmen attacked a bus on the road north of Gao. "
                         "Police later arrested two suspects; four passengers were killed.")
    assert 4 in _killed(doc)


def test_toll_of_a_non_violent_main_event(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "On 14 March 2019, traders marched through the market of Kisumu "
                         "against a new levy. Two of them died in a stampede.")
    ev = document_main_event(doc)
    assert ev is not None and ev.event_type in ("Protests", "Riots")
    assert _killed(doc) == [2]


def test_running_total_stays_out(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "On 14 March 2019, soldiers and rebels clashed near Beni. "
                         "Since January, 300 people have been killed in the region.")
    assert 300 not in _killed(doc)


def test_mortars_with_machine_guns_are_an_armed_clash() -> None:
    from bilan.events.assemble import extract_document_events
    from bilan.events.ontology import load_ontology
    from bilan.events.triggers import load_lexicon
    from bilan.records import Span

    lex = load_lexicon("en", load_ontology())

    def kinds(text: str) -> list[tuple[str, str]]:
        doc = Document(id="t", text=text, source="t")
        doc.language = "en"
        doc.sentences = [Span(0, len(text), text)]
        return [(e.event_type, e.sub_event_type) for e in extract_document_events(doc, lex)]

    mixed = kinds("The militia fired 60mm mortars and heavy machine guns at the army trenches.")
    assert mixed and mixed[0] == ("Battles", "Armed clash")
    both = kinds("Monitors counted 25 mortar rounds fired in both directions near the lake.")
    assert both and both[0][0] == "Battles"
    alone = kinds("The militia fired 60mm mortars at the army trenches near the lake.")
    assert alone and alone[0][0] == "Explosions/Remote violence"


def test_a_period_toll_after_an_event_of_a_long_report_joins_it(tmp_path: Path) -> None:
    filler = " ".join(
        f"The {n} convoy of the week reached the border crossing without trouble." for n in
        ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
    )
    doc = _doc(tmp_path, filler + "\nOn 14 March 2019, gunmen attacked a bus near Kisumu, "
                         "killing two passengers. Since Monday, eleven people have been killed "
                         "in the county, police said.")
    attack = next(e for e in doc.events if any("Kisumu" in m.text for m in e.mentions))
    period = [c for c in attack.claims if c.low == 11]
    assert period and all(c.cumulative for c in period)
    # kept as evidence, never counted in the day's toll
    assert [c.low for c in attack.claims if not c.cumulative] == [2]
    from bilan.fusion.merge import reconcile_fatalities

    assert reconcile_fatalities(attack.claims)["best"] == 2


def test_a_toll_with_only_a_bare_trigger_is_an_event_of_its_own(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "On 14 March 2019, security forces arrested twelve opposition members "
                         "in Kisumu. Three people were killed in the town of Siaya, police said.")
    tolls = [e for e in doc.events if any(c.low == 3 for c in e.claims)]
    assert len(tolls) == 1 and tolls[0].event_type == "Violence against civilians"
    # the arrest stays an event of its own, without the toll
    arrests = [e for e in doc.events if e.sub_event_type == "Arrests"]
    assert arrests and not any(c.low == 3 for c in arrests[0].claims)
