"""Which kind of contract is this? Title first, then the words and the clause mix.

Each shipped playbook's ``detect`` section holds its signals (data, not code):
``title`` phrases looked for in the opening of the contract (where the title and recitals
are), ``keywords`` counted in the whole text, ``clauses`` weights on the share of the text
tagged with a type. The kind with the highest score wins; ``generic`` when nothing stands out.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from contract_analyzer.check.playbook import Playbook, shipped_playbooks
from contract_analyzer.document import Document
from contract_analyzer.tagging.clause import Clause
from contract_analyzer.text.casefold import fold_case

TITLE_ZONE = 600  # characters from the start where the title and recitals are read
TITLE_WEIGHT = 10.0
MIN_SCORE = 3.0
HEADING_TITLE_FACTOR = 0.8  # a heading further in counts a little less than the opening  # below this, the contract is "generic"


@dataclass(frozen=True)
class KindGuess:
    """The detected kind, a 0-1 confidence, and every kind's score (for explanations)."""

    kind: str
    confidence: float
    scores: Mapping[str, float]


@lru_cache(maxsize=4096)
def _phrase(p: str) -> re.Pattern[str]:
    words = r"[\s\-]+".join(re.escape(w) for w in p.split())
    return re.compile(rf"(?<![\w-]){words}(?![\w-])", re.IGNORECASE)


def _title_score(opening: str, phrases: Mapping[str, float]) -> float:
    best = 0.0
    for phrase, weight in phrases.items():
        m = _phrase(phrase).search(opening)
        if m:
            # earlier and longer matches weigh more ("master services agreement" in the title
            # beats "statement of work" mentioned in the recitals)
            position = 1.0 - m.start() / max(len(opening), 1)
            length = min(len(phrase.split()), 4) / 4.0
            best = max(best, weight * TITLE_WEIGHT * (0.5 + 0.35 * position + 0.15 * length))
    return best


def _early_headings(document: Document) -> list[str]:
    """The first few headings near the start (a title below a cover note or help text)."""
    limit = max(len(document.text) // 6, TITLE_ZONE)
    out = []
    for block in document.blocks:
        if block.kind == "heading" and block.start < limit:
            heading = document.text[block.start : block.end]
            if len(heading.split()) > 12:
                continue
            out.append(heading)
            if len(out) >= 6:
                break
    return out


def _keyword_score(text: str, keywords: Mapping[str, float], folded: str | None = None) -> float:
    """``folded``: ``fold_case(text)``, where the phrases' first words are looked up first."""
    total = 0.0
    for phrase, weight in keywords.items():
        count = _count(_phrase(phrase), phrase, text, folded, KEYWORD_CAP)
        total += weight * math.log1p(min(count, KEYWORD_CAP))
    return total / 3.0


KEYWORD_CAP = 20  # occurrences of a keyword counted at most


def _count(pattern: re.Pattern[str], phrase: str, text: str, folded: str | None, cap: int) -> int:
    """``min(len(pattern.findall(text)), cap)`` for the pattern of ``phrase``: every match
    starts with the phrase's first word, so it is tried only where ``folded`` (same length
    as ``text``) holds that word, and counting stops at ``cap``."""
    words = phrase.split()
    first = words[0].lower() if words else ""
    if folded is None or not first.isascii() or len(folded) != len(text) or not first:
        return min(len(pattern.findall(text)), cap)
    count, end = 0, 0
    at = folded.find(first)
    while at != -1 and count < cap:
        if at >= end and (m := pattern.match(text, at)) is not None:
            count += 1
            end = m.end()
        at = folded.find(first, at + 1)
    return count


def _clause_score(shares: Mapping[str, float], weights: Mapping[str, float]) -> float:
    return sum(weight * 10.0 * shares.get(t, 0.0) for t, weight in weights.items())


def clause_shares(document: Document, clauses: Sequence[Clause]) -> dict[str, float]:
    """Share of the contract's characters covered by each clause type."""
    size = max(len(document.text), 1)
    covered: dict[str, int] = {}
    for c in clauses:
        covered[c.type] = covered.get(c.type, 0) + (c.end - c.start)
    return {t: min(n / size, 1.0) for t, n in covered.items()}


def detect_kind(
    document: Document,
    clauses: Sequence[Clause] = (),
    playbooks: Mapping[str, Playbook] | None = None,
) -> KindGuess:
    """The contract kind with a confidence; ``generic`` when no kind scores ``MIN_SCORE``."""
    books = playbooks or shipped_playbooks()
    text = document.text
    folded = fold_case(text)
    opening = text.lstrip()[:TITLE_ZONE]
    headings = _early_headings(document)
    shares = clause_shares(document, clauses)
    scores: dict[str, float] = {}
    for kind, book in books.items():
        if kind == "generic":
            continue
        signals = book.detect
        title = max(
            [_title_score(opening, signals.title)]
            + [HEADING_TITLE_FACTOR * _title_score(h, signals.title) for h in headings]
        )
        scores[kind] = round(
            title
            + _keyword_score(text, signals.keywords, folded)
            + _clause_score(shares, signals.clauses),
            4,
        )
    generic_title = (
        _title_score(opening, books["generic"].detect.title) if "generic" in books else 0
    )
    scores["generic"] = round(max(MIN_SCORE, generic_title), 4)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    best, best_score = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    confidence = best_score / (best_score + second) if best_score + second > 0 else 0.0
    return KindGuess(best, round(confidence, 3), dict(sorted(scores.items())))
