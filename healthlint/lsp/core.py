"""What the language server does, without the LSP library: lint an editor's buffer as the command
line lints a file, place each finding in the client's position units, index the workspace's other
articles for the cross-file rules, and write hover text and the edits of code actions.

Everything here runs on one worker thread of the server (:mod:`healthlint.lsp.server`): the
linter, the result cache's SQLite connection and the index are used from that thread only.

* **Config.** A buffer's config is found as ``healthlint check FILE`` finds it (the nearest
  ``.healthlint.yaml``, ``.healthlint.yml`` or ``pyproject.toml`` with ``[tool.healthlint]`` at or
  above the file: :func:`healthlint.config.candidates` and :func:`healthlint.config.load`). The
  linter built for a config is kept until the config file changes (its modification time or size).
* **Sites and the index.** Articles governed by one config file form a site, as for the command
  line's repository context (:mod:`healthlint.repo`): the config file's folder, or, without a
  config, the workspace folder. The site's articles (walked as ``healthlint check FOLDER`` walks,
  so ``exclude`` and ``.gitignore`` apply; at most :data:`MAX_INDEX` files) are linted once,
  through the command line's result cache, and only their cross-file records are kept. A buffer
  is then linted with its own record in place of its file's, and the cross-file rules (copied
  paragraphs, duplicate pages, internal links) compare it with the rest of the site. Only folders
  inside the editor's workspace are indexed.
* **Paths.** Articles are named as ``healthlint check`` run from the server's working folder names
  them (relative to it when inside, else absolute), so per-file ignores match, the cache entries
  of a command-line run from the same folder are reused, and messages name the other file as the
  command line would.
* **Positions.** Findings are 1-based lines and columns counted in characters (code points);
  LSP positions are 0-based, and their columns count UTF-16 code units unless the client and
  server agreed on UTF-8 or UTF-32 (:func:`units`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..findings import FileResult, Finding
from ..parsers import EXTENSIONS, normalize_newlines

# LSP language identifiers -> healthlint's formats. Other identifiers fall back on the extension.
LANGUAGES = {"markdown": "markdown", "html": "html", "plaintext": "text", "text": "text"}
SEVERITY = {"error": 1, "warning": 2, "info": 3}  # LSP DiagnosticSeverity: Error, Warning, Information
MAX_INDEX = 20_000  # articles of one site indexed for the cross-file rules (as repo.MAX_CONTEXT)
# Up to this many indexed articles, the cross-file step runs on every lint (about 0.1 s at 200
# articles); on a larger site it runs when a buffer is opened or saved and when the index changes,
# and lints in between carry its findings over (see Workspace.lint).
LIVE_SITE = 300
REASON = "reason"  # the placeholder a writer replaces after '--' in an inserted comment


def format_of(language_id: str | None, path: str | None) -> str | None:
    """The format to lint a buffer as, or None when healthlint does not lint it: the client's
    language identifier when it is one of markdown, html or plaintext, else the file's extension."""
    fmt = LANGUAGES.get((language_id or "").lower())
    if fmt is None and path:
        fmt = EXTENSIONS.get(os.path.splitext(path)[1].lower())
    return fmt


# --- positions ------------------------------------------------------------------------------------

def units(text: str, encoding: str = "utf-16") -> int:
    """Length of ``text`` in the client's code units: UTF-16 (the LSP default; a character outside
    the Basic Multilingual Plane, like most emoji, counts 2), UTF-8 (bytes) or UTF-32 (characters)."""
    if text.isascii():
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == "utf-32":
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def split_lines(text: str) -> list[str]:
    """The buffer's lines as findings count them (CRLF and a lone CR end a line, as in LSP)."""
    return normalize_newlines(text).split("\n")


def client_position(lines: list[str], line: int, column: int, encoding: str = "utf-16") -> tuple[int, int]:
    """(line, character), 0-based in client units, of a finding's 1-based line and column."""
    if line > len(lines):
        return len(lines) - 1, units(lines[-1], encoding)
    line = max(line, 1)
    text = lines[line - 1]
    return line - 1, units(text[: max(column - 1, 0)], encoding)


@dataclass
class Item:
    """One finding placed in the buffer: its range in client units and its rule's page."""

    finding: Finding
    start: tuple[int, int]
    end: tuple[int, int]
    url: str | None
    rule: Any  # the healthlint.rules.Rule (summary, rationale, fix) or None

    def contains(self, position: tuple[int, int]) -> bool:
        return self.start <= position <= self.end

    def overlaps(self, start: tuple[int, int], end: tuple[int, int]) -> bool:
        return self.start <= end and start <= self.end


