"""Publication dates from metadata, datelines and content (reports written for these tests)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bilan.pipeline import Resources
from bilan.records import Document
from bilan.time.find import find_timexes
from bilan.time.lexicon import TimeLexicon, load_time_lexicon
from bilan.time.pubdate import candidate_years, choose_year, resolve_publication_date
from bilan.time.stage import resolve_time

TODAY = dt.date(2025, 1, 1)
DATELINE = re.compile(r"^[A-ZÉÈÀ][A-ZÉÈÀ' -]+, (\d{1,2}(?:er)? \w+) \(", re.M)



def make_doc(text: str, published: str | None = None) -> Document:
    doc = Document(id="t", text=text, source="test", published=published)
    m = DATELINE.search(text)
    if m:
        doc.dateline_date = doc.span(m.start(1), m.end(1))
        doc.body_start = m.start()
    return doc


def pubdate(doc: Document, lex: TimeLexicon) -> tuple[dt.date | None, str, list[str]]:
    timexes = find_timexes(doc.text, lex.lang, None, lex)
    return resolve_publication_date(doc, timexes, lex, today=TODAY)


REPORT_FRI = (
    "LYON, 14 octobre (Reuters) - Des orages violents ont frappé la région vendredi, "
    "quelques heures après une alerte lancée jeudi soir par Météo-France. "
    "Le département n'avait pas connu de telles pluies depuis 2008."
)


def test_candidate_years() -> None:
    assert candidate_years(10, 14, [5], TODAY)[-3:] == [2011, 2016, 2022]
    assert choose_year([2011, 2016, 2022], 2013) == 2016
    assert choose_year([2011, 2016, 2022], None) is None


def test_dateline_year_from_weekday_and_year_bound(fr: TimeLexicon) -> None:
    # 14 October is a Friday in 2011 and 2016; the text mentions 2008 -> 2011
    date, source, warnings = pubdate(make_doc(REPORT_FRI), fr)
    assert (date, source, warnings) == (dt.date(2011, 10, 14), "dateline", [])
    # with a later year in the text, the earliest agreeing year after it
    doc = make_doc(REPORT_FRI.replace("2008", "l'été 2014"))
    assert pubdate(doc, fr)[:2] == (dt.date(2016, 10, 14), "dateline")


def test_metadata_agreeing_wins(fr: TimeLexicon) -> None:
    doc = make_doc(REPORT_FRI, published="2016-10-14T18:02:00Z")
    assert pubdate(doc, fr) == (dt.date(2016, 10, 14), "metadata", [])


def test_metadata_contradicting_content_is_overruled(fr: TimeLexicon) -> None:
    doc = make_doc(REPORT_FRI.replace("2008", "2015"), published="2022-03")
    date, source, warnings = pubdate(doc, fr)
    assert (date, source) == (dt.date(2016, 10, 14), "dateline")
    assert warnings == ["metadata date 2022-03 contradicts content; using 2016-10-14"]


def test_partial_metadata_completed_by_dateline(fr: TimeLexicon) -> None:
    text = "PARIS, 3 mai (AFP) - La grève a été reconduite."
    doc = make_doc(text, published="2019-05")
    assert pubdate(doc, fr)[:2] == (dt.date(2019, 5, 3), "dateline")


def test_metadata_line_used(fr: TimeLexicon) -> None:
    text = " date 2019-05-03\nLa grève a été reconduite vendredi."
    doc = make_doc(text)
    doc.metadata_lines = [doc.span(0, 16)]
    assert pubdate(doc, fr)[:2] == (dt.date(2019, 5, 3), "metadata")


def test_content_weekday_and_date(fr: TimeLexicon) -> None:
    text = (
        "Les secours fouillent toujours les décombres samedi 12 novembre, "
        "trois jours après le séisme. La région est instable depuis 2013."
    )
    # 12 November is a Saturday in 2011, 2016, 2022: the first after 2013 is 2016
    assert pubdate(make_doc(text), fr)[:2] == (dt.date(2016, 11, 12), "content")


def test_no_evidence(fr: TimeLexicon) -> None:
    assert pubdate(make_doc("Les combats ont repris jeudi."), fr) == (None, "none", [])


def test_weekday_consistency_shifts_next_day_timestamp(fr: TimeLexicon) -> None:
    text = "Le conseil a voté jeudi soir une nouvelle loi."
    doc = make_doc(text, published="2016-09-23")  # a Friday; the text only names Thursday
    date, source, warnings = pubdate(doc, fr)
    assert (date, source) == (dt.date(2016, 9, 22), "weekday-consistency")
    assert len(warnings) == 1


def test_stage_reanchors(fr: TimeLexicon) -> None:
    doc = make_doc(REPORT_FRI.replace("2008", "2015"))
    doc.language = "fr"
    res = Resources(today=TODAY)
    resolve_time(doc, res)
    assert doc.publication_date == dt.date(2016, 10, 14)
    assert doc.publication_date_source == "dateline"
    by_text = {t.text: t.value for t in doc.timexes}
    assert by_text["vendredi"] == "2016-10-14"
    assert by_text["jeudi soir"] == "2016-10-13TEV"
    assert all(doc.text[t.start : t.end] == t.text for t in doc.timexes)


def test_stage_unknown_language() -> None:
    doc = Document(id="x", text="hoy", source="t", language="es")
    resolve_time(doc, Resources())
    assert doc.publication_date is None and doc.publication_date_source == "none"
    assert doc.warnings


@pytest.mark.shared
def test_seed_publication_dates(shared_data: Path, fr: TimeLexicon) -> None:
    expected = {"000": dt.date(2016, 9, 23), "002": dt.date(2016, 9, 24)}
    got = {}
    for path in sorted((shared_data / "seeds-fr").glob("*.txt")):
        doc = make_doc(path.read_text(encoding="utf-8"))
        got[path.name[:3]] = pubdate(doc, fr)
    for key, date in expected.items():
        assert got[key][0] == date, key
    assert got["000"][1] == "dateline"
    assert got["002"][1] == "content"
    # 001 has no dateline and no day or month in its text: it stays undated
    # (its gold date 2016-09-22 needs knowledge of when the meeting took place)
    assert got["001"][:2] == (None, "none")


def _en_doc(text: str, dateline: str | None) -> Document:
    doc = Document(id="t", text=text, source="test")
    if dateline:
        at = text.index(dateline)
        doc.dateline_date = doc.span(at, at + len(dateline))
        doc.body_start = at
    return doc


def test_office_terms_pick_the_year_when_the_text_names_none() -> None:
    en = load_time_lexicon("en")
    # April 8 is a Friday in 2011, 2016 and 2022: Zelenskiy and Biden both in office: 2022
    text = ("KYIV, April 8 (Reuters) - President Volodymyr Zelenskiy said on Friday that "
            "U.S. President Joe Biden had promised more air defence.")
    date, source, _ = pubdate(_en_doc(text, "April 8"), en)
    assert (date, source) == (dt.date(2022, 4, 8), "dateline")


def test_no_year_evidence_gives_no_date() -> None:
    en = load_time_lexicon("en")
    text = "LONDON, April 8 (Reuters) - Heavy rain flooded several roads on Friday, police said."
    date, source, _ = pubdate(_en_doc(text, "April 8"), en)
    assert (date, source) == (None, "none")


def test_since_year_is_a_strict_lower_bound(fr: TimeLexicon) -> None:
    # 28 avril is a Thursday in 2011, 2016 and 2022; "depuis ... 2011": after 2011
    text = ("BEYROUTH, 28 avril (Reuters) - Un marché a été bombardé mercredi soir, ont dit "
            "jeudi des secouristes. Plus de 250.000 personnes ont été tuées depuis le début du "
            "conflit en mars 2011.")
    date, _, _ = pubdate(make_doc(text), fr)
    assert date == dt.date(2016, 4, 28)


def test_tokenised_wire_stamp() -> None:
    en = load_time_lexicon("en")
    text = ("Rebels hold the port BENGHAZI | Tue Mar 1 , 2011 6:12 pm GMT BENGHAZI -LRB- "
            "Reuters -RRB- - Rebels said on Tuesday they still held the port .")
    date, source, _ = pubdate(_en_doc(text, None), en)
    assert (date, source) == (dt.date(2011, 3, 1), "dateline")


def test_content_date_moves_to_the_news_day() -> None:
    en = load_time_lexicon("en")
    # the lead's weekday (Sunday) is the news day; the explicit date (a Friday) is earlier
    text = ("GAO, Mali (AP) - The toll of an attack on a market rose to 40 on Sunday, officials "
            "said. Gunmen opened fire late on Friday, June 4, as traders packed up, and fled "
            "on motorbikes. The region has suffered attacks since 2012.")
    date, source, _ = pubdate(_en_doc(text, None), en)
    assert (date, source) == (dt.date(2021, 6, 6), "content")


def test_full_metadata_kept_unless_the_text_dates_later_events(fr: TimeLexicon) -> None:
    text = ("Des affrontements ont éclaté dimanche dans la capitale. Le précédent scrutin, "
            "le 12 mai 2019, avait été calme.")
    date, source, warnings = pubdate(make_doc(text, published="2020-03-02"), fr)
    assert (date, source, warnings) == (dt.date(2020, 3, 2), "metadata", [])


def test_content_date_moved_by_the_interval_its_sentence_gives(fr: TimeLexicon) -> None:
    # 2 June 2021 is a Wednesday; "lundi, plus de deux semaines après" -> Monday 21 June
    text = ("GAO (AFP) - L'armée a confirmé lundi, plus de deux semaines après les faits, "
            "qu'un convoi avait été attaqué le 2 juin 2021 près de la frontière.")
    doc = make_doc(text)
    assert pubdate(doc, fr)[:2] == (dt.date(2021, 6, 21), "content")
    # without the interval, the Monday right after the event
    doc = make_doc(text.replace(" plus de deux semaines après les faits,", ""))
    assert pubdate(doc, fr)[:2] == (dt.date(2021, 6, 7), "content")
