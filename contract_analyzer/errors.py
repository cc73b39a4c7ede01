"""The one exception family of contract_analyzer.

Every error a user can meet is a :class:`ContractAnalyzerError` whose message names the
file (or model, or playbook) and the cause in plain words, so a batch can record it as one
error row and a person can act on it without reading a traceback.
"""

from __future__ import annotations

from pathlib import Path


class ContractAnalyzerError(Exception):
    """Base class: ``str(err)`` is ``"<source>: <cause>"``."""

    def __init__(self, source: str | Path | None, cause: str) -> None:
        self.source = str(source) if source is not None else "<bytes>"
        self.cause = cause
        super().__init__(f"{self.source}: {cause}")

    def __reduce__(self):  # keep the two-argument constructor picklable across processes
        return (type(self), (self.source, self.cause))


class UnsupportedFormat(ContractAnalyzerError):
    """The content is not a PDF, DOCX or plain-text contract (e.g. a spreadsheet, an image)."""


class EncryptedDocument(ContractAnalyzerError):
    """The file is encrypted and needs a password we were not given (or were given wrongly)."""


class CorruptDocument(ContractAnalyzerError):
    """The file claims a supported format but is damaged beyond reading."""


class NoTextLayer(ContractAnalyzerError):
    """The document has pages but no extractable text (scanned images without OCR)."""


class OcrNotAvailable(NoTextLayer):
    """OCR is needed (a scan, an image) but no OCR engine is installed; says how to install one."""


class DocumentTooLarge(ContractAnalyzerError):
    """The file exceeds a configured limit (bytes, pages, inflated size)."""


class ProcessingTimeout(ContractAnalyzerError):
    """Reading or analysing the document took longer than the configured time limit."""


class ModelNotFound(ContractAnalyzerError):
    """A model file is missing; the message gives the path that was looked in."""


class PlaybookError(ContractAnalyzerError):
    """A playbook file is invalid; the message names the file, line and key."""


class MemoryLimitExceeded(ContractAnalyzerError):
    """Analysing the file needed more memory than the configured per-worker limit."""


class WorkerCrashed(ContractAnalyzerError):
    """The process analysing the file died (a crash in a native library, or killed by the system)."""


class BatchError(ContractAnalyzerError):
    """A batch cannot run: the folder is missing, an option is invalid, or workers cannot start."""


class EmptyDocument(ContractAnalyzerError):
    """The file holds no text at all (0 bytes, a blank document, a PDF with no readable pages)."""


class FileNotReadable(ContractAnalyzerError):
    """The path does not exist, is a folder, or cannot be opened for reading."""


class InvalidArgument(ContractAnalyzerError, ValueError, TypeError):
    """A public call or CLI option got a value it cannot use (wrong type, unknown name, an
    impossible setting); ``source`` is the argument's name and the message shows the value.

    It is also a ``ValueError`` and a ``TypeError`` so callers that caught those before still do.
    """


class InvalidBatchOption(BatchError, InvalidArgument):
    """A batch option is invalid (wrong type or impossible value): both a BatchError and an
    InvalidArgument, so either ``except`` catches it."""
