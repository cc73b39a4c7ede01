"""The label mapping of ``label_map.yaml``: each data set's labels onto taxonomy ids."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from contract_analyzer.taxonomy import CLAUSE_TYPE_IDS, check_clause_type

LABEL_MAP_PATH = Path(__file__).with_name("label_map.yaml")


@lru_cache(maxsize=1)
def label_map() -> dict[str, Any]:
    """The parsed mapping, every target checked against the taxonomy."""
    data = yaml.safe_load(LABEL_MAP_PATH.read_text(encoding="utf-8"))
    for source, entry in data.items():
        for key in ("map", "categories", "queries"):
            for targets in (entry.get(key) or {}).values():
                for t in targets:
                    check_clause_type(t)
        known = entry.get("known", "all")
        if known != "all":
            for t in known:
                check_clause_type(t)
        for t in entry.get("exhaustive", []):
            check_clause_type(t)
        if not isinstance(entry, dict):
            raise ValueError(f"{LABEL_MAP_PATH}: entry {source!r} is not a mapping")
    return data


def mapping(source: str) -> dict[str, tuple[str, ...]]:
    """label -> taxonomy ids for one source (an empty tuple means a known negative)."""
    return {k: tuple(v) for k, v in (label_map()[source].get("map") or {}).items()}


def known_types(source: str) -> frozenset[str]:
    """The taxonomy ids whose absence a source's labels vouch for."""
    known = label_map()[source].get("known", "all")
    return frozenset(CLAUSE_TYPE_IDS) if known == "all" else frozenset(known)


def cuad_type_of(category: str) -> tuple[str, ...]:
    """Taxonomy ids of a CUAD category (empty when it is not mapped)."""
    return mapping("cuad").get(category, ())


def cuad_exhaustive() -> tuple[str, ...]:
    """Types whose CUAD annotation is exhaustive (used for contract-level presence F1)."""
    return tuple(label_map()["cuad"]["exhaustive"])


def cuad_mapped_types() -> tuple[str, ...]:
    """Every taxonomy id some CUAD category maps to, in taxonomy order."""
    targets = {t for ts in mapping("cuad").values() for t in ts}
    return tuple(t for t in CLAUSE_TYPE_IDS if t in targets)


def ledgar_mapped_types() -> tuple[str, ...]:
    """Every taxonomy id some LEDGAR label maps to, in taxonomy order."""
    targets = {t for ts in mapping("ledgar").values() for t in ts}
    return tuple(t for t in CLAUSE_TYPE_IDS if t in targets)
