"""Kind ``seo-description-length``: a meta description shorter than ``min_chars`` or longer than
``max_chars`` characters. Message fields: ``chars``, ``problem`` ("shorter than 120")."""

from __future__ import annotations

from typing import Iterable

from . import register
from .base import Check, Hit, Param
from .seo import meta_span


@register
class SeoDescriptionLength(Check):
    kind = "seo-description-length"
    params = {"max_chars": Param(int, 60, min=1), "min_chars": Param(int, 0, min=0)}
    fields = ("chars", "problem")

    def check(self, doc) -> Iterable[Hit]:
        d = doc.meta.description
        if not d:
            return
        chars = len(d)
        if chars < self.p["min_chars"]:
            problem = f"shorter than {self.p['min_chars']}"
        elif chars > self.p["max_chars"]:
            problem = f"longer than {self.p['max_chars']}"
        else:
            return
        yield Hit(values={"chars": chars, "problem": problem}, source_span=meta_span(doc, "description", len("description")))
