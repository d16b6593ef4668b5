"""Report formats. Each module renders a :class:`~healthlint.engine.Report` to a string.

``text`` (default), ``json`` (the contract's shape), ``sarif`` (2.1.0, for code scanning),
``github`` (Actions annotations), ``html`` (a self-contained page for editors). Add a format by writing a module with a
``render(report, **options)`` function and naming it in :data:`FORMATS`.
"""

from __future__ import annotations

import importlib
from typing import Any

FORMATS = {
    "text": "healthlint.report.text",
    "json": "healthlint.report.json",
    "sarif": "healthlint.report.sarif",
    "github": "healthlint.report.github",
    "html": "healthlint.report.html",
}


def render(report: Any, fmt: str, **options: Any) -> str:
    module = importlib.import_module(FORMATS[fmt])
    return module.render(report, **options)
