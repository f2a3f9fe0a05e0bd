from __future__ import annotations

from bilan.language.identify import load_identifier
from bilan.language.sentences import load_abbreviations, split_sentences


def test_sentences_offsets_and_abbreviations() -> None:
    text = (
        "M. Kerry a rencontré Sergueï Lavrov. Les deux ministres n'ont rien annoncé.\n"
        "Titre sans point\n"
        "« Nous continuerons », a-t-il dit. 27 personnes ont été tuées."
    )
    spans = split_sentences(text, load_abbreviations("fr"))
    assert [s.text for s in spans] == [
        "M. Kerry a rencontré Sergueï Lavrov.",
        "Les deux ministres n'ont rien annoncé.",
        "Titre sans point",
        "« Nous continuerons », a-t-il dit.",
        "27 personnes ont été tuées.",
    ]
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_english_abbreviations() -> None:
    text = "The U.S. envoy met Gen. Haftar on Sept. 3 in Benghazi. Talks failed."
    spans = split_sentences(text, load_abbreviations("en"))
    assert [s.text for s in spans] == [
        "The U.S. envoy met Gen. Haftar on Sept. 3 in Benghazi.",
        "Talks failed.",
    ]


def test_language_identification_names_unsupported() -> None:
    ident = load_identifier()
    assert ident.identify("Les rebelles ont repris le contrôle du quartier mardi soir.")[0] == "fr"
    english = "Rebels retook the district on Tuesday evening, officials said."
    assert ident.identify(english)[0] == "en"
    code, name, _ = ident.identify("Los rebeldes recuperaron el barrio el martes por la noche.")
    assert code is None and name == "Spanish"
