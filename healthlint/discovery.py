"""Which files a run lints (the paths given, folders walked, and what is left out), and how each
is read (:func:`read_file`) and named in reports (:func:`display_path`).

Files named on the command line are always linted. Folders are walked in sorted order for the
article extensions, leaving out:

* hidden folders and symlinked folders (as before);
* :data:`DEFAULT_EXCLUDE`: dependency, environment and build folders (``node_modules``, ``venv``,
  ``dist``…) that hold other people's Markdown, never the site's articles;
* what ``.gitignore`` and ``.ignore`` files say, with git's own semantics through the
  ``pathspec`` library (``*`` does not cross folders, ``!`` re-includes, a deeper file overrides a
  shallower one, patterns are relative to the folder of the file that holds them). Ignore files
  are read from the walked folder up to the repository's top (the folder holding ``.git``), plus
  ``.git/info/exclude``. ``respect-gitignore: false`` in the config, or ``--no-respect-gitignore``,
  turns this off;
* the config's ``exclude`` globs (relative to the config's folder).

A folder named on the command line is walked even when an ignore file lists it (as ripgrep does);
only the ignore files inside it then apply.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from .parsers import EXTENSIONS

if TYPE_CHECKING:
    from .config import Config

# Folders that hold installed packages, virtual environments and build output (names, at any depth).
DEFAULT_EXCLUDE = (
    "node_modules", "bower_components", "jspm_packages", "venv", "site-packages", "__pypackages__",
    "dist", "build", "_build", "buck-out", "target", "vendor", "__pycache__",
)
IGNORE_FILES = (".gitignore", ".ignore")


def relative_posix(path: str, root: Path) -> str:
    try:
        return Path(os.path.abspath(path)).relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def glob_match(rel_path: str, pattern: str) -> bool:
    """Glob on a path relative to the config's folder; ``*`` crosses folders; a pattern without a
    slash also matches the file name alone (like .gitignore)."""
    pattern = pattern.rstrip("/")
    if fnmatch.fnmatchcase(rel_path, pattern) or fnmatch.fnmatchcase(rel_path, pattern + "/*"):
        return True
    if "/" not in pattern:
        parts = rel_path.split("/")
        return any(fnmatch.fnmatchcase(p, pattern) for p in parts)
    return False


def excluded(path: str, config: "Config") -> bool:
    """The config's ``exclude`` globs."""
    if not config.exclude:
        return False
    rel = relative_posix(path, config.root)
    return any(glob_match(rel, pat) for pat in config.exclude)


class IgnoreFiles:
    """The ignore files in force for a folder walk: (folder, compiled spec) from the repository's
    top down to the current folder. A path's fate is decided by the last spec that matches it."""

    def __init__(self) -> None:
        self._specs: dict[str, object | None] = {}

    def own(self, folder: str) -> object | None:
        """The compiled ignore patterns of ``folder``'s own ignore files, or None."""
        if folder not in self._specs:
            lines: list[str] = []
            names = list(IGNORE_FILES)
            if os.path.isdir(os.path.join(folder, ".git")):
                names.append(os.path.join(".git", "info", "exclude"))
            for name in names:
                try:
                    with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as fh:
                        lines += fh.read().splitlines()
                except OSError:
                    continue
            spec = None
            if any(ln.strip() and not ln.lstrip().startswith("#") for ln in lines):
                import pathspec  # only when some folder has an ignore file

                spec = pathspec.GitIgnoreSpec.from_lines(lines)
            self._specs[folder] = spec
        return self._specs[folder]

    def chain(self, folder: str) -> list[tuple[str, object]]:
        """(folder, spec) pairs that apply inside ``folder``: from the repository top (or the
        filesystem root when there is none) down to ``folder`` itself."""
        folder = os.path.abspath(folder)
        levels = [folder]
        d = folder
        while not os.path.isdir(os.path.join(d, ".git")):
            parent = os.path.dirname(d)
            if parent == d:
                levels = [folder]  # not in a repository: only the walked folders' own files
                break
            d = parent
            levels.append(d)
        out = []
        for lv in reversed(levels):
            spec = self.own(lv)
            if spec is not None:
                out.append((lv, spec))
        return out

    def ignored(self, path: str, is_dir: bool, chain: list[tuple[str, object]]) -> bool:
        path = os.path.abspath(path)
        decision = False
        for folder, spec in chain:
            rel = os.path.relpath(path, folder).replace(os.sep, "/")
            if rel.startswith(".."):
                continue
            result = spec.check_file(rel + "/" if is_dir else rel)  # type: ignore[attr-defined]
            if result.include is not None:
                decision = result.include
        return decision


