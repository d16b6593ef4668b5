"""HTML articles, parsed with BeautifulSoup's ``html.parser`` (which records each tag's source line
and column). Page chrome (script, style, nav, header, footer, aside, forms) is skipped. Text nodes
carry no positions of their own, so each is found in the source from a cursor that only moves
forward and is pulled up to every tag's recorded start; entities are matched through
:func:`~healthlint.parsers.builder.align`.
"""

from __future__ import annotations

import re
from typing import Any

from ..document import Block, Document, Image, LineIndex, Metadata
from .builder import TextBuilder, align

SKIP = {
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button",
    "select", "option", "svg", "iframe", "canvas", "object", "embed", "head", "title", "meta", "link",
    "textarea", "code", "pre", "table",
}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Elements that start a new block; text directly inside a generic container becomes a paragraph.
BLOCK_TAGS = {
    "p", "li", "blockquote", "dt", "dd", "figcaption", "caption", "div", "section", "article", "main",
    "ul", "ol", "dl", "figure", "body", "html", "br", "hr", "address", "details", "summary",
    *HEADINGS,
}
META_NAMES = {
    "description": "description",
    "og:description": "description",
    "author": "author",
    "article:author": "author",
    "article:published_time": "date",
    "date": "date",
    "dc.date": "date",
    "article:modified_time": "modified",
    "last-modified": "modified",
    "keywords": "keywords",
    "og:title": "title",
}


class _Walker:
    def __init__(self, source: str):
        self.source = source
        self.lines = LineIndex(source)
        self.cursor = 0
        self.blocks: list[Block] = []
        self.links: list[str] = []
        self.images: list[Image] = []
        self._builder = TextBuilder()
        self._kind = ("paragraph", 0)
        self._links: list[tuple[int, int, str]] = []

    def tag_offset(self, tag: Any) -> int | None:
        line = getattr(tag, "sourceline", None)
        if line is None:
            return None
        return self.lines.offset(line, (getattr(tag, "sourcepos", 0) or 0) + 1)

    def flush(self) -> None:
        if not self._builder.empty:
            text, offsets = self._builder.build()
            kind, level = self._kind
            attrs = {"links": self._links} if self._links else {}
            self.blocks.append(Block(kind, text, offsets, level=level, attrs=attrs))
        self._builder = TextBuilder()
        self._links = []

    def walk(self, root: Any, kind: tuple[str, int], list_depth: int) -> None:
        """Visit the tree in document order with an explicit stack (no recursion: pages nested
        thousands of levels deep are fine)."""
        from bs4 import Comment, NavigableString, Tag

        # Each frame: the children still to visit, the block kind and list depth inside this
        # element, and what to do when the element ends.
        stack: list[tuple[Any, tuple[str, int], int, Any]] = [(iter(root.children), kind, list_depth, None)]
        while stack:
            children, kind, depth, on_end = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                if on_end is not None:
                    on_end()
                continue
            if isinstance(child, Tag):
                name = child.name.lower() if child.name else ""
                off = self.tag_offset(child)
                if off is not None and off > self.cursor:
                    self.cursor = off
                if name in SKIP:
                    continue
                if name == "img":
                    at = off if off is not None else self.cursor
                    alt = child.get("alt")
                    self.images.append(Image(str(child.get("src") or ""), None if alt is None else str(alt), at,
                                             max(self.source.find(">", at) + 1, at + 1)))
                if name == "a" and child.get("href"):
                    self.links.append(str(child.get("href")))
                if name in BLOCK_TAGS:
                    self.flush()
                    child_kind, child_depth = kind, depth
                    if name in HEADINGS:
                        child_kind = ("heading", HEADINGS[name])
                    elif name == "li":
                        child_depth = depth + 1
                        child_kind = ("list_item", child_depth)
                    elif name == "blockquote":
                        child_kind = ("blockquote", 0)
                    elif name in ("p", "div", "section", "article", "main", "figcaption", "dd", "dt"):
                        if kind[0] not in ("list_item", "blockquote"):
                            child_kind = ("paragraph", 0)
                    self._kind = child_kind
                    stack.append((iter(child.children), child_kind, child_depth, lambda outer=kind: self._end_block(outer)))
                elif name == "a" and child.get("href"):
                    start, href = self._builder.position, str(child.get("href"))
                    stack.append((iter(child.children), kind, depth,
                                  lambda s=start, h=href: self._links.append((s, self._builder.length, h))))
                else:
                    stack.append((iter(child.children), kind, depth, None))
            elif isinstance(child, NavigableString) and not isinstance(child, Comment):
                if type(child) is not NavigableString:
                    continue  # CData, doctype, processing instructions
                self._text(str(child))

    def _end_block(self, outer: tuple[str, int]) -> None:
        self.flush()
        self._kind = outer

    def _text(self, text: str) -> None:
        if not text.strip():
            if text:
                self._builder.space()
            return
        found = align(self.source, self.cursor, text)
        if found is None:
            self._builder.add_aligned(text, [self.cursor] * len(text))
            return
        idxs, self.cursor = found
        self._builder.add_aligned(text, idxs)


