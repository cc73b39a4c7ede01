"""spaCy without torch: thinc's optional ``import torch`` fails while thinc.compat loads.

spaCy imports ``thinc.compat``, which tries ``import torch`` (about a second and 200 MB) only
to offer torch layers the project never uses. :func:`install` adds a meta-path finder that,
while ``thinc.compat`` executes and torch is not loaded yet, makes ``import torch`` raise
ImportError; afterwards torch imports normally (the sentence-transformers variant).

The effect is process-wide: thinc, once loaded after ``import contract_analyzer``, believes
torch is absent, so thinc's own torch layers (spacy-transformers) are unavailable in the same
process.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys


class _Loader(importlib.abc.Loader):
    def __init__(self, inner: importlib.abc.Loader) -> None:
        self.inner = inner

    def create_module(self, spec):  # type: ignore[no-untyped-def]
        return self.inner.create_module(spec)

    def exec_module(self, module) -> None:  # type: ignore[no-untyped-def]
        if "torch" in sys.modules:
            self.inner.exec_module(module)
            return
        sys.modules["torch"] = None  # type: ignore[assignment]
        try:
            self.inner.exec_module(module)
        finally:
            if sys.modules.get("torch", 0) is None:
                del sys.modules["torch"]


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):  # type: ignore[no-untyped-def]
        if name != "thinc.compat":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _Loader(spec.loader)
        return spec


def install() -> None:
    """Add the finder once (before spaCy is imported)."""
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
