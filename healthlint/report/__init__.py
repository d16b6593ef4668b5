"""Report formats. Each module turns a :class:`~healthlint.findings.Report` into text.

``text`` (default; ``concise`` is its one-line-per-finding form), ``json`` (the contract's shape), ``sarif`` (2.1.0, for code scanning),
``github`` (Actions annotations), ``html`` (a self-contained page for editors). A format module
has ``stream(report, **options)``, yielding the report in pieces so a run over 100,000 files
never holds the whole report in memory; :func:`render` here joins them into one string. Add a
format by writing such a module and naming it in :data:`FORMATS`.
"""

from __future__ import annotations

import importlib
import json as _json  # (the submodule healthlint.report.json would shadow a plain 'json')
from typing import Any, Callable, Iterable, Iterator

FORMATS = {
    "text": "healthlint.report.text",
    "json": "healthlint.report.json",
    "sarif": "healthlint.report.sarif",
    "github": "healthlint.report.github",
    "html": "healthlint.report.html",
}


def stream(report: Any, fmt: str, **options: Any) -> Iterator[str]:
    if fmt == "concise":  # the text report, one line per finding (the format before grouping)
        fmt, options = "text", {**options, "style": options.get("style") or "concise"}
    module = importlib.import_module(FORMATS[fmt])
    return module.stream(report, **options)


def render(report: Any, fmt: str, **options: Any) -> str:
    return "".join(stream(report, fmt, **options))


# Characters that must never reach a terminal, a log or a page from an article or a file name: C0 and
# C1 controls (ESC sequences, U+009B), DEL, and the bidirectional controls that reorder what a reader
# sees (U+202E and friends). Tabs stay.
_UNSAFE = {c: f"\\x{c:02x}" for c in [*range(0x00, 0x09), *range(0x0A, 0x20), 0x7F, *range(0x80, 0xA0)]}
_UNSAFE.update({c: f"\\u{c:04x}" for c in [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]})


def safe_text(s: str) -> str:
    """``s`` with control and bidi characters shown as visible escapes (``\\x1b``, ``\\u202e``):
    the one place every human-readable format passes article text and file names through."""
    return s.translate(_UNSAFE) if not s.isprintable() or any(0x200E <= ord(ch) <= 0x206F or ord(ch) == 0x061C for ch in s) else s


_SLOT = "\x00healthlint-items\x00"


def json_with_items(doc: Any, items: Iterable[Any], to_json: Callable[[Any], Any] = lambda x: x) -> Iterator[str]:
    """``_json.dumps(doc, indent=2, ensure_ascii=False)`` in pieces, where the one list in ``doc``
    holding :data:`_SLOT` is filled from ``items`` one at a time (byte for byte the same text)."""
    text = _json.dumps(doc, indent=2, ensure_ascii=False)
    before, after = text.split(_json.dumps(_SLOT, ensure_ascii=False))
    cut = before.rindex("\n")
    head, pad = before[:cut], before[cut + 1 :]  # head ends with "[", pad indents each item
    first = True
    for item in items:
        dumped = _json.dumps(to_json(item), indent=2, ensure_ascii=False)
        yield (head if first else ",") + "\n" + pad + dumped.replace("\n", "\n" + pad)
        first = False
    if first:  # an empty list prints as []
        yield head + after[after.index("]") :] + "\n"
    else:
        yield after + "\n"
