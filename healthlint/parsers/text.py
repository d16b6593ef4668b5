"""Plain-text articles, including text copied off web pages.

* Paragraphs are separated by blank lines. Inside a group of lines, a line break also ends a
  paragraph when the text is not hard-wrapped (scraped pages put one paragraph per line).
* A short line that ends with ":" or has no closing punctuation, standing alone, is a heading;
  Markdown-style ``#`` headings and ``-``/``*``/``1.`` bullets are recognised too.
* The first short line is the title.
"""

from __future__ import annotations

import re

from ..document import Block, Document, Metadata, OffsetMap
from .builder import TextBuilder

_COMMENT_LINE = re.compile(r"^\s*<!--.*-->\s*$")
_BULLET = re.compile(r"^(\s*)(?:[-*•+]|\d{1,3}[.)])\s+")
_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_TERMINAL = tuple(".!?…\"'”’)")
HEADING_MAX_WORDS = 12
TITLE_MAX_WORDS = 20


def _lines(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


_SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "in", "on", "to", "for", "with", "by", "at", "from", "as", "vs"}


def _title_case(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and sum(1 for w in content if w[:1].isupper() or w[:1] in "(0123456789") >= 0.8 * len(content)


def _is_headingish(line: str) -> bool:
    s = line.strip()
    words = s.split()
    if not words or len(s) > 160:
        return False
    if len(words) > HEADING_MAX_WORDS and not (len(words) <= 25 and _title_case(words)):
        return False
    if s.endswith(":"):
        return True
    return not s.endswith(_TERMINAL) and not s.endswith((",", ";")) and s[0].isupper()


def _hard_wrapped(group: list[tuple[int, str]]) -> bool:
    """A paragraph wrapped at a fixed width: every line but the last is long (near the widest
    line, which is 40-100 characters) and most of them do not end a sentence."""
    if len(group) < 2:
        return False
    lengths = [len(ln.rstrip()) for _, ln in group]
    width = max(lengths)
    if width < 40 or width > 100:
        return False
    body = [ln.rstrip() for _, ln in group[:-1]]
    if any(len(ln) < 0.6 * width for ln in body):
        return False
    ends = sum(1 for ln in body if ln.endswith((".", "!", "?", ":")))
    return ends <= len(body) / 2


def parse(text: str, path: str) -> Document:
    lines = _lines(text)
    groups: list[list[tuple[int, str]]] = []
    cur: list[tuple[int, str]] = []
    for pos, line in lines:
        if _COMMENT_LINE.match(line):  # healthlint-disable comments and other HTML comments
            continue
        if line.strip():
            cur.append((pos, line))
        elif cur:
            groups.append(cur)
            cur = []
    if cur:
        groups.append(cur)

    blocks: list[Block] = []
    for group in groups:
        units: list[list[tuple[int, str]]]
        if _hard_wrapped(group) and not any(_BULLET.match(ln) or _ATX.match(ln) for _, ln in group):
            units = [group]
        else:
            units = [[ln] for ln in group]
        for unit in units:
            blocks.append(_unit_block(unit, standalone=len(units) == 1 or len(unit) == 1))

    _assign_headings(blocks)
    return Document(path=path, source=text, format="text", blocks=blocks, meta=Metadata())


def _unit_block(unit: list[tuple[int, str]], standalone: bool) -> Block:
    pos, first = unit[0]
    atx = _ATX.match(first) if len(unit) == 1 else None
    if atx and atx.group(2):
        start = pos + first.index(atx.group(2))
        return Block("heading", atx.group(2), OffsetMap.contiguous(start, len(atx.group(2))), level=len(atx.group(1)))
    bullet = _BULLET.match(first)
    builder = TextBuilder()
    for i, (p, ln) in enumerate(unit):
        skip = bullet.end() if (i == 0 and bullet) else 0
        if i:
            builder.space()
        builder.add(ln[skip:], p + skip)
    text, offsets = builder.build()
    if bullet:
        return Block("list_item", text, offsets, level=1 + len(bullet.group(1)) // 2)
    return Block("paragraph", text, offsets, attrs={"candidate_heading": len(unit) == 1})


def _open_line(b: Block | None) -> bool:
    """A one-line paragraph of under 20 words that does not end like a sentence."""
    return (
        b is not None and b.kind == "paragraph" and b.attrs.get("candidate_heading", False)
        and len(b.text.split()) < 20 and not b.text.rstrip("\"')]").endswith((".", "!", "?", "…", ";"))
    )


def _assign_headings(blocks: list[Block]) -> None:
    """Short stand-alone lines become headings; the first short line is the title. A line inside a
    run of such lines, or right after a line ending in ":", is an entry of a list written without
    bullets, not a heading."""
    in_list: list[bool] = []
    for i, b in enumerate(blocks):
        prev = blocks[i - 1] if i else None
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        after_colon = prev is not None and prev.text.rstrip().endswith(":") and _open_line(b)
        run = _open_line(b) and not b.text.rstrip().endswith(":") and (
            (_open_line(prev) and not prev.text.rstrip().endswith(":")) or (_open_line(nxt) and not nxt.text.rstrip().endswith(":"))
        )
        in_list.append(after_colon or run)
    for i, b in enumerate(blocks):
        if b.kind != "paragraph" or not b.attrs.pop("candidate_heading", False):
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if i == 0 and len(b.text.split()) <= TITLE_MAX_WORDS and not b.text.endswith((".", "!", "?")):
            b.kind, b.level = "title", 1
        elif in_list[i] and not b.text.rstrip().endswith(":"):
            b.attrs["list_entry"] = True
        elif _is_headingish(b.text) and nxt is not None and (nxt.kind != "paragraph" or len(nxt.text) > len(b.text)):
            b.kind, b.level = "heading", 2
    has_title = any(b.kind == "title" for b in blocks)
    if not has_title:
        for b in blocks:
            if b.kind == "heading" and b.level == 1:
                b.kind = "title"
            break
