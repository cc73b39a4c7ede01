"""The portfolio as one self-contained HTML page (``contract-analyzer report``).

Sections: the contracts table (sortable, filterable), findings by severity, the deadline
timeline and the upcoming deadlines, the component coverage heatmap, the score distribution,
the compared terms, and the files that could not be analysed.

Self-contained: CSS and the small sorting/filtering script are inline, plots are inline SVG,
nothing refers to another file or to the network, and a Content-Security-Policy forbids any
load (so the page stays offline even if opened from a web server). Every piece of text that
comes from a document or a file name is HTML-escaped; no document text reaches the script.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from contract_analyzer import __version__
from contract_analyzer.check.score import WEIGHTS
from contract_analyzer.portfolio import plots
from contract_analyzer.portfolio.views import (
    STATUS_LABELS,
    coverage_summary,
    error_contracts,
    ok_contracts,
)
from contract_analyzer.report.cells import as_date, is_missing
from contract_analyzer.report.html import SEVERITY_COLOURS, script_hash

if TYPE_CHECKING:  # pragma: no cover
    from contract_analyzer.portfolio.model import Portfolio

STATUS_GLYPHS = {"present": "✓", "weak": "!", "missing": "✗", "absent-not-required": "·"}
EVIDENCE_CHARS = 240

CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:14px;color:#212121;margin:0;background:#fafafa}
header{background:#263238;color:#fff;padding:16px 24px}
header h1{margin:0 0 4px;font-size:22px}
header .meta span{margin-right:18px}
nav{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:6px 24px;z-index:2}
nav a{margin-right:14px;color:#0d47a1;text-decoration:none}
main{padding:8px 24px 40px;max-width:1500px}
section{background:#fff;border:1px solid #e0e0e0;border-radius:6px;padding:12px 16px;margin:14px 0}
h2{font-size:18px;margin:4px 0 10px}
h3{font-size:15px;margin:14px 0 6px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin-top:10px}
.card{background:#37474f;border-radius:6px;padding:6px 12px;min-width:110px}
.card b{display:block;font-size:22px}
.sev{display:inline-block;color:#fff;border-radius:3px;padding:0 6px;font-size:12px;text-transform:uppercase}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f5f5f5}
table.sortable th{cursor:pointer;user-select:none}
table.sortable th::after{content:" ⇅";color:#bbb;font-size:11px}
table.sortable th[aria-sort=ascending]::after{content:" ▲";color:#333}
table.sortable th[aria-sort=descending]::after{content:" ▼";color:#333}
td.num,th.num{text-align:right}
td.ev{color:#455a64;font-size:12px;max-width:520px}
.controls{margin:4px 0 8px;display:flex;gap:10px;align-items:center;flex-wrap:wrap}
.controls input[type=search]{padding:4px 8px;min-width:260px}
.count{color:#757575;font-size:12px}
.soon{color:#b71c1c;font-weight:600}
.past{color:#9e9e9e}
.heat td.cell{text-align:center;width:26px;min-width:26px;font-size:12px;color:#fff;border:1px solid #fff}
.heat th.comp{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:normal;font-size:12px;text-align:left}
.heat{width:auto}
.heat td.file{white-space:nowrap;padding-right:12px}
td.date{white-space:nowrap}
.legend span{display:inline-block;padding:1px 8px;margin-right:6px;border-radius:3px;font-size:12px}
svg.plot{max-width:100%;height:auto;display:block}
.wrap{overflow-x:auto}
.note{color:#616161;font-size:12px}
.err td{color:#b71c1c}
details>summary{cursor:pointer;font-weight:600;margin:8px 0}
"""

