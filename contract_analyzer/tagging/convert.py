"""Build the tagger's plain-data artefact from its skops file, validating it on the way.

Why: skops's trusted-type check costs about a second per process. Running it once here, when
the model is built, and shipping the arrays it let through (with their sha256) keeps the check
and takes it off every start. ``train`` calls :func:`convert` after saving; by hand:
``python -m contract_analyzer.tagging.convert [SKOPS_FILE] [--out JSON_FILE]`` (default: the
shipped ``models/clause_tagger.skops`` -> ``models/clause_tagger.json`` + ``.npz``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from contract_analyzer.errors import ContractAnalyzerError
from contract_analyzer.resources import models_dir
from contract_analyzer.tagging.artefact import read_artefact, write_artefact
from contract_analyzer.tagging.classifier import _skops_state
from contract_analyzer.tagging.model_files import check_format, model_file


def convert(skops_file: str | Path, json_file: str | Path | None = None) -> Path:
    """Load ``skops_file`` with skops's validation, write its artefact, read it back and check
    every array is bit for bit the same; return the JSON path (default: beside, same stem)."""
    skops_file = Path(skops_file)
    state = _skops_state(skops_file)  # skops refuses any type it does not trust
    check_format(state, skops_file)
    out = Path(json_file) if json_file is not None else skops_file.with_suffix(".json")
    write_artefact(state, out, source=skops_file)
    _check_same(state, read_artefact(out), out)
    return out


def _check_same(state: dict, again: dict, where: Path) -> None:
    """Fail (naming ``where``) unless ``again`` holds exactly ``state``'s model."""
    pairs = [(state[k], again[k]) for k in ("coef", "intercept", "thresholds", "relative")]
    if state.get("tfidf") is not None:
        pairs.append((state["tfidf"]["idf"], again["tfidf"]["idf"]))
        pairs.append(([str(t) for t in state["tfidf"]["terms"]], again["tfidf"]["terms"]))
    for group in ("calibration", "calibration_named"):
        ours, theirs = state.get(group) or {}, again.get(group) or {}
        if list(ours) != list(theirs):
            raise ContractAnalyzerError(where, f"{group} types differ after conversion")
        pairs += [(a, b) for t in ours for a, b in zip(ours[t], theirs[t], strict=True)]
    for a, b in pairs:
        if not np.array_equal(np.asarray(a), np.asarray(b)):
            raise ContractAnalyzerError(where, "the artefact differs from the skops model")
    if [str(c) for c in state["classes"]] != again["classes"] or state["params"] != again["params"]:
        raise ContractAnalyzerError(where, "classes or parameters differ after conversion")


def main(argv: list[str] | None = None) -> int:
    """Command line: convert one skops file (default: the shipped model)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("skops_file", nargs="?", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None, help="the JSON file to write")
    args = parser.parse_args(argv)
    source = args.skops_file or models_dir() / model_file()
    out = convert(source, args.out)
    npz = out.with_suffix(".npz")
    print(f"{source} -> {out} + {npz.name} ({npz.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
