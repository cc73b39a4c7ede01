"""Constants and helpers of the portfolio tests: the sample folder, a hostile contract, and
``contract-analyzer report`` run in a fresh interpreter."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from contract_analyzer.resources import PROJECT_DIR

AS_OF = dt.date(2026, 11, 26)  # the ground truth's reference date
SAMPLES = PROJECT_DIR / "data" / "sample_contracts"
CACHE = PROJECT_DIR / ".contract_analyzer_cache"
SAMPLE_FILES = sorted(
    p.name for p in SAMPLES.iterdir() if p.suffix.lower() in {".pdf", ".docx", ".txt"}
)

BROKEN_NAME = "damaged.pdf"
# Contract text and a file name that would run script if the page did not escape them.
HOSTILE_NAME = "<img src=x onerror=window.__pwned=3>contract.txt"
HOSTILE_TEXT = """MASTER SERVICES AGREEMENT

This Master Services Agreement is made on 1 March 2025 between Alpha Widgets Ltd ("Supplier") and
Beta Retail Ltd ("Customer").

1. Term. This Agreement starts on 1 March 2025 and continues for an initial term of twelve (12)
months. It renews automatically for successive twelve (12) month terms unless either party gives
the other ninety (90) days' written notice <img src=x onerror="window.__pwned=1"> before the end of
the then-current term.

2. Fees. Customer shall pay each invoice within thirty (30) days of receipt.

3. Limitation of Liability. Each party's total liability under this Agreement shall not exceed the
fees paid in the twelve (12) months <script>window.__pwned = 2</script> before the claim.

4. Governing Law. This Agreement is governed by the laws of England and Wales.
"""


@dataclass(frozen=True)
class Built:
    """A page written by ``contract-analyzer report`` and how the command ended."""

    path: Path
    returncode: int
    stdout: str
    stderr: str

    @property
    def html(self) -> str:
        return self.path.read_text(encoding="utf-8")


def run_cli(*args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    """``contract-analyzer ARGS`` in a fresh interpreter (what a user runs)."""
    return subprocess.run(
        [sys.executable, "-m", "contract_analyzer.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=PROJECT_DIR,
    )


def build_report(folder: Path, out: Path, *extra: str, jobs: int = 2) -> Built:
    proc = run_cli(
        "report",
        str(folder),
        "-o",
        str(out),
        "--as-of",
        AS_OF.isoformat(),
        "--jobs",
        str(jobs),
        "--cache-dir",
        str(CACHE),
        *extra,
    )
    return Built(out, proc.returncode, proc.stdout, proc.stderr)
