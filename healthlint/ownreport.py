"""Is a file one of healthlint's own reports? A report written into a site folder must never be
linted on the next run, and ``--output`` may replace an earlier report but never an article.

Recognised by content, not by name: the JSON and SARIF reports name the tool, the HTML report
carries ``<meta name="generator" content="healthlint">``, the text report ends with its summary
line and every other line is a finding, a file header, a source excerpt or a help line.
"""

from __future__ import annotations

import re

_TEXT_SUMMARY = re.compile(rb"^(?:Found \d+ findings? \([^)]*\) in \d+ files?\.|No findings in \d+ files?\.)\s*$")
_TEXT_FINDING = re.compile(rb"^.+?:(?:\d+:\d+:)? [A-Z]{2,5}\d{3,4} \[(?:error|warning|info)\] ")
# The grouped text report's other lines: a file's header, a source excerpt and its underline, advice.
_TEXT_OTHER = re.compile(rb"^(?:.+ \xe2\x80\x94 score \d+ \(.*\), \d+ words|\s*\d+ \| .*|\s+\| [\s^]*|\s+= help: .*)$")
GENERATOR = '<meta name="generator" content="healthlint">'


def is_own_report(data: bytes) -> bool:
    head = data[:4096].lstrip()
    if head.startswith(b"{"):
        compact = re.sub(rb"\s+", b"", head[:2048])
        return b'"tool":{"name":"healthlint"' in compact or (
            b'"runs":[{"tool":{"driver":{"name":"healthlint"' in compact)
    if head[:15].lower().startswith(b"<!doctype html") or head[:5].lower() == b"<html":
        return GENERATOR.encode() in head
    lines = [ln for ln in data.splitlines() if ln.strip()]
    if not lines or not _TEXT_SUMMARY.match(lines[-1]):
        return False
    return all(_TEXT_FINDING.match(ln) or _TEXT_OTHER.match(ln) for ln in lines[:-1][:200])
