"""Plain-text articles, including text copied off web pages.

* Paragraphs are separated by blank lines. Inside a group of lines, a line break also ends a
  paragraph unless the file is hard-wrapped: decided once per file, from the evidence of its
  groups (lines of about one width whose breaks mostly fall mid-sentence). Even then, a line that
  stands on its own — a title-like line, a date, a byline, an SEO badge or a view counter — is
  never merged into its neighbour.
* A short line that ends with ":" or "?" or has no closing punctuation, standing alone, is a
  heading ("How Does It Work?"); Markdown-style ``#`` headings and ``-``/``*``/``1.`` bullets are
  recognised too.
* The first short line is the title, unless it is a date, a byline, a badge or a counter.
"""

from __future__ import annotations

import re

from ..dates import MONTH, WEEKDAY
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
    if s.endswith("?") and len(words) <= HEADING_MAX_WORDS and s[0].isupper():
        return True  # a question standing alone: "How Does It Work?"
    return not s.endswith(_TERMINAL) and not s.endswith((",", ";")) and s[0].isupper()


# Lines that stand on their own: a date ("Friday, 7 June 2024", "Posted on March 3, 2024"), a
# byline, an SEO plugin badge ("60 / 100"), a view or comment counter.
_DATE_LINE = re.compile(
    rf"^(?:(?:posted|published|updated|last\s+updated|reviewed)\s+(?:on\s+)?:?\s*)?(?:{WEEKDAY}\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})\s*$", re.I)
_BYLINE = re.compile(r"^(?:by|written\s+by|reviewed\s+by|medically\s+reviewed\s+by|author:)\s+\S", re.I)
_BADGE = re.compile(r"^(?:.{0,30}\b(?:seo|readability)\s+score\b.*|\s*\d{1,3}\s*/\s*100\s*)$", re.I)
_COUNTER = re.compile(r"\b\d[\d,.]*\s*(?:views?|comments?|likes?|shares?|reads?)\b", re.I)


def standalone_line(line: str) -> str | None:
    """What a line that must stand alone is ("date", "byline", "badge", "counter", "title"), or None."""
    s = line.strip()
    if not s or len(s) > 120:
        return None
    if _DATE_LINE.match(s):
        return "date"
    if _BYLINE.match(s) and len(s.split()) <= 8:
        return "byline"
    if _BADGE.match(s):
        return "badge"
    words = s.split()
    if len(words) <= 8 and _COUNTER.search(s) and not s.endswith((".", "!", "?")):
        return "counter"
    if len(words) <= 12 and not s.endswith(_TERMINAL + (",", ";")) and _title_case(words):
        return "title"
    return None


def _hard_wrapped(group: list[tuple[int, str]]) -> bool:
    """A paragraph wrapped at a fixed width: every line but the last is long (near the widest
    line, which is 40-100 characters) and most of them do not end a sentence; no line of it is
    one that stands on its own (a title-like line, a date, a byline, a badge, a counter)."""
    if len(group) < 2:
        return False
    if any(standalone_line(ln) for _, ln in group):
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

    # Wrapping is decided per file: a two-line group alone is weak evidence (a title over a line of
    # text looks the same), so it is joined only when some group of three or more lines is wrapped.
    wrapped = [_hard_wrapped(g) and not any(_BULLET.match(ln) or _ATX.match(ln) for _, ln in g) for g in groups]
    file_wrapped = any(w and len(g) >= 3 for w, g in zip(wrapped, groups))
    blocks: list[Block] = []
    for group, wrap in zip(groups, wrapped):
        units: list[list[tuple[int, str]]]
        if wrap and (file_wrapped or len(group) >= 3):
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
    title_taken = False
    for i, b in enumerate(blocks):
        if b.kind != "paragraph" or not b.attrs.pop("candidate_heading", False):
            if b.kind in ("heading", "title", "paragraph", "list_item"):
                title_taken = True  # the title is the first line, or the first after leading furniture
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        kind = standalone_line(b.text)
        if kind in ("date", "byline", "badge", "counter"):
            b.attrs[kind] = True  # page furniture: never the title, never a heading
            continue
        first, title_taken = not title_taken, True
        if first and len(b.text.split()) <= TITLE_MAX_WORDS and not b.text.endswith((".", "!", "?")):
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
