"""Playbooks: per contract kind, the components required or recommended and the rules that apply.

Playbooks are YAML data (``check/playbooks/<kind>.yaml`` ships one per kind). A user passes a
shipped name (``"saas"``), a path to their own file, or a file that ``extends`` a shipped one
and overrides only their company's policy::

    name: acme-saas
    extends: saas
    rules:
      liability.cap_below_policy: {min_months: 12, severity: high}
      payment.due_period_too_short: {min_days: 45}
      renewal.opt_out_too_long: {max_days: 60}
    required:
      insurance: medium

Files are validated on load; every error names the file, the line and the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from contract_analyzer.check.finding import SEVERITIES
from contract_analyzer.check.rules import load_rules
from contract_analyzer.errors import PlaybookError
from contract_analyzer.resources import yaml_loader
from contract_analyzer.taxonomy import CLAUSE_TYPES

PLAYBOOK_DIR = Path(__file__).resolve().parent / "playbooks"
KINDS: tuple[str, ...] = (
    "it_services",
    "saas",
    "sow",
    "sla",
    "nda",
    "software_license",
    "dpa",
    "maintenance_support",
    "generic",
)
COMPONENTS = frozenset(CLAUSE_TYPES) | {"drafting"}
TOP_KEYS = {"name", "title", "description", "extends", "required", "recommended", "rules", "detect"}
DETECT_KEYS = {"title", "keywords", "clauses"}


@dataclass(frozen=True)
class RuleConfig:
    """A rule as a playbook applies it: its severity and parameters after overrides."""

    id: str
    severity: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DetectSignals:
    """How to recognise this kind: title phrases, body keywords, clause-mix weights."""

    title: Mapping[str, float] = field(default_factory=dict)
    keywords: Mapping[str, float] = field(default_factory=dict)
    clauses: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Playbook:
    """A validated playbook with ``extends`` resolved.

    ``kind`` is the shipped kind it is (or extends); ``required`` and ``recommended`` map a
    component to the severity of its absence.
    """

    name: str
    kind: str
    title: str
    required: Mapping[str, str]
    recommended: Mapping[str, str]
    rules: Mapping[str, RuleConfig]
    detect: DetectSignals = DetectSignals()
    description: str = ""
    source: str = ""

    @property
    def components(self) -> tuple[str, ...]:
        """Required then recommended components, in file order."""
        return tuple(self.required) + tuple(c for c in self.recommended if c not in self.required)

    def expectation(self, component: str) -> str | None:
        """``required``, ``recommended`` or None when the playbook does not ask for it."""
        if component in self.required:
            return "required"
        if component in self.recommended:
            return "recommended"
        return None


# ---------------------------------------------------------------------------------------------
# reading YAML with line numbers


class _Raw:
    """A parsed YAML file: plain values plus the line of every mapping key."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise PlaybookError(path, f"cannot read the playbook ({exc.strerror or exc})") from exc
        except UnicodeDecodeError as exc:
            raise PlaybookError(path, "the playbook is not UTF-8 text") from exc
        try:
            try:
                node = yaml.compose(text, Loader=yaml_loader())
            except yaml.YAMLError:  # the pure-Python parser's message and line, as always
                node = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"line {mark.line + 1}: " if mark is not None else ""
            problem = getattr(exc, "problem", None) or str(exc)
            raise PlaybookError(path, f"{where}invalid YAML ({problem})") from exc
        self.lines: dict[tuple[str, ...], int] = {}
        self._scalars = yaml.constructor.SafeConstructor()
        self.data = self._convert(node, ()) if node is not None else None

    def _convert(self, node: yaml.Node, keypath: tuple[str, ...]) -> Any:
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = str(key_node.value)
                path = (*keypath, key)
                if key in out:
                    self.fail(path, "duplicate key", line=key_node.start_mark.line + 1)
                self.lines[path] = key_node.start_mark.line + 1
                out[key] = self._convert(value_node, path)
            return out
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                self.lines[(*keypath, str(i))] = item.start_mark.line + 1
                items.append(self._convert(item, (*keypath, str(i))))
            return items
        return self._scalars.construct_object(node, deep=True)

    def line(self, keypath: tuple[str, ...]) -> int:
        """The line of the key (or of its nearest parent), 1-based."""
        while keypath:
            if keypath in self.lines:
                return self.lines[keypath]
            keypath = keypath[:-1]
        return 1

    def fail(self, keypath: tuple[str, ...], cause: str, line: int | None = None) -> None:
        key = ".".join(keypath) or "<top>"
        raise PlaybookError(self.path, f"line {line or self.line(keypath)}: key '{key}': {cause}")


