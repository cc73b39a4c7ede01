"""Every public call and CLI command refuses a bad argument at the boundary (issue 18).

Each bad value gives one ContractAnalyzerError subclass whose message names the argument and
shows the value; CLI usage errors exit 2 with one line on stderr. (``as_of`` is the key-date
stage's own coercion and is tested there.)
"""

from __future__ import annotations

import io
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import contract_analyzer as ca
from contract_analyzer.errors import (
    BatchError,
    ContractAnalyzerError,
    FileNotReadable,
    InvalidArgument,
    InvalidBatchOption,
    PlaybookError,
)
from contract_analyzer.facts import (
    extract_dates,
    extract_dates_many,
    extract_durations_many,
    extract_money_many,
)

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "sample_contracts"
PDF = SAMPLES / "c11_po_aldercreek_summitridge.pdf"


def _raises(call: Any, kind: type[Exception], *words: str) -> ContractAnalyzerError:
    with pytest.raises(kind) as info:
        call()
    message = str(info.value)
    for word in words:
        assert word in message, message
    assert "\n" not in message
    return info.value


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: ca.load_document(123), ("path_or_bytes", "int", "123")),
        (lambda: ca.load_document(None), ("path_or_bytes", "NoneType")),
        (lambda: ca.load_document(""), ("path_or_bytes", "empty path")),
        (lambda: ca.load_document(io.StringIO("x")), ("path_or_bytes", "binary mode")),
        (lambda: ca.load_document(PDF, settings={"max_pages": 1}), ("settings", "dict")),
        (lambda: ca.load_document(PDF, password=5), ("password", "int")),
        (lambda: ca.load_document(PDF, setings=None), ("load_document", "setings")),
        (lambda: ca.analyze(3.5), ("source", "float", "3.5")),
        (lambda: ca.analyze(PDF, playbook=7), ("playbook", "int", "7")),
        (lambda: ca.analyze(PDF, playbook=""), ("playbook", "empty")),
        (lambda: ca.analyze(PDF, settings="fast"), ("settings", "'fast'")),
        (lambda: ca.analyze(PDF, tagger="model"), ("tagger", "'model'")),
        (lambda: ca.extract_dates(None), ("text", "NoneType")),
        (lambda: ca.extract_dates(b"1 May 2024"), ("text", "bytes")),
        (lambda: ca.extract_durations(30), ("text", "int", "30")),
        (lambda: ca.extract_money(["$5"]), ("text", "list")),
        (lambda: ca.extract_percentages(5.0), ("text", "float")),
        (lambda: ca.extract_parties({}), ("text", "dict")),
        (lambda: ca.extract_dates("x", settings="DMY"), ("settings", "'DMY'")),
        (lambda: ca.extract_facts(42), ("source", "int", "42")),
        (lambda: ca.extract_key_dates(b"text"), ("source", "bytes")),
        (lambda: ca.tag("a contract as text"), ("document", "str")),
        (lambda: extract_dates_many("1 May 2024"), ("texts", "str", "list")),
        (lambda: extract_durations_many(["30 days", 30]), ("texts[1]", "int", "30")),
        (lambda: extract_money_many(None), ("texts", "NoneType")),
        (lambda: extract_money_many(7), ("texts", "int", "7")),
        (lambda: extract_dates_many(["x"], batch_size=0), ("batch_size", "0")),
        (lambda: extract_dates_many(["x"], settings="DMY"), ("settings", "'DMY'")),
        (lambda: ca.ClauseTagger().predict("one clause"), ("texts", "str", "list")),
        (lambda: ca.ClauseTagger().predict_proba(None), ("texts", "NoneType")),
        (lambda: ca.ClauseTagger().predict([b"bytes"]), ("texts[0]", "bytes")),
        (lambda: ca.Settings(max_pages=-1), ("settings.max_pages", "-1")),
        (lambda: ca.Settings(seconds_per_document=0), ("settings.seconds_per_document", "0")),
        (lambda: ca.Settings(max_file_bytes=float("inf")), ("settings.max_file_bytes", "inf")),
        (lambda: ca.Settings(max_pages="10"), ("settings.max_pages", "'10'")),
        (lambda: ca.Settings(preemptive_timeout="yes"), ("settings.preemptive_timeout",)),
        (lambda: ca.Settings(pdf_engine="word"), ("settings.pdf_engine", "'word'")),
        (lambda: ca.Settings(date_order="YMD"), ("settings.date_order", "'YMD'")),
        (lambda: ca.Settings().replace(max_page=3), ("settings.max_page", "no such setting")),
        (
            lambda: ca.Settings(unknown_field=1),
            ("settings.unknown_field", "no such setting", "known: max_file_bytes", "ocr_dpi"),
        ),
        (lambda: ca.Settings(*range(30)), ("settings", "positional", "30")),
    ],
)
def test_bad_arguments_are_invalid_argument_naming_them(call: Any, words: tuple[str, ...]) -> None:
    error = _raises(call, InvalidArgument, *words)
    # one family, and the old built-in kinds still catch it
    assert isinstance(error, ContractAnalyzerError)
    assert isinstance(error, ValueError) and isinstance(error, TypeError)
    again = pickle.loads(pickle.dumps(error))  # batch workers send errors across processes
    assert type(again) is type(error) and str(again) == str(error)


