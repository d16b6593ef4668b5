"""The rest of the site, when a run lints only some of its files.

A pre-commit hook (or ``healthlint check changed.md``) names a few files of a git repository. The
cross-file rules (copied paragraphs, boilerplate, duplicate and doorway pages) must still compare
them with every article the repository tracks, or a verbatim copy of an existing article commits
cleanly. :func:`context_files` lists those other tracked articles; the engine lints them through
the result cache (so after the first run only changed files cost anything), gives their records to
the cross-file rules and leaves them out of the report.

Only runs that name files, not folders, get a context: naming a folder says which part of the site
is the run. The articles considered are the tracked files under the config file's folder (the
site), or under the repository's top folder without a config, with healthlint's extensions and the
config's ``exclude`` applied. Outside a git repository, or without git, there is no context.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .config import Config

MAX_CONTEXT = 20_000  # a larger repository is not scanned on every commit


def _git(args: list[str], cwd: str) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    return out.stdout.decode("utf-8", "surrogateescape")


def context_files(paths: list[str], config: "Config") -> list[str]:
    """Tracked articles of the repository that holds the named files, other than those files; []
    when any path is a folder or standard input, or when there is no repository."""
    from .discovery import excluded as _excluded
    from .parsers import EXTENSIONS

    if not paths or any(p == "-" or os.path.isdir(p) for p in paths):
        return []
    first = os.path.dirname(os.path.abspath(paths[0])) or "."
    top = _git(["rev-parse", "--show-toplevel"], first)
    if not top:
        return []
    top_dir = Path(top.strip())
    listing = _git(["ls-files", "-z", "--cached"], str(top_dir))
    if listing is None:
        return []
    site = Path(config.file).parent.resolve() if getattr(config, "file", None) else top_dir.resolve()
    given = {os.path.realpath(p) for p in paths}
    out: list[str] = []
    cwd = os.getcwd()
    for rel in listing.split("\0"):
        if not rel or os.path.splitext(rel)[1].lower() not in EXTENSIONS:
            continue
        full = (top_dir / rel).resolve()
        if site not in full.parents or str(full) in given or not full.is_file():
            continue
        rel = os.path.relpath(full, cwd)
        shown = rel if not rel.startswith("..") else str(full)
        if _excluded(shown, config):
            continue
        out.append(shown)
        if len(out) >= MAX_CONTEXT:
            break
    return sorted(out)
