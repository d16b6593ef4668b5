"""JSON report, in the shape ``../shared/CONTRACT.md`` promises (version 1)."""

from __future__ import annotations

import json
from typing import Any

from .. import __version__


def as_dict(report: Any) -> dict[str, Any]:
    by_severity = {"error": 0, "warning": 0, "info": 0}
    for f in report.findings:
        by_severity[f.severity] += 1
    return {
        "version": 1,
        "tool": {"name": "healthlint", "version": __version__},
        "summary": {
            "files": len(report.files),
            "findings": sum(by_severity.values()),
            "by_severity": by_severity,
        },
        "files": [fr.to_dict() for fr in report.files],
    }


def render(report: Any, **_: Any) -> str:
    return json.dumps(as_dict(report), indent=2, ensure_ascii=False) + "\n"