def iter_files(paths: list[str], config: "Config") -> Iterator[str]:
    """Articles under the given paths: files named on the command line are always linted;
    folders are walked (sorted, hidden and symlinked folders not followed) for known extensions,
    leaving out what the module docstring lists. A folder that cannot be read is yielded itself,
    so it is reported as an input finding rather than skipped in silence."""
    seen: set[str] = set()
    respect = getattr(config, "respect_gitignore", True)
    ignore = IgnoreFiles() if respect else None
    for p in paths or ["."]:
        if p == "-":
            yield p
            continue
        if os.path.isdir(p):
            unreadable: list[str] = []
            chains: dict[str, list] = {}
            for dirpath, dirnames, filenames in os.walk(p, onerror=lambda e: unreadable.append(e.filename)):
                chain = []
                if ignore is not None:
                    parent = os.path.dirname(os.path.abspath(dirpath))
                    base = chains.get(parent)
                    if base is None:
                        chain = ignore.chain(dirpath)
                        # A folder named on the command line is linted even if ignored ("healthlint
                        # check build/"): then only the ignore files inside it apply.
                        if ignore.ignored(dirpath, True, ignore.chain(os.path.dirname(os.path.abspath(dirpath)))):
                            own = ignore.own(os.path.abspath(dirpath))
                            chain = [(os.path.abspath(dirpath), own)] if own is not None else []
                    else:
                        own = ignore.own(os.path.abspath(dirpath))
                        chain = base + ([(os.path.abspath(dirpath), own)] if own is not None else [])
                    chains[os.path.abspath(dirpath)] = chain
                kept = []
                for d in sorted(dirnames):
                    full = os.path.join(dirpath, d)
                    if d.startswith(".") or d in DEFAULT_EXCLUDE or os.path.islink(full) or excluded(full, config):
                        continue
                    if chain and ignore.ignored(full, True, chain):
                        continue
                    kept.append(d)
                dirnames[:] = kept
                for name in sorted(filenames):
                    full = os.path.join(dirpath, name)
                    if os.path.splitext(name)[1].lower() not in EXTENSIONS or excluded(full, config):
                        continue
                    if chain and ignore.ignored(full, False, chain):
                        continue
                    real = os.path.realpath(full)
                    if real not in seen:
                        seen.add(real)
                        yield full
            for folder in unreadable:
                if folder and os.path.realpath(folder) not in seen:
                    seen.add(os.path.realpath(folder))
                    yield folder
        else:
            real = os.path.realpath(p)  # the same file named twice (relative and absolute) is one file
            if real not in seen:
                seen.add(real)
                yield p


def read_file(path: str, max_mb: float = 10.0) -> tuple[bytes, None] | tuple[None, str]:
    """A file's bytes, or why they cannot be had (missing, unreadable, a folder, too large)."""
    try:
        if os.path.isdir(path):
            os.listdir(path)  # raises the real reason (permission denied) if there is one
            return None, "cannot read folder"
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            # A named pipe would block the run forever; a device or socket is no article.
            return None, "not a regular file (a named pipe, device or socket): only regular files are read"
        size = st.st_size
        if size > max_mb * 1024 * 1024:
            return None, f"file is {size / 1024 / 1024:.1f} MB, over the {max_mb:g} MB limit (config: max-file-size)"
        limit = int(max_mb * 1024 * 1024)
        with open(path, "rb") as fh:
            # The size from stat plus one byte (asking for the whole limit would allocate it each
            # time); a file that grew meanwhile, or a pipe (size 0), is read on up to the limit.
            data = fh.read(size + 1)
            if len(data) > size:
                data += fh.read(limit + 1 - len(data))
        if len(data) > max_mb * 1024 * 1024:
            return None, f"file is over the {max_mb:g} MB limit (config: max-file-size)"
        return data, None
    except OSError as e:
        what = "folder" if os.path.isdir(path) else "file"
        return None, f"cannot read {what}: {e.strerror or e}"


def display_path(path: str) -> str:
    """A path as reports show it: bytes that are not UTF-8 as \\xNN, control characters escaped,
    so a file named with a newline cannot break a one-line-per-finding report."""
    if any(0xDC80 <= ord(c) <= 0xDCFF for c in path):
        path = os.fsencode(path).decode("utf-8", "backslashreplace")
    if any(ord(c) < 32 or ord(c) == 127 for c in path):
        path = path.encode("unicode_escape").decode("ascii") if path.isascii() else "".join(
            c if ord(c) >= 32 and ord(c) != 127 else repr(c)[1:-1] for c in path)
    return path
