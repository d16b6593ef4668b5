"""JSON report, in the shape ``../shared/CONTRACT.md`` promises (version 1).

Beside the contract's fields, each finding carries ``url`` (its rule's page, when there is one) and
``fix`` (what to do about it, when the rule says), added here from the rules: the findings (and
the cache) do not hold them.
"""

from __future__ import annotations

from typing import Any, Iterator

from ..ruledocs import rule_url
from ..version import __version__
from . import _SLOT, json_with_items


def stream(report: Any, rules: list | None = None, docs_url: str | None = None, **_: Any) -> Iterator[str]:
    by_severity = report.severity_counts()
    head = {
        "version": 1,
        "tool": {"name": "healthlint", "version": __version__},
        "summary": {
            "files": len(report.files),
            "findings": sum(by_severity.values()),
            "by_severity": by_severity,
        },
        "files": [_SLOT],
    }
    fixes = {r.code: r.fix for r in rules or []}
    urls: dict[str, str | None] = {}

    def file_dict(fr: Any) -> dict[str, Any]:
        d = fr.to_dict()
        for f in d["findings"]:
            code = f["rule"]
            if code not in urls:
                urls[code] = rule_url(code, docs_url)
            if urls[code]:
                f["url"] = urls[code]
            if fixes.get(code):
                f["fix"] = fixes[code]
        return d

    return json_with_items(head, report.files, file_dict)
