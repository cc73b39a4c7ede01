"""Training examples assembled from ../shared/data, read in place.

Each :class:`Example` carries its positive taxonomy ids, the ids its source vouches for (a
missing id among those is a negative; ids outside are unknown and left out of that class's
training), and a group: the CUAD contract it comes from, so every split is by contract.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from contract_analyzer.errors import ContractAnalyzerError
from contract_analyzer.resources import shared_dir
from contract_analyzer.segment import Section, Unit, segment
from contract_analyzer.tagging.headings import headed_units, heading_types, in_definitions
from contract_analyzer.tagging.training import labels as L
from contract_analyzer.tagging.training.cuad import CuadContract, iter_words
from contract_analyzer.taxonomy import CLAUSE_TYPE_IDS

ALL_TYPES = frozenset(CLAUSE_TYPE_IDS)
# a unit is a positive for a CUAD span's type when it holds this share of the span's words,
# or this share of its own words is span; less overlap leaves the type unknown for the unit.
SPAN_SHARE = 0.5
UNIT_SHARE = 0.5


@dataclass(frozen=True)
class Example:
    """One training text with its labels, the labels it vouches for, and its group."""

    text: str
    labels: frozenset[str]
    known: frozenset[str]
    group: str
    source: str
    heading: frozenset[str] = frozenset()  # types its section heading names (CUAD units)
    defining: bool = False  # a CUAD unit in a definitions section


def data_dir() -> Path:
    """``../shared/data``; raises when the development data is absent."""
    root = shared_dir()
    if root is None or not (root / "data").is_dir():
        raise ContractAnalyzerError("../shared/data", "development data not found")
    return root / "data"


# ---------------------------------------------------------------- CUAD units and spans
def unit_labels(
    contract: CuadContract, units: Sequence[Unit]
) -> list[tuple[frozenset[str], frozenset[str]]]:
    """(positives, known) per unit from CUAD spans and section headings."""
    text = contract.document.text
    cuad_known = L.known_types("cuad")
    span_words = []
    for span in contract.spans:
        types = L.cuad_type_of(span.category)
        if types:
            span_words.append((span, types, list(iter_words(text, span.start, span.end))))
    out = []
    for unit in units:
        pos: set[str] = set()
        unsure: set[str] = set()
        n_unit = max(1, len(text[unit.start : unit.end].split()))
        for span, types, words in span_words:
            if span.end <= unit.start or span.start >= unit.end or not words:
                continue
            inside = sum(1 for a, b in words if a >= unit.start and b <= unit.end)
            if inside / len(words) >= SPAN_SHARE or inside / n_unit >= UNIT_SHARE:
                pos.update(types)
            elif inside:
                unsure.update(types)
        known = set(cuad_known)
        if unit.heading:
            # a titled section vouches for the types outside CUAD's: its body is what it says
            known |= ALL_TYPES
            pos |= {t for t in unit.heading if t not in cuad_known}
        known -= unsure - pos
        out.append((frozenset(pos), frozenset(known)))
    return out


def cuad_examples(
    contracts: Iterable[CuadContract],
    sections: Callable[[CuadContract], Sequence[Section]] | None = None,
    with_spans: bool = True,
    units: Callable[[CuadContract], tuple[Sequence[Unit], Sequence[bool]]] | None = None,
) -> list[Example]:
    """Units of CUAD contracts (labelled by spans and headings) and the mapped spans themselves.

    ``units`` may give each contract's units and definitions flags (e.g. from the unit cache);
    else they are made from ``sections`` (default: ``segment``).
    """
    out: list[Example] = []
    cuad_known = L.known_types("cuad")
    for c in contracts:
        if units is not None:
            us, defining = units(c)
        else:
            secs = sections(c) if sections is not None else segment(c.document)
            us = headed_units(c.document, secs)
            defining = in_definitions(secs, us)
        text = c.document.text
        for unit, d, (pos, known) in zip(us, defining, unit_labels(c, us), strict=True):
            body = text[unit.start : unit.end]
            head = frozenset(unit.heading)
            out.append(Example(body, pos, known, c.name, "cuad-unit", head, bool(d)))
        if with_spans:
            for span in c.spans:
                types = L.cuad_type_of(span.category)
                if types and span.end - span.start >= 40:
                    body = text[span.start : span.end]
                    out.append(Example(body, frozenset(types), cuad_known, c.name, "cuad-span"))
    return out


# ---------------------------------------------------------------- matching external texts to CUAD
_NORM = re.compile(r"[^a-z0-9]+")


def _shingles(text: str, n: int = 8) -> list[str]:
    words = _NORM.sub(" ", text.lower()).split()
    return [" ".join(words[i : i + n]) for i in range(0, max(1, len(words) - n + 1))]


class ContractIndex:
    """Finds the CUAD contract an external clause was taken from (ACORD is cut from CUAD)."""

    def __init__(self, contracts: Iterable[CuadContract]) -> None:
        self._index: dict[int, str] = {}
        for c in contracts:
            for sh in _shingles(c.document.text):
                self._index.setdefault(hash(sh), c.name)

    def group_of(self, text: str, default: str) -> str:
        """The contract holding most of the text's sampled 8-word shingles, else ``default``."""
        shingles = _shingles(text.replace("<omitted>", " "))
        sample = shingles[:: max(1, len(shingles) // 8)][:8]
        votes: dict[str, int] = {}
        for sh in sample:
            name = self._index.get(hash(sh))
            if name is not None:
                votes[name] = votes.get(name, 0) + 1
        if votes:
            name, n = max(sorted(votes.items()), key=lambda kv: kv[1])
            if n >= max(1, len(sample) // 3):
                return name
        return default


# ---------------------------------------------------------------- LEDGAR, CLAUDETTE, ACORD
def ledgar_examples(index: ContractIndex | None = None) -> list[Example]:
    """LEDGAR provisions whose label is mapped (one provision per group unless found in CUAD)."""
    path = data_dir() / "ledgar" / "ledgar_sample_dev.jsonl"
    m, known = L.mapping("ledgar"), L.known_types("ledgar")
    out = []
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            row = json.loads(line)
            if row["label"] not in m:
                continue
            group = f"ledgar-{i}"
            if index is not None:
                group = index.group_of(row["text"], group)
            out.append(Example(row["text"], frozenset(m[row["label"]]), known, group, "ledgar"))
    return out


def ledgar_rows() -> list[tuple[str, str]]:
    """(text, LEDGAR label) for every provision of the development sample."""
    path = data_dir() / "ledgar" / "ledgar_sample_dev.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [(r["text"], r["label"]) for r in map(json.loads, fh)]


def tos_examples() -> list[Example]:
    """CLAUDETTE Terms-of-Service clauses (grouped by the row's service when known)."""
    base = data_dir() / "unfair_tos"
    m, known = L.mapping("unfair_tos"), L.known_types("unfair_tos")
    out = []
    for name in ("train.tsv", "test.tsv"):
        with (base / name).open(encoding="utf-8", newline="") as fh:
            for i, row in enumerate(csv.DictReader(fh, delimiter="\t")):
                label = row.get("label") or row.get("answer") or ""
                if label not in m:
                    continue
                group = f"tos-{name}-{i // 50}"  # neighbouring rows come from one service
                out.append(Example(row["text"].strip(), frozenset(m[label]), known, group, "tos"))
    return out


def acord_examples(index: ContractIndex | None = None) -> list[Example]:
    """ACORD clauses: positive for a type when a query mapped to it rates them 2+ of 4."""
    base = data_dir() / "acord"
    cfg = L.label_map()["acord"]
    by_cat, by_query = cfg.get("categories") or {}, cfg.get("queries") or {}
    query_types: dict[str, tuple[str, ...]] = {}
    with (base / "queries.jsonl").open(encoding="utf-8") as fh:
        for q in map(json.loads, fh):
            qid, cat = q["_id"], q["metadata"]["category"]
            if qid in by_query:
                query_types[qid] = tuple(by_query[qid])
            elif cat in by_cat:
                query_types[qid] = tuple(by_cat[cat])
    best: dict[str, dict[str, int]] = {}
    for split in ("train", "valid", "test"):
        with (base / "qrels" / f"{split}.tsv").open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                types = query_types.get(row["query-id"])
                if types is None:
                    continue
                score = int(row["score"])
                judged = best.setdefault(row["corpus-id"], {})
                for t in types or ("__none__",):
                    judged[t] = max(judged.get(t, 0), score)
    out = []
    with (base / "corpus.jsonl").open(encoding="utf-8") as fh:
        for doc in map(json.loads, fh):
            judged = best.get(doc["_id"])
            if not judged:
                continue
            pos = frozenset(t for t, s in judged.items() if s >= 2 and t in ALL_TYPES)
            known = pos | frozenset(t for t, s in judged.items() if s == 0 and t in ALL_TYPES)
            if not known:
                continue
            text = doc["text"].replace("<omitted>", " ... ")
            group = f"acord-{doc['_id']}"
            if index is not None:
                group = index.group_of(doc["text"], group)
            out.append(Example(text, pos, known, group, "acord"))
    return out


# ---------------------------------------------------------------- Common Paper / Bonterms
_ITEM = re.compile(r"^(\s*)(?:\d+|[a-z]|[ivx]+)\.\s+(.*)$")
_TITLE = re.compile(r"^(?:<span[^>]*>(.*?)</span>|\*\*(.*?)\*\*)\s*[.:]?\s*")
_TAG = re.compile(r"<[^>]+>|\*\*|__")


def template_units(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """(body, heading types) for each numbered item of a Markdown agreement."""
    items: list[tuple[int, str | None, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _ITEM.match(line)
        if m:
            indent, rest = len(m.group(1).expandtabs(4)), m.group(2)
            t = _TITLE.match(rest)
            title = _TAG.sub("", t.group(1) or t.group(2) or "").strip() if t else None
            body = rest[t.end() :] if t else rest
            items.append((indent, title, [body]))
        elif items and line.strip() and not line.lstrip().startswith("#"):
            items[-1][2].append(line.strip())
    out = []
    stack: list[tuple[int, str | None]] = []
    for indent, title, body in items:
        while stack and stack[-1][0] >= indent:
            stack.pop()
        types = heading_types(title)
        for _, parent_title in reversed(stack):
            if types:
                break
            types = heading_types(parent_title)
        stack.append((indent, title))
        text = " ".join(_TAG.sub("", " ".join(body)).split())
        if len(text.split()) >= 5:
            out.append((text, types))
    return out


def template_examples() -> list[Example]:
    """Numbered items of the Common Paper and Bonterms agreements, labelled by their headings."""
    base = data_dir() / "templates" / "markdown"
    out = []
    for path in sorted(base.rglob("*.md")):
        if path.name == "README.md" or "coverpage" in path.name.lower():
            continue
        for text, types in template_units(path):
            if types:
                out.append(
                    Example(text, frozenset(types), ALL_TYPES, f"tpl-{path.stem}", "template")
                )
    return out


def external_examples(index: ContractIndex | None = None) -> list[Example]:
    """Every non-CUAD-unit source: LEDGAR, ACORD, CLAUDETTE, templates."""
    return ledgar_examples(index) + acord_examples(index) + tos_examples() + template_examples()
