"""Contract-kind detection accuracy on the sample contracts, Common Paper/Bonterms DOCX and CUAD.

    .venv/bin/python bench/kind_detection.py [--clauses] [--cuad N]

Expected kinds: the sample ground truth; the templates' names; CUAD by the agreement type in the
file name (services/consulting/outsourcing/development -> it_services, hosting -> saas,
maintenance/support -> maintenance_support, licence -> software_license, else generic).
``--clauses`` also tags the clauses (the clause-mix signal, as ``ca.analyze`` does); slower.
Prints accuracy per source and the confusions.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

from contract_analyzer.check.kind import detect_kind
from contract_analyzer.ingest import load_document
from contract_analyzer.resources import PROJECT_DIR, shared_dir

TEMPLATE_KINDS = {
    "bonterms-mutual-nda": "nda",
    "bonterms-professional-services-agreement": "it_services",
    "common-paper-business-associate-agreement": "dpa",
    "common-paper-cloud-service-agreement": "saas",
    "common-paper-csa-click-through": "saas",
    "common-paper-csa-with-ai": "saas",
    "common-paper-csa-with-sla": "saas",
    "common-paper-csa-without-sla": "saas",
    "common-paper-data-processing-agreement": "dpa",
    "common-paper-independent-contractor-agreement": "it_services",
    "common-paper-mutual-nda": "nda",
    "common-paper-one-way-nda": "nda",
    "common-paper-order-form-with-sla": "saas",
    "common-paper-order-form": "saas",
    "common-paper-professional-services-agreement": "it_services",
    "common-paper-statement-of-work": "sow",
}
CUAD_RULES = [
    (r"maintenance|support", "maintenance_support"),
    (r"hosting", "saas"),
    (r"licen[cs]", "software_license"),
    (r"services? agreement|consulting|outsourcing|development agreement", "it_services"),
]


def cuad_kind(name: str) -> str:
    for pattern, kind in CUAD_RULES:
        if re.search(pattern, name, re.IGNORECASE):
            return kind
    return "generic"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--clauses", action="store_true", help="tag clauses for the clause-mix signal"
    )
    parser.add_argument("--cuad", type=int, default=400, help="how many CUAD texts (default all)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    shared = shared_dir()
    cases: list[tuple[str, Path, str]] = []
    truth = yaml.safe_load((PROJECT_DIR / "data/sample_contracts/ground_truth.yaml").read_text())
    for c in truth["contracts"]:
        cases.append(("samples", PROJECT_DIR / "data/sample_contracts" / c["files"][0], c["kind"]))
    if shared:
        for stem, kind in TEMPLATE_KINDS.items():
            cases.append(("templates", shared / "data/templates/docx" / f"{stem}.docx", kind))
        for path in sorted((shared / "data/cuad/txt").glob("*.txt"))[: args.cuad]:
            cases.append(("cuad", path, cuad_kind(path.name)))
    tag = None
    if args.clauses:
        from contract_analyzer.segment import segment
        from contract_analyzer.tagging import tag as tag_fn

        def tag(doc):  # noqa: ANN001, ANN202
            return tag_fn(doc, sections=segment(doc))

    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    confusions: Counter[tuple[str, str]] = Counter()
    t0 = time.perf_counter()
    for source, path, expected in cases:
        doc = load_document(path)
        clauses = tag(doc) if tag else ()
        got = detect_kind(doc, clauses).kind
        total[source] += 1
        right[source] += got == expected
        if got != expected:
            confusions[(expected, got)] += 1
            if args.verbose:
                print(f"  miss {source}: {path.name[:70]} expected {expected}, got {got}")
    elapsed = time.perf_counter() - t0
    for source in total:
        print(
            f"{source:10s} {right[source]:4d}/{total[source]:<4d} = {right[source] / total[source]:.3f}"
        )
    n = sum(total.values())
    print(
        f"{'all':10s} {sum(right.values()):4d}/{n:<4d} = {sum(right.values()) / n:.3f}  ({elapsed:.1f} s)"
    )
    print("confusions (expected -> detected):")
    for (exp, got), k in confusions.most_common(15):
        print(f"  {exp:20s} -> {got:20s} {k}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
