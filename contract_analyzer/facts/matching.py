"""What a kind of fact is made of: token patterns, trigger groups and an acceptance check.

The kind modules (:mod:`.dates`, :mod:`.durations`, :mod:`.money`) each describe their facts
with a :class:`KindSpec` built from the helpers here; :mod:`.pipeline` collects the specs
into matcher components. Nothing here runs spaCy; it only describes patterns and reads
matched spans.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span

Pattern = list[dict[str, Any]]
# (offset, Doc) pairs: each Doc covers text[offset:offset + len(doc.text)] (see pipeline.parse)
Parsed = list[tuple[int, Doc]]


@dataclass(frozen=True)
class KindSpec:
    """What one matcher component looks for.

    ``patterns`` maps pattern names to token patterns; ``groups`` maps trigger classes (see
    :mod:`contract_analyzer.facts.scan`) to the pattern names worth trying near such a
    trigger; ``accept`` is the check a match must pass.
    """

    patterns: Callable[[], dict[str, list[Pattern]]]
    groups: dict[str, list[str]]
    accept: Callable[[Span], bool]


def doc_text(doc: Doc) -> str:
    """The Doc's text (kept by the tokenizer; ``doc.text`` rebuilds it token by token)."""
    text = doc.user_data.get("ca_text")
    return text if isinstance(text, str) else doc.text


# ---------------------------------------------------------------- pattern building helpers

WS: dict[str, Any] = {"IS_SPACE": True, "OP": "?"}


def tok(**attrs: Any) -> dict[str, Any]:
    """One token dict (keyword arguments are Matcher attributes)."""
    return dict(attrs)


def words(*items: str) -> dict[str, Any]:
    """A token whose lower-case text is one of ``items``."""
    return {"LOWER": {"IN": list(items)}} if len(items) > 1 else {"LOWER": items[0]}


# --------------------------------------------------------------------- context helpers


def prev_words(span: Span, n: int = 2) -> list[str]:
    """The lower-case texts of up to ``n`` non-space tokens before the span, nearest first."""
    out: list[str] = []
    i = span.start - 1
    doc = span.doc
    while i >= 0 and len(out) < n:
        if not doc[i].is_space:
            out.append(doc[i].lower_)
        i -= 1
    return out


def next_words(span: Span, n: int = 2) -> list[str]:
    """The lower-case texts of up to ``n`` non-space tokens after the span, nearest first."""
    out: list[str] = []
    i = span.end
    doc = span.doc
    while i < len(doc) and len(out) < n:
        if not doc[i].is_space:
            out.append(doc[i].lower_)
        i += 1
    return out


def content(span: Span) -> list[str]:
    """Lower-case texts of the span's non-space tokens."""
    return [t.lower_ for t in span if not t.is_space]
