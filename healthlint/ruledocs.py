"""Where a rule's documentation page lives: one Markdown page per rule, generated from the rule
files into ``docs/rules/<CODE>.md`` (``tools/gen_rule_docs.py``) and shipped in the package.

Reports link every finding to its rule's page with :func:`rule_url`. The link is to a page that
exists on this machine (a ``file:`` URI of the installed copy, so it works offline), or, when the
config sets ``docs-url`` (a team that publishes the pages), that base followed by ``/<CODE>.md``.
A user rule (another prefix, no shipped page) has no page: ``None``.

:func:`param_text` is how the pages and ``healthlint explain`` show a rule's parameters: numbers
and words as they are, pattern lists by their size.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def pages_dir() -> Path | None:
    """The folder of rule pages: the package's copy (a wheel), else the checkout's docs/rules."""
    for d in (_HERE / "_docs" / "rules", _HERE.parent / "docs" / "rules"):
        if d.is_dir():
            return d
    return None


def rule_url(code: str, base: str | None = None) -> str | None:
    """The URL of ``code``'s page: ``base``/CODE.md when a base is configured, else the installed
    page's ``file:`` URI; ``None`` when there is no such page."""
    if base:
        return f"{base.rstrip('/')}/{code}.md"
    d = pages_dir()
    if d is None:
        return None
    page = d / f"{code}.md"
    return page.as_uri() if page.is_file() else None


_PATTERN = re.compile(r"[\\\[\](){}^$*+?|]")  # a character that makes a string a regular expression
INLINE_MAX = 60  # a list of plain words shorter than this is shown as it is


def param_text(value: Any) -> tuple[str, bool]:
    """A parameter's value for people, and whether that is a summary rather than the value itself:
    numbers, words and short lists of plain words as they are; lists of patterns, long lists and
    word families by their size ("12 patterns", "3 word families: agent, benefit, strong")."""
    if value is None:
        return "none", False
    if isinstance(value, bool):
        return ("true" if value else "false"), False
    if isinstance(value, (int, float, str)):
        return str(value), False
    if not value:
        return "none", False
    if isinstance(value, dict):
        return f"{_count(len(value), 'word family', 'word families')}: {', '.join(sorted(map(str, value)))}", True
    items = [str(v) for v in value]
    patterns = any(_PATTERN.search(i) for i in items)
    if not patterns and len(", ".join(items)) <= INLINE_MAX:
        return ", ".join(items), False
    return _count(len(items), "pattern" if patterns else "word"), True


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"
