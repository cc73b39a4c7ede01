"""The one sentence splitter, on contract language."""

from __future__ import annotations

from contract_analyzer.text.sentences import ends_sentence, sentence_around, sentence_spans


def _split(text: str, **kw) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text, **kw)]


def test_sentence_ends_quotes_and_abbreviations() -> None:
    text = (
        'The date is called the "Closing Date." After that, Acme Inc. shall pay 10 U.S. '
        "Dollars. See Sec. 4 below; the rest follows."
    )
    assert _split(text) == [
        'The date is called the "Closing Date."',
        "After that, Acme Inc. shall pay 10 U.S. Dollars.",
        "See Sec. 4 below; the rest follows.",  # a lower-case word goes on the sentence
    ]


def test_list_items_blank_lines_and_numbered_lines() -> None:
    text = "Provider shall: (a) deliver the work. (b) return the materials.\n\n3.1 Fees\nare due."
    assert _split(text)[0] == "Provider shall: (a) deliver the work. (b) return the materials."
    assert _split(text, items=True) == [
        "Provider shall: (a) deliver the work.",
        "(b) return the materials.",
        "3.1 Fees\nare due.",
    ]
    # with colon=True a list introduction stands alone
    assert _split("Provider shall: Deliver the work.", colon=True) == [
        "Provider shall:",
        "Deliver the work.",
    ]


def test_offsets_windows_and_long_runs() -> None:
    text = "Intro. " + "word " * 400 + "end. Last one."
    spans = sentence_spans(text, max_chars=500)
    assert all(b - a <= 500 for a, b in spans)
    assert text[spans[-1][0] : spans[-1][1]] == "Last one."
    inner = sentence_spans(text, 7, 30)
    assert inner[0][0] == 7 and inner[-1][1] <= 30


def test_sentence_around_a_match() -> None:
    text = "First sentence here. The cap is twelve months of fees. Third one."
    i = text.index("twelve")
    s, e = sentence_around(text, i, i + 6)
    assert text[s:e] == "The cap is twelve months of fees."
    s, e = sentence_around(text, i, i + 6, limit=5)
    assert e - s <= 16


def test_ends_sentence() -> None:
    assert ends_sentence('the Services.")')
    assert ends_sentence("as follows:")
    assert not ends_sentence("the Customer shall")
