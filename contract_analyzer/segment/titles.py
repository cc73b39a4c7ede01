"""Heading titles: "7. Term. This Agreement ..." -> "Term"; "ARTICLE IV\\nTERMINATION" -> "TERMINATION"."""

from __future__ import annotations

import re

_SMALL = frozenset(
    [
        "a",
        "an",
        "and",
        "or",
        "of",
        "the",
        "for",
        "to",
        "in",
        "on",
        "by",
        "with",
        "upon",
        "under",
        "from",
        "as",
        "at",
        "its",
        "their",
        "this",
        "that",
        "&",
        "vs.",
        "v.",
        "not",
        "non",
    ]
)
_RUNIN_RE = re.compile(r"([^.:;\n\"“]{1,90}?)[ \t]*(?:\.(?![\w.])|:)(?:[ \t]+|$)")
_CAPS_WORD = r"(?:[A-Z][A-Z0-9&'’/-]*[,;]?|&|-|–|—)"
_CAPS_RUN_RE = re.compile(rf"((?:{_CAPS_WORD}[ \t]+)*[A-Z][A-Z0-9&'’/-]+)(?=[ \t]+(\S+)|[ \t]*$)")
_SEP = " \t.:-–—"
_BEFORE_LIST_RE = re.compile(
    r"([A-Z][^.:;()\n]{1,80}?)[ \t]+(?=\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)[ \t])"
)
_LIST_LABEL_RE = re.compile(r"\(?(?:[a-z]|[ivx]{1,4})[.)]$")
MAX_TITLE_WORDS = 14


def is_titleish(segment: str, max_words: int = MAX_TITLE_WORDS) -> bool:
    """Capitalised words only (small words aside), like "Termination for Cause"."""
    words = segment.split()
    if not words or len(words) > max_words:
        return False
    if not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    if len(words) > 1 and len(words[-1].strip("()")) == 1:
        return False  # "DEFINITIONS a" : the title ends before a list label
    significant = [w for w in words if w.lower().strip(",()") not in _SMALL]
    if not significant:
        return False
    letters = [w for w in significant if any(ch.isalpha() for ch in w)]
    if not letters:
        return False
    caps = sum(1 for w in letters if w.lstrip("(\"'“")[:1].isupper())
    return caps == len(letters) or (len(letters) >= 4 and caps >= len(letters) - 1)


def is_heading_line(line: str) -> bool:
    """A short line that reads as a heading (title case or capitals, no sentence in it)."""
    s = line.strip().rstrip(_SEP)
    if not s or len(s) > 100 or not any(ch.isalpha() for ch in s):
        return False
    if s[-1] in ",;" or ". " in s:
        return False
    return is_titleish(s) or (s.upper() == s and len(s.split()) <= MAX_TITLE_WORDS)


