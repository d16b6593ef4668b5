"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Every active rule is described (id, name, short and full description, default level, ``help``: how
to fix it, and ``helpUri``: its page, when it has one); every finding is a result with its region
(1-based lines and columns, end column exclusive, counted in Unicode code points) and a
``partialFingerprints`` entry that stays the same when lines are added elsewhere in the file. A
finding whose suggestion replaces its span word for word (HL108's plain alternative) carries a
``fixes`` entry: the span deleted, the alternative inserted.
"""

from __future__ import annotations

import os
from pathlib import PurePath
from typing import Any, Iterator
from urllib.parse import quote

from ..ruledocs import rule_url
from ..version import __version__
from . import _SLOT, json_with_items

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    if path == "-":
        return "stdin"
    if os.path.isabs(path):
        return PurePath(path).as_uri()
    return quote(PurePath(path).as_posix())


def rule_descriptor(rule: Any, docs_url: str | None = None) -> dict[str, Any]:
    fix = rule.fix or rule.rationale  # a user rule may give no fix
    url = rule_url(rule.code, docs_url)
    markdown = f"{rule.summary}\n\n**How to fix:** {fix}" + (f"\n\n[Rule documentation]({url})" if url else "")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description or rule.summary},
        **({"helpUri": url} if url else {}),
        "help": {"text": fix, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }


def _results(report: Any, index: dict[str, int]) -> Iterator[dict[str, Any]]:
    from ..findings import score_components

    for fr in report.files:
        # The file's score and its components (README "Score") travel with each of its results.
        props = {"score": fr.score, "scores": score_components(fr.findings, fr.words)} if fr.findings else {}
        for f in fr.findings:
            region: dict[str, Any] = {"startLine": f.line, "startColumn": f.column}
            if (f.end_line, f.end_column) > (f.line, f.column):
                region.update(endLine=f.end_line, endColumn=f.end_column)
            result: dict[str, Any] = {
                "ruleId": f.rule,
                "level": LEVELS[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(fr.path)},
                    "region": region,
                }}],
                "partialFingerprints": {"healthlint/v1": f.fingerprint or f"{f.rule}:{f.line}:{f.column}"},
            }
            if f.replacement is not None and "endLine" in region:
                # The term replaced one for one by its plain alternative (HL108): a fix a viewer can apply.
                result["fixes"] = [{
                    "description": {"text": f"Replace with '{f.replacement}'"},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": artifact_uri(fr.path)},
                        "replacements": [{"deletedRegion": dict(region), "insertedContent": {"text": f.replacement}}],
                    }],
                }]
            if f.rule in index:
                result["ruleIndex"] = index[f.rule]
            result["properties"] = props
            yield result


def _log(report: Any, rules: list, results: Any, docs_url: str | None = None) -> dict[str, Any]:
    """The SARIF log around ``results``; ``rules`` sorted by code."""
    missing = sorted(report.rule_codes() - {r.code for r in rules})
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "healthlint",
                "version": __version__,
                "informationUri": "https://github.com/healthlint/healthlint",
                "rules": [rule_descriptor(r, docs_url) for r in rules] + [{"id": c} for c in missing],
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def stream(report: Any, rules: list | None = None, docs_url: str | None = None, **_: Any) -> Iterator[str]:
    rules = sorted(rules or [], key=lambda r: r.code)
    index = {r.code: i for i, r in enumerate(rules)}
    return json_with_items(_log(report, rules, [_SLOT], docs_url), _results(report, index))

