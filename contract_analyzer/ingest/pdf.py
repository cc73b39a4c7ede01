"""PDF pages to lines with pdfplumber, one page at a time, within the limits.

One pass per page: pdfminer interprets the content stream (through an interpreter that checks
the deadline), pdfplumber turns the layout into chars, and pdfplumber's own word extractor
and line clustering (the very steps of ``page.extract_text()``) give the words and lines; the
lines then carry their box, size and weight for the layout stage. Each page is closed as soon
as its lines are taken, so memory stays flat on long files. Pages are enumerated lazily and
counted against ``max_pages`` before any is interpreted.
"""

from __future__ import annotations

import io
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from contract_analyzer.errors import (
    ContractAnalyzerError,
    CorruptDocument,
    DocumentTooLarge,
    EncryptedDocument,
)
from contract_analyzer.ingest.columns import order_rows
from contract_analyzer.ingest.deadline import Deadline
from contract_analyzer.ingest.lines import Line, PageLines, is_bold_font
from contract_analyzer.settings import Settings

_capture = threading.local()


class _CaptureHandler(logging.Handler):
    """Collects pdfminer/pdfplumber warnings of the reading thread into Document warnings.

    Installed once on the library loggers, it also stops Python's last-resort handler from
    printing them to stderr; applications that configured logging still receive them.
    """

    def emit(self, record: logging.LogRecord) -> None:
        sink = getattr(_capture, "sink", None)
        if sink is not None and len(sink) < 200:
            try:
                sink.append(record.getMessage())
            except Exception:  # noqa: BLE001 - a malformed log record must not break reading
                sink.append(str(record.msg))


_HANDLER = _CaptureHandler(logging.WARNING)
for _name in ("pdfminer", "pdfplumber"):
    logging.getLogger(_name).addHandler(_HANDLER)


@contextmanager
def captured_library_warnings() -> Iterator[list[str]]:
    """Library warnings logged by this thread inside the block."""
    previous = getattr(_capture, "sink", None)
    _capture.sink = sink = []
    try:
        yield sink
    finally:
        _capture.sink = previous


