"""Helpers for rule tests: real contract language cut from ../shared and the sample contracts.

A case is built from excerpts of real contracts (CUAD texts, Common Paper templates, the
project's sample contract sources), each typed as the clause it is, so a rule is tested on the
language it meets in practice, independently of the tagger's accuracy.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from contract_analyzer.check.context import CheckContext, Hit
from contract_analyzer.check.rules import load_rules
from contract_analyzer.document import Document, Page, Source
from contract_analyzer.resources import PROJECT_DIR
from contract_analyzer.tagging.clause import Clause

SAMPLE_SOURCES = PROJECT_DIR / "data" / "sample_contracts" / "source"


def clean_markdown(text: str) -> str:
    """Template markup out (HTML spans, bold, labels), the words kept."""
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\{#\w+\}", "", text)
    text = re.sub(r"\[\[(\w+)\]\]", "X", text)
    text = text.replace("**", "")
    return text


@dataclass
class RealText:
    """Reads real contracts and cuts excerpts between two phrases."""

    shared: Path

    def read(self, name: str) -> str:
        """A CUAD txt (by file name), a template (templates/...) or a sample source (sample:...)."""
        if name.startswith("sample:"):
            path = SAMPLE_SOURCES / name.split(":", 1)[1]
            assert path.is_file(), f"sample contract source {path} is missing"
        elif name.startswith("templates/"):
            path = self.shared / "data" / name
        else:
            path = self.shared / "data" / "cuad" / "txt" / name
        text = path.read_text(encoding="utf-8", errors="replace")
        return clean_markdown(text) if path.suffix == ".md" else text

    def excerpt(self, name: str, start: str, end: str | None = None, length: int = 1500) -> str:
        """The text from ``start`` through ``end`` (inclusive) or ``length`` characters."""
        text = self.read(name)
        flat = " ".join(text.split())
        i = flat.find(start)
        assert i >= 0, f"{start!r} not in {name}"
        if end is None:
            return flat[i : i + length]
        j = flat.find(end, i)
        assert j >= 0, f"{end!r} not after {start!r} in {name}"
        return flat[i : j + len(end)]


def make_document(text: str, name: str = "excerpt.txt") -> Document:
    source = Source(
        path=name,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        format="txt",
        size_bytes=len(text.encode()),
        page_count=1,
    )
    return Document(text=text, pages=(Page(1, 0, len(text)),), blocks=(), source=source)


def make_case(parts: Sequence[tuple[str, Sequence[str]]]) -> tuple[Document, list[Clause]]:
    """A document of excerpts joined by blank lines; each excerpt tagged with its types."""
    text = ""
    spans = []
    for excerpt, types in parts:
        if text:
            text += "\n\n"
        spans.append((len(text), len(text) + len(excerpt), types))
        text += excerpt
    doc = make_document(text)
    clauses = [
        Clause(t, s, e, 1.0, "heading", page=1, document=doc)
        for s, e, types in spans
        for t in types
    ]
    return doc, clauses


def _run_rule(
    rule_id: str, parts: Sequence[tuple[str, Sequence[str]]], key_dates: Sequence = (), **params
) -> list[Hit]:
    """Run one registered rule on a case built from excerpts."""
    doc, clauses = make_case(parts)
    rule = load_rules()[rule_id]
    return rule(CheckContext(doc, clauses, key_dates), params)


@pytest.fixture(scope="session")
def real(shared: Path) -> RealText:
    return RealText(shared)


@pytest.fixture(scope="session")
def run_rule():
    """``run_rule(rule_id, [(excerpt, types), ...], key_dates=(), **params) -> hits``."""
    return _run_rule


@pytest.fixture(scope="session")
def case_factory():
    """``make_case([(excerpt, types), ...]) -> (Document, clauses)``."""
    return make_case


@pytest.fixture(scope="session")
def tagger():
    """The shipped clause tagger, loaded once for the session."""
    from contract_analyzer.tagging import default_tagger

    return default_tagger()