# Sort any table.sortable by a header click (numbers by value, dates as ISO text, empty cells
# last); filter rows of a table by the search box and selects that name it.
SCRIPT = r"""
(function () {
  "use strict";
  function cellKey(cell) {
    var v = cell ? cell.getAttribute("data-sort") : "";
    return v === null ? cell.textContent.trim() : v;
  }
  function sortTable(table, index, th) {
    var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) {
      h.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", dir);
    var numeric = th.getAttribute("data-type") === "number";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var a = cellKey(r1.cells[index]), b = cellKey(r2.cells[index]);
      if (a === "" || b === "") { return a === b ? 0 : (a === "" ? 1 : -1); }
      var c = numeric ? parseFloat(a) - parseFloat(b)
                      : a.localeCompare(b, undefined, {numeric: true, sensitivity: "base"});
      return dir === "ascending" ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  function applyFilters(tableId) {
    var table = document.getElementById(tableId);
    if (!table) { return; }
    var search = document.querySelector("input[data-filter-for='" + tableId + "']");
    var text = search ? search.value.trim().toLowerCase() : "";
    var selects = document.querySelectorAll("select[data-filter-for='" + tableId + "']");
    var shown = 0, rows = table.tBodies[0].rows;
    Array.prototype.forEach.call(rows, function (row) {
      var ok = !text || row.textContent.toLowerCase().indexOf(text) >= 0;
      Array.prototype.forEach.call(selects, function (sel) {
        var col = parseInt(sel.getAttribute("data-column"), 10);
        if (sel.value && cellKey(row.cells[col]) !== sel.value) { ok = false; }
      });
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    var counter = document.querySelector("[data-count-for='" + tableId + "']");
    if (counter) { counter.textContent = shown + " of " + rows.length + " shown"; }
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      th.tabIndex = 0;
      th.addEventListener("click", function () { sortTable(table, index, th); });
      th.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortTable(table, index, th); }
      });
    });
  });
  document.querySelectorAll("[data-filter-for]").forEach(function (control) {
    var id = control.getAttribute("data-filter-for");
    control.addEventListener("input", function () { applyFilters(id); });
    control.addEventListener("change", function () { applyFilters(id); });
    applyFilters(id);
  });
})();
"""

# Only this page's own script may run: script-src allows its SHA-256 and nothing else, so a
# <script> or an on* attribute that escaped into the page would still be refused. Inline
# styles stay allowed (the plots and badges use style attributes; styles cannot run code).
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; "
    f"script-src '{script_hash(SCRIPT)}'; img-src data:; base-uri 'none'; form-action 'none'"
)


def _e(value: Any) -> str:
    """HTML-escaped text of a cell ('' for missing values)."""
    return "" if is_missing(value) else html.escape(str(value), quote=True)


def _num(value: Any, digits: int = 0) -> tuple[str, str]:
    """(shown text, sort key) of a number; empty for missing."""
    if is_missing(value):
        return "", ""
    number = float(value)
    return f"{number:,.{digits}f}", f"{number:.6f}"


def _clip(text: Any, limit: int = EVIDENCE_CHARS) -> str:
    flat = "" if is_missing(text) else " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _th(label: str, kind: str = "text", title: str = "") -> str:
    cls = " class='num'" if kind == "number" else ""
    tip = f" title='{_e(title)}'" if title else ""
    return f"<th data-type='{kind}'{cls}{tip}>{_e(label)}</th>"


def _td(text: str, sort: str | None = None, cls: str = "") -> str:
    """A cell; ``text`` must already be escaped HTML."""
    attrs = f" class='{cls}'" if cls else ""
    if sort is not None:
        attrs += f" data-sort='{_e(sort)}'"
    return f"<td{attrs}>{text}</td>"


def _date_td(date: dt.date | None, cls: str = "") -> str:
    """A date cell (ISO text, sorts as text, never wrapped)."""
    text = date.isoformat() if date else ""
    return _td(_e(text), sort=text, cls=f"date {cls}".strip())


