"""Heading rules: the lexicon in ``headings.yaml`` matched against normalised section titles.

The lexicon is data: adding a heading word for a clause type is an edit of the YAML file, never a
new code branch. A title names zero, one or several taxonomy ids.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from contract_analyzer.document import Document
from contract_analyzer.resources import yaml_loader
from contract_analyzer.segment import Section, Unit, clause_units
from contract_analyzer.taxonomy import check_clause_type

LEXICON_PATH = Path(__file__).with_name("headings.yaml")

_NUMBERING = re.compile(
    r"^\s*(?:(?:article|section|clause|part|schedule|exhibit|annex|appendix)\s+"
    r"(?:[0-9]+(?:\.[0-9]+)*|[ivxlcdm]+|[a-z])\b[.:)]?"
    r"|[0-9]+(?:\.[0-9]+)*\.?|[ivxlcdm]+\.|\(?[a-z0-9]{1,4}\)|[a-z]\.)?\s*",
    re.IGNORECASE,
)
_FOLD = (("licence", "license"), ("&", " and "), ("favour", "favor"), ("defence", "defense"))


def normalise_title(title: str) -> str:
    """Lower-case words of a heading without numbering, punctuation or accents."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    text = _NUMBERING.sub("", text.strip().lower(), count=1)
    for old, new in _FOLD:
        text = text.replace(old, new)
    text = re.sub(r"[-/]", " ", text)
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class HeadingLexicon:
    """Compiled lexicon: one whole-word regex per type, plus exact titles."""

    patterns: dict[str, re.Pattern[str]]
    exact: dict[str, frozenset[str]]

    @classmethod
    def from_yaml(cls, path: Path = LEXICON_PATH) -> HeadingLexicon:
        """Read and compile a lexicon file (type id -> phrases / exact titles)."""
        text = Path(path).read_text(encoding="utf-8")
        raw = yaml.load(text, Loader=yaml_loader()) or {}  # noqa: S506 - a safe loader
        patterns: dict[str, re.Pattern[str]] = {}
        exact: dict[str, frozenset[str]] = {}
        for type_id, entry in raw.items():
            check_clause_type(type_id)
            phrases = sorted({normalise_title(p) for p in entry.get("phrases", [])}, key=len)
            if phrases:
                alternatives = "|".join(re.escape(p) for p in reversed(phrases))
                patterns[type_id] = re.compile(rf"(?:^| )(?:{alternatives})(?: |$)")
            exact[type_id] = frozenset(normalise_title(t) for t in entry.get("exact", []))
        return cls(patterns=patterns, exact=exact)

    def match(self, title: str | None) -> tuple[str, ...]:
        """Taxonomy ids named by a section title, in taxonomy-file order (empty if none)."""
        if not title:
            return ()
        norm = normalise_title(title)
        if not norm or len(norm) > 120:
            return ()
        found = [t for t, rx in self.patterns.items() if rx.search(norm)]
        found += [t for t, titles in self.exact.items() if norm in titles and t not in found]
        return tuple(found)


@lru_cache(maxsize=1)
def default_lexicon() -> HeadingLexicon:
    """The shipped lexicon, compiled once."""
    return HeadingLexicon.from_yaml()


def heading_types(title: str | None) -> tuple[str, ...]:
    """Taxonomy ids that a section title names, using the shipped lexicon."""
    return default_lexicon().match(title)


def headed_units(document: Document, sections: Sequence[Section]) -> list[Unit]:
    """The clause-sized units the tagger classifies, each with the types its headings name."""
    return clause_units(document, sections, heading_types=heading_types)


def in_definitions(sections: Sequence[Section], units: Sequence[Unit]) -> list[bool]:
    """Per unit: its section or an ancestor is titled as definitions ("1. Definitions").

    Such a unit defines terms ("1.4 Confidential Information. ... means ..."): a title under
    it that names a type names what is defined, not a clause of that type.
    """
    flags: dict[int | None, bool] = {None: False}

    def flag(index: int | None) -> bool:
        if index not in flags:
            section = sections[index]  # type: ignore[index]
            own = "definitions" in heading_types(section.title)
            flags[index] = own or flag(section.parent)
        return flags[index]

    return [
        flag(u.section) if u.section is not None and u.section < len(sections) else False
        for u in units
    ]
