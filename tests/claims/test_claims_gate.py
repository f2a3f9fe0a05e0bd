"""The sentence gate (``may_claim``) and the grouped phrase regexes are speed-ups only: the
claims found must be the same as without them."""

from __future__ import annotations

import dataclasses
import re

import pytest

from bilan.claims.extract import extract_claims, split_sentences
from bilan.claims.lexicon import _phrase_regex, load_lexicon, may_claim, norm

EN = (
    "The talks in Geneva ended on Friday without a date for the next round. "
    "At least 12 civilians were killed and 30 wounded when shells hit a market in Idlib. "
    "A boy was shot by a sniper near the bridge. He died the next day in hospital. "
    "Two soldiers and a policeman were killed at the checkpoint, the ministry said. "
    "Gunmen shot the driver dead on the road to Kidal. "
    "A suicide bomber blew himself up at the gate. "
    "Some 250,000 people remain besieged in the eastern districts. "
    "The death toll was later raised to 16. "
    "Police arrested 40 protesters, according to a rights group. "
    "The minister visited the camp and promised more aid."
)
FR = (
    "Les discussions de Genève se sont achevées vendredi sans date pour la suite. "
    "Au moins douze civils ont été tués et une trentaine blessés dans le bombardement "
    "d'un marché, selon l'Observatoire syrien des droits de l'homme. "
    "Un enfant a été tué par un tireur embusqué près du pont. "
    "Deux soldats et un policier ont été tués au poste de contrôle, a indiqué le ministère. "
    "Quelque 250 000 habitants restent assiégés dans les quartiers est. "
    "Le bilan s'est alourdi à 16 morts dans la soirée. "
    "Le ministre a visité le camp et promis davantage d'aide."
)


@pytest.mark.parametrize(("lang", "text"), [("en", EN), ("fr", FR)])
def test_gate_changes_no_claim(lang: str, text: str) -> None:
    lex = load_lexicon(lang)
    open_lex = dataclasses.replace(lex, cue_words=frozenset())  # no gate: every sentence
    sentences = split_sentences(text, 0)
    gated = extract_claims(text, sentences, lex, "d")
    plain = extract_claims(text, sentences, open_lex, "d")
    assert [(c.kind, c.low, c.text) for c in gated] == [(c.kind, c.low, c.text) for c in plain]
    assert len(gated) >= 7


@pytest.mark.parametrize(("lang", "sentence", "expected"), [
    ("en", "The minister visited the camp and promised more aid.", False),
    ("en", "The talks ended on Friday without a date for the next round.", False),
    ("en", "A boy was shot by a sniper near the bridge.", True),
    ("en", "Some 250,000 people remain besieged.", True),
    ("en", "Three journalists were kiled in the blast.", True),  # a misspelt casualty word
    ("fr", "Le ministre a visité le camp et promis davantage d'aide.", False),
    ("fr", "Un enfant a été tué par un tireur embusqué.", True),
    ("fr", "Quelque 250 000 habitants restent assiégés.", True),
])
def test_may_claim(lang: str, sentence: str, expected: bool) -> None:
    assert may_claim(norm(sentence), load_lexicon(lang)) is expected


def test_grouped_phrase_regex_matches_as_the_plain_alternation() -> None:
    phrases = ["said", "says", "said on", "told", "a déclaré", "'s", "according to", "d'après"]
    grouped = _phrase_regex(phrases)
    alts = sorted({norm(p) for p in phrases}, key=len, reverse=True)
    plain = re.compile("|".join(
        (r"(?<!\w)" if p[:1].isalnum() else "") + r"\s+".join(re.escape(w) for w in p.split())
        + (r"(?!\w)" if p[-1:].isalnum() else "") for p in alts))
    text = ("he said on tuesday, unsaid, the army's toll according  to aid workers; "
            "told, retold; il a déclaré d'après l'ong says")
    assert ([m.span() for m in grouped.finditer(text)]
            == [m.span() for m in plain.finditer(text)])
    assert len(list(grouped.finditer(text))) == 7


@pytest.mark.parametrize(("sentence", "low"), [
    ("Two traders accused of theft were summarily shot by soldiers in the market.", 2),
    ("A farmer was summarily shot by militiamen at his home.", 1),
])
def test_summarily_shot_is_killed(sentence: str, low: int) -> None:
    lex = load_lexicon("en")
    claims = extract_claims(sentence, split_sentences(sentence, 0), lex, "d")
    assert [(c.kind, c.low) for c in claims] == [("killed", low)]
