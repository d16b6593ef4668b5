"""Kind ``seo-image-alt``: an image of the text without alt text (or with an empty one). Message
field: ``value`` (the image's address)."""

from __future__ import annotations

from typing import Iterable

from . import register
from .base import Check, Hit


@register
class SeoImageAlt(Check):
    kind = "seo-image-alt"
    fields = ("value",)

    def check(self, doc) -> Iterable[Hit]:
        for im in doc.images:
            if im.where == "body" and not (im.alt or "").strip():
                yield Hit(values={"value": im.src}, source_span=(im.start, im.end))
