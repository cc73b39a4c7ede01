"""Numbering labels and heading recognition, shared by the PDF and plain-text readers.

A paragraph may start with a label ("4.2", "ARTICLE IV", "Section 7.1", "(a)", "iv.", a bullet).
Whether it is a heading is then judged from its shape: short, not a sentence, and set apart by
capitals, bold type, a larger size, or numbering followed by a title. Labels are normalised
by dropping a trailing period ("1." -> "1"); ``level`` comes from the numbering depth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

LabelKind = Literal["article", "section", "exhibit", "decimal", "paren", "letter", "bullet"]

_ROMAN = r"[IVXLC]{1,7}"
_ARTICLE = re.compile(
    rf"^(ARTICLE|Article|PART|Part|CHAPTER|Chapter)\s+({_ROMAN}|\d{{1,3}}|[A-Z])\b\.?"
)
_SECTION = re.compile(
    rf"^(SECTION|Section|SEC\.|Sec\.|§)\s*(\d{{1,3}}(?:\.\d{{1,3}})*[A-Za-z]?|{_ROMAN})\b\.?"
)
_EXHIBIT = re.compile(
    r"^(EXHIBIT|Exhibit|SCHEDULE|Schedule|ANNEX|Annex|APPENDIX|Appendix|ATTACHMENT|Attachment"
    r"|ADDENDUM|Addendum)\s+([A-Z]{1,2}(?:-\d{1,3})?|\d{1,3}(?:\.\d{1,2})?|[IVXLC]{1,5})\b\.?"
)
_DECIMAL = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)(\.?)((?:\([a-zA-Z0-9]{1,4}\))*)(?=\s|$)")
_PAREN = re.compile(r"^\(([a-zA-Z]{1,3}|\d{1,3})\)(?=\s|$)")
_LETTER = re.compile(r"^([a-zA-Z]|[ivxlcIVXLC]{1,6}|\d{1,3})([.)])(?=\s|$)")
_BULLET = re.compile(r"^([•●○◦▪■□‣⁃∙·\uf0b7\uf0a7\uf076\uf0d8\uf0fc*]|[-–—](?=\s))\s*")
_ROMAN_ONLY = re.compile(r"^[ivxlcIVXLC]+$")
_SIGNATURE = re.compile(r"^(By|Name|Title|Date|Its|Signature|Address|Attn|Attention)\s*:", re.I)
_CONNECTIVES = {"and", "between", "by and between", "among", "or", "by", "and between", "of"}
_LETTERS = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Label:
    """Numbering at the start of a paragraph: normalised text, where it ends, depth, kind."""

    text: str
    end: int
    level: int | None
    kind: LabelKind


def parse_label(text: str) -> Label | None:
    """The numbering label that starts ``text``, if any."""
    s = text.lstrip()
    lead = len(text) - len(s)
    m = _ARTICLE.match(s)
    if m:
        return Label(f"{m.group(1)} {m.group(2)}", lead + m.end(), 1, "article")
    m = _SECTION.match(s)
    if m:
        number = m.group(2)
        depth = number.count(".") + 1 if not _ROMAN_ONLY.match(number) else 1
        return Label(f"{m.group(1)} {number}".replace("§ ", "§"), lead + m.end(), depth, "section")
    m = _EXHIBIT.match(s)
    if m:
        return Label(f"{m.group(1)} {m.group(2)}", lead + m.end(), 1, "exhibit")
    m = _DECIMAL.match(s)
    if m and (m.group(2) or "." in m.group(1) or m.group(3)):
        number, parens = m.group(1), m.group(3)
        depth = number.count(".") + 1 + parens.count("(")
        return Label(number + parens, lead + m.end(), depth, "decimal")
    m = _PAREN.match(s)
    if m:
        return Label(m.group(0), lead + m.end(), None, "paren")
    m = _LETTER.match(s)
    if m:
        shown = m.group(1) + (")" if m.group(2) == ")" else "")
        if m.group(1).isdigit():
            return Label(shown, lead + m.end(), 1, "decimal")
        return Label(shown, lead + m.end(), None, "letter")
    m = _BULLET.match(s)
    if m:
        return Label(m.group(1), lead + m.end(), None, "bullet")
    return None


def _is_caps(title: str) -> bool:
    letters = _LETTERS.findall(title)
    if len(letters) < 2:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper == len(letters) or (upper / len(letters) >= 0.9 and len(letters) >= 10)


def _is_title_case(title: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", title) if len(w) > 3]
    if not words:
        return bool(title) and title[0].isupper()
    return sum(1 for w in words if w[0].isupper()) / len(words) >= 0.6


def classify(
    text: str,
    label: Label | None,
    *,
    bold: bool = False,
    size_ratio: float = 1.0,
) -> tuple[Literal["heading", "paragraph", "list_item"], int | None]:
    """Kind and level of a paragraph from its text, label and typography."""
    title = text[label.end :].strip() if label else text.strip()
    words = title.split()
    if label and label.kind == "bullet":
        return "list_item", None
    if label and label.kind in ("paren", "letter") and (len(words) > 12 or not _is_caps(title)):
        return "list_item", label.level
    if not words:  # a label alone on its line: "ARTICLE IV", "1."
        return ("heading", label.level) if label else ("paragraph", None)
    level = label.level if label else None
    if len(words) > 14 or title.endswith((",", ";")) or _SIGNATURE.match(title) or "/s/" in title:
        return "paragraph", level
    if not _LETTERS.search(title) or title.lower().strip(" .:") in _CONNECTIVES:
        return "paragraph", level
    ends_like_sentence = title.endswith(".") and len(words) > 8
    if _is_caps(title) or size_ratio >= 1.15:
        return "heading", level
    if bold and not ends_like_sentence:
        return "heading", level
    if (
        label
        and label.kind in ("article", "section", "exhibit", "decimal")
        and len(words) <= 8
        and _is_title_case(title)
        and not ends_like_sentence
    ):
        return "heading", level
    return "paragraph", level
