"""fold_case: wherever a case-insensitive pattern matches an ASCII literal, the folded text
holds it in lower case at the same place (the pre-tests of slow patterns rely on it)."""

import re

from contract_analyzer.text.casefold import ascii_twin, fold_case


def test_ascii_text_is_lower_cased():
    assert fold_case("Most Favored NATION") == "most favored nation"


def test_non_ascii_twins_of_ascii_letters_become_those_letters():
    # re.IGNORECASE matches "ſ" with "s", the Kelvin sign with "k", dotted/dotless i with "i"
    for char, letter in (("ſ", "s"), ("\u212a", "k"), ("İ", "i"), ("ı", "i")):
        assert re.fullmatch(letter, char, re.IGNORECASE)
        assert ascii_twin(char) == letter
    text = "licenſe \u212aey İtem “quoted” § 3"
    folded = fold_case(text)
    assert len(folded) == len(text)
    for word in ("license", "key", "item"):
        m = re.search(word, text, re.IGNORECASE)
        assert m is not None
        assert folded[m.start() : m.end()] == word


def test_other_non_ascii_characters_are_kept():
    assert ascii_twin("é") is None
    assert fold_case("Café ’s") == "café ’s"
