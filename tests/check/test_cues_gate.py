"""The literal pre-test of the cue patterns: never skips a sentence a pattern matches."""

import re

from contract_analyzer.check.cues import Cue, load_cues
from contract_analyzer.text.casefold import fold_case, required_literals


def test_required_literals_read_from_the_parse_tree():
    assert required_literals(re.compile(r"most[- ]favou?red[- ](?:nation|customer)", re.I)) == (
        "customer",
        "nation",
    )
    assert required_literals(re.compile(r"\b(?:solicit\w*|hire)\b")) == ("hire", "solicit")
    # an optional part gives no word; a pattern of classes only gives none at all
    assert required_literals(re.compile(r"(?:exclusive)?\s+\d+")) is None
    # a branch without a literal makes the whole alternation unusable as a test
    assert required_literals(re.compile(r"(?:assign|\d+)")) is None


def _plain(cue: Cue, sentence: str):
    """What Cue.matches gave before the pre-test: the first ``any`` match, if it qualifies."""
    hit = next((m for p in cue.any if (m := p.search(sentence))), None)
    if hit is None or (cue.with_ and not any(p.search(sentence) for p in cue.with_)):
        return None
    return None if any(p.search(sentence) for p in cue.unless) else hit


SENTENCES = [
    "Neither party may assign this Agreement without the prior written consent of the other.",
    "Licensee shall receive Most-Favoured-Nation pricing on all Products.",
    "During the Term, Distributor shall not, directly or indirectly, compete with the Company.",
    "This Agreement shall be governed by the laws of the State of New York.",
    "In no event shall either party's aggregate liability exceed the fees paid.",
    "Company shall maintain commercial general liability insurance of $1,000,000.",
    "Upon a Change of Control, either party may terminate this Agreement.",
    "The licenſe granted hereunder is non-tranſferable and İrrevocable.",
    "Nothing in this Agreement shall confer any rights on any third party beneficiary.",
    "",
]


def test_matches_agrees_with_plain_search_on_every_cue():
    cues = load_cues()
    for cue in cues.values():
        for sentence in SENTENCES:
            got, want = cue.matches(sentence), _plain(cue, sentence)
            assert (got and (got.span(), got.re.pattern)) == (
                want and (want.span(), want.re.pattern)
            )


def test_every_match_holds_its_patterns_words():
    for cue in load_cues().values():
        for pattern in cue.any:
            words = required_literals(pattern)
            for sentence in SENTENCES:
                if words and pattern.search(sentence):
                    assert any(w in fold_case(sentence) for w in words), pattern.pattern
