"""Kind ``seo-heading-levels``: a heading more than one level below the one before it (H2 then
H4). Message fields: ``level``, ``previous``."""

from __future__ import annotations

from typing import Iterable

from . import register
from .base import Check, Hit


@register
class SeoHeadingLevels(Check):
    kind = "seo-heading-levels"
    fields = ("level", "previous")

    def check(self, doc) -> Iterable[Hit]:
        if doc.format == "text":
            return
        previous = None
        for b in doc.blocks:
            if not b.is_heading or not b.level:
                continue
            if previous is not None and b.level > previous + 1:
                yield Hit(b, 0, len(b.text), {"level": b.level, "previous": previous})
            previous = b.level
