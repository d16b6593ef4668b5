"""Helpers shared by the parsers: build a block's plain text while remembering where each piece
came from, and find text that was unescaped (HTML entities, Markdown escapes) back in the source."""

from __future__ import annotations

import html
import re

from ..document import OffsetMap

_RUNS = re.compile(r"\s+|\S+")
_NEEDS_SPLIT = re.compile(r"\s\s|[^\S ]")  # two spaces in a row, or a tab/newline/other space
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


def maps_one_to_one(text: str) -> bool:
    """Text with single spaces only and none at either end: :class:`TextBuilder` keeps it as it
    is, one character for each source character."""
    return bool(text) and not text[0].isspace() and not text[-1].isspace() and _NEEDS_SPLIT.search(text) is None


class TextBuilder:
    """Accumulates text pieces with their source offsets, collapsing runs of whitespace to one space
    and trimming both ends, so ``text`` is what a reader sees and ``offsets`` maps it back."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self.offsets = OffsetMap()
        self._pending_space: int | None = None  # source offset of a collapsed whitespace run
        self._last_src = 0

    def add(self, text: str, source_start: int) -> None:
        """Add text that stands verbatim in the source at ``source_start``."""
        if maps_one_to_one(text):
            self._put(text, source_start)
            return
        for m in _RUNS.finditer(text):
            piece = m.group()
            if piece[0].isspace():
                self.space(source_start + m.start())
            else:
                self._put(piece, source_start + m.start())

    def add_aligned(self, text: str, sources: "list[int] | range") -> None:
        """Add text whose characters come from the given source offsets (one per character)."""
        if isinstance(sources, range) and sources.step == 1:
            if text:
                self.add(text, sources.start)  # verbatim in the source
            return
        run_start = 0
        for i in range(1, len(text) + 1):
            if i == len(text) or sources[i] != sources[i - 1] + 1 or text[i].isspace() != text[run_start].isspace():
                piece = text[run_start:i]
                if piece.isspace():
                    self.space(sources[run_start])
                else:
                    self._emit_run(piece, sources[run_start : i])
                run_start = i

    def _emit_run(self, piece: str, sources: list[int]) -> None:
        contiguous = all(sources[k] == sources[0] + k for k in range(len(sources)))
        if contiguous:
            self._put(piece, sources[0])
        else:  # entity-decoded characters: each maps to the entity's start
            for ch, src in zip(piece, sources):
                self._put(ch, src)

    def space(self, source_offset: int | None = None) -> None:
        if self._parts and self._pending_space is None:
            self._pending_space = self._last_src if source_offset is None else source_offset

    def _put(self, piece: str, source_start: int) -> None:
        if self._pending_space is not None:
            self._parts.append(" ")
            self.offsets.add(self._pending_space, 1)
            self._pending_space = None
        self._parts.append(piece)
        self.offsets.add(source_start, len(piece))
        self._last_src = source_start + len(piece)

    @property
    def length(self) -> int:
        """Length of the text built so far."""
        return self.offsets.length

    @property
    def position(self) -> int:
        """Index in the text where the next non-space piece will start."""
        return self.offsets.length + (1 if self._pending_space is not None else 0)

    @property
    def empty(self) -> bool:
        return not self._parts

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), self.offsets


def align(source: str, start: int, text: str, limit: int | None = None) -> "tuple[list[int] | range, int] | None":
    """Find ``text`` in ``source`` from ``start`` on, allowing markup and entities in between.

    Returns one source offset per character of ``text`` and the offset just past the match, or None
    when the text cannot be found within ``limit`` characters. Used where a parser has unescaped the
    text (``&amp;`` became ``&``; ``\\*`` became ``*``), so a plain ``find`` fails.
    """
    pos = source.find(text, start)
    if pos >= 0 and (limit is None or pos - start <= limit):
        return range(pos, pos + len(text)), pos + len(text)
    limit = limit if limit is not None else 4 * len(text) + 2000
    end_limit = min(len(source), start + len(text) + limit)
    out: list[int] = []
    i, p = 0, start
    while i < len(text) and p < end_limit:
        ch = source[p]
        if ch == text[i]:
            out.append(p)
            i += 1
            p += 1
            continue
        if ch == "&":
            m = _ENTITY.match(source, p)
            if m:
                decoded = html.unescape(m.group())
                if decoded and text.startswith(decoded, i):
                    out.extend([p] * len(decoded))
                    i += len(decoded)
                    p = m.end()
                    continue
        if ch == "<":
            close = source.find(">", p)
            if close > 0:
                p = close + 1
                continue
        if text[i].isspace() and not out:
            i += 1  # leading whitespace the parser kept but the source lacks
            out.append(p)
            continue
        p += 1
    if i < len(text):
        return None
    return out, p
