"""One :class:`Answer` per CUAD category for a contract, from the evidence the checker read.

The categories a checker reading covers are answered from that reading, so an answer and a
finding never disagree: ``cap_on_liability`` and ``uncapped_liability`` from the liability
reading behind the ``liability.*`` rules, ``post_termination_services`` with the exit
assistance the ``termination.no_exit_assistance`` rule looks for, the dates, renewal term and
notice period from the key dates, the parties from the facts. The others are answered by
the phrase lexicon of ``cues.yaml``, sentence by sentence (an exception to a competitive
restriction only in a contract where a restriction, non-compete, exclusivity or no-solicit of
customers, matches too), and, for the categories whose cross-validated decision says so, by
the learned sentence classifier of :mod:`.learned` alone or combined with the lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from contract_analyzer.check.answers.learned import AnswerModel, load_answer_model
from contract_analyzer.check.answers.model import CATEGORIES, Answer
from contract_analyzer.check.caps import LiabilityCap
from contract_analyzer.check.context import CheckContext
from contract_analyzer.check.cues import load_cues
from contract_analyzer.check.finding import Evidence, Finding
from contract_analyzer.check.statements import GOVERNING
from contract_analyzer.document import Document
from contract_analyzer.facts import Facts
from contract_analyzer.keydates import KeyDate
from contract_analyzer.tagging.clause import Clause
from contract_analyzer.text.sentences import sentence_spans

# How far each method is trusted (the bench's held-out precision is the reference).
CONFIDENCE = {"rule": 0.85, "key_date": 0.8, "facts": 0.8, "cue": 0.7, "title": 0.7, "learned": 0.7}
MAX_EVIDENCE = 3

TITLE = re.compile(
    r"^[^\S\n]*(?P<title>(?:[A-Z0-9][\w&,/'()-]*\s+){0,8}(?:AGREEMENT|CONTRACT|LICENSE|LICENCE|"
    r"Agreement|Contract|License)\b[^\n]{0,60})",
    re.MULTILINE,
)
# An exception to a competitive restriction is answered only where a restriction is found.
RESTRICTIONS = ("non_compete", "exclusivity", "no_solicit_of_customers")
DATE_KINDS = {
    "agreement_date": "agreement_date",
    "effective_date": "effective_date",
    "expiration_date": "expiration_date",
    "renewal_term": "renewal_term",
    "notice_period_to_terminate_renewal": "notice_period_to_terminate_renewal",
}


def _answer(
    ctx: CheckContext,
    category: str,
    spans: Sequence[tuple[int, int]],
    method: str,
    value: str | None = None,
    present: bool | None = None,
) -> Answer:
    found = bool(spans) if present is None else present
    evidence = tuple(Evidence(s, e, ctx.document.page_at(s)) for s, e in spans[:MAX_EVIDENCE])
    return Answer(
        category,
        found,
        value if found else None,
        evidence if found else (),
        CONFIDENCE[method],
        method,
    )


def sentences_of(text: str) -> list[tuple[int, int, str]]:
    """The sentences the answers read: span and whitespace-flattened text."""
    return [(s, e, " ".join(text[s:e].split())) for s, e in sentence_spans(text, items=True)]


def cue_spans(sentences: Sequence[tuple[int, int, str]]) -> dict[str, list[tuple[int, int]]]:
    """Per category, the first sentences the lexicon matches (an exception to a competitive
    restriction only where a restriction matches too)."""
    out: dict[str, list[tuple[int, int]]] = {}
    cues = load_cues()
    for cat, cue in cues.items():
        if not cue.any:
            continue
        for s, e, flat in sentences:
            if cue.matches(flat):
                out.setdefault(cat, []).append((s, e))
                if len(out[cat]) >= MAX_EVIDENCE:
                    break
    if not any(out.get(c) for c in RESTRICTIONS):
        out.pop("competitive_restriction_exception", None)
    return out


def _learned(
    ctx: CheckContext,
    sentences: Sequence[tuple[int, int, str]],
    cues: dict[str, list[tuple[int, int]]],
    model: AnswerModel,
) -> dict[str, Answer]:
    """The answers of the categories the model decides (one score matrix per contract)."""
    spans = [(s, e) for s, e, _ in sentences]
    out = {}
    for cat, got in model.decide(spans, [f for _, _, f in sentences], cues).items():
        a = _answer(ctx, cat, list(got.spans), "learned", present=got.present)
        out[cat] = replace(a, confidence=round(got.confidence, 3))
    return out


def _key_date_value(k: KeyDate) -> str | None:
    if k.date is not None:
        return k.date.isoformat()
    return k.value


def _liability(
    ctx: CheckContext, findings: Sequence[Finding], cap: LiabilityCap | None
) -> list[Answer]:
    reading = ctx.liability
    uncapped = [f for f in findings if f.rule_id == "liability.uncapped" and f.is_issue]
    uncapped_rule = bool(uncapped)
    limited = reading.limited and not uncapped_rule
    spans = (
        [(t.start, t.end) for t in reading.caps]
        + list(reading.exclusions)
        + list(reading.time_limits)
    )
    value = cap.description if cap is not None and cap.start is not None else None
    cap_answer = _answer(ctx, "cap_on_liability", sorted(spans), "rule", value, limited)
    carve = sorted({(c.start, c.end) for c in reading.carve_outs})
    unlimited = list(reading.unlimited)
    uncapped_spans = sorted(set(carve + unlimited))
    if uncapped_rule:
        finding_spans = [(e.start, e.end) for f in uncapped for e in f.evidence]
        uncapped_spans = finding_spans or uncapped_spans
    cats = sorted({c.category for c in reading.carve_outs})
    uncapped_answer = _answer(
        ctx,
        "uncapped_liability",
        uncapped_spans,
        "rule",
        ", ".join(cats) if cats else ("uncapped" if uncapped_rule else None),
        bool(uncapped_spans) or uncapped_rule,
    )
    return [cap_answer, uncapped_answer]


def answer_contract(
    document: Document,
    clauses: Sequence[Clause],
    facts: Facts,
    key_dates: Sequence[KeyDate] = (),
    findings: Sequence[Finding] = (),
    cap: LiabilityCap | None = None,
    *,
    context: CheckContext | None = None,
    learned: AnswerModel | bool = True,
) -> tuple[Answer, ...]:
    """All 41 answers for one contract, in CUAD's order (a contract without a clause of a
    category gets ``present=False`` and no evidence, never an error). ``learned``: the
    sentence classifier of :mod:`.learned` (True: the shipped model; False: the lexicon only)."""
    ctx = context or CheckContext(document, clauses, key_dates, facts)
    model = load_answer_model() if learned is True else (learned or None)
    return _answers(ctx, facts, key_dates, findings, cap, model)


def _answers(
    ctx: CheckContext,
    facts: Facts,
    key_dates: Sequence[KeyDate],
    findings: Sequence[Finding],
    cap: LiabilityCap | None,
    model: AnswerModel | None,
) -> tuple[Answer, ...]:
    text = ctx.text
    sentences = sentences_of(text)
    cues = cue_spans(sentences)
    learned = _learned(ctx, sentences, cues, model) if model is not None else {}
    out: dict[str, Answer] = {}
    # Title: the first line that names an agreement.
    title = TITLE.search(text, 0, min(len(text), 3000))
    if title:
        value = " ".join(title.group("title").split()).strip(" ,.;:")
        out["document_name"] = _answer(ctx, "document_name", [title.span("title")], "title", value)
    else:
        out["document_name"] = _answer(ctx, "document_name", [], "title")
    parties = facts.parties
    out["parties"] = _answer(
        ctx,
        "parties",
        [(p.start, p.end) for p in parties],
        "facts",
        "; ".join(p.name + (f' ("{p.role}")' if p.role else "") for p in parties) or None,
    )
    for cat, kind in DATE_KINDS.items():
        k = next((k for k in key_dates if k.kind == kind), None)
        if k is None:
            out[cat] = _answer(ctx, cat, [], "key_date")
        else:
            out[cat] = _answer(ctx, cat, [(k.start, k.end)], "key_date", _key_date_value(k))
    law = GOVERNING.search(text)
    if law:
        s, e = ctx.sentence_around(law.start(), law.end())
        out["governing_law"] = _answer(ctx, "governing_law", [(s, e)], "cue", law.group("place"))
    elif cues.get("governing_law"):
        out["governing_law"] = _answer(ctx, "governing_law", cues["governing_law"], "cue")
    else:  # the checker found the clause (e.g. a cover-page term): answer from its evidence
        spans = [
            (e.start, e.end)
            for f in findings
            if f.rule_id == "present.governing_law"
            for e in f.evidence
        ]
        out["governing_law"] = _answer(ctx, "governing_law", spans, "rule")
    for a in _liability(ctx, findings, cap):
        out[a.category] = a
    for cat in CATEGORIES:
        if cat in out:
            continue
        got = learned.get(cat)
        spans = [(e.start, e.end) for e in got.evidence] if got else cues.get(cat, [])
        value = None
        if cat == "warranty_duration" and spans:
            d = next(iter(facts.within(*spans[0]).durations), None)
            value = " ".join(d.text.split()) if d is not None else None
        out[cat] = replace(got, value=value) if got else _answer(ctx, cat, spans, "cue", value)
    return tuple(out[c] for c in CATEGORIES)
