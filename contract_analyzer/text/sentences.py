"""The one sentence splitter: where a sentence, a paragraph or a numbered line ends.

Contract text breaks where a sentence ends (".", ";", "!" or "?", optionally ":" before a
list, followed by a capital, a digit, an opening bracket, or optionally a list label such as
"(b) "), at a blank line, and before a
numbered line ("(a) ", "3. ", "4.2 "). A full stop after a common abbreviation ("Inc.",
"No.", "e.g.") is not an end. Every stage that needs sentences asks this module, so a fix to
the boundaries reaches every stage at once.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ABBREVIATIONS = re.compile(
    r"(?:\b(?:inc|corp|co|ltd|llc|no|nos|sec|art|para|mr|mrs|ms|dr|st|jr|sr|u\.s|e\.g|i\.e|etc|vs|v)\.)$",
    re.IGNORECASE,
)
_ENDS_SENTENCE = re.compile(r"[.;:!?][\"'”’)\]]*$")


@lru_cache(maxsize=4)
def boundary(colon: bool = False, items: bool = False) -> re.Pattern[str]:
    """The boundary pattern: a sentence end (with ``colon``, ":" ends one too; with ``items``,
    a list item such as "(b) " after a sentence end starts a new one), a blank line, or a line
    break before a numbered line."""
    end = "[.;:!?]" if colon else "[.;!?]"
    close = '["”’)]'  # closing quotes and brackets stay with the sentence they close
    item = r"|\([a-z]{1,4}\)\s" if items else ""
    return re.compile(
        rf"(?:(?<={end})|(?<={end}{close})|(?<={end}{close}{close}))"
        rf"\s+(?=[\"“(\[]?[A-Z0-9]{item})"  # end of sentence
        r"|\n[ \t]*\n\s*"  # blank line
        r"|\n(?=[ \t]*(?:\(?[a-z0-9]{1,3}[.)]|\d+(?:\.\d+)+)\s)"  # a numbered line
    )


def _is_abbreviation(text: str, at: int) -> bool:
    return bool(_ABBREVIATIONS.search(text[max(0, at - 6) : at]))


def sentence_spans(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    colon: bool = False,
    items: bool = False,
    max_chars: int | None = None,
) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences of ``text[start:end]``, in order.

    The whitespace between sentences belongs to none. ``colon``: a colon ends a sentence (a
    list introduction stands alone). ``items``: each "(a) ", "(b) " list item after a sentence
    end is a sentence of its own (else items run on, as one provision). ``max_chars``: longer "sentences" (tables, run-on text)
    are cut into pieces of that many characters, so what is searched in them stays local.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    for m in boundary(colon, items).finditer(text, start, end):
        if _is_abbreviation(text, m.start()):
            continue
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        spans.append((pos, end))
    if max_chars is None:
        return spans
    cut: list[tuple[int, int]] = []
    for a, b in spans:
        cut.extend((i, min(b, i + max_chars)) for i in range(a, b, max_chars))
    return cut


def sentence_around(
    text: str, start: int, end: int, *, limit: int = 600, colon: bool = False, items: bool = True
) -> tuple[int, int]:
    """The sentence (by default: the list item) holding ``text[start:end]``, at most ``limit``
    characters each way of it; ``colon`` and ``items`` as in :func:`sentence_spans`."""
    lo, hi = max(0, start - limit), min(len(text), end + limit)
    s, e = lo, hi
    for m in boundary(colon, items).finditer(text, lo, hi):
        if _is_abbreviation(text, m.start()):
            continue
        if m.end() <= start:
            s = m.end()
        elif m.start() >= end:
            e = m.start()
            break
    return s, e


def ends_sentence(line: str) -> bool:
    """True when ``line`` ends like a sentence (a full stop, colon... then closing quotes)."""
    return bool(_ENDS_SENTENCE.search(line))
