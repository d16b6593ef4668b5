"""Where a rule's documentation page lives: one Markdown page per rule, generated from the rule
files into ``docs/rules/<CODE>.md`` (``tools/gen_rule_docs.py``) and shipped in the package.

Reports link every finding to its rule's page with :func:`rule_url`. The link is to a page that
exists on this machine (a ``file:`` URI of the installed copy, so it works offline), or, when the
config sets ``docs-url`` (a team that publishes the pages), that base followed by ``/<CODE>.md``.
A user rule (another prefix, no shipped page) has no page: ``None``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

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
