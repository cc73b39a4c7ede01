"""What a weakness rule sees: the document, its clauses by type, its facts, the key dates.

Rules read clause text through spans and the document's :class:`Facts` (extracted once, by
the facts stage) for durations, money and percentages, so every number a rule reasons about
was found by the one shared extractor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from contract_analyzer.check import facts_view
from contract_analyzer.check.cap_parse import LiabilityReading, read_liability
from contract_analyzer.check.finding import Evidence
from contract_analyzer.check.presence import present_components
from contract_analyzer.check.statements import STATED_COMPONENTS, statement_spans
from contract_analyzer.document import Document
from contract_analyzer.facts import Facts, Party, extract_facts
from contract_analyzer.keydates import KeyDate
from contract_analyzer.tagging.clause import Clause
from contract_analyzer.text.casefold import fold_case, may_match
from contract_analyzer.text.sentences import sentence_around

# A tagged clause counts for a component only when its text has one of the component's anchor
# words: the tagger's occasional confusions (a force-majeure sentence tagged as a liability
# limit) must not make a component look present, nor trigger rules meant for it.
ANCHORS: dict[str, re.Pattern[str]] = {
    "limitation_of_liability": re.compile(
        r"damages|exceed|\bcap(?:ped)?\b|limit|consequential|indirect|aggregate|in no event|unlimited",
        re.IGNORECASE,
    ),
    "service_levels": re.compile(
        r"service levels?|uptime|availab|respon|resol|restor|credit|downtime|\d\s*%|percent|"
        r"severity|priority|business hours|incident",
        re.IGNORECASE,
    ),
    "acceptance": re.compile(r"\baccept|\breject|sign[- ]?off", re.IGNORECASE),
    "payment_terms": re.compile(
        r"\bpa(?:y|id|yable|yment)|\bfees?\b|invoic|\bprices?\b|charges?|compensat|[$£€]|royalt",
        re.IGNORECASE,
    ),
    "confidentiality": re.compile(r"confidential|non-?disclos|secre|proprietary", re.IGNORECASE),
    "governing_law": re.compile(r"govern|laws? of|construed", re.IGNORECASE),
    "termination": re.compile(r"terminat|cancel|expir|end of", re.IGNORECASE),
    "term_and_renewal": re.compile(
        r"\bterm\b|renew|expir|commenc|effective|period|perpetu|continue", re.IGNORECASE
    ),
    "dispute_resolution": re.compile(
        r"disput|arbitra|mediat|court|jurisdiction|venue|escalat|claim", re.IGNORECASE
    ),
    "data_protection": re.compile(
        r"personal|privacy|data|security|processor|GDPR|HIPAA", re.IGNORECASE
    ),
}


@dataclass(frozen=True)
class Region:
    """A merged stretch of text covered by clauses of one type."""

    start: int
    end: int


@dataclass(frozen=True)
class Hit:
    """A rule's verdict that a component is weak: the message and the spans that show it."""

    message: str
    evidence: tuple[Evidence, ...] = ()


