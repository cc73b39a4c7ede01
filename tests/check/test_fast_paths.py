"""The speed paths of the checker give what the plain code gave (issue 17): the shipped YAML
read with the C loader, keyword counts tried only where a phrase's first word is."""

from pathlib import Path

import yaml

from contract_analyzer.check import kind, playbook
from contract_analyzer.check.playbook import shipped_playbooks
from contract_analyzer.resources import yaml_loader
from contract_analyzer.text.casefold import fold_case

PACKAGE = Path(playbook.__file__).resolve().parent.parent


def test_shipped_yaml_reads_the_same_with_the_fast_loader():
    files = sorted(PACKAGE.rglob("*.yaml"))
    assert files
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=yaml_loader()) == yaml.safe_load(text), f  # noqa: S506


def test_playbook_lines_the_same_with_the_fast_loader(monkeypatch):
    for f in sorted((PACKAGE / "check" / "playbooks").glob("*.yaml")):
        fast = playbook._Raw(f)
        monkeypatch.setattr(playbook, "yaml_loader", lambda: yaml.SafeLoader)
        plain = playbook._Raw(f)
        monkeypatch.undo()
        assert (fast.data, fast.lines) == (plain.data, plain.lines), f


def test_invalid_playbook_keeps_the_pure_python_message(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\n  kind: [unclosed\n", encoding="utf-8")
    try:
        yaml.compose(bad.read_text(), Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        want = exc.problem  # type: ignore[attr-defined]
    try:
        playbook._Raw(bad)
    except Exception as exc:  # noqa: BLE001 - PlaybookError, its message checked
        assert want in str(exc)
    else:  # pragma: no cover
        raise AssertionError("no error")


def test_keyword_counts_equal_findall():
    samples = Path(__file__).resolve().parents[2] / "data" / "sample_contracts"
    texts = [
        p.read_text(errors="replace") for p in sorted(samples.glob("source/*"))[:6] if p.is_file()
    ]
    texts.append(
        "Master-Services  agreement MASTER SERVICES AGREEMENT xmaster services; "
        "ſoftware licenſe " + "software license " * 30
    )
    phrases = sorted({ph for b in shipped_playbooks().values() for ph in b.detect.keywords})
    for text in texts:
        folded = fold_case(text)
        for ph in phrases:
            want = min(len(kind._phrase(ph).findall(text)), kind.KEYWORD_CAP)
            assert kind._count(kind._phrase(ph), ph, text, folded, kind.KEYWORD_CAP) == want, ph
