"""The builder reproduces the committed files from their sources, byte for byte on a rebuild,
and reports markup mistakes with the file and line."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from samples_support import SAMPLES_DIR, builder, files, pdf_page_texts

ALL_FILES = sorted(name for name, _ in files())


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every contract rebuilt from source into a temporary folder (about 10 s of CPU)."""
    out = tmp_path_factory.mktemp("rebuilt")
    build = builder()
    for source in build.source_files():
        build.build_contract(source, out)
    return out


def _docx_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in ("word/document.xml", "word/numbering.xml")}


@pytest.mark.parametrize("name", ALL_FILES)
def test_committed_file_matches_its_source(name: str, rebuilt: Path) -> None:
    """Text (not bytes: another reportlab version may lay bytes out differently) must match."""
    fresh, committed = rebuilt / name, SAMPLES_DIR / name
    assert fresh.exists(), f"{name} is not produced by build.py"
    if name.endswith(".pdf"):
        assert pdf_page_texts(fresh) == pdf_page_texts(committed), (
            f"{name} is stale: run python data/sample_contracts/build.py"
        )
    else:
        assert _docx_parts(fresh) == _docx_parts(committed), f"{name} is stale"


@pytest.mark.parametrize(
    "name",
    [
        "c05_nda_orchardlane_vantagecrest.pdf",  # two-column page templates
        "c07_support_brightmoor_harbison.pdf",  # embedded letterhead image
        "c12_msa_tessellate_draft.docx",  # numbering and tracked changes
    ],
)
def test_build_is_deterministic(name: str, rebuilt: Path, tmp_path: Path) -> None:
    build = builder()
    source = SAMPLES_DIR / "source" / f"{Path(name).stem}.md"
    build.build_contract(source, tmp_path, formats=[Path(name).suffix[1:]])
    assert (tmp_path / name).read_bytes() == (rebuilt / name).read_bytes()


def test_cli_builds_one_contract(tmp_path: Path) -> None:
    script = SAMPLES_DIR / "build.py"
    run = subprocess.run(
        [sys.executable, str(script), "c11_po_aldercreek_summitridge", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["c11_po_aldercreek_summitridge.pdf"]
    bad = subprocess.run(
        [sys.executable, str(script), "no_such_contract", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2 and "no_such_contract" in bad.stderr


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("# Heading\n\n## See [[nowhere]].\n", "unknown cross reference [[nowhere]]"),
        ("# Heading\n\n## Some **bold text.\n", "unbalanced inline markup"),
        ("::frobnicate\n", "unknown directive"),
    ],
)
def test_markup_mistakes_name_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    build = builder()
    source = tmp_path / "broken.md"
    source.write_text("---\nid: broken\nformats: [pdf]\n---\n" + body, encoding="utf-8")
    with pytest.raises(build.SourceError) as err:
        build.build_contract(source, tmp_path)
    assert message in str(err.value) and "broken.md:" in str(err.value)


def test_missing_front_matter_is_reported(tmp_path: Path) -> None:
    build = builder()
    source = tmp_path / "plain.md"
    source.write_text("# Heading\n", encoding="utf-8")
    with pytest.raises(build.SourceError, match="plain.md: missing front matter"):
        build.parse_source(source)


def test_numbering_mirrors_word_multilevel_lists(tmp_path: Path) -> None:
    build = builder()
    source = tmp_path / "n.md"
    source.write_text(
        "---\nid: n\n---\n# {#a} A\n\n## x\n\n### y\n\n### {#b} z\n\n#### w\n\n## v\n\n"
        "# B\n\n## {#c} u\n\n::restart\n\n# C\n\n## t\n",
        encoding="utf-8",
    )
    contract = build.parse_source(source)
    labels = build.assign_numbers(contract)
    numbers = [b.number for b in contract.blocks if b.numbered]
    assert numbers == ["1.", "1.1", "(a)", "(b)", "(i)", "1.2", "2.", "2.1", "1.", "1.1"]
    assert labels == {"a": "1", "b": "1.1(b)", "c": "2.1"}