def _table(table_id: str, head: list[str], rows: list[str], cls: str = "sortable") -> str:
    """A table (header cells and rows already HTML) in a horizontally scrolling box."""
    return (
        f"<div class='wrap'><table id='{table_id}' class='{cls}'><thead><tr>{''.join(head)}"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _controls(
    table_id: str, placeholder: str, selects: Iterable[tuple[int, str, list[str]]] = ()
) -> str:
    parts = [
        "<div class='controls'>",
        f"<input type='search' data-filter-for='{table_id}' placeholder='{_e(placeholder)}' "
        f"aria-label='{_e(placeholder)}'>",
    ]
    for column, label, values in selects:
        options = "".join(f"<option value='{_e(v)}'>{_e(v)}</option>" for v in values)
        parts.append(
            f"<label>{_e(label)} <select data-filter-for='{table_id}' data-column='{column}'>"
            f"<option value=''>all</option>{options}</select></label>"
        )
    parts.append(f"<span class='count' data-count-for='{table_id}'></span></div>")
    return "".join(parts)


# ---------------------------------------------------------------------------- sections
def _header(p: Portfolio, title: str) -> str:
    ok = ok_contracts(p.contracts)
    errors = error_contracts(p.contracts)
    found = p.issues()
    counts = {s: int((found["severity"] == s).sum()) for s in ("high", "medium", "low")}
    median = f"{ok['score'].median():.0f}" if len(ok) else "–"
    soon = p.deadlines()
    upcoming = soon[(soon["kind"] == "next_notice_deadline") & (soon["days_left"] >= 0)]
    next_90 = int((upcoming["days_left"] <= plots.SOON_DAYS).sum())
    cards = [
        ("contracts analysed", str(len(ok))),
        ("could not be read", str(len(errors))),
        ("median score", median),
        ("high findings", str(counts["high"])),
        ("medium findings", str(counts["medium"])),
        ("low findings", str(counts["low"])),
        (f"notice deadlines in {plots.SOON_DAYS} days", str(next_90)),
    ]
    source = f"<span>folder: {_e(p.folder)}</span>" if p.folder else ""
    return (
        f"<header><h1>{_e(title)}</h1><div class='meta'>{source}"
        f"<span>as of {p.as_of.isoformat()}</span>"
        f"<span>contract_analyzer {_e(__version__)}</span></div><div class='cards'>"
        + "".join(f"<div class='card'><b>{_e(v)}</b>{_e(k)}</div>" for k, v in cards)
        + "</div></header>"
    )


def _nav() -> str:
    links = [
        ("contracts", "Contracts"),
        ("findings", "Findings"),
        ("deadlines", "Deadlines"),
        ("coverage", "Coverage"),
        ("scores", "Scores"),
        ("terms", "Terms"),
        ("errors", "Not analysed"),
    ]
    return "<nav>" + "".join(f"<a href='#{a}'>{_e(t)}</a>" for a, t in links) + "</nav>"


def _contracts_section(p: Portfolio, links: Mapping[str, str] | None = None) -> str:
    ok = ok_contracts(p.contracts)
    links = links or {}
    terms = p.terms().set_index("file")
    kinds = sorted({str(k) for k in ok["kind"].dropna()})
    head = [
        _th("contract"),
        _th("kind"),
        _th("counterparty", title="the supplying party (or the one beside the customer)"),
        _th("value", "number", "the contract's stated price, where the text states one"),
        _th("score", "number", "100 = nothing to fix"),
        _th("high", "number"),
        _th("medium", "number"),
        _th("low", "number"),
        _th("next notice deadline", title="last day to give notice of non-renewal"),
        _th("days left", "number"),
        _th(
            "current term ends",
            title="last day of the term in force on the report date "
            "(rolled through automatic renewals; the initial term's end when none applies)",
        ),
        _th("auto-renews"),
        _th("notice (days)", "number"),
        _th("payment (days)", "number"),
        _th("liability cap"),
        _th("pages", "number"),
    ]
    rows = []
    for row in ok.sort_values("file", kind="stable").to_dict("records"):
        file = str(row["file"])
        term = terms.loc[file] if file in terms.index else None
        deadline = as_date(row.get("next_notice_deadline"))
        expiry = as_date(row.get("current_term_end")) or as_date(row.get("expiration_date"))
        left = (deadline - p.as_of).days if deadline else None
        cls = "soon" if left is not None and 0 <= left <= plots.SOON_DAYS else ""
        auto = row.get("auto_renewal")
        auto_text = (
            ""
            if is_missing(auto)
            else ("yes" if auto is True else "no" if auto is False else str(auto))
        )
        href = links.get(file)
        name = f"<a href='{_e(href)}'>{_e(file)}</a>" if href else _e(file)
        value = row.get("contract_value")
        value_text = row.get("contract_value_text")
        cells = [
            _td(name, sort=file, cls="file"),
            _td(_e(row.get("kind")), sort=str(row.get("kind") or "")),
            _td(_e(row.get("counterparty")), sort=str(row.get("counterparty") or "")),
            _td(_e(value_text), sort=_num(value)[1], cls="num"),
            _td(*_num(row.get("score")), cls="num"),
            _td(*_num(row.get("findings_high")), cls="num"),
            _td(*_num(row.get("findings_medium")), cls="num"),
            _td(*_num(row.get("findings_low")), cls="num"),
            _date_td(deadline, cls),
            _td(*_num(left), cls=f"num {cls}".strip()),
            _date_td(expiry),
            _td(_e(auto_text)),
            _td(*_num(None if term is None else term["notice_days"]), cls="num"),
            _td(*_num(None if term is None else term["payment_days"]), cls="num"),
            _td(_e(None if term is None else term["liability_cap"])),
            _td(*_num(row.get("pages")), cls="num"),
        ]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        "<section id='contracts'><h2>Contracts</h2>"
        "<p class='note'>Click a column header to sort; type to filter. Score: 100 means nothing "
        "to fix; each weak or missing component takes a share of what is left ("
        + ", ".join(f"{s} {w:.0%}" for s, w in WEIGHTS.items() if w)
        + ").</p>"
        + _controls("contracts-table", "filter contracts (name, kind, cap…)", [(1, "kind", kinds)])
        + _table("contracts-table", head, rows)
        + "</section>"
    )


