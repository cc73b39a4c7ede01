"""The heading lexicon: data only, every type a taxonomy id, matched on normalised titles."""

from __future__ import annotations

import pytest
import yaml

from contract_analyzer.tagging.headings import LEXICON_PATH, HeadingLexicon, heading_types
from contract_analyzer.taxonomy import CLAUSE_TYPES


def test_every_lexicon_key_is_a_taxonomy_id() -> None:
    raw = yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))
    assert set(raw) <= set(CLAUSE_TYPES)
    assert len(raw) == len(CLAUSE_TYPES)  # every type can be named by a heading


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("12.3 Governing Law.", {"governing_law"}),
        ("ARTICLE IV TERM AND TERMINATION", {"term_and_renewal", "termination"}),
        ("Section 7. Fees & Payment", {"payment_terms"}),
        ("(a) Non-Disclosure", {"confidentiality"}),
        ("Service Levels", {"service_levels"}),
        ("Licence Grant", {"intellectual_property"}),
        ("10. Limitation of Liability", {"limitation_of_liability"}),
        ("Notices", {"notices"}),
        ("Payment Terms", {"payment_terms"}),  # "terms" is not the "term" of term_and_renewal
        ("Compliance with Applicable Laws", {"compliance"}),
    ],
)
def test_titles_name_types(title: str, expected: set[str]) -> None:
    assert set(heading_types(title)) == expected


@pytest.mark.parametrize(
    "title", [None, "", "SECURITY INTEREST", "Confidential Treatment Requested"]
)
def test_titles_naming_no_type(title: str | None) -> None:
    assert heading_types(title) == ()


def test_lexicon_is_data(tmp_path) -> None:
    """A new heading word is a YAML edit, not code."""
    path = tmp_path / "lex.yaml"
    path.write_text("notices:\n  phrases: [communications]\n", encoding="utf-8")
    lexicon = HeadingLexicon.from_yaml(path)
    assert lexicon.match("14. Communications") == ("notices",)
    bad = tmp_path / "bad.yaml"
    bad.write_text("not_a_type:\n  phrases: [x]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown clause type"):
        HeadingLexicon.from_yaml(bad)
