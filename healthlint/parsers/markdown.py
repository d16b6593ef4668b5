"""Markdown (CommonMark + tables) with optional YAML front matter, parsed with markdown-it-py.

markdown-it gives each block its source line range and the raw inline source; the inline tokens
give the text a reader sees. We find each text token in the raw inline source (falling back to an
alignment that skips escapes and entities) so every character keeps its source offset.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Any

from ..document import Block, Document, Image, Metadata, OffsetMap
from .builder import TextBuilder, align, maps_one_to_one
from .frontmatter import split_front_matter, apply_front_matter, front_matter_images


@lru_cache(maxsize=1)
def _md() -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.options["maxNesting"] = MAX_NESTING
    return md


# markdown-it reads nested blocks up to this depth (its preset's value): 19 levels of quotes, 9 of
# lists (each list level is two). Deeper text is not parsed; it is reported (HL006), never dropped in
# silence. The limit stays: raised, nested lists take exponential time in the parser (30 levels:
# over a minute).
MAX_NESTING = 20
_TOO_DEEP = re.compile(r"^(?:[ \t]*>){20,}|^[ \t]{18,}(?:[-*+]|\d{1,9}[.)])\s", re.M)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer("\n", text):
        starts.append(m.end())
    return starts


def parse(text: str, path: str) -> Document:
    meta = Metadata()
    notes: list[str] = []
    fm = split_front_matter(text)
    body = text
    images: list[Image] = []
    if fm is not None:
        meta.has_head = True
        apply_front_matter(fm, meta, notes)
        images.extend(front_matter_images(fm, meta))
        # Blank out the front matter (keeping its newlines) so line numbers stay those of the file.
        body = re.sub(r"[^\n]", " ", text[: fm.end]) + text[fm.end :]

    starts = _line_starts(text)
    tokens = _md().parse(body)
    blocks: list[Block] = []
    container: list[str] = []  # open container kinds: "list_item", "blockquote"
    list_depth = 0
    heading: tuple[int, int] | None = None  # (level, line) of the open heading
    in_table = 0
    for tok in tokens:
        t = tok.type
        if t == "list_item_open":
            container.append("list_item")
            list_depth += 1
        elif t == "list_item_close":
            container.pop()
            list_depth -= 1
        elif t == "blockquote_open":
            container.append("blockquote")
        elif t == "blockquote_close":
            container.pop()
        elif t == "table_open":
            in_table += 1
        elif t == "table_close":
            in_table -= 1
        elif t == "heading_open":
            heading = (int(tok.tag[1:]), tok.map[0] if tok.map else 0)
        elif t == "heading_close":
            heading = None
        elif t == "inline" and not in_table and tok.map:
            built = _inline_text(tok, body, starts, meta, images)
            if built is None:
                continue
            btext, offsets, links = built
            if heading is not None:
                kind, level = "heading", heading[0]
            elif container:
                kind = container[-1]
                level = list_depth if kind == "list_item" else 0
            else:
                kind, level = "paragraph", 0
            blocks.append(Block(kind, btext, offsets, level=level, attrs={"links": links} if links else {}))

    _promote_title(blocks)
    if _TOO_DEEP.search(body):
        notes.append("text is nested deeper than the parser reads (20 levels of quotes or about 10 of lists); "
                     "what lies deeper was not checked: flatten it")
    doc = Document(path=path, source=text, format="markdown", blocks=blocks, meta=meta, notes=notes, images=images)
    return doc


def _promote_title(blocks: list[Block]) -> None:
    """The first level-1 heading, when nothing but headings precede it, is the article's title."""
    for b in blocks:
        if b.kind == "heading" and b.level == 1:
            b.kind = "title"
            return
        if b.kind != "heading":
            return