@dataclass
class Linted:
    """A buffer's lint: the result, the findings placed, and what code actions need."""

    result: FileResult
    items: list[Item]
    lines: list[str]
    fmt: str
    encoding: str
    site: Site | None = None
    problem: str | None = None  # a config or rule file that could not be loaded (no findings then)


def place(result: FileResult, lines: list[str], encoding: str, rules: dict[str, Any], docs_url: str | None) -> list[Item]:
    from ..ruledocs import rule_url

    urls: dict[str, str | None] = {}
    items = []
    for f in result.findings:
        if f.rule not in urls:
            urls[f.rule] = rule_url(f.rule, docs_url)
        start = client_position(lines, f.line, f.column, encoding)
        end = client_position(lines, f.end_line, f.end_column, encoding)
        items.append(Item(f, start, max(start, end), urls[f.rule], rules.get(f.rule)))
    return items


# --- config, linter and index per site --------------------------------------------------------------

def shown_path(path: str) -> str:
    """A path as ``healthlint check`` run from the current folder names it (see the module notes)."""
    full = os.path.abspath(path)
    try:
        rel = os.path.relpath(full)
    except ValueError:  # another drive (Windows)
        return full
    return full if rel.startswith("..") else rel


def _stamp(path: Path | None) -> tuple | None:
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return (str(path), None, None)
    return (str(path), st.st_mtime_ns, st.st_size)


@dataclass
class Site:
    """One config's articles: the linter built for the config and, when the site lies in the
    workspace, the cross-file records of its articles (display path -> {rule code: record})."""

    config: Any
    linter: Any
    stamp: tuple | None
    root: Path | None  # the folder indexed; None: no index (a file outside the workspace)
    use_cache: bool = True
    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    state: str = "new"  # new -> indexing -> done; "closed" once a newer config replaced it
    _cache: Any = None

    @property
    def corpus(self) -> bool:
        """Whether any active rule compares articles with each other."""
        return any(a.check.corpus for a in self.linter.ruleset.active)

    def cache(self) -> Any:
        if not self.use_cache or self.root is None:
            return None
        if self._cache is None:
            from ..cache import Cache, ruleset_fingerprint

            folder = Path(self.config.file).parent if self.config.file else self.root
            self._cache = Cache(folder / ".healthlint_cache", ruleset_fingerprint(self.linter))
        return self._cache

    def index_paths(self) -> list[str]:
        """The site's articles, named as the command line names them."""
        from ..discovery import iter_files

        if self.root is None:
            return []
        out = []
        for p in iter_files([str(self.root)], self.config):
            if os.path.isfile(p):
                out.append(shown_path(p))
                if len(out) >= MAX_INDEX:
                    break
        return out

    def index(self, paths: Iterable[str]) -> None:
        """Read the articles (from the cache when unchanged) and keep their cross-file records."""
        cache = self.cache()
        for p in paths:
            if self.state == "closed":
                return
            result, key, encoded = self.linter.process_path(p, cache)
            if encoded is not None and cache is not None:
                cache.put_encoded(key, encoded)
            if result is None or not result.records:
                self.records.pop(p, None)  # one of healthlint's reports, or unreadable
            else:
                self.records[p] = dict(result.records)

    def index_done(self) -> None:
        if self._cache is not None:
            self._cache.flush()
        if self.state != "closed":
            self.state = "done"

    def covers(self, path: str) -> bool:
        """Whether ``path`` (a display path) is one of the site's articles: under its root and
        not left out by the config's ``exclude``."""
        from ..discovery import excluded

        if self.root is None:
            return False
        full = Path(os.path.abspath(path))
        return self.root in full.parents and full.suffix.lower() in EXTENSIONS and not excluded(path, self.config)

    def close(self) -> None:
        self.state = "closed"
        if self._cache is not None:
            self._cache.close()
            self._cache = None