# ---------------------------------------------------------------------------------------------
# validation


def _validate(raw: _Raw) -> dict[str, Any]:
    data = raw.data
    if not isinstance(data, dict):
        raw.fail((), "a playbook is a mapping of keys (name, required, recommended, rules, ...)")
    for key in data:
        if key not in TOP_KEYS:
            raw.fail((key,), f"unknown key; expected one of {', '.join(sorted(TOP_KEYS))}")
    for key in ("name", "title", "description", "extends"):
        if key in data and not isinstance(data[key], str):
            raw.fail((key,), "must be a string")
    if "name" not in data and "extends" not in data:
        raw.fail((), "a playbook needs a 'name' (or 'extends' a shipped playbook)")
    for section in ("required", "recommended"):
        value = data.get(section)
        if value is None:
            continue
        if isinstance(value, list):
            value = {str(v): None for v in value}
            data[section] = value
        if not isinstance(value, dict):
            raw.fail(
                (section,), "must be a mapping of component: severity (or a list of components)"
            )
        for comp, sev in value.items():
            if comp not in COMPONENTS:
                raw.fail(
                    (section, comp),
                    f"unknown component; expected a taxonomy id ({', '.join(sorted(COMPONENTS))})",
                )
            if sev is not None and sev is not False and sev not in SEVERITIES:
                raw.fail((section, comp), f"severity must be one of {', '.join(SEVERITIES)}")
    rules = data.get("rules")
    if rules is not None:
        if not isinstance(rules, dict):
            raw.fail(("rules",), "must be a mapping of rule id: parameters")
        registry = load_rules()
        for rule_id, conf in rules.items():
            path = ("rules", rule_id)
            if rule_id not in registry:
                raw.fail(path, f"unknown rule id; known: {', '.join(sorted(registry))}")
            if conf is None or isinstance(conf, bool):
                continue
            if not isinstance(conf, dict):
                raw.fail(path, "must be a mapping of parameters, true, false or empty")
            defaults = registry[rule_id].params
            for pkey, pval in conf.items():
                if pkey == "severity":
                    if pval not in SEVERITIES:
                        raw.fail((*path, pkey), f"severity must be one of {', '.join(SEVERITIES)}")
                    continue
                if pkey not in defaults:
                    known = ", ".join(["severity", *sorted(defaults)])
                    raw.fail((*path, pkey), f"unknown parameter; this rule takes {known}")
                if isinstance(defaults[pkey], (int, float)) and (
                    isinstance(pval, bool) or not isinstance(pval, (int, float)) or pval < 0
                ):
                    raw.fail((*path, pkey), "must be a non-negative number")
    detect = data.get("detect")
    if detect is not None:
        if not isinstance(detect, dict):
            raw.fail(("detect",), "must be a mapping with title, keywords, clauses")
        for key, value in detect.items():
            if key not in DETECT_KEYS:
                raw.fail(("detect", key), f"unknown key; expected {', '.join(sorted(DETECT_KEYS))}")
            if key == "title" and not (
                (isinstance(value, list) and all(isinstance(v, str) for v in value))
                or (
                    isinstance(value, dict)
                    and all(
                        isinstance(v, (int, float)) and not isinstance(v, bool)
                        for v in value.values()
                    )
                )
            ):
                raw.fail(
                    ("detect", key), "must be a list of phrases or a mapping of phrase: weight"
                )
            if key in ("keywords", "clauses"):
                if not isinstance(value, dict) or not all(
                    isinstance(v, (int, float)) and not isinstance(v, bool) for v in value.values()
                ):
                    raw.fail(("detect", key), "must be a mapping of phrase: weight")
                if key == "clauses":
                    for comp in value:
                        if comp not in CLAUSE_TYPES:
                            raw.fail(("detect", key, comp), "unknown clause type")
    return data


# ---------------------------------------------------------------------------------------------
# loading and extends


def _resolve_path(ref: str, relative_to: Path | None) -> Path:
    if ref in KINDS or (PLAYBOOK_DIR / f"{ref}.yaml").is_file():
        return PLAYBOOK_DIR / f"{ref}.yaml"
    path = Path(ref)
    if not path.is_absolute() and relative_to is not None:
        path = relative_to.parent / path
    return path


