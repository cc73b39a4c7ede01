"""ca.analyze end to end and the ``contract-analyzer analyze`` command, on real contracts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import contract_analyzer as ca
from contract_analyzer import cli
from contract_analyzer.errors import ContractAnalyzerError, PlaybookError
from contract_analyzer.resources import PROJECT_DIR

AS_OF = dt.date(2026, 11, 26)
SAMPLES = PROJECT_DIR / "data" / "sample_contracts"
CUAD_PDF = "XACCT Technologies, Inc.SUPPORT AND MAINTENANCE AGREEMENT.PDF"


@pytest.fixture(scope="module")
def tagger():
    from contract_analyzer.tagging import default_tagger

    return default_tagger()


@pytest.fixture(scope="module")
def cuad_pdf(shared: Path) -> Path:
    return shared / "data" / "cuad" / "pdf" / CUAD_PDF


def test_analyze_a_cuad_pdf(cuad_pdf: Path, tagger) -> None:
    report = ca.analyze(cuad_pdf, as_of=AS_OF, tagger=tagger)
    assert isinstance(report, ca.ContractReport)
    assert report.source.format == "pdf" and report.source.page_count >= 1
    assert report.kind == "maintenance_support"
    assert report.as_of == AS_OF
    assert {f.component for f in report.findings} >= set(report.playbook.required)
    assert 0 <= report.score <= 100


def test_playbook_override_and_document_input(cuad_pdf: Path, tagger) -> None:
    doc = ca.load_document(cuad_pdf)
    report = ca.analyze(doc, playbook="generic", as_of=AS_OF)
    assert report.kind == "generic" and report.kind_confidence == 1.0
    assert report.document is doc
    assert not any(f.rule_id == "missing.scope_of_work" for f in report.findings)


def test_same_file_same_report(tagger) -> None:
    path = SAMPLES / "c06_licence_ferrous_cascadia.docx"
    first = ca.analyze(path, as_of=AS_OF).to_json()
    second = ca.analyze(path.read_bytes(), as_of=AS_OF).to_json()
    a, b = json.loads(first), json.loads(second)
    for data in (a, b):
        data["source"]["path"] = data["source"]["name"] = None
    assert a == b


def test_fixing_the_contract_never_lowers_the_score(tagger) -> None:
    """Fill in the placeholders of a real draft: the finding goes and the score does not drop."""
    text = ca.load_document(SAMPLES / "c12_msa_tessellate_draft.docx").text
    fixed = (
        text.replace("[Customer Name]", "Harbour Dental Group Ltd")
        .replace("[CUSTOMER NAME]", "HARBOUR DENTAL GROUP LTD")
        .replace("[●]", "England")
        .replace("____", "09876543")
        .replace("TBD", "the Site")
        .replace("sixty (90) days", "ninety (90) days")
    )
    before = ca.analyze(text.encode(), playbook="it_services", as_of=AS_OF)
    after = ca.analyze(fixed.encode(), playbook="it_services", as_of=AS_OF)
    rules_before = {f.rule_id for f in before.issues}
    rules_after = {f.rule_id for f in after.issues}
    assert "drafting.placeholder" in rules_before and "drafting.placeholder" not in rules_after
    assert "drafting.inconsistent_numbers" not in rules_after
    assert after.score >= before.score


def test_user_playbook_file(tmp_path: Path, tagger) -> None:
    policy = tmp_path / "acme.yaml"
    policy.write_text(
        "name: acme\nextends: saas\nrules:\n  renewal.opt_out_too_long: {max_days: 150, severity: high}\n",
        encoding="utf-8",
    )
    path = SAMPLES / "c02_saas_cobalt_silverline.pdf"
    report = ca.analyze(path, playbook=policy, as_of=AS_OF)
    hit = [f for f in report.issues if f.rule_id == "renewal.opt_out_too_long"]
    assert hit and hit[0].severity == "high" and "150" in hit[0].message


def test_errors_are_contract_analyzer_errors(tmp_path: Path) -> None:
    bad = tmp_path / "sheet.docx"
    bad.write_bytes(b"PK\x03\x04 not really a docx")
    with pytest.raises(ContractAnalyzerError):
        ca.analyze(bad)
    with pytest.raises(PlaybookError):
        ca.analyze(SAMPLES / "c05_nda_orchardlane_vantagecrest.pdf", playbook="no-such-kind")


def test_cli_table(capsys, tagger) -> None:
    path = SAMPLES / "c07_support_brightmoor_harbison.pdf"
    assert cli.main(["analyze", str(path), "--as-of", "2026-11-26", "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "Score:" in out and "maintenance_support" in out
    assert "renewal.auto_no_opt_out" in out
    assert "Key dates" in out and "Obligations" in out


def test_cli_json_and_html_to_file(tmp_path: Path, tagger) -> None:
    path = SAMPLES / "c04_sla_quarrypeak_tidewater.docx"
    out = tmp_path / "r.json"
    assert (
        cli.main(
            ["analyze", str(path), "--format", "json", "-o", str(out), "--as-of", "2026-11-26"]
        )
        == 0
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["kind"] == "sla" and data["as_of"] == "2026-11-26"
    page = tmp_path / "r.html"
    assert (
        cli.main(["analyze", str(path), "--format", "html", "-o", str(page), "--playbook", "sla"])
        == 0
    )
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_errors_exit_2(tmp_path: Path, capsys) -> None:
    assert cli.main(["analyze", str(tmp_path / "missing.pdf")]) == 2
    assert "missing.pdf" in capsys.readouterr().err
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nrequired:\n  scope: high\n", encoding="utf-8")
    sample = SAMPLES / "c05_nda_orchardlane_vantagecrest.pdf"
    assert cli.main(["analyze", str(sample), "--playbook", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.yaml" in err and "line 3" in err


def test_public_functions_are_not_shadowed_by_submodules() -> None:
    """Importing every stage module must leave ``ca.analyze`` and friends the functions.

    (A submodule import binds its name on the package, so no public function may share its
    name with a submodule.)"""
    import contract_analyzer.pipeline  # noqa: F401
    import contract_analyzer.segment  # noqa: F401
    import contract_analyzer.tagging  # noqa: F401

    for name in ("analyze", "load_document", "extract_dates", "analyze_folder", "tag"):
        assert callable(getattr(ca, name)) and getattr(ca, name).__name__ == name


def test_library_accepts_a_path_text_bytes_or_a_binary_file(tagger) -> None:
    path = SAMPLES / "c05_nda_orchardlane_vantagecrest.pdf"
    by_path = ca.analyze(path, as_of=AS_OF, tagger=tagger)
    by_text = ca.analyze(str(path), as_of=AS_OF, tagger=tagger)
    by_bytes = ca.analyze(path.read_bytes(), as_of=AS_OF, tagger=tagger)
    with path.open("rb") as fh:
        by_file = ca.analyze(fh, as_of=AS_OF, tagger=tagger)
    findings = {tuple(f.rule_id for f in r.findings) for r in (by_path, by_text, by_bytes, by_file)}
    assert len(findings) == 1 and by_file.source.sha256 == by_path.source.sha256
