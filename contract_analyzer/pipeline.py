"""The pipeline behind ``ca.analyze``: one contract through every stage into a :class:`ContractReport`.

ingest -> segment -> tag -> facts (once) -> key dates -> obligations -> check -> report.
Each stage is called here, never re-implemented.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from contract_analyzer.asof import AsOf, coerce_as_of
from contract_analyzer.check import detect_kind, load_playbook, run_checks, score
from contract_analyzer.check.answers import answer_contract
from contract_analyzer.check.caps import liability_cap
from contract_analyzer.check.context import CheckContext
from contract_analyzer.check.contractness import (
    NOT_A_CONTRACT,
    contract_signals,
    not_a_contract_finding,
)
from contract_analyzer.check.obligations import extract_obligations
from contract_analyzer.check.playbook import Playbook
from contract_analyzer.document import Document
from contract_analyzer.report.model import ContractReport
from contract_analyzer.settings import Settings, default_settings
from contract_analyzer.validate import check_playbook, check_settings, check_source, type_error

# finding components about the whole document (drafting, too little text), kept for a
# document that is not a contract; the per-clause components are not checked there
WHOLE_DOCUMENT = frozenset({"drafting", "general"})


def analyze(
    source: str | Path | bytes | BinaryIO | Document,
    *,
    playbook: str | Path | Playbook | None = None,
    as_of: AsOf = None,
    settings: Settings | None = None,
    tagger: Any = None,
) -> ContractReport:
    """Analyse one contract.

    ``source``: a path (``str`` or ``Path``), the file's bytes, a binary file object (opened
    with ``"rb"``; read to its end), or an already loaded Document. ``playbook``: a
    shipped kind ("saas"), a YAML file, or a Playbook; None detects the kind and uses its
    shipped playbook. ``as_of``: the date deadlines are rolled forward from: a date,
    datetime, ISO string or None (today); anything else raises ``InvalidAsOf``. ``tagger``: a loaded ClauseTagger to reuse across calls.
    """
    from contract_analyzer.facts import extract_facts
    from contract_analyzer.ingest import load_document
    from contract_analyzer.keydates import extract_key_dates
    from contract_analyzer.segment import segment
    from contract_analyzer.tagging import tag

    check_source(source, "source", document=True)
    check_playbook(playbook)
    check_settings(settings)
    if tagger is not None and not callable(getattr(tagger, "predict_proba", None)):
        raise type_error("tagger", tagger, "a loaded ClauseTagger (ClauseTagger.load()) or None")
    settings = settings or default_settings()
    as_of = coerce_as_of(as_of)
    chosen = load_playbook(playbook) if playbook is not None else None  # fail before the work
    document = source if isinstance(source, Document) else load_document(source, settings=settings)
    sections = segment(document)
    clauses = tuple(tag(document, sections=sections, tagger=tagger))
    facts = extract_facts(document, settings=settings)
    key_dates = tuple(extract_key_dates(document, clauses=clauses, as_of=as_of, facts=facts))
    obligations = tuple(extract_obligations(document, facts))
    signals = contract_signals(document, clauses, facts, obligations)
    # one context for the checker, the cap and the answers: its readings are made once
    context = CheckContext(document, clauses, key_dates, facts)
    if not signals.is_contract:  # no playbook applies: nothing is "missing", no score
        book = chosen or load_playbook("generic")
        kind, confidence = NOT_A_CONTRACT, 1.0
        drafting = run_checks(
            document, clauses, book, key_dates=key_dates, facts=facts, context=context
        )
        findings = (
            not_a_contract_finding(document, signals),
            *(f for f in drafting if f.component in WHOLE_DOCUMENT and f.is_issue),
        )
        cap, risk = None, None
    else:
        if chosen is None:
            guess = detect_kind(document, clauses)
            book = load_playbook(guess.kind)
            kind, confidence = guess.kind, guess.confidence
        else:
            book = chosen
            kind, confidence = book.kind, 1.0
        findings = tuple(
            run_checks(document, clauses, book, key_dates=key_dates, facts=facts, context=context)
        )
        cap = liability_cap(document.text, facts, clauses, findings, context=context)
        risk = score(findings)
    answers = answer_contract(document, clauses, facts, key_dates, findings, cap, context=context)
    return ContractReport(
        document=document,
        source=document.source,
        kind=kind,
        kind_confidence=confidence,
        playbook=book,
        clauses=clauses,
        findings=findings,
        key_dates=key_dates,
        obligations=obligations,
        score=risk,
        as_of=as_of,
        facts=facts,
        liability_cap=cap,
        answers=answers,
    )
