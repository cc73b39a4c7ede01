"""``python -m contract_analyzer.cli``: the same as the ``contract-analyzer`` command."""

import sys

from contract_analyzer.cli import main

sys.exit(main())
