"""The report as HTML (Jupyter ``_repr_html_`` and a stand-alone page).

It opens with what a business owner must act on: a summary of kind, parties and score, the
HIGH findings with links to their evidence in the text, and the next deadlines. Then the
components, key dates, obligations and the contract text, paragraph by paragraph with clauses
highlighted by type and each finding beside the paragraph its evidence starts in.
Self-contained (inline CSS, no scripts, no network), every piece of contract text escaped,
and readable on paper (print styles drop the two-column layout and keep notes whole).
"""

from __future__ import annotations

import base64
import colorsys
import hashlib
import html
import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING

from contract_analyzer.report.serialize import SCORE_FORMULA
from contract_analyzer.taxonomy import CLAUSE_TYPE_IDS

if TYPE_CHECKING:  # pragma: no cover
    from contract_analyzer.check.finding import Finding
    from contract_analyzer.report.model import ContractReport

SEVERITY_COLOURS = {"high": "#c62828", "medium": "#ef6c00", "low": "#9e9d24", "info": "#607d8b"}
STATUS_ICON = {"present": "✓", "weak": "!", "missing": "✗"}
STATUS_COLOURS = {"present": "#2e7d32", "weak": "#ef6c00", "missing": "#c62828"}


def _colour(type_id: str) -> str:
    i = CLAUSE_TYPE_IDS.index(type_id) if type_id in CLAUSE_TYPE_IDS else len(CLAUSE_TYPE_IDS)
    r, g, b = colorsys.hls_to_rgb((i * 0.61803) % 1.0, 0.88, 0.65)
    return f"#{int(r * 255):02x}{int(g * 255):02x}{int(b * 255):02x}"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


