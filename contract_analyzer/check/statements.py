"""Components the text states unmistakably, whatever the tagger made of the clause.

A governing-law sentence ("governed by the laws of the State of New York"), an assignment
restriction ("may not assign this Agreement without the prior written consent") or a liability
limit ("in no event shall either party's aggregate liability exceed") is one sentence with
precise wording. When the tagger misses such a clause (an unusual heading, a clause inside a
"Miscellaneous" section), the checker would report the component missing while the CUAD
answer for the same contract, read from the same words, says it is there. The checker and the
answers read these statements from here, so a missing-component finding and an answer never
disagree.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from contract_analyzer.text.sentences import sentence_around

GOVERNING = re.compile(
    r"\b(?:governed\s+by|construed\s+(?:and\s+enforced\s+)?in\s+accordance\s+with|"
    r"subject\s+to|interpreted\s+(?:and\s+construed\s+)?(?:in\s+accordance\s+with|under)|"
    r"governing\s+law\s+(?:is|shall\s+be))\b[^.]{0,120}?\blaws?\s+of\s+(?:the\s+)?"
    r"(?:(?:State|Commonwealth|Province|Republic|Kingdom|People's\s+Republic)\s+of\s+)?"
    r"(?P<place>[A-Z][\w.'-]*(?:\s+(?:of\s+)?[A-Z][\w.'-]*){0,3})",
)

LIABILITY_LIMIT = re.compile(
    r"\b(?:aggregate|total|cumulative|maximum|entire)\s+(?:\w+\s+){0,3}liability\b[^.;]{0,200}?"
    r"\b(?:exceed|limited\s+to|not\s+be\s+(?:more|greater)\s+than)|"
    r"\bliability\b[^.;]{0,80}?\b(?:shall|will)\s+(?:in\s+no\s+event\s+)?(?:not\s+exceed|be\s+limited\s+to)|"
    r"\b(?:in\s+no\s+event|under\s+no\s+circumstances)\s+(?:shall|will)\s+[^.;]{0,80}?\bbe\s+liable\b[^.;]{0,120}?"
    r"\b(?:indirect|incidental|consequential|special|punitive|exemplary|lost\s+profits|in\s+excess)",
    re.IGNORECASE,
)


CUES_FILE = Path(__file__).with_name("answers") / "cues.yaml"


@lru_cache(maxsize=8)
def _cue(category: str) -> tuple[tuple[re.Pattern[str], ...], ...]:
    """A CUAD category's cue (``any``, ``with``, ``unless`` patterns), read from the answers'
    lexicon file: the same words, without importing the answers package (which imports the
    checker's context, which imports this module)."""
    spec = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))[category]
    return tuple(
        tuple(re.compile(p, re.IGNORECASE) for p in spec.get(key) or ())
        for key in ("any", "with", "unless")
    )


def _spans(
    text: str,
    patterns: tuple[re.Pattern[str], ...],
    limit: int,
    needs: tuple[re.Pattern[str], ...] = (),
    unless: tuple[re.Pattern[str], ...] = (),
) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for pattern in patterns:
        for m in pattern.finditer(text):
            s, e = sentence_around(text, m.start(), m.end())
            if needs and not any(n.search(text, s, e) for n in needs):
                continue
            if any(u.search(text, s, e) for u in unless):
                continue
            if not any(a <= s < b for a, b in out):
                out.append((s, e))
            if len(out) >= limit:
                return sorted(out)
    return sorted(out)


def _cue_for(limit: int, category: str) -> tuple:
    anys, withs, unless = _cue(category)
    return anys, limit, withs, unless


def statement_spans(text: str, component: str, limit: int = 3) -> list[tuple[int, int]]:
    """Sentences of ``text`` that state ``component`` (governing_law, assignment,
    limitation_of_liability) unmistakably, or services after termination
    (``post_termination_services``, the CUAD answer's cue); empty for anything else."""
    if component == "governing_law":
        return _spans(text, (GOVERNING,), limit)
    if component == "assignment":
        return _spans(text, *_cue_for(limit, "anti_assignment"))
    if component == "post_termination_services":
        return _spans(text, *_cue_for(limit, "post_termination_services"))
    if component == "limitation_of_liability":
        return _spans(text, (LIABILITY_LIMIT,), limit)
    return []


STATED_COMPONENTS = ("governing_law", "assignment", "limitation_of_liability")
