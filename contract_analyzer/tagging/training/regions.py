"""The region metrics of issue 11, on CUAD contracts, and the contract split they are read on.

Definitions (issue 11, so figures compare across taggers):

- a **region** is a maximal run of consecutive clauses of one type in document order: two
  clauses of a type belong to one region when only whitespace lies between them (clauses of
  other types may overlap them; the taxonomy is multi-label);
- a region is **supported** when it holds at least 60% of the words of one expert span of its
  type, or at least 50% of its own words lie inside one expert span of its type;
- **region precision** of a type = supported regions / regions; macro over :data:`REGION_TYPES`,
  the types whose CUAD categories are marked exhaustively (the categories in brackets below);
- **span recall**: an expert span is found when one clause of its type covers at least half of
  its words;
- **presence F1**: per contract and type, tagged at least once against marked at least once.

Words are whitespace-separated tokens. The split (:func:`cuad_part`) is by contract, from a
stable hash of the contract's name: thresholds, calibration and every other choice are made on
the "tune" part only, and the "eval" part is only measured.
"""

from __future__ import annotations

import bisect
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from contract_analyzer.tagging.clause import Clause
from contract_analyzer.tagging.training.cuad import CuadContract

# type -> the CUAD categories whose spans support it (issue 11's list of exhaustive categories)
REGION_CATEGORIES: dict[str, tuple[str, ...]] = {
    "parties": ("Parties",),
    "term_and_renewal": ("Expiration Date", "Renewal Term", "Notice Period To Terminate Renewal"),
    "limitation_of_liability": ("Cap On Liability", "Uncapped Liability"),
    "insurance": ("Insurance",),
    "governing_law": ("Governing Law",),
    "assignment": ("Anti-Assignment",),
    "non_solicitation": ("No-Solicit Of Employees", "No-Solicit Of Customers"),
    "audit_rights": ("Audit Rights",),
}
REGION_TYPES: tuple[str, ...] = tuple(REGION_CATEGORIES)
SPAN_HELD = 0.6  # a region holding this share of an expert span's words is supported
REGION_INSIDE = 0.5  # ... or this share of its own words inside one expert span
SPAN_COVERED = 0.5  # a span is found when one clause covers this share of its words
EVAL_BUCKETS = 5  # one contract in five (by hash) is in the evaluation part
_WORD = re.compile(r"\S+")


def cuad_part(name: str) -> str:
    """ "eval" for one CUAD contract in :data:`EVAL_BUCKETS` (crc32 of its name), else "tune"."""
    return "eval" if zlib.crc32(name.encode("utf-8")) % EVAL_BUCKETS == 0 else "tune"


def split_contracts(
    contracts: Iterable[CuadContract],
) -> tuple[list[CuadContract], list[CuadContract]]:
    """(tune, eval) parts of the contracts, each in the given order."""
    tune, held = [], []
    for c in contracts:
        (held if cuad_part(c.name) == "eval" else tune).append(c)
    return tune, held


