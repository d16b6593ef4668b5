"""Kind ``seo-title-length``: the SEO title (front matter ``seo_title`` or ``meta_title``, else the
title; HTML ``<title>``) is longer than ``max_chars`` characters or wider than ``max_pixels``
(estimated, Arial 20 px), so results pages cut it off. Message fields: ``value`` (the title),
``chars``, ``pixels``."""

from __future__ import annotations

from typing import Iterable

from . import register
from .base import Check, Hit, Param
from .seo import meta_span

# Advance widths of Arial's characters in thousandths of an em (the font's published metrics), for
# an estimate of how wide a title is in a results page's ~20 px Arial. Unlisted characters count as
# DEFAULT_WIDTH (an average lower-case letter).
_WIDTHS: dict[str, int] = {}
for _chars, _w in (
    ("ijl'", 222), ("ftI.,:;!|/ ", 278), ("r-()[]`", 333), ('"', 355), ("*", 389),
    ("Jcksvxyz", 500), ("abdeghnopqu0123456789?$_#–", 556), ("+<=>~", 584), ("FTZ", 611),
    ("ABEKPSVXY&", 667), ("CDHNRUw", 722), ("GOQ", 778), ("mM", 833), ("%", 889), ("W", 944),
    ("@", 1015), ("—", 1000),
):
    for _c in _chars:
        _WIDTHS[_c] = _w
DEFAULT_WIDTH = 556
FONT_PX = 20


def title_pixels(text: str) -> int:
    """Estimated width of ``text`` in pixels, set in Arial at 20 px."""
    return round(sum(_WIDTHS.get(c, DEFAULT_WIDTH) for c in text) * FONT_PX / 1000)


@register
class SeoTitleLength(Check):
    kind = "seo-title-length"
    params = {"max_chars": Param(int, 60, min=1), "max_pixels": Param(int, 580, min=1)}
    fields = ("value", "chars", "pixels")

    def check(self, doc) -> Iterable[Hit]:
        title = None
        for key in ("seo_title", "meta_title"):
            value = doc.meta.extra.get(key)
            if isinstance(value, str) and value.strip():
                title = value.strip()
        if title is None and doc.format != "text":
            title = doc.title
        if title is None and doc.format == "text":
            title = doc.meta.title  # plain text: only a declared title, never the first line
        if not title:
            return
        chars, pixels = len(title), title_pixels(title)
        if chars > self.p["max_chars"] or pixels > self.p["max_pixels"]:
            anchor = meta_span(doc, "title", len("title"))
            block = next((b for b in doc.blocks if b.kind == "title"), None) if anchor is None else None
            values = {"chars": chars, "pixels": pixels, "value": title}
            if block is not None:
                yield Hit(block, 0, len(block.text), values)
            else:
                yield Hit(values=values, source_span=anchor)
