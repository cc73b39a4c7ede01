"""The small shared pieces: labels, heading shapes, hyphenation, Word number formats, limits."""

from __future__ import annotations

import time
from collections import Counter

import pytest

from contract_analyzer.errors import ProcessingTimeout
from contract_analyzer.ingest.deadline import Deadline, enforced
from contract_analyzer.ingest.docx_numbering import format_number
from contract_analyzer.ingest.headings import classify, parse_label
from contract_analyzer.ingest.reflow import join_lines, mend, vocabulary


@pytest.mark.parametrize(
    ("text", "label", "level", "kind"),
    [
        ("1. DEFINITIONS", "1", 1, "decimal"),
        ("4.2 Termination for Cause", "4.2", 2, "decimal"),
        ("4.2(a) the other party", "4.2(a)", 3, "decimal"),
        ("ARTICLE IV GENERAL", "ARTICLE IV", 1, "article"),
        ("Section 7.1 Notices.", "Section 7.1", 2, "section"),
        ("EXHIBIT A", "EXHIBIT A", 1, "exhibit"),
        ("(a) the Services;", "(a)", None, "paren"),
        ("(iv) any breach", "(iv)", None, "paren"),
        ("b. Either party may", "b", None, "letter"),
        ("• a bullet", "•", None, "bullet"),
        ("30 days after notice", None, None, None),
        ("2019 was a year", None, None, None),
    ],
)
def test_labels(text: str, label: str | None, level: int | None, kind: str | None) -> None:
    found = parse_label(text)
    if label is None:
        assert found is None
    else:
        assert found is not None
        assert (found.text, found.level, found.kind) == (label, level, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("1. GRANT OF RIGHTS", "heading"),
        ("4.2 Termination for Cause", "heading"),
        ("GOVERNING LAW", "heading"),
        (
            "1.1 LICENSE. Subject to the terms and conditions of this Agreement, PivX grants",
            "paragraph",
        ),
        ("(a) the Services shall be performed in a workmanlike manner;", "list_item"),
        ("AND", "paragraph"),
        ("By: /s/ John Smith", "paragraph"),
        (
            "THE SOFTWARE IS PROVIDED AS IS WITHOUT WARRANTY OF ANY KIND EXPRESS OR IMPLIED INCLUDING",
            "paragraph",
        ),
        ("Each party shall keep the other's information secret.", "paragraph"),
    ],
)
def test_heading_shapes(text: str, kind: str) -> None:
    assert classify(text, parse_label(text))[0] == kind


def test_bold_or_larger_short_lines_are_headings() -> None:
    assert classify("Confidentiality", None, bold=True)[0] == "heading"
    assert classify("Confidentiality", None, size_ratio=1.3)[0] == "heading"
    assert classify("Confidentiality", None)[0] == "paragraph"


def test_hyphenation_uses_the_document_vocabulary() -> None:
    vocab = vocabulary(["the termination of this agreement", "a non-exclusive licence", "re-sign"])
    assert mend("upon termi-", "nation of", vocab) == ("upon termi", "")
    assert mend("a non-", "exclusive right", vocab) == ("a non-", "")  # seen hyphenated
    assert mend("a sub-", "licensee", Counter()) == ("a sub-", "")  # a prefix that keeps it
    assert mend("Anglo-", "American law", Counter()) == ("Anglo-", "")
    assert mend("pay-", "ment", Counter()) == ("pay", "")  # unknown word: typeset hyphen
    assert mend("net 30 -", "days", Counter()) == ("net 30 -", " ")  # a dash, not a hyphen
    assert mend("end of line", "next", Counter()) == ("end of line", " ")
    text, offsets = join_lines(["upon termi-", "nation of the", "agreement"], vocab)
    assert text == "upon termination of the agreement"
    assert [text[o:] for o in offsets] == [text, "nation of the agreement", "agreement"]


@pytest.mark.parametrize(
    ("n", "fmt", "shown"),
    [
        (4, "decimal", "4"),
        (4, "upperRoman", "IV"),
        (14, "lowerRoman", "xiv"),
        (2, "lowerLetter", "b"),
        (27, "lowerLetter", "aa"),
        (28, "upperLetter", "BB"),
        (3, "decimalZero", "03"),
        (2, "ordinal", "2nd"),
        (11, "ordinal", "11th"),
        (3, "cardinalText", "Three"),
        (5, "none", ""),
    ],
)
def test_word_number_formats(n: int, fmt: str, shown: str) -> None:
    assert format_number(n, fmt) == shown


def test_deadline_interrupts_a_long_call_in_the_main_thread() -> None:
    deadline = Deadline(0.2, "slow.pdf")
    message = "slow.pdf: reading took longer than the limit of 0.2 s"
    with pytest.raises(ProcessingTimeout, match=message), enforced(deadline):
        while True:  # a library loop that never checks the deadline: only the alarm ends it
            sum(range(1000))
    assert deadline.expired


def test_cooperative_deadline_without_alarm() -> None:
    deadline = Deadline(0.05, "x")
    with enforced(deadline, preemptive=False):
        time.sleep(0.1)  # nothing interrupts; the next check raises
    with pytest.raises(ProcessingTimeout):
        deadline.check()
