"""DOCX built at test time from a real sample with an XXE, a billion-laughs and a zip bomb.

The guarantees (issue 18): no external entity is read, nothing goes to the network, entity
expansion and decompression are bounded; each file gives a Document or a clear
ContractAnalyzerError quickly and in little memory.
"""

from __future__ import annotations

import io
import re
import resource
import socket
import time
import zipfile
from pathlib import Path

import pytest

import contract_analyzer as ca
from contract_analyzer.errors import ContractAnalyzerError, DocumentTooLarge

SAMPLE = (
    Path(__file__).resolve().parents[2] / "data/sample_contracts/c08_dpa_corribbay_saltmarsh.docx"
)
SECRET = "TOP-SECRET-LOCAL-FILE-CONTENT"


def _with_part(name: str, body: bytes, *, level: int = 6) -> bytes:
    """The sample DOCX with the part ``name`` replaced by ``body``."""
    out = io.BytesIO()
    with zipfile.ZipFile(SAMPLE) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = body if info.filename == name else zin.read(info)
            zout.writestr(info.filename, data, compresslevel=level)
    return out.getvalue()


def _document_xml() -> str:
    with zipfile.ZipFile(SAMPLE) as zf:
        return zf.read("word/document.xml").decode("utf-8")


def _with_doctype(doctype: str, reference: str) -> bytes:
    """document.xml with ``doctype`` before the root and ``reference`` in the first text run."""
    xml = _document_xml()
    xml = re.sub(r"^(<\?xml[^>]*\?>)?", lambda m: (m.group(0) or "") + doctype, xml, count=1)
    xml = re.sub(r"(<w:t(?: [^>]*)?>)", lambda m: m.group(1) + reference, xml, count=1)
    return _with_part("word/document.xml", xml.encode("utf-8"))


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every socket connection attempt is recorded and refused."""
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


def _load_bounded(data: bytes, seconds: float = 20.0) -> tuple[object, float, float]:
    """``load_document(data)``: the Document or the ContractAnalyzerError, the seconds taken and
    the rise of the process's peak resident memory in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    try:
        outcome: object = ca.load_document(data)
    except ContractAnalyzerError as exc:
        outcome = exc
    elapsed = time.perf_counter() - started
    rise = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - peak
    assert elapsed < seconds
    return outcome, elapsed, rise


def test_external_entities_are_never_read(tmp_path: Path, no_network: list[object]) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    doctype = (
        f'<!DOCTYPE w:document [<!ENTITY file SYSTEM "file://{secret}">'
        '<!ENTITY web SYSTEM "http://127.0.0.1:9/xxe">'
        '<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>'
    )
    data = _with_doctype(doctype, "&file;&web;")
    outcome, _, _ = _load_bounded(data)
    assert no_network == []
    if isinstance(outcome, ca.Document):
        assert SECRET not in outcome.text
        assert "Data Processing" in outcome.text or outcome.text.strip()
        assert any("DOCTYPE" in w for w in outcome.warnings)
    else:
        assert isinstance(outcome, ContractAnalyzerError) and "word/document.xml" in str(outcome)
        assert SECRET not in str(outcome)


def test_billion_laughs_is_not_expanded(no_network: list[object]) -> None:
    entities = '<!ENTITY lol0 "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )  # 10**9 * 30 bytes if expanded
    data = _with_doctype(f"<!DOCTYPE w:document [{entities}]>", "&lol9;")
    outcome, elapsed, rise = _load_bounded(data, seconds=20.0)
    assert rise < 200, f"peak memory rose {rise:.0f} MB"
    assert no_network == []
    if isinstance(outcome, ca.Document):
        assert "lollollol" not in outcome.text
    else:
        assert isinstance(outcome, ContractAnalyzerError)


def test_zip_bomb_in_a_real_package_is_refused_before_inflating() -> None:
    # 200 MB of one byte deflates to ~200 KB: over the compression-ratio limit
    xml = b'<?xml version="1.0"?><w:document>' + b"A" * (200 * 1024 * 1024) + b"</w:document>"
    data = _with_part("word/document.xml", xml, level=9)
    del xml
    assert len(data) < 2 * 1024 * 1024
    outcome, elapsed, rise = _load_bounded(data, seconds=20.0)
    assert isinstance(outcome, DocumentTooLarge) and "zip bomb refused" in str(outcome)
    assert rise < 100, f"peak memory rose {rise:.0f} MB"


def test_many_members_and_a_lying_directory_are_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(SAMPLE) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info))
        for i in range(ca.Settings().max_zip_members):
            zout.writestr(f"junk/{i}.bin", b"")
    with pytest.raises(DocumentTooLarge, match="max_zip_members"):
        ca.load_document(out.getvalue())
