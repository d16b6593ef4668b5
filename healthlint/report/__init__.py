"""Report formats. Each module turns a :class:`~healthlint.engine.Report` into text.

``text`` (default), ``json`` (the contract's shape), ``sarif`` (2.1.0, for code scanning),
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
    module = importlib.import_module(FORMATS[fmt])
    return module.stream(report, **options)


def render(report: Any, fmt: str, **options: Any) -> str:
    return "".join(stream(report, fmt, **options))


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
