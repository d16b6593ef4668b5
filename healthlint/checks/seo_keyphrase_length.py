"""Kind ``seo-keyphrase-length``: the focus keyphrase has more than ``max_content_words`` content
words. Message fields: ``keyphrase``, ``words``."""

from __future__ import annotations

from typing import Iterable

from ..phrases import FUNCTION_WORDS
from ..textsim import words as norm_words
from . import register
from .base import Check, Hit, Param
from .seo import keyphrase, meta_span


@register
class SeoKeyphraseLength(Check):
    kind = "seo-keyphrase-length"
    params = {"max_content_words": Param(int, 4, min=1)}
    fields = ("keyphrase", "words")

    def check(self, doc) -> Iterable[Hit]:
        kp = keyphrase(doc, self.config)
        if not kp:
            return
        n = len([w for w in norm_words(kp) if w not in FUNCTION_WORDS])
        if n > self.p["max_content_words"]:
            yield Hit(values={"keyphrase": kp, "words": n}, source_span=meta_span(doc, "keyphrase", len("keyphrase")))