def _skip_ws(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \t":
        pos += 1
    return pos


def _next_line(text: str, pos: int) -> tuple[int, int] | None:
    """Span of the next non-blank line starting at or after ``pos`` (stripped)."""
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        seg = text[pos:end]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            return pos + lead, pos + len(seg.rstrip())
        if nl < 0:
            return None
        pos = nl + 1
    return None


def _after_line(text: str, line_end: int) -> int:
    """Offset past the newline that ends a line (or the end of the text)."""
    nl = text.find("\n", line_end)
    return len(text) if nl < 0 else nl + 1


def heading_title(
    text: str, start: int, label_end: int, line_end: int, inline: bool, run_in: bool = True
) -> tuple[str | None, int]:
    """(title, body_start) for a heading; see :func:`_heading_title`. A "title" that is a
    document reference ("US-DOCS\\105216871.19") or a page number is dropped."""
    title, body = _heading_title(text, start, label_end, line_end, inline, run_in)
    if title is not None and not _plausible(title):
        return None, body
    return title, body


def _plausible(title: str) -> bool:
    letters = sum(ch.isalpha() for ch in title)
    return letters >= 2 and letters >= 0.6 * len(title.replace(" ", "")) and "\\" not in title


def _heading_title(
    text: str, start: int, label_end: int, line_end: int, inline: bool, run_in: bool = True
) -> tuple[str | None, int]:
    """(title, body_start) for a heading whose label ends at ``label_end``.

    ``body_start`` is past the heading line when the line holds only the heading, past the
    run-in title otherwise, and ``start`` when there is no title and the text runs on.
    """
    pos = _skip_ws(text, label_end, line_end)
    rest = text[pos:line_end].rstrip()
    if not rest.strip(_SEP):
        # label alone on its line: the title may be on the next line
        nxt = _next_line(text, _after_line(text, line_end))
        after = _after_line(text, line_end)
        if nxt is not None:
            seg = text[nxt[0] : nxt[1]]
            if is_heading_line(seg) and _starts_unnumbered(seg):
                return seg.strip().rstrip(_SEP).strip(), _after_line(text, nxt[1])
            # "ARTICLE II" then "TRANSACTION Section 2.01 ...": a capitals run-in title
            m = _CAPS_RUN_RE.match(text, nxt[0], nxt[1])
            if m and sum(ch.isalpha() for ch in m.group(1)) >= 4:
                follower = m.group(2) or ""
                if not follower[:1].islower():
                    return m.group(1).strip().rstrip(_SEP + ",").strip(), _skip_ws(
                        text, m.end(), nxt[1]
                    )
        return None, after if label_end > start else start
    if is_heading_line(rest) and len(rest) <= 100:
        title = rest.strip().strip(_SEP).strip()
        return (title or None), _after_line(text, line_end)
    if not inline and len(rest.split()) <= 6 and rest[-1:].isalnum():
        # "3.2 Manufacturing standards" alone on its line, the body on the next
        nxt = _next_line(text, _after_line(text, line_end))
        following = text[nxt[0] : nxt[0] + 1] if nxt else ""
        if _sentence_case_title(rest, following or "X"):
            return rest.strip(), _after_line(text, line_end)
    if not run_in:
        return None, start
    m = _RUNIN_RE.match(text, pos, line_end)
    if m and not m.group(1).lstrip().startswith(('"', "“")):
        seg = m.group(1)
        if is_titleish(seg, 10) or _sentence_case_title(seg, text[m.end() : m.end() + 1]):
            return seg.strip().rstrip(_SEP).strip() or None, m.end()
    m = _BEFORE_LIST_RE.match(text, pos, line_end)
    if (
        m
        and is_titleish(m.group(1), 6)
        and not any(w[:1].islower() and w.lower() not in _SMALL for w in m.group(1).split())
    ):
        # "7. Representations and Warranties (1) Service Provider ..."
        return m.group(1).strip(), m.end()
    m = _CAPS_RUN_RE.match(text, pos, line_end)
    if m:
        run = m.group(1)
        letters = sum(ch.isalpha() for ch in run)
        follower = m.group(2) or ""
        label = _LIST_LABEL_RE.match(follower) is not None
        if (
            letters >= 4
            and (label or not follower[:1].islower())
            and len(run.split()) <= MAX_TITLE_WORDS
        ):
            return run.strip().rstrip(_SEP + ",").strip() or None, _skip_ws(text, m.end(), line_end)
    return None, start


_VERBS = frozenset(
    [
        "shall",
        "will",
        "may",
        "must",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "agree",
        "agrees",
        "agreed",
        "hereby",
        "not",
        "can",
        "cannot",
        "should",
        "would",
        "does",
        "do",
        "means",
        "mean",
    ]
)


def _sentence_case_title(segment: str, following: str) -> bool:
    """ "Product description." before a new sentence: a run-in title in sentence case."""
    words = segment.split()
    if not words or len(words) > 5 or not words[0][:1].isupper() or not following.isupper():
        return False
    if any(w.lower().strip(",") in _VERBS for w in words):
        return False
    return words[-1].lower() not in _SMALL


def _starts_unnumbered(line: str) -> bool:
    s = line.lstrip()
    return bool(s) and not s[0].isdigit() and not s.startswith("(")
