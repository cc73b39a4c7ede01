"""OCR of one page image with Tesseract: words with their box and confidence, as page lines.

Tesseract runs as the ``tesseract`` program (the Debian package ``tesseract-ocr``), one
process per page, fed a PGM image on stdin, with ``OMP_THREAD_LIMIT=1`` (its OpenMP threads
made it about 5x slower on a loaded machine for identical text; parallelism comes from
reading several pages at once instead, :mod:`.ocr_pages`) and page segmentation mode 6 (one
uniform block: the default mode moves or drops the column of section numbers). A process can
be killed when the document's time limit runs out, which an in-process binding cannot offer.

A page read at a mean word confidence under ``RETRY_BELOW`` is read again with Tesseract's
automatic page segmentation (psm 3, which finds blocks and columns), and the reading with the
higher mean confidence is kept. Mode 6 takes a page for one block of text; on a page of
separate blocks (a cover page, a letterhead, a form) it can merge or drop words, which shows
as a low confidence. Chosen on 60 CUAD pages not in bench/ocr.py's default set: about 1 page
in 15 is read twice, and the worst one went from 0.79 to 0.99 word fidelity.

Pages turned by 90, 180 or 270 degrees read as noise at very low confidence; only then is
Tesseract's orientation detection (OSD, ``--psm 0``) asked, and the page is read again turned
upright, so upright pages pay nothing for it.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from contract_analyzer.errors import OcrNotAvailable
from contract_analyzer.ingest.columns import order_rows
from contract_analyzer.ingest.deadline import Deadline
from contract_analyzer.ingest.lines import Line

if TYPE_CHECKING:
    from PIL.Image import Image

PSM = 6
RETRY_PSM = 3  # automatic page segmentation, for pages mode 6 reads poorly
RETRY_BELOW = 0.93  # mean word confidence under which the page is read again with RETRY_PSM
OSD_BELOW = 0.55  # mean word confidence under which the page's orientation is checked
INSTALL_HINT = (
    "install the Tesseract OCR engine (Debian/Ubuntu: `apt-get install tesseract-ocr`, "
    "macOS: `brew install tesseract`) and the OCR extra (`pip install contract-analyzer[ocr]`)"
)
_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_ORIENT_CONF = re.compile(r"Orientation confidence:\s*([\d.]+)")


@dataclass(frozen=True, slots=True)
class Word:
    """One recognised word: box in PDF points from the page's top-left, confidence 0..1."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float


@dataclass
class PageText:
    """The OCR of one page: its lines (for the layout stage) and the words of each line."""

    lines: list[Line] = field(default_factory=list)
    words: list[list[Word]] = field(default_factory=list)
    rotation: int = 0  # degrees the page was turned clockwise to read it upright

    @property
    def confidence(self) -> float | None:
        """Mean word confidence (None when no word was read)."""
        confs = [w.confidence for line in self.words for w in line]
        return sum(confs) / len(confs) if confs else None

    @property
    def word_count(self) -> int:
        return sum(len(line) for line in self.words)


@lru_cache(maxsize=1)
def tesseract_path() -> str | None:
    """The ``tesseract`` program on the PATH (None when not installed)."""
    return shutil.which("tesseract")


def require_engine(source: str, what: str) -> str:
    """The engine's path, or :class:`OcrNotAvailable` saying ``what`` needs it and how to install."""
    path = tesseract_path()
    if path is None:
        raise OcrNotAvailable(source, f"{what} needs OCR, but no OCR engine is installed: "
                              f"{INSTALL_HINT}")  # fmt: skip
    return path


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    return env


def _run(args: list[str], image: bytes, deadline: Deadline) -> str:
    exe = require_engine(deadline.source, "this document")
    deadline.check()
    try:
        done = subprocess.run(
            [exe, "stdin", "stdout", *args],
            input=image,
            capture_output=True,
            timeout=max(deadline.remaining(), 0.05),
            env=_env(),
            check=False,
        )
    except subprocess.TimeoutExpired:
        deadline.expired = True
        raise deadline.error() from None
    if done.returncode != 0:
        err = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OSError(f"tesseract failed ({err[-1] if err else done.returncode})")
    return done.stdout.decode("utf-8", "replace")


