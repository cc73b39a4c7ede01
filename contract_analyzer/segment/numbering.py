"""Keep the candidates that form numbering sequences, and nest them.

A stack holds the open numbering levels (e.g. ARTICLE IV > 4.2 > (a) > (iii)). A candidate is
accepted when it continues one of them ("(b)" after "(a)", "4.3" after "4.2", "5" after "4.2.1"),
or starts a new level (a first value such as "1.", "(a)", "(i)") under the innermost one.
Cross references, dates, amounts and wrapped numbers rarely fit a sequence, so they drop out.

A first value of the outermost family is a *restart*. A short run before it whose sections are
tiny (a table of contents, a numbered list of parties or recitals) is demoted to front matter;
otherwise the restart opens a new run of top-level sections (a second agreement, a schedule
without a heading) unless the old run continues later, in which case it is an inner list.
Exhibits, schedules and signature blocks close the numbering and open a new context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from contract_analyzer.segment.candidates import (
    EXHIBIT,
    HEADING,
    NUM,
    PART,
    SIGNATURE,
    Candidate,
)
from contract_analyzer.segment.markers import (
    ARTICLE,
    DEC,
    INNER,
    LIST_RANK,
    RANK,
    Reading,
)
from contract_analyzer.segment.words import WordIndex

# a run whose top-level sections average fewer words than this is front matter (TOC, parties)
TOC_WORDS = 25
FRONT_WORDS = 60
FRONT_SHARE = 0.2
_AGREE_RE = re.compile(
    r"(?i)NOW,?[ \t\n]+THEREFORE|agree[sd]?[ \t\n]+(?:as[ \t\n]+follows|that)[ \t\n]*:"
    r"|AGREED[ \t\n]+AS[ \t\n]+FOLLOWS|WITNESSETH"
)
MAX_GAP_STRONG = 3  # a line-start heading may skip numbers ("1. 2. 4." when 3 was missed)
LOOKAHEAD = 400  # candidates looked at when deciding on a restart or an exhibit
CONFIRM_LOOKAHEAD = 80  # candidates looked at to confirm a number out of sequence


@dataclass
class Heading:
    """An accepted section start. ``depth`` is 1 at top level; ``parent`` indexes ``headings``."""

    cand: Candidate
    kind: str
    depth: int
    parent: int | None
    number: str | None
    family: str | None = None
    removed: bool = False


@dataclass(frozen=True)
class Front:
    """A demoted run: front matter between ``start`` and ``end`` (``toc`` when it is a TOC)."""

    start: int
    end: int
    toc: bool


@dataclass
class _Entry:
    family: str
    value: int | tuple[int, ...]
    head: int


@dataclass
class ParseResult:
    headings: list[Heading]
    fronts: list[Front] = field(default_factory=list)


def _rank(family: str) -> int:
    return RANK.get(family, LIST_RANK)


def _is_first(r: Reading) -> bool:
    if r.family == DEC:
        assert isinstance(r.value, tuple)
        return all(x == 1 for x in r.value)
    return r.value == 1


def _dec_relation(t: tuple[int, ...], p: tuple[int, ...], gap: int) -> tuple[str, int] | None:
    """How ``t`` follows ``p``: ("child", 0) or ("next", k) at the diverging index k."""
    n = min(len(t), len(p))
    k = next((i for i in range(n) if t[i] != p[i]), None)
    if k is None:
        if len(t) > len(p) and all(x in (0, 1) for x in t[len(p) :]):
            return ("child", 0)
        return None
    if 1 <= t[k] - p[k] <= gap and all(0 <= x <= min(gap, 3) for x in t[k + 1 :]):
        return ("next", k)
    return None


def _caps_title(text: str, c: Candidate) -> bool:
    """Is the candidate followed by a capitals title ("1. SCOPE AND AREAS OF THE JV")?"""
    words = text[c.label_end : min(c.line_end, c.label_end + 80)].split()[:3]
    return len(words) >= 2 and all(w.isupper() for w in words[:2])


def _step(r: Reading, k: int) -> Reading:
    """The reading ``k`` steps after ``r`` at its deepest level."""
    if r.family == DEC:
        t = r.value
        assert isinstance(t, tuple)
        return Reading(DEC, t[:-1] + (t[-1] + k,))
    return Reading(r.family, r.value + k)  # type: ignore[operator]


class _Parser:
    def __init__(self, cands: list[Candidate], words: WordIndex, text: str) -> None:
        self.text = text
        text_len = len(text)
        self.cands = cands
        self.words = words
        self.text_len = text_len
        self.heads: list[Heading] = []
        self.stack: list[_Entry] = []
        self.base = 0
        self.context = "body"
        self.fronts: list[Front] = []
        self.keys = [
            frozenset((r.family, r.value) for r in c.marker.readings)
            if c.kind == NUM and c.marker is not None
            else None
            for c in cands
        ]
        self._new_context()

    # -- context and runs -------------------------------------------------------------------
    def _new_context(self) -> None:
        self.run_heads: list[int] = []
        self.kept_run_before = False
        self.last: dict[str, int | tuple[int, ...]] = {}

    def _push(self, cand: Candidate, kind: str, family: str | None, value, keep: int) -> None:
        """Pop the stack down to ``keep`` entries and push a heading on it."""
        del self.stack[keep:]
        parent = self.stack[-1].head if self.stack else None
        number = (
            cand.number
            if cand.number is not None
            else (cand.marker.number if cand.marker else None)
        )
        self.heads.append(Heading(cand, kind, len(self.stack) + 1, parent, number, family))
        idx = len(self.heads) - 1
        self.stack.append(_Entry(family or kind, value, idx))
        if kind == NUM:
            self.run_heads.append(idx)
            if family is not None:
                self.last[family] = value

    # -- continuation -----------------------------------------------------------------------
    def _continuation(
        self, r: Reading, c: Candidate, gap: int | None = None
    ) -> tuple[int, int] | None:
        """(position to keep, stack depth of match) when ``r`` continues an open level."""
        if gap is None:
            gap = MAX_GAP_STRONG if c.strong else 1
        if r.family != DEC:
            for i in range(len(self.stack) - 1, self.base - 1, -1):
                e = self.stack[i]
                if e.family == r.family and 1 <= r.value - e.value <= gap:  # type: ignore[operator]
                    return i, i
            last = self.last.get(r.family)
            if (
                _rank(r.family) < RANK[DEC]
                and last is not None
                and not any(e.family == r.family for e in self.stack[self.base :])
                and 1 <= r.value - last <= gap  # type: ignore[operator]
            ):
                return self.base, self.base  # an article after a stray dec run
            return None
        t = r.value
        assert isinstance(t, tuple)
        for i in range(len(self.stack) - 1, self.base - 1, -1):
            e = self.stack[i]
            if e.family != DEC:
                continue
            rel = _dec_relation(t, e.value, gap)  # type: ignore[arg-type]
            if rel is None:
                continue
            if rel[0] == "child":
                return i + 1, i
            k = rel[1]
            j = next(
                j
                for j in range(self.base, len(self.stack))
                if self.stack[j].family == DEC and len(self.stack[j].value) >= k + 1  # type: ignore[arg-type]
            )
            return j, i
        last = self.last.get(DEC)
        if (
            last is not None
            and not any(e.family == DEC for e in self.stack[self.base :])
            and _dec_relation(t, last, gap) is not None  # type: ignore[arg-type]
        ):
            return self._under_outer(), self.base
        return None

    def _under_outer(self) -> int:
        """Stack size keeping only part/article (and exhibit) levels: where a dec level goes."""
        keep = self.base
        for i in range(self.base, len(self.stack)):
            if _rank(self.stack[i].family) < RANK[DEC]:
                keep = i + 1
            else:
                break
        return keep

    # -- starts and restarts ------------------------------------------------------------------
    def _start(self, r: Reading, c: Candidate, ci: int) -> int | None:
        """Stack size to keep before pushing ``r`` as a first value, or None."""
        if not _is_first(r):
            if r.family == DEC and len(r.value) >= 2 and all(x == 1 for x in r.value[1:]):  # type: ignore[arg-type]
                # "2.1" right under "ARTICLE II" (or "Article 2")
                outer = [e for e in self.stack[self.base :] if e.family == ARTICLE]
                if outer and outer[-1].value == r.value[0]:  # type: ignore[index]
                    return self._under_outer()
            return None
        numbered = self.stack[self.base :]
        if not numbered:
            return self.base
        root = numbered[0]
        rank = _rank(r.family)
        if r.family == root.family or rank < _rank(root.family):
            return self._restart(r, c, ci, root)
        if r.family == INNER:
            return len(self.stack) if any(e.family == DEC for e in numbered) else None
        if r.family == DEC:
            if any(e.family == DEC for e in numbered):
                return None
            return self._under_outer()
        for i in range(len(self.stack) - 1, self.base, -1):
            if self.stack[i].family == r.family:
                return i  # a list restarting at the same level
        return len(self.stack)

    def _run_stats(self, end: int) -> tuple[int, float, int]:
        """(top-level sections, mean words per top-level section, words) of the current run."""
        heads = [h for h in self.run_heads if not self.heads[h].removed]
        if not heads:
            return 0, 0.0, 0
        top = min(self.heads[h].depth for h in heads)
        n = sum(1 for h in heads if self.heads[h].depth == top)
        w = self.words.count(self.heads[heads[0]].cand.start, end)
        return n, w / max(n, 1), w

    def _run_is_front(self, end: int, new: Candidate | None = None) -> bool:
        if self.kept_run_before or not self.run_heads:
            return False
        n, mean, w = self._run_stats(end)
        share = w / max(self.words.total, 1)
        if mean < TOC_WORDS:
            return True
        if mean < FRONT_WORDS and share < FRONT_SHARE:
            # short sections titled in capitals ("1. SCOPE", "2. PARTIES OBLIGATIONS") are the
            # body, unless what restarts is as clearly a heading
            heads = [self.heads[h] for h in self.run_heads if not self.heads[h].removed]
            top = min(h.depth for h in heads)
            roots = [h for h in heads if h.depth == top]
            titled = sum(1 for h in roots if _caps_title(self.text, h.cand))
            if new is None or titled * 2 < len(roots) or _caps_title(self.text, new):
                return True
        # "... NOW, THEREFORE, the parties agree as follows:" right before the restart: the
        # run was a numbered list of parties or recitals
        last = self.heads[self.run_heads[-1]].cand.start
        return (
            share < FRONT_SHARE
            and _AGREE_RE.search(self.text, max(last, end - 600), end) is not None
        )

    def _restart(self, r: Reading, c: Candidate, ci: int, root: _Entry) -> int | None:  # noqa: C901
        # a lone earlier "1" is weak evidence (a page number, a party) unless it looks like a
        # heading ("1. SCOPE AND AREAS"): then this "1." is more likely an inner list
        first = self.heads[self.run_heads[0]].cand if self.run_heads else None
        single = (
            self._run_stats(c.start)[0] <= 1
            and not self.kept_run_before
            and first is not None
            and not (
                first.marker is not None and first.marker.dotted and _caps_title(self.text, first)
            )
        )
        if self._run_is_front(c.start, c) or single:
            n, mean, _ = self._run_stats(c.start)
            first = self.heads[self.run_heads[0]].cand.start
            for h in self.run_heads:
                self.heads[h].removed = True
            self.fronts.append(Front(first, c.start, toc=mean < TOC_WORDS))
            self.run_heads = []
            self.last = {}
            return self.base
        if r.family == root.family and self._root_continues(root, ci):
            return None
        self.kept_run_before = True
        self.run_heads = []
        self.last = {}
        return self.base

    def _root_continues(self, root: _Entry, ci: int) -> bool:
        """Does a later line-start heading continue ``root`` (so this first value is nested)?"""
        for c in self.cands[ci + 1 : ci + 1 + LOOKAHEAD]:
            if c.kind in (EXHIBIT, SIGNATURE):
                return False
            if c.kind != NUM or c.inline or c.marker is None:
                continue
            for r in c.marker.readings:
                if r.family != root.family:
                    continue
                if r.family == DEC:
                    t, p = r.value, root.value
                    if t[0] == p[0] + 1 and all(x in (0, 1) for x in t[1:]):  # type: ignore[index]
                        return True
                elif r.value == root.value + 1:  # type: ignore[operator]
                    return True
        return False

    # -- exhibits and signatures ----------------------------------------------------------------
    def _exhibit_ok(self, c: Candidate, ci: int) -> bool:
        if (
            not any(h.kind == NUM and not h.removed for h in self.heads)
            and c.start < 0.05 * self.text_len + 300
        ):
            return False  # the filing's own "EXHIBIT 10.1" or a cover page
        prev = next(
            (x for x in reversed(self.cands[max(0, ci - 6) : ci]) if x.kind == EXHIBIT), None
        )
        nxt = next((x for x in self.cands[ci + 1 : ci + 7] if x.kind == EXHIBIT), None)
        for other in (prev, nxt):
            if other is not None:
                a, b = sorted((other.start, c.start))
                if self.words.count(a, b) <= 25:
                    return False  # a list of exhibits (in a TOC or a definitions clause)
        for later in self.cands[ci + 1 : ci + 1 + LOOKAHEAD]:
            if later.kind in (EXHIBIT, SIGNATURE):
                return True
            if later.kind != NUM or later.inline or later.marker is None:
                continue
            for r in later.marker.readings:
                if self._continuation_exact(r):
                    return False  # the numbering goes on: this line was a reference
                if (
                    _is_first(r)
                    and self._run_is_front(later.start)
                    and self.stack[self.base :]
                    and r.family == self.stack[self.base].family
                ):
                    return False  # a TOC listing the exhibits before the body restarts
            return True
        return True

    def _part_ok(self, c: Candidate, ci: int) -> bool:
        """A capitals heading that opens a new part: numbering restarts right after it
        ("TERMS AND CONDITIONS" then "1.", after the signatures or after a numbered body)."""
        nxt = next((x for x in self.cands[ci + 1 : ci + 4] if x.kind == NUM), None)
        if nxt is None or nxt.marker is None or self.words.count(c.start, nxt.start) > 80:
            return False
        firsts = [r for r in nxt.marker.readings if _is_first(r) and _rank(r.family) <= RANK[DEC]]
        if not firsts:
            return False
        if self.context == SIGNATURE:
            return True
        numbered = self.stack[self.base :]
        if self.context == EXHIBIT and not numbered and self.stack:
            # "EXHIBIT B  FEES ... TERMS AND CONDITIONS 1. ...": a part after an exhibit's text
            return self.words.count(self.heads[self.stack[0].head].cand.start, c.start) > 20
        if not numbered or self._run_is_front(c.start):
            return False
        root = numbered[0]
        return (
            any(r.family == root.family or _rank(r.family) < _rank(root.family) for r in firsts)
            and self._run_stats(c.start)[0] > 1
        )

    def _continuation_exact(self, r: Reading) -> bool:
        for e in self.stack[self.base :]:
            if e.family != r.family:
                continue
            if r.family == DEC:
                rel = _dec_relation(r.value, e.value, 1)  # type: ignore[arg-type]
                if rel is not None:
                    return True
            elif r.value == e.value + 1:  # type: ignore[operator]
                return True
        return False

    def _open_context(self, c: Candidate, kind: str) -> None:
        self.base = 0
        self._push(c, kind, None, 0, 0)
        self.base = 1
        self.context = kind
        self._new_context()

    # -- main loop ------------------------------------------------------------------------------
    def run(self) -> ParseResult:
        for ci, c in enumerate(self.cands):
            if c.kind == SIGNATURE:
                if self.context == SIGNATURE:
                    continue
                self._open_context(c, SIGNATURE)
            elif c.kind == EXHIBIT:
                if self._exhibit_ok(c, ci):
                    self._open_context(c, EXHIBIT)
            elif c.kind == PART:
                if self._part_ok(c, ci):
                    self._open_context(c, PART)
            elif c.kind == NUM and c.marker is not None:
                self._place(c, ci)
        if sum(1 for h in self.heads if h.kind == NUM and not h.removed) < 2:
            self._titled_structure()
        return ParseResult(self.heads, self.fronts)

    def _titled_structure(self) -> None:
        """No numbering to speak of: styled headings and capitals lines make the sections."""
        early = 0.05 * self.text_len
        titled = [
            c
            for c in self.cands
            if c.kind in (HEADING, PART) and c.start > early and (c.line_end - c.start) <= 120
        ]
        if len(titled) < 2:
            return
        kept = [h for h in self.heads if not h.removed and h.kind != NUM]
        for c in titled:
            kept.append(Heading(c, HEADING, 1 if (c.level or 1) <= 1 else 2, None, None))
        kept.sort(key=lambda h: h.cand.start)
        heads: list[Heading] = []
        top: int | None = None
        for h in kept:
            depth = h.depth if h.kind == HEADING else 1
            if depth == 2 and top is None:
                depth = 1
            h = Heading(h.cand, h.kind, depth, top if depth == 2 else None, h.number, h.family)
            heads.append(h)
            if depth == 1:
                top = len(heads) - 1
        self.heads = heads

    def _place(self, c: Candidate, ci: int) -> None:
        m = c.marker
        assert m is not None
        readings = m.readings
        # "4.2(a)" when 4.2 is the open section: the heading is the "(a)"
        if m.suffix:
            top_dec = next((e for e in reversed(self.stack) if e.family == DEC), None)
            if top_dec is not None and any(r.value == top_dec.value for r in readings):
                readings = m.suffix[-1]
        if self.context == SIGNATURE:
            # after the signatures only a new top-level run (an unlabelled schedule) opens
            if (c.inline and c.context not in ("sent", "gap")) or not any(
                _rank(r.family) <= RANK[DEC] and _is_first(r) for r in readings
            ):
                return
            self.stack.clear()
            self.base = 0
            self.context = "body"
            self._new_context()
            self.kept_run_before = True
        best: tuple[int, int, Reading] | None = None
        for r in readings:
            hit = self._continuation(r, c)
            if hit is not None and (best is None or hit[1] > best[1]):
                best = (hit[0], hit[1], r)
        if best is not None:
            self._push(c, NUM, best[2].family, best[2].value, best[0])
            return
        if c.inline and c.context != "gap" and not c.strong:
            # inline headings must continue a sequence or open the first sub-level
            readings = tuple(r for r in readings if r.family == DEC or _rank(r.family) == LIST_RANK)
        for r in readings:
            keep = self._start(r, c, ci)
            if keep is not None:
                self._push(c, NUM, r.family, r.value, keep)
                return
        if not c.strong:
            return
        # a number that the next headings confirm: "16." when 1-15 were lost, "9." after "5."
        for r in readings:
            if not self._confirmed(r, ci):
                continue
            hit = self._continuation(r, c, gap=10_000)
            if hit is not None:
                self._push(c, NUM, r.family, r.value, hit[0])
                return
            numbered = self.stack[self.base :]
            if not numbered or all(e.family != r.family for e in numbered):
                if not numbered or _rank(r.family) < RANK[DEC]:
                    keep = self.base  # articles and parts are the outermost levels
                elif r.family == DEC:
                    keep = self._under_outer()
                else:
                    keep = len(self.stack)
                self._push(c, NUM, r.family, r.value, keep)
                return

    def _confirmed(self, r: Reading, ci: int, need: int = 2) -> bool:
        """Do the next headings of this family continue from ``r`` (r+1, r+2)?"""
        want = [_step(r, k) for k in range(1, need + 1)]
        want_keys = [(w.family, w.value) for w in want]
        got = 0
        for k in range(ci + 1, min(ci + 1 + CONFIRM_LOOKAHEAD, len(self.cands))):
            keys = self.keys[k]
            if keys is None:
                if self.cands[k].kind in (EXHIBIT, SIGNATURE):
                    return False
                continue
            if want_keys[got] in keys:
                got += 1
                if got == need:
                    return True
        return False


def parse_numbering(cands: list[Candidate], words: WordIndex, text: str) -> ParseResult:
    """Accepted headings (with depth and parent) and demoted front-matter runs."""
    return _Parser(cands, words, text).run()
