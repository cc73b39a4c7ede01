"""Dates counted from a named event: "thirty (30) days after the Effective Date", "on the first
anniversary of the Closing Date", "five (5) years from the date hereof".

A :class:`RelativeDate` names its anchor ("Effective Date") and the offset; its ``value`` is
computed when the anchor's date is known (pass ``anchors={"Effective Date": date(...)}``).
The duration comes from the spaCy durations extractor; the anchor is the defined term (or
"date hereof" / "date first written above") right after "after", "following", "from",
"prior to", "before" or "of" (for anniversaries).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from contract_analyzer.facts.arith import add_period
from contract_analyzer.facts.durations import Duration
from contract_analyzer.text.numbers import ORDINAL_TENS, ORDINAL_UNITS, words_to_int

Direction = Literal["after", "before"]

_ANCHOR = (
    r"(?:the\s+)?(?:"
    r"date\s+(?:hereof|of\s+this\s+(?:agreement|contract)|first\s+(?:above\s+)?(?:written|set\s+forth|stated)(?:\s+above)?"
    r"|of\s+(?:execution|signature|signing)(?:\s+of\s+this\s+(?:agreement|contract))?)"
    r"|execution\s+(?:date\s+)?(?:of\s+this\s+(?:agreement|contract))?"
    r"|(?:[A-Z][\w'-]*\s+){0,3}(?:Date|Day|Term)\b"
    r")"
)
_AFTER = re.compile(
    r"[\s’'\"]*(?P<rel>after|following|from|beyond|prior\s+to|before|preceding|in\s+advance\s+of|of)\s+"
    r"(?P<anchor>" + _ANCHOR + r")"
)
_ORDINAL_WORD = "|".join(sorted([*ORDINAL_UNITS, *ORDINAL_TENS], key=len, reverse=True))
_ANNIVERSARY = re.compile(
    r"(?:the\s+)?(?P<n>(?:(?:twenty|thirty|forty|fifty)[\s-])?(?:" + _ORDINAL_WORD + r")"
    r"|\d{1,2}(?:st|nd|rd|th)"
    r"|(?P<nyears>[a-z]+(?:[\s-][a-z]+)?\s*(?:\(\d{1,2}\))?|\d{1,2})[\s-]*year)"
    r"\s+anniversary\s+of\s+(?P<anchor>" + _ANCHOR + r")",
    re.IGNORECASE,
)
_DIGIT_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")
# Every _ANNIVERSARY match contains the word "anniversary" and lies within one run of the
# characters below (letters, digits, spaces, hyphens, apostrophes, brackets), so it is
# looked for only in the runs around that word, not tried at every position of the text.
_ANNIVERSARY_WORD = re.compile("anniversary", re.IGNORECASE)
_RUN_CHAR = re.compile(r"[\w\s()'-]")
_RUN = re.compile(r"[\w\s()'-]*")


def _anniversaries(text: str) -> Iterable[re.Match[str]]:
    """``_ANNIVERSARY.finditer(text)``, searched only where a match can be."""
    end = 0  # the end of the last run searched
    for word in _ANNIVERSARY_WORD.finditer(text):
        if word.start() < end:
            continue
        start = word.start()
        while start > 0 and _RUN_CHAR.match(text, start - 1):
            start -= 1
        end = _RUN.match(text, word.end()).end()  # type: ignore[union-attr]
        yield from _ANNIVERSARY.finditer(text, start, end)


@dataclass(frozen=True)
class RelativeDate:
    """A date written as an offset from a named event.

    ``amount``/``unit`` is the offset (an anniversary is ``n`` years), ``direction`` "after"
    or "before", ``anchor`` the event's name as written ("Effective Date"), ``value`` the
    date once the anchor is known, and ``derivation`` the arithmetic ("2024-03-01 + 30 days").
    """

    text: str
    start: int
    end: int
    amount: Decimal
    unit: str
    direction: Direction
    anchor: str
    business: bool = False
    anniversary: bool = False
    value: date | None = None
    derivation: str | None = None

    def resolve(self, anchor_date: date) -> RelativeDate:
        """This relative date with ``value`` computed from the anchor's date."""
        sign = 1 if self.direction == "after" else -1
        value = add_period(anchor_date, sign * self.amount, self.unit, business=self.business)
        amount = f"{self.amount.normalize():f}"
        plural = "" if self.amount == 1 else "s"
        kind = "business " if self.business else ""
        op = "+" if sign > 0 else "-"
        derivation = f"{self.anchor} {anchor_date.isoformat()} {op} {amount} {kind}{self.unit}{plural} = {value.isoformat()}"
        return RelativeDate(**{**self.__dict__, "value": value, "derivation": derivation})


