"""The layout stays true: stages import only earlier stages, facts are read once, modules stay small."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import contract_analyzer as ca
from contract_analyzer.resources import PROJECT_DIR

PACKAGE = Path(ca.__file__).parent
SAMPLE = PROJECT_DIR / "data" / "sample_contracts" / "c02_saas_cobalt_silverline.pdf"
SINGLE_EXTRACTORS = {"extract_dates", "extract_durations", "extract_money", "extract_percentages"}
MAX_MODULE_LINES = 700


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_import_layers_and_no_cycles() -> None:
    """The import-linter contracts of pyproject.toml (pipeline layers, acyclic siblings)."""
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is a dev dependency: pip install -e '.[dev]'"
    done = subprocess.run(
        [lint], cwd=PROJECT_DIR, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stdout[-3000:]
    assert "0 broken" in done.stdout


def test_no_module_outside_facts_calls_the_single_extractors() -> None:
    offenders = []
    for path in _modules():
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "facts" or rel == Path("__init__.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name in SINGLE_EXTRACTORS:
                    offenders.append(f"{rel}:{node.lineno} {name}")
            if isinstance(node, ast.ImportFrom) and node.module and "facts" in node.module:
                offenders += [
                    f"{rel}:{node.lineno} imports {a.name}"
                    for a in node.names
                    if a.name in SINGLE_EXTRACTORS
                ]
    assert not offenders, offenders


def test_no_package_module_is_over_700_lines() -> None:
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in _modules()
        if (n := len(p.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert not long, long


def test_facts_are_extracted_once_per_analysed_document(monkeypatch) -> None:
    """One pass of the fact pipeline per document: every later stage reads the Facts."""
    from contract_analyzer import facts
    from contract_analyzer.facts import pipeline

    calls = {"extract_facts": 0, "parse": 0, "parse_many": 0}
    real = {"extract_facts": facts.extract_facts, "parse": pipeline.parse}
    real_many = pipeline.parse_many

    def spy_facts(*args, **kwargs):
        calls["extract_facts"] += 1
        return real["extract_facts"](*args, **kwargs)

    def spy_parse(*args, **kwargs):
        calls["parse"] += 1
        return real["parse"](*args, **kwargs)

    def spy_many(*args, **kwargs):
        calls["parse_many"] += 1
        return real_many(*args, **kwargs)

    monkeypatch.setattr(facts, "extract_facts", spy_facts)
    monkeypatch.setattr(pipeline, "parse", spy_parse)
    monkeypatch.setattr(pipeline, "parse_many", spy_many)
    report = ca.analyze(SAMPLE)
    assert calls == {"extract_facts": 1, "parse": 1, "parse_many": 0}
    assert report.facts is not None and report.facts.dates
    assert report.key_dates and report.findings  # the stages that read the facts did run
