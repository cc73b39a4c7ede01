"""``contract-analyzer report``: the page it writes for the sample folder, read as HTML.

What a browser does with the page is in test_portfolio_browser.py; here: the command's
contract (exit status, last line, usage errors), the page is self-contained, every file has
its row, and the figures on it match the samples' ground truth.
"""

from __future__ import annotations

import dataclasses
import html
from pathlib import Path
from urllib.parse import urlparse

import lxml.html
import yaml
from portfolio_support import (
    BROKEN_NAME,
    HOSTILE_NAME,
    SAMPLE_FILES,
    SAMPLES,
    Built,
    run_cli,
)

GROUND_TRUTH = yaml.safe_load((SAMPLES / "ground_truth.yaml").read_text(encoding="utf-8"))


def _tree(built: Built) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(built.html)


def _rows(tree: lxml.html.HtmlElement, table_id: str) -> list[list[str]]:
    return [
        [" ".join(td.text_content().split()) for td in tr.findall("td")]
        for tr in tree.xpath(f"//table[@id='{table_id}']/tbody/tr")
    ]


def _header(tree: lxml.html.HtmlElement, table_id: str) -> list[str]:
    return [
        " ".join(th.text_content().split())
        for th in tree.xpath(f"//table[@id='{table_id}']/thead/tr/th")
    ]


def _truth(kind: str) -> dict[str, str]:
    """file -> ground-truth key date value (date or ISO duration) of ``kind``."""
    out = {}
    for contract in GROUND_TRUTH["contracts"]:
        for kd in contract.get("key_dates", []):
            if kd["kind"] == kind:
                for file in contract["files"]:
                    out[file] = str(kd.get("date") or kd.get("value"))
    return out


def test_command_reports_what_it_wrote(sample_page: Built) -> None:
    last = sample_page.stdout.strip().splitlines()[-1]
    assert last == (
        f"wrote a report of {len(SAMPLE_FILES)} contracts (0 not analysed) to {sample_page.path}"
    )
    assert sample_page.html.startswith("<!DOCTYPE html>")


def test_one_row_per_file(sample_page: Built) -> None:
    rows = _rows(_tree(sample_page), "contracts-table")
    assert sorted(r[0] for r in rows) == SAMPLE_FILES


def test_page_is_self_contained(sample_page: Built) -> None:
    tree = _tree(sample_page)
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp and "default-src 'none'" in csp[0]
    assert not tree.xpath("//link | //iframe | //object | //embed | //script[@src]")
    for element in tree.iter():
        for name, value in element.attrib.items():
            if name in {"src", "href", "xlink:href", "action", "poster", "srcset"} or name.endswith(
                "}href"
            ):
                target = urlparse(value)
                local_page = (
                    not target.scheme
                    and value.startswith(f"{sample_page.path.stem}_contracts/")
                    and (sample_page.path.parent / value).is_file()
                )  # a contract's own page, written beside the portfolio
                assert value.startswith("#") or target.scheme == "data" or local_page, (
                    f"<{element.tag} {name}={value!r}> points outside the page"
                )
    assert len(tree.xpath("//svg[contains(@class, 'plot')]")) >= 3


def test_notice_deadlines_match_ground_truth(sample_page: Built) -> None:
    tree = _tree(sample_page)
    col = _header(tree, "contracts-table").index("next notice deadline")
    shown = {r[0]: r[col] for r in _rows(tree, "contracts-table")}
    truth = _truth("next_notice_deadline")
    assert truth, "the ground truth lists notice deadlines"
    assert {f: shown[f] for f in truth} == truth


def test_terms_table_matches_ground_truth(sample_page: Built) -> None:
    tree = _tree(sample_page)
    rows = {r[0]: r for r in _rows(tree, "terms-table")}
    assert sorted(rows) == SAMPLE_FILES
    notice = {f: v for f, v in _truth("notice_period_to_terminate_renewal").items()}
    payment = {f: v for f, v in _truth("payment_due_period").items()}
    assert {f: f"P{rows[f][2]}D" for f in notice} == notice
    assert {f: f"P{rows[f][1]}D" for f in payment} == payment
    # liability caps as the contracts state them
    assert rows["c01_msa_meridian_kestrel.pdf"][3] == "fees of 12 months"
    assert (
        rows["c08_dpa_corribbay_saltmarsh.pdf"][3]
        == "greater of 3x fees of 12 months or EUR 2,000,000"
    )
    assert rows["c08_dpa_corribbay_saltmarsh.pdf"][4] == "36.0"
    assert rows["c09_hosting_stratus_pellucid.pdf"][3] == "uncapped"
    assert rows["c10_consulting_ridgeback_granitebay.docx"][3] == "fees of 6 months"
    assert rows["c11_po_aldercreek_summitridge.pdf"][3] == "2x the contract price"


