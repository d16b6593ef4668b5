"""Command line: ``healthlint check``, ``healthlint rules``, ``healthlint explain``, ``healthlint config``
and ``healthlint server`` (the language server, :mod:`healthlint.lsp`).

Exit codes (see CONTRACT.md): 0 no finding at or above the fail level, 1 at least one, 2 the run
itself failed (bad option, bad config, bad rule file).
"""

from __future__ import annotations

import os
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any, Iterable, NoReturn

import click

from .findings import SEVERITIES
from .version import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def _fail(message: str) -> NoReturn:
    click.echo(f"healthlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def write_atomic(path: str, text: "str | Iterable[str]") -> None:
    """Write via a temporary file in the same folder and a rename: readers never see half a file.
    ``text`` may come in pieces (a streamed report)."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    fd, tmp = tempfile.mkstemp(prefix=".healthlint-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            if isinstance(text, str):
                fh.write(text)
            else:
                for piece in text:
                    fh.write(piece)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a report gets the usual permissions
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _clobbers_input(target: str, paths: list[str], files: list[str]) -> str | None:
    """Why writing ``target`` would destroy an input (an article named or found under a linted
    folder), or None. healthlint's own earlier report may be replaced."""
    from .ownreport import is_own_report
    from .parsers import EXTENSIONS

    if not os.path.lexists(target):
        return None
    real = os.path.realpath(target)
    try:
        with open(real, "rb") as fh:
            head = fh.read(1 << 20)
    except OSError:
        head = b""
    if is_own_report(head):
        return None
    if any(os.path.realpath(f) == real for f in files if f != "-"):
        return "one of the articles being linted"
    if os.path.splitext(real)[1].lower() in EXTENSIONS:
        for p in paths:
            if p != "-" and os.path.isdir(p) and real.startswith(os.path.realpath(p) + os.sep):
                return f"an article in the linted folder {p}"
    return None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="healthlint")
def cli() -> None:
    """Lint health articles for readability and SEO damage."""


