"""Inline suppression comments, as in markdownlint, read from the file's own text:

* ``<!-- healthlint-disable HL401 HL2 -->`` … ``<!-- healthlint-enable HL401 HL2 -->``: the codes
  (or prefixes) are silenced from the comment's line to the matching enable (or the end of file);
* ``<!-- healthlint-disable-next-line HL401 -->``: only the line after the comment;
* ``<!-- healthlint-disable-line HL401 -->``: the comment's own line(s), as in markdownlint;
* ``<!-- healthlint-disable-file HL401 -->``: the whole file;
* without codes, each form silences every rule; ``healthlint-enable`` without codes ends every
  open disable.

A directive is read exactly: a known verb, then codes or prefixes of real codes (separated by
spaces or commas), then optionally ``--`` and a reason, which is never read as codes (ESLint's
convention): ``<!-- healthlint-disable-next-line HL403 -- approved by the health team -->``.
Anything else in a ``healthlint-`` comment (a misspelt verb, a word that is not a code, an
unknown code) makes the directive invalid: it silences nothing and is reported (HL007), so a
typo never hides more than it names. A finding is silenced when the line it starts on is covered.
Directives that silence nothing are reported (HL004) with ``--warn-unused-suppressions``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Iterable

from .findings import Finding
from .rules import unknown_code

DIRECTIVE = re.compile(r"<!--\s*healthlint-([A-Za-z-]*)(.*?)-->", re.S)
VERBS = ("disable", "enable", "disable-next-line", "disable-line", "disable-file")
CODE_SHAPE = re.compile(r"^[A-Za-z]{1,5}\d{0,4}$")


@dataclass
class Invalid:
    """A ``healthlint-`` comment that could not be read as a directive: it silences nothing."""

    line: int
    column: int
    reason: str
    text: str
    start: int  # offsets of the comment in the source
    end: int


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
    invalid: list[Invalid] = field(default_factory=list)

    def filter(self, findings: list[Finding]) -> list[Finding]:
        """The findings no directive covers. One sweep over the lines in order, holding only the
        directives whose lines are open (a heap by last line): thousands of disable/enable pairs
        and findings cost (findings + directives) x log, not their product."""
        import heapq

        ranges = sorted((d for d in self.directives if d.kind != "enable"), key=lambda d: d.first)
        order = sorted(range(len(findings)), key=lambda i: findings[i].line)
        silenced = [False] * len(findings)
        open_: list[tuple[int, int, Directive]] = []
        nxt = 0
        for i in order:
            f = findings[i]
            while nxt < len(ranges) and ranges[nxt].first <= f.line:
                heapq.heappush(open_, (ranges[nxt].last, nxt, ranges[nxt]))
                nxt += 1
            while open_ and open_[0][0] < f.line:
                heapq.heappop(open_)
            for _, _, d in open_:
                if d.covers(f):
                    d.used = True
                    silenced[i] = True
        return [f for i, f in enumerate(findings) if not silenced[i]]

    def unused(self) -> list[Directive]:
        return [d for d in self.directives if d.kind != "enable" and not d.used]


def _read(verb: str, body: str, known: "frozenset[str] | None") -> tuple[tuple[str, ...] | None, str | None]:
    """(codes or None for every rule, None) for a valid directive, else (None, why it is not)."""
    if verb not in VERBS:
        near = difflib.get_close_matches(verb, VERBS, n=1, cutoff=0.6)
        hint = f"; did you mean 'healthlint-{near[0]}'?" if near else f"; use one of {', '.join('healthlint-' + v for v in VERBS)}"
        return None, f"unknown directive 'healthlint-{verb}'{hint}"
    head = body.split("--", 1)[0]  # after "--": a reason, never codes
    codes = []
    for tok in (t for t in re.split(r"[\s,]+", head) if t):
        if not CODE_SHAPE.match(tok):
            return None, (f"'{tok}' is not a rule code; put a note after '--' "
                          f"(<!-- healthlint-{verb} HL401 -- reason -->)")
        tok = tok.upper()
        problem = unknown_code(tok, known) if known is not None else None
        if problem:
            return None, problem
        codes.append(tok)
    return (tuple(codes) or None), None


def parse(source: str, known: "Iterable[str] | None" = None) -> Suppressions:
    """Directives in a file's text, with the lines each one covers. ``known``: the rule codes a
    directive may name (all loaded rules); without it any code-shaped token is accepted."""
    if "healthlint-" not in source:
        return Suppressions()
    known_set = frozenset(known) if known is not None else None
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
    invalid = []
    for m in DIRECTIVE.finditer(source):
        line = line_of(m.start())
        column = m.start() - line_starts[line - 1] + 1
        verb = m.group(1).lower()
        codes, problem = _read(verb, m.group(2), known_set)
        if problem is not None:
            invalid.append(Invalid(line, column, problem, " ".join(m.group(0).split())[:120], m.start(), m.end()))
            continue
        directives.append(Directive(verb, codes, line, line_of(m.end()), column))
    open_: list[Directive] = []
    for d in directives:
        if d.kind == "disable-file":
            d.first, d.last = 1, total
        elif d.kind == "disable-next-line":
            d.first = d.last = d.end_line + 1
        elif d.kind == "disable-line":
            d.first, d.last = d.line, d.end_line
        elif d.kind == "disable":
            d.first, d.last = d.line, total
            open_.append(d)
        else:  # enable: close the matching open disables
            for o in list(open_):
                if d.codes is None or (o.codes is not None and set(o.codes) <= set(d.codes)):
                    o.last = d.line
                    open_.remove(o)
    return Suppressions(directives, invalid)
