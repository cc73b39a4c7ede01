"""Segmentation: a Document into nested, numbered and titled Sections, and clause-sized units.

``segment(document)`` finds the structure from numbering ("1.", "4.2", "4.2(a)", "(a)", "(i)",
"ARTICLE IV", "Section 7. Term"), exhibits and schedules, the signature block, styled heading
blocks, and puts the text before the first section in a preamble (with the recitals and a
table of contents as their own sections). The top-level sections tile the whole text.
``clause_units(document, sections)`` cuts the section tree into the clause-sized units the
tagger classifies (the one unit builder).

One job per module, in pipeline order:

- ``section``: the Section record and ``heading_path``.
- ``markers``: what a numbering label can mean ("(i)" is the 9th letter or roman one).
- ``candidates``: where a section may start: labels at line starts and inside long lines (CUAD
  text files often hold a page per line), exhibits, signature blocks, capitals part headings,
  styled heading blocks from the ingest stage.
- ``toc``: tables of contents, whose entries must not become sections.
- ``numbering``: keeps the candidates that form numbering sequences and nests them; handles
  restarts (TOC, numbered parties, schedules), exhibits and signatures.
- ``titles``: heading titles and where the body starts ("7. Term. This Agreement ...").
- ``build``: spans, front matter (preamble, TOC, recitals), parents.
- ``segmenter``: the stage, tying those together.
- ``units``: clause-sized units for the tagger.
- ``words``: word counts between offsets.
"""

from __future__ import annotations

from contract_analyzer.segment.section import Section, SectionKind, heading_path
from contract_analyzer.segment.segmenter import segment
from contract_analyzer.segment.units import Unit, clause_units, paragraph_spans

__all__ = [
    "Section",
    "SectionKind",
    "Unit",
    "clause_units",
    "heading_path",
    "paragraph_spans",
    "segment",
]
