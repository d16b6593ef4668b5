"""The ``input-*`` kinds: problems reading the file itself (category ``input``), one kind per event.
Message field: ``reason``.

Three come from the parser's notes on a file it could still lint: ``input-decoding`` (decoded as a
legacy encoding), ``input-front-matter`` (front matter that cannot be read) and ``input-nesting``
(quotes or lists nested deeper than the parser reads). The engine raises the other four itself,
finding their rules by kind: ``input-unreadable`` when a file cannot be read or decoded (binary
data, permission denied; :meth:`~healthlint.engine.Linter.input_failure`), ``input-rule-timeout``
when a rule runs out of time, ``input-invalid-suppression`` for a ``healthlint-`` comment that is not
a valid directive and ``input-unused-suppression`` for a ``healthlint-disable`` comment that silenced
nothing (see :mod:`healthlint.suppress`).

These were one kind, ``input``, with an ``event`` parameter; rule files that say so still load
(:data:`healthlint.checks.RETIRED`).
"""

from __future__ import annotations

from typing import ClassVar, Iterable

from . import register
from .base import Check, Hit


class InputEvent(Check):
    """An input problem. The engine raises it; the check itself finds nothing in a document."""

    scopes = ("document",)
    params = {}
    fields = ("reason",)

    def check(self, doc) -> Iterable[Hit]:
        return ()


class ParserNote(InputEvent):
    """An input problem the parser noted on the document: one finding per note holding ``marker``."""

    marker: ClassVar[str]

    def check(self, doc) -> Iterable[Hit]:
        for note in doc.notes:
            if self.marker in note:
                yield Hit(values={"reason": note}, source_span=(0, 0))


@register
class DecodingFallback(ParserNote):
    kind = "input-decoding"
    marker = "decoded as"


@register
class InvalidFrontMatter(ParserNote):
    kind = "input-front-matter"
    marker = "front matter"


@register
class NestingTooDeep(ParserNote):
    kind = "input-nesting"
    marker = "nested deeper"


@register
class UnreadableFile(InputEvent):
    kind = "input-unreadable"


@register
class UnusedSuppression(InputEvent):
    kind = "input-unused-suppression"


@register
class InvalidSuppression(InputEvent):
    kind = "input-invalid-suppression"


@register
class RuleTimeout(InputEvent):
    kind = "input-rule-timeout"
