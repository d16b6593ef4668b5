"""healthlint: lint health articles for SEO damage and readability.

Library use::

    from healthlint import lint_text, lint_paths
    result = lint_text(markdown_source, "markdown")
    for finding in result.findings:
        print(finding.line, finding.rule, finding.message)
"""

from __future__ import annotations

from typing import Any

from .version import __version__

__all__ = ["__version__", "lint_text", "lint_paths"]


def lint_text(text: str, fmt: str = "markdown", config: Any = None, path: str = "-") -> Any:
    """Lint one article held in memory; returns a FileResult (findings, score, readability)."""
    from .api import lint_text as _lint_text

    return _lint_text(text, fmt, config, path)


def lint_paths(paths: list[str], config: Any = None, **kwargs: Any) -> Any:
    """Lint files and folders as ``healthlint check`` does; returns a Report."""
    from .api import lint_paths as _lint_paths

    return _lint_paths(paths, config, **kwargs)
