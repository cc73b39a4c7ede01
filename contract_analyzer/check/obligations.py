"""Obligations: who must do what, and by when ("Supplier shall ... within thirty (30) days").

Each obligation is a sentence (or list item) whose subject is a party (by its defined name,
"Customer", "Supplier", "each Party") followed by an obligation verb (shall, will, must, agrees
to, undertakes to, is responsible for), including prohibitions ("shall not"). Rights ("may",
"shall be entitled to") and definitions ("shall mean") are not obligations. The deadline is
the period or date the sentence states, with its length in days from the facts extractor.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from contract_analyzer.document import Document
from contract_analyzer.facts import Duration, Facts, Party
from contract_analyzer.text.sentences import sentence_spans

# Role names used when the preamble gives none (the facts stage supplies the real ones).
DEFAULT_ROLES = (
    "Customer",
    "Client",
    "Supplier",
    "Provider",
    "Service Provider",
    "Vendor",
    "Contractor",
    "Consultant",
    "Licensee",
    "Licensor",
    "Company",
    "Distributor",
    "Reseller",
    "Buyer",
    "Seller",
    "Purchaser",
    "Recipient",
    "Discloser",
    "Receiving Party",
    "Disclosing Party",
    "Processor",
    "Controller",
    "Business Associate",
    "Covered Entity",
)
EACH_PARTY = (
    r"(?:each|either|both|neither|the\s+other|a|the\s+receiving|the\s+disclosing)\s+part(?:y|ies)"
)
MODAL = (
    r"(?P<modal>shall\s+not|shall|will\s+not|will|must\s+not|must|agrees?\s+(?:not\s+)?to|"
    r"undertakes?\s+(?:not\s+)?to|(?:is|are|shall\s+be|will\s+be)\s+(?:solely\s+)?responsible\s+for|"
    r"(?:is|are)\s+required\s+to|covenants?\s+(?:not\s+)?to)\b"
)
NOT_OBLIGATION = re.compile(
    r"^(?:be\s+(?:entitled|permitted|deemed|construed|liable|considered|free)|mean|have\s+the\s+(?:right|meaning|option)|"
    r"not\s+be\s+(?:liable|responsible|obligated|required)|survive|be\s+governed|prevail|apply|"
    r"automatically|continue\s+in|remain\s+in\s+(?:full\s+)?(?:force|effect)|terminate\s+automatically|"
    r"not\s+apply|control|govern)",
    re.IGNORECASE,
)
DUE_TRIGGER = re.compile(
    r"\b(?:within|no\s+later\s+than|not\s+later\s+than|at\s+least|not\s+less\s+than|prior\s+to|before|"
    r"on\s+or\s+before|by|after|following|upon|in\s+advance|for)\b",
    re.IGNORECASE,
)
CLAUSE_END = re.compile(r"[,;.:)]|\b(?:and|or|unless|provided)\b", re.IGNORECASE)
MAX_ACTION = 240
MAX_DUE_TAIL_WORDS = 7


@dataclass(frozen=True)
class Obligation:
    """One obligation: the party bound, what it must (not) do, and its deadline when stated.

    ``party`` is the defined name used in the contract ("Supplier", "Each Party");
    ``party_name`` the legal name from the preamble when known; ``due`` the deadline text
    ("within thirty (30) days of invoice"), ``due_days`` its length in days.
    """

    party: str
    action: str
    start: int
    end: int
    page: int | None = None
    due: str | None = None
    due_days: float | None = None
    party_name: str | None = None
    negative: bool = False
    document: Document | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The sentence stating the obligation."""
        return self.document.text[self.start : self.end] if self.document is not None else ""


def _party_terms(parties: Sequence[Party]) -> dict[str, str | None]:
    """Defined party name -> legal name, from the facts stage's parties (or default roles)."""
    terms: dict[str, str | None] = {}
    for p in parties:
        role = (p.role or "").strip().strip("\"“”'")
        if role:
            terms.setdefault(role, p.name)
        elif p.name.strip():
            terms.setdefault(p.name.strip(), p.name.strip())
    for role in DEFAULT_ROLES:
        terms.setdefault(role, None)
    return terms


def _sentences(text: str) -> Iterable[tuple[int, int]]:
    """Sentence or list-item spans; a sentence ending with ":" keeps its first list item."""
    start: int | None = None
    for a, b in sentence_spans(text, colon=True, items=True):
        if start is None:
            start = a
        if text[a:b].rstrip().endswith(":"):
            continue
        yield start, b
        start = None
    if start is not None:
        yield start, len(text)