def _findings_section(p: Portfolio) -> str:
    found = p.issues()
    parts = ["<section id='findings'><h2>Findings by severity</h2>"]
    if found.empty:
        parts.append("<p>No weak or missing components were found.</p></section>")
        return "".join(parts)
    parts.append(_controls("findings-table", "filter findings (contract, component, text…)",
                           [(0, "severity", [s for s in ("high", "medium", "low", "info")
                                             if (found["severity"] == s).any()])]))  # fmt: skip
    head = [_th("severity"), _th("contract"), _th("component"), _th("status"), _th("rule"),
            _th("what is wrong"), _th("evidence (contract text)"), _th("page", "number")]  # fmt: skip
    rows = []
    for f in found.to_dict("records"):  # worst severity first (the order of p.issues())
        sev = str(f.get("severity"))
        colour = SEVERITY_COLOURS.get(sev, "#607d8b")
        rows.append(
            "<tr>"
            + _td(f"<span class='sev' style='background:{colour}'>{_e(sev)}</span>", sort=sev)
            + _td(_e(f.get("file")))
            + _td(_e(str(f.get("component") or "").replace("_", " ")))
            + _td(_e(f.get("status")))
            + _td(_e(f.get("rule_id")))
            + _td(_e(f.get("message")))
            + _td(_e(_clip(f.get("evidence"))), cls="ev")
            + _td(*_num(f.get("page")), cls="num")
            + "</tr>"
        )
    counts = found["severity"].value_counts()
    summary = ", ".join(
        f"<span class='sev' style='background:{SEVERITY_COLOURS.get(s, '#607d8b')}'>"
        f"{int(counts.get(s, 0))} {s}</span>"
        for s in ("high", "medium", "low")
    )
    parts.append(f"<p>{summary}</p>")
    parts.append(_table("findings-table", head, rows) + "</section>")
    return "".join(parts)


def _deadlines_section(p: Portfolio) -> str:
    dates = p.deadlines()
    fig = plots.deadline_timeline(dates, p.as_of)
    parts = [
        "<section id='deadlines'><h2>Deadlines</h2>",
        "<p class='note'>Grey line: a contract's term from the date it takes effect to the date "
        f"it ends. Diamond: the last day to give notice of non-renewal (red label when within "
        f"{plots.SOON_DAYS} days). Dashed line: the date of this report.</p>",
        plots.figure_svg(fig),
    ]
    upcoming = dates[
        dates["upcoming"] & dates["kind"].isin(["next_notice_deadline", "current_term_end"])
    ]
    parts.append("<h3>Upcoming deadlines</h3>")
    if upcoming.empty:
        parts.append("<p>No upcoming notice deadline or expiry was found.</p></section>")
        return "".join(parts)
    head = [_th("date"), _th("days left", "number"), _th("contract"), _th("what"),
            _th("how it was computed"), _th("contract text")]  # fmt: skip
    rows = []
    for d in upcoming.to_dict("records"):
        cls = (
            "soon"
            if d["kind"] == "next_notice_deadline" and d["days_left"] <= plots.SOON_DAYS
            else ""
        )
        rows.append(
            "<tr>"
            + _date_td(d["date"], cls)
            + _td(*_num(d["days_left"]), cls=f"num {cls}".strip())
            + _td(_e(d["file"]))
            + _td(_e(d["label"]))
            + _td(_e(d["derivation"]), cls="ev")
            + _td(_e(_clip(d["text"])), cls="ev")
            + "</tr>"
        )
    parts.append(_table("deadlines-table", head, rows) + "</section>")
    return "".join(parts)


