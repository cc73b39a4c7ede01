"""Effective dates written as events: "the date of the last signature below", "the day after
the last signature", "upon execution", "the Effective Date set out in the Order Form".

:func:`event_effective` reads such a phrase and resolves it against the dates the document
holds (the signature dates, the agreement date, an "Effective Date:" line of the order form
or cover page in the same file). When the document does not hold the event's date, the
effective date is kept as unresolved (``date`` None, ``value`` "unresolved") with the phrase
as evidence, rather than guessed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from contract_analyzer.facts.arith import add_business_days
from contract_analyzer.facts.dates import DateMention
from contract_analyzer.keydates.context import Context
from contract_analyzer.keydates.model import WORD_NUMBERS, KeyDate, make_key

_SIGNATURE_EVENT = re.compile(
    r"(?:last|later|latest|final)\s+(?:of\s+the\s+)?(?:two\s+)?(?:dates?\s+)?(?:of\s+)?(?:signature|execution|signing)s?|"
    r"date\s+(?:on\s+which|when|that)\s+(?:this\s+agreement\s+(?:is|has\s+been)\s+)?"
    r"(?:(?:it|both\s+parties|the\s+(?:last|later)\s+(?:of\s+the\s+)?part(?:y|ies)|all\s+parties|each\s+party)\s+)?"
    r"(?:ha(?:s|ve)\s+)?(?:signed|executed|countersigned)|"
    r"(?:signed|executed|countersigned)\s+by\s+(?:both|all|each|the\s+last)|"
    r"date\s+of\s+(?:the\s+)?(?:last|final)\s+signature|"
    r"(?:latest|last)\s+(?:of\s+the\s+)?dates?\s+(?:set\s+(?:out|forth)|written|appearing|indicated)\s+"
    r"(?:below|beneath|in\s+the\s+signature)|"
    r"date\s+of\s+(?:its\s+)?(?:signed\s+acceptance|signature|signing)",
    re.IGNORECASE,
)


_EXECUTION_EVENT = re.compile(
    r"upon\s+(?:its\s+|the\s+)?(?:full\s+|mutual\s+)?execution|"
    r"(?:date\s+of\s+(?:the\s+)?|the\s+)execution(?:\s+date)?\s+(?:of|by)\s+(?:this|the)\s+(?:agreement|contract)|"
    r"(?:when|once|upon)\s+(?:this\s+agreement\s+is\s+|it\s+is\s+)?(?:signed|executed)\b",
    re.IGNORECASE,
)


_OTHER_DOCUMENT = re.compile(
    r"(?:set\s+(?:out|forth)|stated|specified|identified|indicated|listed|shown|provided)\s+"
    r"(?:in|on)\s+(?:the\s+|each\s+|an?\s+|any\s+|such\s+|that\s+|its\s+)?(?:applicable\s+|relevant\s+)?"
    r"(?P<doc>order\s+form|cover\s+(?:page|sheet)|statement\s+of\s+work|sow|schedule|quot(?:e|ation)|"
    r"key\s+terms|purchase\s+order|signature\s+page)",
    re.IGNORECASE,
)


_OFFSET = re.compile(
    r"(?:the\s+)?(?:(?P<n>\d{1,3}|" + "|".join(WORD_NUMBERS) + r")\s*(?:\(\d{1,3}\)\s*)?"
    r"|(?:first|next)\s+)?(?P<business>business\s+|working\s+)?days?\s+(?:immediately\s+)?"
    r"(?:after|following|next\s+after|subsequent\s+to)\b",
    re.IGNORECASE,
)


_STATED_LINE = re.compile(
    r"(?:^|\n)[ \t]*(?:[\w ]{0,30}\s)?effective\s+date\s*[:\-–]\s*$", re.IGNORECASE
)


def _offset(phrase: str) -> tuple[int, bool] | None:
    """("the day after ..." -> (1, False); "two business days following ..." -> (2, True))."""
    m = _OFFSET.search(phrase)
    if m is None:
        return None
    n = m.group("n")
    count = 1
    if n is not None:
        count = int(n) if n.isdigit() else WORD_NUMBERS.get(n.lower(), 1)
    return count, bool(m.group("business"))


def _shift(day: date, offset: tuple[int, bool] | None) -> tuple[date, str]:
    if offset is None:
        return day, ""
    count, business = offset
    got = add_business_days(day, count) if business else day + timedelta(days=count)
    unit = f"{'business ' if business else ''}day{'s' if count != 1 else ''}"
    return got, f" + {count} {unit} = {got.isoformat()}"


def _stated_elsewhere(ctx: Context, after: int) -> DateMention | None:
    """An "Effective Date: <date>" line (an order form or cover page in the same file)."""
    for d in ctx.dates:
        if d.value is None or d.relative or abs(d.start - after) < 5:
            continue
        if _STATED_LINE.search(ctx.text[max(0, d.start - 60) : d.start]):
            return d
    return None


def is_event_phrase(phrase: str) -> bool:
    """True when ``phrase`` (the words after "Effective Date means") names an event."""
    head = phrase[:200]
    return bool(
        _SIGNATURE_EVENT.search(head)
        or _EXECUTION_EVENT.search(head)
        or _OTHER_DOCUMENT.search(head)
    )


def event_effective(
    ctx: Context,
    agreement: KeyDate | None,
    signature: DateMention | None,
    start: int,
    end: int,
) -> KeyDate | None:
    """The effective date that ``ctx.text[start:end]`` defines by an event, resolved against
    the document's dates, or unresolved with the phrase as evidence; None when the phrase
    names no event."""
    phrase = ctx.text[start:end]
    evidence = {"text": " ".join(phrase.split())[:300], "start": start, "end": end}
    offset = _offset(phrase[:120])
    m_doc = _OTHER_DOCUMENT.search(phrase)
    m_sig = _SIGNATURE_EVENT.search(phrase)
    m_exe = _EXECUTION_EVENT.search(phrase)
    if m_sig is not None and (m_doc is None or m_sig.start() < m_doc.start()):
        if signature is None or signature.value is None:
            return make_key("effective_date", value="unresolved", **evidence,  # type: ignore[arg-type]
                            derivation="the Effective Date is the date of the last signature, and the "
                                       "document shows no dated signature: unresolved")  # fmt: skip
        got, step = _shift(signature.value, offset)
        return make_key("effective_date", d=got, value=got.isoformat(), **evidence,  # type: ignore[arg-type]
                        derivation=f"the Effective Date is {'the day(s) after ' if offset else ''}the date of the "
                                   f"last signature ({signature.value.isoformat()}, \"{signature.text}\"){step}")  # fmt: skip
    if m_exe is not None and (m_doc is None or m_exe.start() < m_doc.start()):
        if signature is not None and signature.value is not None:
            base, how = signature.value, f'the latest signature date "{signature.text}"'
        elif agreement is not None and agreement.date is not None:
            base, how = agreement.date, f"the date the contract is made ({agreement.value})"
        else:
            return make_key("effective_date", value="unresolved", **evidence,  # type: ignore[arg-type]
                            derivation="the contract takes effect upon execution, and the document "
                                       "gives no execution date: unresolved")  # fmt: skip
        got, step = _shift(base, offset)
        return make_key("effective_date", d=got, value=got.isoformat(), **evidence,  # type: ignore[arg-type]
                        derivation=f"the contract takes effect upon execution: {how}{step}")  # fmt: skip
    if m_doc is not None:
        doc = " ".join(m_doc.group("doc").split())
        stated = _stated_elsewhere(ctx, start)
        if stated is None or stated.value is None:
            return make_key("effective_date", value="unresolved", **evidence,  # type: ignore[arg-type]
                            derivation=f"the Effective Date is the one set out in the {doc}, which this "
                                       "document does not include: unresolved")  # fmt: skip
        got, step = _shift(stated.value, offset)
        return make_key("effective_date", d=got, value=got.isoformat(), text=stated.text, start=stated.start,
                        end=stated.end, derivation=f"the Effective Date is the one set out in the {doc}: "
                                                   f"\"{stated.text}\"{step}")  # fmt: skip
    return None


# "The effective date of the start of the Term will be from the Launch Date", "this Agreement
# shall become effective on the Closing Date": the effective date is another named date
NAMED_DATE_EFFECTIVE = re.compile(
    r"\b(?i:effective\s+date\b[^.;]{0,60}?\b(?:is|will\s+be|shall\s+be)|"
    r"(?:this\s+(?:agreement|contract)|it)\s+(?:shall\s+|will\s+)?(?:become|be|is|takes?|comes?\s+into)\s+"
    r"(?:effective|in\s+force|effect|force))\s+(?i:from\s+|on\s+|as\s+of\s+|upon\s+)?(?i:the\s+)?"
    r"(?P<name>(?!Effective\b)(?:[A-Z][\w-]*\s+){1,3})Date\b"
)


def _named_date(ctx: Context, name: str, skip: int) -> DateMention | None:
    """The date the contract gives its "<name> Date": "the launch date ... shall be September 1st,
    1999", "<name> Date" means <date>, or <date> (the "<name> Date")."""
    words = r"\s+".join(re.escape(w) for w in name.split())
    label = re.compile(words + r"\s+date\b[^.;]{0,100}?\b(?:is|shall\s+be|will\s+be|means|occurs?\s+on|of|:)\s*(?:on\s+)?$",
                       re.IGNORECASE)  # fmt: skip
    quoted = re.compile(r"\A\s*\(\s*(?:the\s+)?[\"“]?\s*" + words + r"\s+date", re.IGNORECASE)
    for d in ctx.dates:
        if d.value is None or d.relative or abs(d.start - skip) < 5:
            continue
        if label.search(ctx.text[max(0, d.start - 160) : d.start]) or quoted.match(
            ctx.text[d.end : d.end + 60]
        ):
            return d
    return None


def named_date_effective(ctx: Context, m: re.Match[str]) -> KeyDate:
    """The effective date that ``m`` (a :data:`NAMED_DATE_EFFECTIVE` match) ties to another named
    date, resolved where the document gives that date, else unresolved with the phrase as evidence."""
    name = " ".join(m.group("name").split())
    evidence = {"text": " ".join(m.group().split())[:300], "start": m.start(), "end": m.end()}
    d = _named_date(ctx, name, m.end())
    if d is None or d.value is None:
        return make_key("effective_date", value="unresolved", **evidence,  # type: ignore[arg-type]
                        derivation=f"the Effective Date is the {name} Date, which this document does not "
                                   "give: unresolved")  # fmt: skip
    return make_key("effective_date", d=d.value, value=d.value.isoformat(), text=d.text, start=d.start,
                    end=d.end, derivation=f'the Effective Date is the {name} Date, which the contract sets '
                                          f'at "{d.text}"')  # fmt: skip