class _Words:
    """Word offsets of one text, for counting the words of a span inside another span."""

    def __init__(self, text: str) -> None:
        found = [m.span() for m in _WORD.finditer(text)]
        self.starts = [a for a, _ in found]
        self.ends = [b for _, b in found]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Index range of the words lying wholly inside [start, end)."""
        a = bisect.bisect_left(self.starts, start)
        b = bisect.bisect_right(self.ends, end)
        return a, max(a, b)


def regions_of(clauses: Iterable[Clause], text: str) -> dict[str, list[tuple[int, int]]]:
    """Per type, the (start, end) of its regions: clauses joined across whitespace."""
    by_type: dict[str, list[tuple[int, int]]] = {}
    for c in sorted(clauses, key=lambda c: (c.type, c.start, c.end)):
        runs = by_type.setdefault(c.type, [])
        if runs and (c.start <= runs[-1][1] or not text[runs[-1][1] : c.start].strip()):
            runs[-1] = (runs[-1][0], max(runs[-1][1], c.end))
        else:
            runs.append((c.start, c.end))
    return by_type


@dataclass
class RegionTally:
    """Counts over contracts, per type: regions, supported regions, spans, found spans, presence."""

    regions: dict[str, int] = field(default_factory=dict)
    supported: dict[str, int] = field(default_factory=dict)
    spans: dict[str, int] = field(default_factory=dict)
    found: dict[str, int] = field(default_factory=dict)
    presence: dict[str, list[int]] = field(default_factory=dict)  # tp, fp, fn
    contracts: int = 0
    all_regions: int = 0
    categories: dict[str, tuple[str, ...]] = field(default_factory=lambda: REGION_CATEGORIES)

    def add(
        self, contract: CuadContract, clauses: Sequence[Clause], words: _Words | None = None
    ) -> None:
        """Score one tagged contract against its expert spans (``words``: its word offsets)."""
        text = contract.document.text
        words = words if words is not None else _Words(text)
        self.contracts += 1
        regions = regions_of(clauses, text)
        self.all_regions += sum(len(r) for r in regions.values())
        clause_spans: dict[str, list[tuple[int, int]]] = {}
        for c in clauses:
            clause_spans.setdefault(c.type, []).append((c.start, c.end))
        for t, cats in self.categories.items():
            spans = [words.span(s.start, s.end) for s in contract.spans if s.category in cats]
            spans = [(a, b) for a, b in spans if b > a]
            rs = regions.get(t, [])
            self.regions[t] = self.regions.get(t, 0) + len(rs)
            self.supported[t] = self.supported.get(t, 0) + sum(
                _supported(words.span(*r), spans) for r in rs
            )
            cs = [words.span(*c) for c in clause_spans.get(t, [])]
            self.spans[t] = self.spans.get(t, 0) + len(spans)
            self.found[t] = self.found.get(t, 0) + sum(
                any(_overlap(c, s) >= SPAN_COVERED * (s[1] - s[0]) for c in cs) for s in spans
            )
            tp_fp_fn = self.presence.setdefault(t, [0, 0, 0])
            predicted, actual = bool(rs), bool(spans)
            tp_fp_fn[0] += predicted and actual
            tp_fp_fn[1] += predicted and not actual
            tp_fp_fn[2] += actual and not predicted

    def summary(self) -> dict:
        """Per type and macro: region precision, span recall, presence F1; regions/contract."""
        per: dict[str, dict[str, float]] = {}
        for t in self.categories:
            n, s = self.regions.get(t, 0), self.supported.get(t, 0)
            tp, fp, fn = self.presence.get(t, [0, 0, 0])
            per[t] = {
                "region_precision": s / n if n else 0.0,
                "regions": n,
                "span_recall": self.found.get(t, 0) / self.spans[t] if self.spans.get(t) else 0.0,
                "spans": self.spans.get(t, 0),
                "presence_f1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0,
                "presence_precision": tp / (tp + fp) if tp + fp else 0.0,
                "presence_recall": tp / (tp + fn) if tp + fn else 0.0,
            }
        k = max(1, self.contracts)
        per_region = [per[t] for t in REGION_TYPES if t in per]
        return {
            "contracts": self.contracts,
            "region_precision_macro": _mean(v["region_precision"] for v in per_region),
            "span_recall_macro": _mean(v["span_recall"] for v in per_region),
            "presence_f1_macro": _mean(v["presence_f1"] for v in per_region),
            "regions_per_contract": self.all_regions / k,
            "regions_per_contract_region_types": sum(self.regions.get(t, 0) for t in REGION_TYPES)
            / k,
            "per_type": per,
        }


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _supported(region: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    size = region[1] - region[0]
    for s in spans:
        shared = _overlap(region, s)
        if shared and (shared >= SPAN_HELD * (s[1] - s[0]) or shared >= REGION_INSIDE * size):
            return True
    return False


def _mean(values: Iterable[float]) -> float:
    values = list(values)
    return float(np.mean(values)) if values else 0.0


def format_table(summary: dict, title: str) -> str:
    """The per-type and macro figures as a fixed-width text table."""
    lines = [
        title,
        f"{'type':26s} {'reg.prec':>8s} {'regions':>8s} {'span.rec':>8s} {'spans':>6s}"
        f" {'pres.F1':>8s} {'pres.P':>7s} {'pres.R':>7s}",
    ]
    for t, v in summary["per_type"].items():
        lines.append(
            f"{t:26s} {v['region_precision']:8.3f} {v['regions']:8d} {v['span_recall']:8.3f}"
            f" {v['spans']:6d} {v['presence_f1']:8.3f} {v['presence_precision']:7.3f}"
            f" {v['presence_recall']:7.3f}"
        )
    lines.append(
        f"{'macro':26s} {summary['region_precision_macro']:8.3f} {'':8s}"
        f" {summary['span_recall_macro']:8.3f} {'':6s} {summary['presence_f1_macro']:8.3f}"
    )
    lines.append(
        f"regions per contract: {summary['regions_per_contract']:.1f} (all types), "
        f"{summary['regions_per_contract_region_types']:.1f} (the {len(REGION_TYPES)} types above)"
        f"; {summary['contracts']} contracts"
    )
    return "\n".join(lines)
