"""Kinds ``seo`` and ``internal-links``: the on-page checks an SEO plugin such as Yoast runs, read
from the document model (front matter or HTML head, headings, links, images, text).

``check`` picks one:

* ``title-length``: the SEO title (front matter ``seo_title``, else the title; HTML ``<title>``)
  longer than ``max_chars`` characters or wider than ``max_pixels`` (estimated, Arial 20 px).
* ``description-missing``: no meta description although the file has front matter or a head.
* ``description-length``: a meta description outside ``min_chars``–``max_chars``.
* ``description-keyphrase``: the declared focus keyphrase is not in the meta description.
* ``single-h1``: not exactly one level-1 heading (Markdown and HTML; none is accepted when the
  front matter has a title, which the site's template shows as the heading).
* ``heading-levels``: a heading more than one level below the one before it (H2 then H4).
* ``image-alt``: an image of the text without alt text.
* ``image-keyphrase``: the article has images and none has the focus keyphrase in its alt text.
* ``outbound-links``: no link to another site (Markdown and HTML). With ``skip_unsourced`` it stays
  quiet on a page that cites nothing at all: HL603 (no references) already reports that.
* ``text-length``: fewer than ``min_words`` words, unless the front matter's ``type`` is one of
  ``exempt_types`` (short pages by design: FAQ, landing, contact).
* ``keyphrase-slug``: the focus keyphrase's content words are not all in the slug, the canonical
  address or the file name.
* ``keyphrase-length``: the focus keyphrase has more than ``max_content_words`` content words.
* ``keyphrase-anchor``: a link's anchor text is the focus keyphrase (the page competes with the
  page it links to).
* ``passive-voice``: more than ``max_share`` of the sentences are in the passive (at least
  ``min_sentences`` sentences).

A rule stays quiet when the field it reads is absent from the format (no meta description in a
plain-text file is not a finding). Message fields: ``value``, ``chars``, ``pixels``, ``count``,
``share``, ``words``, ``keyphrase``, ``anchor``, ``level``, ``previous``, ``problem``.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any, Iterable

from ..phrases import FUNCTION_WORDS
from ..textsim import words as norm_words
from . import register
from .base import Check, CorpusHit, Hit, Param

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


# --- passive voice ----------------------------------------------------------------------------

_BE = {"am", "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't", "weren't",
       "'s", "'re", "’s", "’re"}
# Words that may stand between the form of "be" and the participle ("is often caused", "was not seen").
_BETWEEN = {"not", "also", "often", "usually", "sometimes", "always", "never", "rarely", "still",
            "generally", "commonly", "typically", "frequently", "then", "now", "already", "mostly", "only",
            "largely", "mainly", "widely", "easily", "best", "further", "being", "just", "all"}
IRREGULAR_PARTICIPLES = set("""
arisen awoken borne born beaten become begun bent bet bitten bled blown broken bred brought built
burnt bought caught chosen come cut dealt done drawn dreamt drunk driven eaten fallen fed felt
fought found fled flown forbidden forgotten forgiven frozen given gone ground grown hung had heard
hidden hit held hurt kept knelt known laid led leant learnt left lent let lain lit lost made meant
met paid put quit read ridden rung risen run said seen sought sold sent set shaken shed shot shown
shrunk shut sung sunk sat slept slid spoken spent spun spread stood stolen stuck stung struck
proven sworn swept swollen swum taken taught torn told thought thrown understood undergone undertaken
upset woken worn woven won withdrawn written overcome overtaken overseen mistaken forecast
""".split())
# -ed words that are not participles, or are mostly adjectives after "be" (a state, not an action).
NOT_PASSIVE = set("""
need needed bed red shed seed feed speed indeed hundred bleed breed creed greed weed steed deed
tired worried interested concerned excited pleased surprised bored confused scared frightened
married supposed used ashamed amazed annoyed delighted disappointed embarrassed exhausted
frustrated relaxed satisfied stressed depressed determined experienced qualified talented
dedicated committed aged naked wicked sacred beloved crooked rugged ragged skilled advanced
limited detailed balanced complicated sophisticated educated unexpected unrelated unknown
overweight alleged devoted prepared involved located based related attached opposed
""".split())
_DEGREE = {"very", "so", "too", "quite", "rather", "more", "most", "less", "least", "extremely", "really", "fairly"}


def is_participle(word: str) -> bool:
    w = word.lower()
    if w in NOT_PASSIVE:
        return False
    if w in IRREGULAR_PARTICIPLES:
        return True
    return len(w) >= 5 and w.endswith("ed")


def passive(tokens: list[str]) -> bool:
    """Whether a sentence (lower-case words) has a passive: a form of "be", up to two adverbs,
    then a past participle; "is very worried" (a degree word) and the adjectives of
    :data:`NOT_PASSIVE` are states, not passives. "by" after the participle confirms one."""
    n = len(tokens)
    for i, t in enumerate(tokens):
        if t not in _BE:
            continue
        j = i + 1
        skipped = 0
        while j < n and skipped < 2 and (tokens[j] in _BETWEEN or (tokens[j].endswith("ly") and len(tokens[j]) > 4)):
            j += 1
            skipped += 1
        if j >= n or tokens[j] in _DEGREE:
            continue
        if tokens[j] in ("used", "supposed") and j + 1 < n and tokens[j + 1] == "to":
            # "is used to treat" is a passive; "be supposed to" is not.
            if tokens[j] == "used":
                return True
            continue
        if is_participle(tokens[j]):
            return True
        if tokens[j] in NOT_PASSIVE and j + 1 < n and tokens[j + 1] == "by":
            return True  # "is caused by", "was prepared by": an agent makes it a passive
    return False


def _split_be(tokens: list[str]) -> list[str]:
    """Contracted "it's" / "they're" become two tokens so the "be" form is seen."""
    if not any("'" in t or "’" in t for t in tokens):
        return tokens
    out = []
    for t in tokens:
        m = re.match(r"^(\w+)(['’](?:s|re))$", t)
        if m and m.group(1) in ("it", "that", "there", "what", "they", "we", "you", "he", "she", "who"):
            out.extend((m.group(1), m.group(2)))
        else:
            out.append(t)
    return out


# --- helpers -----------------------------------------------------------------------------------

def _stem(w: str) -> str:
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def _content(phrase: str) -> set[str]:
    kp = [_stem(w) for w in norm_words(phrase)]
    return {w for w in kp if w not in FUNCTION_WORDS} or set(kp)


def _has_phrase(content: set[str], text: str) -> bool:
    return bool(content) and content <= {_stem(w) for w in norm_words(text)}


def _slug_words(text: str) -> set[str]:
    return {_stem(w) for w in re.split(r"[^0-9a-zà-ÿ]+", text.lower()) if w}


def _span(doc, field: str, length: int = 1) -> tuple[int, int] | None:
    at = doc.meta.positions.get(field)
    return None if at is None else (at, at + max(length, 1))


_FIELDS = ("value", "chars", "pixels", "count", "share", "words", "keyphrase", "anchor", "level", "previous", "problem")
CHECKS = ("title-length", "description-missing", "description-length", "description-keyphrase", "single-h1",
          "heading-levels", "image-alt", "image-keyphrase", "outbound-links", "text-length", "keyphrase-slug",
          "keyphrase-length", "keyphrase-anchor", "passive-voice")


@register
class Seo(Check):
    kind = "seo"
    scopes = ("document",)
    params = {
        "check": Param(str, choices=CHECKS),
        "max_chars": Param(int, 60, min=1),
        "min_chars": Param(int, 0, min=0),
        "max_pixels": Param(int, 580, min=1),
        "min_words": Param(int, 300, min=0),
        "exempt_types": Param(list, ["faq", "landing", "contact"]),
        "max_content_words": Param(int, 4, min=1),
        "max_share": Param(float, 0.10, min=0.0, max=1.0),
        "min_sentences": Param(int, 5, min=1),
        "skip_unsourced": Param(bool, True),
    }
    fields = _FIELDS

    def check(self, doc) -> Iterable[Hit]:
        return getattr(self, "_" + self.p["check"].replace("-", "_"))(doc) or ()

    def _keyphrase(self, doc) -> str | None:
        return doc.meta.keyphrase or self.config.keyphrase

    # titles and descriptions
    def _title_length(self, doc) -> Iterable[Hit]:
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
            anchor = _span(doc, "title", len("title"))
            block = next((b for b in doc.blocks if b.kind == "title"), None) if anchor is None else None
            values = {"chars": chars, "pixels": pixels, "value": title}
            if block is not None:
                yield Hit(block, 0, len(block.text), values)
            else:
                yield Hit(values=values, source_span=anchor)

    def _description_missing(self, doc) -> Iterable[Hit]:
        if doc.meta.has_head and not doc.meta.description:
            yield Hit(values={})

    def _description_length(self, doc) -> Iterable[Hit]:
        d = doc.meta.description
        if not d:
            return
        chars = len(d)
        if chars < self.p["min_chars"]:
            problem = f"shorter than {self.p['min_chars']}"
        elif chars > self.p["max_chars"]:
            problem = f"longer than {self.p['max_chars']}"
        else:
            return
        yield Hit(values={"chars": chars, "problem": problem}, source_span=_span(doc, "description", len("description")))

    def _description_keyphrase(self, doc) -> Iterable[Hit]:
        kp, d = self._keyphrase(doc), doc.meta.description
        if kp and d and not _has_phrase(_content(kp), d):
            yield Hit(values={"keyphrase": kp}, source_span=_span(doc, "description", len("description")))

    # headings
    def _single_h1(self, doc) -> Iterable[Hit]:
        if doc.format == "text":
            return  # plain text gives headings no reliable level
        h1 = [b for b in doc.blocks if b.is_heading and b.level == 1]
        if len(h1) > 1:
            b = h1[1]
            yield Hit(b, 0, len(b.text), {"count": len(h1), "problem": f"{len(h1)} level-1 headings"})
        elif not h1 and not (doc.format == "markdown" and doc.meta.title) and doc.blocks:
            yield Hit(values={"count": 0, "problem": "no level-1 heading"})

    def _heading_levels(self, doc) -> Iterable[Hit]:
        if doc.format == "text":
            return
        previous = None
        for b in doc.blocks:
            if not b.is_heading or not b.level:
                continue
            if previous is not None and b.level > previous + 1:
                yield Hit(b, 0, len(b.text), {"level": b.level, "previous": previous})
            previous = b.level

    # images
    def _image_alt(self, doc) -> Iterable[Hit]:
        for im in doc.images:
            if im.where == "body" and not (im.alt or "").strip():
                yield Hit(values={"value": im.src}, source_span=(im.start, im.end))

    def _image_keyphrase(self, doc) -> Iterable[Hit]:
        kp = self._keyphrase(doc)
        body = [im for im in doc.images if im.where == "body"]
        if not kp or not body:
            return
        content = _content(kp)
        if not any(_has_phrase(content, im.alt or "") for im in doc.images):
            yield Hit(values={"keyphrase": kp, "count": len(body)}, source_span=(body[0].start, body[0].end))

    # links
    def _outbound_links(self, doc) -> Iterable[Hit]:
        if doc.format == "text" or not doc.body:
            return
        if any(link.external and not _same_site(link.href, doc.meta.canonical) for link in doc.links):
            return
        if self.p["skip_unsourced"]:
            from ..citations import cites_anything

            if not cites_anything(doc):
                return
        yield Hit(values={"count": len(doc.links)})

    # length
    def _text_length(self, doc) -> Iterable[Hit]:
        kind = (doc.meta.page_type or "").strip().lower()
        if kind and kind in [str(t).lower() for t in self.p["exempt_types"]]:
            return
        if not doc.body:
            return
        if doc.word_count < self.p["min_words"]:
            yield Hit(values={"words": doc.word_count})

    # keyphrase
    def _keyphrase_slug(self, doc) -> Iterable[Hit]:
        kp = self._keyphrase(doc)
        if not kp:
            return
        places = [doc.slug or ""]
        if doc.path and doc.path != "-":
            places.append(PurePath(doc.path).stem)
        content = _content(kp)
        if any(content <= _slug_words(p) for p in places if p):
            return
        yield Hit(values={"keyphrase": kp}, source_span=_span(doc, "keyphrase", len("keyphrase")))

    def _keyphrase_length(self, doc) -> Iterable[Hit]:
        kp = self._keyphrase(doc)
        if not kp:
            return
        n = len([w for w in norm_words(kp) if w not in FUNCTION_WORDS])
        if n > self.p["max_content_words"]:
            yield Hit(values={"keyphrase": kp, "words": n}, source_span=_span(doc, "keyphrase", len("keyphrase")))

    def _keyphrase_anchor(self, doc) -> Iterable[Hit]:
        kp = self._keyphrase(doc)
        if not kp:
            return
        content = _content(kp)
        for link in doc.links:
            if link.text and _content(link.text) == content:
                yield Hit(link.block, link.start, link.end, {"keyphrase": kp, "anchor": link.text})

    # style
    def _passive_voice(self, doc) -> Iterable[Hit]:
        sentences = [s for s in doc.sentences if s.block.kind in ("paragraph", "list_item", "blockquote") and len(s.tokens) >= 3]
        if len(sentences) < self.p["min_sentences"]:
            return
        # Most sentences hold no form of "be" (and no contraction): a set test skips them.
        count = sum(1 for s in sentences
                    if (not _BE.isdisjoint(s.tokens) or any("'" in t or "’" in t for t in s.tokens))
                    and passive(_split_be(s.tokens)))
        share = count / len(sentences)
        if share > self.p["max_share"]:
            yield Hit(values={"count": count, "share": round(100 * share), "value": len(sentences)})


def _host(url: str) -> str:
    m = re.match(r"(?:https?:)?//(?:www\.)?([^/:?#]+)", url.strip(), re.I)
    return m.group(1).lower() if m else ""


def _same_site(href: str, canonical: str | None) -> bool:
    return bool(canonical) and _host(href) == _host(canonical) != ""


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
        internal = sum(1 for link in doc.links if link.relative or _same_site(link.href, doc.meta.canonical))
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
