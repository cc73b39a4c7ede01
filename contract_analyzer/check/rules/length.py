"""Whole document: too little text was read for it to be a contract at all.

A scan without a text layer that carries a page number or a stamp, a cover page sent on its
own, or a damaged file that yields a stray word would otherwise be checked like a contract and
come out as a ``generic`` contract with a middling score. This rule says plainly that the
findings describe almost no text.

The threshold comes from data (see the rule table in check/README.md): the shortest real
agreements met in development have 90 words (a Common Paper amendment), 109 (a CUAD joint
filing agreement) and 173 (a Bonterms NDA cover page); the readable files of the hostile
corpus (../shared/corpus) mostly give 1 to 41 words. Fewer than 50 words is not a contract.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contract_analyzer.check.context import CheckContext, Hit
from contract_analyzer.check.rules import rule
from contract_analyzer.check.rules._text import snippet


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@rule(
    "drafting.too_little_text",
    "general",
    "high",
    "Too little text to be a contract",
    params={"min_words": 50},
    needs_component=False,
)
def too_little_text(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """Fewer than ``min_words`` words were read from the whole document."""
    words = ctx.document.word_count
    if words >= int(params["min_words"]):
        return []
    pages = ctx.document.source.page_count or len(ctx.document.pages) or 1
    text = ctx.text.strip()
    start = len(ctx.text) - len(ctx.text.lstrip())
    quoted = f' ("{snippet(ctx, start, start + len(text), 60)}")' if text else ""
    evidence = (ctx.evidence(start, start + len(text)),) if text else ()
    return [
        Hit(
            f"Only {_plural(words, 'word')} of text could be read from "
            f"{_plural(pages, 'page')}{quoted}: too little for a contract. The file may be a "
            "scan without a text layer (run OCR first), a cover page, or a damaged file; the "
            "other findings describe almost no text.",
            evidence,
        )
    ]
