"""Where shipped models and the development data live; nothing is fetched from a network."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent


def models_dir() -> Path:
    """The folder holding trained models.

    ``CONTRACT_ANALYZER_MODELS`` wins; otherwise ``models/`` beside the package (a checkout or
    an editable install).
    """
    override = os.environ.get("CONTRACT_ANALYZER_MODELS")
    return Path(override) if override else PROJECT_DIR / "models"


def shared_dir() -> Path | None:
    """``../shared`` beside the project (development data and the hostile corpus), if present.

    ``CONTRACT_ANALYZER_SHARED`` overrides. Used by tests, benchmarks and training only.
    """
    override = os.environ.get("CONTRACT_ANALYZER_SHARED")
    path = Path(override) if override else PROJECT_DIR.parent / "shared"
    return path if path.is_dir() else None


def yaml_loader() -> type:
    """The safe YAML loader to read the shipped data with: libyaml's ``CSafeLoader`` when
    PyYAML was built with it (same resolver and constructor as ``SafeLoader``, parsed in C,
    about fifty times faster: the playbooks, lexicons and cues are most of a cold start's
    reading), else the pure-Python ``SafeLoader``."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)
