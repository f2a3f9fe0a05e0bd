"""Round 3 attribution forms, claims of responsibility and restated headline figures.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from bilan.claims.extract import extract_claims, split_sentences
from bilan.claims.lexicon import ClaimsLexicon
from bilan.claims.stage import drop_restated
from bilan.claims.stage import extract_claims as claims_stage
from bilan.pipeline import Resources
from bilan.records import ActorMention, Claim, Document, Span


def run(text: str, lex: ClaimsLexicon, actors: list[ActorMention] | None = None) -> list[Claim]:
    claims = extract_claims(text, split_sentences(text), lex, "t.txt", actors or [], [], None)
    for c in claims:
        assert c.text == text[c.start:c.end]
    return claims


def actor(text: str, alias: str, name: str, category: str, can_claim: bool) -> ActorMention:
    start = text.index(alias)
    return ActorMention(start, start + len(alias), alias, name, category, can_claim=can_claim)


def test_participle_gives_the_main_clause_subject(fr: ClaimsLexicon) -> None:
    text = ("L'ONG Amnesty International, évoquant douze morts dans la nuit, a demandé "
            "une enquête indépendante.")
    a = actor(text, "Amnesty International", "Amnesty International", "ngo", True)
    c = run(text, fr, [a])[0]
    assert (c.kind, c.low, c.high) == ("killed", 12, 12)
    assert c.claimant == "Amnesty International"


def test_participle_without_actor_takes_the_subject_words(fr: ClaimsLexicon) -> None:
    text = "Le gouverneur de la province a parlé aux journalistes, évoquant sept blessés."
    c = run(text, fr)[0]
    assert (c.kind, c.low) == ("injured", 7)
    assert c.claimant == "Gouverneur de la province"


def test_claim_of_responsibility_credits_the_armed_group(fr: ClaimsLexicon,
                                                         en: ClaimsLexicon) -> None:
    text = ("Le groupe Al-Chabab a revendiqué l'embuscade dans un message, affirmant avoir "
            "tué quinze soldats.")
    a = actor(text, "Al-Chabab", "Al Shabaab", "rebels", False)
    c = run(text, fr, [a])[0]
    assert (c.kind, c.low) == ("killed", 15)
    assert c.claimant is not None and c.claimant.startswith("Al Shabaab")
    text = "The militia claimed to have killed 30 government soldiers near the border."
    m = actor(text, "militia", "Local militia", "militia", False)
    c = run(text, en, [m])[0]
    assert (c.kind, c.low) == ("killed", 30)
    assert c.claimant is not None and c.claimant.startswith("Local militia")


def test_non_claiming_actor_without_responsibility_is_not_a_claimant(fr: ClaimsLexicon) -> None:
    # an armed group named as the source of an ordinary toll is not taken from the actors
    text = "Trois civils ont été tués, selon les rebelles du nord."
    a = actor(text, "rebelles", "Rebel groups", "rebels", False)
    c = run(text, fr, [a])[0]
    assert c.claimant == "Rebelles du nord"


def test_citing_credits_the_reporting_organisation(en: ClaimsLexicon) -> None:
    text = ("The rights group reported 61 deaths in the port city, citing interviews with "
            "nurses.")
    c = run(text, en)[0]
    assert (c.kind, c.low) == ("killed", 61)
    assert c.claimant == "Rights group"


def test_role_phrase_kept_beside_canonical_name(en: ClaimsLexicon) -> None:
    text = "A surgeon at the central hospital in Sirte said 14 people were killed overnight."
    a = actor(text, "surgeon", "Medical sources", "hospital", True)
    c = run(text, en, [a])[0]
    assert (c.kind, c.low) == ("killed", 14)
    assert c.claimant == "Medical sources (surgeon at the central hospital in Sirte)"


def test_proper_name_alias_gives_the_canonical_name_only(en: ClaimsLexicon) -> None:
    text = "Nine people died in the shelling, according to MSF."
    a = actor(text, "MSF", "Doctors Without Borders", "ngo", True)
    assert run(text, en, [a])[0].claimant == "Doctors Without Borders"


def test_told_reuters_and_state_tv_reported(en: ClaimsLexicon) -> None:
    text = "A police colonel told Reuters that 6 officers were wounded."
    c = run(text, en)[0]
    assert (c.kind, c.low, c.claimant) == ("injured", 6, "Police colonel")
    text = "State TV reported that 25 people were arrested in the capital."
    c = run(text, en)[0]
    assert (c.kind, c.low, c.claimant) == ("arrested", 25, "State TV")


def test_pronoun_source_resolved_from_an_earlier_sentence(en: ClaimsLexicon) -> None:
    text = ("A commander of the border brigade said the assault began before dawn. "
            "Eight of his men were killed in the ambush, he said.")
    claims = run(text, en)
    c = next(x for x in claims if x.kind == "killed")
    assert c.low == 8
    assert c.claimant == "Commander of the border brigade"


def test_clause_is_not_a_claimant(fr: ClaimsLexicon) -> None:
    text = "C'est ce que plusieurs témoins affirment : 40 morts dans le quartier."
    for c in run(text, fr):
        assert c.claimant is None or not c.claimant.lower().startswith(("que", "ce que"))


def _claim(kind: str, low: int, high: int | None, claimant: str | None, start: int) -> Claim:
    return Claim(kind=kind, low=low, high=high, qualifier="exact", victims="people",  # type: ignore[arg-type]
                 claimant=claimant, document="d", start=start, end=start + 5, text="xxxxx")


def test_drop_restated_header_figure() -> None:
    header = [Span(0, 40, "h" * 40)]
    head = _claim("killed", 50, None, "Hospital director", 5)
    body = _claim("killed", 53, 53, "Ahmad Saleh, hospital director", 100)
    other = _claim("injured", 50, None, None, 10)
    kept = drop_restated([head, other, body], header)
    assert kept == [other, body]
    # a header figure with no compatible body figure stays
    far = _claim("killed", 10, 10, None, 100)
    assert drop_restated([head, far], header) == [head, far]
    # conflicting claimants: both stay
    rival = _claim("killed", 53, 53, "Interior ministry", 100)
    assert drop_restated([head, rival], header) == [head, rival]


def test_stage_drops_a_bullet_restating_the_body() -> None:
    text = ("* Au moins 30 morts selon la protection civile\n\n"
            "Le bombardement a fait 34 morts, a indiqué la protection civile.")
    doc = Document(id="b.txt", text=text, source="b.txt")
    doc.language = "fr"
    end = text.index("\n")
    doc.bullets = [Span(0, end, text[:end])]
    claims_stage(doc, Resources())
    assert [(c.kind, c.low, c.high) for c in doc.claims] == [("killed", 34, 34)]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Between 6 and 9 villagers were killed in the raid.", "en", ("killed", 6, 9, "range")),
    ("Troops detained 30 to 40 students at the campus.", "en", ("arrested", 30, 40, "range")),
    ("Entre 12 et 18 personnes ont été tuées dans le marché.", "fr", ("killed", 12, 18, "range")),
    ("At least a dozen guards died at the checkpoint.", "en", ("killed", 12, None, "at_least")),
    ("Au moins une douzaine de policiers ont péri.", "fr", ("killed", 12, None, "at_least")),
    ("Rescuers pulled the bodies of 11 fishermen from the river.", "en",
     ("killed", 11, 11, "exact")),
    ("Les corps de 9 migrants ont été retrouvés sur la plage.", "fr", ("killed", 9, 9, "exact")),
])
def test_ranges_articles_and_kind_before(text: str, lang: str, expected: tuple[object, ...],
                                         fr: ClaimsLexicon, en: ClaimsLexicon) -> None:
    c = run(text, fr if lang == "fr" else en)[0]
    assert (c.kind, c.low, c.high, c.qualifier) == expected


def test_a_rising_toll_is_not_a_range(fr: ClaimsLexicon, en: ClaimsLexicon) -> None:
    c = run("The toll rose from 12 to 19 dead overnight.", en)
    assert all(x.high != 19 or x.low != 12 for x in c)
    c = run("Le bilan est passé de 12 à 19 morts dans la nuit.", fr)
    assert all(x.high != 19 or x.low != 12 for x in c)
