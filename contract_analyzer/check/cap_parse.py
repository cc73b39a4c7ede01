"""Reading a limitation-of-liability clause: the caps it sets, the damages it excludes, the
time limits on claims and the carve-outs from all of them.

One reading serves the liability rules, the report's :class:`LiabilityCap` and the CUAD
answers (``cap_on_liability``, ``uncapped_liability``), so the three never disagree.

A cap sentence puts a ceiling on the amount recoverable ("shall not exceed", "limited to",
"maximum liability"). Its *kind* is read from the words and the document's facts:

- ``fixed_amount``: a sum of money ("$100,000");
- ``fees_period``: fees paid or payable over a look-back period ("the fees paid in the twelve
  (12) months preceding the claim", "one month's fees");
- ``fees_multiple``: a multiple or share of the fees or the price ("two times the fees",
  "50% of the annual fees", "the amounts paid under this Agreement");
- ``insurance``: limited to the proceeds or limits of insurance;
- ``unparsed``: a cap whose amount could not be read (kept with its evidence);
- ``none``: no cap sentence (see :attr:`LiabilityReading.exclusions`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contract_analyzer.facts import Facts
from contract_analyzer.text.numbers import UNITS
from contract_analyzer.text.sentences import sentence_around, sentence_spans

DAYS_PER_MONTH = 365.25 / 12
CAP_KINDS: tuple[str, ...] = (
    "fixed_amount",
    "fees_period",
    "fees_multiple",
    "insurance",
    "unparsed",
    "none",
)


def _rx(*phrases: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in phrases), re.IGNORECASE)


# A ceiling on the amount recoverable (not just an exclusion of consequential damages).
CAP = _rx(
    r"\b(?:shall|will|does|do|may|must|should)\s+not\s+(?:\w+\s+){0,2}(?:in\s+(?:the\s+)?aggregate\s+)?exceed\b",
    r"\bin\s+no\s+(?:event|case)\b[^.]{0,300}\bexceed\b",
    r"\bnot\s+to\s+exceed\b",
    # "shall Smith be liable to TDA for any amount in excess of the amounts actually received"
    r"\bliable\b[^.]{0,200}\bfor\s+any\s+amount\s+(?:in\s+excess\s+of|exceeding|greater\s+than|more\s+than)\b",
    r"\b(?:contribute|pay)\s+any\s+amount\s+in\s+excess\s+of\b",
    r"\bnot\s+(?:be\s+)?(?:more|greater|in\s+excess)\s+(?:than|of)\b",
    r"\b(?:aggregate|total|maximum|cumulative|entire|overall)\s+(?:\w+\s+){0,3}liability\b[^.]{0,300}\b(?:limited|exceed|not\s+(?:be\s+)?(?:more|greater)\s+than|capped|shall\s+be)\b",
    r"\bliabilit(?:y|ies)\b[^.]{0,250}\b(?:is|be|are|being)\s+(?:\w+\s+)?limited\s+to\b",
    r"\blimited\s+to\s+(?:the\s+)?(?:\w+\s+){0,3}(?:amount|sum|fees?|price|payments?|proceeds)\b",
    r"\bliability\s+cap\b",
    r"\bcap\s+(?:on|of)\s+(?:\w+\s+)?liability\b",
    r"\b(?:general|increased|super)\s*cap\b",
)
LIABILITY = re.compile(
    r"\bliab\w*|\bdamages\b|\brecover|\bclaims?\b|\bremed(?:y|ies)\b|\breimburse", re.IGNORECASE
)
# Other ceilings that are not a cap on liability.
OTHER_CEILING = _rx(
    r"\bnot-to-exceed\b",
    r"\bfees\s+under\s+this\s+sow\b",
    r"\b(?:deductible|self-insured\s+retention)\b",
    r"\b(?:interest|late\s+(?:fee|charge))\b[^.]{0,80}\bexceed",
    r"\bexceed\b[^.]{0,60}\b(?:maximum|highest)\s+(?:rate|amount)\s+(?:permitted|allowed)\s+by\s+(?:applicable\s+)?law\b",
)
# An exclusion of kinds of damages: CUAD counts it as a limitation of liability.
EXCLUSION = _rx(
    r"\b(?:not|never|neither|nor|no(?:\s+event|\s+case)?)\b[^.]{0,250}\b(?:liable|liabilit(?:y|ies)|responsible|recover)\b[^.]{0,400}\b(?:indirect|consequential|special|incidental|punitive|exemplary|lost\s+profits?|loss\s+of\s+(?:profits?|revenue|data|business))\b",
    r"\b(?:indirect|consequential|special|incidental|punitive|exemplary)\b[^.]{0,200}\b(?:damages|losses)\b[^.]{0,200}\b(?:excluded|disclaim|waive|not\s+(?:be\s+)?(?:liable|recoverable|responsible))",
    r"\b(?:waives?|disclaims?|releases?)\b[^.]{0,200}\b(?:indirect|consequential|special|incidental|punitive|exemplary)\b[^.]{0,60}\bdamages\b",
    r"\bdisclaims?\s+(?:all\s+)?(?:obligations\s+and\s+)?liabilit",
    r"\b(?:shall|will)\s+(?:not|in\s+no\s+event)\s+be\s+(?:held\s+)?(?:liable|responsible)\b[^.]{0,200}\b(?:loss|losses|damages?|claims?|errors?|delays?)\b",
    r"\bsole\s+(?:and\s+exclusive\s+)?(?:remedy|obligation|liability)\b",
    r"\bexclusive\s+remed(?:y|ies)\b",
    r"\bliability\s+exclusions?\b",
    r"\bliability\b[^.]{0,150}\bsubject\s+to\s+the\s+following\s+limitations?\b",
    r"\bno\s+liability\b[^.]{0,200}\b(?:termination|expiration|damages)\b",
)
# A time limit on bringing claims: CUAD counts it as a cap.
TIME_LIMIT = _rx(
    r"\b(?:no|any)\s+(?:action|claim|suit|proceeding)s?\b[^.]{0,200}\b(?:brought|commenced|filed|asserted|made)\b[^.]{0,120}\b(?:more\s+than|within|after)\b[^.]{0,40}\b(?:years?|months?|days?)\b",
)
UNLIMITED = _rx(
    r"\bunlimited\s+liability\b",
    r"\bliability\b[^.]{0,80}\b(?:shall|will)\s+(?:be\s+)?(?:unlimited|not\s+be\s+limited)\b",
    r"\bno\s+(?:limit|cap|limitation)\s+(?:on|to|of)\s+(?:the\s+)?(?:\w+\s+)?(?:party's\s+|parties'\s+|its\s+|their\s+)?liability\b",
    r"\bliability\b[^.]{0,80}\b(?:is|are|shall\s+be|will\s+be)\s+unlimited\b",
    r"\bliability\b[^.]{0,120}\bnot\s+(?:be\s+)?subject\s+to\s+any\s+(?:monetary\s+)?(?:cap|limit)",
)
# Carve-outs: what a cap or exclusion does not apply to.
CARVE_OUT_CUE = _rx(
    r"\bexcept\b",
    r"\bexclud(?:ing|es?)\b",
    r"\b(?:does|shall|will)\s+not\s+apply\b",
    r"\bother\s+than\b",
    r"\bcarve",
    r"\bsubject\s+to\b",
    r"\bnotwithstanding\b",
    r"\bprovided\s+(?:that|however)\b",
    r"\bshall\s+not\s+(?:limit|be\s+limited)\b",
    r"\bwith\s+the\s+exception\s+of\b",
)
CARVE_OUTS: dict[str, re.Pattern[str]] = {
    "confidentiality": _rx(r"\bconfidential"),
    "intellectual_property": _rx(
        r"\bintellectual\s+property\b",
        r"\binfring",
        r"\bmisappropriat",
        r"\bproprietary\s+rights\b",
    ),
    "indemnity": _rx(r"\bindemni"),
    "gross_negligence": _rx(r"\bgross(?:ly)?\s+negligen"),
    "wilful_misconduct": _rx(r"\bwil+ful\s+misconduct\b", r"\bintentional\s+misconduct\b"),
    "fraud": _rx(r"\bfraud"),
    "death_personal_injury": _rx(r"\b(?:death|personal\s+injury|bodily\s+injury)\b"),
    "data_protection": _rx(r"\b(?:data\s+protection|personal\s+data|data\s+breach|privacy)\b"),
    "payment": _rx(r"\b(?:payment\s+obligations|fees\s+(?:due|owed|payable))\b"),
}

_TIMES = re.compile(
    r"\b(?:(?P<word>one|two|three|four|five|six|seven|eight|nine|ten)\s*)?"
    r"(?:\((?P<digits>\d+(?:\.\d+)?)\)\s*)?(?P<bare>\d+(?:\.\d+)?)?\s*(?:times|x)\b"
    r"|\b(?P<twice>twice|double|two-fold|treble|triple)\b",
    re.IGNORECASE,
)
FEES = re.compile(
    r"\b(?:fees?|charges?|amounts?|sums?|payments?|consideration|compensation|royalt(?:y|ies)|"
    r"monies|moneys|revenues?|price|purchase\s+price|contract\s+(?:price|value))\b",
    re.IGNORECASE,
)
FEES_BASIS = re.compile(
    r"\b(?:paid|payable|received|owed|due|invoiced|billed|stated|set\s+forth|actually)\b|"
    r"\bunder\s+(?:this|the)\b|\bprice\b|\bcontract\s+value\b",
    re.IGNORECASE,
)
# a multiple of the price of the contract itself ("two (2) times the total price of this Order")
PRICE_BASIS = re.compile(
    r"\b(?:total\s+|purchase\s+|contract\s+)?price\b|\bcontract\s+value\b", re.I
)
LOOKBACK = re.compile(
    r"\b(?:preceding|prior\s+to|before|immediately\s+preceding|during|in|within|over|for|of)\b"
    r"[^.;]{0,40}$",
    re.IGNORECASE,
)
INSURANCE = re.compile(
    r"\binsurance\b[^.]{0,80}\b(?:coverage|limits?|proceeds|policy|policies|maintained|available)\b|"
    r"\b(?:coverage|proceeds|limits?)\b[^.]{0,40}\binsurance\b",
    re.IGNORECASE,
)
SUBJECT = re.compile(
    r"\b(?P<who>(?i:either|each|neither|any)\s+(?i:party)|(?i:the\s+parties)|"
    r"(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)(?:'s|’s|s'|'S|’S)?\s+(?:\w+\s+){0,3}(?i:liabilit)"
    r"|\b(?i:liability)\s+of\s+(?:the\s+)?(?P<of>(?i:either|each|any)\s+(?i:party)|"
    r"(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)",
)
NOT_A_PARTY = frozenset(
    {
        "the",
        "its",
        "their",
        "our",
        "total",
        "aggregate",
        "maximum",
        "cumulative",
        "entire",
        "in",
        "no",
        "event",
        "such",
        "any",
        "all",
        "liability",
        "overall",
        "party",
        "will",
        "shall",
        "may",
        "case",
        "under",
        "this",
        "agreement",
        "notwithstanding",
        "except",
        "subject",
    }
)


@dataclass(frozen=True)
class CarveOut:
    """A matter a cap or exclusion does not apply to (``category``), and where it is said."""

    category: str
    start: int
    end: int


@dataclass(frozen=True)
class CapTerm:
    """One cap sentence as parsed: its kind, amount or formula, look-back period, evidence."""

    kind: str
    start: int
    end: int
    amount: float | None = None
    currency: str | None = None
    multiple: float | None = None
    formula: str | None = None
    period: str | None = None
    period_months: float | None = None
    party: str | None = None
    description: str = ""

    @property
    def has_amount(self) -> bool:
        """True when the cap names a sum, a multiple or a formula (not ``unparsed``)."""
        return self.kind != "unparsed"


@dataclass(frozen=True)
class LiabilityReading:
    """Everything the contract says that limits liability."""

    caps: tuple[CapTerm, ...] = ()
    exclusions: tuple[tuple[int, int], ...] = ()
    time_limits: tuple[tuple[int, int], ...] = ()
    unlimited: tuple[tuple[int, int], ...] = ()
    carve_outs: tuple[CarveOut, ...] = ()

    @property
    def limited(self) -> bool:
        """True when anything limits liability: a cap, an exclusion or a time limit on claims."""
        return bool(self.caps or self.exclusions or self.time_limits)


def _flat(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())


def _multiple(sentence: str) -> float | None:
    for m in _TIMES.finditer(sentence):
        if m.group("twice"):
            return 3.0 if m.group("twice").lower() in {"treble", "triple"} else 2.0
        for group in ("digits", "bare"):
            if m.group(group):
                return float(m.group(group))
        if m.group("word"):
            return float(UNITS[m.group("word").lower()])
    return None


def is_cap_sentence(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` puts a ceiling on liability."""
    flat = _flat(text, start, end)
    return bool(
        flat and CAP.search(flat) and LIABILITY.search(flat) and not OTHER_CEILING.search(flat)
    )