def _inline_text(tok: Any, body: str, starts: list[int], meta: Metadata,
                 images: list[Image]) -> tuple[str, Any, list] | None:
    raw = tok.content
    if not raw.strip():
        return None
    children = tok.children or []
    if (len(children) == 1 and children[0].type == "text" and children[0].content == raw
            and tok.map[0] < len(starts) and maps_one_to_one(raw)):
        # Most paragraphs: one line of plain text, shown as written. It stands in the source where
        # its line's content starts: one contiguous piece, as the general path below would find.
        return raw, OffsetMap.contiguous(_line_base(body, starts, tok.map[0], raw), len(raw)), []
    raw_sources = _RawSources(raw, tok.map[0], body, starts)
    builder = TextBuilder()
    links: list[tuple[int, int, str]] = []
    link_stack: list[tuple[int, str]] = []
    cursor = 0
    image_at = 0  # where to look for the next image's "![" in the raw content
    for child in children:
        ct = child.type
        if ct == "image":
            at = raw.find("![", image_at)
            image_at = at + 2 if at >= 0 else image_at
            src = raw_sources[max(at, 0)]
            close = raw.find(")", max(at, 0))
            end = raw_sources[close] + 1 if close >= 0 else src + 2
            images.append(Image(str(child.attrs.get("src", "")), child.content or "", src, max(end, src + 1)))
            continue
        if ct in ("softbreak", "hardbreak"):
            builder.space()
            continue
        if ct == "link_open":
            href = str(child.attrs.get("href", ""))
            meta.links.append(href)
            link_stack.append((builder.position, href))
            continue
        if ct == "link_close":
            if link_stack:
                start, href = link_stack.pop()
                links.append((start, builder.length, href))
            continue
        if ct not in ("text", "code_inline"):
            continue
        content = child.content
        if not content:
            continue
        found = align(raw, cursor, content)
        if found is None:
            # Could not place it; attach it to where we are so positions stay near.
            here = raw_sources[min(cursor, len(raw_sources) - 1)]
            builder.add_aligned(content, [here] * len(content))
            continue
        idxs, cursor = found
        first_src, last_src = raw_sources[idxs[0]], raw_sources[idxs[-1]]
        if idxs[-1] - idxs[0] == len(content) - 1 and last_src - first_src == len(content) - 1:
            builder.add(content, first_src)  # found verbatim on one line: one contiguous piece
        else:
            builder.add_aligned(content, [raw_sources[i] for i in idxs])
    if builder.empty:
        return None
    text, offsets = builder.build()
    return text, offsets, links


class _RawSources:
    """Source offset of each character of a block's raw inline content (the newline ending a line
    included): line k of the content stands in the source from ``bases[k]`` on. Characters past
    the lines that exist in the source map to the last one's."""

    __slots__ = ("starts", "bases", "covered", "length")

    def __init__(self, raw: str, first_line: int, body: str, starts: list[int]):
        self.starts: list[int] = []  # index in raw where each line starts
        self.bases: list[int] = []
        self.length = len(raw) + 1
        at = 0
        for k, line in enumerate(raw.split("\n")):
            ln = first_line + k
            if ln >= len(starts):
                break
            self.starts.append(at)
            self.bases.append(_line_base(body, starts, ln, line))
            at += len(line) + 1
        self.covered = at

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, i: int) -> int:
        if not self.starts:
            return 0
        i = min(i, self.covered - 1)
        k = bisect.bisect_right(self.starts, i) - 1
        return self.bases[k] + i - self.starts[k]


def _line_base(body: str, starts: list[int], ln: int, content_line: str) -> int:
    """Source offset where a line of inline content starts: its source line ``ln``, after any
    list or quote markers."""
    line_start = starts[ln]
    line_end = starts[ln + 1] - 1 if ln + 1 < len(starts) else len(body)
    return line_start + _locate_line(body[line_start:line_end], content_line)


def _locate_line(src_line: str, content_line: str) -> int:
    """Where a line of inline content starts within its source line (after list/quote markers)."""
    if not content_line:
        return len(src_line)
    stripped = src_line.rstrip()
    c = content_line.rstrip()
    if c and stripped.endswith(c):
        return len(stripped) - len(c)
    idx = src_line.find(content_line)
    if idx >= 0:
        return idx
    return len(src_line) - len(src_line.lstrip())