def _pgm(image: Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PPM")  # 'L' images are written as binary PGM
    return buf.getvalue()


def read_words(tsv: str, scale: float) -> list[list[Word]]:
    """Tesseract TSV to lines of words (block, paragraph and line numbers), in reading order."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    reader = csv.reader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    next(reader, None)
    for row in reader:
        if len(row) < 12 or row[0] != "5":
            continue
        text = row[11].strip()
        try:
            conf = float(row[10])
            left, top, width, height = (int(v) for v in row[6:10])
        except ValueError:
            continue
        if not text or conf < 0:
            continue
        key = (int(row[2]), int(row[3]), int(row[4]))
        lines.setdefault(key, []).append(
            Word(
                text,
                left * scale,
                top * scale,
                (left + width) * scale,
                (top + height) * scale,
                min(max(conf / 100.0, 0.0), 1.0),
            )
        )
    return [words for _, words in sorted(lines.items(), key=lambda kv: kv[0])]


def in_columns(words: list[list[Word]], width: float) -> list[list[Word]]:
    """Lines in reading order on a page set in two columns: mode 6 reads one uniform block, so
    each of its lines runs across both columns; where the page has a column gutter (the test
    the PDF text layer uses, :mod:`.columns`), each run of lines is read left column first, a
    line's halves becoming lines of their own. Other pages come back unchanged."""
    rows = [[({"x0": w.x0, "x1": w.x1}, w) for w in line] for line in words if line]
    ordered = order_rows(rows, width)
    if ordered == rows:
        return words
    return [[w for _, w in row] for row in ordered]


def words_to_lines(words: list[list[Word]]) -> list[Line]:
    """Page lines for the layout stage; body lines share one size so paragraphs hold together.

    A line's box height is what OCR knows of its type size. Lines up to 1.45x the page's
    median height get the median (ascenders and descenders make heights jitter, and a short
    line without them is lower), larger ones (banner titles) keep their own height, so the
    layout stage still sees them as titles.
    """
    heights = sorted(max(w.bottom for w in line) - min(w.top for w in line) for line in words)
    median = heights[len(heights) // 2] if heights else 0.0
    lines: list[Line] = []
    for line in words:
        top = min(w.top for w in line)
        bottom = max(w.bottom for w in line)
        height = bottom - top
        size = median if height <= 1.45 * median else height
        lines.append(
            Line(
                text=" ".join(w.text for w in line),
                x0=min(w.x0 for w in line),
                x1=max(w.x1 for w in line),
                top=top,
                bottom=bottom,
                size=round(size * 2) / 2,
                font="OCR",
            )
        )
    return lines


def _orientation(image: bytes, deadline: Deadline) -> tuple[int, float]:
    """Tesseract OSD: degrees to turn the page clockwise, and the confidence of that."""
    try:
        out = _run(["--psm", "0", "-l", "osd"], image, deadline)
    except OSError:  # too little text to tell: leave the page as it is
        return 0, 0.0
    rotate = _ROTATE.search(out)
    conf = _ORIENT_CONF.search(out)
    return (int(rotate.group(1)) if rotate else 0), (float(conf.group(1)) if conf else 0.0)


def ocr_image(image: Image, dpi: float, deadline: Deadline, *, language: str = "eng") -> PageText:
    """Read a page image (any mode; converted to grey) rendered at ``dpi``."""
    grey = image if image.mode == "L" else image.convert("L")
    scale = 72.0 / dpi

    def read(img: Image, psm: int = PSM) -> list[list[Word]]:
        tsv = _run(["--psm", str(psm), "--dpi", str(int(dpi)), "-l", language, "tsv"],
                   _pgm(img), deadline)  # fmt: skip
        return in_columns(read_words(tsv, scale), img.width * scale)

    words = read(grey)
    page = PageText(words_to_lines(words), words)
    conf = page.confidence
    if conf is None or conf < OSD_BELOW:
        rotate, sure = _orientation(_pgm(grey), deadline)
        if rotate and sure >= 1.0:
            from PIL import Image as PILImage

            turn = {90: PILImage.Transpose.ROTATE_270, 180: PILImage.Transpose.ROTATE_180,
                    270: PILImage.Transpose.ROTATE_90}[rotate]  # fmt: skip
            upright = grey.transpose(turn)
            turned = read(upright)
            candidate = PageText(words_to_lines(turned), turned, rotation=rotate)
            if (candidate.confidence or 0.0) > (conf or 0.0):
                page = candidate
                grey = upright
    return _retry_segmented(page, grey, read)


def _retry_segmented(
    page: PageText, image: Image, read: Callable[[Image, int], list[list[Word]]]
) -> PageText:
    """The page read again with automatic segmentation when its confidence is low (but not
    so low that it is no text at all); whichever reading is more confident."""
    conf = page.confidence
    if conf is None or not OSD_BELOW <= conf < RETRY_BELOW:
        return page
    words = read(image, RETRY_PSM)
    candidate = PageText(words_to_lines(words), words, rotation=page.rotation)
    return candidate if (candidate.confidence or 0.0) > conf else page