@dataclass
class CheckContext:
    """Shared, cached view of one contract for the rules."""

    document: Document
    clauses: Sequence[Clause]
    key_dates: Sequence[KeyDate] = ()
    facts: Facts | None = None
    _cache: dict[tuple[str, int, int], list[Any]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.facts is None:  # a context built by hand (a rule test): extract them once here
            self.facts = extract_facts(self.document)

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def parties(self) -> Sequence[Party]:
        """The parties named in the preamble (from the facts)."""
        assert self.facts is not None
        return self.facts.parties

    @cached_property
    def regions_by_type(self) -> dict[str, list[Region]]:
        """Clause spans per type, sorted, with overlapping or touching spans merged."""
        spans: dict[str, list[tuple[int, int]]] = {}
        for c in self.clauses:
            anchor = ANCHORS.get(c.type)
            if anchor is not None and not anchor.search(self.text, c.start, c.end):
                continue
            spans.setdefault(c.type, []).append((c.start, c.end))
        merged: dict[str, list[Region]] = {}
        for kind, items in spans.items():
            items.sort()
            out: list[list[int]] = []
            for s, e in items:
                if out and s <= out[-1][1] + 1:
                    out[-1][1] = max(out[-1][1], e)
                else:
                    out.append([s, e])
            merged[kind] = [Region(s, e) for s, e in out]
        return merged

    @cached_property
    def liability(self) -> LiabilityReading:
        """The contract's caps, exclusions, time limits and carve-outs (read once)."""
        assert self.facts is not None
        regions = [(c.start, c.end) for c in self.clauses if c.type == "limitation_of_liability"]
        regions += [(r.start, r.end) for r in self.stated.get("limitation_of_liability", [])]
        return read_liability(self.text, self.facts, sorted(regions))

    def has(self, component: str) -> bool:
        """True when the contract holds the component on real evidence (``presence``), or
        states it unmistakably (``statements``: a governing-law sentence the tagger missed)."""
        tagged = bool(self.regions_by_type.get(component)) and component in self.present
        return tagged or component in self.stated

    @cached_property
    def stated(self) -> dict[str, list[Region]]:
        """Components not shown by the tagged clauses that the text states (``statements``)."""
        out: dict[str, list[Region]] = {}
        for comp in STATED_COMPONENTS:
            if self.regions_by_type.get(comp) and comp in self.present:
                continue
            spans = statement_spans(self.text, comp)
            if spans:
                out[comp] = [Region(s, e) for s, e in spans]
        return out

    @cached_property
    def present(self) -> frozenset[str]:
        """The components the tagged clauses show present (``check.presence``)."""
        return present_components(self.clauses)

    def regions(self, *components: str) -> list[Region]:
        """Regions of any of the given types (whole document when none given)."""
        if not components:
            return [Region(0, len(self.text))]
        out: list[Region] = []
        for comp in components:
            out.extend(self.regions_by_type.get(comp, []))
            out.extend(self.stated.get(comp, []))
        return sorted(set(out), key=lambda r: (r.start, r.end))

    def region_text(self, region: Region) -> str:
        return self.text[region.start : region.end]

    def evidence(self, start: int, end: int) -> Evidence:
        """An evidence span with its page number."""
        return Evidence(start, end, self.document.page_at(start))

    def region_evidence(self, *components: str, limit: int = 3) -> tuple[Evidence, ...]:
        """The first few regions of the given types as evidence."""
        return tuple(self.evidence(r.start, r.end) for r in self.regions(*components)[:limit])

    def search(
        self, pattern: re.Pattern[str], *components: str
    ) -> Iterable[tuple[re.Match[str], Region]]:
        """Every match of ``pattern`` inside the regions of the given types (or anywhere)."""
        for region in self.regions(*components):
            for m in pattern.finditer(self.text, region.start, region.end):
                yield m, region

    def first(self, pattern: re.Pattern[str], *components: str) -> re.Match[str] | None:
        """The first match of ``pattern`` in the given regions, or None."""
        return next((m for m, _ in self.search(pattern, *components)), None)

    def anywhere(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """The first match of ``pattern`` anywhere in the contract."""
        if not may_match(pattern, self.folded_text):
            return None  # a word every match contains is absent: no search needed
        return pattern.search(self.text)

    @cached_property
    def folded_text(self) -> str:
        """``fold_case`` of the text, where the rules' patterns are pre-tested."""
        return fold_case(self.text)

    def sentence_around(self, start: int, end: int, limit: int = 600) -> tuple[int, int]:
        """The sentence holding a match, bounded to ``limit`` characters each way."""
        return sentence_around(self.text, start, end, limit=limit)

    def _facts(self, name: str, start: int, end: int) -> list[Any]:
        key = (name, start, end)
        if key not in self._cache:
            assert self.facts is not None
            self._cache[key] = getattr(facts_view, name)(self.facts.within(start, end))
        return self._cache[key]

    def durations(self, start: int, end: int) -> list[facts_view.Mention]:
        """Durations found by the facts extractor in a span (absolute offsets)."""
        return self._facts("durations", start, end)

    def money(self, start: int, end: int) -> list[facts_view.Mention]:
        """Money amounts found by the facts extractor in a span (absolute offsets)."""
        return self._facts("money", start, end)

    def percentages(self, start: int, end: int) -> list[facts_view.Mention]:
        """Percentages found by the facts extractor in a span (absolute offsets)."""
        return self._facts("percentages", start, end)
