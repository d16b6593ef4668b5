"""The pattern layer: rule patterns compiled into one regular expression and matched fast.

:class:`Lexicon` is what check kinds match their word and phrase patterns with. Its fast paths
(matching on lower-cased text without IGNORECASE, dropping a leading ``\\b`` and checking the
boundary by hand, testing for strings every match needs before any scan) never change what
matches: ``tests/test_fast_paths.py`` compares them with the plain patterns.

This is the only module that reads ``re``'s internals (its parser and compiler, to find a
pattern's required strings and whether the engine can skip ahead); when those change, each fast
path falls back to the plain pattern.

Patterns from a user's rule files or config overrides (``trusted=False``) are matched with the
``regex`` module under a deadline per rule per document: the engine sets it with
:func:`set_deadline`, and a match past it raises :class:`TimeoutError`.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .document import Document

_ESCAPE = re.compile(r"\\.")
_WORD_CHAR = re.compile(r"\w")


_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")
# Syntax whose match depends on where the text ends or on backtracking the joined text would change.
_ANCHORS_AND_ATOMICS = ("^", "$", "\\A", "\\Z", "\\z", "(?>", "++", "*+", "?+", "}+")


def _structure(pattern: str, start: int = 0):
    """(index, character) of each character of the pattern from ``start`` that is neither escaped
    nor inside a character class: its groups, alternations and the rest of its syntax."""
    i = start
    n = len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i += 1
            if i < n and pattern[i] == "^":
                i += 1
            if i < n and pattern[i] == "]":  # a literal ] first in the class
                i += 1
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            i += 1
            continue
        yield i, ch
        i += 1


def _group_end(pattern: str, start: int) -> int:
    """The index just past the group that opens at ``start``."""
    depth = 0
    for i, ch in _structure(pattern, start):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(pattern)


def without_lookarounds(pattern: str) -> str:
    """The pattern with every lookahead and lookbehind group removed: it matches wherever the
    pattern does (a lookaround only ever rules a match out), so it can gate a scan for it."""
    out: list[str] = []
    kept_from = 0
    for i, ch in _structure(pattern):
        if i >= kept_from and ch == "(" and pattern.startswith(_LOOKAROUNDS, i):
            out.append(pattern[kept_from:i])
            kept_from = _group_end(pattern, i)
    out.append(pattern[kept_from:])
    return "".join(out)


@lru_cache(maxsize=4096)
def leading_boundary(pattern: str) -> bool:
    """Whether the pattern is ``\\b`` followed by the rest (not ``\\ba|b``, whose \\b is one
    branch's): it starts with \\b and has no ``|`` outside groups and character classes."""
    if not pattern.startswith("\\b"):
        return False
    depth = 0
    for _, ch in _structure(pattern, 2):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return False
    return True


def _re_internals() -> tuple[Any, Any]:
    """``re``'s parser and compiler modules (internal: callers fall back when they change)."""
    try:
        from re import _compiler, _parser  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_compile as _compiler  # type: ignore[no-redef]
        import sre_parse as _parser  # type: ignore[no-redef]
    return _compiler, _parser


@lru_cache(maxsize=1024)
def required_literals(pattern: str, flags: int) -> "tuple[str, ...] | None":
    """Strings of which every match of the pattern contains at least one, exactly as written (the
    pattern is matched case-sensitively), or None when no such list is found. One substring test
    per string (``in``, in C) then shows that a text cannot match, before any regex scan.

    Found in the parsed pattern: a run of literal characters every match passes through, a group
    or a repeat of at least one, or an alternation each of whose branches has such strings. Of the
    candidates, the one whose shortest string is longest (the most selective) is kept."""
    try:
        _, parser = _re_internals()
        c = parser  # the opcode names live with the parser's constants
        parsed = parser.parse(pattern, flags)
        if parsed.state.flags & re.IGNORECASE:
            return None
        repeats = {c.MAX_REPEAT, c.MIN_REPEAT}
        if hasattr(c, "POSSESSIVE_REPEAT"):
            repeats.add(c.POSSESSIVE_REPEAT)

        def best_of(items: Any) -> "set[str] | None":
            best: set[str] | None = None
            run: list[str] = []

            def consider(found: "set[str] | None") -> None:
                nonlocal best
                if found and "" not in found and (best is None or min(map(len, found)) > min(map(len, best))):
                    best = found

            for op, av in items:
                if op is c.LITERAL:
                    run.append(chr(av))
                    continue
                consider({"".join(run)} if run else None)
                run = []
                if op is c.SUBPATTERN:
                    if not av[1] and not av[2]:  # no inline flags changed inside
                        consider(best_of(av[3].data))
                elif op is c.BRANCH:
                    branches = [best_of(alt.data) for alt in av[1]]
                    if all(branches):
                        consider(set().union(*branches))
                elif op in repeats and av[0] >= 1:
                    consider(best_of(av[2].data))
            consider({"".join(run)} if run else None)
            return best

        found = best_of(parsed.data)
        if not found:
            return None
        # A string holding another of the list adds nothing ("proven" when "prove" is there).
        kept = {x for x in found if not any(y != x and y in x for y in found)}
        return tuple(sorted(kept, key=lambda x: (len(x), x)))
    except Exception:  # noqa: BLE001 - an internal API changed: no prefilter
        return None


@lru_cache(maxsize=1024)
def skips_ahead(pattern: str, flags: int) -> bool:
    """Whether Python's regex engine can skip to the pattern's possible first characters when it
    searches (a literal prefix or a first-character set), asked of ``re``'s own compiler helpers.
    Should those helpers be missing (they are internal), the answer is no: the patterns are then
    used as written, which gives the same matches."""
    try:
        _compiler, _parser = _re_internals()
        parsed = _parser.parse(pattern, flags)
        if _compiler._get_literal_prefix(parsed, flags)[0]:
            return True
        return _compiler._get_charset_prefix(parsed, flags) is not None
    except Exception:  # noqa: BLE001 - an internal API changed: keep the plain patterns
        return False


def _at_boundary(text: str, i: int) -> bool:
    """Whether \\b holds at index ``i`` of ``text``."""
    before = i > 0 and _WORD_CHAR.match(text, i - 1) is not None
    after = i < len(text) and _WORD_CHAR.match(text, i) is not None
    return before != after


# Deadline (time.monotonic()) for the rule now running on the current document; the engine sets it.
# Patterns from users' rule files and config overrides are matched with the regex module under it.
_DEADLINE = [float("inf")]


def set_deadline(deadline: float) -> None:
    """Untrusted patterns matched from now on must finish by ``deadline`` (``time.monotonic()``);
    ``float("inf")`` lifts it."""
    _DEADLINE[0] = deadline


def _remaining() -> float:
    import time

    left = _DEADLINE[0] - time.monotonic()
    if left <= 0:
        raise TimeoutError("time budget used up")
    return left


class Lexicon:
    """Case-insensitive patterns matched fast: when no pattern has an upper-case letter of its own
    (outside escapes like \\S), they are compiled without IGNORECASE and run on the lower-cased
    text (about three times faster in Python's engine); otherwise, or when lower-casing would change
    the text's length, IGNORECASE on the original text. Same matches either way."""

    def __init__(self, patterns: list, ignore_case: bool = True, trusted: bool = True):
        pats = [str(p) for p in patterns if str(p)]
        self.trusted = trusted
        source = "|".join(f"(?:{p})" for p in pats)
        self.empty = not pats
        self.folded = ignore_case and not any(ch.isupper() for p in pats for ch in _ESCAPE.sub("", p))
        flags = 0 if (self.folded or not ignore_case) else re.IGNORECASE
        self.regex = re.compile(source if pats else r"(?!x)x", flags)
        # When every pattern starts with \b, the same patterns without it, the boundary checked
        # by hand (_bare_search): a leading \b stops Python's engine from skipping ahead to a
        # possible first character, and scanning an article costs 2-3x more with it. That holds
        # only when the engine finds such characters for the bare patterns (each starts with a
        # literal letter); when one starts with a group of words ("(?:highly|very) effective"),
        # the \b, which fails at once inside a word, is the faster filter, so it stays.
        self._bare = None
        if trusted and pats and all(leading_boundary(p) for p in pats):
            bare = "|".join(f"(?:{p[2:]})" for p in pats)
            if skips_ahead(bare, flags):
                self._bare = re.compile(bare, flags)
        self.ignore_case = ignore_case
        # Strings one of which every match contains (matched as written: only without IGNORECASE,
        # i.e. case-sensitive patterns, or folded ones run on lower-cased text).
        self._required = required_literals(self.regex.pattern, flags) if trusted and pats and not flags & re.IGNORECASE else None
        # Without anchors, lookarounds or atomic groups, a pattern that matches inside a block or
        # sentence also matches in the blocks' NUL-joined text (the NUL, like a block edge, is neither a word
        # character nor a space; no shipped pattern matches it).
        anchored = any(a in source for a in _ANCHORS_AND_ATOMICS)
        # ("(?<" also stands for the regex module's "(?<name>" in a user's patterns: kept out too.)
        self.gateable = not anchored and not any(a in source for a in ("(?=", "(?!", "(?<"))
        # With lookarounds only, the patterns without them gate the scan instead: they match
        # wherever the patterns do, so the spans they find cover every real match.
        self._gate: re.Pattern | None = None
        if not self.gateable and trusted and pats and not anchored:
            try:
                self._gate = re.compile(without_lookarounds(source), flags)
            except re.error:
                self._gate = None
        self._caseless: re.Pattern | None = None
        self._guarded = None
        if not trusted:  # a user's patterns: the regex module, with a timeout, on the original text
            import regex as regex_module

            self.folded = False
            self._guarded = regex_module.compile(source if pats else r"(?!x)x", regex_module.IGNORECASE if ignore_case else 0)

    def _slow(self) -> re.Pattern:
        """IGNORECASE on the original text, for the rare text whose length lower-casing changes."""
        if self._caseless is None:
            self._caseless = re.compile(self.regex.pattern, re.IGNORECASE)
        return self._caseless

    @property
    def bare(self) -> bool:
        """Whether the patterns run without their leading ``\\b``, the boundary checked by hand
        (the fast path for lists whose patterns all start with a literal word)."""
        return self._bare is not None

    @classmethod
    def optional(cls, patterns: list, trusted: bool = True) -> "Lexicon | None":
        """A Lexicon, or None when there are no patterns (so checks can skip the step)."""
        lex = cls(patterns, trusted=trusted)
        return None if lex.empty else lex

    def _call(self, method: str, text: str, low: str | None) -> Any:
        """Run ``method`` (search, fullmatch, finditer) on the right pattern and text. Match
        positions always refer to ``text`` (lower-casing is used only when it keeps the length)."""
        if self._guarded is not None:  # a user's patterns: under the rule's deadline
            return getattr(self._guarded, method)(text, timeout=_remaining())
        if not self.folded:
            return getattr(self.regex, method)(text)
        if low is None:
            low = text.lower()
        if len(low) != len(text):
            return getattr(self._slow(), method)(text)
        if self._bare is not None and method != "fullmatch":
            return self._bare_search(low) if method == "search" else self._bare_finditer(low)
        return getattr(self.regex, method)(low)

    def _gate_finditer(self, text: str, low: str | None):
        """The lookaround-free patterns' matches, on the text ``_call`` would use."""
        assert self._gate is not None
        if not self.folded:
            return self._gate.finditer(text)
        if low is None:
            low = text.lower()
        if len(low) != len(text):
            return re.compile(self._gate.pattern, re.IGNORECASE).finditer(text)
        return self._gate.finditer(low)

    def _bare_search(self, text: str, pos: int = 0) -> "re.Match | None":
        """The first match of ``self.regex`` at or after ``pos``, found with the \\b-less patterns."""
        rx = self._bare
        while True:
            m = rx.search(text, pos)
            if m is None or _at_boundary(text, m.start()):
                return m
            pos = m.start() + 1

    def _bare_finditer(self, text: str) -> list:
        out = []
        pos = 0
        while pos <= len(text):
            m = self._bare_search(text, pos)
            if m is None:
                break
            if m.end() == m.start():  # an empty match: leave finditer's rules for those to re
                return list(self.regex.finditer(text))
            out.append(m)
            pos = m.end()
        return out

    def block_spans(self, doc: "Document", body_only: bool = True) -> "dict[int, list[tuple[int, int]]] | None":
        """Where the patterns match in the document's body (or every block), from one scan of the
        blocks' joined text: {block index: [(start, end) in the block's text]}; an empty dict when
        nothing matches; None when the patterns cannot be run that way (anchors, lookarounds, an
        empty match), so the caller tests every unit itself.

        A sentence or block with a match of its own overlaps one of these spans: scanning the
        joined text reaches each position the unit's own scan would, and a match there either
        exists in the joined text too or an earlier one covers it (lookarounds and atomic groups,
        which could tell the longer text apart, are excluded). So a check can skip every unit no
        span touches and run its own per-unit matching, unchanged, on the rest."""
        text, low, starts = doc.joined(body_only)
        if self._required is not None:
            # No unit can match when the article lacks all the strings every match needs (a
            # unit's text is part of the joined text): true with anchors and lookarounds too.
            # Lexicons share many strings, so each answer is remembered for the document.
            scanned = low if self.folded else text
            if scanned is not None:
                seen = doc.analyses.literal_hits.setdefault((body_only, self.folded), {})
                for x in self._required:
                    has = seen.get(x)
                    if has is None:
                        has = seen[x] = x in scanned
                    if has:
                        break
                else:
                    return {}
        if not self.gateable and self._gate is None:
            return None
        blocks = doc.body if body_only else doc.blocks
        spans: dict[int, list[tuple[int, int]]] = {}
        for m in (self.finditer(text, low) if self.gateable else self._gate_finditer(text, low)):
            a, e = m.span()
            if a == e:
                return None
            k = bisect.bisect_right(starts, a) - 1
            while k < len(blocks) and starts[k] < e:
                b = blocks[k]
                spans.setdefault(b.index, []).append((max(a - starts[k], 0), min(e - starts[k], len(b.text))))
                k += 1
        return spans

    def search(self, text: str, low: str | None = None) -> "re.Match | None":
        return self._call("search", text, low)

    def fullmatch(self, text: str, low: str | None = None) -> "re.Match | None":
        return self._call("fullmatch", text, low)

    def finditer(self, text: str, low: str | None = None):
        return self._call("finditer", text, low)


def validate_patterns(p: dict, keys: tuple[str, ...], ignore_case: bool = True) -> dict[str, str]:
    """Check regular-expression list parameters. Each list is compiled once, as the check will use
    it (so the check's own compile is a cache hit); patterns are compiled one by one only to name
    the bad one."""
    for key in keys:
        patterns = p.get(key) or []
        if not all(isinstance(x, str) for x in patterns):
            return {key: "must be a list of regular expressions (strings)"}
        try:
            Lexicon(patterns, ignore_case)
        except re.error:
            for x in patterns:
                try:
                    re.compile(x)
                except re.error as e:
                    return {key: f"bad regular expression {x!r}: {e}"}
            return {key: "the patterns do not combine into one regular expression"}
    return {}
