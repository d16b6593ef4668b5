"""Kind ``internal-links`` (a corpus kind): in a run of two or more Markdown or HTML pages (a
site), a page that links to none of the site's pages (no relative link, no absolute link to its own
host). Message fields: ``count`` (the page's links), ``pages`` (pages in the run)."""

from __future__ import annotations

from typing import Any

from . import register
from .base import Check, CorpusHit, Param
from .seo import same_site


@register
class InternalLinks(Check):
    """Corpus kind: in a run of two or more Markdown or HTML pages (a site), a page that links to
    none of the site's pages (no relative link, no absolute link to its own host)."""

    kind = "internal-links"
    scopes = ("corpus",)
    corpus = True
    params = {"min_pages": Param(int, 2, min=2), "min_words": Param(int, 100, min=0)}
    fields = ("count", "pages")

    def fingerprint(self, doc) -> Any:
        if doc.format == "text" or doc.word_count < self.p["min_words"]:
            return None  # plain text has no links to count; very short pages are not articles
        internal = sum(1 for link in doc.links if link.relative or same_site(link.href, doc.meta.canonical))
        return (internal, len(doc.links))

    def finish(self, records) -> dict[str, list[CorpusHit]]:
        records = list(records)
        pages = [(p, r) for p, r in records if r is not None]
        if len(records) < self.p["min_pages"]:
            return {}  # a single file is not a site
        out: dict[str, list[CorpusHit]] = {}
        for path, (internal, total) in pages:
            if internal == 0:
                out[path] = [CorpusHit(1, 1, 1, 1, {"count": total, "pages": len(records), "whole": True})]
        return out
