"""Finding the files of a batch: a recursive walk with include and exclude glob patterns.

- Default includes: PDF, DOCX, text, images (PNG, JPEG, TIFF) and legacy word-processor
  files (.doc, .rtf, .odt, .wpd); patterns match case-insensitively.
- A pattern without ``/`` matches a file's (or folder's) name; a pattern with ``/`` matches
  its path relative to the folder, in ``/`` form (``*`` crosses ``/``, as in fnmatch).
- An exclude pattern that matches a folder skips everything under it.
- Hidden files and folders (name starts with ``.``) and Office lock/temporary files (``~$x.docx``,
  ``~WRL0001.tmp``) are skipped.
- Symbolic links are followed, but a folder already visited (same device and inode) is not
  entered again, so link loops end.
- The result is sorted by relative path: the same folder gives the same order.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from contract_analyzer.errors import BatchError

DEFAULT_PATTERNS: tuple[str, ...] = (
    "*.pdf", "*.docx", "*.txt",
    "*.png", "*.jpg", "*.jpeg", "*.tif", "*.tiff",  # scans, read by OCR
    "*.doc", "*.rtf", "*.odt", "*.wpd",  # converted by LibreOffice
)  # fmt: skip


@dataclass(frozen=True)
class FoundFile:
    """A file of the batch: its path and its name relative to the folder (``/`` separated)."""

    path: Path
    relative: str


def _as_patterns(value: str | Sequence[str] | None, default: Sequence[str]) -> tuple[str, ...]:
    if value is None:
        return tuple(default)
    items = [value] if isinstance(value, str) else list(value)
    patterns: list[str] = []
    for item in items:
        # "*.pdf,*.docx" is accepted as two patterns
        patterns.extend(p.strip() for p in str(item).split(",") if p.strip())
    return tuple(patterns)


def _matches(relative: str, patterns: Iterable[str]) -> bool:
    rel = relative.lower()
    name = rel.rsplit("/", 1)[-1]
    for pattern in patterns:
        pat = pattern.lower().replace("\\", "/").strip("/")
        target = rel if "/" in pat else name
        if fnmatch.fnmatchcase(target, pat):
            return True
    return False


def is_skipped_name(name: str) -> bool:
    """Hidden entries and Office lock/temporary files, which are never contracts."""
    lower = name.lower()
    return (
        name.startswith(".")
        or name.startswith("~$")
        or (lower.startswith("~") and lower.endswith(".tmp"))
    )


def discover(
    folder: str | os.PathLike[str],
    pattern: str | Sequence[str] | None = None,
    exclude: str | Sequence[str] | None = None,
) -> list[FoundFile]:
    """The files under ``folder`` to analyse (or ``folder`` itself when it is a file)."""
    root = Path(folder)
    if root.is_file():
        return [FoundFile(root, root.name)]
    if not root.is_dir():
        raise BatchError(root, "no such folder")
    includes = _as_patterns(pattern, DEFAULT_PATTERNS)
    excludes = _as_patterns(exclude, ())
    found: list[FoundFile] = []
    seen_dirs: set[tuple[int, int]] = set()

    def onerror(err: OSError) -> None:  # an unreadable sub-folder is skipped, not fatal
        return None

    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=onerror):
        try:
            st = os.stat(dirpath)
        except OSError:
            dirnames[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen_dirs:
            dirnames[:] = []
            continue
        seen_dirs.add((st.st_dev, st.st_ino))
        base = Path(dirpath)
        rel_dir = base.relative_to(root).as_posix()
        prefix = "" if rel_dir == "." else rel_dir + "/"
        dirnames[:] = sorted(
            d for d in dirnames if not is_skipped_name(d) and not _matches(prefix + d, excludes)
        )
        for name in sorted(filenames):
            relative = prefix + name
            if is_skipped_name(name) or not _matches(relative, includes):
                continue
            if _matches(relative, excludes):
                continue
            found.append(FoundFile(base / name, relative))
    found.sort(key=lambda f: f.relative)
    return found
