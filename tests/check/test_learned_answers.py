"""The learned CUAD answers (``models/cuad_answers.json`` + ``.npz``): the artefact is read only
when its hash matches, and on real CUAD contracts it answers what the experts marked, with
evidence inside the contract, and leaves absent what they did not."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import contract_analyzer as ca
from contract_analyzer.check.answers.learned import (
    MODES,
    answer_model_path,
    load_answer_model,
    read_answer_model,
)
from contract_analyzer.check.answers.training import LEARNED
from contract_analyzer.errors import ContractAnalyzerError, ModelNotFound

# A CUAD contract of the held-out half (not trained on); the experts marked audit rights in it,
# and no no-solicit of employees, volume restriction or covenant not to sue: categories the
# shipped model decides (its cross-validated mode is not the lexicon alone).
CONTRACT = "Apollo Endosurgery - Manufacturing and Supply Agreement.txt"
MARKED = "audit_rights"
UNMARKED = ("no_solicit_of_employees", "volume_restriction", "covenant_not_to_sue")


def test_shipped_model_loads_with_a_decision_per_learned_category() -> None:
    model = load_answer_model()
    assert model.categories == LEARNED
    assert all(model.decisions[c].mode in MODES for c in LEARNED)
    doc = json.loads(answer_model_path().read_text(encoding="utf-8"))
    assert set(doc["meta"]["cv"]) == set(LEARNED)  # the CV figures behind each choice
    z = model.scores(["Licensor hereby grants to Licensee a non-exclusive license to use."])
    assert z.shape == (1, len(LEARNED))


def _copy(tmp_path: Path) -> Path:
    src = answer_model_path()
    for p in (src, src.with_suffix(".npz")):
        shutil.copy(p, tmp_path / p.name)
    return tmp_path / src.name


def test_tampered_arrays_are_refused_naming_the_file(tmp_path: Path) -> None:
    json_path = _copy(tmp_path)
    npz = json_path.with_suffix(".npz")
    data = bytearray(npz.read_bytes())
    data[len(data) // 2] ^= 0xFF
    npz.write_bytes(bytes(data))
    with pytest.raises(ContractAnalyzerError, match="sha256") as err:
        read_answer_model(json_path)
    assert npz.name in str(err.value)


def test_missing_arrays_and_foreign_json_are_refused(tmp_path: Path) -> None:
    json_path = _copy(tmp_path)
    doc = json.loads(json_path.read_text(encoding="utf-8"))
    json_path.with_suffix(".npz").unlink()
    with pytest.raises(ModelNotFound, match="cuad_answers.npz"):
        read_answer_model(json_path)
    doc["kind"] = "something.else"
    json_path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ContractAnalyzerError, match="cuad_answers.json"):
        read_answer_model(json_path)


@pytest.fixture(scope="module")
def report(shared: Path) -> ca.ContractReport:
    return ca.analyze(shared / "data" / "cuad" / "txt" / CONTRACT)


def test_a_marked_category_is_present_with_evidence_in_the_contract(
    report: ca.ContractReport,
) -> None:
    answer = next(a for a in report.answers if a.category == MARKED)
    assert load_answer_model().decisions[MARKED].mode != "cue"  # the learned model decides
    assert answer.present and answer.method == "learned"
    assert answer.evidence
    text = report.document.text
    for ev in answer.evidence:
        assert 0 <= ev.start < ev.end <= len(text)
    assert any(
        re.search(r"\baudit|\binspect|\brecords\b", text[ev.start : ev.end], re.IGNORECASE)
        for ev in answer.evidence
    )
    assert 0.0 < answer.confidence <= 1.0


@pytest.mark.parametrize("category", UNMARKED)
def test_an_unmarked_category_is_absent_without_evidence(
    report: ca.ContractReport, category: str
) -> None:
    answer = next(a for a in report.answers if a.category == category)
    assert load_answer_model().decisions[category].mode != "cue"
    assert not answer.present and answer.method == "learned"
    assert answer.evidence == ()
    assert answer.value is None


def test_reading_the_model_leaves_scikit_learn_out() -> None:
    code = (
        "import sys\n"
        "from contract_analyzer.check.answers.learned import load_answer_model\n"
        "load_answer_model().scores(['Licensee may audit the records.'])\n"
        "print('sklearn' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
