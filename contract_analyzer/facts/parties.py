"""Parties and defined terms: 'between Acme Corp., a Delaware corporation ("Supplier"), and ...'.

The preamble of a contract names each party, says what kind of entity it is, and gives it a
defined role in a parenthetical ("Supplier", the "Company"). :func:`extract_parties` reads
that structure; :func:`extract_defined_terms` lists every defined term of the contract
(parenthetical definitions and '"X" means ...' definitions), which later stages use to
resolve names like "the Effective Date" or "Customer".

This is structure, not vocabulary, so it is done with regular expressions over the opening
of the text; it handles "between A and B", "by and among A, B and C", numbered "BETWEEN:
(1) A (2) B" lists and "Party A: ... Party B: ..." cover pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_Q_OPEN = "\"“'‘"
_Q_CLOSE = "\"”'’"
_QUOTED = re.compile(r"[\"“]\s*([^\"“”\n]{1,80}?)\s*[\"”]")
_PAREN_DEF = re.compile(
    r"\(\s*(?:(?:the|hereinafter|herein|each|collectively|individually|together|jointly|also|as|referred|to|called|a|an)[\s,]+){0,6}"
    r"[\"“][^\"“”()\n]{1,80}[\"”](?:[^()\n]{0,80}?[\"“][^\"“”()\n]{1,80}[\"”])*[^()\n]{0,40}\)",
    re.IGNORECASE,
)
_MEANS_DEF = re.compile(
    r"[\"“]([A-Z][^\"“”\n]{0,70}?)[\"”]\s*(?:,\s*)?(?:shall\s+)?(?:means?|has\s+the\s+meaning|shall\s+have\s+the\s+meaning|refers?\s+to|is\s+defined)",
)
_BETWEEN = re.compile(r"\b(?:by\s+and\s+)?(?:between|among|amongst)\b\s*:?", re.IGNORECASE)
_PREAMBLE_END = re.compile(
    r"\b(?:WHEREAS|(?i:recitals?|background|preamble|now,?\s+therefore|it\s+is\s+(?:hereby\s+)?agreed)|"
    r"W\s*I\s*T\s*N\s*E\s*S\s*S\s*E\s*T\s*H|The\s+parties\s+(?:hereby\s+)?agree|agree\s+as\s+follows)\b",
)
_NOT_ROLES = frozenset(
    {"party", "parties", "agreement", "contract", "amendment", "effective date", "execution date",
     "products", "product", "services", "territory", "term", "affiliates", "affiliate"}
)  # fmt: skip
_DESCRIPTION = re.compile(
    r",?\s*(?:an?\s+|the\s+)?(?:(?:company|corporation|limited|public|private|partnership|association|"
    r"national|banking|non-?profit|not-for-profit|state|federal|municipal|body|individual|"
    r"(?:[A-Z][\w.]*\s+){0,4}(?:corporation|company|limited\s+liability\s+company|limited\s+partnership|"
    r"partnership|organization|entity|association|LLC|bank|trust|university|agency|society|institution|"
    r"foundation|ltd|plc|gmbh|s\.?a\.?|b\.?v\.?|n\.?v\.?|ag|inc|corp))\b[^()]*)",
)
_ENTITY_HINT = re.compile(
    r",\s*(?:an?\s+|the\s+)(?=[^,()]{0,80}\b(?:corporation|company|partnership|organization|entity|"
    r"association|LLC|L\.L\.C|limited|bank|trust|university|agency|individual|resident|citizen|"
    r"authority|municipality|institution|foundation|society|GmbH|AG|S\.A|B\.V|N\.V|plc|Ltd)\b)"
    r"|,\s*(?:having|with|whose|located|incorporated|organized|organised|registered|doing\s+business|"
    r"residing|of\s+\d|an?\s+(?:individual|natural\s+person))",
    re.IGNORECASE,
)
_LEAD_NOISE = re.compile(
    r"^[\s,;:.\-–—(]*(?:and\s+|&\s+)?(?:\(?\s*(?:\d{1,2}|[ivx]{1,4}|[a-h])\s*[.)]\s*)?",
    re.IGNORECASE,
)
_PARTY_LABEL = re.compile(
    r"^\s*(?:Party\s+[A-Z1-9]|Licensor|Licensee|Supplier|Customer|Client|Company|Contractor|Vendor|Buyer|Seller|"
    r"Distributor|Reseller|Consultant|Provider)\s*[:：]\s*(?P<name>[^\n]{2,120})",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True)
class Party:
    """A party to the contract as named in the preamble.

    ``name`` as written ("Acme Corp."), ``role`` the defined term it is given ("Supplier"),
    ``description`` what it is ("a Delaware corporation"), ``start``/``end`` the span of the
    party's whole entry in the text.
    """

    name: str
    role: str | None
    description: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class DefinedTerm:
    """A defined term of the contract and where it is defined."""

    term: str
    text: str
    start: int
    end: int


def _clean_term(term: str) -> str:
    return re.sub(r"\s+", " ", term).strip(" ,.;:" + _Q_OPEN + _Q_CLOSE)


def _role(paren: str) -> str | None:
    terms = [_clean_term(t) for t in _QUOTED.findall(paren)]
    terms = [t for t in terms if t and not t.lower().startswith(("the ", "this "))]
    return terms[-1] if terms else None


def _split_name(chunk: str) -> tuple[str, str | None]:
    """(name, description) of one party entry without its parenthetical."""
    m = _ENTITY_HINT.search(chunk)
    if m:
        name, rest = chunk[: m.start()], chunk[m.start() :]
    else:
        parts = re.split(r",\s+(?=[a-z])", chunk, maxsplit=1)
        name, rest = parts[0], (parts[1] if len(parts) > 1 else "")
    description = re.sub(r"\s+", " ", rest).strip(" ,;")
    description = re.split(r"\s*[,;]\s*(?:with|having|whose|located|and\s+its)\b", description)[
        0
    ].strip(" ,;")
    return name, description or None


def _normalise_name(name: str) -> str:
    name = _LEAD_NOISE.sub("", name)
    name = re.sub(r"\s+", " ", name).strip(" ,;:\"“”'")
    return name


def _preamble(text: str) -> tuple[int, int] | None:
    head = text[:8000]
    m = _BETWEEN.search(head)
    if not m:
        return None
    end_m = _PREAMBLE_END.search(head, m.end())
    end = end_m.start() if end_m else min(len(head), m.end() + 2500)
    return m.end(), min(end, m.end() + 3000)


def extract_parties(text: str) -> list[Party]:
    """The parties named in the contract's preamble, in order of appearance.

    Each party has its name, the defined role it is given (None when the preamble gives
    none) and the entity description. Returns an empty list when no preamble is found.
    """
    if not text:
        return []
    span = _preamble(text)
    if span is None:
        return _labelled_parties(text)
    start, end = span
    segment = text[start:end]
    parties: list[Party] = []
    cursor = 0
    for m in _PAREN_DEF.finditer(segment):
        chunk = segment[cursor : m.start()]
        role = _role(m.group())
        # the entry starts after the previous party's connector ("and", ";", ","); when the
        # chunk first finishes describing the previous party, the new name follows its last "and"
        lead = re.match(r"[\s,;]*(?:and|&)?\s*", chunk)
        offset = lead.end() if lead else 0
        if parties and re.match(
            r"(?:an?|the|with|having|whose|which|who|its|located|organi[sz]ed|incorporated|registered|"
            r"each|doing|acting|through|on\s+behalf|represented|residing)\b",
            chunk[offset:],
            re.IGNORECASE,
        ):
            joints = list(re.finditer(r"(?:\band\b|;|\bwith\b)\s+(?=[A-Z\"“])", chunk))
            if not joints:
                cursor = m.end()
                continue
            offset = joints[-1].end()
        name, description = _split_name(chunk[offset:])
        name = _normalise_name(name)
        cursor = m.end()
        if not name or len(name) > 150 or not re.match(r"[A-Za-z0-9\"“]", name):
            continue
        if role is None or len(name.split()) > 20:
            continue
        # a parenthetical defining the agreement or a thing is not a party
        if role.lower() in _NOT_ROLES or role.lower().startswith(("agreement", "the agreement")):
            continue
        a = start + (m.start() - len(chunk) + offset)
        parties.append(
            Party(name, role, description, text[a : start + m.end()].strip(), a, start + m.end())
        )
    if len(parties) >= 2:
        return parties
    return parties or _unlabelled_parties(text, start, end) or _labelled_parties(text)


def _unlabelled_parties(text: str, start: int, end: int) -> list[Party]:
    """'between Acme Inc. and Beta LLC.' with no defined roles."""
    segment = text[start:end]
    lead = len(segment) - len(segment.lstrip())
    first_m = re.search(r"\.\s|\n\s*\n\s*\n|\n\s*\n(?=[^\n]{80})", segment[lead:])
    first = segment[lead : lead + first_m.start()] if first_m else segment[lead : lead + 400]
    out: list[Party] = []
    pos = start + lead
    for piece in re.split(r"\s+and\s+|;\s*", first)[:4]:
        piece = piece.strip()
        if not piece:
            continue
        at = text.find(piece, pos)
        pos = at + len(piece) if at >= 0 else pos
        name, description = _split_name(piece)
        name = _normalise_name(name)
        if name and re.match(r"[A-Z0-9]", name) and len(name) <= 120:
            out.append(Party(name, None, description, piece, max(at, 0), max(at, 0) + len(piece)))
    return out if len(out) >= 2 else []


def _labelled_parties(text: str) -> list[Party]:
    """Cover pages: "Party A: Beike Internet Co., Ltd." / "Licensor: ..." lines."""
    out: list[Party] = []
    for m in _PARTY_LABEL.finditer(text[:6000]):
        label = m.group().split(":")[0].split("：")[0].strip()
        name = _normalise_name(m.group("name"))
        name = re.split(r"\s{2,}|,\s*(?:an?\s|with|having|located)", name)[0].strip(" ,;")
        if name:
            out.append(Party(name, label, None, m.group().strip(), m.start(), m.end()))
    return out if len(out) >= 2 else []


def extract_defined_terms(text: str) -> list[DefinedTerm]:
    """Every term the contract defines: '("Supplier")', '(the "Effective Date")',
    '"Confidential Information" means ...'. In order, each term once (first definition)."""
    found: dict[str, DefinedTerm] = {}
    for m in _PAREN_DEF.finditer(text):
        for q in _QUOTED.finditer(m.group()):
            term = _clean_term(q.group(1))
            if term and term[0].isalnum() and term.lower() not in found:
                found[term.lower()] = DefinedTerm(term, m.group(), m.start(), m.end())
    for m in _MEANS_DEF.finditer(text):
        term = _clean_term(m.group(1))
        if term and term.lower() not in found:
            found[term.lower()] = DefinedTerm(term, m.group(), m.start(), m.end())
    return sorted(found.values(), key=lambda d: d.start)
