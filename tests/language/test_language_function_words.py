"""Language identification on short texts full of foreign names (sentences written for
these tests)."""

from __future__ import annotations

import dataclasses

from bilan.language.identify import load_identifier

NOTE = ("On 12 March 2021, in Zinapecuaro de Figueroa, Michoacan, a man was shot dead in "
        "Colonia Lomas del Valle.")


def test_short_english_note_with_spanish_names_is_english() -> None:
    ident = load_identifier()
    assert ident.identify(NOTE)[0] == "en"


def test_the_word_lists_are_what_decides_here() -> None:
    # without the lists, the statistical detector alone reads the note as Spanish
    bare = dataclasses.replace(load_identifier(), function_words={})
    assert bare.identify(NOTE)[0] is None


def test_spanish_and_german_stay_unsupported() -> None:
    ident = load_identifier()
    es = "Los manifestantes marcharon el lunes en Madrid contra la reforma del gobierno."
    de = "Am Montag demonstrierten Tausende in Berlin gegen die Regierung."
    assert ident.identify(es)[:2] == (None, "Spanish")
    assert ident.identify(de)[:2] == (None, "German")


def test_french_note_stays_french() -> None:
    ident = load_identifier()
    fr = "Le 3 juin 2021, des Imbonerakure ont battu deux membres du CNL à Gihanga (Bubanza)."
    assert ident.identify(fr)[0] == "fr"



def test_small_english_words_that_french_lacks_count() -> None:
    # "in", "to", "he", "not", "when": no French word; a note of such words and names
    # is English by its words, whatever its letters look like
    ident = load_identifier()
    note = "In Bouake he went to Korhogo when told to, not to Daloa, said Kone."
    assert ident.by_function_words(note) == "en"