class _CorpusHits:
    """A stand-in for the result cache in :meth:`healthlint.engine.Linter.finish`: it keeps the
    cross-file hits a full step computes (``put_corpus``), or hands back hits found earlier
    (``stored``: rule code -> {path: hits}), which the linter then completes as it completes any
    cross-file hit (per-file ignores, suppression comments, message)."""

    def __init__(self, stored: dict[str, Any] | None = None):
        self.stored = stored
        self.computed: dict[str, Any] = {}

    def corpus_key(self, file_keys: list[str], code: str) -> str:
        return code

    def get_corpus(self, key: str) -> Any:
        return None if self.stored is None else self.stored.get(key, {})

    def put_corpus(self, key: str, value: Any) -> None:
        self.computed[key] = value


@dataclass
class _Carried:
    """A buffer's cross-file hits from its last full step, each with the text it points at."""

    site: Site
    hits: dict[str, list[tuple[str, list]]]  # rule code -> [(text at the span, [line, col, end_line, end_col, values])]


def _span_text(lines: list[str], hit: list) -> str:
    line, col, end_line, end_col = hit[:4]
    if not 1 <= line <= len(lines) or (line, col) >= (end_line, end_col):
        return ""
    if line == end_line:
        return lines[line - 1][col - 1 : end_col - 1]
    parts = [lines[line - 1][col - 1 :], *lines[line : end_line - 1], lines[min(end_line, len(lines)) - 1][: end_col - 1]]
    return "\n".join(parts)


def _relocate(text: str, span: str, hit: list) -> list | None:
    """``hit`` moved to where ``span`` now stands in ``text`` (the occurrence nearest its old line),
    or None when the text is gone; a hit on no text (the whole article) stays where it is."""
    if not span:
        return hit
    starts = [m.start() for m in re.finditer(re.escape(span), text)]
    if not starts:
        return None

    def position(offset: int) -> tuple[int, int]:
        line = text.count("\n", 0, offset) + 1
        return line, offset - (text.rfind("\n", 0, offset) + 1) + 1

    best = min(starts, key=lambda o: abs(position(o)[0] - hit[0]))
    line, col = position(best)
    end_line, end_col = position(best + len(span))
    return [line, col, end_line, end_col, hit[4]]


