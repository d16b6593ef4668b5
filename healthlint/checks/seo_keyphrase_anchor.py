"""Kind ``seo-keyphrase-anchor``: a link's anchor text is the focus keyphrase (the page competes
with the page it links to). Message fields: ``keyphrase``, ``anchor``."""

from __future__ import annotations

from typing import Iterable

from . import register
from .base import Check, Hit
from .seo import content_words, keyphrase


@register
class SeoKeyphraseAnchor(Check):
    kind = "seo-keyphrase-anchor"
    fields = ("keyphrase", "anchor")

    def check(self, doc) -> Iterable[Hit]:
        kp = keyphrase(doc, self.config)
        if not kp:
            return
        content = content_words(kp)
        for link in doc.links:
            if link.text and content_words(link.text) == content:
                yield Hit(link.block, link.start, link.end, {"keyphrase": kp, "anchor": link.text})
