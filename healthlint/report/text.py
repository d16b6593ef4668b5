"""Text report: ``path:line:column: CODE [severity] message`` per finding, then a summary line."""

from __future__ import annotations

from typing import Any, Iterator

from . import safe_text

COLORS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
BOLD, RESET = "\x1b[1m", "\x1b[0m"


def path_of(path: str) -> str:
    """A file name as the text report shows it: control and bidi characters escaped, and never
    starting with "::", which GitHub Actions would read as a workflow command."""
    shown = safe_text(path)
    return "./" + shown if shown.startswith("::") else shown


def stream(report: Any, color: bool = False, **_: Any) -> Iterator[str]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for fr in report.files:
        for f in fr.findings:
            counts[f.severity] += 1
            sev = f"[{f.severity}]"
            code = f.rule
            if color:
                sev = f"{COLORS[f.severity]}{sev}{RESET}"
                code = f"{BOLD}{code}{RESET}"
            yield f"{path_of(fr.path)}:{f.line}:{f.column}: {code} {sev} {safe_text(f.message)}\n"
    total = sum(counts.values())
    files = len(report.files)
    if total:
        detail = ", ".join(f"{n} {sev}{'s' if n != 1 else ''}" for sev, n in counts.items() if n)
        yield f"Found {total} finding{'s' if total != 1 else ''} ({detail}) in {files} file{'s' if files != 1 else ''}.\n"
    else:
        yield f"No findings in {files} file{'s' if files != 1 else ''}.\n"

