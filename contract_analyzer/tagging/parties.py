"""The ``parties`` type read from the preamble's structure, not from the classifier's words.

Why: a TF-IDF classifier learns the *names* of the parties it was trained on, so on unseen
contracts its ``parties`` tags scatter over any passage with a company name (on CUAD's
evaluation part only 56% of its parties regions held an expert's party span). Who the
parties are is structure that :func:`~contract_analyzer.text.parties.extract_parties` already
reads ("between Acme Corp. ("Supplier") and ..."), so a unit is a parties clause when it holds
a party mention of the preamble (mentions within ``PREAMBLE_REACH`` characters of the first
one: a later "Franchisee or any of its Owners" is no preamble), or when it is a short title
line before the preamble that names a party with "between" / "among" ("Supply Agreement
between A and B"). Where no party is found the classifier's decision stands.

Chosen on the tuning part of CUAD (``bench/eval_tagging.py --part tune``): region precision
0.867 and span recall 0.743 for the rule against 0.695 / 0.704 for the classifier's
out-of-fold decision; signature blocks naming a party were tried and dropped (experts rarely
mark them: precision fell to 0.48).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from contract_analyzer.document import Document
from contract_analyzer.segment import Unit
from contract_analyzer.text.parties import extract_parties

# party mentions this far after the first one still belong to the preamble
PREAMBLE_REACH = 1500
# a title line naming the parties is at most this many words
TITLE_WORDS = 40
# the share of the rule's regions that an expert span supports on the tuning part: the
# confidence its clauses carry (calibrated by construction, one figure for one rule)
RULE_CONFIDENCE = 0.87
_BETWEEN = re.compile(r"\b(?:between|among|by\s+and)\b", re.IGNORECASE)


def _flat(text: str) -> str:
    return " ".join(text.split()).lower()


def preamble_party_units(document: Document, units: Sequence[Unit]) -> np.ndarray:
    """Per unit: it is the preamble naming the parties (or the title line naming them).

    All False when the preamble names no party (the caller keeps the classifier's decision).
    """
    out = np.zeros(len(units), dtype=bool)
    parties = extract_parties(document.text)
    if not parties:
        return out
    first = min(p.start for p in parties)
    spans = [(p.start, p.end) for p in parties if p.start <= first + PREAMBLE_REACH]
    names = {_flat(p.name) for p in parties if len(p.name) >= 4}
    for i, unit in enumerate(units):
        if any(s < unit.end and e > unit.start for s, e in spans):
            out[i] = True
        elif unit.end <= first + 1:
            line = _flat(document.text[unit.start : unit.end])
            if (
                len(line.split()) <= TITLE_WORDS
                and _BETWEEN.search(line)
                and any(n in line for n in names)
            ):
                out[i] = True
    return out


def apply_parties_rule(
    document: Document,
    units: Sequence[Unit],
    classes: Sequence[str],
    confidence: np.ndarray,
    tagged: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(confidence, tagged, ruled)`` with the ``parties`` column read from the preamble when
    it names a party (``ruled`` marks those decisions); unchanged otherwise (or when
    ``classes`` has no ``parties``)."""
    ruled = np.zeros(tagged.shape, dtype=bool)
    if "parties" not in classes:
        return confidence, tagged, ruled
    rows = preamble_party_units(document, units)
    if not rows.any():
        return confidence, tagged, ruled
    j = list(classes).index("parties")
    confidence, tagged = confidence.copy(), tagged.copy()
    tagged[:, j] = rows
    ruled[:, j] = rows
    confidence[rows, j] = RULE_CONFIDENCE
    return confidence, tagged, ruled
