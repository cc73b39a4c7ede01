"""The checker's findings and the CUAD answers against the experts' answers of CUAD.

    .venv/bin/python bench/findings_vs_experts.py [--limit N] [--shard K/N] [--cache DIR] [--refresh]
        [--show RULE] [--misses CATEGORY] [--no-baseline]

Every CUAD development contract (``../shared/data/cuad``) is analysed; every finding that an
expert answer can confirm or refute (``CHECKS`` below: e.g. ``liability.uncapped`` is refuted
when the experts marked a Cap On Liability) is counted as confirmed or contradicted, per rule;
every ``report.answers`` entry is scored for presence against the expert Yes/No (or a
non-empty normalised answer), per category, with precision next to recall.

The contracts are split by contract (a hash of the file name, so a new run gives the same
split): the *tuning* half is the one rules and cues were read against; the *held-out* half is
the one whose figures a new split should reproduce. A TF-IDF + logistic-regression baseline
(one model per category, whole contract text, trained on the tuning half only) is scored on
the held-out half beside the answers.

The stage outputs that this bench does not measure (Document, clauses, facts, key dates) are
cached per contract in ``--cache`` (a temporary folder by default), so re-running after a
change in ``check/`` or the answers takes a minute, not the full pipeline; ``--refresh``
recomputes them (needed after a change in ingest, segment, tagging, facts or keydates).
``--misses CATEGORY`` prints the tuning half's false positives (with our evidence sentences)
and false negatives (with the experts' span) of one answer category; never the held-out half's,
so that cues are read against the tuning half only.
Figures are printed, not asserted. Note: the shipped clause tagger was trained on these same
402 contracts, so answers that lean on tagged clauses read better here than on unseen text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import pickle
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contract_analyzer.check import detect_kind, load_playbook, run_checks
from contract_analyzer.check.caps import liability_cap
from contract_analyzer.tagging.training.cuad import CuadContract, file_key, load_cuad

AS_OF = dt.date(2024, 1, 1)


# CUAD column name -> snake_case category (the names report.answers uses).
def snake(category: str) -> str:
    """CUAD's category name in snake_case ("Cap On Liability" -> "cap_on_liability")."""
    return re.sub(r"[^a-z0-9]+", "_", category.lower()).strip("_")


VALUE_CATEGORIES = (
    "document_name",
    "parties",
    "agreement_date",
    "effective_date",
    "expiration_date",
)

Answers = dict[str, str]  # snake_case category -> the experts' answer


def yes(answers: Answers, *cats: str) -> bool:
    """The experts answered Yes (or gave a non-empty normalised answer) for any of ``cats``."""
    for c in cats:
        a = answers.get(c, "").strip()
        if a and a.lower() != "no":
            return True
    return False


def no(answers: Answers, *cats: str) -> bool:
    return not yes(answers, *cats)


