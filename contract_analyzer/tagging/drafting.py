"""Drafting notes: text addressed to whoever fills in a template, not terms between the parties.

Standard templates (Common Paper, Bonterms, law-firm forms) carry guidance such as "If no
Insurance Minimums are included, delete this", "Select those that apply", "Attach or link to
yours here" or "( ) Option 1 ( ) Option 2". Such a unit names a clause type without being a
clause of it; tagged, it makes a component the drafter removed look present. A unit is a
drafting note when such an instruction opens it or when it is short and holds one; long units
that merely contain a bracketed note keep their types (the terms around the note are real).
"""

from __future__ import annotations

import re

from contract_analyzer.text.casefold import fold_case, may_match

_INSTRUCTION = re.compile(
    r"\b(?:delete|remove|strike)\s+(?:this|these|the\s+(?:one|option|section|sentence|paragraph|language|"
    r"text|bracketed)|it|whichever|any\s+(?:that|which|option)|if\s+not)\b|"
    r"\b(?:select|check|choose|tick|mark)\s+(?:one|all|both|either|those|which|whichever|the\s+(?:one|option|"
    r"box|boxes|applicable)|an?\s+option|[\"“”]?none|below|above|here)\b|"
    r"\b(?:select|check|choose|tick)\b[^.;]{0,40}\b(?:below|above|that\s+apply|and\s+delete)\b|"
    r"\b(?:attach|link|insert|enter|fill\s+in|add)\s+(?:or\s+link\s+)?(?:to\s+)?(?:yours|your\s+own|here|"
    r"the\s+(?:applicable|relevant)\s+(?:details|information|text))\b|"
    r"\bupdate\s+and\s+modify\s+the\s+language\b|\bparentheses\s+indicate\b|"
    r"\bhow\s+to\s+(?:set\s+up|use|fill\s+(?:in|out)|complete)\s+(?:an?\s+|this\s+|the\s+)?(?:agreement|template|form|cover\s+page)\b|"
    r"\bif\s+[^.;]{0,80}\bis\s+selected\s+(?:above|below)\b|"
    r"\b(?:drafting|editor'?s|user)\s+notes?\s*:|"
    r"(?:^|\s)\(\s\)\s+\w[^()]{0,60}\(\s\)\s+\w",
    re.IGNORECASE,
)

# a unit of at most this many words that holds an instruction is a note as a whole
SHORT_WORDS = 60


# what is left of a unit once bracketed notes, {placeholders} and empty checkboxes are removed
_BRACKETED = re.compile(r"\[[^\[\]]{0,600}\]|\{[^{}]{0,80}\}|\(\s\)")
# a unit whose remainder has at most this many words is the note and nothing else
REMAINDER_WORDS = 12


def is_drafting_note(text: str) -> bool:
    """True when ``text`` (one unit) is guidance for the drafter rather than contract terms."""
    if not may_match(_INSTRUCTION, fold_case(text)):
        return False  # none of the words every instruction contains
    m = _INSTRUCTION.search(text)
    if m is None:
        return False
    if len(text.split()) <= SHORT_WORDS:
        return True
    if len(_BRACKETED.sub(" ", text).split()) <= REMAINDER_WORDS:
        return True
    return not text[: m.start()].strip(" \t\n[(*_-")  # the instruction opens the unit
