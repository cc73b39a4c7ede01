"""Paragraph styles of a DOCX: names, heading levels and numbering, through ``basedOn`` chains."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from contract_analyzer.ingest.wordml import attr, child, children, int_val, val

_HEADING_NAME = re.compile(r"^heading\s*(\d)$", re.I)
_MAX_CHAIN = 32


@dataclass(frozen=True)
class Style:
    """What a paragraph style says about structure (its own values, not inherited)."""

    id: str
    name: str
    based_on: str | None
    outline_level: int | None
    num_id: str | None
    ilvl: int | None
    bold: bool | None


class Styles:
    """Style lookup with inheritance; tolerant of missing or cyclic definitions."""

    def __init__(self, root: etree._Element | None) -> None:
        self._styles: dict[str, Style] = {}
        self.default_paragraph: str | None = None
        if root is None:
            return
        for el in children(root, "style"):
            style_id = attr(el, "styleId")
            if not style_id:
                continue
            if attr(el, "type") not in (None, "paragraph"):
                continue
            if attr(el, "default") in ("1", "true", "on"):
                self.default_paragraph = style_id
            ppr = child(el, "pPr")
            numpr = child(ppr, "numPr")
            rpr = child(el, "rPr")
            bold_el = child(rpr, "b")
            self._styles[style_id] = Style(
                id=style_id,
                name=(val(el, "name") or style_id).strip(),
                based_on=val(el, "basedOn"),
                outline_level=int_val(val(ppr, "outlineLvl")),
                num_id=val(numpr, "numId"),
                ilvl=int_val(val(numpr, "ilvl")),
                bold=None if bold_el is None else attr(bold_el, "val") not in ("0", "false"),
            )

    def _chain(self, style_id: str | None):
        seen: set[str] = set()
        current = style_id or self.default_paragraph
        while current and current not in seen and len(seen) < _MAX_CHAIN:
            seen.add(current)
            style = self._styles.get(current)
            if style is None:
                return
            yield style
            current = style.based_on

    def name(self, style_id: str | None) -> str | None:
        """The style's display name ("heading 1", "Title"), or None."""
        style = self._styles.get(style_id or "")
        return style.name if style else style_id

    def heading_level(self, style_id: str | None) -> int | None:
        """1-based heading level from the outline level or a "heading N" name (inherited)."""
        for style in self._chain(style_id):
            if style.outline_level is not None and 0 <= style.outline_level <= 8:
                return style.outline_level + 1
            m = _HEADING_NAME.match(style.name)
            if m:
                return int(m.group(1))
        return None

    def is_title(self, style_id: str | None) -> bool:
        """Title or Subtitle style (a document title: a heading without a level)."""
        return any(s.name.lower() in ("title", "subtitle") for s in self._chain(style_id))

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """``(numId, ilvl)`` a style contributes to its paragraphs (inherited)."""
        num_id: str | None = None
        ilvl: int | None = None
        for style in self._chain(style_id):
            if num_id is None and style.num_id is not None:
                num_id = style.num_id
            if ilvl is None and style.ilvl is not None:
                ilvl = style.ilvl
        return num_id, ilvl

    def bold(self, style_id: str | None) -> bool:
        """Whether the style's text is bold (inherited)."""
        for style in self._chain(style_id):
            if style.bold is not None:
                return style.bold
        return False