def parse(text: str, path: str) -> Document:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    walker = _Walker(text)
    meta = Metadata()
    _read_meta(soup, meta, walker)
    root = soup.body or soup
    walker.walk(root, ("paragraph", 0), 0)
    walker.flush()
    blocks = walker.blocks
    for b in blocks:
        if b.kind == "heading" and b.level == 1:
            b.kind = "title"
            break
        if b.kind != "heading":
            break
    meta.links.extend(walker.links)
    images = _head_images(soup, walker) + walker.images
    return Document(path=path, source=text, format="html", blocks=blocks, meta=meta, images=images)


def _head_images(soup: Any, walker: _Walker) -> list[Image]:
    """The page's share image (og:image, with og:image:alt), as a head image."""
    if soup.head is None:
        return []
    src = alt = None
    at = 0
    for tag in soup.head.find_all("meta"):
        name = (tag.get("property") or tag.get("name") or "").strip().lower()
        if name == "og:image" and src is None:
            src = (tag.get("content") or "").strip() or None
            at = walker.tag_offset(tag) or 0
        elif name == "og:image:alt" and alt is None:
            alt = (tag.get("content") or "").strip()
    return [Image(src, alt, at, at + 1, "head")] if src else []


def _read_meta(soup: Any, meta: Metadata, walker: _Walker) -> None:
    meta.has_head = soup.head is not None
    for tag in soup.find_all("link"):
        rel = tag.get("rel") or []
        rel = rel.split() if isinstance(rel, str) else rel
        if "canonical" in [r.lower() for r in rel] and (tag.get("href") or "").strip():
            meta.canonical = tag.get("href").strip()
            off = walker.tag_offset(tag)
            if off is not None:
                meta.positions["canonical"] = off
            break
    if soup.title and soup.title.string and soup.title.string.strip():
        meta.title = re.sub(r"\s+", " ", soup.title.string).strip()
        off = walker.tag_offset(soup.title)
        if off is not None:
            meta.positions["title"] = off
    for tag in soup.find_all("meta"):
        name = (tag.get("name") or tag.get("property") or "").strip().lower()
        content = (tag.get("content") or "").strip()
        field = META_NAMES.get(name)
        if not field or not content:
            continue
        if field == "keywords":
            meta.extra.setdefault("keywords", content)
            continue
        if field == "title" and meta.title:
            continue
        if getattr(meta, field) is None:
            setattr(meta, field, content)
            off = walker.tag_offset(tag)
            if off is not None:
                meta.positions[field] = off
    for tag in soup.find_all(attrs={"rel": "author"}):
        if meta.author is None and tag.get_text(strip=True):
            meta.author = tag.get_text(strip=True)
    for tag in soup.find_all("time"):
        if meta.date is None and (tag.get("datetime") or tag.get_text(strip=True)):
            meta.date = tag.get("datetime") or tag.get_text(strip=True)