AMOUNT_WORDS = re.compile(
    r"[$€£]|\bdollars?\b|\beuros?\b|\bUSD\b|\bfees?\b|\bamounts?\b|\bcharges?\b|\bprice\b|"
    r"\bpaid\b|\bpayable\b|\btimes\b|\binsurance\b|\bcompensation\b|\bconsideration\b|\broyalt",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Check:
    """How the experts' answers judge one rule's finding: ``refute`` (the finding is wrong)
    is tested first, then ``confirm``; neither means the experts cannot tell."""

    refute: Callable[[Answers, dict[str, str]], bool]
    confirm: Callable[[Answers, dict[str, str]], bool]
    why: str


def _cap_span_has_amount(a: Answers, spans: dict[str, str]) -> bool:
    return bool(AMOUNT_WORDS.search(spans.get("cap_on_liability", "")))


CEILING = re.compile(
    r"\bexceed|\blimited\s+to\b|\bmaximum\b|\bnot\s+(?:be\s+)?(?:more|greater)\s+than\b|\bcap",
    re.IGNORECASE,
)


def _cap_span_has_ceiling(a: Answers, spans: dict[str, str]) -> bool:
    text = spans.get("cap_on_liability", "")
    return bool(CEILING.search(text) and AMOUNT_WORDS.search(text))


CHECKS: dict[str, Check] = {
    "liability.uncapped": Check(
        lambda a, s: yes(a, "cap_on_liability"),
        lambda a, s: no(a, "cap_on_liability"),
        "refuted when the experts mark a Cap On Liability",
    ),
    "liability.cap_without_amount": Check(
        lambda a, s: no(a, "cap_on_liability") or _cap_span_has_amount(a, s),
        lambda a, s: yes(a, "cap_on_liability") and not _cap_span_has_amount(a, s),
        "refuted when the experts' cap text names an amount, fees or a multiple (or marks no cap)",
    ),
    "liability.no_monetary_cap": Check(
        lambda a, s: no(a, "cap_on_liability") or _cap_span_has_ceiling(a, s),
        lambda a, s: yes(a, "cap_on_liability") and not _cap_span_has_ceiling(a, s),
        "refuted when the experts' cap text puts a ceiling on an amount (or marks no limit)",
    ),
    "liability.cap_below_policy": Check(
        lambda a, s: no(a, "cap_on_liability"),
        lambda a, s: False,
        "refuted when the experts mark no cap (the policy level itself is not in CUAD)",
    ),
    "termination.no_exit_assistance": Check(
        lambda a, s: yes(a, "post_termination_services"),
        lambda a, s: no(a, "post_termination_services"),
        "refuted when the experts mark Post-Termination Services",
    ),
    "renewal.auto_no_opt_out": Check(
        lambda a, s: yes(a, "notice_period_to_terminate_renewal"),
        lambda a, s: yes(a, "renewal_term") and no(a, "notice_period_to_terminate_renewal"),
        "refuted when the experts give a Notice Period To Terminate Renewal",
    ),
    # Component presence (the tagging helper's decision; shown apart from the rules).
    "missing.governing_law": Check(
        lambda a, s: yes(a, "governing_law"), lambda a, s: no(a, "governing_law"), "Governing Law"
    ),
    "present.governing_law": Check(
        lambda a, s: no(a, "governing_law"), lambda a, s: yes(a, "governing_law"), "Governing Law"
    ),
    "missing.insurance": Check(
        lambda a, s: yes(a, "insurance"), lambda a, s: no(a, "insurance"), "Insurance"
    ),
    "missing.audit_rights": Check(
        lambda a, s: yes(a, "audit_rights"), lambda a, s: no(a, "audit_rights"), "Audit Rights"
    ),
    "missing.limitation_of_liability": Check(
        lambda a, s: yes(a, "cap_on_liability", "uncapped_liability"),
        lambda a, s: no(a, "cap_on_liability", "uncapped_liability"),
        "Cap On Liability / Uncapped Liability",
    ),
    "missing.assignment": Check(
        lambda a, s: yes(a, "anti_assignment", "change_of_control"),
        lambda a, s: no(a, "anti_assignment", "change_of_control"),
        "Anti-Assignment / Change Of Control",
    ),
    "missing.non_solicitation": Check(
        lambda a, s: yes(
            a, "non_compete", "no_solicit_of_customers", "no_solicit_of_employees", "exclusivity"
        ),
        lambda a, s: no(
            a, "non_compete", "no_solicit_of_customers", "no_solicit_of_employees", "exclusivity"
        ),
        "Non-Compete / No-Solicit / Exclusivity",
    ),
}
RULE_PREFIXES = ("liability.", "termination.", "renewal.", "payment.")


def _digest(name: str) -> bytes:
    return hashlib.sha256(file_key(name).encode()).digest()


def part_of(name: str) -> str:
    """``tuning`` or ``held-out``: a fixed hash of the contract's file key (half each); the
    rule lives with the learned answers' training, which reads the tuning half only."""
    from contract_analyzer.check.answers.training import part_of as answers_part

    assert answers_part(name) == ("held-out" if _digest(name)[0] % 2 else "tuning")
    return answers_part(name)


# ---------------------------------------------------------------------- stage outputs (cached)
def stages(contract: CuadContract, cache: Path, refresh: bool, tagger: Any) -> dict[str, Any]:
    """Document, clauses, facts and key dates of a contract (cached by content hash)."""
    from contract_analyzer.facts import extract_facts
    from contract_analyzer.keydates import extract_key_dates
    from contract_analyzer.segment import segment
    from contract_analyzer.tagging import tag

    doc = contract.document
    path = cache / f"{doc.source.sha256[:24]}.pkl"
    if path.exists() and not refresh:
        with path.open("rb") as fh:
            return pickle.load(fh)  # noqa: S301 - our own cache file, written just below
    clauses = tuple(tag(doc, sections=segment(doc), tagger=tagger))
    facts = extract_facts(doc)
    key_dates = tuple(extract_key_dates(doc, clauses=clauses, as_of=AS_OF, facts=facts))
    out = {"document": doc, "clauses": clauses, "facts": facts, "key_dates": key_dates}
    with path.open("wb") as fh:
        pickle.dump(out, fh)
    return out


def checked(st: dict[str, Any]) -> dict[str, Any]:
    """The check stage (findings, cap, answers) on cached stage outputs, as ``analyze`` does."""
    doc, clauses, facts, key_dates = st["document"], st["clauses"], st["facts"], st["key_dates"]
    book = load_playbook(detect_kind(doc, clauses).kind)
    findings = tuple(run_checks(doc, clauses, book, key_dates=key_dates, facts=facts))
    cap = liability_cap(doc.text, facts, clauses, findings)
    answers: tuple[Any, ...] = ()
    cue_only: tuple[Any, ...] = ()
    ms = 0.0
    try:
        from contract_analyzer.check.answers import answer_contract
    except ImportError:  # before report.answers existed
        pass
    else:
        t0 = time.perf_counter()
        cue_only = tuple(
            answer_contract(doc, clauses, facts, key_dates, findings, cap, learned=False)
        )
        t1 = time.perf_counter()
        answers = tuple(answer_contract(doc, clauses, facts, key_dates, findings, cap))
        ms = 1000 * ((time.perf_counter() - t1) - (t1 - t0))
    return {"findings": findings, "cap": cap, "answers": answers, "cue_only": cue_only, "ms": ms}


# ---------------------------------------------------------------------- scoring
def expert_answers(contract: CuadContract) -> tuple[Answers, dict[str, str]]:
    answers = {snake(k): v for k, v in contract.answers.items()}
    spans: dict[str, list[str]] = defaultdict(list)
    for sp in contract.spans:
        spans[snake(sp.category)].append(contract.document.text[sp.start : sp.end])
    return answers, {k: " ".join(v) for k, v in spans.items()}


def presence_categories(rows: list[dict[str, Any]]) -> list[str]:
    """The 36 yes/no categories: all but the five value-only ones."""
    cats = list(rows[0]["answers"])
    return [c for c in cats if c not in VALUE_CATEGORIES]


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def print_findings(rows: list[dict[str, Any]], part: str, show: str | None) -> None:
    per: dict[str, Counter[str]] = defaultdict(Counter)
    contracts: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        fired = {f.rule_id for f in row["findings"]}
        for rule_id in sorted(fired):
            check = CHECKS.get(rule_id)
            if check is None:
                per[rule_id]["unchecked"] += 1
                continue
            if check.refute(row["answers"], row["spans"]):
                per[rule_id]["contradicted"] += 1
                contracts[rule_id].add(row["name"])
                if show == rule_id and part == "tuning":  # read the tuning half only
                    f = next(f for f in row["findings"] if f.rule_id == rule_id)
                    print(f"  [{rule_id}] {row['name'][:70]}\n     msg: {f.message[:300]}")
                    print(f"     experts: {row['spans'].get('cap_on_liability', '')[:300]}")
            elif check.confirm(row["answers"], row["spans"]):
                per[rule_id]["confirmed"] += 1
            else:
                per[rule_id]["unchecked"] += 1
    print(f"\n== findings vs experts ({part}: {len(rows)} contracts)")
    print(f"{'rule':40} {'confirmed':>9} {'contradicted':>12} {'share':>6} {'unchecked':>9}")
    totals: dict[str, Counter[str]] = {"rules": Counter(), "components": Counter()}
    for rule_id in sorted(per):
        c = per[rule_id]
        n = c["confirmed"] + c["contradicted"]
        share = f"{c['contradicted'] / n:.0%}" if n else "-"
        print(
            f"{rule_id:40} {c['confirmed']:9} {c['contradicted']:12} {share:>6} {c['unchecked']:9}"
        )
        group = "rules" if rule_id.startswith(RULE_PREFIXES) else "components"
        totals[group].update(c)
    for group, c in totals.items():
        n = c["confirmed"] + c["contradicted"]
        if n:
            print(
                f"  {group}: {c['contradicted']}/{n} contradicted = {c['contradicted'] / n:.1%} "
                f"of the findings the experts can check"
            )
    per100 = 100 * len(contracts["liability.uncapped"]) / max(1, len(rows))
    print(
        f"  liability.uncapped contradicted in {len(contracts['liability.uncapped'])} contracts "
        f"({per100:.1f} per 100)"
    )


def print_answers(rows: list[dict[str, Any]], part: str, cats: list[str]) -> float | None:
    if not rows or not rows[0]["ours"]:
        print(f"\n== answers ({part}): none (report.answers not built)")
        return None
    print(f"\n== answers vs experts, presence ({part}: {len(rows)} contracts)")
    print(f"{'category':40} {'pos':>4} {'P':>5} {'R':>5} {'F1':>5}")
    f1s = []
    complete = sum(1 for r in rows if len(r["ours"]) == 41)
    for cat in cats:
        tp = fp = fn = 0
        for r in rows:
            gold = yes(r["answers"], cat)
            pred = r["ours"][cat].present
            tp += gold and pred
            fp += pred and not gold
            fn += gold and not pred
        p, rc, f = f1(tp, fp, fn)
        if tp + fp + fn == 0:  # nothing to find and nothing claimed: counted as perfect
            p = rc = f = 1.0
        f1s.append(f)
        print(f"{cat:40} {tp + fn:4} {p:5.2f} {rc:5.2f} {f:5.2f}")
    macro = sum(f1s) / len(f1s)
    print(f"  macro presence F1 over {len(cats)} categories: {macro:.3f}")
    print(f"  contracts answered in all 41 categories: {complete}/{len(rows)}")
    return macro


def _prf(rows: list[dict[str, Any]], key: str, cat: str) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for r in rows:
        gold = yes(r["answers"], cat)
        pred = r[key][cat].present
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
    return (1.0, 1.0, 1.0) if tp + fp + fn == 0 else f1(tp, fp, fn)


def print_before_after(rows: list[dict[str, Any]], part: str, cats: list[str]) -> None:
    """Lexicon only (before the learned answers) against the shipped answers, per category."""
    if not rows or not rows[0]["cue_only"]:
        return
    print(f"\n== answers: lexicon only vs with the learned model ({part}: {len(rows)} contracts)")
    print(
        f"{'category':40} {'pos':>4} {'P':>5} {'R':>5} {'F1':>5}  ->  {'P':>5} {'R':>5} {'F1':>5}"
    )
    macro = {"cue_only": [], "ours": []}
    for cat in cats:
        before, after = _prf(rows, "cue_only", cat), _prf(rows, "ours", cat)
        macro["cue_only"].append(before)
        macro["ours"].append(after)
        pos = sum(yes(r["answers"], cat) for r in rows)
        method = rows[0]["ours"][cat].method
        print(
            f"{cat:40} {pos:4} {before[0]:5.2f} {before[1]:5.2f} {before[2]:5.2f}  ->  "
            f"{after[0]:5.2f} {after[1]:5.2f} {after[2]:5.2f}  {method}"
        )
    for key, label in (("cue_only", "lexicon only"), ("ours", "with learned")):
        p, r, f = (sum(x[i] for x in macro[key]) / len(cats) for i in range(3))
        print(f"  {label:13} macro over {len(cats)}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    ms = sorted(r["ms"] for r in rows)
    print(
        f"  added time of the learned model per contract: mean {sum(ms) / len(ms):.1f} ms, "
        f"median {ms[len(ms) // 2]:.1f} ms, max {ms[-1]:.1f} ms"
    )


def print_misses(rows: list[dict[str, Any]], cat: str, width: int = 400) -> None:
    """The tuning half's false positives and false negatives of one presence category."""
    rows = [r for r in rows if r["part"] == "tuning"]  # never the held-out half
    print(f"\n== misses of {cat} (tuning half only)")
    for r in rows:
        gold = yes(r["answers"], cat)
        ans = r["ours"].get(cat)
        pred = bool(ans and ans.present)
        if pred and not gold:
            print(f"  FP {r['name'][:80]}")
            for ev in ans.evidence:
                flat = " ".join(r["text"][ev.start : ev.end].split())
                print(f"     ours: {flat[:width]}")
        elif gold and not pred:
            print(f"  FN {r['name'][:80]}")
            print(f"     experts: {' '.join(r['spans'].get(cat, '').split())[:width]}")


def baseline(tuning: list[dict[str, Any]], held: list[dict[str, Any]], cats: list[str]) -> None:
    """TF-IDF + logistic regression per category on whole contracts (tuning half only)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=50000, sublinear_tf=True)
    x_train = vec.fit_transform([r["text"] for r in tuning])
    x_test = vec.transform([r["text"] for r in held])
    print(
        f"\n== baseline TF-IDF + logistic regression (trained on tuning, {len(tuning)} contracts)"
    )
    f1s = []
    for cat in cats:
        y = [yes(r["answers"], cat) for r in tuning]
        gold = [yes(r["answers"], cat) for r in held]
        if len(set(y)) < 2:
            pred = [y[0]] * len(held)
        else:
            model = LogisticRegression(C=10.0, class_weight="balanced", max_iter=2000)
            model.fit(x_train, y)
            pred = list(model.predict(x_test))
        tp = sum(g and p for g, p in zip(gold, pred, strict=True))
        fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
        fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
        f1s.append(1.0 if tp + fp + fn == 0 else f1(tp, fp, fn)[2])
    print(
        f"  baseline macro presence F1 over {len(cats)} categories (held-out): "
        f"{sum(f1s) / len(f1s):.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "ca-findings-bench")
    ap.add_argument("--refresh", action="store_true")
    ap.add_argument(
        "--show", default=None, help="print the tuning half's contradicted findings of a rule"
    )
    ap.add_argument(
        "--misses", default=None, help="print the tuning half's misses of an answer category"
    )
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument(
        "--shard", default=None, help="K/N: only fill the cache for every N-th contract from K"
    )
    args = ap.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    from contract_analyzer.tagging import ClauseTagger

    tagger = ClauseTagger.load()
    rows: list[dict[str, Any]] = []
    # In hash order, so that any first N contracts are an unbiased sample of both parts.
    contracts = tuple(sorted(load_cuad(), key=lambda c: _digest(c.name)))
    if args.limit:
        contracts = contracts[: args.limit]
    if args.shard:
        k, n = (int(x) for x in args.shard.split("/"))
        for contract in contracts[k::n]:
            stages(contract, args.cache, args.refresh, tagger)
        return 0
    for i, contract in enumerate(contracts):
        st = stages(contract, args.cache, args.refresh, tagger)
        out = checked(st)
        answers, spans = expert_answers(contract)
        rows.append(
            {
                "name": contract.name,
                "part": part_of(contract.name),
                "answers": answers,
                "spans": spans,
                "findings": out["findings"],
                "cap": out["cap"],
                "ours": {a.category: a for a in out["answers"]},
                "cue_only": {a.category: a for a in out["cue_only"]},
                "ms": out["ms"],
                "text": contract.document.text,
            }
        )
        if (i + 1) % 50 == 0:
            print(f"  {i + 1} contracts", file=sys.stderr)
    cats = presence_categories(rows)
    parts = {p: [r for r in rows if r["part"] == p] for p in ("tuning", "held-out")}
    for part, part_rows in parts.items():
        print_findings(part_rows, part, args.show)
    for part, part_rows in parts.items():
        print_answers(part_rows, part, cats)
    for part, part_rows in parts.items():
        print_before_after(part_rows, part, cats)
    if args.misses:
        print_misses(parts["tuning"], args.misses)
    if not args.no_baseline and parts["tuning"] and parts["held-out"]:
        baseline(parts["tuning"], parts["held-out"], cats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
