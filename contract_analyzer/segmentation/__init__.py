"""The machinery behind :func:`contract_analyzer.segment.segment` and ``leaf_units``.

One job per module, in pipeline order:

- ``markers``: what a numbering label can mean ("(i)" is the 9th letter or roman one).
- ``candidates``: where a section may start: labels at line starts and inside long lines (CUAD
  text files often hold a page per line), exhibits, signature blocks, capitals part headings,
  styled heading blocks from the ingest stage.
- ``toc``: tables of contents, whose entries must not become sections.
- ``numbering``: keeps the candidates that form numbering sequences and nests them; handles
  restarts (TOC, numbered parties, schedules), exhibits and signatures.
- ``titles``: heading titles and where the body starts ("7. Term. This Agreement ...").
- ``build``: spans, front matter (preamble, TOC, recitals), parents.
- ``units``: clause-sized units for the tagger.
- ``words``: word counts between offsets.
"""
