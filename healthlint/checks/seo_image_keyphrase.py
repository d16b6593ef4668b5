"""Kind ``seo-image-keyphrase``: the article has images and none has the focus keyphrase in its alt
text. Message fields: ``keyphrase``, ``count`` (images in the text)."""

from __future__ import annotations

from typing import Iterable

from . import register
from .base import Check, Hit
from .seo import content_words, has_phrase, keyphrase


@register
class SeoImageKeyphrase(Check):
    kind = "seo-image-keyphrase"
    fields = ("keyphrase", "count")

    def check(self, doc) -> Iterable[Hit]:
        kp = keyphrase(doc, self.config)
        body = [im for im in doc.images if im.where == "body"]
        if not kp or not body:
            return
        content = content_words(kp)
        if not any(has_phrase(content, im.alt or "") for im in doc.images):
            yield Hit(values={"keyphrase": kp, "count": len(body)}, source_span=(body[0].start, body[0].end))
