"""Find the places where a section could start: numbering, exhibits, signatures, headings.

Candidates are looked for at line starts (plain text and PDF text keep one paragraph or one
wrapped line per line) and inside long lines after a sentence end or a wide gap (CUAD text files
often hold a whole page on one line, so "4. Confidentiality. 4.1 Confidentiality. During ..."
carries two headings inline). Styled heading blocks from the ingest stage are candidates too.
Nothing here decides: the numbering parser keeps only candidates that fit a sequence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contract_analyzer.document import Document
from contract_analyzer.segment.markers import DEC, RANK, Marker, match_marker
from contract_analyzer.segment.titles import is_heading_line

NUM, EXHIBIT, SIGNATURE, PART, HEADING = "num", "exhibit", "signature", "part", "heading"

_LINE_RE = re.compile(r"[^\n]*\n?")
# where an inline marker may start: a run of blanks before "(", a digit, a capital or "§"
# (starting with the character class lets the regex engine skip ahead quickly). What
# precedes the run decides: a sentence end, a run of capitals (a run-in heading such as
# "1. DEFINITIONS 1.1 ..."), a page number, or a wide gap.
_INLINE_RE = re.compile(
    r"[ \t](?<![ \t][ \t])[ \t]*(?=[(\d§\[]|[A-Za-z][.)]|[IVXLivxl]{2,7}[.)]|[A-Z]{2}"
    r"|(?:Article|Section|Clause|Part|In|Exhibit|Schedule|Annex|Appendix|Attachment|Addendum)\b)"
)
_SENT_END = frozenset(".;:!?")
_CLOSERS = frozenset("\"'”’)]")


_WORD_AT_RE = re.compile(r"[A-Za-z]+")
_FIRST_WORDS = frozenset(
    [
        "ARTICLE",
        "Article",
        "SECTION",
        "Section",
        "CLAUSE",
        "Clause",
        "PART",
        "Part",
        "IN",
        "In",
        "EXHIBIT",
        "EXHIBITS",
        "Exhibit",
        "SCHEDULE",
        "SCHEDULES",
        "Schedule",
        "ANNEX",
        "ANNEXURE",
        "Annex",
        "Annexure",
        "APPENDIX",
        "Appendix",
        "ATTACHMENT",
        "Attachment",
        "ADDENDUM",
        "Addendum",
        "SUPPLEMENT",
        "RIDER",
    ]
)


_LOWER_STARTS = frozenset(w[:2] for w in _FIRST_WORDS if w[1:2].islower())


def _may_start(text: str, pos: int) -> bool:
    """Cheap test before the regexes: can a marker, exhibit or signature start here?"""
    ch = text[pos]
    if ch in "(§[" or ch.isdigit():
        return True
    two = text[pos : pos + 2]
    if len(two) == 2 and two[1].islower():
        return two in _LOWER_STARTS
    m = _WORD_AT_RE.match(text, pos)
    if m is None:
        return False
    word = m.group()
    if word in _FIRST_WORDS:
        return True
    nxt = text[m.end() : m.end() + 1]
    return nxt in ".)" and (len(word) == 1 or set(word) <= set("IVXLivxl"))


# what may precede a run-in capitals title: a label ("1.", "ARTICLE IV", "(a)") or a line start
_LABEL_TAIL_RE = re.compile(
    r"(?:^|\n|[.:;][ \t]+|[ \t]{2,})(?:(?:ARTICLE|Article|SECTION|Section)[ \t]+)?"
    r"(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVXL]{1,6}\.?|\([a-zA-Z0-9]{1,4}\))?[ \t]*$"
)


def _inline_context(text: str, ws_start: int, ws_len: int) -> str | None:
    """What precedes a run of blanks: "sent", "caps", "digit", "gap" or None."""
    prev = text[ws_start - 1] if ws_start > 0 else "\n"
    if prev in _SENT_END or (prev in _CLOSERS and ws_start > 1 and text[ws_start - 2] in _SENT_END):
        return "sent"
    if ws_len >= 3:
        return "gap"
    if (
        prev.isupper()
        and ws_start > 1
        and (text[ws_start - 2].isupper() or text[ws_start - 2] in "&,'’-")
    ):
        word_start = ws_start - 1
        while word_start > 0 and not text[word_start - 1].isspace():
            word_start -= 1
        if text[word_start:ws_start] in _FIRST_WORDS:
            return None  # "ANNEX 1", "ARTICLE 4": the number belongs to the word
        # a run-in capitals title ("1. DEFINITIONS 1.1 ...", a line starting "TRANSACTION
        # Section 2.01"), not capitals prose ("... UNDER SECTION 5 OR ..."): walk back over
        # at most eight capitals words and look at what precedes them
        run_start = word_start
        for _ in range(7):
            k = run_start - 1
            while k >= 0 and text[k] in " \t":
                k -= 1
            if k < 0 or not (text[k].isupper() or text[k] in "&,'’-"):
                break
            j = k
            while j > 0 and not text[j - 1].isspace():
                j -= 1
            if not text[j].isupper():
                break
            run_start = j
        before = text[max(0, run_start - 12) : run_start]
        if run_start == 0 or text[run_start - 1] == "\n" or _LABEL_TAIL_RE.search(before):
            return "caps"
        return None
    if prev.isdigit():
        k = ws_start - 1
        while k > 0 and text[k - 1].isdigit():
            k -= 1
        if ws_start - k <= 3 and (k == 0 or not text[k - 1].isalnum()):
            return "digit"
    return None


# "... hereby. Term 4. The duration ..." : a short title written before a paragraph number
_PRE_NUM_RE = re.compile(r"[ \t](?<=[A-Za-z][ \t])[ \t]*(?P<num>\d{1,3}\.)[ \t]+(?=[A-Z\"“])")
_PRE_TITLE_RE = re.compile(
    r"(?:^|(?<=[.:;!?])|(?<=[.:;!?][\"'”’)])|(?<=\b\d)|(?<=\b\d\d))[ \t]*"
    r"(?P<title>[A-Z][\w'’&/-]*(?:[ \t]+(?:(?:of|and|or|for|the|to|in|on|by|with|&)[ \t]+)?"
    r"[A-Z][\w'’&/-]*){0,5})[ \t]*$"
)
_EXHIBIT_RE = re.compile(
    r"(?P<word>EXHIBITS?|Exhibit|SCHEDULES?|Schedule|ANNEX(?:URE)?|Annex(?:ure)?|APPENDIX|Appendix"
    r"|ATTACHMENT|Attachment|ADDENDUM|Addendum|EXHIBIT|SUPPLEMENT|RIDER)"
    r"(?:[ \t]+(?P<id>[A-Z]{1,2}(?:[-–.]?\d{1,3})?|\d{1,3}(?:[.-]\d{1,3})*[A-Za-z]?|[IVX]{1,5}"
    r"|No\.?[ \t]*\d{1,3}))?(?![\w])"
)
_SIGNATURE_RE = re.compile(
    r"(?:IN[ \t]+WITNESS[ \t]+(?:WHEREOF|THEREOF|HEREOF)|In[ \t]+[Ww]itness[ \t]+[Ww]hereof"
    r"|\[?[ \t]*(?:SIGNATURE[ \t]+PAGE[ \t]+FOLLOWS|Signature[ \t]+[Pp]age[ \t]+[Ff]ollows)"
    r"|\[?[ \t]*(?:Signatures?|SIGNATURES?)[ \t]+(?:on|appear[s]?[ \t]+on)[ \t]+(?:the[ \t]+)?"
    r"(?:following|next)[ \t]+page)"
)
# a previous line ending with one of these words continues into the next line
_WRAP_WORDS = frozenset(
    [
        "section",
        "sections",
        "clause",
        "clauses",
        "article",
        "articles",
        "paragraph",
        "paragraphs",
        "exhibit",
        "schedule",
        "annex",
        "appendix",
        "and",
        "or",
        "of",
        "to",
        "in",
        "under",
        "than",
        "with",
        "by",
        "per",
        "the",
        "a",
        "an",
        "at",
        "from",
        "no",
        "item",
        "items",
        "subsection",
        "subsections",
        "part",
    ]
)
_NOT_TITLE_WORDS = frozenset(
    [
        "section",
        "sections",
        "article",
        "clause",
        "part",
        "exhibit",
        "schedule",
        "annex",
        "appendix",
        "page",
        "no",
        "item",
    ]
)
# words after a numeric label that make it a cross reference: "of"-like ones in any case
# ("ARTICLE XIII OF THIS AGREEMENT"), the others only in lower case ("1. In the event" is fine)
_REFERENCE_OF = frozenset(
    ["of", "hereof", "herein", "hereto", "hereunder", "thereunder", "thereof"]
)
_REFERENCE_FOLLOWERS = frozenset(
    [
        "or",
        "and",
        "to",
        "above",
        "below",
        "shall",
        "will",
        "may",
        "is",
        "are",
        "through",
        "as",
        "in",
    ]
)
_QUOTES = "\"'“‘"


@dataclass(frozen=True)
class Candidate:
    """A possible section start.

    ``start`` is where the section would begin, ``label_end`` past its numbering (or word),
    ``line_end`` the end of its line. ``inline`` is True when found inside a line; ``context``
    says what preceded an inline candidate ("sent", "caps", "gap", "digit").
    """

    kind: str
    start: int
    label_end: int
    line_end: int
    marker: Marker | None = None
    inline: bool = False
    context: str = "line"
    styled: bool = False
    level: int | None = None
    number: str | None = None
    pre_title: tuple[int, int] | None = None  # "Term 4. The ...": title words before the number

    @property
    def strong(self) -> bool:
        """Line-start, styled or "ARTICLE"/"Section"-prefixed: may skip a number in a sequence."""
        return (
            self.styled
            or not self.inline
            or (self.marker is not None and self.marker.prefix is not None)
        )


@dataclass(frozen=True)
class Line:
    """A line of the text: ``start`` past its indentation, ``end`` before its newline."""

    start: int
    end: int
    indent: int


def split_lines(text: str) -> list[Line]:
    """The non-empty lines of ``text`` as spans (blank lines are left out)."""
    out: list[Line] = []
    for m in _LINE_RE.finditer(text):
        a, b = m.start(), m.end()
        if a == b:
            break
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        end = a + len(raw.rstrip())
        out.append(Line(a + lead, end, lead))
    return out


def _follow(text: str, pos: int, limit: int) -> str:
    """First non-blank character at or after ``pos`` on the same line ("" at line end)."""
    while pos < limit and text[pos] in " \t":
        pos += 1
    return text[pos] if pos < limit else ""


def _marker_ok(m: Marker, text: str, line_end: int, inline: bool, context: str) -> bool:
    """Does what follows the marker look like a heading or a list item starting?"""
    f = _follow(text, m.end, line_end)
    fam = m.readings[0].family
    numeric = fam in RANK  # part, article, dec
    if f and f in ",;%$)]":
        return False
    if (
        m.end < len(text)
        and text[m.end - 1 : m.end].isalnum()
        and text[m.end : m.end + 1].isalnum()
    ):
        return False  # "1.1Definitions" or "2a": glued
    nxt = text[m.end : m.end + 14].split()[:1]
    if numeric and nxt:
        word = nxt[0].strip(",.;:")
        low = word.lower()
        if low in _REFERENCE_OF or (word == low and low in _REFERENCE_FOLLOWERS):
            return False  # "ARTICLE XIII OF THIS AGREEMENT", "Section 4.2 hereof", "5 and"
    if inline:
        if context == "digit":
            return False
        if fam == DEC and m.prefix is None and not m.dotted:
            gap = text[m.start + len(m.number) : m.end]
            if len(gap) > 1 or "\t" in gap:
                return False
        if not f:
            return m.prefix is not None and context in ("sent", "gap")
        if not (f.isupper() or f in _QUOTES or (f == "(" and numeric)):
            return False
        if context == "sent" and not numeric:
            # list items inside a sentence ("... the following: (a) ...; (b) ...") stay in it
            punct = text[m.start - 2 : m.start].strip()[-1:]
            return punct in ".!?\"'”’)"
        return True
    if numeric:
        if not f:
            return m.dotted or m.prefix is not None
        if f.islower() or f.isdigit():
            return False
        if fam == DEC and m.prefix is None and not m.dotted:
            gap = text[m.start + len(m.number) : m.end]
            if len(gap) > 1 or "\t" in gap:
                # "1        DEFINITIONS" is a heading, "1        EXHIBIT 10.17" a page number
                rest = text[m.end : line_end]
                return is_heading_line(rest) and not _EXHIBIT_RE.match(rest)
            return f.isupper() or f in _QUOTES
        return True
    return True


def _wrapped(text: str, lines: list[Line], i: int, m: Marker | None) -> bool:
    """True when line ``i`` looks like the continuation of a sentence broken on the line before."""
    if i == 0:
        return False
    prev = lines[i - 1]
    blank = text.count("\n", prev.end, lines[i].start) > 1
    tail = text[max(prev.start, prev.end - 30) : prev.end]
    last = tail.rstrip()[-1:]
    if not last or last in '.:;!?)]"”’':
        return False
    words = tail.split()
    word = words[-1].lower().strip("(,") if words else ""
    f = _follow(text, m.end if m is not None else lines[i].start, lines[i].end)
    if word in ("and", "or"):
        # "(a) ...; or" ends a list item; "... the Licensor and" runs on
        before = tail.rstrip()[: -len(word)].rstrip()[-1:]
        return not (blank or before in (";", ","))
    if word in _WRAP_WORDS:
        return True
    if blank:
        return False
    # "... for a period of one\n(1) year" : a lower-case continuation after a plain word
    return bool(f) and f.islower() and last.isalnum()


_CAPS_HEAD_RE = re.compile(
    r"[A-Z][A-Z&'’-]+(?:[ \t]+(?:[A-Z][A-Z&'’,-]*|OF|AND|TO|THE|FOR|&)){1,9}(?=[ \t]*$|[ \t]+[A-Z][a-z])"
)
_NOT_PART_WORDS = frozenset(
    [
        "INC",
        "INC.",
        "LLC",
        "L.L.C.",
        "LIMITED",
        "LTD",
        "LTD.",
        "CORP",
        "CORP.",
        "CORPORATION",
        "COMPANY",
        "CO",
        "CO.",
        "LP",
        "L.P.",
        "PLC",
        "GMBH",
        "AG",
        "N.V.",
        "S.A.",
        "LLP",
    ]
)
_NOT_PART_FOLLOW = frozenset(
    ["By", "Signature", "Name", "Title", "Date", "Address", "Attention", "Attn", "Its", "Per"]
)


def _caps_heading(text: str, pos: int, line_end: int) -> int | None:
    """End of a capitals heading at a line start ("TERMS AND CONDITIONS"), or None."""
    m = _CAPS_HEAD_RE.match(text, pos, line_end)
    if m is None:
        return None
    words = m.group().split()
    if words[-1].rstrip(",") in _NOT_PART_WORDS or len(m.group()) < 8:
        return None
    nxt = text[m.end() : line_end].split()[:1]
    if nxt and nxt[0].rstrip(":") in _NOT_PART_FOLLOW:
        return None
    return m.end()


def _exhibit(text: str, pos: int, line_end: int, inline: bool) -> Candidate | None:
    m = _EXHIBIT_RE.match(text, pos)
    if m is None:
        return None
    word = m.group("word")
    rest = text[m.end() : line_end].strip()
    caps = word.isupper()
    if m.group("id") is None and not (caps and not inline and not rest):
        return None  # a bare "EXHIBIT" line is a heading; "Exhibit" in prose is not
    if inline and not caps:
        return None
    f = rest[:1]
    # "Exhibit A attached hereto ..." is prose; "SCHEDULE 1 to the Agreement" is a heading
    if (
        f
        and f.islower()
        and not (len(rest) <= 60 and rest.split()[0] in ("to", "of") and not inline)
    ):
        return None
    if f and f in ",;)":
        return None
    listed = _EXHIBIT_RE.search(rest[:150])
    if listed and listed.group("id"):
        return None  # "SCHEDULE A - Fields of Use SCHEDULE B - ...": a list of schedules
    if not inline and len(rest) > 150 and not caps:
        return None
    return Candidate(
        kind=EXHIBIT,
        start=pos,
        label_end=m.end(),
        line_end=line_end,
        inline=inline,
        number=text[pos : m.end()].strip(),
    )


def find_candidates(document: Document, lines: list[Line] | None = None) -> list[Candidate]:
    """All candidates in document order (at most one per start offset)."""
    text = document.text
    lines = split_lines(text) if lines is None else lines
    found: dict[int, Candidate] = {}

    def add(c: Candidate) -> None:
        old = found.get(c.start)
        if old is None or (old.inline and not c.inline and old.kind == c.kind):
            found[c.start] = c
        elif c.styled and not old.styled and old.kind == c.kind == NUM:
            found[c.start] = c  # the same heading, now known to be styled as one

    for i, ln in enumerate(lines):
        pos = ln.start
        sig = _SIGNATURE_RE.match(text, pos)
        if sig:
            add(Candidate(SIGNATURE, pos, sig.end(), ln.end))
            continue
        ex = _exhibit(text, pos, ln.end, inline=False)
        if ex:
            if not _wrapped(text, lines, i, None):
                add(ex)
            continue
        m = match_marker(text, pos)
        if m and _marker_ok(m, text, ln.end, False, "line") and not _wrapped(text, lines, i, m):
            add(Candidate(NUM, pos, m.end, ln.end, marker=m))
        elif m is None:
            head = _caps_heading(text, pos, ln.end)
            if head is not None:
                add(Candidate(PART, pos, head, ln.end, number=None))

    # inline candidates: only in lines long enough to hold several paragraphs or headings
    for ln in lines:
        if ln.end - ln.start < 8:
            continue
        for im in _INLINE_RE.finditer(text, ln.start, ln.end):
            pos = im.end()
            if pos >= ln.end:
                continue
            if not _may_start(text, pos):
                continue
            context = _inline_context(text, im.start(), pos - im.start())
            if context is None:
                continue
            if context == "gap":
                # "... as set forth in           APPENDIX 2": a wide gap inside a sentence
                before = text[max(ln.start, im.start() - 20) : im.start()].split()
                if before and before[-1].lower() in _WRAP_WORDS:
                    continue
            sig = _SIGNATURE_RE.match(text, pos)
            if sig and context in ("sent", "gap", "digit"):
                add(Candidate(SIGNATURE, pos, sig.end(), ln.end, inline=True, context=context))
                continue
            if context in ("sent", "gap", "digit"):
                ex = _exhibit(text, pos, ln.end, inline=True)
                if ex:
                    add(ex)
                    continue
            m = match_marker(text, pos)
            if m and _marker_ok(m, text, ln.end, True, context):
                add(Candidate(NUM, pos, m.end, ln.end, marker=m, inline=True, context=context))

    # paragraph numbers with their title in front ("Formation 1. By this Agreement ...")
    for nm in _PRE_NUM_RE.finditer(text):
        num_start = nm.start("num")
        line_start = text.rfind("\n", 0, num_start) + 1
        window_start = max(line_start, num_start - 80)
        pm = _PRE_TITLE_RE.search(text[window_start:num_start])
        if pm is None:
            continue
        pos = window_start + pm.start("title")
        if pos in found or num_start in found:
            continue
        if pm.group("title").split()[0].lower() in _NOT_TITLE_WORDS:
            continue
        if pm.start() == 0 and window_start > line_start:
            continue  # the window cut a longer run of words
        m = match_marker(text, num_start)
        if m is None:
            continue
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        inline = pos > line_start + (len(text[line_start:pos]) - len(text[line_start:pos].lstrip()))
        add(
            Candidate(
                NUM,
                pos,
                m.end,
                line_end,
                marker=m,
                inline=inline,
                context="title" if inline else "line",
                pre_title=(pos, window_start + pm.end("title")),
            )
        )

    for b in document.blocks:
        if b.kind != "heading" or b.end <= b.start:
            continue
        pos = b.start
        while pos < b.end and text[pos] in " \t\n":
            pos += 1
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        m = match_marker(text, pos)
        if m is not None and not _marker_ok(m, text, line_end, False, "line"):
            continue  # a styled line that reads as prose ("ARTICLE XIII OF THIS AGREEMENT")
        if m is None and b.label:
            lm = match_marker(b.label.strip(), 0)
            if lm is not None:
                m = Marker(pos, pos, b.label.strip(), lm.readings, lm.prefix, lm.suffix, True)
        if m is not None:
            add(Candidate(NUM, pos, m.end, line_end, marker=m, styled=True, level=b.level))
        else:
            add(Candidate(HEADING, pos, pos, line_end, styled=True, level=b.level))
    return [found[k] for k in sorted(found)]
