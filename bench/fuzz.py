"""Mutation fuzz of the public calls on the sample contracts (data/sample_contracts).

Every input is a mutant of a real sample: bytes flipped, overwritten, cut, duplicated or
spliced; numbers in the PDF syntax replaced by extreme ones; DOCX parts edited as XML (tags cut,
attributes set to huge or negative values, entity declarations added) and re-zipped. Each goes to
a public call, and anything other than a result or a ``ContractAnalyzerError`` is a failure:

- ``load_document(bytes)`` on mutated PDF and DOCX files (most inputs),
- ``analyze(bytes)`` on a share of them (the whole pipeline),
- the text-level extractors (``extract_dates``, ``extract_durations``, ``extract_money``,
  ``extract_percentages``, ``extract_parties``, ``extract_key_dates``) on mutated windows of
  the samples' text.

Printed: inputs per call, outcomes, exceptions other than ContractAnalyzerError (target 0), the
worst time per input and the peak resident memory (the process peak, and the largest rise of
that peak caused by one input). Failing inputs are written to ``--save`` when given.

    nice -n 10 python bench/fuzz.py --load 700 --analyze 100 --text 9200 --seed 2 --minutes 30
"""

from __future__ import annotations

import argparse
import io
import random
import re
import resource
import sys
import time
import traceback
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import contract_analyzer as ca
from contract_analyzer.errors import ContractAnalyzerError

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "sample_contracts"
INTERESTING = [
    b"\x00", b"\xff", b"(", b")", b"<", b">", b"/", b"[", b"]", b"\\", b"0", b"-1",
    b"999999999", b"obj", b"endobj", b"stream", b"endstream", b"%%EOF", b"xref", b"trailer",
]  # fmt: skip
HUGE_NUMBERS = [b"0", b"-1", b"-2147483649", b"2147483648", b"99999999999999999999", b"1e308"]
XML_ATTR_VALUES = ["-1", "0", "99999999", "2147483648", "-99999", "x", "", "1e9", "&#0;"]
XML_INSERTS = [
    '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    "&x;", "&b;", "<w:p><w:r><w:t>", "</w:t></w:r></w:p>", "<w:numPr><w:ilvl w:val='9999'/>"
    "<w:numId w:val='-3'/></w:numPr>", "\x00", "\ud800".encode("utf-8", "surrogatepass").decode(
        "utf-8", "replace"), "<w:tbl><w:tr><w:tc>", "<w:altChunk r:id='rId1'/>",
]  # fmt: skip
TEXT_INSERTS = [
    "31 February 2024", "29/02/2023", "thirty (45) days", "$1,000,000,000,000,000,000",
    "99999999999 months", "0 days", "-5 years", "1st of Smarch", "\u200b", "\x00", "%%%",
    "ninety-nine thousand nine hundred (99,900) business days after the Effective Date",
    "(\"Supplier\")", "between", "and", "12/31/99999", "Q4 FY2025", "€", "½", "\n\n\n",
]  # fmt: skip


@dataclass
class Tally:
    """Outcomes and costs of one public call."""

    inputs: int = 0
    results: int = 0
    errors: Counter = field(default_factory=Counter)  # ContractAnalyzerError subclasses
    failures: list[tuple[str, str, str]] = field(default_factory=list)
    worst_s: float = 0.0
    worst_what: str = ""
    worst_rss_rise_mb: float = 0.0


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


