"""Figures missed or misread before: a long subject before its casualty verb, a hyphenated
word or a parenthesis in a victim's phrase, two names before the noun, a clause after
"while", a count that is the agent, decades, a time after a participle, states of the
wounded and "a few". Sentences written for these tests."""

from __future__ import annotations

from claims_testkit import figures, run

from bilan.claims.lexicon import ClaimsLexicon, may_claim, norm

# --- a long subject between the count and its verb


def test_long_subject_before_passive_verb(en: ClaimsLexicon) -> None:
    text = ("Three brothers suspected of taking part in a string of cattle raids along the "
            "river were summarily shot by vigilantes.")
    assert figures(text, en) == [3]


def test_long_subject_before_passive_verb_fr(fr: ClaimsLexicon) -> None:
    text = ("Trois frères soupçonnés d'avoir participé à plusieurs vols de bétail le long du "
            "fleuve ont été abattus par des miliciens.")
    assert figures(text, fr) == [3]


def test_long_subject_with_relative_clause(en: ClaimsLexicon, fr: ClaimsLexicon) -> None:
    text = ("Twelve road workers who were repairing the bridge on the northern highway near "
            "the town were gunned down by militants.")
    assert figures(text, en) == [12]
    text = ("Douze ouvriers qui réparaient le pont de la route du nord près de la ville ont "
            "été abattus par des miliciens.")
    assert figures(text, fr) == [12]


def test_long_subject_with_active_verb_is_the_agent(en: ClaimsLexicon,
                                                    fr: ClaimsLexicon) -> None:
    assert figures("Deux hommes armés ont tué un policier.", fr) == [1]
    text = ("Two men accused of a string of robberies in the eastern districts of the city "
            "have killed a shopkeeper.")
    assert figures(text, en) == [1]


def test_long_subject_singular_verb_is_not_the_count(en: ClaimsLexicon) -> None:
    text = ("Police questioned two men from the neighbouring village about the fire at the "
            "market and one was later killed.")
    assert 2 not in figures(text, en)


def test_reporting_verb_in_the_subject_stops_it(en: ClaimsLexicon) -> None:
    text = ("Two farmers from the hills near the lake told reporters at the market on Sunday "
            "morning that their neighbours were killed.")
    assert 2 not in figures(text, en)


# --- the victim's phrase


def test_hyphenated_word_in_a_pair(en: ClaimsLexicon) -> None:
    text = "A French-speaking teacher and his son were killed when gunmen opened fire."
    assert sum(figures(text, en)) == 2


def test_parenthesis_in_a_singular_subject(en: ClaimsLexicon) -> None:
    text = "A commander of the Northern Liberation Front (NLF) was killed near the border."
    assert figures(text, en) == [1]


def test_long_singular_subject(en: ClaimsLexicon) -> None:
    assert figures("A local Farmers Union branch leader was hacked to death on Friday.", en) == [1]


def test_two_names_before_the_noun(en: ClaimsLexicon) -> None:
    assert figures("At least nine suspected ABC and XYZ rebels were killed in raids.", en) == [9]


def test_refugees_killed(en: ClaimsLexicon) -> None:
    assert figures("Four refugees were killed when the camp was shelled.", en) == [4]
    assert [c.kind for c in run("Four refugees crossed the border.", en)] == ["displaced"]


# --- what the verb governs


def test_while_starts_a_new_clause(en: ClaimsLexicon, fr: ClaimsLexicon) -> None:
    assert figures("Five rebels were killed while three others escaped.", en) == [5]
    assert figures("Cinq rebelles ont été tués tandis que trois autres ont fui.", fr) == [5]


def test_agent_after_by(en: ClaimsLexicon) -> None:
    assert figures("A trader was abducted by three men and stabbed to death.", en) == []


def test_decade_is_no_count(en: ClaimsLexicon) -> None:
    text = "Two farmers in their 30s were detained by soldiers."
    claims = run(text, en)
    assert [(c.kind, c.low) for c in claims] == [("arrested", 2)]


def test_time_after_participle_is_no_object(en: ClaimsLexicon, fr: ClaimsLexicon) -> None:
    assert figures("Des centaines de fidèles ont enterré trois villageois tués la veille.",
                   fr) == [3]
    assert figures("Mourners buried three villagers killed the day before.", en) == [3]
    assert figures("Three gunmen killed a guard.", en) == [1]


# --- the state of the wounded, "a few"


def test_critical_condition(en: ClaimsLexicon, fr: ClaimsLexicon) -> None:
    assert figures("The blast left four soldiers in critical condition.", en, "injured") == [4]
    assert figures("L'explosion a laissé quatre soldats dans un état grave.", fr,
                   "injured") == [4]


def test_condition_of_a_subset_is_not_a_new_figure(en: ClaimsLexicon) -> None:
    text = "Doctors treated 120 wounded, 30 of them in serious condition."
    assert figures(text, en, "injured") == [120]


def test_a_few_wounded(en: ClaimsLexicon, fr: ClaimsLexicon) -> None:
    claims = [c for c in run("Police fired on the crowd, leaving a few wounded.", en)
              if c.kind == "injured"]
    assert [(c.low, c.high) for c in claims] == [(2, None)]
    claims = [c for c in run("La police a tiré, faisant quelques blessés.", fr)
              if c.kind == "injured"]
    assert [(c.low, c.high) for c in claims] == [(2, None)]
    assert run("Quelques heures plus tard, quelques fidèles sont arrivés.", fr) == []


def test_gate_lets_new_forms_through(en: ClaimsLexicon, fr: ClaimsLexicon) -> None:
    assert may_claim(norm("The blast left four soldiers in critical condition."), en)
    assert may_claim(norm("La police a tiré, faisant quelques blessés."), fr)
