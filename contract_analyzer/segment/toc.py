"""Find a table of contents so its entries do not become (empty) sections.

A TOC is a block of lines near the start that list headings with page numbers
("1.   DEFINITIONS     4", "Section 1.01 Definitions ........ 2") or sit under a
"TABLE OF CONTENTS" line, running until the first line of prose (the preamble or the first
clause). CUAD texts sometimes hold the whole TOC on one line; that line counts as one listing
line when it carries several page-numbered entries.
"""

from __future__ import annotations

import re

from contract_analyzer.segment.candidates import Line

_HEADER_RE = re.compile(
    r"(?:^|[ \t]{2,}|\b)(TABLE[ \t]+OF[ \t]+CONTENTS|Table[ \t]+of[ \t]+Contents|INDEX[ \t]+OF[ \t]+SECTIONS)\b"
    r"|^(?:CONTENTS|INDEX)[ \t]*$"
)
# a heading followed by a page number: "Definitions 3", "DEFINITIONS ..... 3", "Term    4"
_ENTRY_RE = re.compile(
    r"[A-Za-z)][A-Za-z)\]'’\"”,;:-]*(?:[ \t]*\.{2,}[ \t]*|[ \t]+|[ \t]*…+[ \t]*)(?:\d{1,3}|[ivx]{1,5})(?=[ \t]|$)"
)
_MARKER_RE = re.compile(
    r"(?:ARTICLE|Article|SECTION|Section|EXHIBIT|Exhibit|SCHEDULE|Schedule|ANNEX|Annex|APPENDIX|Appendix)\b"
    r"|\d{1,2}(?:\.\d{1,2})*\.?[ \t]|\([a-zA-Z0-9]{1,3}\)|[A-Z]\.[ \t]"
)
_EXHIBIT_LIST_RE = re.compile(
    r"[ \t]*(?:EXHIBITS?|Exhibits?|SCHEDULES?|Schedules?|ANNEX(?:ES)?|Annex(?:es)?|APPENDI(?:X|CES)"
    r"|Appendi(?:x|ces)|ATTACHMENTS?|Attachments?)\b"
)
MAX_SHARE = 0.4  # a TOC starts in the first 40% of the text
MIN_ENTRIES = 3


def _lower_share(s: str) -> float:
    words = [w for w in s.split() if w[:1].isalpha()]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].islower()) / len(words)


def is_prose(s: str) -> bool:
    """Running text: mostly lower-case words over a dozen words or more."""
    words = [w for w in s.split() if w[:1].isalpha()]
    return len(words) >= 12 and _lower_share(s) > 0.5


_NOT_TITLES = frozenset(
    [
        "article",
        "section",
        "clause",
        "part",
        "exhibit",
        "schedule",
        "annex",
        "appendix",
        "attachment",
        "page",
        "no",
        "no.",
        "of",
    ]
)


def _entry_matches(s: str) -> list[str]:
    return [
        m.group()
        for m in _ENTRY_RE.finditer(s)
        if m.group().split()[0].lower().rstrip(".") not in _NOT_TITLES
    ]


def _entries(s: str) -> int:
    """How many page-numbered entries the line holds ("ARTICLE 4" is a heading, not one)."""
    return len(_entry_matches(s))


_LINE_END_ENTRY_RE = re.compile(
    r"(?P<word>[A-Za-z][\w'’\"”)\],;:&-]*)(?:[ \t]*(?:\.{2,}|…+)[ \t.…]*|[ \t]+)"
    r"(?:\d{1,3}|[ivxIVX]{1,5})$"
)


def _is_entry_line(s: str) -> bool:
    """A heading with a page number at the end ("29 CONFIDENTIALITY      31")."""
    stripped = s.rstrip()
    if not stripped or not (stripped[-1].isdigit() or stripped[-1] in "ivxIVX"):
        return False
    if is_prose(stripped):
        return False
    m = _LINE_END_ENTRY_RE.search(stripped[-200:])
    if m is None or m.group("word").lower().rstrip(".,;:") in _NOT_TITLES:
        return False
    return bool(_MARKER_RE.match(stripped)) or _entries(stripped) >= 2 or len(stripped) <= 160


def _is_listing_line(s: str) -> bool:
    """A line that may sit inside a TOC: a heading, a page number, a column title."""
    stripped = s.strip()
    if is_prose(stripped):
        return False
    if len(stripped) <= 120:
        return True
    return _lower_share(stripped) < 0.3


def find_tocs(text: str, lines: list[Line]) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of tables of contents, in order."""
    limit = MAX_SHARE * len(text)
    out: list[tuple[int, int]] = []
    i, n = 0, len(lines)
    while i < n and lines[i].start < limit:
        s = text[lines[i].start : lines[i].end]
        header = None
        if len(s) < 2000 and ("ONTENTS" in s or "ontents" in s or "INDEX" in s):
            header = _HEADER_RE.search(s)
        if header is None and not _is_entry_line(s):
            i += 1
            continue
        start = lines[i].start + (header.start(1) if header and header.start(1) >= 0 else 0)
        entries = 0 if header else max(1, _entries(s))
        j = i + 1
        last = i
        while j < n:
            t = text[lines[j].start : lines[j].end]
            if _is_entry_line(t):
                entries += max(1, _entries(t))
                last = j
            elif not _is_listing_line(t) and not (
                # a page break inside the TOC ("- ---- September 2, 1998    i")
                not is_prose(t)
                and j + 1 < n
                and _is_entry_line(text[lines[j + 1].start : lines[j + 1].end])
            ):
                break
            j += 1
        if header is not None and header.end() < len(s):
            entries += _entries(s[header.end() :])
        if entries >= MIN_ENTRIES:
            end = lines[last].end
            # exhibit and schedule lists after the last entry belong to the TOC
            k = last + 1
            while k < n:
                t = text[lines[k].start : lines[k].end]
                if _EXHIBIT_LIST_RE.match(t):
                    end = lines[k].end
                elif is_prose(t) or not any(
                    _EXHIBIT_LIST_RE.match(text, lines[x].start)
                    for x in range(k + 1, min(k + 3, n))
                ):
                    break
                k += 1
            # heading lines just before the first entry ("ARTICLE I DEFINITIONS") too
            b = i
            while not header and b > 0 and b > i - 3:
                prev = text[lines[b - 1].start : lines[b - 1].end]
                if is_prose(prev) or not _MARKER_RE.match(prev) or len(prev) > 120:
                    break
                b -= 1
            if b < i:
                start = lines[b].start
            out.append((start, end))
            i = j
        else:
            i += 1
    return out
