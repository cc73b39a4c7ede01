"""Contract-level presence needs real evidence: one weak region is not a component."""

from __future__ import annotations

from pathlib import Path

from contract_analyzer.check.presence import (
    PRESENT_CONFIDENCE,
    SUPPORT_CONFIDENCE,
    component_status,
    is_present,
)
from contract_analyzer.document import Document, Source
from contract_analyzer.tagging.clause import Clause

TEXT = "Alpha clause here.\n\nUnrelated words.\n\nBeta clause here.\n\nGamma clause."


def text_document(text: str, name: str = "t.txt") -> Document:
    source = Source(path=name, sha256="0" * 64, format="txt", size_bytes=len(text), page_count=0)
    return Document(text=text, pages=(), blocks=(), source=source)


def doc() -> Document:
    return text_document(TEXT)


def clause(word: str, confidence: float, d: Document) -> Clause:
    start = TEXT.index(word)
    end = TEXT.index(".", start) + 1
    return Clause("insurance", start, end, confidence, "classifier", document=d)


def test_one_weak_region_is_not_presence() -> None:
    d = doc()
    weak = SUPPORT_CONFIDENCE + 0.05
    assert not is_present([clause("Alpha", weak, d)], "insurance")
    # two separate weak regions together are evidence; one strong clause is enough alone
    assert is_present([clause("Alpha", weak, d), clause("Beta", weak, d)], "insurance")
    assert is_present([clause("Gamma", PRESENT_CONFIDENCE, d)], "insurance")
    # below the support bar nothing counts, however many
    faint = SUPPORT_CONFIDENCE - 0.05
    assert not is_present([clause(w, faint, d) for w in ("Alpha", "Beta", "Gamma")], "insurance")


def test_component_status_follows_presence_outside_the_playbook() -> None:
    d = doc()
    status = component_status([clause("Alpha", SUPPORT_CONFIDENCE + 0.05, d)], [])
    assert status["insurance"] == "absent-not-required"
    status = component_status([clause("Alpha", 0.9, d)], [])
    assert status["insurance"] == "present"


def test_a_cut_out_section_is_absent_on_a_real_template(shared: Path) -> None:
    """Common Paper's Professional Services Agreement (DOCX) holds a force majeure section; the
    same agreement with that section cut out does not hold the component. (Cutting its
    Insurance section would not do: the cover page keeps an "Insurance Minimums" table.)"""
    from contract_analyzer.ingest import load_document
    from contract_analyzer.segment import segment
    from contract_analyzer.tagging import tag

    name = "common-paper-professional-services-agreement.docx"
    document = load_document(shared / "data" / "templates" / "docx" / name)
    sections = segment(document)
    cut = [s for s in sections if s.title and "force majeure" in s.title.lower()]
    assert cut, "the template no longer has a Force Majeure section"
    assert is_present(tag(document, sections), "force_majeure")
    text, pos, parts = document.text, 0, []
    for s in sorted(cut, key=lambda s: s.start):
        if s.start >= pos:
            parts.append(text[pos : s.start])
            pos = s.end
    parts.append(text[pos:])
    body = "".join(parts)
    variant = text_document(body, "cut.txt")
    assert not is_present(tag(variant), "force_majeure")


def test_a_stated_component_is_present_even_untagged() -> None:
    """A governing-law sentence or an assignment restriction the tagger did not tag (here: no
    clauses at all) still makes the component present for the checker, so no missing finding
    contradicts the CUAD answer read from the same words; other components stay absent."""
    from contract_analyzer.check import load_playbook, run_checks
    from contract_analyzer.check.context import CheckContext

    text = (
        "12. Miscellaneous. This Agreement shall be governed by the laws of the State of New York. "
        "Neither party may assign this Agreement without the prior written consent of the other "
        "party. The headings are for convenience only."
    )
    d = text_document(text)
    ctx = CheckContext(d, [])
    assert ctx.has("governing_law") and ctx.has("assignment")
    assert not ctx.has("limitation_of_liability") and not ctx.has("insurance")
    gl = ctx.region_evidence("governing_law")
    assert gl and "New York" in text[gl[0].start : gl[0].end]
    rules = {f.rule_id for f in run_checks(d, [], load_playbook("it_services"))}
    assert "missing.governing_law" not in rules and "present.governing_law" in rules
    assert "missing.limitation_of_liability" in rules


def test_services_after_termination_agree_with_the_cuad_answer() -> None:
    """termination.no_exit_assistance reads the post-termination services the CUAD answer reads
    (a sell-off period counts), but a final payment for work done is no help to exit."""
    from contract_analyzer.check.context import CheckContext
    from contract_analyzer.check.rules.termination import no_exit_assistance

    def fires(text: str) -> bool:
        return bool(no_exit_assistance(CheckContext(text_document(text), []), {}))

    base = "9. Termination. Either party may terminate this Agreement for material breach. "
    assert fires(base + "On termination, Client shall pay Consultant for the Services performed "
                 "up to the date of termination.")  # fmt: skip
    assert not fires(base + "Following the expiration of this Agreement, Distributor shall have the "
                     "right to sell its remaining inventory of Products for ninety (90) days.")  # fmt: skip


def test_a_stated_acceptance_procedure_is_present_on_a_real_template(shared: Path) -> None:
    """Common Paper's Professional Services Agreement states its acceptance procedure ("deemed
    to have approved a Deliverable if Customer does not reject the Deliverable ...") in a short
    section the tagger does not tag; the checker still finds the component, and the same
    agreement with that section cut out reports it missing."""
    from contract_analyzer.ingest import load_document
    from contract_analyzer.pipeline import analyze
    from contract_analyzer.segment import segment

    name = "common-paper-professional-services-agreement.docx"
    document = load_document(shared / "data" / "templates" / "docx" / name)
    report = analyze(document)
    assert "acceptance" in report.playbook.components
    assert report.component_status()["acceptance"] != "missing"
    cut = [s for s in segment(document) if s.title and s.title.strip().lower() == "acceptance"]
    assert cut, "the template no longer has an Acceptance section"
    text, pos, parts = document.text, 0, []
    for s in sorted(cut, key=lambda s: s.start):
        parts.append(text[pos : s.start])
        pos = max(pos, s.end)
    parts.append(text[pos:])
    variant = analyze(text_document("".join(parts), "cut.txt"), playbook=report.playbook)
    assert variant.component_status()["acceptance"] == "missing"
