"""CUAD contracts' units, computed once and kept on disk between training runs.

Segmenting 402 contracts takes many minutes; training and tuning read the same units again
and again. The cache is keyed by the contract text and by the source of the code that makes
units (``segment/`` and the heading lexicon), so any change there recomputes it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from contract_analyzer.segment import Unit, segment
from contract_analyzer.tagging.headings import headed_units, in_definitions
from contract_analyzer.tagging.training.cuad import CuadContract

_PACKAGE = Path(__file__).resolve().parents[2]


def code_key() -> str:
    """Hash of the sources that decide units: ``segment/``, ``text/``, headings."""
    h = hashlib.sha256()
    files = sorted((_PACKAGE / "segment").glob("*.py")) + sorted((_PACKAGE / "text").glob("*.py"))
    files += [_PACKAGE / "tagging" / "headings.py", _PACKAGE / "tagging" / "headings.yaml"]
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _encode(u: Unit) -> list:
    return [u.start, u.end, u.section, list(u.heading), u.heading_own, u.title, u.piece]


def _decode(row: list) -> Unit:
    s, e, sec, heading, own, title, piece = row
    return Unit(s, e, sec, tuple(heading), bool(own), title, int(piece))


@dataclass(frozen=True)
class ContractUnits:
    """A contract's units and, per unit, whether it lies in a definitions section."""

    units: list[Unit]
    defining: list[bool]


def contract_units(
    contracts: Sequence[CuadContract],
    cache_dir: Path | None,
    log: Callable[[str], None] | None = None,
) -> dict[str, ContractUnits]:
    """Units (``headed_units`` of ``segment``) of each contract, from the cache when valid."""
    key = code_key()
    out: dict[str, ContractUnits] = {}
    for i, c in enumerate(contracts):
        digest = hashlib.sha256(c.document.text.encode("utf-8")).hexdigest()[:16]
        path = cache_dir / f"units-{key}-{digest}.json" if cache_dir is not None else None
        if path is not None and path.is_file():
            data = json.loads(path.read_text())
            units = [_decode(r) for r in data["units"]]
            out[c.name] = ContractUnits(units, [bool(f) for f in data["defining"]])
            continue
        sections = segment(c.document)
        units = headed_units(c.document, sections)
        out[c.name] = ContractUnits(units, in_definitions(sections, units))
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            data = {"units": [_encode(u) for u in units], "defining": out[c.name].defining}
            path.write_text(json.dumps(data))
        if log is not None and i % 25 == 0:
            log(f"segmented {i + 1}/{len(contracts)}")
    return out