def test_findings_are_worst_first_and_complete(sample_page: Built, sample_portfolio) -> None:
    rows = _rows(_tree(sample_page), "findings-table")
    issues = sample_portfolio.issues()
    assert len(rows) == len(issues) > 0
    order = {"high": 0, "medium": 1, "low": 2, "info": 3}
    ranks = [order[r[0].lower()] for r in rows]
    assert ranks == sorted(ranks)
    # two high-severity findings of the ground truth, as the page shows them
    shown = {(r[1], r[4]) for r in rows}
    assert ("c06_licence_ferrous_cascadia.docx", "missing.governing_law") in shown
    assert ("c09_hosting_stratus_pellucid.pdf", "liability.uncapped") in shown


def test_coverage_heatmap_has_every_contract_and_component(
    sample_page: Built, sample_portfolio
) -> None:
    tree = _tree(sample_page)
    matrix = sample_portfolio.coverage()
    cells = tree.xpath("//table[@id='coverage-table']/tbody/tr/td[@data-status]")
    assert len(cells) == matrix.size == len(SAMPLE_FILES) * len(matrix.columns)
    statuses = [c.get("data-status") for c in cells]
    assert statuses == [s for _, row in matrix.iterrows() for s in row]
    assert set(statuses) >= {"present", "weak", "missing"}


def test_contract_text_and_file_names_are_escaped(hostile_page: Built) -> None:
    page = hostile_page.html
    for payload in ("<script>window.__pwned", "<img src=x onerror"):
        assert payload not in page
    assert html.escape(HOSTILE_NAME, quote=True) in page
    assert html.escape("<script>window.__pwned = 2</script>", quote=True) in page
    tree = lxml.html.fromstring(page)
    assert not tree.xpath("//img")
    assert len(tree.xpath("//script")) == 1  # the page's own


def test_unreadable_file_is_listed_not_fatal(hostile_page: Built) -> None:
    last = hostile_page.stdout.strip().splitlines()[-1]
    assert last == f"wrote a report of 1 contracts (1 not analysed) to {hostile_page.path}"
    assert f"{BROKEN_NAME}: CorruptDocument" in hostile_page.stderr
    tree = _tree(hostile_page)
    assert _rows(tree, "errors-table")[0][:2] == [BROKEN_NAME, "CorruptDocument"]
    assert [r[0] for r in _rows(tree, "contracts-table")] == [HOSTILE_NAME]


def test_output_must_be_html(tmp_path: Path) -> None:
    proc = run_cli("report", str(SAMPLES), "-o", str(tmp_path / "portfolio.pdf"))
    assert proc.returncode == 2
    assert "output must be an .html file" in proc.stderr
    assert not (tmp_path / "portfolio.pdf").exists()


def test_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    proc = run_cli("report", str(tmp_path / "nowhere"), "-o", str(tmp_path / "p.html"))
    assert proc.returncode == 2
    assert "nowhere" in proc.stderr
    assert not (tmp_path / "p.html").exists()


def test_command_and_library_write_the_same_page(
    sample_page: Built, sample_portfolio, tmp_path: Path
) -> None:
    """Deterministic: the same analyses give the same bytes, from the CLI or from Python."""
    same = dataclasses.replace(sample_portfolio, folder=SAMPLES.name)
    title = f"Contract portfolio: {SAMPLES.name}"
    written = same.write_html(tmp_path / sample_page.path.name, title=title)
    assert written.read_text(encoding="utf-8") == sample_page.html
    pages = sorted(p.name for p in (tmp_path / f"{written.stem}_contracts").iterdir())
    assert len(pages) == len(SAMPLE_FILES)
    assert "contracts-table" in same.to_html(title=title)  # the page alone, no links


def test_each_row_links_to_its_contract_page(sample_page: Built) -> None:
    tree = _tree(sample_page)
    header = _header(tree, "contracts-table")
    assert {"counterparty", "value", "current term ends", "auto-renews"} <= set(header)
    links = tree.xpath("//table[@id='contracts-table']//td[1]/a")
    assert sorted(a.text_content() for a in links) == SAMPLE_FILES
    for a in links:
        page = sample_page.path.parent / a.get("href")
        html = page.read_text(encoding="utf-8")
        assert a.text_content() in html and "Content-Security-Policy" in html
        assert "<script" not in html.lower()
        sub = lxml.html.fromstring(html)
        assert sub.xpath("//a/@href") == [f"../{sample_page.path.name}"]
    rows = {r[0]: r for r in _rows(tree, "contracts-table")}
    col = header.index("counterparty")
    assert rows["c02_saas_cobalt_silverline.pdf"][col] == "Cobalt Ledger Cloud, Inc."