def parse_cap(text: str, facts: Facts, start: int, end: int) -> CapTerm:
    """The kind, amount or formula and period of the cap sentence ``text[start:end]``."""
    sentence = _flat(text, start, end)
    inside = facts.within(start, end)
    money = [m for m in inside.money if m.period is None and m.amount]
    percent = next((p for p in inside.percentages), None)
    multiple = _multiple(sentence)
    if multiple is None and percent is not None and FEES.search(sentence):
        value = getattr(percent, "value", None) or getattr(percent, "amount", None)
        try:
            multiple = float(value) / 100.0 if value is not None else None
        except (TypeError, ValueError):
            multiple = None
    fees = FEES.search(sentence)
    period = period_months = None
    if fees:
        for d in inside.durations:
            if d.days and d.unit in {"day", "week", "month", "year"}:
                period = " ".join(d.text.split())
                period_months = round(d.days / DAYS_PER_MONTH, 1)
                break
        if period is None and re.search(r"\b(?:annual|yearly)\b", sentence, re.IGNORECASE):
            period, period_months = "one year", 12.0
    party = None
    matches = list(SUBJECT.finditer(sentence))
    for m in re.finditer(r"(?i)\bliabilit", sentence):
        of = SUBJECT.match(sentence, m.start())
        if of is not None and of.group("of"):
            matches.insert(0, of)
    for who in matches:
        name = (who.group("who") or who.group("of") or "").strip()
        words = [w for w in name.split() if w.lower() not in NOT_A_PARTY]
        mutual = re.search(r"(?i)\b(?:either|each|neither|any)\s+party|\bthe\s+parties", name)
        if mutual:
            party = mutual.group(0).lower()
            break
        if words:
            party = " ".join(words)
            break
    amount = currency = None
    if money:
        amount, currency = float(money[0].amount), money[0].currency
    parts = []
    fees_basis = bool(fees and FEES_BASIS.search(sentence))
    times = f"{multiple:g}x " if multiple else ""
    if period is not None and fees:
        # "fees of 12 months" (normalised, so contracts compare), else the period as written
        months = period_months if period_months and float(period_months).is_integer() else None
        parts.append(times + (f"fees of {months:g} months" if months else f"fees of {period}"))
    elif fees_basis and (multiple or not money):
        basis = "the contract price" if PRICE_BASIS.search(sentence) else "fees paid or payable"
        parts.append(times + basis)
    if amount is not None:
        parts.append(f"{currency} {amount:,.0f}")
    insured = bool(INSURANCE.search(sentence))
    if insured:
        parts.append("insurance limits")
    if not parts:
        return CapTerm("unparsed", start, end, party=party, description="cap amount not parsed")
    if period is not None and fees:
        kind = "fees_period"
    elif fees_basis and (multiple or not money):
        kind = "fees_multiple"
    elif amount is not None:
        kind = "fixed_amount"
    else:
        kind = "insurance"
    greater = len(parts) > 1 and re.search(r"\bgreater|higher|more\b", sentence, re.IGNORECASE)
    lesser = len(parts) > 1 and re.search(r"\blesser|lower|less\b", sentence, re.IGNORECASE)
    joined = " or ".join(parts) if (greater or lesser) else " + ".join(parts)
    description = f"greater of {joined}" if greater else f"lesser of {joined}" if lesser else joined
    formula = None
    if kind in {"fees_period", "fees_multiple"}:
        formula = (
            (f"{multiple:g} x " if multiple else "")
            + "fees"
            + (f" over {period}" if period else "")
        )
    return CapTerm(
        kind,
        start,
        end,
        amount=amount,
        currency=currency,
        multiple=multiple,
        formula=formula,
        period=period,
        period_months=period_months if kind == "fees_period" else None,
        party=party,
        description=description,
    )


