"""The phrase lexicon of the CUAD categories (``answers/cues.yaml``), compiled once.

Read by the CUAD answers and by the checker's stated components (:mod:`.statements`), so both
find a category in the same words. It sits outside the ``answers`` package because the
answers import the checker's context, which must not import them back."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

CUES_FILE = Path(__file__).parent / "answers" / "cues.yaml"


@dataclass(frozen=True)
class Cue:
    """A category's patterns: a sentence matches ``any`` (and ``with`` if given), not ``unless``."""

    any: tuple[re.Pattern[str], ...]
    with_: tuple[re.Pattern[str], ...] = ()
    unless: tuple[re.Pattern[str], ...] = ()

    def matches(self, sentence: str) -> re.Match[str] | None:
        """The first ``any`` match in ``sentence`` when the sentence qualifies, else None."""
        hit = next((m for p in self.any if (m := p.search(sentence))), None)
        if hit is None:
            return None
        if self.with_ and not any(p.search(sentence) for p in self.with_):
            return None
        if any(p.search(sentence) for p in self.unless):
            return None
        return hit


def _compile(items: list[str] | None) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in items or ())


@lru_cache(maxsize=1)
def load_cues() -> dict[str, Cue]:
    """Category id -> its compiled cue (read once)."""
    data = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))
    return {
        cat: Cue(
            _compile(spec.get("any")), _compile(spec.get("with")), _compile(spec.get("unless"))
        )
        for cat, spec in data.items()
    }
