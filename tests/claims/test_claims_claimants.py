"""Who gave each figure: no carry into a new paragraph, an inverted source after a
breakdown, writers introducing a quoted line with a present-tense verb or a pronoun, a
role apposition after a name, a relative pronoun standing for the noun before it, two
headlines run together, and a hospital that received the victims. Sentences written for
these tests."""

from __future__ import annotations

from claims_testkit import run

from bilan.claims.attribution import find_attributions
from bilan.claims.lexicon import ClaimsLexicon, may_claim, norm


def claimants(text: str, lex: ClaimsLexicon) -> list[tuple[str, int, str | None]]:
    return [(c.kind, c.low, c.claimant) for c in run(text, lex)]


def sources(text: str, lex: ClaimsLexicon) -> list[str]:
    return [text[a.source_start:a.source_end] for a in find_attributions(text, 0, len(text), lex)]


# --- carry stops at a new paragraph


def test_no_carry_into_new_paragraph_fr(fr: ClaimsLexicon) -> None:
    text = ("Le ministère de la Santé a annoncé six morts à Homs.\n"
            "A Hama, quatre manifestants ont été tués vendredi.")
    assert claimants(text, fr) == [("killed", 6, "Ministère de la Santé"),
                                   ("killed", 4, None)]


def test_carry_inside_a_paragraph_fr(fr: ClaimsLexicon) -> None:
    text = ("Le ministère de la Santé a annoncé six morts à Homs. "
            "A Hama, quatre manifestants ont été tués vendredi.")
    assert [c for _, _, c in claimants(text, fr)] == ["Ministère de la Santé"] * 2


def test_no_carry_into_new_paragraph_en(en: ClaimsLexicon) -> None:
    text = ("The health ministry said six people were killed in Homs.\n"
            "In Hama, four protesters were shot dead on Friday.")
    assert claimants(text, en) == [("killed", 6, "Health ministry"), ("killed", 4, None)]


def test_quote_going_on_in_new_paragraph_keeps_its_speaker(en: ClaimsLexicon) -> None:
    text = ("At least 9 people were killed in the shelling, a nurse said.\n"
            "\"We have 9 dead and the count will rise.\"")
    got = claimants(text, en)
    assert [n for _, n, _ in got] == [9, 9]
    assert all(c is not None and "nurse" in c.lower() for _, _, c in got)


# --- inverted source after a breakdown ("dont huit ..., a indiqué X")


def test_inverted_source_after_breakdown_fr(fr: ClaimsLexicon) -> None:
    text = ("Au moins douze personnes ont été tuées dans le pays, dont cinq à Alep, "
            "a indiqué mardi le ministère de l'Intérieur.")
    got = claimants(text, fr)
    assert got[0][:2] == ("killed", 12)
    assert got[0][2] == "Ministère de l'Intérieur"


def test_apposition_after_short_subject_still_read(fr: ClaimsLexicon) -> None:
    assert sources("Omar Haddad, qui dirige un hôpital, a dit que 12 personnes avaient "
                   "été tuées.", fr) == ["Omar Haddad"]


# --- a writer introduces the next line


def test_present_tense_introducer_fr(fr: ClaimsLexicon) -> None:
    text = ("Le blogueur Karim Sadek confirme :\n\n"
            "Des soldats ont tiré sur la foule. 14 tués, des dizaines de blessés.")
    assert [c for _, _, c in claimants(text, fr)] == ["Blogueur Karim Sadek"] * 2


def test_pronoun_introducer_is_the_last_writer_fr(fr: ClaimsLexicon) -> None:
    text = ("Karim Sadek écrit :\n\nLa place est pleine. Selon des médecins, 30 blessés.\n\n"
            "Puis il ajoute :\n\nUn manifestant a été tué près du pont.")
    assert claimants(text, fr) == [("injured", 30, "Karim Sadek (Médecins)"),
                                   ("killed", 1, "Karim Sadek")]


def test_present_tense_introducer_en(en: ClaimsLexicon) -> None:
    text = "The activist Lina Farouk confirms:\n\nTroops fired on the march. 11 killed."
    assert claimants(text, en) == [("killed", 11, "Activist Lina Farouk")]


# --- a name, then its role


def test_role_apposition_after_name_en(en: ClaimsLexicon) -> None:
    text = ("Omar Haddad, head of the emergency ward at the main hospital in Sirte, said the "
            "bodies of 12 people had been brought in.")
    assert claimants(text, en) == [("killed", 12, "Omar Haddad, doctor")]


def test_role_apposition_after_name_fr(fr: ClaimsLexicon) -> None:
    text = ("Omar Haddad, chef du service des urgences de l'hôpital de Syrte, a dit que "
            "12 personnes avaient été tuées.")
    assert claimants(text, fr) == [("killed", 12, "Omar Haddad, doctor")]


def test_pronoun_then_names_the_earlier_speaker(en: ClaimsLexicon) -> None:
    text = ("Omar Haddad, head of the emergency ward at the main hospital in Sirte, said the "
            "bodies of 12 people had been brought in. Forty people had arrived wounded, "
            "he said.")
    assert claimants(text, en)[-1] == ("injured", 40, "Omar Haddad, doctor")


# --- a relative pronoun as the subject of the reporting verb


def test_relative_pronoun_stands_for_noun_before(fr: ClaimsLexicon, en: ClaimsLexicon) -> None:
    assert sources("La ville était survolée par des avions de l'Otan, qui a indiqué avoir "
                   "touché 20 cibles.", fr) == ["de l'Otan"]
    assert sources("The strike was condemned by the health ministry, which said 12 people "
                   "were killed.", en) == ["the health ministry"]


# --- headlines run together with no stop


def test_run_on_headlines_subject_starts_at_determiner(en: ClaimsLexicon) -> None:
    text = "Rebels advance near Brega The Libyan government alleges 9 people died in a strike"
    assert claimants(text, en) == [("killed", 9, "Libyan government")]


def test_determiner_after_preposition_is_not_a_restart(en: ClaimsLexicon) -> None:
    text = "An envoy in The Hague said 7 people were killed."
    assert claimants(text, en) == [("killed", 7, "Envoy in The Hague")]


# --- a hospital that took the victims in


def test_hospital_received_en(en: ClaimsLexicon) -> None:
    text = "A field hospital in Zintan received four dead and 17 wounded on Friday."
    assert claimants(text, en) == [("killed", 4, "Field hospital in Zintan"),
                                   ("injured", 17, "Field hospital in Zintan")]


def test_hospital_received_fr(fr: ClaimsLexicon) -> None:
    text = "L'hôpital de Benghazi a reçu samedi 12 morts et 40 blessés."
    assert claimants(text, fr) == [("killed", 12, "Hôpital de Benghazi"),
                                   ("injured", 40, "Hôpital de Benghazi")]


def test_treated_at_hospital_is_no_source(en: ClaimsLexicon) -> None:
    assert claimants("Twenty wounded men were treated at a hospital in Sabha.", en) == [
        ("injured", 20, None)]


def test_facility_sentences_pass_the_gate(en: ClaimsLexicon, fr: ClaimsLexicon) -> None:
    assert may_claim(norm("A field hospital received four dead."), en)
    assert may_claim(norm("L'hôpital a reçu 12 morts."), fr)
