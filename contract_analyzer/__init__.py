"""contract_analyzer: read IT and commercial contracts; report what is in them, what is
missing or weak, and the dates that must not be missed. All offline.

Heavy parts (pdfplumber, spaCy, torch, scikit-learn) load on first use, so
``import contract_analyzer`` stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from contract_analyzer.document import Block, Document, Page, Source
from contract_analyzer.errors import (
    BatchError,
    ContractAnalyzerError,
    CorruptDocument,
    DocumentTooLarge,
    EmptyDocument,
    EncryptedDocument,
    FileNotReadable,
    InvalidArgument,
    MemoryLimitExceeded,
    ModelNotFound,
    NoTextLayer,
    PlaybookError,
    ProcessingTimeout,
    UnsupportedFormat,
    WorkerCrashed,
)
from contract_analyzer.lazy_torch import install as _install_lazy_torch
from contract_analyzer.settings import Settings

__version__ = "0.1.0"

_install_lazy_torch()

# public name -> module that defines it (imported on first access)
_LAZY: dict[str, str] = {
    "load_document": "contract_analyzer.ingest",
    "Section": "contract_analyzer.segment",
    "tag": "contract_analyzer.tagging",
    "Clause": "contract_analyzer.tagging.clause",
    "ClauseTagger": "contract_analyzer.tagging.classifier",
    "extract_dates": "contract_analyzer.facts",
    "extract_durations": "contract_analyzer.facts",
    "extract_money": "contract_analyzer.facts",
    "extract_percentages": "contract_analyzer.facts",
    "extract_parties": "contract_analyzer.facts",
    "extract_key_dates": "contract_analyzer.keydates",
    "analyze": "contract_analyzer.pipeline",
    "ContractReport": "contract_analyzer.report",
    "analyze_folder": "contract_analyzer.batch",
    "analyze_folder_tables": "contract_analyzer.batch",
    "extract_facts": "contract_analyzer.facts",
    "Facts": "contract_analyzer.facts",
    "InvalidAsOf": "contract_analyzer.asof",
    "coerce_as_of": "contract_analyzer.asof",
}

__all__ = [
    "BatchError",
    "Block",
    "ContractAnalyzerError",
    "InvalidAsOf",
    "coerce_as_of",
    "CorruptDocument",
    "Document",
    "DocumentTooLarge",
    "EmptyDocument",
    "EncryptedDocument",
    "FileNotReadable",
    "InvalidArgument",
    "MemoryLimitExceeded",
    "ModelNotFound",
    "NoTextLayer",
    "Page",
    "PlaybookError",
    "ProcessingTimeout",
    "Settings",
    "Source",
    "UnsupportedFormat",
    "WorkerCrashed",
    "__version__",
    *_LAZY,
]

if TYPE_CHECKING:  # pragma: no cover
    from contract_analyzer.ingest import load_document  # noqa: F401


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'contract_analyzer' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    if name == "tag":  # the tagger's own entry point, checked at this boundary
        from contract_analyzer.validate import check_document, checked

        value = checked(value, {"document": check_document})
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
