"""Inline suppression comments, as in markdownlint, read from the file's own text:

* ``<!-- healthlint-disable HL401 HL2 -->`` … ``<!-- healthlint-enable HL401 HL2 -->``: the codes
  (or prefixes) are silenced from the comment's line to the matching enable (or the end of file);
* ``<!-- healthlint-disable-next-line HL401 -->``: only the line after the comment;
* ``<!-- healthlint-disable-file HL401 -->``: the whole file;
* without codes, each form silences every rule; ``healthlint-enable`` without codes ends every
  open disable.

A finding is silenced when the line it starts on is covered. Codes may be separated by spaces or
commas. Directives that silence nothing are reported (HL004) with ``--warn-unused-suppressions``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .findings import Finding

DIRECTIVE = re.compile(r"<!--\s*healthlint-(disable-next-line|disable-file|disable|enable)\b(.*?)-->", re.S)
CODES = re.compile(r"[A-Za-z]{1,5}\d{0,4}")


@dataclass
class Directive:
    kind: str
    codes: tuple[str, ...] | None  # None: every rule
    line: int  # line of the comment's start
    end_line: int  # line of the comment's end
    column: int
    first: int = 0  # lines covered, inclusive
    last: int = 0
    used: bool = False

    def covers(self, f: Finding) -> bool:
        if not (self.first <= f.line <= self.last):
            return False
        return self.codes is None or any(f.rule.startswith(c) for c in self.codes)

    @property
    def text(self) -> str:
        codes = " " + " ".join(self.codes) if self.codes else ""
        return f"healthlint-{self.kind}{codes}"


@dataclass
class Suppressions:
    directives: list[Directive] = field(default_factory=list)

    def filter(self, findings: list[Finding]) -> list[Finding]:
        kept = []
        for f in findings:
            hit = [d for d in self.directives if d.kind != "enable" and d.covers(f)]
            for d in hit:
                d.used = True
            if not hit:
                kept.append(f)
        return kept

    def unused(self) -> list[Directive]:
        return [d for d in self.directives if d.kind != "enable" and not d.used]


def parse(source: str) -> Suppressions:
    """Directives in a file's text, with the lines each one covers."""
    if "healthlint-" not in source:
        return Suppressions()
    line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
    total = len(line_starts)

    def line_of(offset: int) -> int:
        lo, hi = 0, total - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1

    directives = []
    for m in DIRECTIVE.finditer(source):
        codes = tuple(c.upper() for c in CODES.findall(m.group(2))) or None
        line = line_of(m.start())
        d = Directive(m.group(1), codes, line, line_of(m.end()), m.start() - line_starts[line - 1] + 1)
        directives.append(d)
    open_: list[Directive] = []
    for d in directives:
        if d.kind == "disable-file":
            d.first, d.last = 1, total
        elif d.kind == "disable-next-line":
            d.first = d.last = d.end_line + 1
        elif d.kind == "disable":
            d.first, d.last = d.line, total
            open_.append(d)
        else:  # enable: close the matching open disables
            for o in list(open_):
                if d.codes is None or (o.codes is not None and set(o.codes) <= set(d.codes)):
                    o.last = d.line
                    open_.remove(o)
    return Suppressions(directives)
