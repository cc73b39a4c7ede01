"""Findings: what the checker says about one component, with the spans that show it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Status = Literal["present", "weak", "missing"]
Severity = Literal["high", "medium", "low", "info"]

STATUSES: tuple[str, ...] = ("present", "weak", "missing")
SEVERITIES: tuple[str, ...] = ("high", "medium", "low", "info")
SEVERITY_RANK: dict[str, int] = {s: i for i, s in enumerate(SEVERITIES)}  # 0 = worst


@dataclass(frozen=True)
class Evidence:
    """A span of ``Document.text`` that supports a finding (text is read through the span)."""

    start: int
    end: int
    page: int | None = None


@dataclass(frozen=True)
class Finding:
    """One statement about a component: present, weak (with why) or missing.

    ``component`` is a taxonomy id (or ``drafting`` for whole-document drafting issues);
    ``rule_id`` is stable (``missing.governing_law``, ``liability.uncapped``, ``present.scope_of_work``).
    """

    component: str
    status: Status
    severity: Severity
    message: str
    rule_id: str
    evidence: tuple[Evidence, ...] = ()

    @property
    def is_issue(self) -> bool:
        """True for weak and missing findings (what a reader must act on)."""
        return self.status != "present"
