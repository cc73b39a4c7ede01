"""One contract of a portfolio as its own page, linked from the portfolio's contracts table.

Made from the batch tables (so it shows the same figures as the portfolio, served from the
cache and re-dated to the portfolio's ``as_of``): who, what kind, score, stated value, what to
act on with the evidence quoted, the key dates with days left, every component's status and
the tagged clauses. Self-contained and escaped like the portfolio page; no script at all.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

import pandas as pd

from contract_analyzer.portfolio.views import issues
from contract_analyzer.report.cells import as_date, is_missing
from contract_analyzer.report.html import SEVERITY_COLOURS

if TYPE_CHECKING:  # pragma: no cover
    from contract_analyzer.portfolio.model import Portfolio

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'"
CLAUSE_CHARS = 600
CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:14px;color:#212121;margin:0 auto;padding:12px 24px;max-width:1100px}
h1{font-size:20px;margin:8px 0}h2{font-size:16px;margin:18px 0 6px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f5f5f5}
.sev{display:inline-block;color:#fff;border-radius:3px;padding:0 6px;font-size:12px;text-transform:uppercase}
.quote{color:#424242;font-style:italic}.muted{color:#757575;font-size:12px}
@media print{body{max-width:none}tr{break-inside:avoid}.sev{color:#000;border:1px solid #000;background:none!important}}
"""


def _e(value: Any) -> str:
    return "" if is_missing(value) else html.escape(str(value), quote=True)


def page_name(index: int, file: str) -> str:
    """A safe file name for the page of the ``index``-th contract (from its file name only)."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", file.rsplit("/", 1)[-1]).strip("-.")[:60]
    return f"{index:04d}-{stem or 'contract'}.html"


def contract_html(portfolio: Portfolio, file: str, *, back: str | None = None) -> str:
    """The page of the contract ``file`` (a row of ``portfolio.contracts``)."""
    rows = portfolio.contracts[portfolio.contracts["file"].astype(str) == file]
    if rows.empty:
        raise KeyError(file)
    row = rows.iloc[0].to_dict()
    score = "no score" if is_missing(row.get("score")) else f"{int(row['score'])}/100"
    value = row.get("contract_value_text")
    facts = [
        ("kind", row.get("kind")),
        ("score", score),
        ("counterparty", row.get("counterparty")),
        ("parties", row.get("parties")),
        ("stated value", value if not is_missing(value) else "not stated"),
        ("pages", row.get("pages")),
        ("as of", portfolio.as_of.isoformat()),
    ]
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">",
        f"<title>{_e(file)} - contract report</title><style>{CSS}</style></head><body>",
        f"<p class='muted'><a href='{_e(back)}'>← portfolio</a></p>" if back else "",
        f"<h1>{_e(file)}</h1><table>",
        "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in facts),
        "</table>",
        _findings(portfolio, file),
        _key_dates(portfolio, file),
        _components(row),
        _clauses(portfolio, file),
        "<p class='muted'>Made offline by contract_analyzer; a reading aid, not legal advice.</p>",
        "</body></html>",
    ]
    return "".join(parts)


def _findings(portfolio: Portfolio, file: str) -> str:
    found = issues(portfolio.findings)
    found = found[found["file"].astype(str) == file] if not found.empty else found
    if found.empty:
        return "<h2>Act on these</h2><p>No weak or missing component.</p>"
    items = []
    for f in found.to_dict("records"):
        colour = SEVERITY_COLOURS.get(str(f.get("severity")), "#607d8b")
        quote = f.get("evidence")
        page = f.get("page")
        where = f"p. {int(page)}: " if not is_missing(page) else ""
        items.append(
            f"<tr><td><span class='sev' style='background:{colour}'>{_e(f.get('severity'))}"
            f"</span></td><td><b>{_e(str(f.get('component', '')).replace('_', ' '))}</b> "
            f"<span class='muted'>{_e(f.get('status'))}, {_e(f.get('rule_id'))}</span><br>"
            f"{_e(f.get('message'))}"
            + (f"<br><span class='quote'>{_e(where)}“{_e(quote)}”</span>" if quote else "")
            + "</td></tr>"
        )
    return f"<h2>Act on these ({len(items)})</h2><table>{''.join(items)}</table>"


def _key_dates(portfolio: Portfolio, file: str) -> str:
    dates = portfolio.key_dates
    dates = dates[dates["file"].astype(str) == file] if not dates.empty else dates
    if dates.empty:
        return "<h2>Key dates</h2><p>No key date found.</p>"
    rows = []
    for d in dates.to_dict("records"):
        date = as_date(d.get("date"))
        left = f"{(date - portfolio.as_of).days}" if date else ""
        shown = date.isoformat() if date else d.get("value")
        rows.append(
            f"<tr><td>{_e(d.get('kind'))}</td><td>{_e(shown)}</td><td>{_e(left)}</td>"
            f"<td>{_e(d.get('derivation'))}</td></tr>"
        )
    return (
        "<h2>Key dates</h2><table><thead><tr><th>kind</th><th>date / value</th>"
        f"<th>days left</th><th>derivation</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _components(row: dict[str, Any]) -> str:
    statuses = [
        (k.removeprefix("status_"), v)
        for k, v in row.items()
        if k.startswith("status_") and not is_missing(v) and v != "absent-not-required"
    ]
    cells = "".join(
        f"<tr><td>{_e(c.replace('_', ' '))}</td><td>{_e(s)}</td></tr>" for c, s in statuses
    )
    return f"<h2>Components</h2><table>{cells}</table>"


def _clauses(portfolio: Portfolio, file: str) -> str:
    clauses = portfolio.clauses
    if clauses is None or clauses.empty:
        return ""
    mine = clauses[clauses["file"].astype(str) == file]
    if mine.empty:
        return "<h2>Clauses</h2><p>No clause tagged.</p>"
    rows = []
    for c in mine.to_dict("records"):
        text = " ".join(str(c.get("text") or "").split())
        text = text if len(text) <= CLAUSE_CHARS else text[: CLAUSE_CHARS - 1] + "…"
        page = c.get("page")
        rows.append(
            f"<tr><td>{_e(c.get('type'))}</td><td>{_e('' if is_missing(page) else int(page))}"
            f"</td><td>{_e(text)}</td></tr>"
        )
    return (
        f"<h2>Clauses ({len(rows)})</h2><table><thead><tr><th>type</th><th>page</th><th>text</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def contract_pages(portfolio: Portfolio) -> dict[str, str]:
    """file -> page file name for every analysed contract, in the contracts table's order."""
    ok = portfolio.contracts
    if "error" in ok.columns:
        ok = ok[ok["error"].isna() | (ok["error"].astype(str) == "")]
    return {str(f): page_name(i, str(f)) for i, f in enumerate(pd.unique(ok["file"].astype(str)))}
