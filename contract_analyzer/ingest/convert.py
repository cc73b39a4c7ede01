"""Legacy word-processor files (.doc, .rtf, .odt, .wpd) converted to DOCX by LibreOffice.

``soffice --headless --convert-to docx`` runs in a temporary folder with its own throw-away
user profile (``-env:UserInstallation``), so it neither reads nor changes the user's
LibreOffice settings and two conversions never share (or lock) a profile. It runs in a new
process group under the document's time limit; past it the whole group is killed and the
file ends with :class:`ProcessingTimeout`. The DOCX it writes is then read like any other.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

from contract_analyzer.errors import CorruptDocument, DocumentTooLarge, UnsupportedFormat
from contract_analyzer.ingest.deadline import Deadline

LEGACY_KINDS: dict[str, str] = {
    "doc": "a legacy Word 97-2003 document (.doc)",
    "rtf": "an RTF document (.rtf)",
    "odt": "an OpenDocument text file (.odt)",
    "wpd": "a WordPerfect document (.wpd)",
}
CONVERTER_HINT = (
    "install LibreOffice to read it (Debian/Ubuntu: `apt-get install libreoffice-writer-nogui`; "
    "the `soffice` program must be on the PATH), or save it as PDF or DOCX"
)


@lru_cache(maxsize=1)
def soffice_path() -> str | None:
    """LibreOffice's ``soffice`` (or ``libreoffice``) program on the PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(
    data: bytes, kind: str, label: str, deadline: Deadline, max_bytes: int
) -> bytes:
    """The file converted to DOCX bytes, or a clear error (no converter, failed, too slow)."""
    what = LEGACY_KINDS[kind]
    exe = soffice_path()
    if exe is None:
        raise UnsupportedFormat(
            label, f"this is {what}; the LibreOffice converter (soffice) is not installed: "
            f"{CONVERTER_HINT}"
        )  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="ca-soffice-") as tmp:
        folder = Path(tmp)
        source = folder / f"input.{kind}"
        source.write_bytes(data)
        out = folder / "out"
        args = [
            exe,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
            "--convert-to", "docx", "--outdir", str(out), str(source),
        ]  # fmt: skip
        env = dict(os.environ, HOME=str(folder))
        deadline.check()
        proc = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=folder,
            start_new_session=True,
        )
        try:
            output, _ = proc.communicate(timeout=max(deadline.remaining(), 0.05))
        except BaseException:
            _kill_group(proc)
            if deadline.remaining() <= 0:
                deadline.expired = True
                raise deadline.error() from None
            raise
        result = out / "input.docx"
        if proc.returncode != 0 or not result.is_file():
            said = output.decode("utf-8", "replace").strip().splitlines()
            detail = said[-1][:160] if said else f"exit status {proc.returncode}"
            raise CorruptDocument(label, f"LibreOffice could not convert {what} ({detail})")
        size = result.stat().st_size
        if size > max_bytes:
            raise DocumentTooLarge(label, f"converted to DOCX it is {size / 2**20:,.1f} MB, "
                                   "over the limit (setting max_file_bytes)")  # fmt: skip
        return result.read_bytes()


def _kill_group(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