# ---------------------------------------------------------------- byte mutators
def flip_bits(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 32)):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def overwrite(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        token = rng.choice(INTERESTING)
        i = rng.randrange(len(out))
        out[i : i + len(token)] = token
    return bytes(out)


def cut(data: bytes, rng: random.Random) -> bytes:
    i = rng.randrange(len(data))
    j = min(len(data), i + rng.randint(1, max(1, len(data) // 8)))
    return data[:i] + data[j:]


def duplicate(data: bytes, rng: random.Random) -> bytes:
    i = rng.randrange(len(data))
    j = min(len(data), i + rng.randint(1, 4096))
    return data[:j] + data[i:j] * rng.randint(1, 20) + data[j:]


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def insert_random(data: bytes, rng: random.Random) -> bytes:
    i = rng.randrange(len(data))
    return data[:i] + rng.randbytes(rng.randint(1, 512)) + data[i:]


def splice(data: bytes, rng: random.Random, other: bytes) -> bytes:
    return data[: rng.randrange(len(data))] + other[rng.randrange(len(other)) :]


def pdf_numbers(data: bytes, rng: random.Random) -> bytes:
    """Replace numbers of the PDF syntax (object ids, lengths, xref offsets) by extreme ones."""
    spans = [m.span() for m in re.finditer(rb"(?<![A-Za-z0-9])\d{1,10}(?![A-Za-z0-9])", data)]
    if not spans:
        return overwrite(data, rng)
    out = data
    for start, end in sorted(rng.sample(spans, min(len(spans), rng.randint(1, 6))), reverse=True):
        out = out[:start] + rng.choice(HUGE_NUMBERS) + out[end:]
    return out


BYTE_MUTATORS: list[Callable[[bytes, random.Random], bytes]] = [
    flip_bits, overwrite, cut, duplicate, truncate, insert_random, pdf_numbers,
]  # fmt: skip


# ---------------------------------------------------------------- DOCX (XML) mutators
def mutate_xml(text: str, rng: random.Random) -> str:
    choice = rng.randrange(6)
    if choice == 0:  # attribute values
        attrs = list(re.finditer(r'(w:\w+)="[^"]*"', text))
        for m in rng.sample(attrs, min(len(attrs), rng.randint(1, 10))) if attrs else []:
            text = text.replace(m.group(0), f'{m.group(1)}="{rng.choice(XML_ATTR_VALUES)}"', 1)
        return text
    if choice == 1:  # insert markup or entities
        i = rng.randrange(len(text))
        return text[:i] + rng.choice(XML_INSERTS) + text[i:]
    if choice == 2:  # a DOCTYPE at the start
        head = text.find("?>") + 2 if text.startswith("<?xml") else 0
        return text[:head] + rng.choice(XML_INSERTS[:2]) + text[head:]
    if choice == 3:  # cut a run of elements
        tags = [m.start() for m in re.finditer(r"<", text)]
        if len(tags) > 2:
            a, b = sorted(rng.sample(tags, 2))
            return text[:a] + text[b:]
        return text
    if choice == 4:  # duplicate a run of elements (deep numbering, many tables)
        tags = [m.start() for m in re.finditer(r"<w:p[ >]", text)]
        if tags:
            a = rng.choice(tags)
            b = text.find("</w:p>", a)
            if b > a:
                chunk = text[a : b + 6]
                return text[:a] + chunk * rng.randint(2, 200) + text[a:]
        return text
    i = rng.randrange(len(text))  # random characters
    return text[:i] + "".join(chr(rng.randrange(1, 0x3000)) for _ in range(20)) + text[i:]


def mutate_docx(data: bytes, rng: random.Random) -> bytes:
    """Edit one XML part (or the container) of a DOCX and re-zip it."""
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        members = [(info, zin.read(info)) for info in zin.infolist()]
    xml_parts = [
        i for i, (info, _) in enumerate(members) if info.filename.endswith((".xml", ".rels"))
    ]
    out = io.BytesIO()
    target = rng.choice(xml_parts) if xml_parts else -1
    drop = rng.random() < 0.1
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for i, (info, body) in enumerate(members):
            if i == target:
                if drop:
                    continue
                body = mutate_xml(body.decode("utf-8", "replace"), rng).encode("utf-8", "replace")
            zout.writestr(info.filename, body)
    return out.getvalue()


def mutant(seed: bytes, kind: str, rng: random.Random, others: list[bytes]) -> tuple[bytes, str]:
    """One mutant of ``seed`` and the name of the mutation."""
    if kind == "docx" and rng.random() < 0.6:
        return mutate_docx(seed, rng), "docx-xml"
    if rng.random() < 0.08:
        return splice(seed, rng, rng.choice(others)), "splice"
    mutator = rng.choice(BYTE_MUTATORS)
    data = seed
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        data = mutator(data, rng) or data
    return data, mutator.__name__


def mutate_text(text: str, rng: random.Random) -> str:
    start = rng.randrange(max(1, len(text) - 200))
    window = text[start : start + rng.randint(50, 2000)]
    for _ in range(rng.randint(1, 6)):
        i = rng.randrange(len(window) + 1)
        op = rng.randrange(4)
        if op == 0:
            window = window[:i] + rng.choice(TEXT_INSERTS) + window[i:]
        elif op == 1:
            window = window[:i] + window[i + rng.randint(1, 30) :]
        elif op == 2:
            window = (
                window[:i] + "".join(chr(rng.randrange(1, 0x2FFF)) for _ in range(8)) + window[i:]
            )
        else:
            window = window[:i] + window[i : i + 40] * rng.randint(2, 30) + window[i:]
    return window


# ---------------------------------------------------------------- running
def run_one(tally: Tally, name: str, what: str, call: Callable[[], Any], save: Path | None,
            payload: bytes | str) -> None:  # fmt: skip
    tally.inputs += 1
    rss = _rss_mb()
    started = time.perf_counter()
    try:
        call()
        tally.results += 1
    except ContractAnalyzerError as exc:
        tally.errors[type(exc).__name__] += 1
    except Exception as exc:  # noqa: BLE001 - this is what the fuzz looks for
        where = traceback.extract_tb(exc.__traceback__)[-1]
        tally.failures.append(
            (what, f"{type(exc).__name__}: {str(exc)[:160]}", f"{where.filename}:{where.lineno}")
        )
        if save is not None:
            save.mkdir(parents=True, exist_ok=True)
            suffix = ".bin" if isinstance(payload, bytes) else ".txt"
            path = save / f"{name}-{tally.inputs:05d}{suffix}"
            if isinstance(payload, bytes):
                path.write_bytes(payload)
            else:
                path.write_text(payload, encoding="utf-8", errors="surrogatepass")
    elapsed = time.perf_counter() - started
    if elapsed > tally.worst_s:
        tally.worst_s, tally.worst_what = elapsed, what
    tally.worst_rss_rise_mb = max(tally.worst_rss_rise_mb, _rss_mb() - rss)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--load", type=int, default=700, help="load_document inputs")
    parser.add_argument("--analyze", type=int, default=100, help="analyze inputs")
    parser.add_argument("--text", type=int, default=9200, help="text-extractor inputs")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=60.0, help="seconds_per_document")
    parser.add_argument("--save", type=Path, help="folder for inputs that fail")
    parser.add_argument("--every", type=int, default=500, help="progress line every N inputs")
    parser.add_argument(
        "--minutes", type=float, default=0, help="stop the file mutants after this wall time"
    )
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    settings = ca.Settings(seconds_per_document=args.seconds)
    # half the PDFs go through the PDFium engine (the other public reading path, and faster)
    pdfium = settings.replace(pdf_engine="pdfium")
    seeds = [(p.name, p.suffix[1:], p.read_bytes()) for p in sorted(SAMPLES.glob("*.pdf"))]
    seeds += [(p.name, "docx", p.read_bytes()) for p in sorted(SAMPLES.glob("*.docx"))]
    raw = [data for _, _, data in seeds]
    texts = [ca.load_document(data).text for data in raw]
    tallies: dict[str, Tally] = defaultdict(Tally)
    started = time.perf_counter()
    print(
        f"{len(seeds)} seed files; peak RSS after loading the seeds {_rss_mb():,.0f} MB", flush=True
    )

    def progress(done: int, total: int) -> None:
        if done % args.every == 0:
            bad = sum(len(t.failures) for t in tallies.values())
            print(f"  {done}/{total} inputs, {bad} failures, {time.perf_counter() - started:,.0f} s",
                  flush=True)  # fmt: skip

    total = args.load + args.analyze + args.text
    done = 0
    stop_at = started + args.minutes * 60 if args.minutes else None

    def out_of_time() -> bool:
        return stop_at is not None and time.perf_counter() > stop_at

    extractors: list[tuple[str, Callable[[str], Any]]] = [
        ("extract_dates", ca.extract_dates),
        ("extract_durations", ca.extract_durations),
        ("extract_money", ca.extract_money),
        ("extract_percentages", ca.extract_percentages),
        ("extract_parties", ca.extract_parties),
        ("extract_key_dates", ca.extract_key_dates),
    ]
    for i in range(args.text):  # the cheap calls first, then the files until time runs out
        text = mutate_text(rng.choice(texts), rng)
        call_name, fn = extractors[i % len(extractors)]
        run_one(tallies[call_name], call_name, f"text[{len(text)}]",
                lambda t=text, f=fn: f(t), args.save, text)  # fmt: skip
        done += 1
        progress(done, total)
    # load the models once, outside the timings
    ca.analyze(b"This Agreement is made on 1 March 2024 between Alpha Ltd and Beta Ltd.")
    # file mutants: one in every (load + analyze) / analyze goes through the whole pipeline
    plan = ["analyze"] * args.analyze + ["load"] * args.load
    rng.shuffle(plan)
    for call in plan:
        if out_of_time():
            print(f"  time budget of {args.minutes:g} min reached: stopping", flush=True)
            break
        name, kind, data = rng.choice(seeds)
        data, how = mutant(data, kind, rng, raw)
        if call == "analyze":
            run_one(tallies["analyze"], "analyze", f"{name}/{how}",
                    lambda d=data: ca.analyze(d, settings=settings), args.save, data)  # fmt: skip
        else:
            chosen = pdfium if kind == "pdf" and rng.random() < 0.5 else settings
            engine = "/pdfium" if chosen is pdfium else ""
            run_one(tallies["load_document"], "load", f"{name}/{how}{engine}",
                    lambda d=data, s=chosen: ca.load_document(d, settings=s), args.save, data)  # fmt: skip
        done += 1
        progress(done, total)

    print()
    print(f"{'call':<20} {'inputs':>7} {'results':>8} {'CA errors':>10} {'OTHER':>6} "
          f"{'worst s':>8} {'worst RSS rise MB':>18}  worst input")  # fmt: skip
    for call_name, t in tallies.items():
        print(f"{call_name:<20} {t.inputs:>7} {t.results:>8} {sum(t.errors.values()):>10} "
              f"{len(t.failures):>6} {t.worst_s:>8.2f} {t.worst_rss_rise_mb:>18.1f}  {t.worst_what}")  # fmt: skip
    inputs = sum(t.inputs for t in tallies.values())
    failures = [(c, f) for c, t in tallies.items() for f in t.failures]
    print(f"\ntotal inputs {inputs}; exceptions other than ContractAnalyzerError: {len(failures)}")
    print(
        f"peak RSS of the process {_rss_mb():,.0f} MB; wall time {time.perf_counter() - started:,.0f} s"
    )
    errors = Counter()
    for t in tallies.values():
        errors.update(t.errors)
    print("ContractAnalyzerError kinds:", dict(errors.most_common()))
    for call_name, (what, error, where) in failures[:50]:
        print(f"FAIL {call_name} {what}: {error} at {where}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
