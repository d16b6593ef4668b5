"""Kind ``seo-description-missing``: no meta description although the file has front matter or an
HTML head. No message fields."""

from __future__ import annotations

from typing import Iterable

from . import register
from .base import Check, Hit


@register
class SeoDescriptionMissing(Check):
    kind = "seo-description-missing"

    def check(self, doc) -> Iterable[Hit]:
        if doc.meta.has_head and not doc.meta.description:
            yield Hit(values={})
