"""Kind ``meta-echo``: the meta description pasted in as the article's first paragraph.

The first body paragraph is reported when its words match the page's description (HTML
``<meta name="description">`` or front matter ``description:``) with a similarity ratio of
``threshold`` or more, or when it reads like a search snippet: it matches one of the ``patterns``
("Discover … Learn how …"). Message field: ``reason``.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Iterable

from ..lexicon import Lexicon, validate_patterns
from ..textsim import words
from . import register
from .base import Check, Hit, Param

_FURNITURE = frozenset({"date", "byline", "badge", "counter"})


@register
class MetaEcho(Check):
    kind = "meta-echo"
    scopes = ("paragraph",)
    params = {
        "threshold": Param(float, 0.85, min=0.1, max=1.0),
        "patterns": Param(list, [r"^(?:discover|explore|find out)\b[^.!?]{0,160}[.!?]\s+(?:learn|find out|see|read)\b"]),
    }
    fields = ("reason",)

    @classmethod
    def validate_params(cls, p: dict) -> dict[str, str]:
        return validate_patterns(p, ("patterns",))

    def setup(self) -> None:
        self.regex = Lexicon(self.p["patterns"], trusted=self.trusted) if self.p["patterns"] else None

    def check(self, doc) -> Iterable[Hit]:
        # The first paragraph of the article itself: lines of page furniture before it (a counter, an
        # SEO badge, a date, a byline: marked by the parsers) are not its introduction.
        first = next((b for b in doc.body if b.kind == "paragraph" and not _FURNITURE & b.attrs.keys()), None)
        if first is None:
            return
        desc = doc.meta.description
        if desc:
            a, b = words(first.text), words(desc)
            if a and b and SequenceMatcher(None, a, b, autojunk=False).ratio() >= self.p["threshold"]:
                yield Hit(first, 0, len(first.text), {"reason": "it repeats the page's meta description"})
                return
        if self.regex is not None and self.regex.search(first.text):
            yield Hit(first, 0, len(first.text), {"reason": "it reads like a search-result snippet (\"Discover… Learn…\")"})
