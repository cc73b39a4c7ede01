"""A folder of contracts at a glance: coverage, deadlines, findings, scores and terms.

>>> from contract_analyzer.portfolio import load_portfolio
>>> p = load_portfolio("contracts/", jobs=2)          # analyze_folder_tables(...)
>>> p.coverage(), p.deadlines(), p.issues(), p.terms(), p.compare("msa.pdf")
>>> p.write_html("portfolio.html")                    # one self-contained page

Modules: ``views`` (the tables), ``terms`` (payment days, notice period, liability cap),
``plots`` (matplotlib figures, inline SVG), ``page`` (the HTML page), ``model``
(:class:`Portfolio`). ``contract-analyzer report FOLDER -o portfolio.html`` writes the page.
"""

from __future__ import annotations

from contract_analyzer.portfolio.model import Portfolio, load_portfolio

__all__ = ["Portfolio", "load_portfolio"]
