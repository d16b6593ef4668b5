"""Kind ``label-list``: the items of a list that a label introduces ("SEO Keywords", "Tags"), left in
the text from a CMS or SEO plugin field.

A block whose whole text is a label (``labels``, matched case-insensitively against the whole block:
"SEO Keywords", "Keywords:", "## SEO Keywords:") opens a list; each following block that is shaped
like a list entry rather than prose — a list item or a short line of at most ``max_item_words``
words that does not end as a sentence does, or a comma list of short phrases — is reported, up to
``max_items``, until the first block that reads as prose or a heading. The label itself is another
rule's business (HL505). Detected by shape, so keyword lists in any field and language of keyword
are found without a word list of keywords. Message field: ``match`` (the item's text, shortened).
"""

from __future__ import annotations

import re
from typing import Iterable

from ..document import SENTENCE_END, comma_list_shaped
from ..lexicon import validate_patterns
from . import register
from .base import Check, Hit, Param


def list_entry_shaped(text: str, max_words: int) -> bool:
    """A keyword entry, not prose: no sentence end, and short, or a comma list of short phrases."""
    t = text.strip()
    if not t or SENTENCE_END.search(t):
        return False
    return len(t.split()) <= max_words or comma_list_shaped(t)


@register
class LabelList(Check):
    kind = "label-list"
    scopes = ("block",)
    params = {
        "labels": Param(list),
        "max_item_words": Param(int, 8, min=1, max=50),
        "max_items": Param(int, 100, min=1, max=10_000),
    }
    fields = ("match",)

    @classmethod
    def validate_params(cls, p: dict) -> dict[str, str]:
        if not p["labels"] or not all(isinstance(x, str) and x for x in p["labels"]):
            return {"labels": "must be a non-empty list of regular expressions"}
        return validate_patterns(p, ("labels",))

    def setup(self) -> None:
        self.label = re.compile(r"(?:" + "|".join(self.p["labels"]) + r")", re.I)

    def check(self, doc) -> Iterable[Hit]:
        blocks = doc.blocks
        i = 0
        while i < len(blocks):
            b = blocks[i]
            i += 1
            if len(b.text) > 80 or not self.label.fullmatch(b.text.strip()):
                continue
            reported = 0
            while i < len(blocks) and reported < self.p["max_items"]:
                item = blocks[i]
                if item.is_heading or not list_entry_shaped(item.text, self.p["max_item_words"]) and item.kind != "list_item":
                    break
                if item.kind == "list_item" and SENTENCE_END.search(item.text.strip()) and len(item.text.split()) > self.p["max_item_words"]:
                    break  # a list of sentences: an article's own list, not keywords
                text = item.text.strip()
                shown = text if len(text) <= 60 else text[:57] + "…"
                start = len(item.text) - len(item.text.lstrip())
                yield Hit(item, start, start + len(text), {"match": shown})
                reported += 1
                i += 1
