"""The two PDF engines side by side on the CUAD PDFs: accuracy against the experts, and time.

    .venv/bin/python bench/engine_accuracy.py [--limit N]

Every PDF of ../shared/data/cuad/pdf is read and analysed twice in one run, with
``pdf_engine="pdfplumber"`` (the default) and ``"pdfium"``, and each report is scored against
the experts' answers of master_clauses_dev.csv: the effective date (exact), the expiration date
(within one day), and the presence of the 36 yes/no CUAD categories in ``report.answers``
(macro F1 over the categories, precision next to recall). Also printed: how often the two
engines' reports agree (clause types, key dates) and the seconds each engine took to read and
analyse. Issue 17's rule: the pdfium engine may be the batch default when its accuracy is within
0.5 point of pdfplumber's. Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import contract_analyzer as ca  # noqa: E402
from contract_analyzer.check.answers import CATEGORIES  # noqa: E402
from contract_analyzer.resources import shared_dir  # noqa: E402
from contract_analyzer.settings import Settings  # noqa: E402
from contract_analyzer.tagging.training.cuad import file_key  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from bench_dates import _cuad_date  # noqa: E402  (the CUAD m/d/yy answers, read as bench_dates does)
from findings_vs_experts import VALUE_CATEGORIES, snake  # noqa: E402

ENGINES = ("pdfplumber", "pdfium")
AS_OF = dt.date(2024, 1, 1)


def expert_presence(row: dict[str, str]) -> dict[str, bool]:
    """Category -> the experts' yes/no, for the 36 yes/no categories CUAD answers."""
    out: dict[str, bool] = {}
    for col, value in row.items():
        if not col.endswith("-Answer"):
            continue
        cat = snake(col[: -len("-Answer")])
        if cat in VALUE_CATEGORIES or cat not in CATEGORIES:
            continue
        v = (value or "").strip().lower()
        if v in ("yes", "no"):
            out[cat] = v == "yes"
    return out


def score(report: ca.ContractReport, row: dict[str, str], tally: Counter) -> None:
    kd = {k.kind: k for k in report.key_dates}
    gold = _cuad_date(row.get("Effective Date-Answer", ""))
    if gold is not None:
        tally["effective_n"] += 1
        got = kd.get("effective_date")
        tally["effective_ok"] += int(got is not None and got.date == gold)
    gold = _cuad_date(row.get("Expiration Date-Answer", ""))
    if gold is not None:
        tally["expiry_n"] += 1
        got = kd.get("expiration_date")
        tally["expiry_ok"] += int(got is not None and got.date is not None and abs((got.date - gold).days) <= 1)
    answers = {a.category: a.present for a in report.answers}
    for cat, truth in expert_presence(row).items():
        mine = bool(answers.get(cat))
        tally[(cat, "tp")] += int(mine and truth)
        tally[(cat, "fp")] += int(mine and not truth)
        tally[(cat, "fn")] += int(truth and not mine)


def macro_f1(tally: Counter) -> tuple[float, float, float]:
    cats = sorted({c[0] for c in tally if isinstance(c, tuple)})
    ps, rs, fs = [], [], []
    for cat in cats:
        tp, fp, fn = tally[(cat, "tp")], tally[(cat, "fp")], tally[(cat, "fn")]
        if tp + fn == 0:
            continue  # no expert positive in these contracts: F1 undefined
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn)
        ps.append(p)
        rs.append(r)
        fs.append(2 * p * r / (p + r) if p + r else 0.0)
    n = max(len(fs), 1)
    return sum(ps) / n, sum(rs) / n, sum(fs) / n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int)
    args = parser.parse_args(argv)
    shared = shared_dir()
    with open(shared / "data/cuad/master_clauses_dev.csv", encoding="utf-8") as f:
        rows = {file_key(r["Filename"]): r for r in csv.DictReader(f)}
    pdfs = [p for p in sorted((shared / "data/cuad/pdf").iterdir())
            if p.suffix.lower() == ".pdf" and file_key(p.name) in rows]
    pdfs = pdfs[: args.limit]
    tallies = {e: Counter() for e in ENGINES}
    seconds = dict.fromkeys(ENGINES, 0.0)
    pages = 0
    same_types = same_dates = 0
    for path in pdfs:
        row = rows[file_key(path.name)]
        reports = {}
        for engine in ENGINES:
            started = time.perf_counter()
            report = ca.analyze(ca.load_document(path, settings=Settings(pdf_engine=engine)), as_of=AS_OF)
            seconds[engine] += time.perf_counter() - started
            reports[engine] = report
            score(report, row, tallies[engine])
        pages += len(reports["pdfplumber"].document.pages)
        a, b = reports["pdfplumber"], reports["pdfium"]
        same_types += int({c.type for c in a.clauses} == {c.type for c in b.clauses})
        same_dates += int({(k.kind, k.value) for k in a.key_dates} == {(k.kind, k.value) for k in b.key_dates})
    print(f"{len(pdfs)} CUAD PDFs, {pages} pages; one run, engines side by side")
    print(f"{'engine':12s} {'effective':>14s} {'expiry<=1d':>14s} {'answers P/R/F1 (macro)':>26s} {'s/page':>8s}")
    for engine in ENGINES:
        t = tallies[engine]
        p, r, f = macro_f1(t)
        eff = f"{t['effective_ok'] / max(t['effective_n'], 1):.3f} ({t['effective_ok']}/{t['effective_n']})"
        exp = f"{t['expiry_ok'] / max(t['expiry_n'], 1):.3f} ({t['expiry_ok']}/{t['expiry_n']})"
        print(f"{engine:12s} {eff:>14s} {exp:>14s} {f'{p:.3f} / {r:.3f} / {f:.3f}':>26s} {seconds[engine] / max(pages, 1):8.3f}")
    print(f"reports agree: clause types {same_types}/{len(pdfs)}, key dates {same_dates}/{len(pdfs)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
