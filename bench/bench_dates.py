"""Benchmark: dates and durations, contract_analyzer.facts vs datefinder vs dateparser, one run.

Suites (all read in place from ../shared/data):

* Recognizers-Text English specs (Microsoft, MIT): DateExtractor, DateParser, DateTimeModel
  (the ``datetimeV2.date`` results), DurationExtractor, DurationParser. A prediction is a
  true positive when its span overlaps an expected span (one-to-one); on the *Parser/Model
  suites it must also carry the expected value (a date: either the future or the past
  resolution; a duration: the same amount and unit). On DateTimeModel, predictions that
  overlap an expected result of another type (a time, a date range) are not counted.
* CUAD development answers: for each contract, the inputs are the contract opening (first
  1,500 characters; gold = the Agreement/Effective dates stated there), and the paragraphs
  holding the annotated Agreement Date, Effective Date and Expiration Date spans (gold = the
  normalized answer date), and the annotated Renewal Term and Notice Period To Terminate
  Renewal spans (gold = the answer's duration). Scoring is by value per input: predicted
  distinct values vs gold values; a prediction without a value (a partial date) counts as a
  false positive. Rows whose answer is partial ("[]/[]/2020") or not a date/duration are left
  out and counted.
* Key dates (ours only): ``extract_key_dates`` on whole contracts, accuracy vs the CUAD answers.
* Speed: sentences per second on CUAD sentences, one call per sentence for every tool, and
  ours again in batches through ``nlp.pipe``.

Run: ``.venv/bin/python bench/bench_dates.py`` (``--quick`` for a subset; ``--spec FILE`` adds
any other Recognizers-format JSON file as a suite).
"""

from __future__ import annotations

import argparse
import ast
import csv
import functools
import json
import re
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from contract_analyzer.facts import extract_dates, extract_durations  # noqa: E402
from contract_analyzer.resources import shared_dir  # noqa: E402
from contract_analyzer.tagging.training.cuad import file_key  # noqa: E402
from contract_analyzer.text.numbers import two_digit_year  # noqa: E402

warnings.filterwarnings("ignore")

Span = tuple[int, int]


@dataclass
class Pred:
    start: int | None
    end: int | None
    value: object  # date | (Decimal, unit) | None


@dataclass
class Case:
    text: str
    gold: list[tuple[Span | None, set]]  # (span or None for value-only, accepted values)
    ignore: list[Span] = field(default_factory=list)
    reference: date | None = None
    kind: str = "date"  # "date" or "duration"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


# ------------------------------------------------------------------------------- tools


def ours(case: Case) -> list[Pred]:
    if case.kind == "duration":
        return [
            Pred(d.start, d.end, (d.amount, d.unit) if d.amount is not None else None)
            for d in extract_durations(case.text)
        ]
    return [
        Pred(m.start, m.end, m.value) for m in extract_dates(case.text, reference=case.reference)
    ]


def _locate(text: str, piece: str, cursor: int) -> tuple[int | None, int | None]:
    at = text.find(piece, cursor)
    if at < 0:
        at = text.find(piece)
    return (at, at + len(piece)) if at >= 0 else (None, None)


def datefinder_tool(case: Case) -> list[Pred]:
    import datefinder

    base = datetime.combine(case.reference, datetime.min.time()) if case.reference else None
    out: list[Pred] = []
    try:
        for value, (s, e) in datefinder.find_dates(case.text, index=True, base_date=base):
            out.append(Pred(s, e, value.date()))
    except Exception:  # datefinder raises on some inputs (overflow); count as no output
        pass
    return out


def dateparser_tool(case: Case) -> list[Pred]:
    from dateparser.search import search_dates

    settings: dict = {}
    if case.reference:
        settings["RELATIVE_BASE"] = datetime.combine(case.reference, datetime.min.time())
    try:
        found = search_dates(case.text, languages=["en"], settings=settings) or []
    except Exception:
        found = []
    out: list[Pred] = []
    cursor = 0
    for piece, value in found:
        s, e = _locate(case.text, piece, cursor)
        if e is not None:
            cursor = e
        out.append(Pred(s, e, value.date()))
    return out


TOOLS: dict[str, Callable[[Case], list[Pred]]] = {
    "ours": ours,
    "datefinder": datefinder_tool,
    "dateparser": dateparser_tool,
}


