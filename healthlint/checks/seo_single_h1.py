"""Kind ``seo-single-h1``: not exactly one level-1 heading (Markdown and HTML; none is accepted when
the front matter has a title, which the site's template shows as the heading). Message fields:
``count``, ``problem``."""

from __future__ import annotations

from typing import Iterable

from . import register
from .base import Check, Hit


@register
class SeoSingleH1(Check):
    kind = "seo-single-h1"
    fields = ("count", "problem")

    def check(self, doc) -> Iterable[Hit]:
        if doc.format == "text":
            return  # plain text gives headings no reliable level
        h1 = [b for b in doc.blocks if b.is_heading and b.level == 1]
        if len(h1) > 1:
            b = h1[1]
            yield Hit(b, 0, len(b.text), {"count": len(h1), "problem": f"{len(h1)} level-1 headings"})
        elif not h1 and not (doc.format == "markdown" and doc.meta.title) and doc.blocks:
            yield Hit(values={"count": 0, "problem": "no level-1 heading"})
