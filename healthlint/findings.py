"""Findings, per-file results and a run's report: what checks produce and what every report format
prints."""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, field, replace
from typing import Any, Iterator

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}


def lower_severity(severity: str, cap: "str | None") -> str:
    """``severity`` lowered to ``cap`` when a hit asks for less (never raised by it)."""
    if cap in SEVERITY_RANK and SEVERITY_RANK[cap] < SEVERITY_RANK[severity]:
        return cap
    return severity


CATEGORIES = ("readability", "duplicate", "splice", "stuffing", "claim", "residue", "trust", "seo", "input")


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
    # About the whole page (a reading grade, a missing author), not a span of it: the score counts
    # such a rule once, and a span rule by how often it fires per 1,000 words.
    whole: bool = field(default=False, compare=False)
    # What to write instead (a plain-language alternative): the JSON key "suggestion" when set.
    suggestion: str | None = field(default=None, compare=False)
    # The text that replaces the span one for one (SARIF fixes); None when it needs rephrasing.
    replacement: str | None = field(default=None, compare=False)
    # The score component the finding counts toward when its rule names one (``score_component``
    # in the rule file); None: the one its category gives (:data:`COMPONENT_OF`).
    component: str | None = field(default=None, compare=False)

    def sort_key(self) -> tuple:
        return (self.line, self.column, self.rule, self.end_line, self.end_column, self.message)

    def to_dict(self) -> dict[str, Any]:
        d = {
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
        if self.suggestion is not None:
            d["suggestion"] = self.suggestion
        return d


@dataclass
class FileResult:
    path: str
    words: int = 0
    score: int = 100
    readability: dict[str, float] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    # Readability per section (articles with subheadings): the JSON key "sections" when not empty.
    sections: list[dict[str, Any]] = field(default_factory=list)
    # Corpus checks' per-document records (rule code -> record); not part of any report.
    records: dict[str, Any] = field(default_factory=dict, repr=False)
    suppressions: Any = field(default=None, repr=False)  # the file's healthlint-disable comments
    source: str | None = field(default=None, repr=False)  # kept only for the HTML report

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "path": self.path,
            "words": self.words,
            "score": self.score,
            "scores": score_components(self.findings, self.words),
            "readability": dict(self.readability),
        }
        if self.sections:
            d["sections"] = [dict(s) for s in self.sections]
        d["findings"] = [f.to_dict() for f in self.findings]
        return d


@dataclass
class Report:
    """One run's results: a FileResult per file, in path order (a list, or a
    :class:`~healthlint.store.ResultStore` on disk for large runs). Every report format prints one."""

    files: list[FileResult] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return list(self.iter_findings())

    def iter_findings(self) -> Iterator[Finding]:
        for fr in self.files:
            yield from fr.findings

    def severity_counts(self) -> dict[str, int]:
        """Findings per severity, error first (kept by a store of results, else counted)."""
        counts = getattr(self.files, "severity_counts", None)
        if counts is not None:
            return counts()
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.iter_findings():
            out[f.severity] += 1
        return out

    def rule_codes(self) -> set[str]:
        codes = getattr(self.files, "rule_codes", None)
        return codes() if codes is not None else {f.rule for f in self.iter_findings()}

    def count_at_or_above(self, level: str) -> int:
        rank = SEVERITY_RANK[level]
        return sum(n for sev, n in self.severity_counts().items() if SEVERITY_RANK[sev] >= rank)


# The score (README "Score", docs/quality.md): what a medical reviewer would rank first.
# Content defects (claims, stuffing, splices, residue, duplicates) per 1,000 words carry most of
# the weight, with diminishing returns; readability and trust are bounded components that cannot by
# themselves take a page with no content defects below SCORE_FLOOR; length does not decide it.
# SEO findings (category seo) are advice for a search team, not defects of the content: they are
# left out of the score entirely (neither in CATEGORY_WEIGHT nor in the bounded components).
# The component each category counts toward; seo and input count toward none. A rule file may name
# another with ``score_component`` (HL604 and HL605: a promotion left undisclosed and a treatment
# sold without its harms are gaps in the evidence the reader is given, not missing metadata).
COMPONENT_OF = {"claim": "evidence", "stuffing": "content", "splice": "content", "residue": "content",
                "duplicate": "content", "readability": "readability", "trust": "trust"}
