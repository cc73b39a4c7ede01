"""Legacy word-processor files converted to DOCX by LibreOffice (soffice), then read as DOCX.

LibreOffice is a test requirement (.ci/run installs libreoffice-writer-nogui). Fixtures: the
corpus's real .doc, an .odt converted at test time from the sample DOCX, a hand-written RTF.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from ingest_helpers import check_document

from contract_analyzer import load_document
from contract_analyzer.errors import ProcessingTimeout, UnsupportedFormat
from contract_analyzer.ingest import convert
from contract_analyzer.ingest.detect import sniff
from contract_analyzer.settings import Settings

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "sample_contracts"
RTF = (
    rb"{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}}"
    rb"\f0\fs24 {\b MASTER SERVICES AGREEMENT}\par\par "
    rb"1. Term. This Agreement starts on 1 May 2024 and continues for two (2) years.\par "
    rb"2. Termination. Either party may terminate on ninety (90) days' written notice.\par}"
)


def test_rtf_is_converted_and_read(tmp_path: Path) -> None:
    path = tmp_path / "contract.rtf"
    path.write_bytes(RTF)
    doc = load_document(path)
    check_document(doc)
    assert doc.source.format == "rtf" and doc.source.engine == "soffice+wordml"
    assert "1. Term. This Agreement starts on 1 May 2024" in doc.text
    assert any(b.kind == "heading" or "MASTER SERVICES" in doc.text for b in doc.blocks)
    assert any("LibreOffice" in w for w in doc.warnings)


def test_odt_made_from_the_sample_docx_reads_like_it(tmp_path: Path) -> None:
    sample = SAMPLES / "c01_msa_meridian_kestrel.docx"
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [convert.soffice_path(), f"-env:UserInstallation={profile}", "--headless",
         "--convert-to", "odt", "--outdir", str(tmp_path), str(sample)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    odt = tmp_path / "c01_msa_meridian_kestrel.odt"
    doc = load_document(odt)
    original = load_document(sample)
    assert doc.source.format == "odt"
    got, want = doc.text.split(), original.text.split()
    assert len(got) >= 0.97 * len(want)
    assert set(want[:200]) <= set(got)


def test_legacy_doc_from_the_corpus(shared: Path) -> None:
    doc = load_document(shared / "corpus" / "docx" / "tika__testWORD.doc")
    assert doc.source.format == "doc"
    assert doc.text.strip() and doc.word_count > 3


def test_conversion_is_bounded_by_the_time_limit(tmp_path: Path) -> None:
    path = tmp_path / "slow.rtf"
    path.write_bytes(RTF)
    started = time.monotonic()
    with pytest.raises(ProcessingTimeout, match="slow.rtf"):
        load_document(path, settings=Settings(seconds_per_document=0.3))
    assert time.monotonic() - started < 5


def test_without_libreoffice_the_error_names_the_converter(tmp_path, monkeypatch) -> None:
    path = tmp_path / "contract.rtf"
    path.write_bytes(RTF)
    monkeypatch.setenv("PATH", str(tmp_path))
    convert.soffice_path.cache_clear()
    try:
        with pytest.raises(UnsupportedFormat, match=r"RTF document.*soffice.*libreoffice"):
            load_document(path)
    finally:
        monkeypatch.undo()
        convert.soffice_path.cache_clear()


@pytest.mark.parametrize(
    ("data", "kind"),
    [(RTF, "rtf"), (b"\xffWPC\x10\x00\x00\x00\x01\x0a" + bytes(64), "wpd")],
)
def test_legacy_formats_are_recognised_from_their_bytes(data: bytes, kind: str) -> None:
    assert sniff(data, "x", Settings()).format == kind
