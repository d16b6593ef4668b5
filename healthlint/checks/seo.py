"""Helpers the ``seo-*`` kinds share: the focus keyphrase and its content words, where a metadata
field stands in the source, and whether a link stays on the site.

The ``seo-*`` kinds are the on-page checks an SEO plugin such as Yoast runs, read from the
document model (front matter or HTML head, headings, links, images, text), one kind per check,
each in its own module (``seo_<check>.py``). A rule stays quiet when the field it reads is absent
from the format (no meta description in a plain-text file is not a finding). They were one kind,
``seo``, with a ``check`` parameter; rule files that say so still load
(:data:`healthlint.checks.RETIRED`).
"""

from __future__ import annotations

import re

from ..phrases import FUNCTION_WORDS
from ..textsim import words as norm_words


def keyphrase(doc, config) -> str | None:
    """The focus keyphrase: the article's own (front matter), else the config's."""
    return doc.meta.keyphrase or config.keyphrase


def stem(w: str) -> str:
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def content_words(phrase: str) -> set[str]:
    """The phrase's content words, stemmed (all its words when it has none)."""
    kp = [stem(w) for w in norm_words(phrase)]
    return {w for w in kp if w not in FUNCTION_WORDS} or set(kp)


def has_phrase(content: set[str], text: str) -> bool:
    """Whether ``text`` holds every word of ``content``."""
    return bool(content) and content <= {stem(w) for w in norm_words(text)}


def meta_span(doc, field: str, length: int = 1) -> tuple[int, int] | None:
    """Where a metadata field (``title``, ``description``, ``keyphrase``) stands in the source."""
    at = doc.meta.positions.get(field)
    return None if at is None else (at, at + max(length, 1))


def host(url: str) -> str:
    m = re.match(r"(?:https?:)?//(?:www\.)?([^/:?#]+)", url.strip(), re.I)
    return m.group(1).lower() if m else ""


def same_site(href: str, canonical: str | None) -> bool:
    """Whether a link points at the page's own site (its canonical address's host)."""
    return bool(canonical) and host(href) == host(canonical) != ""
