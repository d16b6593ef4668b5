"""Kind ``share``: too large a share of a document's sentences (or paragraphs) are long.

Parameters: ``long_words`` (a unit with more words than this is long), ``max_share`` (0-1),
``min_units`` (do not judge documents with fewer units). Message fields: ``share`` (percent),
``long``, ``total``.
"""

from __future__ import annotations

from typing import Iterable

from . import register
from .base import Check, Hit, Param, units


@register
class Share(Check):
    kind = "share"
    scopes = ("sentence", "paragraph")
    params = {
        "long_words": Param(int, min=1),
        "max_share": Param(float, min=0.0, max=1.0),
        "min_units": Param(int, 10, min=1),
    }
    fields = ("share", "long", "total")

    def check(self, doc) -> Iterable[Hit]:
        counts = [len(words) for _, _, _, words in units(doc, self.scope) if words]
        if len(counts) < self.p["min_units"]:
            return
        long_ = sum(1 for c in counts if c > self.p["long_words"])
        share = long_ / len(counts)
        if share > self.p["max_share"]:
            yield Hit(values={"share": round(100 * share), "long": long_, "total": len(counts)})