def summarize_warnings(messages: list[str], limit: int = 5) -> list[str]:
    """Distinct library warnings, most frequent first, as short notes."""
    counts: dict[str, int] = {}
    for message in messages:
        key = message.strip().splitlines()[0][:160] if message.strip() else ""
        if key:
            counts[key] = counts.get(key, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [f"PDF library: {m}" + (f" (x{n})" if n > 1 else "") for m, n in ranked]


def pdf_error(exc: BaseException, source: str, password: str | None, data: bytes) -> Exception:
    """A pdfminer/pdfplumber failure as a ContractAnalyzerError in plain words."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psexceptions import PSEOF

    inner = exc
    while getattr(inner, "args", None) and isinstance(inner.args[0], BaseException):
        inner = inner.args[0]  # pdfplumber's PdfminerException wraps the real error
    if isinstance(inner, ContractAnalyzerError):
        return inner
    if isinstance(inner, PDFPasswordIncorrect):
        if password:
            return EncryptedDocument(source, "encrypted PDF: the password given is wrong")
        return EncryptedDocument(source, "encrypted PDF: a password is needed to open it")
    if isinstance(inner, PDFEncryptionError):
        return EncryptedDocument(
            source, f"encrypted PDF with an unsupported or damaged security handler ({inner})"
        )
    text = str(inner).strip()
    if (b"/Encrypt" in data[-65536:] or b"/Encrypt" in data[:65536]) and isinstance(
        inner, (TypeError, KeyError, AttributeError, ValueError)
    ):
        return EncryptedDocument(
            source, f"encrypted PDF whose encryption settings cannot be read ({text})"
        )
    if isinstance(inner, RecursionError):
        return CorruptDocument(source, "damaged PDF: its objects refer to each other endlessly")
    if isinstance(inner, PSEOF):
        return CorruptDocument(source, "damaged PDF: it ends unexpectedly (truncated?)")
    if isinstance(inner, MemoryError):
        return DocumentTooLarge(source, "the PDF needs more memory than is available")
    if "No /Root" in text:
        return CorruptDocument(
            source, "damaged PDF: no document catalog found (truncated, or not really a PDF)"
        )
    detail = f"{type(inner).__name__}: {text}" if text else type(inner).__name__
    return CorruptDocument(source, f"damaged PDF ({detail[:200]})")


@lru_cache(maxsize=512)
def _bold(fontname: str) -> bool:
    return is_bold_font(fontname)


def lines_from_chars(chars: list[dict], page_width: float) -> list[Line]:
    """Lines of a page from pdfplumber chars, as ``extract_text()`` forms them."""
    from pdfplumber.utils.clustering import cluster_objects
    from pdfplumber.utils.text import WordExtractor

    tuples = list(WordExtractor().iter_extract_tuples(chars))
    if not tuples:
        return []
    rows = cluster_objects(tuples, lambda t: t[0]["top"], 3, preserve_order=True)
    lines: list[Line] = []
    for row in order_rows(rows, page_width):
        words = [w for w, _ in row]
        main = max(row, key=lambda t: len(t[0]["text"]))[1][0]
        lines.append(
            Line(
                text=" ".join(w["text"] for w in words),
                x0=min(w["x0"] for w in words),
                x1=max(w["x1"] for w in words),
                top=min(w["top"] for w in words),
                bottom=max(w["bottom"] for w in words),
                size=float(main.get("size") or 0.0),
                bold=all(_bold(cs[0].get("fontname") or "") for _, cs in row),
                font=str(main.get("fontname") or ""),
            )
        )
    return lines


@lru_cache(maxsize=1)
def _interpreter_classes():
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent

    class DeadlineDevice(PDFPageAggregatorWithMarkedContent):
        deadline: Deadline | None = None

    class DeadlineInterpreter(PDFPageInterpreter):
        """Checks the deadline every 256 operators (``dup`` keeps the class for forms)."""

        _ops = 0

        def pop(self, n: int):  # called once per operator that takes operands
            self._ops += 1
            if not self._ops & 255 and self.device.deadline is not None:
                self.device.deadline.check()
            return super().pop(n)

    return DeadlineDevice, DeadlineInterpreter


def _make_page(pdf, page_obj, number: int, doctop: float, warnings: list[str]):
    from pdfplumber.page import Page

    try:
        return Page(pdf, page_obj, page_number=number, initial_doctop=doctop)
    except (TypeError, IndexError, ValueError, KeyError, AttributeError):
        # a missing or malformed /MediaBox (or CropBox, Rotate): use pdfminer's repaired values
        attrs = page_obj.attrs
        attrs["MediaBox"] = list(page_obj.mediabox)
        for box in ("CropBox", "TrimBox", "BleedBox", "ArtBox"):
            attrs.pop(box, None)
        attrs["Rotate"] = int(page_obj.rotate)
        warnings.append(f"page {number}: invalid page box repaired (US Letter assumed if missing)")
        return Page(pdf, page_obj, page_number=number, initial_doctop=doctop)


def read_pdf_pages(
    data: bytes,
    source: str,
    settings: Settings,
    password: str | None,
    deadline: Deadline,
    warnings: list[str],
) -> tuple[list[PageLines], bool]:
    """All pages as lines; returns ``(pages, encrypted)``. Raises ContractAnalyzerError."""
    import pdfplumber
    from pdfminer.pdfpage import PDFPage

    try:
        pdf = pdfplumber.PDF(io.BytesIO(data), password=password or "")
    except ContractAnalyzerError:
        raise
    except (Exception, RecursionError) as exc:
        raise pdf_error(exc, source, password, data) from None
    encrypted = getattr(pdf.doc, "encryption", None) is not None
    page_objs = []
    try:
        for page_obj in PDFPage.create_pages(pdf.doc):
            page_objs.append(page_obj)
            if len(page_objs) > settings.max_pages:
                raise DocumentTooLarge(
                    source,
                    f"the PDF has more than {settings.max_pages:,} pages (setting max_pages)",
                )
            if not len(page_objs) % 64:
                deadline.check()
    except ContractAnalyzerError:
        raise
    except (Exception, RecursionError) as exc:
        if not page_objs:
            raise pdf_error(exc, source, password, data) from None
        warnings.append(f"the page tree is damaged after page {len(page_objs)}; later pages lost")
    device_cls, interpreter_cls = _interpreter_classes()
    pages: list[PageLines] = []
    doctop = 0.0
    for i, page_obj in enumerate(page_objs):
        deadline.check()
        number = i + 1
        try:
            page = _make_page(pdf, page_obj, number, doctop, warnings)
        except (Exception, RecursionError) as exc:
            pages.append(PageLines(number, 612.0, 792.0, error=_page_cause(exc)))
            continue
        try:
            device = device_cls(pdf.rsrcmgr, pageno=number, laparams=None)
            device.deadline = deadline
            interpreter_cls(pdf.rsrcmgr, device).process_page(page_obj)
            page._layout = device.get_result()
            lines = lines_from_chars(page.chars, float(page.width))
            pages.append(PageLines(number, float(page.width), float(page.height), lines))
        except ContractAnalyzerError:
            raise
        except (Exception, RecursionError) as exc:
            if deadline.expired:
                raise deadline.error() from None
            pages.append(
                PageLines(number, float(page.width), float(page.height), error=_page_cause(exc))
            )
        finally:
            page.close()
            doctop += float(page.height)
    return pages, encrypted


def _page_cause(exc: BaseException) -> str:
    inner = exc
    while getattr(inner, "args", None) and isinstance(inner.args[0], BaseException):
        inner = inner.args[0]
    if isinstance(inner, RecursionError):
        return "its content refers to itself endlessly"
    text = str(inner).strip()
    return f"damaged content ({type(inner).__name__}{': ' + text[:120] if text else ''})"
