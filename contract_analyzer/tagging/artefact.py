"""The clause tagger as plain data: an ``.npz`` of arrays and a JSON file holding the rest.

Why: loading the skops file costs about a second per process, nearly all of it skops building
its list of trusted types. The artefact keeps skops's safety another way: it is written from a
skops file loaded *with* that validation (:mod:`contract_analyzer.tagging.convert`, at build
time), its arrays are read with ``allow_pickle=False`` (no code can run), and the JSON records
the sha256 of the ``.npz`` so a damaged or swapped file is refused before it is read.

Layout: ``<stem>.json`` (structure, parameters, class ids, the npz's name and sha256) beside
``<stem>.npz`` (coefficients, intercepts, thresholds, relative shares, calibration points, the
TF-IDF idf weights and its vocabulary as one UTF-8 buffer of newline-separated terms). The
state read back is the dict :meth:`ClauseTagger.save` gives skops, arrays bit for bit equal.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from contract_analyzer.errors import ContractAnalyzerError, ModelNotFound

ARTEFACT_KIND = "contract_analyzer.clause_tagger"
ARTEFACT_VERSION = 1
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed member dates: the same model gives the same bytes
_ARRAYS = ("coef", "intercept", "thresholds", "relative")


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def check_arrays(npz: Path, expected: str, json_path: Path, what: str, rebuild: str) -> None:
    """Refuse a model's ``.npz`` that is missing or whose sha256 is not the one its JSON file
    records, naming the file and how to ``rebuild`` it (the check every plain-data model of
    ``models/`` makes before reading its arrays)."""
    if not npz.is_file():
        raise ModelNotFound(npz, f"{what} missing (named by {json_path.name})")
    actual = sha256_of(npz)
    if actual != expected:
        raise ContractAnalyzerError(
            npz,
            f"{what} do not match the sha256 recorded in {json_path.name} "
            f"(expected {expected[:12]}..., found {actual[:12]}...): the file is damaged or "
            f"was altered; rebuild it with `{rebuild}`",
        )


def npz_path(json_path: Path) -> Path:
    """The arrays file named by default beside ``json_path`` (same stem)."""
    return json_path.with_suffix(".npz")


def write_artefact(
    state: dict[str, Any], json_path: str | Path, source: Path | None = None
) -> Path:
    """Write ``state`` (the dict skops stores) as ``json_path`` + its ``.npz``; return the JSON.

    ``source`` (the validated skops file) is recorded by name and sha256 for traceability.
    """
    json_path = Path(json_path)
    json_path.parent.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, np.ndarray] = {k: np.asarray(state[k]) for k in _ARRAYS}
    tfidf = state.get("tfidf")
    if tfidf is not None:
        terms = [str(t) for t in tfidf["terms"]]
        if any("\n" in t for t in terms):
            raise ValueError("a TF-IDF term holds a newline; the artefact cannot store it")
        arrays["tfidf_terms"] = np.frombuffer("\n".join(terms).encode("utf-8"), dtype=np.uint8)
        arrays["tfidf_idf"] = np.asarray(tfidf["idf"], dtype=np.float64)
    calibration = {}
    for group in ("calibration", "calibration_named"):
        types = list((state.get(group) or {}).items())
        calibration[group] = [str(t) for t, _ in types]
        for i, (_t, (x, y)) in enumerate(types):
            arrays[f"{group}.{i}.x"] = np.asarray(x, dtype=np.float64)
            arrays[f"{group}.{i}.y"] = np.asarray(y, dtype=np.float64)
    npz = npz_path(json_path)
    write_npz(npz, arrays)
    doc = {
        "kind": ARTEFACT_KIND,
        "artefact_version": ARTEFACT_VERSION,
        "format_version": state["format_version"],
        "params": state["params"],
        "classes": [str(c) for c in state["classes"]],
        "tfidf_params": None if tfidf is None else tfidf["params"],
        "calibration_types": calibration,
        "meta": state.get("meta", {}),
        "arrays": {"file": npz.name, "sha256": sha256_of(npz), "bytes": npz.stat().st_size},
    }
    if source is not None:
        doc["validated_from"] = {"file": source.name, "sha256": sha256_of(source)}
    json_path.write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return json_path


def write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """An ``np.load``-able npz with fixed member dates (``np.savez`` stamps the current time)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        for name in sorted(arrays):
            info = zipfile.ZipInfo(f"{name}.npy", date_time=_ZIP_DATE)
            with zf.open(info, "w", force_zip64=True) as fh:
                np.lib.format.write_array(
                    fh, np.ascontiguousarray(arrays[name]), allow_pickle=False
                )


def read_artefact(json_path: str | Path) -> dict[str, Any]:
    """The state written by :func:`write_artefact`, after checking the npz's sha256.

    Raises :class:`ModelNotFound` when a file is missing and :class:`ContractAnalyzerError`
    naming the file when it is damaged, altered or not a tagger artefact.
    """
    json_path = Path(json_path)
    if not json_path.is_file():
        raise ModelNotFound(
            json_path, "clause tagger model not found (run `contract-analyzer train`)"
        )
    try:
        doc = json.loads(json_path.read_text(encoding="utf-8"))
        if doc.get("kind") != ARTEFACT_KIND or doc.get("artefact_version") != ARTEFACT_VERSION:
            raise ValueError("not a clause tagger artefact of a known version")
        arrays_doc = doc["arrays"]
        npz = json_path.parent / Path(str(arrays_doc["file"])).name
        expected = str(arrays_doc["sha256"])
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ContractAnalyzerError(json_path, f"cannot read clause tagger model: {exc}") from exc
    check_arrays(
        npz,
        expected,
        json_path,
        "clause tagger arrays",
        "python -m contract_analyzer.tagging.convert",
    )
    try:
        return _state(doc, npz)
    except Exception as exc:  # a zip, npy header or layout problem despite a matching hash
        raise ContractAnalyzerError(npz, f"cannot read clause tagger arrays: {exc}") from exc


def _state(doc: dict[str, Any], npz: Path) -> dict[str, Any]:
    """The skops-shaped state dict from the JSON document and the verified npz."""
    with np.load(npz, allow_pickle=False) as data:
        state: dict[str, Any] = {k: data[k] for k in _ARRAYS}
        state["tfidf"] = None
        if doc["tfidf_params"] is not None:
            terms = bytes(data["tfidf_terms"]).decode("utf-8").split("\n")
            state["tfidf"] = {
                "terms": terms,
                "idf": data["tfidf_idf"],
                "params": doc["tfidf_params"],
            }
        for group, types in doc["calibration_types"].items():
            state[group] = {
                t: [data[f"{group}.{i}.x"], data[f"{group}.{i}.y"]] for i, t in enumerate(types)
            }
    classes = list(doc["classes"])
    n_terms = len(state["tfidf"]["terms"]) if state["tfidf"] is not None else None
    shape = state["coef"].shape
    if len(shape) != 2 or shape[0] != len(classes) or (n_terms is not None and shape[1] < n_terms):
        raise ValueError(f"coefficients of shape {shape} do not fit {len(classes)} classes")
    for k in ("intercept", "thresholds", "relative"):
        if state[k].shape != (len(classes),):
            raise ValueError(f"{k} has shape {state[k].shape}, expected ({len(classes)},)")
    state.update(
        format_version=doc["format_version"],
        params=doc["params"],
        classes=classes,
        meta=doc.get("meta", {}),
    )
    return state
