"""Report formats. Each module renders a :class:`~healthlint.engine.Report` to a string.

``text`` (default), ``json`` (the contract's shape). Add a format by writing a module with a
``render(report, **options)`` function and naming it in :data:`FORMATS`.
"""

from __future__ import annotations

import importlib
from typing import Any

FORMATS = {
    "text": "healthlint.report.text",
    "json": "healthlint.report.json",
}


def render(report: Any, fmt: str, **options: Any) -> str:
    module = importlib.import_module(FORMATS[fmt])
    return module.render(report, **options)