# ----------------------------------------------------------------------------- scoring


def _overlap(a: Span, b: tuple[int | None, int | None]) -> bool:
    return b[0] is not None and b[1] is not None and a[0] < b[1] and b[0] < a[1]


def _value_ok(pred: object, accepted: set) -> bool:
    if not accepted or accepted == {"<unresolvable>"}:
        return True  # span-only gold (Recognizers writes no value for mixed-unit periods)
    if isinstance(pred, tuple) and pred[0] is not None:
        return _duration_key(pred[0], pred[1]) in accepted
    return pred in accepted


def score_case(case: Case, preds: list[Pred], with_values: bool) -> Score:
    s = Score()
    if case.gold and case.gold[0][0] is None:  # value-only scoring
        seen_values: set = set()
        matched: set[int] = set()
        for p in preds:
            key = p.value
            if isinstance(key, tuple):
                key = _duration_key(*key) if key[0] is not None else None
            if key is not None and key in seen_values:
                continue
            hit = None
            for gi, (_, vals) in enumerate(case.gold):
                if gi not in matched and key is not None and key in vals:
                    hit = gi
                    break
            if hit is None:
                s.fp += 1
            else:
                matched.add(hit)
                s.tp += 1
            if key is not None:
                seen_values.add(key)
        s.fn += len(case.gold) - len(matched)
        return s
    matched_gold: set[int] = set()
    for p in preds:
        if any(_overlap(ig, (p.start, p.end)) for ig in case.ignore) and not any(
            _overlap(span, (p.start, p.end)) for span, _ in case.gold if span
        ):
            continue
        hit = None
        for gi, (span, vals) in enumerate(case.gold):
            if gi in matched_gold or span is None:
                continue
            if _overlap(span, (p.start, p.end)) and (not with_values or _value_ok(p.value, vals)):
                hit = gi
                break
        if hit is None:
            s.fp += 1
        else:
            matched_gold.add(hit)
            s.tp += 1
    s.fn += len(case.gold) - len(matched_gold)
    return s


# ------------------------------------------------------------------------------ suites


def _duration_key(amount: Decimal | float | int, unit: str) -> tuple[str, str]:
    """Canonical (amount, unit): months for month/quarter/year, days for day/week."""
    a = Decimal(str(amount))
    if unit in ("year", "quarter", "month", "decade"):
        a = a * {"year": 12, "quarter": 3, "month": 1, "decade": 120}[unit]
        unit = "month"
    elif unit in ("week", "fortnight"):
        a = a * {"week": 7, "fortnight": 14}[unit]
        unit = "day"
    elif unit in ("hour", "minute", "second"):
        a = a * {"hour": 3600, "minute": 60, "second": 1}[unit]
        unit = "second"
    return (f"{a.normalize():f}", unit)


_TIMEX = re.compile(r"^P(T?)([\d.]+)(BD|[YMWDHS])$")


def _timex_duration(timex: str) -> tuple[str, str] | None:
    m = _TIMEX.match(timex)
    if not m:
        return None
    time_part, amount, code = m.groups()
    unit = {
        ("", "Y"): "year", ("", "M"): "month", ("", "W"): "week", ("", "D"): "day",
        ("", "BD"): "day", ("T", "H"): "hour", ("T", "M"): "minute", ("T", "S"): "second",
    }.get((time_part, code))  # fmt: skip
    return _duration_key(Decimal(amount), unit) if unit else None


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        d = datetime.fromisoformat(value[:10]).date()
    except ValueError:
        return None
    return None if d.year < 1000 else d


