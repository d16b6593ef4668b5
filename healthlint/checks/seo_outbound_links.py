"""Kind ``seo-outbound-links``: no link to another site (Markdown and HTML). With
``skip_unsourced`` it stays quiet on a page that cites nothing at all: HL603 (no references)
already reports that. Message field: ``count`` (links on the page)."""

from __future__ import annotations

from typing import Iterable

from . import register
from .base import Check, Hit, Param
from .seo import same_site


@register
class SeoOutboundLinks(Check):
    kind = "seo-outbound-links"
    params = {"skip_unsourced": Param(bool, True)}
    fields = ("count",)

    def check(self, doc) -> Iterable[Hit]:
        if doc.format == "text" or not doc.body:
            return
        if any(link.external and not same_site(link.href, doc.meta.canonical) for link in doc.links):
            return
        if self.p["skip_unsourced"]:
            from ..citations import cites_anything

            if not cites_anything(doc):
                return
        yield Hit(values={"count": len(doc.links)})
