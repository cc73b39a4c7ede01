"""The facts stage: :func:`extract_facts` runs the spaCy fact pipeline once over a document,
every kind at once. The single extractors (``extract_dates`` ...) are the same pipeline for one
kind, for callers that want only that kind of a short text; the analysis never uses them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import TypeVar

from spacy.tokens import Doc

from contract_analyzer.document import Document
from contract_analyzer.facts import pipeline as pl
from contract_analyzer.facts.dates import DateMention, mentions_from_parsed
from contract_analyzer.facts.durations import Duration, durations_from_doc
from contract_analyzer.facts.matching import Parsed
from contract_analyzer.facts.model import Facts
from contract_analyzer.facts.money import Money, Percentage, money_from_doc, percentages_from_doc
from contract_analyzer.facts.relative import RelativeDate, relative_dates_from, resolve
from contract_analyzer.settings import Settings
from contract_analyzer.text.parties import extract_defined_terms, extract_parties

M = TypeVar("M")


def extract_facts(
    source: Document | str,
    *,
    settings: Settings | None = None,
    reference: date | datetime | None = None,
) -> Facts:
    """Every fact of a document (or a text), found in one pass: run it once per document and
    hand the :class:`Facts` to the later stages.

    ``settings.date_order`` reads ambiguous numeric dates; ``reference`` resolves dates without
    a year and deictic ones ("tomorrow"), as in :func:`extract_dates`.
    """
    text = source.text if isinstance(source, Document) else source
    if not text:
        return Facts()
    parsed = pl.parse(text, pl.KINDS)
    durations = _read(parsed, durations_from_doc)
    return Facts(
        dates=tuple(mentions_from_parsed(parsed, settings=settings, reference=reference)),
        durations=tuple(durations),
        money=tuple(_read(parsed, money_from_doc)),
        percentages=tuple(_read(parsed, percentages_from_doc)),
        relative_dates=tuple(relative_dates_from(text, durations)),
        parties=tuple(extract_parties(text)),
        defined_terms=tuple(extract_defined_terms(text)),
    )


def extract_dates(
    text: str,
    *,
    settings: Settings | None = None,
    reference: date | datetime | None = None,
) -> list[DateMention]:
    """Every date mentioned in ``text``, in order, with spans and normalized values.

    ``settings.date_order`` ("MDY" or "DMY") reads ambiguous all-numeric dates when the text
    itself does not show the order; ``reference`` (a date) resolves dates without a year and
    relative ones ("tomorrow"). Section numbers, money, percentages and statute citations are
    not dates. Never raises on ordinary text.
    """
    if not text:
        return []
    return mentions_from_parsed(pl.parse(text, ("dates",)), settings=settings, reference=reference)


def extract_dates_many(
    texts: Iterable[str],
    *,
    settings: Settings | None = None,
    reference: date | datetime | None = None,
    batch_size: int = 256,
) -> list[list[DateMention]]:
    """:func:`extract_dates` over many texts with ``nlp.pipe`` (faster for many short texts)."""
    return [
        mentions_from_parsed(parsed, settings=settings, reference=reference)
        for parsed in pl.parse_many(texts, ("dates",), batch_size=batch_size)
    ]


def _read(parsed: Parsed, read: Callable[[Doc, int], list[M]]) -> list[M]:
    """The mentions ``read`` finds in each parsed window, offsets into the whole text."""
    return [m for offset, doc in parsed for m in read(doc, offset)]


def _one_kind(text: str, kind: str, read: Callable[[Doc, int], list[M]]) -> list[M]:
    return _read(pl.parse(text, (kind,)), read) if text else []


def _many(
    texts: Iterable[str], kind: str, read: Callable[[Doc, int], list[M]], batch_size: int
) -> list[list[M]]:
    return [_read(parsed, read) for parsed in pl.parse_many(texts, (kind,), batch_size)]


def extract_durations(text: str) -> list[Duration]:
    """Every duration in ``text`` ("thirty (30) days", "36 months", "net 45"), in order."""
    return _one_kind(text, "durations", durations_from_doc)


def extract_durations_many(texts: Iterable[str], batch_size: int = 256) -> list[list[Duration]]:
    """:func:`extract_durations` over many texts with ``nlp.pipe``."""
    return _many(texts, "durations", durations_from_doc, batch_size)


def extract_money(text: str) -> list[Money]:
    """Every amount of money in ``text`` (not percentages: see :func:`extract_percentages`)."""
    return _one_kind(text, "money", money_from_doc)


def extract_money_many(texts: Iterable[str], batch_size: int = 256) -> list[list[Money]]:
    """:func:`extract_money` over many texts with ``nlp.pipe``."""
    return _many(texts, "money", money_from_doc, batch_size)


def extract_percentages(text: str) -> list[Percentage]:
    """Every percentage in ``text`` ("99.9%", "fifty percent (50%)")."""
    return _one_kind(text, "percentages", percentages_from_doc)


def extract_relative_dates(
    text: str,
    *,
    anchors: Mapping[str, date] | None = None,
    durations: list[Duration] | None = None,
) -> list[RelativeDate]:
    """Dates written relative to a named event, resolved when ``anchors`` gives its date.

    ``anchors`` maps anchor names (any case; "the" optional) to dates, e.g.
    ``{"Effective Date": date(2024, 3, 1)}``; "date hereof" covers "the date hereof", "the
    date of this Agreement" and "the date first written above". ``durations``: the durations
    of ``text`` when already found.
    """
    if durations is None:
        durations = extract_durations(text)
    return resolve(relative_dates_from(text, durations), anchors or {})