SCORE_COMPONENTS = ("content", "evidence", "readability", "trust")
DEFECT_WEIGHT = {"error": 3.0, "warning": 2.0, "info": 0.5}  # points per finding, by severity
CATEGORY_WEIGHT = {"claim": 1.0, "stuffing": 1.0, "splice": 1.0, "residue": 1.0, "duplicate": 0.25}
MIN_WORDS = 300  # shorter pages are measured as if they had this many words (no division by ~0)
DECAY = 8.0  # a component is 100 * exp(-points per 1,000 words / DECAY): 8 points -> 37, 2 -> 78
RULE_COST = {"error": 30, "warning": 20, "info": 10}  # readability and trust: the most a rule costs
SPAN_RATE = 2.0  # a span rule (a very long sentence) costs its full RULE_COST at 2 findings per 1,000 words
WEIGHTS = {"content": 0.6, "readability": 0.2, "trust": 0.2}
SCORE_FLOOR = round(100 * WEIGHTS["content"])  # no content defect: never below this


def score_components(findings: list[Finding], words: int = 0) -> dict[str, int]:
    """The score's components, each 0-100, higher is better.

    * ``content``: non-claim content defects (stuffing, splice, residue, duplicate) per 1,000 words;
    * ``evidence``: claim findings per 1,000 words, and the findings of rules that count toward it
      (``score_component: evidence``: undisclosed promotion, harms left out);
    * ``readability``: each readability rule that fires costs up to 30/20/10 points by severity: a
      rule about the whole page (reading grade) its full cost, a rule about spans (a very long
      sentence) in proportion to its findings per 1,000 words, full at ``SPAN_RATE``: a long page
      pays neither more for its length nor less;
    * ``trust``: the same for the trust signals (author, date, references, disclosure, harms).
    """
    per_1000 = 1000.0 / max(words, MIN_WORDS)
    content = evidence = 0.0
    costs: dict[str, dict[str, float]] = {"readability": {}, "trust": {}}
    spans: dict[str, int] = {}
    for f in findings:
        if getattr(f, "suggestion", None) is not None:
            # Wording advice with a plain alternative (HL108): a medical term already raises the
            # syllable count the reading grade measures, so it is not counted twice.
            continue
        component = getattr(f, "component", None) or COMPONENT_OF.get(f.category)
        if component in ("content", "evidence"):
            points = DEFECT_WEIGHT[f.severity] * CATEGORY_WEIGHT.get(f.category, 1.0) * per_1000
            if component == "evidence":
                evidence += points
            else:
                content += points
        elif component in costs:
            rules = costs[component]
            rules[f.rule] = max(rules.get(f.rule, 0), RULE_COST[f.severity])
            if not getattr(f, "whole", False):
                spans[f.rule] = spans.get(f.rule, 0) + 1
    for rule, n in spans.items():
        for rules in costs.values():
            if rule in rules:
                rules[rule] *= min(1.0, n * per_1000 / SPAN_RATE)
    return {
        "content": round(100 * math.exp(-content / DECAY)),
        "evidence": round(100 * math.exp(-evidence / DECAY)),
        "readability": max(0, round(100 - sum(costs["readability"].values()))),
        "trust": max(0, round(100 - sum(costs["trust"].values()))),
    }


def score(findings: list[Finding], words: int = 0) -> int:
    """0-100, higher is better: 60% content and evidence (multiplied), 20% readability, 20% trust.
    A file that could not be read (an error of category ``input``) scores 0."""
    if any(f.category == "input" and f.severity == "error" for f in findings):
        return 0
    c = score_components(findings, words)
    total = (WEIGHTS["content"] * c["content"] * c["evidence"] / 100
             + WEIGHTS["readability"] * c["readability"] + WEIGHTS["trust"] * c["trust"])
    return max(0, min(100, round(total)))


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
