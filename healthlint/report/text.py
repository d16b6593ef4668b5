"""Text reports, for people and for grep.

``text`` (the default) groups findings by file: a header line per file with its score and
components, the article-level findings (reading grade, missing author) under it, then each finding
at its place. Every finding line keeps the one-line form ``path:line:column: CODE [severity]
message`` (an article-level one reads ``path: CODE [severity] message``), so grep and CI problem
matchers keep working; a header never takes either form (it reads ``path — score …``). With
``show_source`` (on by default at a terminal, ``--show-source``), the source line follows each
finding with its span underlined and the rule's advice (``= help: …``). ``concise`` is one line per finding and the summary line, as
healthlint printed before grouping. ``quiet`` prints the finding lines only: no header, no source,
no summary. A summary line ends the other reports.
"""

from __future__ import annotations

from typing import Any, Iterator

from . import safe_text

COLORS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
MAX_SOURCE_LINE = 200  # characters of a source line shown around a finding


def path_of(path: str) -> str:
    """A file name as the text report shows it: control and bidi characters escaped, and never
    starting with "::", which GitHub Actions would read as a workflow command."""
    shown = safe_text(path)
    return "./" + shown if shown.startswith("::") else shown


def _line(path: str, f: Any, color: bool, whole: bool) -> str:
    sev = f"[{f.severity}]"
    code = f.rule
    if color:
        sev = f"{COLORS[f.severity]}{sev}{RESET}"
        code = f"{BOLD}{code}{RESET}"
    where = f"{path}:" if whole else f"{path}:{f.line}:{f.column}:"
    return f"{where} {code} {sev} {safe_text(f.message)}\n"


def _summary(counts: dict[str, int], files: int) -> str:
    total = sum(counts.values())
    if total:
        detail = ", ".join(f"{n} {sev}{'s' if n != 1 else ''}" for sev, n in counts.items() if n)
        return f"Found {total} finding{'s' if total != 1 else ''} ({detail}) in {files} file{'s' if files != 1 else ''}.\n"
    return f"No findings in {files} file{'s' if files != 1 else ''}.\n"


def _source_lines(path: str) -> list[str] | None:
    """The file's lines as the parser numbered them (same decoding), or None (standard input, gone)."""
    if path == "-":
        return None
    from ..parsers import InputError, decode

    try:
        with open(path, "rb") as fh:
            text, _ = decode(fh.read())
    except (OSError, InputError):
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _excerpt(lines: list[str], f: Any, color: bool) -> str:
    """The finding's first source line, cut to a window around the span, with the span underlined."""
    if not 1 <= f.line <= len(lines):
        return ""
    text = lines[f.line - 1].expandtabs(1)
    start = max(0, f.column - 1)
    end = f.end_column - 1 if f.end_line == f.line else len(text)
    end = max(start + 1, min(end, len(text)))
    lo = max(0, min(start - 40, len(text) - MAX_SOURCE_LINE))
    hi = min(len(text), lo + MAX_SOURCE_LINE)
    shown = safe_text(text[lo:hi])
    # The underline counts characters of the escaped text, so it stays under the span.
    pad = len(safe_text(text[lo:start]))
    width = max(1, len(safe_text(text[start:min(end, hi)])))
    gutter = f"{f.line:>5} | "
    marks = "^" * width
    if color:
        marks = f"{COLORS[f.severity]}{marks}{RESET}"
    cut_left = "…" if lo > 0 else ""
    cut_right = "…" if hi < len(text) else ""
    return f"{gutter}{cut_left}{shown}{cut_right}\n{' ' * (len(gutter) - 2)}| {' ' * (pad + len(cut_left))}{marks}\n"


def stream(report: Any, color: bool = False, style: str = "full", show_source: bool = False,
           rules: list | None = None, **_: Any) -> Iterator[str]:
    """``style``: ``full`` (grouped), ``concise`` or ``quiet`` (see the module docstring). With
    ``show_source``, each finding's excerpt is followed by its rule's "how to fix" line."""
    style = style or "full"
    fixes = {r.code: r.fix for r in rules or [] if getattr(r, "fix", "")}
    from ..findings import score_components

    counts = {"error": 0, "warning": 0, "info": 0}
    files = 0
    for fr in report.files:
        files += 1
        path = path_of(fr.path)
        for f in fr.findings:
            counts[f.severity] += 1
        if style in ("concise", "quiet"):
            for f in fr.findings:
                yield _line(path, f, color, False)
            continue
        if not fr.findings:
            continue
        parts = ", ".join(f"{k} {v}" for k, v in score_components(fr.findings, fr.words).items())
        header = f"{path} — score {fr.score} ({parts}), {fr.words} words"
        yield (f"{BOLD}{header}{RESET}" if color else header) + "\n"
        whole = [f for f in fr.findings if getattr(f, "whole", False)]
        spans = [f for f in fr.findings if not getattr(f, "whole", False)]
        for f in whole:
            yield _line(path, f, color, True)
        lines = _source_lines(fr.path) if show_source and spans else None
        for f in spans:
            yield _line(path, f, color, False)
            if lines is not None:
                yield _excerpt(lines, f, color)
                if f.rule in fixes:
                    yield f"      = help: {safe_text(fixes[f.rule])}\n"
        yield "\n"
    if style != "quiet":
        yield _summary(counts, files)
