"""Joining the lines of a paragraph, mending words hyphenated across a line break.

"termi-" + "nation" becomes "termination", but "non-" + "exclusive" stays "non-exclusive":
the choice is made from the document's own vocabulary (which form occurs elsewhere), then
from a list of prefixes that keep their hyphen in legal English, then defaults to joining.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

SOFT_HYPHENS = ("\u00ad",)
HARD_HYPHENS = ("-", "\u2010", "\u2011")
_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010\u2011][^\W\d_]+)*")
_TAIL = re.compile(r"([^\W\d_]+)[-\u2010\u2011\u00ad]$")
_HEAD = re.compile(r"^([^\W\d_]+)")
_HYPHEN_CHARS = "-\u2010\u2011\u00ad"
KEEP_PREFIXES = frozenset(
    [
        "non",
        "sub",
        "co",
        "pre",
        "post",
        "self",
        "third",
        "first",
        "second",
        "multi",
        "anti",
        "cross",
        "semi",
        "inter",
        "intra",
        "ex",
        "quasi",
        "well",
        "long",
        "short",
        "full",
        "part",
        "high",
        "low",
        "on",
        "off",
        "re",
        "mid",
        "over",
        "under",
        "out",
        "up",
        "down",
        "all",
        "cost",
        "end",
        "time",
        "year",
        "day",
        "month",
        "fee",
        "court",
        "work",
        "sole",
        "joint",
    ]
)


def vocabulary(lines: Iterable[str]) -> Counter[str]:
    """Lower-cased word counts (hyphenated compounds as one word) over a document's lines."""
    counts: Counter[str] = Counter()
    for line in lines:
        words = _WORD.findall(line)
        tail = line.rstrip()[-64:]
        if words and tail[-1:] in _HYPHEN_CHARS and _TAIL.search(tail):
            words = words[:-1]  # the fragment before a line-end hyphen is not a word
        counts.update(w.lower() for w in words)
    return counts


def mend(left: str, right: str, vocab: Counter[str]) -> tuple[str, str]:
    """How to join ``left`` (a line) and ``right`` (the next line).

    Returns ``(left_text, separator)``: ``left`` possibly without its final hyphen, and the
    text to put between it and ``right`` ("" to glue a broken word, " " otherwise).
    """
    left = left.rstrip()
    right_stripped = right.lstrip()
    tail = _TAIL.search(left[-64:]) if left[-1:] in _HYPHEN_CHARS else None
    head = _HEAD.match(right_stripped)
    if not tail or not head:
        return left, " "
    if left.endswith(SOFT_HYPHENS):
        return left[:-1], ""
    first, second = tail.group(1), head.group(1)
    if second[0].isupper():
        return left, ""  # "Anglo-" + "American": a real compound
    joined = (first + second).lower()
    hyphenated = f"{first}-{second}".lower()
    seen_joined, seen_hyphenated = vocab.get(joined, 0), vocab.get(hyphenated, 0)
    if seen_hyphenated and seen_hyphenated >= seen_joined:
        return left, ""
    if seen_joined:
        return left[:-1], ""
    if first.lower() in KEEP_PREFIXES:
        return left, ""
    return left[:-1], ""


def join_lines(lines: list[str], vocab: Counter[str]) -> tuple[str, list[int]]:
    """A paragraph's text from its lines, and the offset where each line starts in it."""
    parts: list[str] = []
    offsets: list[int] = []
    length = 0
    for i, line in enumerate(lines):
        line = line.strip()
        if i == 0 or not parts:
            offsets.append(length)
            parts.append(line)
            length += len(line)
            continue
        prev, sep = mend(parts[-1], line, vocab)
        length -= len(parts[-1]) - len(prev)
        parts[-1] = prev
        parts.append(sep + line)
        offsets.append(length + len(sep))
        length += len(sep) + len(line)
    return "".join(parts), offsets
