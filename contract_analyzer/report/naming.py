"""What to call a contract where a person reads it (calendar events, tables): its title and
parties, and a fingerprint of its content that is the same for every rendering of it.

A file name says little ("scan_0042.pdf") and the same contract is often in a folder twice
(the signed PDF beside the DOCX it was made from, with different bytes and names). The title
(the contract's own heading, e.g. "MASTER SERVICES AGREEMENT") and the parties name it; the
fingerprint (title, parties and the dated key dates with their evidence, normalised to
letters and digits) tells two renderings of one contract apart from two contracts.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from typing import Any

_CONTRACT_WORD = re.compile(
    r"\b(?:agreement|contract|terms|order(?:\s+form)?|statement\s+of\s+work|addendum|amendment|"
    r"licen[cs]e|lease|schedule|memorandum|deed|policy|sow|sla|dpa|nda)\b",
    re.IGNORECASE,
)
TITLE_WINDOW = 600  # characters of the opening where the title is looked for
MAX_TITLE = 90


def contract_title(text: str) -> str | None:
    """The contract's heading: the first short line of the opening that names a kind of
    contract ("MASTER SERVICES AGREEMENT" -> "Master Services Agreement"); None if none."""
    for raw in text[:TITLE_WINDOW].splitlines():
        line = " ".join(raw.split()).strip(" .:-–—*#")
        if not line or len(line) > MAX_TITLE or len(line.split()) > 12:
            continue
        if not _CONTRACT_WORD.search(line) or re.search(r"[.;]\s|\"|“", line):
            continue
        letters = [c for c in line if c.isalpha()]
        if not letters:
            continue
        if sum(c.isupper() for c in letters) / len(letters) > 0.8:
            line = _title_case(line)
        return line
    return None


_SMALL = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
_KEEP = {"SOW", "SLA", "DPA", "NDA", "MSA", "SAAS", "IT", "EULA"}


def _title_case(line: str) -> str:
    words = []
    for i, word in enumerate(line.split()):
        parts = []
        for part in word.split("-"):
            if part.upper() in _KEEP:
                parts.append(part.upper() if part.upper() != "SAAS" else "SaaS")
            elif i and part.lower() in _SMALL:
                parts.append(part.lower())
            else:
                parts.append(part[:1].upper() + part[1:].lower())
        words.append("-".join(parts))
    return " ".join(words)


def party_names(parties: Iterable[Any], limit: int = 3) -> list[str]:
    """The parties' names as written, without repeats (at most ``limit``)."""
    out: list[str] = []
    seen: set[str] = set()
    for p in parties:
        name = " ".join(str(getattr(p, "name", p) or "").split())
        key = _norm(name)
        if name and key not in seen:
            seen.add(key)
            out.append(name)
    return out[:limit]


def contract_label(title: str | None, kind: str | None) -> str:
    """The contract's title, else its kind ("saas contract"), else "Contract"."""
    if title:
        return title
    if kind:
        return f"{kind.replace('_', ' ')} contract"
    return "Contract"


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def content_fingerprint(
    title: str | None, parties: Sequence[str], dated: Iterable[tuple[str, Any, str]]
) -> str:
    """A hash of what a contract says, not of its bytes: the title, the parties and every
    dated key date (kind, date, evidence text), each normalised to lower-case letters and
    digits, so the PDF and the DOCX of one contract get the same fingerprint."""
    items = sorted({(kind, str(date), _norm(text)[:160]) for kind, date, text in dated})
    seed = "\n".join(
        [_norm(title or ""), "|".join(sorted(_norm(p) for p in parties))]
        + ["\t".join(i) for i in items]
    )
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()
