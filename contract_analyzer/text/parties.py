"""Parties and defined terms: 'between Acme Corp., a Delaware corporation ("Supplier"), and ...'.

The preamble of a contract names each party, says what kind of entity it is, and gives it a
defined role in a parenthetical ("Supplier", the "Company"). :func:`extract_parties` reads
that structure; :func:`extract_defined_terms` lists every defined term of the contract
(parenthetical definitions and '"X" means ...' definitions), which later stages use to
resolve names like "the Effective Date" or "Customer".

This is structure, not vocabulary, so it is done with regular expressions over the opening
of the text; it handles "between A and B", "by and among A, B and C", numbered "BETWEEN:
(1) A (2) B" lists, 'hereinafter referred to as "Customer"', "Party A: ... Party B: ..."
cover pages and "between / A / and / B" title blocks. A party's ``name`` is the entity's name
only: connectors ("by and between"), list labels ("(1)", "Party A") and the text before it
are cut off, and a candidate that does not look like a name (a sentence, a heading, "This
Schedule") is dropped. When a cover page's "between" is followed by a table of contents, the
preamble is looked for further on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_Q_OPEN = "\"“'‘"
_Q_CLOSE = "\"”'’"
_QUOTED = re.compile(r"[\"“]\s*([^\"“”\n]{1,80}?)\s*[\"”]")
_PAREN_DEF = re.compile(
    r"\(\s*(?:(?:the|hereinafter|herein|each|collectively|individually|together|jointly|also|as|referred|to|called|a|an)[\s,]+){0,6}"
    r"[\"“][^\"“”()\n]{1,80}[\"”](?:[^()\n]{0,80}?[\"“][^\"“”()\n]{1,80}[\"”])*[^()\n]{0,160}\)",
    re.IGNORECASE,
)
_MEANS_DEF = re.compile(
    r"[\"“]([A-Z][^\"“”\n]{0,70}?)[\"”]\s*(?:,\s*)?(?:shall\s+)?(?:means?|has\s+the\s+meaning|shall\s+have\s+the\s+meaning|refers?\s+to|is\s+defined)",
)
# 'hereinafter referred to as "Customer"' without parentheses
_HEREINAFTER_DEF = re.compile(
    r"\b(?:hereinafter|herein\s?after)\s*,?\s*(?:(?:referred\s+to\s+as|called|known\s+as|designated\s+as)\s*)?"
    r"(?:the\s+)?[\"“][^\"“”()\n]{1,80}[\"”]",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"\b(?:by\s+and\s+)?(?:between|among|amongst)\b\s*:?", re.IGNORECASE)
# "between\n\nACME INC.\n\nand\n\nBETA LLC" on a cover page
_TITLE_BLOCK = re.compile(
    r"\b(?:by\s+and\s+)?(?:between|among)\s*:?[ \t]*\n\s*(?P<a>[^\n]{2,120}?)[ \t,]*\n\s*"
    r"(?:(?P<b>[^\n]{2,120}?)[ \t,]*\n\s*)?(?:and|&)[ \t]*\n\s*(?P<c>[^\n]{2,120}?)[ \t]*(?:\n|$)",
    re.IGNORECASE,
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_JOINT = re.compile(r"(?:\band\b|&|;|\bwith\b)\s+(?=\S)")
_SEARCH = 30_000  # how far into the text a preamble is looked for (cover page + contents)
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
    r"(?:,\s*(?:an?\s+|the\s+)|\s+(?-i:an?|the)\s+)(?=[^,()]{0,80}\b(?:corporation|company|partnership|organization|entity|"
    r"association|LLC|L\.L\.C|limited|bank|trust|university|agency|individual|resident|citizen|"
    r"authority|municipality|institution|foundation|society|GmbH|AG|S\.A|B\.V|N\.V|plc|Ltd)\b)"
    r"|,\s*(?:having|with|whose|located|incorporated|organized|organised|registered|doing\s+business|"
    r"residing|of\s+\d|an?\s+(?:individual|natural\s+person))"
    r"|\s+(?:with\s+(?:its|a|an)\s+(?:principal|registered|head|main)|having\s+(?:its|a|an)\s|whose\s|"
    r"located\s+at\s|(?:incorporated|organized|organised|registered)\s+(?:under|in)\s)",
    re.IGNORECASE,
)
_LOWER_AFTER_COMMA = re.compile(
    r",\s+(?=[a-z])(?!(?:inc|ltd|llc|corp|co|limited|plc|l\.l\.c|s\.a|n\.a|lp|llp)\b)"
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
    """The defined term a parenthetical gives a party: the last quoted term that is not a
    collective one ('("Licensee" and together with Licensor, the "Parties")' -> Licensee)."""
    terms = [re.sub(r"(?i)^the\s+", "", _clean_term(t)) for t in _QUOTED.findall(paren)]
    terms = [t for t in terms if t and not t.lower().startswith("this ")]
    named = [t for t in terms if t.lower() not in _NOT_ROLES]
    return (named or terms)[-1] if terms else None


def _split_name(chunk: str) -> tuple[str, str | None]:
    """(name, description) of one party entry without its parenthetical."""
    # the name ends where its description starts: an entity hint (", a Delaware corporation",
    # " having its principal office") or a comma before a lower-case word, whichever is first
    cuts = [m.start() for m in (_ENTITY_HINT.search(chunk), _LOWER_AFTER_COMMA.search(chunk)) if m]
    cut = min(cuts) if cuts else len(chunk)
    name, rest = chunk[:cut], chunk[cut:]
    description = re.sub(r"\s+", " ", rest).strip(" ,;")
    description = re.split(r"\s*[,;]\s*(?:with|having|whose|located|and\s+its)\b", description)[
        0
    ].strip(" ,;")
    return name, description or None


# words a party's name may hold in lower case: connectors, "d/b/a", entity suffixes
_NAME_CONNECTORS = frozenset(
    {"and", "of", "the", "for", "de", "des", "du", "la", "le", "les", "von", "van", "der", "den",
     "y", "e", "da", "di", "del", "und", "et", "&", "its", "on", "behalf", "in", "at", "dba",
     "d/b/a", "f/k/a", "a/k/a", "fka", "aka", "formerly", "known", "as", "doing", "business",
     "inc", "ltd", "limited", "llc", "corp", "corporation", "company", "co", "plc", "gmbh", "ag",
     "sa", "bv", "nv", "lp", "llp", "l.p", "s.a", "b.v", "n.v", "l.l.c", "s.a.r.l", "sarl", "ab",
     "oy", "kg", "spa", "srl", "pte", "pty", "bhd", "kk"}
)  # fmt: skip
_SENTENCE_CUT = re.compile(r"\n[ \t]*\n|[.;:]\s+(?=[A-Z(\[])")  # a blank line; a sentence end
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Inc|Ltd|Co|No|St|Jr|Sr|Mr|Mrs|Ms|Dr|Bros|Corp|Cos|Intl|Assn|Dept|Mfg|Nos|Ave))$"
)
_LABEL = re.compile(
    r"^(?:party\s+[a-z1-9]\b|first\s+party|second\s+party|(?:the\s+)?(?:licensor|licensee|supplier|customer|"
    r"client|company|contractor|vendor|buyer|seller|distributor|reseller|consultant|provider)\s*[:：])\s*:?\s*",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\s,()]+")
# an address, not a name: "High Bluff Drive, Suite 370, San Diego, CA 92130"
_ADDRESS = re.compile(
    r"\b(?:Suite|Floor|Blvd|Boulevard|P\.?\s?O\.?\s+Box|Postfach)\b|\b\d{5}(?:-\d{4})?\b|"
    r"\b(?:Street|Avenue|Drive|Road|Lane|Parkway|Highway)\s*,"
)


def _normalise_name(name: str) -> str:
    name = _LEAD_NOISE.sub("", name)
    name = re.sub(r"\s+", " ", name).strip(" ,;:\"“”'")
    return name


def _name_like(word: str) -> bool:
    """A word of a name: capitalised, all capitals, holding a digit or inner capital
    ("eFashion", "i3"), a domain ("ebix.com"), a connector or an entity suffix."""
    core = word.strip(".,'’\"“”-/&")
    if not core:
        return True
    if core.lower().rstrip(".") in _NAME_CONNECTORS or core.lower() in _NAME_CONNECTORS:
        return True
    if core[0].isupper() or core[0].isdigit():
        return True
    return any(c.isupper() or c.isdigit() for c in core[1:]) or ".com" in core.lower()


def _plausible_name(name: str) -> bool:
    """Whether ``name`` reads as the name of a party, not a sentence, heading or thing."""
    if not name or len(name) > 150:
        return False
    if re.fullmatch(r"\[[^\]]{1,40}\]", name):  # "[Customer Name]" in a draft
        return True
    words = _WORD.findall(name)
    if not words or len(words) > 16:
        return False
    if words[0].lower() in ("this", "these", "that", "such", "said", "each", "any", "all"):
        return False
    if words[0].strip(".").isdigit() and len(words) > 1:  # "1 This Schedule": a heading
        return False
    if not (name[0].isalnum() or name[0] in '"“['):
        return False
    if re.search(r"\b(?:shall|will|agrees?|means|hereby|is|are|was|were)\b", name):
        return False
    if _ADDRESS.search(name):
        return False
    return all(_name_like(w) for w in words)


def _clean_name(raw: str) -> str:
    """The entity name of an entry: after the last sentence end or connector before it,
    without list labels ("(1)", "Party A") and leading lower-case words."""
    cuts = [
        c
        for c in _SENTENCE_CUT.finditer(raw)
        if c.group()[0] != "." or not _ABBREVIATION.search(raw, 0, c.start())
    ]
    if cuts:
        raw = raw[cuts[-1].end() :]
    between = list(_BETWEEN.finditer(raw))
    if between:
        raw = raw[between[-1].end() :]
    name = _normalise_name(raw)
    name = _LABEL.sub("", name)
    name = _normalise_name(name)
    if not _plausible_name(name):
        # "for services of Arnold Schwarzenegger": the name starts at the first capital
        m = re.search(r"(?:^|\s)(?=[A-Z\[])", name)
        if m and m.end() > 0:
            rest = name[m.end() :]
            if _plausible_name(rest):
                return rest
    return name


def _role_defs(segment: str) -> list[re.Match[str]]:
    """Parenthetical definitions and 'hereinafter referred to as "X"' phrases, in order."""
    found = list(_PAREN_DEF.finditer(segment))
    for m in _HEREINAFTER_DEF.finditer(segment):
        if not any(p.start() <= m.start() < p.end() for p in found):
            found.append(m)
    return sorted(found, key=lambda m: m.start())


def _parties_after(text: str, start: int, end: int) -> list[Party]:
    """Parties defined with roles in ``text[start:end]`` (the text after "between")."""
    segment = text[start:end]
    parties: list[Party] = []
    cursor = 0
    for m in _role_defs(segment):
        chunk = segment[cursor : m.start()]
        role = _role(m.group())
        # the entry starts after the previous party's connector ("and", ";", ","); when the
        # chunk first finishes describing the previous party ("of 1 Main Street and Beta
        # LLC"), the name follows one of its later "and"s: the first reading that gives a
        # name wins, trying the start, then the connectors from the last one back
        lead = re.match(r"[\s,;]*(?:and|&)?\s*", chunk)
        offsets = [lead.end() if lead else 0]
        # once the parties are named, a later paragraph adds one only if it starts with it
        # ("(3) Charlie Ltd ..."), not one named inside a sentence of the recitals
        if len(parties) < 2 or not _BLANK_LINE.search(chunk, offsets[0]):
            offsets += [j.end() for j in reversed(list(_JOINT.finditer(chunk)))]
        name, description, offset = "", None, offsets[0]
        for off in offsets:
            raw_name, description = _split_name(chunk[off:])
            name = _clean_name(raw_name)
            if _plausible_name(name):
                offset = off
                break
        cursor = m.end()
        if role is None or not _plausible_name(name):
            continue
        # a parenthetical defining the agreement or a thing is not a party
        if role.lower() in _NOT_ROLES or role.lower().startswith(("agreement", "the agreement")):
            continue
        at = chunk.find(name[:20], offset) if name else -1
        a = start + (m.start() - len(chunk) + (at if at >= 0 else offset))
        parties.append(
            Party(name, role, description, text[a : start + m.end()].strip(), a, start + m.end())
        )
    return parties


def _preamble_end(text: str, start: int) -> int:
    head_end = min(len(text), start + 3000)
    end_m = _PREAMBLE_END.search(text, start, head_end)
    return end_m.start() if end_m else head_end


def extract_parties(text: str) -> list[Party]:
    """The parties named in the contract's preamble, in order of appearance.

    Each party has its entity name, the defined role it is given (None when the preamble
    gives none) and the entity description. The first "between"/"among" followed by two
    parties with roles wins; a cover page's "between A and B" block (names without roles)
    is the fallback. Returns an empty list when no preamble is found.
    """
    if not text:
        return []
    head = text[:_SEARCH]
    first: list[Party] = []
    first_span: tuple[int, int] | None = None
    for m in _BETWEEN.finditer(head):
        end = _preamble_end(text, m.end())
        parties = _parties_after(text, m.end(), end)
        if len(parties) >= 2:
            return parties
        if first_span is None:
            first_span = (m.end(), end)
        if parties and not first:
            first = parties
        if m.start() > 8000 and first_span is not None:
            break
    title = _title_block(head)
    if first and len(title) <= len(first):
        return first
    if title:
        # the cover page names every party; the one preamble party found lends its role
        roles = {_name_key(p.name): p for p in first}
        return [
            replace(t, role=roles[_name_key(t.name)].role) if _name_key(t.name) in roles else t
            for t in title
        ]
    if first_span is not None:
        found = _unlabelled_parties(text, *first_span)
        if found:
            return found
    return _labelled_parties(text)


def _name_key(name: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", name.lower()))


def _title_block(head: str) -> list[Party]:
    """'between / ACME INC. / and / BETA LLC' on a cover page: the names, without roles."""
    m = _TITLE_BLOCK.search(head, 0, 8000)
    if m is None:
        return []
    out: list[Party] = []
    for group in ("a", "b", "c"):
        if m.group(group) is None:
            continue
        name = _clean_name(m.group(group))
        if not _plausible_name(name) or name.isdigit():
            return []
        a = m.start(group)
        out.append(Party(name, None, None, m.group(group).strip(), a, m.end(group)))
    return out if len(out) >= 2 else []


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
        name = _clean_name(name)
        if _plausible_name(name) and len(name) <= 120:
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
