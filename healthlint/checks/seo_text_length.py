"""Kind ``seo-text-length``: fewer than ``min_words`` words, unless the front matter's ``type`` is
one of ``exempt_types`` (pages short by design; the shipped rule lists FAQ, landing and contact
pages). Message field: ``words``."""

from __future__ import annotations

from typing import Iterable

from . import register
from .base import Check, Hit, Param


@register
class SeoTextLength(Check):
    kind = "seo-text-length"
    params = {
        "min_words": Param(int, 300, min=0),
        "exempt_types": Param(list, help="Page types (front matter type:) that may be short."),
    }
    fields = ("words",)

    def check(self, doc) -> Iterable[Hit]:
        kind = (doc.meta.page_type or "").strip().lower()
        if kind and kind in [str(t).lower() for t in self.p["exempt_types"]]:
            return
        if not doc.body:
            return
        if doc.word_count < self.p["min_words"]:
            yield Hit(values={"words": doc.word_count})
