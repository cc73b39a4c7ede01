"""PDF reading on real files: CUAD filings and a few corpus PDFs."""

from __future__ import annotations

import difflib
import io
import re
import signal
import threading
import time
from pathlib import Path

import pdfplumber
import pytest
from ingest_helpers import check_document

import contract_analyzer as ca
from contract_analyzer.ingest.deadline import Deadline
from contract_analyzer.ingest.pdf import read_pdf_pages
from contract_analyzer.resources import PROJECT_DIR
from contract_analyzer.settings import Settings

CUAD = "data/cuad/pdf"
RESELLER = "ADIANUTRITION,INC_04_01_2005-EX-10.D2-RESELLER AGREEMENT.PDF"
SCANSOURCE = "ScansourceInc_20190822_10-K_EX-10.38_11793958_EX-10.38_Distributor Agreement2.pdf"
AGAPE = "AgapeAtpCorp_20191202_10-KA_EX-10.1_11911128_EX-10.1_Supply Agreement.pdf"
HOLIDAY = "HOLIDAYRVSUPERSTORESINC_04_15_2002-EX-10.13-ENDORSEMENT AGREEMENT.PDF"
SPONSORSHIP = "CURAEGISTECHNOLOGIES,INC_05_26_2010-EX-1-CORPORATE SPONSORSHIP AGREEMENT.PDF"


@pytest.fixture(scope="module")
def cuad(shared: Path) -> dict[str, ca.Document]:
    return {
        name: ca.load_document(shared / CUAD / name)
        for name in (RESELLER, SCANSOURCE, AGAPE, HOLIDAY)
    }


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def test_cuad_documents_are_consistent(cuad: dict[str, ca.Document]) -> None:
    for doc in cuad.values():
        check_document(doc)
        assert doc.source.format == "pdf" and doc.source.engine == "pdfplumber"
        assert [p.number for p in doc.pages] == list(range(1, len(doc.pages) + 1))


def test_running_headers_and_footers_leave_the_flow(cuad: dict[str, ca.Document]) -> None:
    doc = cuad[SCANSOURCE]
    assert "Source: SCANSOURCE" not in doc.text and "Exhibit 10.38" not in doc.text
    headers = [b for b in doc.furniture() if b.kind == "header"]
    footers = [b for b in doc.furniture() if b.kind == "footer"]
    assert [b.content for b in headers] == ["Exhibit 10.38"] * len(doc.pages)
    assert [b.content for b in footers] == ["Source: SCANSOURCE, INC., 10-K, 8/22/2019"] * len(
        doc.pages
    )
    for block in headers:  # anchored where the page starts, footers where it ends
        assert block.start == doc.pages[block.page - 1].start
    for block in footers:
        assert block.start == doc.pages[block.page - 1].end
    agape = cuad[AGAPE]
    assert "Source: AGAPE" not in agape.text
    assert sum(b.kind == "footer" for b in agape.furniture()) == len(agape.pages) == 13


def test_page_numbers_leave_the_flow_and_paragraphs_rejoin(cuad: dict[str, ca.Document]) -> None:
    doc = cuad[RESELLER]
    numbers = [b.content for b in doc.furniture() if b.kind == "page_number"]
    assert numbers == ["1", "2", "3", "4", "5"]
    # the filing printed "1" in the middle of clause 2.2; the clause reads on across it
    assert "and all such use shall be for PivX's benefit" in doc.text
    holiday = cuad[HOLIDAY]
    assert [b.content for b in holiday.furniture() if b.kind == "page_number"][:3] == [
        "-1-",
        "-2-",
        "-3-",
    ]
    assert not re.search(r"^-\d+-$", holiday.text, re.M)


def test_headings_and_numbered_clauses(cuad: dict[str, ca.Document]) -> None:
    doc = cuad[RESELLER]
    by_label = {b.label: b for b in doc.body_blocks() if b.label}
    grant = by_label["1"]
    assert grant.kind == "heading" and grant.level == 1
    assert doc.span(grant.start, grant.end) == "1. GRANT OF RIGHTS"
    licence = by_label["1.1"]
    assert licence.kind == "paragraph" and licence.level == 2
    assert doc.span(licence.start, licence.end).startswith("1.1 LICENSE. Subject to the terms")
    titles = [doc.span(b.start, b.end) for b in doc.blocks if b.kind == "heading"]
    assert "RESELLER AGREEMENT" in titles


def test_text_is_faithful_to_the_cuad_transcript(
    shared: Path, cuad: dict[str, ca.Document]
) -> None:
    for name in (RESELLER, AGAPE):
        doc = cuad[name]
        txt = (shared / "data/cuad/txt" / (Path(name).stem + ".txt")).read_text(errors="replace")
        ratio = difflib.SequenceMatcher(None, _words(doc.text), _words(txt), autojunk=False).ratio()
        assert ratio > 0.95, (name, ratio)


def test_lines_are_exactly_those_of_extract_text(shared: Path) -> None:
    """One pass: the lines come from pdfplumber's own word and line grouping."""
    data = (shared / CUAD / RESELLER).read_bytes()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        expected = [page.extract_text().split("\n") for page in pdf.pages[:3]]
    pages, encrypted = read_pdf_pages(
        data, "x", Settings(max_pages=10), None, Deadline(60, "x"), []
    )
    assert not encrypted
    assert [[line.text for line in p.lines] for p in pages[:3]] == expected
    line = pages[0].lines[0]
    assert line.size > 0 and line.x1 > line.x0 and line.bottom > line.top


