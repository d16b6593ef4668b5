"""Kind ``length``: a sentence, paragraph or section with more words than allowed.

Scopes: ``sentence``, ``paragraph``, ``section`` (the text between two headings; the finding sits
on the section's heading, or its first block when it has none). Parameter: ``max_words``.
Message fields: ``words``.
"""

from __future__ import annotations

from typing import Iterable

from . import register
from .base import Check, Hit, Param, units


@register
class Length(Check):
    kind = "length"
    scopes = ("sentence", "paragraph", "section")
    params = {"max_words": Param(int, min=1)}
    fields = ("words",)

    def check(self, doc) -> Iterable[Hit]:
        limit = self.p["max_words"]
        if self.scope == "section":
            for heading, blocks in doc.sections():
                words = sum(b.word_count for b in blocks)
                if words > limit and blocks:
                    anchor = heading or blocks[0]
                    yield Hit(anchor, 0, len(anchor.text), {"words": words})
            return
        for block, start, end, words in units(doc, self.scope):
            if len(words) > limit:
                yield Hit(block, start, end, {"words": len(words)})
