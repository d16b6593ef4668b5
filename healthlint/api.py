"""The library API: lint articles from Python as ``healthlint check`` does.

``healthlint.lint_text`` and ``healthlint.lint_paths`` are these two functions (imported on first
use, so that ``import healthlint`` stays cheap). For more control, :class:`healthlint.engine.Linter`:
``lint_document`` and ``finish`` split a run between machines (see ``docs/design.md``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from .config import Config
from .engine import Linter
from .findings import FileResult, Report

_LINTERS: dict[str, Linter] = {}


def lint_text(text: str, fmt: str = "markdown", config: Config | None = None, path: str = "-") -> FileResult:
    """Lint one article held in memory. A pure function of (text, format, config): the same
    arguments give the same result in any process, so it can be shipped to worker processes or a
    cluster (Dask, Spark). The rule set built for a config is reused within a process."""
    import pickle

    key = hashlib.sha256(pickle.dumps(config)).hexdigest() if config is not None else ""
    linter = _LINTERS.get(key)
    if linter is None:
        linter = _LINTERS[key] = Linter(config)
    return linter.lint_text(text, path, fmt)


def lint_paths(paths: list[str], config: Config | None = None, jobs: int = 1, cache_dir: str | None = None,
               **kwargs: Any) -> Report:
    """Lint files and folders, as ``healthlint check`` does (``jobs`` worker processes;
    ``cache_dir`` to keep results between runs)."""
    linter = Linter(config, **kwargs)
    cache = None
    if cache_dir is not None:
        from .cache import Cache, ruleset_fingerprint

        cache = Cache(Path(cache_dir), ruleset_fingerprint(linter))
    return linter.lint_paths(paths, jobs=jobs, cache=cache)


__all__ = ["lint_paths", "lint_text"]
