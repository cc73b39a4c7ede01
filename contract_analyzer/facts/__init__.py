"""Facts in contract text: dates, durations, money, percentages, parties, relative and key dates.

Every mention carries its span (``start``/``end`` offsets into the text given) and a
normalized value. Detection runs on a spaCy pipeline (``contract_analyzer.facts.pipeline``)
built on ``spacy.blank("en")``; see each module for its conventions.

* :func:`extract_dates` -> :class:`DateMention` (``value``: ``datetime.date`` or None)
* :func:`extract_durations` -> :class:`Duration` (``amount``, ``unit``, ``days``)
* :func:`extract_money` -> :class:`Money` (amount, currency, period); percentages are separate:
  :func:`extract_percentages` -> :class:`Percentage`
* :func:`extract_parties` -> :class:`Party` (name, role, description) and the defined terms
* :func:`extract_relative_dates` -> :class:`RelativeDate` ("30 days after the Effective Date")
* :func:`extract_key_dates` -> :class:`KeyDate` (effective, expiry, renewal, notice deadline...)
"""

from contract_analyzer.facts.dates import DateMention, extract_dates, extract_dates_many
from contract_analyzer.facts.durations import Duration, extract_durations, extract_durations_many
from contract_analyzer.facts.keydates import KeyDate, extract_key_dates
from contract_analyzer.facts.money import (
    Money,
    Percentage,
    extract_money,
    extract_money_many,
    extract_percentages,
)
from contract_analyzer.facts.parties import (
    DefinedTerm,
    Party,
    extract_defined_terms,
    extract_parties,
)
from contract_analyzer.facts.relative import RelativeDate, extract_relative_dates

__all__ = [
    "DateMention",
    "DefinedTerm",
    "Duration",
    "KeyDate",
    "Money",
    "Party",
    "Percentage",
    "RelativeDate",
    "extract_dates",
    "extract_dates_many",
    "extract_defined_terms",
    "extract_durations",
    "extract_durations_many",
    "extract_key_dates",
    "extract_money",
    "extract_money_many",
    "extract_parties",
    "extract_percentages",
    "extract_relative_dates",
]
