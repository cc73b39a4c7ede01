"""Numbering markers: recognise a label such as "4.2(a)", "(iv)", "ARTICLE IV" at a position.

A marker is only a *possible* heading: it says which numbering families it could belong to and
at which ordinal ("(i)" is either the ninth lower-case letter or the first lower-case roman
numeral). The numbering parser (:mod:`.numbering`) decides which reading, if any, fits the
sequence seen so far.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contract_analyzer.text.roman import roman_to_int

# Families, from the outermost kind of numbering to list items. "dec" values are tuples of
# ints (4.2 -> (4, 2)); every other family has an int ordinal starting at 1.
PART, ARTICLE, DEC, INNER = "part", "article", "dec", "n."
RANK: dict[str, int] = {PART: 0, ARTICLE: 1, DEC: 2}
LIST_RANK = 3

_WORD_NUMBERS = [
    "ONE",
    "TWO",
    "THREE",
    "FOUR",
    "FIVE",
    "SIX",
    "SEVEN",
    "EIGHT",
    "NINE",
    "TEN",
    "ELEVEN",
    "TWELVE",
    "THIRTEEN",
    "FOURTEEN",
    "FIFTEEN",
    "SIXTEEN",
    "SEVENTEEN",
    "EIGHTEEN",
    "NINETEEN",
    "TWENTY",
]
WORD_VALUE = {w: i + 1 for i, w in enumerate(_WORD_NUMBERS)}


_PREFIX = r"ARTICLE|Article|SECTION|Section|CLAUSE|Clause|PART|Part|§§?"
_WORDS = "|".join(_WORD_NUMBERS)
_PAREN = r"\((?:[a-zA-Z]{1,4}|\d{1,3})\)"
MARKER_RE = re.compile(
    rf"""
    (?:
        (?P<prefix>{_PREFIX})(?P<pdot>\.)?[ \t]*
        (?P<pnum>\d{{1,3}}(?:\.\d{{1,3}})*(?![\d.]\d)|[IVXL]{{1,7}}\b|(?:{_WORDS})\b)
        (?P<psuf>(?:[ ]?{_PAREN})*)
      |
        (?P<dec>\d{{1,3}}(?:\.\d{{1,3}})*)(?!\d|\.\d|,\d|\))
        (?P<dsuf>(?:\.?[ ]?{_PAREN})*)
      |
        \((?P<par>[a-zA-Z]{{1,4}}|\d{{1,3}})\)
      |
        (?P<let>[a-zA-Z]|[ivxl]{{2,7}}|[IVXL]{{2,7}})(?P<lsep>[.)])(?![a-zA-Z0-9])
      |
        (?P<num>\d{{1,2}})\)
    )
    (?P<sep>[ \t]*(?:\.(?!\d)|:|[-–—](?![-–—\d]))?)
    """,
    re.VERBOSE,
)
_SUFFIX_RE = re.compile(r"\(([a-zA-Z]{1,4}|\d{1,3})\)")


@dataclass(frozen=True)
class Reading:
    """One interpretation of a marker: a family and an ordinal (tuple for ``dec``)."""

    family: str
    value: int | tuple[int, ...]


@dataclass(frozen=True)
class Marker:
    """A label found at ``start``: ``end`` is past the label and its separator."""

    start: int
    end: int
    number: str
    readings: tuple[Reading, ...]
    prefix: str | None
    # readings of parenthesised suffixes: "4.2(a)" -> reading of "(a)" (the deepest level)
    suffix: tuple[tuple[Reading, ...], ...] = ()
    dotted: bool = False  # "7." or "a." rather than "7 " (a bare number needs more evidence)


def roman_value(token: str) -> int | None:
    """Value of a roman numeral up to 89 (list labels go no higher), or None."""
    return roman_to_int(token, maximum=89)


def alpha_value(token: str) -> int | None:
    """Ordinal of a list letter: a=1 ... z=26, aa=27, bb=28 ... (None otherwise)."""
    t = token.lower()
    if not t.isalpha() or not t.isascii():
        return None
    if len(set(t)) != 1:
        return None
    return (len(t) - 1) * 26 + ord(t[0]) - ord("a") + 1


def _letter_readings(token: str, style: str) -> tuple[Reading, ...]:
    """Readings of a letter label; ``style`` is a template such as "(a)" or "a.".

    Upper and lower case are separate families, as are letters and roman numerals.
    """
    upper = token.isupper()
    alpha_fam = style.replace("a", "A") if upper else style
    roman_fam = style.replace("a", "I" if upper else "i")
    out: list[Reading] = []
    a = alpha_value(token) if len(token) <= 2 or len(set(token)) == 1 else None
    r = roman_value(token)
    if a is not None and (len(token) == 1 or r is None):
        out.append(Reading(alpha_fam, a))
    if r is not None:
        out.append(Reading(roman_fam, r))
    return tuple(out)


def _paren_readings(token: str) -> tuple[Reading, ...]:
    if token.isdigit():
        return (Reading("(1)", int(token)),)
    return _letter_readings(token, "(a)")


def _prefix_readings(prefix: str, pnum: str) -> tuple[Reading, ...]:
    p = prefix.lower().rstrip(".")
    if pnum.upper() in WORD_VALUE:
        value: int | None = WORD_VALUE[pnum.upper()]
    elif pnum[0].isdigit():
        parts = tuple(int(x) for x in pnum.split("."))
        while len(parts) > 1 and parts[-1] == 0 and parts[0] > 0:
            parts = parts[:-1]
        if p in ("article", "part") and len(parts) == 1:
            return (Reading(PART if p == "part" else ARTICLE, parts[0]),)
        return (Reading(DEC, parts),)
    else:
        value = roman_value(pnum)
    if value is None:
        return ()
    return (Reading(PART if p == "part" else ARTICLE, value),)


def match_marker(text: str, pos: int) -> Marker | None:
    """The numbering label starting exactly at ``pos``, or None."""
    m = MARKER_RE.match(text, pos)
    if m is None:
        return None
    g = m.groupdict()
    prefix = g["prefix"]
    suffix_src = ""
    dotted = False
    if prefix is not None:
        readings = _prefix_readings(prefix, g["pnum"])
        suffix_src = g["psuf"] or ""
    elif g["dec"] is not None:
        parts = tuple(int(x) for x in g["dec"].split("."))
        while len(parts) > 1 and parts[-1] == 0 and parts[0] > 0:
            parts = parts[:-1]  # "2.0 PRICING" heads section 2 (its children are 2.1, 2.2)
        suffix_src = g["dsuf"] or ""
        dotted = suffix_src.startswith(".") or "." in (g["sep"] or "") or len(parts) > 1
        readings = (Reading(DEC, parts),)
        if len(parts) == 1 and dotted:
            readings += (Reading(INNER, parts[0]),)
    elif g["par"] is not None:
        readings = _paren_readings(g["par"])
    elif g["let"] is not None:
        dotted = True
        readings = _letter_readings(g["let"], "a" + g["lsep"])
    else:
        readings = (Reading("1)", int(g["num"])),)
    if not readings:
        return None
    suffix = tuple(r for r in (_paren_readings(s) for s in _SUFFIX_RE.findall(suffix_src)) if r)
    label_end = m.end("sep") if m.group("sep") else m.end()
    number = text[pos : m.start("sep") if m.group("sep") is not None else m.end()].rstrip()
    return Marker(
        start=pos,
        end=label_end,
        number=number,
        readings=readings,
        prefix=prefix,
        suffix=suffix,
        dotted=dotted or bool((g["sep"] or "").strip()),
    )
