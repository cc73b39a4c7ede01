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

from contract_analyzer.check.cues import Cue, load_cues
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


# a deliverable accepted or rejected by a stated procedure ("Customer will be deemed to have
# approved a Deliverable if Customer does not reject the Deliverable within the Rejection Period")
ACCEPTANCE = re.compile(
    r"\bdeemed\s+(?:to\s+have\s+been\s+|to\s+have\s+|to\s+be\s+)?(?:accepted|approved)\b[^.;]{0,120}?"
    r"\b(?:deliverables?|work\s+product|milestones?)\b|"
    r"\b(?:deliverables?|work\s+product|milestones?)\b[^.;]{0,80}?\bdeemed\s+(?:to\s+have\s+been\s+)?"
    r"(?:accepted|approved)\b|"
    r"\bacceptance\s+(?:tests?|testing|criteria|procedures?)\b[^.;]{0,160}?\b(?:deliverables?|reject\w*)\b",
    re.IGNORECASE,
)


# the components read with the CUAD answers' own cue, so the answer and the finding agree
_ANSWER_CUE = {
    "assignment": "anti_assignment",
    "post_termination_services": "post_termination_services",
}
_OWN_CUE = {
    "governing_law": Cue((GOVERNING,)),
    "limitation_of_liability": Cue((LIABILITY_LIMIT,)),
    "acceptance": Cue((ACCEPTANCE,)),
}


def statement_spans(text: str, component: str, limit: int = 3) -> list[tuple[int, int]]:
    """Sentences of ``text`` that state ``component`` (governing_law, assignment,
    limitation_of_liability, acceptance) unmistakably, or services after termination
    (``post_termination_services``, the CUAD answer's cue); empty for anything else."""
    cue = _OWN_CUE.get(component)
    if cue is None and component in _ANSWER_CUE:
        cue = load_cues()[_ANSWER_CUE[component]]
    if cue is None:
        return []
    out: list[tuple[int, int]] = []
    for pattern in cue.any:
        for m in pattern.finditer(text):
            s, e = sentence_around(text, m.start(), m.end())
            if any(a <= s < b for a, b in out) or not cue.matches(" ".join(text[s:e].split())):
                continue
            out.append((s, e))
            if len(out) >= limit:
                return sorted(out)
    return sorted(out)


STATED_COMPONENTS = ("governing_law", "assignment", "limitation_of_liability", "acceptance")
