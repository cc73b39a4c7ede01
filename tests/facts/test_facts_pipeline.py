"""The spaCy pipeline itself: tokenizer offsets, components, and nlp(text) == the windowed path."""

from __future__ import annotations

from contract_analyzer.facts import extract_dates, extract_dates_many, extract_durations
from contract_analyzer.facts.pipeline import get_nlp
from contract_analyzer.facts.scan import scan

TEXT = (
    "This Agreement is dated March 1,\n2024. Fees of $12,500 per month are due within thirty (30) "
    "days; uptime is 99.9%. The term renews on 2025-03-01 unless notice is given ninety (90) days "
    "before. See Section 12.3."
)


def test_tokenizer_keeps_offsets_and_numeric_groups() -> None:
    doc = get_nlp().make_doc(TEXT)
    assert doc.text == TEXT
    words = [t.text for t in doc]
    assert "2025-03-01" in words and "12,500" in words and "12.3" in words


def test_components_are_spacy_pipes() -> None:
    nlp = get_nlp()
    assert nlp.pipe_names == ["ca_dates", "ca_durations", "ca_money", "ca_percentages"]
    doc = nlp(TEXT)
    assert [s.text for s in doc.spans["dates"]] == ["March 1,\n2024", "2025-03-01"]
    assert [s.text for s in doc.spans["money"]] == ["$12,500"]
    assert [s.text for s in doc.spans["percentages"]] == ["99.9%"]
    assert [s.text for s in doc.spans["durations"]] == ["thirty (30) days", "ninety (90) days"]


def test_whole_text_and_windows_agree() -> None:
    doc = get_nlp()(TEXT)
    windowed = extract_dates(TEXT)
    assert [(s.start_char, s.end_char) for s in doc.spans["dates"]] == [
        (m.start, m.end) for m in windowed
    ]
    assert [d.text for d in extract_durations(TEXT)] == [s.text for s in doc.spans["durations"]]


def test_batches_through_nlp_pipe_give_the_same_answers() -> None:
    texts = [TEXT, "", "no dates here", "signed 3-14-18 and 15 June 2016"]
    assert extract_dates_many(texts) == [extract_dates(t) for t in texts]


def test_scanner_skips_text_without_triggers() -> None:
    assert scan("The parties shall cooperate in good faith.", ("dates", "money")) == []
    windows = scan(TEXT, ("dates",))
    assert windows and all(0 <= w.start < w.end <= len(TEXT) for w in windows)
