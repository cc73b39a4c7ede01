"""The parties type read from the preamble, on real documents."""

from pathlib import Path

import numpy as np

from contract_analyzer.document import Document, Source
from contract_analyzer.ingest import load_document
from contract_analyzer.segment import segment
from contract_analyzer.tagging import default_tagger, tag
from contract_analyzer.tagging.headings import headed_units
from contract_analyzer.tagging.parties import apply_parties_rule, preamble_party_units

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "sample_contracts"


def test_preamble_is_the_parties_clause_and_later_mentions_are_not() -> None:
    doc = load_document(SAMPLES / "c02_saas_cobalt_silverline.pdf")
    parties = [c for c in tag(doc) if c.type == "parties"]
    assert len(parties) == 1
    clause = parties[0]
    assert clause.method == "preamble"
    assert "between Cobalt Ledger Cloud, Inc." in " ".join(clause.text.split())
    # the supplier is named again further on (signature block, body): not a parties clause
    assert doc.text.count("Cobalt Ledger Cloud") > 1
    assert clause.end < doc.text.rindex("Cobalt Ledger Cloud")


def test_without_a_preamble_the_classifier_decides() -> None:
    body = (
        "12. Governing Law. This Agreement is governed by the laws of the State of New York.\n\n"
        "13. Notices. Notices to Acme Corp. shall be sent to 1 Main Street, Springfield.\n"
    )
    source = Source(path=None, sha256="0" * 64, format="txt", size_bytes=len(body), page_count=0)
    doc = Document(text=body, pages=(), blocks=(), source=source)
    units = headed_units(doc, segment(doc))
    assert not preamble_party_units(doc, units).any()
    tagger = default_tagger()
    proba = tagger.predict_proba([doc.text[u.start : u.end] for u in units])
    conf, tagged, _ = tagger.decision_rule().decide(proba, units)
    conf2, tagged2, ruled = apply_parties_rule(doc, units, tagger.classes_, conf, tagged)
    assert np.array_equal(tagged, tagged2) and np.array_equal(conf, conf2)
    assert not ruled.any()
