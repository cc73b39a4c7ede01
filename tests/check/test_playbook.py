"""Playbooks: the shipped ones load, users extend them, and bad files fail naming file, line, key."""

from __future__ import annotations

from pathlib import Path

import pytest

from contract_analyzer.check.playbook import KINDS, load_playbook, shipped_playbooks
from contract_analyzer.check.rules import load_rules
from contract_analyzer.errors import PlaybookError
from contract_analyzer.taxonomy import CLAUSE_TYPES


def test_every_kind_ships_a_valid_playbook() -> None:
    books = shipped_playbooks()
    assert set(books) == set(KINDS)
    rules = load_rules()
    for kind, book in books.items():
        assert book.kind == kind
        assert book.required, f"{kind} requires nothing"
        for comp in book.components:
            assert comp in CLAUSE_TYPES
        for rule_id in book.rules:
            assert rule_id in rules
    # kind-specific requirements a lawyer expects
    assert "service_levels" in books["sla"].required
    assert "confidentiality" in books["nda"].required
    assert "data_protection" in books["dpa"].required
    assert "scope_of_work" in books["sow"].required
    assert "limitation_of_liability" not in books["nda"].components
    assert "termination.no_exit_assistance" in books["saas"].rules
    assert "termination.no_exit_assistance" not in books["nda"].rules


def test_every_rule_is_used_by_some_shipped_playbook() -> None:
    used = {r for book in shipped_playbooks().values() for r in book.rules}
    assert used == set(load_rules())


def test_policy_defaults_in_shipped_playbooks() -> None:
    saas = load_playbook("saas")
    assert saas.rules["renewal.opt_out_too_long"].params["max_days"] == 90
    assert saas.rules["payment.due_period_too_short"].params["min_days"] == 30
    assert saas.rules["liability.cap_below_policy"].params["min_months"] == 12


def test_user_playbook_extends_a_shipped_one(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(
        "name: acme-saas\n"
        "extends: saas\n"
        "required:\n"
        "  insurance: high\n"
        "  service_levels: medium\n"
        "recommended:\n"
        "  force_majeure: false\n"
        "rules:\n"
        "  renewal.opt_out_too_long: {max_days: 60, severity: high}\n"
        "  payment.no_late_terms: false\n",
        encoding="utf-8",
    )
    book = load_playbook(path)
    assert book.name == "acme-saas" and book.kind == "saas"
    assert book.required["insurance"] == "high"
    assert book.required["service_levels"] == "medium"
    assert "service_levels" not in book.recommended
    assert "force_majeure" not in book.components
    assert book.rules["renewal.opt_out_too_long"].params["max_days"] == 60
    assert book.rules["renewal.opt_out_too_long"].severity == "high"
    assert "payment.no_late_terms" not in book.rules
    assert "data_protection" in book.required  # inherited


@pytest.mark.parametrize(
    ("content", "line", "key", "cause"),
    [
        (
            "name: x\nrequired:\n  governing_law: high\n  scope_of_wrk: high\n",
            4,
            "required.scope_of_wrk",
            "unknown component",
        ),
        ("name: x\nrequired:\n  governing_law: severe\n", 3, "required.governing_law", "severity"),
        (
            "name: x\nrules:\n  liability.uncaped: {}\n",
            3,
            "rules.liability.uncaped",
            "unknown rule id",
        ),
        (
            "name: x\nrules:\n  renewal.opt_out_too_long:\n    max_day: 60\n",
            4,
            "rules.renewal.opt_out_too_long.max_day",
            "unknown parameter",
        ),
        (
            "name: x\nrules:\n  renewal.opt_out_too_long: {max_days: sixty}\n",
            3,
            "rules.renewal.opt_out_too_long.max_days",
            "number",
        ),
        ("name: x\nextends: sass\n", 2, "extends", "no shipped playbook"),
        ("name: x\nrequird:\n  governing_law: high\n", 2, "requird", "unknown key"),
        ("name: x\nname: y\n", 2, "name", "duplicate key"),
        (
            "name: x\ndetect:\n  clauses: {warranty: 1}\n",
            3,
            "detect.clauses.warranty",
            "unknown clause type",
        ),
    ],
)
def test_invalid_playbook_names_file_line_and_key(
    tmp_path: Path, content: str, line: int, key: str, cause: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PlaybookError) as err:
        load_playbook(path)
    message = str(err.value)
    assert str(path) in message
    assert f"line {line}" in message
    assert f"'{key}'" in message
    assert cause in message


def test_broken_yaml_and_missing_files(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("name: x\nrequired: [governing_law\n", encoding="utf-8")
    with pytest.raises(PlaybookError, match=r"broken\.yaml: line \d+: invalid YAML"):
        load_playbook(path)
    with pytest.raises(PlaybookError, match="unknown playbook"):
        load_playbook("sass")
    with pytest.raises(PlaybookError, match="no such playbook file"):
        load_playbook(tmp_path / "none.yaml")


def test_extends_cycle_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("name: a\nextends: b.yaml\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("name: b\nextends: a.yaml\n", encoding="utf-8")
    with pytest.raises(PlaybookError, match="cycle"):
        load_playbook(tmp_path / "a.yaml")
