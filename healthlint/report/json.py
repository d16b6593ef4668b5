"""JSON report, in the shape ``../shared/CONTRACT.md`` promises (version 1)."""

from __future__ import annotations

from typing import Any, Iterator

from .. import __version__
from . import _SLOT, json_with_items


def stream(report: Any, **_: Any) -> Iterator[str]:
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
    return json_with_items(head, report.files, lambda fr: fr.to_dict())