def _coverage_section(p: Portfolio) -> str:
    matrix = p.coverage()
    parts = ["<section id='coverage'><h2>Component coverage</h2>"]
    legend = "".join(
        f"<span style='background:{plots.STATUS_COLOURS[s]};color:{'#333' if s.startswith('absent') else '#fff'}'>"
        f"{STATUS_GLYPHS[s]} {_e(label)}</span>"
        for s, label in STATUS_LABELS.items()
    )
    parts.append(f"<p class='legend'>{legend}</p>")
    if matrix.empty:
        parts.append("<p>No contract was analysed.</p></section>")
        return "".join(parts)
    head = ["<th>contract</th>"] + [
        f"<th class='comp' title='{_e(c)}'>{_e(c.replace('_', ' '))}</th>" for c in matrix.columns
    ]
    rows = []
    for file, statuses in matrix.iterrows():
        cells = "".join(
            f"<td class='cell' data-status='{_e(s)}' title='{_e(f'{file}: {c} {s}')}' "
            f"style='background:{plots.STATUS_COLOURS.get(s, '#eee')};"
            f"color:{'#999' if s.startswith('absent') else '#fff'}'>{STATUS_GLYPHS.get(s, '')}</td>"
            for c, s in statuses.items()
        )
        rows.append(f"<tr><td class='file'>{_e(file)}</td>{cells}</tr>")
    parts.append(_table("coverage-table", head, rows, cls="heat"))
    summary = coverage_summary(matrix)
    worst = summary[(summary["missing"] + summary["weak"]) > 0].head(8)
    if not worst.empty:
        parts.append(
            "<h3>Most often missing or weak</h3><ul>"
            + "".join(
                f"<li><b>{_e(r.component.replace('_', ' '))}</b>: missing in {r.missing}, "
                f"weak in {r.weak}, present in {r.present}</li>"
                for r in worst.itertuples()
            )
            + "</ul>"
        )
    parts.append("</section>")
    return "".join(parts)


def _scores_section(p: Portfolio) -> str:
    ok = ok_contracts(p.contracts)
    if ok.empty:
        return "<section id='scores'><h2>Scores</h2><p>No contract was analysed.</p></section>"
    fig = plots.score_distribution(ok)
    return "<section id='scores'><h2>Scores</h2>" + plots.figure_svg(fig) + "</section>"


def _terms_section(p: Portfolio) -> str:
    terms = p.terms()
    parts = ["<section id='terms'><h2>Terms across the portfolio</h2>"]
    if terms.empty:
        parts.append("<p>No contract was analysed.</p></section>")
        return "".join(parts)
    parts.append(
        "<p class='note'>Each dot is a contract; the dotted line is the portfolio median. "
        "Liability caps stated as fees of a period are shown in months of fees; fixed sums and "
        "multiples of the contract price are listed below.</p>"
    )
    parts.append(plots.figure_svg(plots.terms_comparison(terms)))
    head = [_th("contract"), _th("payment (days)", "number"), _th("notice (days)", "number"),
            _th("liability cap"), _th("cap (months of fees)", "number"), _th("cap sentence")]  # fmt: skip
    rows = []
    for t in terms.to_dict("records"):
        rows.append(
            "<tr>"
            + _td(_e(t["file"]))
            + _td(*_num(t["payment_days"]), cls="num")
            + _td(*_num(t["notice_days"]), cls="num")
            + _td(_e(t["liability_cap"]) or "not found")
            + _td(*_num(t["liability_cap_months"], 1), cls="num")
            + _td(_e(_clip(t["liability_cap_evidence"])), cls="ev")
            + "</tr>"
        )
    parts.append(_table("terms-table", head, rows) + "</section>")
    return "".join(parts)


def _errors_section(p: Portfolio) -> str:
    errors = error_contracts(p.contracts)
    if errors.empty:
        return "<section id='errors'><h2>Not analysed</h2><p>Every file was analysed.</p></section>"
    rows = "".join(
        f"<tr class='err'><td>{_e(r.get('file'))}</td><td>{_e(r.get('error_type'))}</td>"
        f"<td>{_e(r.get('error'))}</td></tr>"
        for r in errors.to_dict("records")
    )
    return (
        f"<section id='errors'><h2>Not analysed ({len(errors)})</h2>"
        "<table id='errors-table'><thead><tr><th>file</th><th>error</th><th>cause</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></section>"
    )


def portfolio_html(
    portfolio: Portfolio,
    *,
    title: str = "Contract portfolio",
    links: Mapping[str, str] | None = None,
) -> str:
    """The whole page as one HTML string (deterministic for the same portfolio and title);
    ``links``: file -> address of that contract's own page, linked from its row."""
    body = "".join(
        [
            _header(portfolio, title),
            _nav(),
            "<main>",
            _contracts_section(portfolio, links),
            _findings_section(portfolio),
            _deadlines_section(portfolio),
            _coverage_section(portfolio),
            _scores_section(portfolio),
            _terms_section(portfolio),
            _errors_section(portfolio),
            "<p class='note'>Made offline by contract_analyzer; the findings are a reading aid, "
            "not legal advice.</p></main>",
        ]
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>{body}"
        f"<script>{SCRIPT}</script></body></html>"
    )