class Workspace:
    """The editor's workspace folders, and a :class:`Site` per config file found for its buffers."""

    def __init__(self, roots: Iterable[str | Path] = (), use_cache: bool = True):
        self.roots = [Path(r).resolve() for r in roots]
        self.use_cache = use_cache
        self.sites: dict[tuple, Site] = {}
        self.carried: dict[str, _Carried] = {}  # display path -> its last full cross-file step

    def root_of(self, path: Path) -> Path | None:
        for r in sorted(self.roots, key=lambda r: len(r.parts), reverse=True):
            if path == r or r in path.parents:
                return r
        return None

    def site_for(self, path: str | None) -> Site:
        """The site of a buffer's file (or of the first workspace folder, for a buffer with no
        file). Raises :class:`~healthlint.yamlutil.ConfigError` for a bad config or rule file."""
        from .. import config as config_mod
        from ..engine import Linter

        if path:
            full = Path(os.path.abspath(path))
            start = full.parent
        else:
            full = None
            start = self.roots[0] if self.roots else Path.cwd()
        found = config_mod.candidates(start if start.exists() else Path.cwd())
        cfg_path = found[0] if found else None
        workspace_root = self.root_of(full) if full is not None else (self.roots[0] if self.roots else None)
        if workspace_root is None:
            root = None
        elif cfg_path is not None and (cfg_path.parent == workspace_root or workspace_root in cfg_path.parent.parents):
            root = cfg_path.parent  # a config inside the workspace: its folder is the site
        else:
            root = workspace_root
        key = (str(cfg_path) if cfg_path else None, str(root) if root else None)
        stamp = _stamp(cfg_path)
        site = self.sites.get(key)
        if site is not None and site.stamp == stamp:
            return site
        if site is not None:
            site.close()
            del self.sites[key]
        cfg = config_mod.load(str(cfg_path), []) if cfg_path else config_mod.load(None, [str(start)])
        site = Site(cfg, Linter(cfg), stamp, root, use_cache=self.use_cache)
        self.sites[key] = site
        return site

    def lint(self, text: str, path: str | None, fmt: str, encoding: str = "utf-16", full: bool | None = None) -> Linted:
        """Lint a buffer as ``healthlint check`` lints its file, its cross-file rules comparing it
        with the site's indexed articles.

        The cross-file step costs time in proportion to the site (about 0.5 s per 1,000
        articles), so it runs when ``full`` is true (the server asks for it when a buffer is opened
        or saved, and when the site's index changes), when this buffer has had none yet, or when
        the site is small (:data:`LIVE_SITE`). Otherwise the findings of the buffer's last full
        step are carried over: each moves with the text it points at, and is dropped when that
        text has changed (the next full step looks again)."""
        from ..parsers import parse_text
        from ..yamlutil import ConfigError

        lines = split_lines(text)
        try:
            site = self.site_for(path)
        except ConfigError as e:
            return Linted(FileResult(path or "-"), [], lines, fmt, encoding, None, str(e))
        linter = site.linter
        shown = shown_path(path) if path else "-"
        try:
            result = linter.lint_document(parse_text(text, shown, fmt))
        except Exception as e:  # noqa: BLE001 - as the command line: the file gets a finding
            result = linter.input_failure(shown, f"healthlint could not lint this file ({type(e).__name__}: {e}); "
                                                 "please report it with the file")
        own = result.records
        carried = self.carried.get(shown)
        if carried is not None and carried.site is not site:
            carried = None
        if own and (full or carried is None or len(site.records) <= LIVE_SITE):
            records = {}
            for code, record in own.items():
                pairs = [(p, recs[code]) for p, recs in site.records.items() if p != shown and code in recs]
                pairs.append((shown, record))
                pairs.sort(key=lambda pr: pr[0])
                records[code] = pairs
            recorder = _CorpusHits()
            linter.finish([result], recorder, [], records=records)
            self.carried[shown] = _Carried(site, {
                code: [(_span_text(lines, h), h) for h in by_path.get(shown, [])]
                for code, by_path in recorder.computed.items()})
        elif own and carried is not None:
            norm = "\n".join(lines)
            stored = {}
            for code, hits in carried.hits.items():
                moved = [m for m in (_relocate(norm, span, h) for span, h in hits) if m is not None]
                stored[code] = {shown: moved}
                carried.hits[code] = [(_span_text(lines, m), m) for m in moved]
            linter.finish([result], _CorpusHits(stored), [])
        else:
            linter.finish([result])
        rules = {r.code: r for r in linter.ruleset.all_rules}
        return Linted(result, place(result, lines, encoding, rules, site.config.docs_url), lines, fmt, encoding, site)

    def refresh(self, path: str) -> Site | None:
        """A saved, created, changed or deleted article: its record in its site's index is read
        again from disk (or dropped). Returns the site when its index changed."""
        for site in list(self.sites.values()):
            shown = shown_path(path)
            if site.state == "closed" or site.root is None or not site.covers(shown):
                continue
            if os.path.isfile(shown):
                site.index([shown])
                if site._cache is not None:
                    site._cache.flush()
            else:
                site.records.pop(shown, None)
            return site
        return None

    def close(self) -> None:
        for site in self.sites.values():
            site.close()
        self.sites.clear()


# --- hover ------------------------------------------------------------------------------------------

def hover_markdown(items: list[Item]) -> str:
    """What a hover over findings shows: per finding its rule, message, summary, why and how to fix,
    the plain alternative when there is one, and a link to the rule's page."""
    parts = []
    for it in items:
        f, rule = it.finding, it.rule
        out = [f"**{f.rule}** `{f.name}` ({f.severity}): {_md(f.message)}"]
        if rule is not None:
            out.append(_md(rule.summary))
            if rule.rationale:
                out.append("**Why:** " + _md(" ".join(rule.rationale.split())))
            if rule.fix:
                out.append("**How to fix:** " + _md(" ".join(rule.fix.split())))
        if f.suggestion:
            out.append(f"**Plain alternative:** {_md(f.suggestion)}")
        if it.url:
            out.append(f"[{f.rule} documentation]({it.url})")
        parts.append("\n\n".join(out))
    return "\n\n---\n\n".join(parts)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md(text: str) -> str:
    """Plain text (a message that quotes the article) shown literally in Markdown."""
    return _MD_SPECIAL.sub(r"\\\1", text)


# --- code actions -----------------------------------------------------------------------------------

@dataclass
class Edit:
    start: tuple[int, int]
    end: tuple[int, int]
    text: str


@dataclass
class Action:
    title: str
    edits: list[Edit]
    item: Item
    preferred: bool = False


