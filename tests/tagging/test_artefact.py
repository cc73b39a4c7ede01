"""The shipped plain-data tagger artefact: same predictions as the skops model, refused when
altered or incomplete, loaded without skops (issue 17)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from contract_analyzer.errors import ContractAnalyzerError, ModelNotFound
from contract_analyzer.resources import models_dir
from contract_analyzer.tagging.artefact import sha256_of
from contract_analyzer.tagging.classifier import ClauseTagger, artefact_file, model_file
from contract_analyzer.tagging.convert import convert

CONTRACTS = (
    "ABILITYINC_06_15_2020-EX-4.25-SERVICES AGREEMENT.txt",
    "BEYONDCOMCORP_08_03_2000-EX-10.2-CO-HOSTING AGREEMENT.txt",
    "LohaCompanyltd_20191209_F-1_EX-10.16_11917878_EX-10.16_Supply Agreement.txt",
)


def cuad_sentences(shared: Path, per_contract: int = 40) -> list[str]:
    """Real sentences of three CUAD contracts (every fifth sentence of 30+ characters)."""
    out: list[str] = []
    for name in CONTRACTS:
        text = (shared / "data" / "cuad" / "txt" / name).read_text(encoding="utf-8")
        sentences = [s.strip() for s in re.split(r"(?<=[.;:])\s+", text) if len(s.strip()) >= 30]
        out += sentences[::5][:per_contract]
    return out


@pytest.fixture(scope="module")
def both() -> tuple[ClauseTagger, ClauseTagger]:
    """The shipped model read from its skops file and from its artefact."""
    return ClauseTagger.load(models_dir() / model_file()), ClauseTagger.load()


def copy_artefact(folder: Path) -> Path:
    """The shipped artefact's two files copied into ``folder``; the JSON path."""
    src = models_dir() / artefact_file()
    shutil.copy(src, folder / src.name)
    shutil.copy(src.with_suffix(".npz"), folder / src.with_suffix(".npz").name)
    return folder / src.name


def test_artefact_predicts_what_the_skops_model_predicts(both, shared: Path) -> None:
    skops_tagger, tagger = both
    texts = cuad_sentences(shared)
    assert len(texts) >= 60
    assert list(tagger.classes_) == list(skops_tagger.classes_)
    np.testing.assert_allclose(
        tagger.decision_function(texts), skops_tagger.decision_function(texts), rtol=0, atol=1e-9
    )
    np.testing.assert_allclose(
        tagger.predict_proba(texts), skops_tagger.predict_proba(texts), rtol=0, atol=1e-9
    )
    np.testing.assert_allclose(
        tagger.confidence(texts), skops_tagger.confidence(texts), rtol=0, atol=1e-9
    )
    assert tagger.predict(texts) == skops_tagger.predict(texts)
    assert np.array_equal(tagger.thresholds_, skops_tagger.thresholds_)
    assert np.array_equal(tagger.relative_, skops_tagger.relative_)
    assert tagger.get_params() == skops_tagger.get_params()


def test_shipped_artefact_was_built_from_the_shipped_skops_file() -> None:
    doc = json.loads((models_dir() / artefact_file()).read_text())
    assert doc["validated_from"]["sha256"] == sha256_of(models_dir() / model_file())
    assert doc["arrays"]["sha256"] == sha256_of(models_dir() / "clause_tagger.npz")


def test_conversion_is_reproducible_byte_for_byte(tmp_path: Path) -> None:
    out = convert(models_dir() / model_file(), tmp_path / artefact_file())
    shipped = models_dir() / artefact_file()
    assert sha256_of(out.with_suffix(".npz")) == sha256_of(shipped.with_suffix(".npz"))
    assert json.loads(out.read_text()) == json.loads(shipped.read_text())


def test_altered_arrays_are_refused_naming_the_file(tmp_path: Path) -> None:
    json_file = copy_artefact(tmp_path)
    npz = json_file.with_suffix(".npz")
    data = bytearray(npz.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit of one coefficient
    npz.write_bytes(bytes(data))
    with pytest.raises(ContractAnalyzerError, match="sha256") as err:
        ClauseTagger.load(tmp_path)
    assert str(npz) in str(err.value)
    with pytest.raises(ContractAnalyzerError, match="sha256"):
        ClauseTagger.load(json_file)


def test_missing_arrays_are_refused_naming_the_file(tmp_path: Path) -> None:
    json_file = copy_artefact(tmp_path)
    json_file.with_suffix(".npz").unlink()
    with pytest.raises(ModelNotFound) as err:
        ClauseTagger.load(tmp_path)
    assert str(json_file.with_suffix(".npz")) in str(err.value)


def test_missing_artefact_is_refused_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFound) as err:
        ClauseTagger.load(tmp_path / artefact_file())
    assert str(tmp_path / artefact_file()) in str(err.value)


def test_corrupt_files_are_refused_naming_them(tmp_path: Path) -> None:
    json_file = copy_artefact(tmp_path)
    npz = json_file.with_suffix(".npz")
    # arrays that are not a zip, with the JSON's hash updated: read, refused, named
    npz.write_bytes(b"not a zip file at all")
    doc = json.loads(json_file.read_text())
    doc["arrays"]["sha256"] = sha256_of(npz)
    json_file.write_text(json.dumps(doc))
    with pytest.raises(ContractAnalyzerError, match="cannot read clause tagger arrays") as err:
        ClauseTagger.load(tmp_path)
    assert str(npz) in str(err.value)
    json_file.write_text("{ truncated")
    with pytest.raises(ContractAnalyzerError, match="cannot read clause tagger model") as err:
        ClauseTagger.load(tmp_path)
    assert str(json_file) in str(err.value)


def test_a_folder_with_only_a_skops_file_still_loads(tmp_path: Path, both) -> None:
    """Models trained before the artefact (a custom CONTRACT_ANALYZER_MODELS) keep working."""
    shutil.copy(models_dir() / model_file(), tmp_path / model_file())
    again = ClauseTagger.load(tmp_path)
    assert np.array_equal(again.coef_, both[1].coef_)


def test_loading_the_shipped_tagger_does_not_import_skops() -> None:
    script = textwrap.dedent(
        """
        import sys
        import contract_analyzer
        from contract_analyzer.tagging import default_tagger
        tagger = default_tagger()
        print(tagger.predict(["Neither party may assign this Agreement."])[0][0][0])
        print(sorted(m for m in sys.modules if m == "skops" or m.startswith("skops.")))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split("\n")[:2] == ["assignment", "[]"]
