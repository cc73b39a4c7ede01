"""Facts in contract text: dates, durations, money, percentages, parties, relative dates.

:func:`extract_facts` is the stage: one pass over a document gives its :class:`Facts`, which
the later stages read (``facts.within(start, end)`` for a clause's view) instead of running
the extractors again. Every mention carries its span (``start``/``end`` offsets into the text
given) and a normalized value. Detection runs on a spaCy pipeline
(:mod:`contract_analyzer.facts.pipeline`) built on ``spacy.blank("en")``; see each module for
its conventions.

The single extractors serve callers that want one kind from a short text:

* :func:`extract_dates` -> :class:`DateMention` (``value``: ``datetime.date`` or None)
* :func:`extract_durations` -> :class:`Duration` (``amount``, ``unit``, ``days``)
* :func:`extract_money` -> :class:`Money` (amount, currency, period); percentages are separate:
  :func:`extract_percentages` -> :class:`Percentage`
* :func:`extract_parties` -> :class:`Party` (name, role, description) and the defined terms
* :func:`extract_relative_dates` -> :class:`RelativeDate` ("30 days after the Effective Date")
"""

from contract_analyzer.facts.dates import DateMention
from contract_analyzer.facts.durations import Duration
from contract_analyzer.facts.extract import (
    extract_dates,
    extract_dates_many,
    extract_durations,
    extract_durations_many,
    extract_facts,
    extract_money,
    extract_money_many,
    extract_percentages,
    extract_relative_dates,
)
from contract_analyzer.facts.model import Facts
from contract_analyzer.facts.money import Money, Percentage
from contract_analyzer.facts.relative import RelativeDate
from contract_analyzer.text.parties import (
    DefinedTerm,
    Party,
    extract_defined_terms,
    extract_parties,
)
from contract_analyzer.validate import (
    check_document_or_text,
    check_positive,
    check_settings,
    check_text,
    check_texts,
    checked,
)

# the public extractors check their arguments first (a bad one is an InvalidArgument)
_TEXT = {"text": check_text, "settings": check_settings}
extract_dates = checked(extract_dates, _TEXT)
extract_durations = checked(extract_durations, _TEXT)
extract_money = checked(extract_money, _TEXT)
extract_percentages = checked(extract_percentages, _TEXT)
extract_parties = checked(extract_parties, _TEXT)
extract_defined_terms = checked(extract_defined_terms, _TEXT)
extract_relative_dates = checked(extract_relative_dates, _TEXT)
_TEXTS = {
    "texts": check_texts,
    "settings": check_settings,
    "batch_size": lambda v, name: check_positive(v, name, integer=True),
}
extract_dates_many = checked(extract_dates_many, _TEXTS)
extract_durations_many = checked(extract_durations_many, _TEXTS)
extract_money_many = checked(extract_money_many, _TEXTS)
extract_facts = checked(
    extract_facts, {"source": check_document_or_text, "settings": check_settings}
)

__all__ = [
    "DateMention",
    "DefinedTerm",
    "Duration",
    "Facts",
    "Money",
    "Party",
    "Percentage",
    "RelativeDate",
    "extract_dates",
    "extract_dates_many",
    "extract_defined_terms",
    "extract_durations",
    "extract_durations_many",
    "extract_facts",
    "extract_money",
    "extract_money_many",
    "extract_parties",
    "extract_percentages",
    "extract_relative_dates",
]