def test_hyphenated_line_breaks_are_joined_and_columns_read_in_order(shared: Path) -> None:
    doc = ca.load_document(shared / "corpus/pdf/samplefiles__multicolumn.pdf")
    check_document(doc)
    text = doc.text
    # LaTeX hyphenated these at line ends: "adip-|iscing", "con-|sectetuer", "tris-|tique"
    assert "consectetuer adipiscing elit" in text
    assert "nonummy eget, consectetuer id" in text
    assert "morbi tristique senectus" in text
    assert "adip- iscing" not in text and "adip-iscing" not in text
    # two columns: the left column's sentence is not interleaved with the right one's
    assert "This is a sample document with two columns filled with Lorem Ipsum text." in text


def test_pdfium_engine_agrees_with_pdfplumber(shared: Path, cuad: dict[str, ca.Document]) -> None:
    fast = ca.load_document(shared / CUAD / AGAPE, settings=Settings(pdf_engine="pdfium"))
    check_document(fast)
    assert fast.source.engine == "pdfium"
    slow = cuad[AGAPE]
    a, b = _words(slow.text), _words(fast.text)
    assert difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() > 0.99
    assert [bl.content for bl in fast.furniture()] == [bl.content for bl in slow.furniture()]


def test_pdfium_engine_keeps_wrapped_sentences_in_one_paragraph() -> None:
    """Sample c07: PDFium's tight glyph boxes made the gap under a line without descenders look
    like a paragraph break ("continue for an initial" / "period of one (1) year"); line boxes
    from the font's loose boxes keep the wrapped sentence one paragraph, as pdfplumber does."""
    path = PROJECT_DIR / "data" / "sample_contracts" / "c07_support_brightmoor_harbison.pdf"
    for engine in ("pdfplumber", "pdfium"):
        doc = ca.load_document(path, settings=Settings(pdf_engine=engine))
        assert "continue for an initial period of one (1) year." in doc.text, engine
        assert "automatically renew for successive one (1) year periods" in doc.text, engine


def test_passwords_open_encrypted_pdfs(shared: Path) -> None:
    path = shared / "corpus/pdf/pdfplumber__password-example.pdf"
    with pytest.raises(ca.EncryptedDocument, match="a password is needed"):
        ca.load_document(path)
    with pytest.raises(ca.EncryptedDocument, match="password given is wrong"):
        ca.load_document(path, password="nope")
    doc = ca.load_document(path, password="test")
    check_document(doc)
    assert "Backup4all" in doc.text


def test_zero_page_pdf_is_never_an_empty_contract(shared: Path) -> None:
    path = shared / "corpus/pdf/pdfplumber__issue-297-example.pdf"
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == 0  # plain pdfplumber: silently nothing
    with pytest.raises(ca.CorruptDocument, match="no pages"):
        ca.load_document(path)


def test_damaged_pdf_falls_back_to_pdfium(shared: Path) -> None:
    """pdfminer finds no pages in this Govdocs1 file; PDFium reads its 12 pages."""
    path = shared / "corpus/pdf/govdocs1__020747.pdf"
    doc = ca.load_document(path)
    check_document(doc)
    assert doc.source.engine == "pdfium" and len(doc.pages) == 12
    assert any("read with pdfium instead" in w for w in doc.warnings)
    with pytest.raises(ca.CorruptDocument):
        ca.load_document(path, settings=Settings(pdf_fallback=False))


def test_unreadable_pages_are_reported_not_hidden(shared: Path) -> None:
    doc = ca.load_document(shared / "corpus/pdf/pdfjs__poppler-90-0-fuzzed.pdf")
    check_document(doc)
    lost = [w for w in doc.warnings if "could not be read, its text is missing" in w]
    assert lost and len(doc.pages) == 16


def test_page_limit_is_checked_before_reading(shared: Path) -> None:
    with pytest.raises(ca.DocumentTooLarge, match="more than 100 pages"):
        ca.load_document(
            shared / "corpus/pdf/govdocs1__379049.pdf", settings=Settings(max_pages=100)
        )


def test_time_limit_holds_in_a_worker_thread(shared: Path) -> None:
    """Off the main thread there is no alarm: the deadline checks between pages and
    operators must stop the work on their own."""
    outcome: list[BaseException] = []

    def work() -> None:
        try:
            ca.load_document(
                shared / "corpus/pdf/govdocs1__219789.pdf",
                settings=Settings(seconds_per_document=1.0),
            )
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(120)
    assert not thread.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], ca.ProcessingTimeout)


def test_the_alarm_restores_an_outer_timer() -> None:
    fired: list[int] = []

    def handler(signum: int, frame: object) -> None:
        fired.append(signum)

    previous = signal.signal(signal.SIGALRM, handler)
    try:
        signal.setitimer(signal.ITIMER_REAL, 50.0)
        ca.load_document(b"A short agreement.\n\n1. TERM\n\nThis agreement lasts one year.")
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 40.0 < remaining <= 50.0
        assert signal.getsignal(signal.SIGALRM) is handler  # the outer handler is back
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        time.sleep(0.3)
        assert fired == [signal.SIGALRM]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_pdfium_is_space_equals_get_text_range():
    """The raw-API test of one character (the line font samples) gives what pypdfium2's
    ``get_text_range(i, 1).isspace()`` gives, on a real PDF."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from contract_analyzer.ingest.pdfium import _is_space

    path = (
        Path(__file__).resolve().parents[2] / "data/sample_contracts/c02_saas_cobalt_silverline.pdf"
    )
    doc = pdfium.PdfDocument(path.read_bytes())
    checked = spaces = 0
    for i in range(len(doc)):
        textpage = doc[i].get_textpage()
        for c in range(textpage.count_chars()):
            want = textpage.get_text_range(c, 1).isspace()
            assert _is_space(textpage.raw, raw, c) == want
            checked += 1
            spaces += want
    assert checked > 1000 and spaces > 100