def normalize_anchor(anchor: str) -> str:
    """A canonical anchor name: "the Effective Date" -> "effective date"; the "date hereof"
    forms -> "date hereof"."""
    a = re.sub(r"\s+", " ", anchor.strip().lower())
    a = re.sub(r"^the ", "", a)
    if a.startswith("date") and (
        "hereof" in a or "this agreement" in a or "first" in a or "this contract" in a
    ):
        return "date hereof"
    if a.startswith("execution") or "signature" in a or "signing" in a or "execution" in a:
        return "execution date"
    return a


def _anniversary_years(m: re.Match[str]) -> int | None:
    text = m.group("n").lower()
    d = _DIGIT_ORDINAL.fullmatch(text)
    if d:
        return int(d.group(1))
    if m.group("nyears"):
        inner = re.search(r"\((\d{1,2})\)", text)
        if inner:
            return int(inner.group(1))
        head = re.sub(r"[\s-]*year$", "", text).strip()
        if head.isdigit():
            return int(head)
        return words_to_int(re.split(r"[\s-]+", head))
    return words_to_int(re.split(r"[\s-]+", text))


def resolve(items: Iterable[RelativeDate], anchors: Mapping[str, date]) -> list[RelativeDate]:
    """``items`` with ``value`` set where ``anchors`` (name -> date) knows the anchor; names
    in any case, "the" optional, the "date hereof" forms as one (see :func:`normalize_anchor`)."""
    known = {normalize_anchor(k): v for k, v in anchors.items()}
    return [_resolved(item, known) for item in items]


def relative_dates_from(text: str, durations: Sequence[Duration]) -> list[RelativeDate]:
    """The relative dates of ``text`` (unresolved), given the durations found in it."""
    out: list[RelativeDate] = []
    for d in durations:
        if d.amount is None or d.unit in ("hour", "minute", "second"):
            continue
        m = _AFTER.match(text, d.end)
        if not m or m.group("rel").lower() == "of":
            continue
        rel = m.group("rel").lower()
        direction: Direction = (
            "before" if rel.startswith(("prior", "before", "preceding", "in advance")) else "after"
        )
        anchor = re.sub(r"\s+", " ", m.group("anchor")).strip()
        if anchor.lower().startswith("the "):
            anchor = anchor[4:]
        item = RelativeDate(
            text=text[d.start : m.end()],
            start=d.start,
            end=m.end(),
            amount=d.amount,
            unit=d.unit,
            direction=direction,
            anchor=anchor,
            business=d.business,
        )
        out.append(item)
    for m in _anniversaries(text):
        years = _anniversary_years(m)
        if years is None or years <= 0:
            continue
        anchor = re.sub(r"\s+", " ", m.group("anchor")).strip()
        if anchor.lower().startswith("the "):
            anchor = anchor[4:]
        item = RelativeDate(
            text=m.group(),
            start=m.start(),
            end=m.end(),
            amount=Decimal(years),
            unit="year",
            direction="after",
            anchor=anchor,
            anniversary=True,
        )
        out.append(item)
    out.sort(key=lambda r: (r.start, -r.end))
    kept: list[RelativeDate] = []
    for r in out:
        if kept and r.start < kept[-1].end:
            continue
        kept.append(r)
    return kept


def _resolved(item: RelativeDate, known: Mapping[str, date]) -> RelativeDate:
    anchor_date = known.get(normalize_anchor(item.anchor))
    return item.resolve(anchor_date) if anchor_date is not None else item
