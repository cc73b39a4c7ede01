"""Where a tagger model is read from: file names of the variants and the lookup in a folder.

Kept apart from :mod:`~contract_analyzer.tagging.classifier` so the runtime loader finds the
model without importing scikit-learn.
"""

from __future__ import annotations

from pathlib import Path

from contract_analyzer.errors import ContractAnalyzerError, ModelNotFound
from contract_analyzer.resources import models_dir

MODEL_FILE = "clause_tagger.skops"
READABLE_VERSIONS = (1, 2)  # ClauseTagger.save's format_version values this code reads


def model_file(variant: str = "default") -> str:
    """File name of a shipped variant ("default" -> clause_tagger.skops)."""
    return MODEL_FILE if variant == "default" else f"clause_tagger-{variant}.skops"


def artefact_file(variant: str = "default") -> str:
    """File name of a variant's plain-data artefact ("default" -> clause_tagger.json; its
    arrays are in the ``.npz`` of the same stem)."""
    return str(Path(model_file(variant)).with_suffix(".json"))


def check_format(state: dict, file: Path) -> None:
    """Refuse (naming ``file``) a saved state of a format version this code cannot read."""
    if state.get("format_version") not in READABLE_VERSIONS:
        raise ContractAnalyzerError(file, "clause tagger model has an unknown format version")


def model_path(path: Path | None, variant: str) -> Path:
    """The model file to read: ``path`` itself, or the variant's artefact (else its skops
    file) in the folder ``path`` (default: ``models/``)."""
    if path is not None and not path.is_dir():
        if not path.is_file():
            raise ModelNotFound(
                path, "clause tagger model not found (run `contract-analyzer train`)"
            )
        if path.suffix not in (".json", ".npz", ".skops"):
            raise ContractAnalyzerError(path, "not a clause tagger model (.json, .npz or .skops)")
        return path
    folder = path if path is not None else models_dir()
    artefact, skops_file = folder / artefact_file(variant), folder / model_file(variant)
    if artefact.is_file() or not skops_file.is_file():
        if not artefact.is_file():
            raise ModelNotFound(
                artefact,
                f"clause tagger model not found, nor {skops_file} (run `contract-analyzer train`)",
            )
        return artefact
    return skops_file
