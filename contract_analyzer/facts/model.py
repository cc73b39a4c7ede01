"""The Facts of one document: every mention the facts stage found, made once and passed on.

Later stages (key dates, the checker, obligations) read facts from here instead of running
the extractors again; ``Facts.within(start, end)`` gives the view of one clause or sentence.
Mentions keep their offsets into the document's text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from contract_analyzer.facts.dates import DateMention
from contract_analyzer.facts.durations import Duration
from contract_analyzer.facts.money import Money, Percentage
from contract_analyzer.facts.relative import RelativeDate
from contract_analyzer.text.parties import DefinedTerm, Party


class _Spanned(Protocol):
    start: int
    end: int


M = TypeVar("M", bound=_Spanned)


def _inside(items: Sequence[M], starts: Sequence[int], start: int, end: int) -> tuple[M, ...]:
    """The items (sorted by start) that lie wholly in ``[start, end)``."""
    out = []
    for i in range(bisect_left(starts, start), len(items)):
        item = items[i]
        if item.start >= end:
            break
        if item.end <= end:
            out.append(item)
    return tuple(out)


@dataclass(frozen=True)
class Facts:
    """Dates, durations, money, percentages, relative dates, parties and defined terms.

    Every tuple is in text order. ``relative_dates`` are not resolved (their anchors' dates are
    the key-date stage's business: see :func:`contract_analyzer.facts.relative.resolve`).
    ``parties`` and ``defined_terms`` describe the whole contract and are kept as they are by
    :meth:`within`.
    """

    dates: tuple[DateMention, ...] = ()
    durations: tuple[Duration, ...] = ()
    money: tuple[Money, ...] = ()
    percentages: tuple[Percentage, ...] = ()
    relative_dates: tuple[RelativeDate, ...] = ()
    parties: tuple[Party, ...] = ()
    defined_terms: tuple[DefinedTerm, ...] = ()
    _starts: dict[str, tuple[int, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    _SPANNED = ("dates", "durations", "money", "percentages", "relative_dates")

    def __post_init__(self) -> None:
        for name in self._SPANNED:
            items = tuple(sorted(getattr(self, name), key=lambda m: (m.start, m.end)))
            object.__setattr__(self, name, items)
            self._starts[name] = tuple(m.start for m in items)

    def within(self, start: int, end: int) -> Facts:
        """The facts whose spans lie wholly inside ``[start, end)`` (a clause's view)."""
        return Facts(
            **{n: _inside(getattr(self, n), self._starts[n], start, end) for n in self._SPANNED},
            parties=self.parties,
            defined_terms=self.defined_terms,
        )

    def __len__(self) -> int:
        return sum(len(getattr(self, n)) for n in self._SPANNED)