def _merge(base: Mapping[str, Any], child: Mapping[str, Any]) -> dict[str, Any]:
    """``child`` over ``base``: components and rules override one by one; ``false`` removes."""
    out: dict[str, Any] = {k: v for k, v in base.items() if k not in ("name", "title", "detect")}
    required = dict(base.get("required") or {})
    recommended = dict(base.get("recommended") or {})
    for section, mine, other in (
        ("required", required, recommended),
        ("recommended", recommended, required),
    ):
        for comp, sev in (child.get(section) or {}).items():
            other.pop(comp, None)  # a component lives in one list only
            if sev is False:
                mine.pop(comp, None)
            else:
                mine[comp] = sev
    out["required"], out["recommended"] = required, recommended
    rules = {k: dict(v) if isinstance(v, dict) else v for k, v in (base.get("rules") or {}).items()}
    for rule_id, conf in (child.get("rules") or {}).items():
        if isinstance(conf, dict) and isinstance(rules.get(rule_id), dict):
            rules[rule_id] = {**rules[rule_id], **conf}
        else:
            rules[rule_id] = conf
    out["rules"] = rules
    for key in ("name", "title", "description", "detect"):
        if key in child:
            out[key] = child[key]
    return out


def _load_data(path: Path, seen: tuple[Path, ...] = ()) -> tuple[dict[str, Any], str]:
    """The merged data of a playbook file and the shipped kind at the root of its chain."""
    path = path.resolve()
    if path in seen:
        raise PlaybookError(path, "line 1: key 'extends': playbooks extend each other in a cycle")
    if not path.is_file():
        raise PlaybookError(path, "no such playbook file")
    raw = _Raw(path)
    data = _validate(raw)
    parent_ref = data.get("extends")
    shipped = path.parent == PLAYBOOK_DIR.resolve()
    if parent_ref is None:
        kind = path.stem if shipped and path.stem in KINDS else "generic"
        return data, kind
    parent_path = _resolve_path(parent_ref, path)
    if not parent_path.is_file():
        raw.fail(("extends",), f"no shipped playbook or file named {parent_ref!r}")
    parent, kind = _load_data(parent_path, (*seen, path))
    merged = _merge(parent, data)
    merged.setdefault("name", path.stem)
    if shipped and path.stem in KINDS:
        kind = path.stem
    return merged, kind


def _build(data: Mapping[str, Any], kind: str, source: Path) -> Playbook:
    registry = load_rules()
    rules: dict[str, RuleConfig] = {}
    for rule_id, conf in (data.get("rules") or {}).items():
        if conf is False:
            continue
        conf = conf if isinstance(conf, dict) else {}
        rule = registry[rule_id]
        params = {k: v for k, v in conf.items() if k != "severity"}
        rules[rule_id] = RuleConfig(
            rule_id, conf.get("severity", rule.severity), {**rule.params, **params}
        )
    detect = data.get("detect") or {}
    return Playbook(
        name=str(data.get("name") or source.stem),
        kind=kind,
        title=str(data.get("title") or data.get("name") or source.stem),
        required={
            c: s or "medium" for c, s in (data.get("required") or {}).items() if s is not False
        },
        recommended={
            c: s or "low"
            for c, s in (data.get("recommended") or {}).items()
            if s is not False and c not in (data.get("required") or {})
        },
        rules=rules,
        detect=DetectSignals(
            _weights(detect.get("title")),
            dict(detect.get("keywords") or {}),
            dict(detect.get("clauses") or {}),
        ),
        description=str(data.get("description") or "").strip(),
        source=str(source),
    )


def _weights(value: Any) -> dict[str, float]:
    if isinstance(value, dict):
        return {str(k): float(v) for k, v in value.items()}
    return {str(v): 1.0 for v in value or ()}


@lru_cache(maxsize=64)
def _load_cached(path: Path, mtime: float) -> Playbook:
    data, kind = _load_data(path)
    return _build(data, kind, path)


def load_playbook(playbook: str | Path | Playbook) -> Playbook:
    """A shipped playbook by kind name, or a user's YAML file (which may ``extends`` one)."""
    if isinstance(playbook, Playbook):
        return playbook
    ref = str(playbook)
    path = _resolve_path(ref, None)
    if not path.is_file():
        if isinstance(playbook, str) and not ref.endswith((".yaml", ".yml")) and "/" not in ref:
            raise PlaybookError(ref, f"unknown playbook; shipped playbooks: {', '.join(KINDS)}")
        raise PlaybookError(path, "no such playbook file")
    path = path.resolve()
    return _load_cached(path, path.stat().st_mtime)


def shipped_playbooks() -> dict[str, Playbook]:
    """Every shipped playbook by kind."""
    return {kind: load_playbook(kind) for kind in KINDS}
