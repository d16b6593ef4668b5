"""Kind ``seo-keyphrase-slug``: the focus keyphrase's content words are not all in the slug, the
canonical address or the file name. Message field: ``keyphrase``."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Iterable

from . import register
from .base import Check, Hit
from .seo import content_words, keyphrase, meta_span, stem


def slug_words(text: str) -> set[str]:
    return {stem(w) for w in re.split(r"[^0-9a-zà-ÿ]+", text.lower()) if w}


@register
class SeoKeyphraseSlug(Check):
    kind = "seo-keyphrase-slug"
    fields = ("keyphrase",)

    def check(self, doc) -> Iterable[Hit]:
        kp = keyphrase(doc, self.config)
        if not kp:
            return
        places = [doc.slug or ""]
        if doc.path and doc.path != "-":
            places.append(PurePath(doc.path).stem)
        content = content_words(kp)
        if any(content <= slug_words(p) for p in places if p):
            return
        yield Hit(values={"keyphrase": kp}, source_span=meta_span(doc, "keyphrase", len("keyphrase")))
