"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation per
finding, shown on the pull request's diff.

Message data escapes ``%``, CR and LF; property values also escape ``:`` and ``,`` (as the
Actions toolkit does).
"""

from __future__ import annotations

from typing import Any, Iterator

from . import safe_text

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return safe_text(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def stream(report: Any, **_: Any) -> Iterator[str]:
    for fr in report.files:
        for f in fr.findings:
            props = [
                f"file={escape_property(fr.path)}", f"line={f.line}", f"col={f.column}",
                f"endLine={f.end_line}", f"endColumn={f.end_column}", f"title={escape_property(f'{f.rule} {f.name}')}",
            ]
            yield f"::{LEVELS[f.severity]} {','.join(props)}::{escape_data(f.message)}\n"