def main() -> None:
    """Entry point. Exit codes follow CONTRACT.md: 0/1 for the findings, 2 when the run itself
    failed — including a bad option and an interrupted run (Ctrl-C), which writes no partial report."""
    import signal

    def _terminated(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt  # SIGTERM (timeout, CI step limits) ends the run as Ctrl-C does

    try:
        signal.signal(signal.SIGTERM, _terminated)
    except (ValueError, OSError):  # not the main thread (library use): leave signals alone
        pass
    try:
        cli.main(standalone_mode=False)
    except (click.exceptions.Abort, KeyboardInterrupt):
        _interrupted()
    except click.exceptions.ClickException as e:
        e.show()
        sys.exit(EXIT_ERROR)
    except BrokenPipeError:
        _report_lost("the reader of standard output closed it")


def _say_notes(cfg: Any) -> None:
    """What loading the config has to tell the user (another config file ignored), on stderr."""
    for note in cfg.notes:
        click.echo(f"healthlint: note: {note}", err=True)


def _interrupted() -> None:
    """End an interrupted run at once with exit 2. The worker pool's manager thread may be blocked
    reading a result that a terminated worker left half-written; the interpreter's exit would join
    that thread and hang, so the process leaves through os._exit, after the streams are flushed
    (files, the cache and the record stores were closed as the interrupt unwound)."""
    click.echo("healthlint: interrupted; no report was written", err=True)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(EXIT_ERROR)


def _report_lost(reason: str) -> None:
    """The report could not be delivered: one line on stderr and exit 2, since CI would read exit 1
    as 'findings'. Standard output is pointed at /dev/null first, so the interpreter's own flush
    at exit does not print a second error."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    click.echo(f"healthlint: the report was not written: {reason}", err=True)
    sys.exit(EXIT_ERROR)


def _write_stdout(text: "str | Iterable[str]") -> None:
    """Write the report to standard output. A stream that cannot encode a character (``LANG=C``
    with a non-UTF-8 output) gets it escaped rather than failing; a full disk, a closed pipe or a
    closed stream ends the run with exit 2 and one line."""
    out = click.get_text_stream("stdout")
    try:
        if hasattr(out, "reconfigure") and (getattr(out, "encoding", "") or "").lower().replace("-", "") != "utf8":
            out.reconfigure(errors="backslashreplace")
        for piece in [text] if isinstance(text, str) else text:
            out.write(piece)
        out.flush()
    except BrokenPipeError:
        _report_lost("the reader of standard output closed it")
    except (OSError, ValueError) as e:
        _report_lost(getattr(e, "strerror", None) or str(e))


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "concise", "json", "sarif", "github", "html"]), default="text",
              show_default=True, help="Report format (text: grouped by file; concise: one line per finding).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to this file.")
@click.option("--select", help="Only these rule codes or prefixes (comma-separated), e.g. HL1,HL401.")
@click.option("--ignore", help="Skip these rule codes or prefixes (comma-separated).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Config file (.healthlint.yaml or pyproject.toml); default: found from the first path upward.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Lowest severity that makes the exit code 1 [default: warning].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--min-severity", type=click.Choice(SEVERITIES), default=None,
              help="Leave findings below this severity out of the report (the exit code still follows --fail-on).")
@click.option("--quiet", "-q", is_flag=True, help="Text report: the finding lines only (no headers, source or summary).")
@click.option("--show-source/--no-show-source", default=None,
              help="Text report: the source line under each finding, span underlined [default: on at a terminal].")
@click.option("--respect-gitignore/--no-respect-gitignore", default=None,
              help="Leave out files that .gitignore and .ignore list when walking folders [default: on].")
@click.option("--audience", type=click.Choice(["patient", "professional"]), default=None,
              help="Reading-level targets to apply [default: patient, or the config's].")
@click.option("--stdin-filename", default=None, help="Name (and so format) for an article read from '-'.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of each finding.")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False),
              help="Report only findings that are not recorded in this baseline file.")
@click.option("--write-baseline", "write_baseline_file", type=click.Path(dir_okay=False),
              help="Record the current findings in this baseline file (and exit 0).")
@click.option("--warn-unused-suppressions", is_flag=True,
              help="Report healthlint-disable comments that silence nothing (HL004).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr [default: on for text output to a terminal with many files].")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: the number of CPUs]. Output is the same for any number.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False),
              help="Where to keep the result cache [default: .healthlint_cache next to the config, or here].")
@click.option("--repo-context/--no-repo-context", default=True, show_default=True,
              help="When only files (not folders) are named inside a git repository, compare them with every "
                   "tracked article for the cross-file rules, and report on the named files only.")
def check(paths: tuple[str, ...], fmt: str, output: str | None, select: str | None, ignore: str | None,
          config_file: str | None, fail_on: str | None, exit_zero: bool, min_severity: str | None, quiet: bool,
          show_source: bool | None, respect_gitignore: bool | None, audience: str | None,
          stdin_filename: str | None, statistics: bool, baseline_file: str | None,
          write_baseline_file: str | None, warn_unused_suppressions: bool, progress: bool | None,
          jobs: int | None, no_cache: bool, cache_dir: str | None, repo_context: bool) -> None:
    """Lint articles (.md, .markdown, .html, .htm, .txt) in PATHS; '-' reads standard input."""
    from . import baseline as baseline_mod
    from . import config as config_mod
    from .discovery import iter_files
    from .engine import Linter
    from .report import stream
    from .yamlutil import ConfigError

    path_list = list(paths) or ["."]
    for p in path_list:
        if p != "-" and not os.path.lexists(p):
            _fail(f"{p}: no such file or folder")
    try:
        cfg = config_mod.load(config_file, path_list)
        _say_notes(cfg)
        if audience:
            cfg.audience = audience
        if respect_gitignore is not None:
            cfg.respect_gitignore = respect_gitignore
        if warn_unused_suppressions:
            cfg.extend_select = [*cfg.extend_select, "HL004"]
        selected = _codes(select)
        if selected is not None and warn_unused_suppressions:
            selected.append("HL004")
        linter = Linter(cfg, select=selected, ignore=_codes(ignore), keep_source=(fmt == "html"))
        known = baseline_mod.load(baseline_file) if baseline_file else None
    except ConfigError as e:
        _fail(str(e))
    files = list(iter_files(path_list, cfg))
    for target, what in ((output, "--output"), (write_baseline_file, "--write-baseline")):
        problem = _clobbers_input(target, path_list, files) if target else None
        if problem:
            _fail(f"{target}: {what} would overwrite {problem}; choose another file")
    context: list[str] = []
    if repo_context and any(a.check.corpus for a in linter.ruleset.active):
        from .repo import context_files

        context = context_files(path_list, cfg)
    cache = None
    if not no_cache and fmt != "html":  # the HTML report needs each article's text, which is not cached
        from .cache import Cache, ruleset_fingerprint

        folder = Path(cache_dir) if cache_dir else (Path(cfg.file).parent if cfg.file else Path.cwd()) / ".healthlint_cache"
        cache = Cache(folder, ruleset_fingerprint(linter))
    workers = jobs or os.cpu_count() or 1
    show = progress if progress is not None else (
        fmt == "text" and output is None and len(files) >= 20 and sys.stderr.isatty())
    if show:
        with click.progressbar(length=len(files), label="Linting", file=sys.stderr) as bar:
            report = linter.lint_files(files, stdin_filename=stdin_filename, on_file=lambda: bar.update(1),
                                       jobs=workers, cache=cache, context=context)
    else:
        report = linter.lint_files(files, stdin_filename=stdin_filename, jobs=workers, cache=cache, context=context)
    if write_baseline_file:
        try:
            write_atomic(write_baseline_file, baseline_mod.dumps(report))
        except OSError as e:
            _fail(f"{write_baseline_file}: cannot write baseline: {e.strerror or e}")
        click.echo(f"Wrote {sum(report.severity_counts().values())} findings to {write_baseline_file}.", err=True)
        sys.exit(EXIT_OK)
    if known is not None:
        baseline_mod.apply(report, known)
    level = fail_on or cfg.fail_on
    failed = report.count_at_or_above(level) > 0  # before --min-severity hides anything
    if min_severity:
        hide_below(report, min_severity)
    terminal = output is None and sys.stdout.isatty()
    color = terminal and fmt in ("text", "concise") and "NO_COLOR" not in os.environ
    if statistics:
        text = statistics_text(report, fmt)
    else:
        style = "quiet" if quiet else None
        text = stream(report, fmt, color=color, rules=[a.rule for a in linter.ruleset.active], style=style,
                      docs_url=cfg.docs_url,
                      show_source=show_source if show_source is not None else terminal)
    if output:
        try:
            write_atomic(output, text)
        except OSError as e:
            _fail(f"{output}: cannot write report: {e.strerror or e}")
    else:
        _write_stdout(text)
    if not exit_zero and failed:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


def hide_below(report: Any, level: str) -> None:
    """Leave findings below ``level`` out of the report (scores are kept as computed)."""
    from .findings import SEVERITY_RANK
    from .store import rewrite_each

    rank = SEVERITY_RANK[level]

    def drop(fr: Any) -> None:
        fr.findings = [f for f in fr.findings if SEVERITY_RANK[f.severity] >= rank]

    rewrite_each(report.files, drop)


def statistics_text(report: Any, fmt: str) -> str:
    """Findings per rule, most frequent first (like ruff --statistics)."""
    import json

    counts: dict[tuple[str, str, str], int] = {}
    for f in report.iter_findings():
        key = (f.rule, f.name, f.severity)
        counts[key] = counts.get(key, 0) + 1
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0]))
    if fmt == "json":
        return json.dumps([{"rule": r, "name": n, "severity": s, "count": c} for (r, n, s), c in rows], indent=2) + "\n"
    width = max((len(str(c)) for _, c in rows), default=1)
    lines = [f"{c:>{width}}  {r}  [{s}] {n}" for (r, n, s), c in rows]
    lines.append(f"{sum(counts.values())} findings in {len(report.files)} files.")
    return "\n".join(lines) + "\n"


@cli.command("config")
@click.argument("path", required=False, type=click.Path())
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Use this config file instead of the one found.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def config_cmd(path: str | None, config_file: str | None, fmt: str) -> None:
    """Print the effective settings for PATH (default: here) and where each came from."""
    import json
    from dataclasses import fields

    from . import config as config_mod
    from .ruleset import build_ruleset
    from .yamlutil import ConfigError

    try:
        cfg = config_mod.load(config_file, [path or "."])
        ruleset = build_ruleset(cfg)
    except ConfigError as e:
        _fail(str(e))
    _say_notes(cfg)
    skip = {"file", "root", "located", "origins", "notes"}
    rows = []
    for f in fields(cfg):
        if f.name in skip:
            continue
        key = f.name.replace("_", "-")
        value = getattr(cfg, f.name)
        if key == "rules":
            value = {code: {k: v for k, v in (("severity", o.severity), ("enabled", o.enabled), ("params", o.params)) if v not in (None, {})}
                     for code, o in value.items()}
        elif key == "rule-paths":
            value = [str(p) for p in value]
        rows.append((key, value, cfg.origins.get(key, "default")))
    active = sorted(a.rule.code for a in ruleset.active)
    if fmt == "json":
        click.echo(json.dumps({"config_file": cfg.file, "settings": {k: {"value": v, "from": o} for k, v, o in rows},
                               "active_rules": active}, indent=2))
        return
    click.echo(f"# config file: {cfg.file or 'none found (defaults)'}")
    for key, value, origin in rows:
        click.echo(f"{key}: {json.dumps(value)}  # {origin}")
    click.echo(f"# {len(active)} rules active: {', '.join(active)}")


@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Also list the rules of this config's rule-paths.")
def rules_cmd(fmt: str, config_file: str | None) -> None:
    """List every rule: code, name, category, severity, summary."""
    import json

    rules = _load_rules(config_file)
    if fmt == "json":
        click.echo(json.dumps([
            {"code": r.code, "name": r.name, "category": r.category, "severity": r.severity,
             "check": r.check, "enabled": r.enabled, "summary": r.summary} for r in rules
        ], indent=2))
        return
    if fmt == "markdown":
        click.echo("| code | name | category | severity | summary |\n|---|---|---|---|---|")
        for r in rules:
            off = " (off by default)" if not r.enabled else ""
            click.echo(f"| {r.code} | {r.name} | {r.category} | {r.severity} | {r.summary}{off} |")
        return
    width = max((len(r.name) for r in rules), default=10)
    for r in rules:
        off = "" if r.enabled else " (off by default)"
        click.echo(f"{r.code}  {r.name:<{width}}  {r.category:<11}  {r.severity:<7}  {r.summary}{off}")


@cli.command()
@click.argument("code")
@click.option("--config", "config_file", type=click.Path(dir_okay=False))
@click.option("--verbose", "-v", is_flag=True, help="Also show the raw parameters: patterns, word lists, thresholds.")
def explain(code: str, config_file: str | None, verbose: bool) -> None:
    """Show a rule's documentation: what it finds, why, how to fix it, sources, examples."""
    rules = _load_rules(config_file)
    match = [r for r in rules if r.code == code.upper() or r.name == code.lower()]
    if not match:
        _fail(f"no rule {code!r}; see 'healthlint rules'")
    click.echo(explain_text(match[0], verbose))


def explain_text(r: Any, verbose: bool = False) -> str:
    from .ruledocs import param_text, rule_url

    out = [f"{r.code} {r.name}", "", r.summary, ""]
    out += [f"Category: {r.category}    Severity: {r.severity}    Check: {r.check} (scope: {r.scope})"]
    if not r.enabled:
        out.append("Off by default: enable it with select or extend-select.")
    for aud, on in sorted(getattr(r, "audience_enabled", {}).items()):
        if on != r.enabled:
            out.append(f"{'On' if on else 'Off'} by default for audience: {aud}" + ("" if on else "; enable it with extend-select."))
    if r.description:
        out += ["", "What it finds:", textwrap.indent(r.description, "  ")]
    out += ["", "Why:", textwrap.indent(r.rationale, "  ")]
    if r.fix:
        out += ["", "How to fix:", textwrap.fill(r.fix, 100, initial_indent="  ", subsequent_indent="  ")]
    out += ["", "Sources:"]
    for s in r.sources:
        out.append(f"  - {s['title']}" + (f" <{s['url']}>" if s.get("url") else ""))
    for label, examples in (("Bad", r.bad), ("Good", r.good)):
        ex = examples[0]
        text = ex.text if isinstance(ex.text, str) else f"<{len(ex.text)} bytes of binary data>"
        out += ["", f"{label} example ({ex.format}):", textwrap.indent(text.rstrip(), "  | ", lambda _: True)]
    out.append("")
    if verbose and r.params:
        out.append(f"Parameters (override in config under rules: {{{r.code}: {{params: ...}}}}):")
        for k, v in r.params.items():
            out += _param_lines(k, v, "  ")
        for aud, over in r.audiences.items():
            out.append(f"  audience {aud}: " + ", ".join(f"{k}={param_text(v)[0]}" for k, v in over.items()))
    elif r.params:
        shown = {k: param_text(v) for k, v in r.params.items() if v not in ([], {})}
        line = ", ".join(f"{k}={text}" for k, (text, summary) in shown.items() if not summary) or "none"
        for aud, over in r.audiences.items():
            line += f"; {aud}: " + ", ".join(f"{k}={param_text(v)[0]}" for k, v in over.items())
        lists = ", ".join(k for k, (_, summary) in shown.items() if summary)
        out.append(f"Thresholds: {line}" + (f" (patterns in {lists}: run with --verbose)" if lists else ""))
    url = rule_url(r.code)
    if url:
        out.append(f"Documentation: {url}")
    return "\n".join(out).rstrip("\n")


def _param_lines(key: str, value: Any, pad: str) -> list[str]:
    """A parameter as ``explain --verbose`` prints it: lists and word families one entry a line."""
    from .ruledocs import param_text

    if isinstance(value, dict) and value:
        return [f"{pad}{key}:"] + [ln for k, v in value.items() for ln in _param_lines(k, v, pad + "  ")]
    if isinstance(value, list) and value:
        return [f"{pad}{key}:"] + [f"{pad}  - {v}" for v in value]
    return [f"{pad}{key}: {param_text(value)[0]}"]


@cli.command()
@click.option("--stdio", is_flag=True, help="Talk LSP over standard input and output (the default and only transport).")
@click.option("--debounce", type=click.FloatRange(0, 10), default=0.3, show_default=True,
              help="Seconds without edits before a changed document is linted again.")
@click.option("--no-cache", is_flag=True, help="Index the workspace without reading or writing the result cache.")
def server(stdio: bool, debounce: float, no_cache: bool) -> None:
    """Run the language server for editors (LSP over standard input and output).

    Needs the server extra: pip install "healthlint[server]". See docs/editors.md."""
    try:
        from .lsp.server import main as serve
    except ImportError as e:
        _fail(f"the language server needs pygls: pip install \"healthlint[server]\" ({e})")
    serve(debounce, use_cache=not no_cache)


def _load_rules(config_file: str | None) -> list:
    from . import config as config_mod
    from .ruleset import load_all_rules
    from .yamlutil import ConfigError

    try:
        cfg = config_mod.load(config_file, ["."])
        return load_all_rules(cfg)
    except ConfigError as e:
        _fail(str(e))


if __name__ == "__main__":  # pragma: no cover
    main()