def _load_spec(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig") as fh:
        return json.load(fh)


def recognizers_suite(
    path: Path, kind: str, with_values: bool, type_name: str | None = None
) -> list[Case]:
    cases: list[Case] = []
    for item in _load_spec(path):
        text = item["Input"]
        ref = None
        ctx = item.get("Context") or {}
        if ctx.get("ReferenceDateTime"):
            ref = _iso_date(ctx["ReferenceDateTime"])
        gold: list[tuple[Span | None, set]] = []
        ignore: list[Span] = []
        for r in item.get("Results", []):
            start = r.get("Start")
            if start is None:
                start = text.lower().find(r["Text"].lower())
            end = r.get("End")
            end = end + 1 if end is not None else start + r.get("Length", len(r["Text"]))
            rtype = r.get("TypeName") or r.get("Type")
            if type_name and rtype != type_name:
                ignore.append((start, end))
                continue
            values: set = set()
            if with_values:
                if kind == "duration":
                    timex = (r.get("Value") or {}).get("Timex")
                    key = _timex_duration(timex) if timex else None
                    if key:
                        values.add(key)
                elif "Value" in r:
                    for res in ("FutureResolution", "PastResolution"):
                        d = _iso_date(((r["Value"] or {}).get(res) or {}).get("date"))
                        if d:
                            values.add(d)
                elif "Resolution" in r:
                    for v in r["Resolution"].get("values", []):
                        d = _iso_date(v.get("value"))
                        if d:
                            values.add(d)
                if not values:
                    values.add("<unresolvable>")  # gold says "no valid date" (e.g. Feb 30)
            gold.append(((start, end), values))
        cases.append(Case(text, gold, ignore, ref, kind))
    return cases


def _cuad_date(answer: str) -> date | None:
    m = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\s*", answer or "")
    if not m:
        return None
    mo, d, y = int(m.group(1)), int(m.group(2)), m.group(3)
    year = two_digit_year(int(y)) if len(y) == 2 else int(y)
    try:
        return date(year, mo, d)
    except ValueError:
        return None


_DUR_ANSWER = re.compile(r"(\d+(?:\.\d+)?)\)?\s*(day|week|month|year)s?", re.I)


def _cuad_durations(answer: str) -> list[tuple[str, str]]:
    return [_duration_key(Decimal(a), u.lower()) for a, u in _DUR_ANSWER.findall(answer or "")]


def _paragraph(text: str, start: int, end: int, limit: int = 400) -> tuple[int, int]:
    lo = max(0, start - limit)
    left = text.rfind("\n\n", lo, start)
    s = left + 2 if left >= 0 else lo
    hi = min(len(text), end + limit)
    right = text.find("\n\n", end, hi)
    e = right if right >= 0 else hi
    return s, e


def cuad_rows(shared: Path) -> list[dict]:
    with open(shared / "data/cuad/master_clauses_dev.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@functools.lru_cache(maxsize=1)
def _cuad_txt_files(folder: Path) -> dict[str, Path]:
    """CUAD text files by :func:`~contract_analyzer.tagging.training.cuad.file_key`."""
    return {file_key(p.name): p for p in folder.glob("*.txt")}


def cuad_text(shared: Path, filename: str) -> str | None:
    """The text of a CUAD contract, matched by ``file_key``: the CSV's file names keep "&",
    "'" and accents that the text files' names replace ("A&R" -> "A_R")."""
    path = _cuad_txt_files(shared / "data/cuad/txt").get(file_key(filename))
    return path.read_text(encoding="utf-8", errors="replace") if path else None


def cuad_suites(shared: Path, limit: int | None) -> tuple[dict[str, list[Case]], dict[str, int]]:
    rows = cuad_rows(shared)[:limit] if limit else cuad_rows(shared)
    suites: dict[str, list[Case]] = {k: [] for k in ("cuad_openings", "cuad_agreement_date", "cuad_effective_date", "cuad_expiration_date", "cuad_renewal_term", "cuad_notice_period")}  # fmt: skip
    skipped: dict[str, int] = dict.fromkeys(suites, 0)
    for row in rows:
        text = cuad_text(shared, row["Filename"])
        if text is None:
            continue
        # opening
        window = text[:1500]
        gold_open: list[tuple[Span | None, set]] = []
        partial = False
        for col in ("Agreement Date", "Effective Date"):
            ans = row.get(f"{col}-Answer", "")
            d = _cuad_date(ans)
            spans = ast.literal_eval(row[col] or "[]")
            inside = any(window.find(s[:60]) >= 0 for s in spans if s)
            if inside and d is None and ans:
                partial = True
            if inside and d is not None and all(d not in v for _, v in gold_open):
                gold_open.append((None, {d}))
        if partial:
            skipped["cuad_openings"] += 1
        elif gold_open:
            suites["cuad_openings"].append(Case(window, gold_open))
        for col, suite, kind in (
            ("Agreement Date", "cuad_agreement_date", "date"),
            ("Effective Date", "cuad_effective_date", "date"),
            ("Expiration Date", "cuad_expiration_date", "date"),
            ("Renewal Term", "cuad_renewal_term", "duration"),
            ("Notice Period To Terminate Renewal", "cuad_notice_period", "duration"),
        ):
            spans = [s for s in ast.literal_eval(row[col] or "[]") if s]
            answer = row.get(f"{col}-Answer") or row.get(f"{col}- Answer") or ""
            if not spans or not answer:
                continue
            if kind == "date":
                d = _cuad_date(answer)
                if d is None:
                    skipped[suite] += 1
                    continue
                gold = [(None, {d})]
            else:
                keys = _cuad_durations(answer)
                if not keys or "perpetual" in answer.lower():
                    skipped[suite] += 1
                    continue
                gold = [(None, {k}) for k in dict.fromkeys(keys)]
            pieces: list[str] = []
            for s in spans:
                first = s.split("<omitted>")[0]
                at = text.find(first[:80])
                if at >= 0 and kind == "date" and len(first) < 200:
                    a, b = _paragraph(text, at, at + len(first))
                    pieces.append(text[a:b])
                else:
                    pieces.append(s.replace("<omitted>", " "))
            suites[suite].append(Case("\n\n".join(dict.fromkeys(pieces)), gold, kind=kind))
    return suites, skipped


# ------------------------------------------------------------------------------- runner


SELECTED_TOOLS: list[str] = list(TOOLS)


def run_suite(
    name: str, cases: list[Case], with_values: bool, tools: Iterable[str]
) -> dict[str, Score]:
    out: dict[str, Score] = {}
    for tool in tools:
        total = Score()
        fn = TOOLS[tool]
        for case in cases:
            total.add(score_case(case, fn(case), with_values))
        out[tool] = total
    return out


def print_table(results: dict[str, dict[str, Score]], sizes: dict[str, int]) -> None:
    tools = list(SELECTED_TOOLS)
    head = f"{'suite':32s} {'n':>5s} " + " ".join(f"{t + ' P/R/F1':>24s}" for t in tools)
    print(head)
    print("-" * len(head))
    for suite, by_tool in results.items():
        cells = []
        for t in tools:
            s = by_tool.get(t)
            cells.append(f"{s.p:6.3f} {s.r:6.3f} {s.f1:6.3f}    " if s else f"{'-':>24s}")
        best = max(tools, key=lambda t: by_tool[t].f1 if t in by_tool else -1)
        print(
            f"{suite:32s} {sizes[suite]:5d} "
            + " ".join(f"{c:>24s}" for c in cells)
            + f"  best: {best}"
        )


def split_of(filename: str) -> str:
    """ "tune" or "eval": a fixed half of the CUAD contracts by a hash of the file name. Rules
    are tuned by reading the misses of the tune half only; the eval half is scored, not read."""
    import hashlib

    return "tune" if hashlib.sha256(filename.encode()).digest()[0] % 2 == 0 else "eval"


_PARTIAL = re.compile(r"\s*(\d{1,2}|\[\s*\])/(\d{1,2}|\[\s*\])/(\d{4}|\d{2}|[\d\[\] ]+)\s*")


def _cuad_partial(answer: str) -> tuple[int | None, int | None, int | None] | None:
    """(month, day, year) of an answer with blanks ("[]/[]/2016", "07/[]/2003"), the
    blanks as None; None when the answer is not a partial date."""
    m = _PARTIAL.fullmatch(answer or "")
    if not m or _cuad_date(answer) is not None:
        return None

    def num(x: str) -> int | None:
        return int(x) if x.isdigit() else None

    year = num(m.group(3))
    if year is not None and len(m.group(3)) == 2:
        year = two_digit_year(year)
    return num(m.group(1)), num(m.group(2)), year


def _partial_ok(got: date | None, parts: tuple[int | None, int | None, int | None]) -> bool:
    """A date agrees with a partial answer on every part the answer gives (at least one)."""
    if got is None or all(x is None for x in parts):
        return False
    return all(
        want is None or want == have
        for want, have in zip(parts, (got.month, got.day, got.year), strict=True)
    )


KEY_DATE_METRICS: tuple[tuple[str, str], ...] = (
    ("agreement_date", "agreement date, exact (date answers)"),
    ("effective_date", "effective date, exact (bar >= 0.95)"),
    ("expiration_date", "expiration, exact last day (date answers)"),
    ("expiration_anniversary", "expiration, last day or anniversary"),
    ("expiration_near", "expiration within one day (bar >= 0.85)"),
    ("expiration_perpetual", "expiration 'perpetual' answers: open-ended"),
    ("expiration_partial", "expiration partial answers: parts agree"),
    ("expiration_any", "expiration, every non-empty answer"),
    ("renewal_term", "renewal term"),
    ("notice_period_to_terminate_renewal", "notice period to terminate renewal"),
    ("agreement+effective", "agreement+effective (bar >= 0.90)"),
)


def _miss_kind(key: object) -> str:
    """What a wrong key date was instead: nothing, open-ended, unresolved, or a date by its method."""
    if key is None:
        return "nothing"
    value = getattr(key, "value", None)
    if value in ("perpetual", "evergreen", "unresolved", "unknown"):
        return "open-ended" if value in ("perpetual", "evergreen") else str(value)
    derivation = getattr(key, "derivation", "") or ""
    if " + " in derivation or "anniversary" in derivation:
        return "counted"
    return "stated" if getattr(key, "date", None) is not None else "other"


def key_date_accuracy(shared: Path, limit: int | None) -> None:
    """``extract_key_dates`` on whole CUAD contracts against the expert answers, for the tune
    half, the eval half and all contracts.

    The issue-13 bars are on date answers: the effective date exact, the expiration within one
    day (CUAD writes the anniversary of an N-year term, the library the last day). Answers
    that are not dates are counted apart, honestly: "perpetual" answers are right when the
    library finds no end date and says so ("perpetual" or "evergreen"); partial answers
    ("[]/[]/2016") are right when the date found agrees with every part given; the
    "every non-empty answer" line scores all of them together. Misses are listed (``-v``)
    for the tune half only.
    """
    from contract_analyzer.keydates import extract_key_dates

    rows = cuad_rows(shared)[:limit] if limit else cuad_rows(shared)
    stats: dict[tuple[str, str], list[int]] = {}

    def tally(metric: str, split: str, ok: bool) -> None:
        for part in (split, "all"):
            cell = stats.setdefault((metric, part), [0, 0])
            cell[0] += int(ok)
            cell[1] += 1

    t0 = time.perf_counter()
    misses: dict[str, list[str]] = {}
    miss_kinds: Counter[tuple[str, str, str]] = Counter()
    n_docs = 0
    for row in rows:
        text = cuad_text(shared, row["Filename"])
        if text is None:
            continue
        n_docs += 1
        split = split_of(row["Filename"])
        kds = extract_key_dates(text, as_of=date(2021, 1, 1))
        by_kind: dict[str, list] = {}
        for k in kds:
            by_kind.setdefault(k.kind, []).append(k)

        def miss(
            metric: str, gold: object, key: object, split: str = split, name: str = row["Filename"]
        ) -> None:
            miss_kinds[(metric, split, _miss_kind(key))] += 1  # counted for both halves
            if split != "tune":  # misses read: tune half only
                return
            line = f"{name[:60]} gold={gold}"
            if key is None:
                line += " got=nothing"
            else:
                line += f" got={key.date or key.value} <- {key.derivation[:160]}"
                line += f"\n          evidence: {' '.join(key.text.split())[:200]}"
            misses.setdefault(metric, []).append(line)

        for col, kind in (
            ("Agreement Date", "agreement_date"),
            ("Effective Date", "effective_date"),
        ):
            gold = _cuad_date(row.get(f"{col}-Answer", ""))
            if gold is None:
                continue
            key = (by_kind.get(kind) or [None])[0]
            ok = key is not None and key.date == gold
            tally(kind, split, ok)
            tally("agreement+effective", split, ok)
            if not ok:
                miss(kind, gold, key)
        answer = (row.get("Expiration Date-Answer") or "").strip()
        key = (by_kind.get("expiration_date") or [None])[0]
        got = key.date if key is not None else None
        gold = _cuad_date(answer)
        if gold is not None:
            tally("expiration_date", split, got == gold)
            tally("expiration_anniversary", split, got in (gold, gold - timedelta(days=1)))
            near = got is not None and abs((got - gold).days) <= 1
            tally("expiration_near", split, near)
            tally("expiration_any", split, near)
            if not near:
                miss("expiration_near", gold, key)
        elif "perpetual" in answer.lower():
            ok = key is not None and key.value in ("perpetual", "evergreen")
            tally("expiration_perpetual", split, ok)
            tally("expiration_any", split, ok)
            if not ok:
                miss("expiration_perpetual", answer, key)
        elif answer:
            parts = _cuad_partial(answer)
            ok = parts is not None and _partial_ok(got, parts)
            tally("expiration_partial", split, ok)
            tally("expiration_any", split, ok)
            if not ok:
                miss("expiration_partial", answer, key)
        for col, kind in (
            ("Renewal Term", "renewal_term"),
            ("Notice Period To Terminate Renewal", "notice_period_to_terminate_renewal"),
        ):
            answer = row.get(f"{col}-Answer") or row.get(f"{col}- Answer") or ""
            keys = _cuad_durations(answer)
            if not keys or "perpetual" in answer.lower():
                continue
            kd = (by_kind.get(kind) or [None])[0]
            got_key = None
            if kd is not None and kd.value:
                m = _DUR_ANSWER.search(kd.value)
                got_key = _duration_key(Decimal(m.group(1)), m.group(2).lower()) if m else None
            ok = got_key in keys
            tally(kind, split, ok)
            if not ok:
                miss(kind, answer, kd)
    elapsed = time.perf_counter() - t0
    print(
        f"\nKey dates on whole CUAD contracts ({n_docs} of {len(rows)} rows with a text, "
        f"{elapsed:.1f}s); halves by a hash of the file name:"
    )
    print(f"  {'':46s} {'tune':>16s} {'eval':>16s} {'all':>16s}")
    for metric, label in KEY_DATE_METRICS:
        cells = []
        for part in ("tune", "eval", "all"):
            ok, n = stats.get((metric, part), [0, 0])
            cells.append(f"{ok / n:6.3f} ({ok:3d}/{n:3d})" if n else f"{'-':>16s}")
        print(f"  {label:46s} " + " ".join(f"{c:>16s}" for c in cells))
    print("  misses by what was found instead (both halves; the eval half is counted, not read):")
    for metric in sorted({m for m, _, _ in miss_kinds}):
        row_ = {part: ", ".join(f"{k} {n}" for (m, p, k), n in sorted(miss_kinds.items()) if m == metric and p == part)
                for part in ("tune", "eval")}  # fmt: skip
        print(f"    {metric:34s} tune: {row_['tune'] or '-'}; eval: {row_['eval'] or '-'}")
    if VERBOSE:
        for metric, items in misses.items():
            print(f"  misses {metric} (tune half):")
            for line in items[:60]:
                print("    ", line)


_ROLE_ITEM = re.compile(r"^(?P<name>.*?)\s*\(\s*[\"“”'‘’]")


def _norm_name(name: str) -> str:
    name = re.sub(r"\b(?:the)\b", " ", name.lower())
    return " ".join(re.findall(r"[a-z0-9]+", name))


def _gold_parties(row: dict) -> tuple[list[str], list[str]]:
    """(legal names, all gold strings) of a CUAD row. The "Parties-Answer" column lists
    'NAME ("Role"); NAME ("Role")': the legal names are the NAME parts, except group items
    whose NAME is made of the other items' roles ("Lender, Endorser and Fitness")."""
    strings = [s for s in ast.literal_eval(row["Parties"] or "[]") if s]
    items = [i.strip() for i in (row.get("Parties-Answer") or "").split(";") if i.strip()]
    roles: set[str] = set()
    names: list[str] = []
    for item in items:
        m = _ROLE_ITEM.match(item)
        name = m.group("name") if m else item
        roles.update(_norm_name(r) for r in re.findall(r"[\"“]([^\"“”]+)[\"”]", item))
        if name.strip():
            names.append(name.strip(" ,;"))
    legal = []
    for name in names:
        words = set(_norm_name(re.sub(r"\b(?:and|or|collectively|each)\b", " ", name)).split())
        if not words or words <= {w for r in roles for w in r.split()}:
            continue  # a group of roles, not a legal name
        legal.append(name)
    return legal, strings


def _name_match(got: str, gold: str) -> bool:
    a, b = _norm_name(got), _norm_name(gold)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    # "deltathree com inc" vs "deltathree com inc formerly known as delta three inc"
    return len(short.split()) >= 2 and (
        long_.startswith(short + " ") or long_.endswith(" " + short)
    )


def party_accuracy(shared: Path, limit: int | None) -> None:
    """Parties from CUAD preambles against the "Parties" answers.

    * legal-name coverage: share of contracts where every gold legal name (the NAME parts
      of the 'NAME ("Role")' answer) is matched by an extracted party name;
    * legal-name recall: share of gold legal names matched;
    * name precision: share of extracted names that match a gold legal name or a gold string;
    * gold-string recall (all strings of the "Parties" column, roles included, matched by an
      extracted name or role): the older, looser figure.
    """
    from contract_analyzer.facts import extract_parties

    rows = cuad_rows(shared)[:limit] if limit else cuad_rows(shared)
    covered = n_contracts = legal_hit = legal_n = prec_hit = prec_n = str_hit = str_n = 0
    misses: list[str] = []
    t0 = time.perf_counter()
    for row in rows:
        text = cuad_text(shared, row["Filename"])
        if text is None:
            continue
        legal, strings = _gold_parties(row)
        if not legal:
            continue
        parties = extract_parties(text)
        names = [p.name for p in parties]
        found = [any(_name_match(n, g) for n in names) for g in legal]
        n_contracts += 1
        covered += all(found)
        legal_hit += sum(found)
        legal_n += len(found)
        for n in names:
            prec_n += 1
            prec_hit += any(_name_match(n, g) for g in legal + strings)
        got_all = names + [p.role for p in parties if p.role]
        for g in strings:
            str_n += 1
            str_hit += any(_norm_name(x) == _norm_name(g) for x in got_all)
        if not all(found):
            misses.append(
                f"{row['Filename'][:50]} gold={legal} got={[(p.name, p.role) for p in parties]}"
            )
    elapsed = time.perf_counter() - t0
    print(
        f"\nParties on CUAD preambles ({n_contracts} contracts with gold legal names, {elapsed:.1f}s):"
    )
    print(
        f"  {'contracts with every legal name found':40s} {covered / max(1, n_contracts):6.3f}  ({covered}/{n_contracts})"
    )
    print(
        f"  {'legal-name recall':40s} {legal_hit / max(1, legal_n):6.3f}  ({legal_hit}/{legal_n})"
    )
    print(
        f"  {'extracted-name precision':40s} {prec_hit / max(1, prec_n):6.3f}  ({prec_hit}/{prec_n})"
    )
    print(
        f"  {'gold-string recall (names and roles)':40s} {str_hit / max(1, str_n):6.3f}  ({str_hit}/{str_n})"
    )
    if VERBOSE:
        for line in misses[:60]:
            print("    miss", line)


def speed(shared: Path, n_sentences: int, rounds: int = 7) -> None:
    """Sentences per second on CUAD sentences, measured in CPU time of this process.

    The machine is shared and its speed drifts, so the tools are interleaved finely: each
    round walks the sentences in chunks of 100 and runs every tool on each chunk (in a
    rotating order) before moving on; the ratio to datefinder is taken within each round and
    the median over the rounds is reported, with the spread.
    """
    import datefinder
    from dateparser.search import search_dates

    from contract_analyzer.facts import extract_dates_many

    files = sorted((shared / "data/cuad/txt").glob("*.txt"))[::10]
    sentences: list[str] = []
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        sentences += [s.strip() for s in re.split(r"(?<=[.;:])\s+(?=[A-Z(])", text) if s.strip()]
        if len(sentences) >= n_sentences:
            break
    sentences = sentences[:n_sentences]
    sub = sentences[: max(50, n_sentences // 10)]
    extract_dates("warm up on March 1, 2024")
    list(datefinder.find_dates("warm up on March 1, 2024"))

    def per_call(fn: Callable[[str], object]) -> Callable[[list[str]], None]:
        def run(items: list[str]) -> None:
            for s in items:
                fn(s)

        return run

    tools: dict[str, Callable[[list[str]], None]] = {
        "ours (one call per sentence)": per_call(extract_dates),
        "ours (nlp.pipe batches)": lambda items: extract_dates_many(items),
        "datefinder": per_call(lambda s: list(datefinder.find_dates(s, index=True))),
    }
    chunks = [sentences[i : i + 100] for i in range(0, len(sentences), 100)]
    names = list(tools)
    per_round: list[dict[str, float]] = []
    for r in range(rounds):
        spent = dict.fromkeys(names, 0.0)
        for k, chunk in enumerate(chunks):
            order = names[(r + k) % len(names) :] + names[: (r + k) % len(names)]
            for name in order:
                t0 = time.process_time()
                tools[name](chunk)
                spent[name] += time.process_time() - t0
        per_round.append({name: len(sentences) / max(v, 1e-9) for name, v in spent.items()})
    t0 = time.process_time()
    for s in sub:
        search_dates(s, languages=["en"])
    dateparser_rate = len(sub) / max(time.process_time() - t0, 1e-9)

    def median(values: list[float]) -> float:
        return sorted(values)[len(values) // 2]

    print(
        f"\nSpeed on {len(sentences)} CUAD sentences (mean {sum(map(len, sentences)) / len(sentences):.0f} chars), "
        f"sentences per CPU-second, median of {rounds} interleaved rounds:"
    )
    for name in names:
        print(f"  {name:30s} {median([r[name] for r in per_round]):9.0f}")
    print(
        f"  {'dateparser.search_dates':30s} {dateparser_rate:9.0f}  (on {len(sub)} sentences, one pass)"
    )
    for label, name in (("per call", names[0]), ("batched", names[1])):
        ratios = sorted(r[name] / r["datefinder"] for r in per_round)
        print(
            f"  ratio ours/datefinder {label:8s}: median {median(ratios):.2f} "
            f"(min {ratios[0]:.2f}, max {ratios[-1]:.2f} over {rounds} rounds)"
        )


VERBOSE = False


def main(argv: list[str] | None = None) -> int:
    global VERBOSE
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a subset of CUAD (fast)")
    parser.add_argument(
        "--spec", action="append", default=[], help="extra Recognizers-format JSON suite (dates)"
    )
    parser.add_argument("--no-keydates", action="store_true")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--no-parties", action="store_true")
    parser.add_argument("--only", help="run only suites whose name contains this")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset of tools")
    args = parser.parse_args(argv)
    VERBOSE = args.verbose
    SELECTED_TOOLS[:] = [t for t in args.tools.split(",") if t in TOOLS]
    shared = shared_dir()
    if shared is None:
        print("../shared is not beside the project: nothing to measure")
        return 1
    spec_dir = shared / "data/dates/recognizers_text/Specs/DateTime/English"
    suites: dict[str, tuple[list[Case], bool]] = {
        "rt_DateExtractor": (recognizers_suite(spec_dir / "DateExtractor.json", "date", False), False),
        "rt_DateParser": (recognizers_suite(spec_dir / "DateParser.json", "date", True), True),
        "rt_DateTimeModel(date)": (recognizers_suite(spec_dir / "DateTimeModel.json", "date", True, "datetimeV2.date"), True),
        "rt_DurationExtractor": (recognizers_suite(spec_dir / "DurationExtractor.json", "duration", False), False),
        "rt_DurationParser": (recognizers_suite(spec_dir / "DurationParser.json", "duration", True), True),
    }  # fmt: skip
    for extra in args.spec:
        suites[f"extra_{Path(extra).stem}"] = (recognizers_suite(Path(extra), "date", True), True)
    cuad, skipped = cuad_suites(shared, 60 if args.quick else None)
    for name, cases in cuad.items():
        suites[name] = (cases, True)
    results: dict[str, dict[str, Score]] = {}
    sizes: dict[str, int] = {}
    for name, (cases, with_values) in suites.items():
        if args.only and args.only not in name:
            continue
        results[name] = run_suite(name, cases, with_values, SELECTED_TOOLS)
        sizes[name] = len(cases)
    print("Dates and durations: precision / recall / F1 (same inputs for every tool)\n")
    print_table(results, sizes)
    print(
        "CUAD rows left out (partial or non-date answers): "
        + ", ".join(f"{k}={v}" for k, v in skipped.items())
    )
    if not args.no_keydates and not args.only:
        key_date_accuracy(shared, 60 if args.quick else None)
    if not args.no_parties and not args.only:
        party_accuracy(shared, 60 if args.quick else None)
    if not args.no_speed and not args.only:
        speed(shared, 1000 if args.quick else 3000)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
