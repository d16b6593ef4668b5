"""Kind ``input``: problems reading the file itself (category ``input``).

``event: unreadable`` is raised by the engine when a file cannot be read or decoded (binary data,
permission denied); ``decoding``, ``front-matter`` and ``nesting`` come from the parser's notes on a file it
could still lint; ``unused-suppression`` is raised by the engine for a ``healthlint-disable``
comment that silenced nothing, ``invalid-suppression`` for a ``healthlint-`` comment that is not a
valid directive (see :mod:`healthlint.suppress`). Message field: ``reason``.
"""

from __future__ import annotations

from typing import Iterable

from . import register
from .base import Check, Hit, Param

NOTE_EVENTS = {"decoding": "decoded as", "front-matter": "front matter", "nesting": "nested deeper"}


@register
class Input(Check):
    kind = "input"
    scopes = ("document",)
    params = {"event": Param(str, choices=("unreadable", "decoding", "front-matter", "nesting", "unused-suppression", "invalid-suppression", "rule-timeout"))}
    fields = ("reason",)

    def check(self, doc) -> Iterable[Hit]:
        marker = NOTE_EVENTS.get(self.p["event"])
        if marker is None:
            return
        for note in doc.notes:
            if marker in note:
                yield Hit(values={"reason": note}, source_span=(0, 0))