def _due(
    text: str, durations: Sequence[Duration], starts: Sequence[int], start: int, end: int
) -> tuple[str | None, float | None]:
    """The deadline in an action: the first duration introduced by within/before/after...,
    quoted from the nearest such word to the end of its phrase."""
    for k in range(bisect_left(starts, start), len(durations)):
        d = durations[k]
        if d.start >= end:
            break
        lead_start = max(start, d.start - 40)
        triggers = list(DUE_TRIGGER.finditer(text, lead_start, d.start))
        if not triggers:
            continue
        s = triggers[-1].start()
        stop = CLAUSE_END.search(text, d.end, end)
        e = stop.start() if stop else end
        tail = list(re.finditer(r"\S+", text[d.end : e]))
        if len(tail) > MAX_DUE_TAIL_WORDS:  # "... days after receipt of a correct invoice"
            e = d.end + tail[MAX_DUE_TAIL_WORDS - 1].end()
        days = getattr(d, "days", None)
        return " ".join(text[s:e].split()), float(days) if days is not None else None
    return None, None


def extract_obligations(
    document: Document, facts: Facts, *, spans: Sequence[tuple[int, int]] = ()
) -> list[Obligation]:
    """Every obligation in the contract (or in the given spans), in reading order; parties
    and deadlines come from the document's ``facts``."""
    terms = _party_terms(facts.parties)
    names = sorted(terms, key=len, reverse=True)
    party_rx = "|".join(re.escape(n) for n in names)
    pattern = re.compile(
        rf"(?<![\w-])(?P<party>{EACH_PARTY}|(?:the\s+)?(?:{party_rx}))"
        rf"(?:\s+(?:and|or)\s+(?:the\s+)?(?:{party_rx}))?"
        r"(?:['’]s?\s+(?:\w+\s+){0,2}?(?=shall|will|must|agree|undertake|is|are|cove))?"
        r"(?:\s*,[^,.;]{1,100},)?\s+"
        rf"{MODAL}\s*:?\s+(?P<action>\S[^\n]*(?:\n+[^\n]+)?)",
        re.IGNORECASE,
    )
    text = document.text
    durations = list(facts.durations)  # in text order
    starts = [d.start for d in durations]
    out: list[Obligation] = []
    regions = spans or [(0, len(text))]
    for r_start, r_end in regions:
        for s_start, s_end in _sentences(text[r_start:r_end]):
            s_start += r_start
            s_end += r_start
            sentence = text[s_start:s_end]
            for m in pattern.finditer(sentence):
                party_raw = " ".join(m.group("party").split())
                canonical = _canonical(party_raw, terms)
                if canonical is None:
                    continue
                action = " ".join(m.group("action").split())
                if NOT_OBLIGATION.match(action) or len(action) < 3:
                    continue
                modal = " ".join(m.group("modal").lower().split())
                negative = " not" in modal or action.lower().startswith("not ")
                if modal.startswith(("agree", "undertake", "covenant")):
                    pass
                elif "responsible for" in modal:
                    action = "be responsible for " + action
                if len(action) > MAX_ACTION:
                    action = action[: MAX_ACTION - 1].rstrip() + "…"
                a_start = s_start + m.start("action")
                due, days = _due(text, durations, starts, a_start, s_end)
                out.append(
                    Obligation(
                        party=canonical,
                        action=("not " if " not" in modal else "") + action,
                        start=s_start,
                        end=s_end,
                        page=document.page_at(s_start),
                        due=due,
                        due_days=days,
                        party_name=terms.get(canonical),
                        negative=negative,
                        document=document,
                    )
                )
                break  # one obligation per sentence: the first party bound
    return out


def _canonical(raw: str, terms: dict[str, str | None]) -> str | None:
    """ "the Supplier" -> "Supplier"; "each party" -> "Each Party"; None when not a party."""
    lowered = raw.lower()
    if re.match(EACH_PARTY, lowered):
        return " ".join(w.capitalize() for w in lowered.split())
    bare = re.sub(r"^the\s+", "", raw, flags=re.IGNORECASE)
    for term in terms:
        if bare.lower() == term.lower():
            # Role words only count when capitalised as a defined term ("Customer", not "customer")
            return term if bare[:1].isupper() else None
    return None