def _carve_outs(text: str, start: int, end: int) -> list[CarveOut]:
    cue = CARVE_OUT_CUE.search(text, start, end)
    if cue is None:
        return []
    out = []
    for category, pattern in CARVE_OUTS.items():
        m = pattern.search(text, start, end)
        if m is not None:
            out.append(CarveOut(category, start, end))
    return out


def read_liability(
    text: str, facts: Facts, regions: list[tuple[int, int]] | None = None
) -> LiabilityReading:
    """Caps, exclusions, time limits, unlimited statements and carve-outs of a contract.

    ``regions`` are the spans of the clauses tagged ``limitation_of_liability``; sentences
    anywhere in the document count too (the tagger may have put a cap elsewhere), but only
    those that speak of liability, damages or claims.
    """
    caps: list[CapTerm] = []
    exclusions: list[tuple[int, int]] = []
    time_limits: list[tuple[int, int]] = []
    unlimited: list[tuple[int, int]] = []
    carve: list[CarveOut] = []
    seen: set[tuple[int, int]] = set()
    spans: list[tuple[int, int]] = []
    for pattern in (CAP, EXCLUSION, TIME_LIMIT, UNLIMITED):
        for m in pattern.finditer(text):
            s, e = sentence_around(text, m.start(), m.end(), limit=900)
            if (s, e) not in seen:
                seen.add((s, e))
                spans.append((s, e))
    for s, e in regions or ():
        for a, b in sentence_spans(text, s, e, items=True):
            if (a, b) not in seen:
                seen.add((a, b))
                spans.append((a, b))
    for s, e in sorted(spans):
        flat = _flat(text, s, e)
        if not flat:
            continue
        if is_cap_sentence(text, s, e):
            caps.append(parse_cap(text, facts, s, e))
        elif EXCLUSION.search(flat):
            exclusions.append((s, e))
        if TIME_LIMIT.search(flat):
            time_limits.append((s, e))
        if UNLIMITED.search(flat):
            unlimited.append((s, e))
        if LIABILITY.search(flat) and (
            is_cap_sentence(text, s, e) or EXCLUSION.search(flat) or UNLIMITED.search(flat)
        ):
            carve.extend(_carve_outs(text, s, e))
    return LiabilityReading(
        tuple(caps), tuple(exclusions), tuple(time_limits), tuple(unlimited), tuple(carve)
    )