def test_many_extractors_read_any_iterable_once() -> None:
    """A generator is read once by its check and the texts reach the extractor unchanged."""
    texts = ["Signed on 1 May 2024.", "", "Due 3 June 2025 and 4 July 2026."]
    assert extract_dates_many(t for t in texts) == [extract_dates(t) for t in texts]


def test_missing_paths_folders_and_unknown_playbooks(tmp_path: Path) -> None:
    _raises(lambda: ca.load_document(tmp_path / "nope.pdf"), FileNotReadable, "nope.pdf", "no such")
    _raises(lambda: ca.load_document(tmp_path), FileNotReadable, str(tmp_path), "folder")
    _raises(lambda: ca.analyze(tmp_path), FileNotReadable, "folder")
    _raises(lambda: ca.load_document(b""), ca.EmptyDocument, "<bytes>", "empty")
    _raises(lambda: ca.analyze(b""), ca.EmptyDocument, "<bytes>", "empty")
    _raises(lambda: ca.analyze(PDF, playbook="nope"), PlaybookError, "nope", "unknown playbook")
    _raises(lambda: ca.analyze(PDF, playbook=tmp_path / "x.yaml"), PlaybookError, "x.yaml")


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"folder": 5}, ("folder", "int")),
        ({"folder": ""}, ("folder", "empty")),
        ({"jobs": 0}, ("jobs", "0")),
        ({"jobs": "2"}, ("jobs", "str")),
        ({"jobs": 1.5}, ("jobs", "float")),
        ({"time_limit": -1}, ("time_limit", "-1")),
        ({"memory_limit": float("nan")}, ("memory_limit", "nan")),
        ({"engine": "spark"}, ("engine", "'spark'")),
        ({"pattern": 5}, ("pattern", "int")),
        ({"exclude": [1]}, ("exclude", "list")),
        ({"cache": 3}, ("cache", "int")),
        ({"progress": "yes"}, ("progress", "'yes'")),
        ({"settings": {}}, ("settings", "dict")),
        ({"playbook": 3}, ("playbook", "int")),
    ],
)
def test_batch_options_are_checked_before_any_file(
    tmp_path: Path, kwargs: dict[str, Any], words: tuple[str, ...]
) -> None:
    kwargs = {"folder": tmp_path, "cache": False, "progress": False, **kwargs}
    error = _raises(lambda: ca.analyze_folder_tables(**kwargs), InvalidBatchOption, *words)
    assert isinstance(error, BatchError) and isinstance(error, InvalidArgument)
    _raises(lambda: ca.analyze_folder(**kwargs), InvalidBatchOption, *words)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "contract_analyzer.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("score",), ("required",)),
        (("score", "{tmp}", "-o", "{tmp}/x.foo"), ("cannot tell the format", "x.foo")),
        (("score", "{tmp}", "-o", "{tmp}/x.csv", "--jobs", "0"), ("--jobs", "'0'")),
        (("deadlines", "{tmp}", "-o", "{tmp}/x.txt"), (".ics", "x.txt")),
        (("report", "{tmp}/nope", "-o", "{tmp}/x.html"), ("no such folder",)),
        (("analyze", "{tmp}/nope.pdf"), ("nope.pdf", "no such file")),
        (("analyze", str(PDF), "--playbook", "nope"), ("nope", "unknown playbook")),
        (("frobnicate",), ("invalid choice", "'frobnicate'")),
    ],
)
def test_cli_usage_errors_exit_2_with_one_line(
    tmp_path: Path, args: tuple[str, ...], words: tuple[str, ...]
) -> None:
    proc = _cli(*(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert proc.returncode == 2, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    for word in words:
        assert word in lines[0], lines[0]
    assert "Traceback" not in proc.stderr
