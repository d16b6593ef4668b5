"""Kind ``seo-description-keyphrase``: the declared focus keyphrase is not in the meta description.
Message field: ``keyphrase``."""

from __future__ import annotations

from typing import Iterable

from . import register
from .base import Check, Hit
from .seo import content_words, has_phrase, keyphrase, meta_span


@register
class SeoDescriptionKeyphrase(Check):
    kind = "seo-description-keyphrase"
    fields = ("keyphrase",)

    def check(self, doc) -> Iterable[Hit]:
        kp, d = keyphrase(doc, self.config), doc.meta.description
        if kp and d and not has_phrase(content_words(kp), d):
            yield Hit(values={"keyphrase": kp}, source_span=meta_span(doc, "description", len("description")))
