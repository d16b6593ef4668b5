"""Findings and per-file results: what checks produce and what every report format prints."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from typing import Any

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
CATEGORIES = ("readability", "duplicate", "splice", "stuffing", "claim", "residue", "trust", "input")


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    name: str
    category: str
    severity: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    # Stable across runs and edits elsewhere in the file: rule + the text it points at (+ an index
    # among identical ones). Not part of the JSON report; used by SARIF and baselines.
    fingerprint: str = field(default="", compare=False)

    def sort_key(self) -> tuple:
        return (self.line, self.column, self.rule, self.end_line, self.end_column, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
        }


@dataclass
class FileResult:
    path: str
    words: int = 0
    score: int = 100
    readability: dict[str, float] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    # Corpus checks' per-document records (rule code -> record); not part of any report.
    records: dict[str, Any] = field(default_factory=dict, repr=False)
    suppressions: Any = field(default=None, repr=False)  # the file's healthlint-disable comments
    source: str | None = field(default=None, repr=False)  # kept only for the HTML report

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "words": self.words,
            "score": self.score,
            "readability": dict(self.readability),
            "findings": [f.to_dict() for f in self.findings],
        }


# How many points one finding costs, and the most one rule may cost a file (see README "Score").
SCORE_COST = {"error": 10, "warning": 4, "info": 1}
SCORE_RULE_CAP = 20


def score(findings: list[Finding]) -> int:
    """0-100, higher is better: 100 minus each finding's cost, each rule capped at 20 points."""
    per_rule: dict[str, int] = {}
    for f in findings:
        per_rule[f.rule] = per_rule.get(f.rule, 0) + SCORE_COST[f.severity]
    penalty = sum(min(SCORE_RULE_CAP, v) for v in per_rule.values())
    return max(0, 100 - penalty)


def fingerprint_base(rule: str, text: str) -> str:
    """Hash of the rule and the normalised text a finding points at (not its line or message)."""
    norm = re.sub(r"\s+", " ", text).strip().lower()[:300]
    return hashlib.sha256(f"{rule}\x00{norm}".encode("utf-8")).hexdigest()[:20]


def number_fingerprints(findings: list[Finding]) -> list[Finding]:
    """Append an occurrence index so identical texts with the same rule stay distinct."""
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        n = seen.get(f.fingerprint, 0)
        seen[f.fingerprint] = n + 1
        out.append(replace(f, fingerprint=f"{f.fingerprint}:{n}"))
    return out
