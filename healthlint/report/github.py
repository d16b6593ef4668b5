"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation per
finding, shown on the pull request's diff, and a summary for the run's page.

GitHub shows only the first 10 annotations of each level per step, so annotations come most severe
first (errors, then warnings, then notices; by path and line within a level). When
``$GITHUB_STEP_SUMMARY`` names a file (as it does in a workflow step), a Markdown summary is
appended to it: the totals, the files with findings (worst score first) and the counts per rule.

Message data escapes ``%``, CR and LF; property values also escape ``:`` and ``,`` (as the
Actions toolkit does).
"""

from __future__ import annotations

import os
from typing import Any, Iterator

from . import safe_text

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
RANK = {"error": 0, "warning": 1, "info": 2}
MAX_SUMMARY_FILES = 50  # rows of the per-file table (the summary page holds at most 1 MiB)


def escape_data(s: str) -> str:
    return safe_text(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def _cell(s: str) -> str:
    """Text for a Markdown table cell: no pipes, no newlines, no control characters, no markup."""
    return safe_text(s).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace("`", "'")


def summary_markdown(files: list[tuple[str, int, dict[str, int]]], rules: dict[tuple[str, str], int]) -> str:
    """The step summary: ``files`` as (path, score, findings per severity), ``rules`` as
    {(code, name): count}."""
    counts = {s: sum(c.get(s, 0) for _, _, c in files) for s in RANK}
    with_findings = [f for f in files if sum(f[2].values())]
    out = ["## healthlint", "",
           f"{len(files)} file(s) linted, {len(with_findings)} with findings: "
           f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} notice(s).", ""]
    if with_findings:
        out += ["| file | score | errors | warnings | notices |", "|---|---:|---:|---:|---:|"]
        ranked = sorted(with_findings, key=lambda f: (f[1], f[0]))
        for path, score, c in ranked[:MAX_SUMMARY_FILES]:
            out.append(f"| {_cell(path)} | {score} | {c.get('error', 0)} | {c.get('warning', 0)} | {c.get('info', 0)} |")
        if len(ranked) > MAX_SUMMARY_FILES:
            out.append(f"| … and {len(ranked) - MAX_SUMMARY_FILES} more | | | | |")
        out += ["", "| rule | findings |", "|---|---:|"]
        for (code, name), n in sorted(rules.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"| {code} {_cell(name)} | {n} |")
    return "\n".join(out) + "\n\n"


def stream(report: Any, summary_path: str | None = None, **_: Any) -> Iterator[str]:
    annotations: list[tuple[int, str, int, int, str]] = []
    files: list[tuple[str, int, dict[str, int]]] = []
    rules: dict[tuple[str, str], int] = {}
    for fr in report.files:
        counts: dict[str, int] = {}
        for f in fr.findings:
            counts[f.severity] = counts.get(f.severity, 0) + 1
            rules[(f.rule, f.name)] = rules.get((f.rule, f.name), 0) + 1
            props = [
                f"file={escape_property(fr.path)}", f"line={f.line}", f"col={f.column}",
                f"endLine={f.end_line}", f"endColumn={f.end_column}", f"title={escape_property(f'{f.rule} {f.name}')}",
            ]
            annotations.append((RANK[f.severity], fr.path, f.line, f.column,
                                f"::{LEVELS[f.severity]} {','.join(props)}::{escape_data(f.message)}\n"))
        files.append((fr.path, fr.score, counts))
    annotations.sort(key=lambda a: a[:4])
    for *_, line in annotations:
        yield line
    target = summary_path if summary_path is not None else os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        try:
            with open(target, "a", encoding="utf-8") as fh:
                fh.write(summary_markdown(files, rules))
        except OSError:
            pass  # the annotations are the report; a summary that cannot be written is not a failure