def actions_for(linted: Linted, item: Item) -> list[Action]:
    """Code actions for one finding: the plain-language replacement when the rule gives one word
    for word (HL108), a comment that silences the rule on the finding's line, and one for the file.

    The comment is ``<!-- healthlint-disable-next-line CODE -- reason -->`` on its own line above
    the finding (the same syntax in Markdown, HTML and plain text: :mod:`healthlint.suppress`),
    with the line's indentation. In Markdown a comment line inside a paragraph would split the
    paragraph, so there, when the finding's line continues a paragraph, the comment goes at the end
    of the line as ``healthlint-disable-line``; inside YAML front matter it is a YAML comment
    (``# <!-- ... -->``), which the suppression reader still sees."""
    f = item.finding
    out: list[Action] = []
    if f.replacement is not None and f.line == f.end_line:
        out.append(Action(f"Replace with '{f.replacement}'", [Edit(item.start, item.end, f.replacement)], item, preferred=True))
    line_edit = _line_comment(linted, f.line - 1, f.rule)
    if line_edit is not None:
        out.append(Action(f"Disable {f.rule} for this line", [line_edit], item))
    out.append(Action(f"Disable {f.rule} for this file", [_file_comment(linted, f.rule)], item))
    return out


def _comment(verb: str, code: str) -> str:
    return f"<!-- healthlint-{verb} {code} -- {REASON} -->"


def _front_matter_lines(linted: Linted) -> tuple[int, int] | None:
    """0-based first and last line of a Markdown buffer's front matter (the fences included)."""
    if linted.fmt != "markdown":
        return None
    from ..parsers.frontmatter import split_front_matter

    text = "\n".join(linted.lines)
    fm = split_front_matter(text)
    if fm is None:
        return None
    last = text.count("\n", 0, max(fm.end - 1, 0))
    return 0, last


_BLOCK_START = re.compile(r"\s{0,3}(?:#{1,6}(?:\s|$)|[-*+]\s|\d{1,9}[.)]\s|>|<|\||```|~~~)")


def _line_comment(linted: Linted, i: int, code: str) -> Edit | None:
    lines = linted.lines
    if not 0 <= i < len(lines):
        return None
    line = lines[i]
    indent = line[: len(line) - len(line.lstrip())]
    fm = _front_matter_lines(linted)
    if fm is not None and fm[0] <= i <= fm[1]:
        if i in fm:  # a fence: nothing can go above the first, and a comment there covers nothing
            return None
        return Edit((i, 0), (i, 0), f"{indent}# {_comment('disable-next-line', code)}\n")
    if linted.fmt == "html" and _inside_tag(lines, i):
        return None
    if linted.fmt == "markdown" and not _starts_block(lines, i, fm):
        end = (i, units(line, linted.encoding))
        return Edit(end, end, (" " if line and not line.endswith(" ") else "") + _comment("disable-line", code))
    return Edit((i, 0), (i, 0), f"{indent}{_comment('disable-next-line', code)}\n")


def _starts_block(lines: list[str], i: int, fm: tuple[int, int] | None) -> bool:
    """Whether Markdown line ``i`` begins a block, so a comment line above it splits nothing."""
    if i == 0 or (fm is not None and i == fm[1] + 1):
        return True
    prev = lines[i - 1]
    if not prev.strip() or _BLOCK_START.match(lines[i]):
        return True
    return bool(re.match(r"\s{0,3}(?:#{1,6}(?:\s|$)|<!--.*-->\s*$)", prev))


def _inside_tag(lines: list[str], i: int) -> bool:
    """Whether HTML line ``i`` begins inside a tag that spans lines (a comment cannot go there)."""
    before = "\n".join(lines[:i])
    return before.rfind("<") > before.rfind(">")


def _file_comment(linted: Linted, code: str) -> Edit:
    """``healthlint-disable-file`` where it is safe: after the front matter in Markdown, at the
    top of plain text, at the end of an HTML page (nothing goes before its doctype)."""
    lines = linted.lines
    comment = _comment("disable-file", code)
    if linted.fmt == "html":
        last = len(lines) - 1
        if lines[last] == "":
            return Edit((last, 0), (last, 0), comment + "\n")
        end = (last, units(lines[last], linted.encoding))
        return Edit(end, end, "\n" + comment + "\n")
    fm = _front_matter_lines(linted)
    at = fm[1] + 1 if fm is not None else 0
    if at >= len(lines):  # front matter only, no newline after it
        end = (len(lines) - 1, units(lines[-1], linted.encoding))
        return Edit(end, end, "\n" + comment)
    return Edit((at, 0), (at, 0), comment + "\n")
