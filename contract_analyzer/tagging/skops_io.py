"""Importing ``skops.io`` without importing torch, dask and pytest along the way.

``skops.io`` lists scikit-learn's estimators when it is imported (its default trusted types)
with ``sklearn.utils.all_estimators``, which walks the package with ``pkgutil.walk_packages``.
That walk imports every sub-package before deciding to skip it, including
``sklearn.externals.array_api_compat.torch`` and ``.dask``: torch alone costs seconds per
process. :func:`skops_io` imports ``skops.io`` while ``all_estimators`` is replaced by
:func:`all_estimators`, which finds the same estimators but never enters the packages that
scikit-learn itself ignores, so skops trusts exactly what it would otherwise.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
import threading
import warnings
from types import ModuleType

_lock = threading.Lock()


def all_estimators() -> list[tuple[str, type]]:
    """``sklearn.utils.all_estimators()`` without importing the packages it ignores anyway."""
    import sklearn
    from sklearn.base import BaseEstimator
    from sklearn.utils.discovery import _MODULE_TO_IGNORE

    found: set[tuple[str, type]] = set()
    todo = [(list(sklearn.__path__), "sklearn.")]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        while todo:
            path, prefix = todo.pop()
            for info in pkgutil.iter_modules(path, prefix):
                name = info.name
                if set(name.split(".")) & _MODULE_TO_IGNORE or "._" in name:
                    continue
                module = importlib.import_module(name)
                found.update(
                    (n, c) for n, c in inspect.getmembers(module, inspect.isclass) if n[0] != "_"
                )
                if info.ispkg:
                    todo.append((list(module.__path__), name + "."))
    return sorted(
        (
            (n, c)
            for n, c in found
            if issubclass(c, BaseEstimator) and n != "BaseEstimator" and not inspect.isabstract(c)
        ),
        key=lambda nc: nc[0],
    )


def skops_io() -> ModuleType:
    """The ``skops.io`` module, imported (once) with the lighter estimator discovery."""
    module = sys.modules.get("skops.io")
    if module is not None:
        return module
    with _lock:
        import sklearn.utils

        original = sklearn.utils.all_estimators
        sklearn.utils.all_estimators = all_estimators
        try:
            return importlib.import_module("skops.io")
        finally:
            sklearn.utils.all_estimators = original
