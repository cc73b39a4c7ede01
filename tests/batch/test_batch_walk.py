"""Which files a batch picks up: patterns, exclusions, hidden and temporary files, link loops."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from contract_analyzer.batch.walk import discover
from contract_analyzer.errors import BatchError


def _touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")


def _rel(root: Path, **kwargs: object) -> list[str]:
    return [f.relative for f in discover(root, **kwargs)]  # type: ignore[arg-type]


def test_default_patterns_are_case_insensitive_and_recursive(tmp_path: Path) -> None:
    _touch(tmp_path, "a.pdf", "B.PDF", "c.Docx", "d.txt", "e.doc", "f.xlsx", "h.TIF", "sub/deep/g.pdf")
    assert _rel(tmp_path) == ["B.PDF", "a.pdf", "c.Docx", "d.txt", "e.doc", "h.TIF", "sub/deep/g.pdf"]


def test_hidden_and_office_temporary_files_are_skipped(tmp_path: Path) -> None:
    _touch(
        tmp_path,
        "keep.docx",
        "~$keep.docx",
        "~WRL0001.tmp",
        ".hidden.pdf",
        ".git/config.txt",
        ".contract_analyzer_cache/x/y.txt",
        "sub/.secret/z.pdf",
    )
    assert _rel(tmp_path, pattern=["*.docx", "*.pdf", "*.txt", "*.tmp"]) == ["keep.docx"]


def test_include_and_exclude_patterns(tmp_path: Path) -> None:
    _touch(tmp_path, "msa.pdf", "nda.docx", "notes.txt", "drafts/old.pdf", "2024/q1/sow.pdf")
    assert _rel(tmp_path, pattern="*.pdf") == ["2024/q1/sow.pdf", "drafts/old.pdf", "msa.pdf"]
    assert _rel(tmp_path, pattern="*.pdf,*.docx", exclude="drafts") == [
        "2024/q1/sow.pdf",
        "msa.pdf",
        "nda.docx",
    ]
    # a pattern with a slash matches the relative path
    assert _rel(tmp_path, pattern="2024/*") == ["2024/q1/sow.pdf"]
    assert _rel(tmp_path, exclude=["2024/*", "*.TXT"]) == ["drafts/old.pdf", "msa.pdf", "nda.docx"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links on this platform")
def test_symlink_loops_end_and_linked_files_are_found(tmp_path: Path) -> None:
    _touch(tmp_path, "a/one.pdf", "a/b/two.pdf")
    os.symlink(tmp_path / "a", tmp_path / "a" / "b" / "back")  # a/b/back -> a: a loop
    os.symlink(tmp_path / "a" / "b", tmp_path / "a" / "b" / "self")  # a/b/self -> a/b
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    _touch(outside, "three.pdf")
    os.symlink(outside / "three.pdf", tmp_path / "a" / "linked.pdf")
    os.symlink(tmp_path / "missing.pdf", tmp_path / "a" / "broken.pdf")
    found = _rel(tmp_path)
    assert found == ["a/b/two.pdf", "a/broken.pdf", "a/linked.pdf", "a/one.pdf"]


def test_a_single_file_and_a_missing_folder(tmp_path: Path) -> None:
    _touch(tmp_path, "only.pdf")
    assert _rel(tmp_path / "only.pdf") == ["only.pdf"]
    with pytest.raises(BatchError, match="no such folder"):
        discover(tmp_path / "nope")
