"""Word automatic numbering, resolved into the text ("4.2 Termination for Cause").

``numbering.xml`` defines abstract lists (``w:abstractNum``: per level a start value, a number
format, a level text such as ``"%1.%2"``, restart rules) and list instances (``w:num``) that
point to them, possibly overriding levels or start values. A paragraph refers to a list
instance and level directly or through its style (``w:pStyle`` -> ``w:numPr``).

Counting follows Word: instances of the same abstract list share one counter unless the
instance overrides a start value (then it counts on its own, from that value); numbering a
paragraph at level L increments L and resets the deeper levels (unless ``w:lvlRestart`` says
otherwise); ``%N`` shows level N's current value in level N's format (decimal under
``w:isLgl``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lxml import etree

from contract_analyzer.ingest.wordml import attr, child, children, int_val, on, val
from contract_analyzer.text.numbers import number_to_words
from contract_analyzer.text.roman import int_to_roman

LEVELS = 9
_BULLET_GLYPHS = {
    "\uf0b7": "•",
    "\uf0a7": "▪",
    "\uf076": "❖",
    "\uf0d8": "➢",
    "\uf0fc": "✓",
    "\uf06f": "o",
    "\uf0a8": "□",
    "\uf0e8": "➔",
    "\uf02d": "-",
}


@dataclass(frozen=True)
class Level:
    """One level of a list definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None
    legal: bool = False
    suffix: str = "tab"


def _level(el: etree._Element) -> Level:
    return Level(
        start=int_val(val(el, "start"), 1) or 0,
        fmt=(val(el, "numFmt") or "decimal").strip(),
        text=val(el, "lvlText") if child(el, "lvlText") is not None else "",
        restart=int_val(val(el, "lvlRestart")),
        legal=on(child(el, "isLgl")),
        suffix=(val(el, "suff") or "tab").strip(),
    )


def _letters(n: int) -> str:
    if n <= 0:
        return str(n)
    letter = chr(ord("a") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)  # Word: a..z, aa..zz, aaa..


def format_number(n: int, fmt: str) -> str:
    """A counter value in a Word number format."""
    if fmt in ("decimal", "decimalHalfWidth", "decimalFullWidth"):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerRoman":
        return int_to_roman(n)
    if fmt == "upperRoman":
        return int_to_roman(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "ordinal":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    if fmt == "cardinalText":
        return number_to_words(n).capitalize()
    if fmt == "ordinalText":
        return number_to_words(n, ordinal=True).capitalize()
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "none":
        return ""
    return str(n)


@dataclass(frozen=True)
class ListLabel:
    """The rendered numbering of one paragraph."""

    text: str  # as displayed, e.g. "4.2", "(a)", "•"
    separator: str  # what follows it in the text: " " (tab or space) or ""
    fmt: str
    level: int  # 0-based ilvl


class Numbering:
    """List definitions and the running counters of one document."""

    def __init__(self, root: etree._Element | None, styles=None) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._links: dict[str, str] = {}  # abstractNumId -> numStyleLink style id
        self._nums: dict[str, tuple[str, dict[int, Level], bool]] = {}
        self._counters: dict[tuple[str, str], list[int | None]] = {}
        self._styles = styles
        if root is None:
            return
        style_link_owner: dict[str, str] = {}
        for el in children(root, "abstractNum"):
            aid = attr(el, "abstractNumId")
            if aid is None:
                continue
            levels: dict[int, Level] = {}
            for lvl in children(el, "lvl"):
                ilvl = int_val(attr(lvl, "ilvl"))
                if ilvl is not None and 0 <= ilvl < LEVELS:
                    levels[ilvl] = _level(lvl)
            self._abstract[aid] = levels
            link = val(el, "numStyleLink")
            if link:
                self._links[aid] = link
            owner = val(el, "styleLink")
            if owner:
                style_link_owner[owner] = aid
        self._style_link_owner = style_link_owner
        for el in children(root, "num"):
            nid = attr(el, "numId")
            aid = val(el, "abstractNumId")
            if nid is None or aid is None:
                continue
            overrides: dict[int, Level] = {}
            restarts = False
            for ov in children(el, "lvlOverride"):
                ilvl = int_val(attr(ov, "ilvl"))
                if ilvl is None or not 0 <= ilvl < LEVELS:
                    continue
                lvl_el = child(ov, "lvl")
                base = _level(lvl_el) if lvl_el is not None else None
                start = int_val(val(ov, "startOverride"))
                if start is not None:
                    restarts = True
                    base = replace(base or self._level_of(aid, ilvl), start=start)
                if base is not None:
                    overrides[ilvl] = base
            self._nums[nid] = (aid, overrides, restarts)

    def _definition(self, aid: str, depth: int = 0) -> dict[int, Level]:
        link = self._links.get(aid)
        if link and depth < 4:
            target = self._style_link_owner.get(link)
            if target is None and self._styles is not None:
                num_id, _ = self._styles.numbering(link)
                target = self._nums.get(num_id or "", (None,))[0]
            if target and target != aid:
                return self._definition(target, depth + 1)
        return self._abstract.get(aid, {})

    def _level_of(self, aid: str, ilvl: int) -> Level:
        return self._definition(aid).get(ilvl, Level(text=f"%{ilvl + 1}."))

    def label(self, num_id: str | None, ilvl: int | None) -> ListLabel | None:
        """Advance the counters for one numbered paragraph and render its label."""
        if not num_id or num_id == "0" or num_id not in self._nums:
            return None
        ilvl = min(max(ilvl or 0, 0), LEVELS - 1)
        aid, overrides, restarts = self._nums[num_id]
        levels = {**self._definition(aid), **overrides}
        key = ("num", num_id) if restarts else ("abs", aid)
        counters = self._counters.setdefault(key, [None] * LEVELS)
        this = levels.get(ilvl, Level(text=f"%{ilvl + 1}."))
        counters[ilvl] = this.start if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, LEVELS):
            restart = levels.get(deeper, Level()).restart
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if this.fmt == "bullet":
            glyph = this.text or "•"
            shown = "".join(_BULLET_GLYPHS.get(c, c) for c in glyph).strip() or "•"
            if any("\ue000" <= c <= "\uf8ff" for c in shown):
                shown = "•"
            return ListLabel(shown, " ", "bullet", ilvl)
        shown = this.text or ""
        for n in range(LEVELS, 0, -1):
            token = f"%{n}"
            if token not in shown:
                continue
            lvl = levels.get(n - 1, Level())
            value = counters[n - 1]
            if value is None:
                value = lvl.start
            fmt = "decimal" if this.legal and lvl.fmt != "none" else lvl.fmt
            shown = shown.replace(token, format_number(value, fmt))
        shown = shown.strip()
        if not shown:
            return None
        separator = "" if this.suffix == "nothing" else " "
        return ListLabel(shown, separator, this.fmt, ilvl)
