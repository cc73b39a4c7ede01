"""Start-up: spaCy's thinc does not drag torch in; torch still imports when asked for."""

from __future__ import annotations

import subprocess
import sys


def test_pipeline_import_leaves_torch_out_and_torch_still_imports() -> None:
    code = (
        "import sys, contract_analyzer.pipeline, spacy\n"
        "print('torch' in sys.modules)\n"
        "import torch\n"
        "print(torch.tensor([1]).item())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "1"]