# the stand-alone report runs no script and loads nothing: only its inline styles are allowed
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def script_hash(script: str) -> str:
    """The CSP source (``'sha256-…'`` without quotes) that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


CSS = """
.ca-report{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:14px;color:#212121;max-width:1200px}
.ca-report h2{margin:.2em 0}.ca-report h3{margin:1em 0 .3em}
.ca-report .meta span{margin-right:1.2em}
.ca-report .score{font-size:28px;font-weight:700}
.ca-report table.kv{border-collapse:collapse;margin:.3em 0}
.ca-report table.kv td,.ca-report table.kv th{border-bottom:1px solid #e0e0e0;padding:3px 8px;text-align:left;vertical-align:top}
.ca-report .sev{display:inline-block;color:#fff;border-radius:3px;padding:0 5px;font-size:12px;text-transform:uppercase}
.ca-report .legend span{display:inline-block;padding:1px 6px;margin:2px;border-radius:3px;font-size:12px}
.ca-report .doc{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:0 16px}
.ca-report .para{white-space:pre-wrap;padding:3px 0;border-bottom:1px dotted #eee;line-height:1.45}
.ca-report .notes{padding:3px 0;border-bottom:1px dotted #eee}
.ca-report .note{border-left:4px solid;padding:2px 6px;margin:2px 0 6px;background:#fafafa;font-size:13px}
.ca-report .note .rid{color:#757575;font-size:11px}
.ca-report .ev{text-decoration:underline wavy;text-decoration-color:#c62828}
.ca-report .pg{color:#9e9e9e;font-size:11px}
.ca-report .summary{border:1px solid #e0e0e0;border-radius:6px;padding:8px 12px;margin:.5em 0 1em;background:#fcfcfc}
.ca-report .summary h3{margin:.4em 0 .2em}
.ca-report .summary ul{margin:.2em 0;padding-left:1.2em}
.ca-report .quote{color:#424242;font-style:italic}
@media print{
.ca-report{max-width:none;font-size:11pt}
.ca-report .doc{display:block}
.ca-report .note,.ca-report .summary,.ca-report table.kv tr{break-inside:avoid}
.ca-report .sev{color:#000;border:1px solid #000;background:none!important}
.ca-report a{color:inherit;text-decoration:none}
}
.ca-report .ocr{margin:.4em 0;padding:3px 8px;border-left:4px solid #1565c0;background:#e3f2fd}
.ca-report .ocr.low{border-left-color:#e65100;background:#fff3e0}
"""
# key date kinds the summary lists as deadlines, when they fall on or after ``as_of``
DEADLINE_KINDS = ("next_notice_deadline", "current_term_end", "expiration_date", "renewal_date")
SUMMARY_DEADLINES = 5


def _finding_html(f: Finding, report: ContractReport, anchor: bool = False) -> str:
    colour = SEVERITY_COLOURS.get(f.severity, "#607d8b")
    pages = sorted({e.page for e in f.evidence if e.page})
    where = f" <span class='pg'>p. {', '.join(map(str, pages))}</span>" if pages else ""
    return (
        f"<div class='note' style='border-color:{colour}'>"
        f"<span class='sev' style='background:{colour}'>{_e(f.severity)}</span> "
        f"<b>{STATUS_ICON.get(f.status, '')} {_e(f.component.replace('_', ' '))}</b>{where}<br>"
        f"{_e(f.message)}<br><span class='rid'>{_e(f.rule_id)}</span></div>"
    )


def _chunks(report: ContractReport) -> list[tuple[int, int]]:
    """Paragraph spans: the document's in-flow blocks, else blank-line separated runs."""
    text = report.document.text
    blocks = [(b.start, b.end) for b in report.document.body_blocks() if b.end > b.start]
    if blocks:
        blocks.sort()
        spans, pos = [], 0
        for s, e in blocks:
            s = max(s, pos)
            if e <= s:
                continue
            if s > pos and text[pos:s].strip():
                spans.append((pos, s))
            spans.append((s, e))
            pos = e
        if pos < len(text) and text[pos:].strip():
            spans.append((pos, len(text)))
        return spans
    spans, pos = [], 0
    for m in re.finditer(r"\n\s*\n", text):
        if text[pos : m.start()].strip():
            spans.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def _highlight(
    report: ContractReport, start: int, end: int, evidence: list[tuple[int, int]]
) -> str:
    """Escaped text of [start, end) with clause types as coloured spans, evidence underlined."""
    text = report.document.text
    clauses = [c for c in report.clauses if c.end > start and c.start < end]
    evs = [(s, e) for s, e in evidence if e > start and s < end]
    cuts = {start, end}
    for c in clauses:
        cuts.update((max(c.start, start), min(c.end, end)))
    for s, e in evs:
        cuts.update((max(s, start), min(e, end)))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:], strict=False):
        if a >= b:
            continue
        types = sorted(
            {c.type for c in clauses if c.start <= a and c.end >= b},
            key=lambda t: CLAUSE_TYPE_IDS.index(t) if t in CLAUSE_TYPE_IDS else 99,
        )
        is_ev = any(s <= a and e >= b for s, e in evs)
        piece = _e(text[a:b])
        classes = "ev" if is_ev else ""
        if types:
            out.append(
                f"<span class='{classes}' style='background:{_colour(types[0])}' "
                f"title='{_e(', '.join(types))}'>{piece}</span>"
            )
        elif is_ev:
            out.append(f"<span class='ev'>{piece}</span>")
        else:
            out.append(piece)
    return "".join(out)


def _anchor(report: ContractReport, paragraph: int) -> str:
    """The id of a paragraph, unique per report (a notebook may show several reports)."""
    return f"ca-{(report.source.sha256 or 'doc')[:10]}-p{paragraph}"


def _paragraph_of(starts: list[int], offset: int) -> int:
    """Index of the paragraph (of ``_chunks``) that holds ``offset``."""
    return max(bisect_right(starts, offset) - 1, 0)


def _quote(report: ContractReport, start: int, end: int, width: int = 160) -> str:
    flat = " ".join(report.document.text[start:end].split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def _summary_html(report: ContractReport, starts: list[int]) -> str:
    """Kind, parties, score; the HIGH findings with links to their evidence; next deadlines."""
    parts = ["<section class='summary'><h3>Summary</h3><table class='kv'>"]
    parties = report.facts.parties if report.facts is not None else ()
    names = [
        _e(p.name) + (f" <span class='pg'>({_e(p.role)})</span>" if p.role else "") for p in parties
    ]
    score = (
        f"{report.score}/100"
        if report.score is not None
        else "not scored: the document does not read as a contract"
    )
    parts.append(
        _rows(
            (
                ("kind", f"{_e(report.kind)} ({report.kind_confidence:.0%})"),
                ("parties", ", ".join(names) if names else "not found in the preamble"),
                ("score", _e(score)),
            )
        )
    )
    parts.append("</table>")
    high = [f for f in report.issues if f.severity == "high"]
    parts.append(f"<h3>Act on these ({len(high)} high)</h3>")
    if high:
        items = []
        for f in high:
            link = ""
            if f.evidence:
                ev = f.evidence[0]
                page = f"p. {ev.page}: " if ev.page else ""
                link = (
                    f"<br><a href='#{_anchor(report, _paragraph_of(starts, ev.start))}' class='quote'>"
                    f"{_e(page)}“{_e(_quote(report, ev.start, ev.end))}”</a>"
                )
            items.append(
                f"<li><b>{_e(f.component.replace('_', ' '))}</b>: {_e(f.message)} "
                f"<span class='pg'>{_e(f.rule_id)}</span>{link}</li>"
            )
        parts.append("<ul>" + "".join(items) + "</ul>")
    else:
        parts.append("<p>No high-severity finding.</p>")
    upcoming = sorted(
        (
            kd
            for kd in report.key_dates
            if getattr(kd, "kind", "") in DEADLINE_KINDS
            and getattr(kd, "date", None) is not None
            and kd.date >= report.as_of
        ),
        key=lambda kd: kd.date,
    )[:SUMMARY_DEADLINES]
    parts.append("<h3>Next deadlines</h3>")
    if upcoming:
        parts.append(
            "<ul>"
            + "".join(
                f"<li><b>{_e(kd.date.isoformat())}</b> {_e(kd.kind.replace('_', ' '))}"
                f" <span class='pg'>({(kd.date - report.as_of).days} days after "
                f"{_e(report.as_of.isoformat())})</span></li>"
                for kd in upcoming
            )
            + "</ul>"
        )
    else:
        parts.append(f"<p>No deadline on or after {_e(report.as_of.isoformat())} was found.</p>")
    parts.append("</section>")
    return "".join(parts)


def _rows(items: Iterable[tuple[str, str]]) -> str:
    return "".join(f"<tr><th>{_e(k)}</th><td>{v}</td></tr>" for k, v in items)


OCR_LOW = 0.80  # mean word confidence under which an OCR'd page is called out


def _ocr_note(report: ContractReport) -> str:
    """Which pages were read by OCR and how surely; low-confidence pages called out."""
    doc = report.document
    if not doc.ocr_pages:
        return ""
    conf = doc.ocr_confidence
    low = [p.number for p in doc.ocr_pages if p.words and p.confidence < OCR_LOW]
    text = f"{len(doc.ocr_pages)} of {report.source.page_count} pages read by OCR" + (
        f", mean word confidence {conf:.0%}" if conf is not None else ""
    )
    if low:
        shown = ", ".join(map(str, low[:20])) + (" ..." if len(low) > 20 else "")
        text += f"; low confidence (under {OCR_LOW:.0%}) on page(s) {shown}: check them against the scan"
    cls = "ocr low" if low else "ocr"
    return f"<div class='{cls}'>{_e(text)}</div>"


def report_html(report: ContractReport, *, full_page: bool = False) -> str:
    """The report as HTML; ``full_page`` wraps it in a complete document."""
    counts = report.severity_counts()
    chunks = _chunks(report)
    starts = [s for s, _ in chunks]
    score = f"{report.score}/100" if report.score is not None else "no score"
    parts = [f"<div class='ca-report'><style>{CSS}</style>"]
    parts.append(
        f"<h2>{_e(report.source.name)}</h2><div class='meta'>"
        f"<span class='score'>{_e(score)}</span>"
        f"<span>kind: <b>{_e(report.kind)}</b> ({report.kind_confidence:.0%})</span>"
        f"<span>playbook: {_e(report.playbook.name)}</span>"
        f"<span>{report.source.page_count} pages, {report.document.word_count} words</span>"
        + "".join(
            f"<span class='sev' style='background:{SEVERITY_COLOURS[s]}'>{counts[s]} {s}</span> "
            for s in ("high", "medium", "low")
        )
        + f"</div><div class='pg'>score = {_e(SCORE_FORMULA)}; as of {report.as_of.isoformat()}</div>"
    )
    parts.append(_ocr_note(report))
    parts.append(_summary_html(report, starts))
    status = report.component_status()
    wanted = report.playbook.components if report.kind != "not_a_contract" else ()
    parts.append("<h3>Components</h3><table class='kv'>")
    parts.append(
        _rows(
            (
                c.replace("_", " "),
                f"<span style='color:{STATUS_COLOURS.get(status[c], '#616161')}'>"
                f"{STATUS_ICON.get(status[c], '')} {_e(status[c])}</span> "
                f"<span class='pg'>({_e(report.playbook.expectation(c) or '')})</span>",
            )
            for c in sorted(
                wanted, key=lambda c: CLAUSE_TYPE_IDS.index(c) if c in CLAUSE_TYPE_IDS else 99
            )
        )
    )
    parts.append("</table>")
    if report.key_dates:
        parts.append(
            "<h3>Key dates</h3><table class='kv'><tr><th>kind</th><th>date / value</th><th>derivation</th></tr>"
        )
        for kd in report.key_dates:
            date = getattr(kd, "date", None)
            value = date.isoformat() if date is not None else getattr(kd, "value", "")
            parts.append(
                f"<tr><td>{_e(getattr(kd, 'kind', ''))}</td><td>{_e(value)}</td>"
                f"<td>{_e(getattr(kd, 'derivation', '') or '')}</td></tr>"
            )
        parts.append("</table>")
    missing = [f for f in report.findings if f.status != "present" and not f.evidence]
    if missing:
        parts.append("<h3>Missing</h3>" + "".join(_finding_html(f, report) for f in missing))
    if report.obligations:
        by_party: dict[str, int] = {}
        for o in report.obligations:
            by_party[o.party] = by_party.get(o.party, 0) + 1
        with_due = sum(1 for o in report.obligations if o.due)
        parts.append(
            "<h3>Obligations</h3><p>"
            + ", ".join(f"{_e(p)}: {n}" for p, n in sorted(by_party.items(), key=lambda kv: -kv[1]))
            + f"; {with_due} with a deadline.</p><table class='kv'>"
            + "".join(
                f"<tr><td>{_e(o.party)}</td><td>{_e(o.action[:160])}</td><td>{_e(o.due or '')}</td>"
                f"<td class='pg'>p. {_e(o.page or '')}</td></tr>"
                for o in report.obligations
                if o.due
            )
            + "</table>"
        )
    present_types = sorted(
        {c.type for c in report.clauses},
        key=lambda t: CLAUSE_TYPE_IDS.index(t) if t in CLAUSE_TYPE_IDS else 99,
    )
    parts.append(
        "<h3>Contract</h3><div class='legend'>"
        + "".join(f"<span style='background:{_colour(t)}'>{_e(t)}</span>" for t in present_types)
        + "</div><div class='doc'>"
    )
    notes: dict[int, list[Finding]] = {}
    evidence: list[tuple[int, int]] = []
    for f in report.findings:
        if f.status == "present" or not f.evidence:
            continue
        evidence.extend((e.start, e.end) for e in f.evidence)
        notes.setdefault(_paragraph_of(starts, f.evidence[0].start), []).append(f)
    for i, (s, e) in enumerate(chunks):
        parts.append(
            f"<div class='para' id='{_anchor(report, i)}'>{_highlight(report, s, e, evidence)}</div>"
        )
        parts.append(
            "<div class='notes'>"
            + "".join(_finding_html(f, report) for f in notes.get(i, []))
            + "</div>"
        )
    parts.append("</div></div>")
    body = "".join(parts)
    if not full_page:
        return body
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">"
        f"<title>{_e(report.source.name)} - contract report</title></head><body>{body}</body></html>"
    )
