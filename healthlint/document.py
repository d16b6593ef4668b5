"""The document model every check reads: one parse per file, one tokenization per block.

A :class:`Document` is a list of :class:`Block` objects (title, heading, paragraph, list item, block
quote) in reading order. A block's ``text`` is the plain text a reader sees (markup removed); its
:class:`OffsetMap` maps every character of that text back to an offset in the original file, and
:meth:`Document.position` turns an offset into a 1-based line and column. Sentences and words are
computed once per block, on first use, and shared by all rules.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from .prose import prose_of

BLOCK_KINDS = ("title", "heading", "paragraph", "list_item", "blockquote")


class cached_property:  # noqa: N801 - named after functools.cached_property, which it replaces
    """functools.cached_property without its lock (Python 3.11 takes one on every first access,
    and documents compute thousands of these; one document is never shared between threads while
    it is being linted). The value is stored in the instance's ``__dict__``, which later lookups
    find first."""

    def __init__(self, func: Any) -> None:
        self.func = func
        self.attrname = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.attrname = name

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.attrname] = self.func(instance)
        return value


class OffsetMap:
    """Maps an index in a block's plain text to an offset in the source, in contiguous segments.

    Each segment ``(text_start, source_start, length)`` says that ``length`` characters of the text
    starting at ``text_start`` come from the source starting at ``source_start``. Characters that
    the parser synthesised (a space for a line break) map to the source of the nearest character
    before them.
    """

    __slots__ = ("_text_starts", "_segments", "length")

    def __init__(self) -> None:
        self._text_starts: list[int] = []
        self._segments: list[tuple[int, int, int]] = []
        self.length = 0

    @classmethod
    def contiguous(cls, source_start: int, length: int) -> "OffsetMap":
        m = cls()
        m.add(source_start, length)
        return m

    def add(self, source_start: int, length: int) -> None:
        """Append ``length`` text characters that come from ``source_start`` onward."""
        if length <= 0:
            return
        if self._segments:
            t, s, n = self._segments[-1]
            if s + n == source_start and t + n == self.length:
                self._segments[-1] = (t, s, n + length)
                self.length += length
                return
        self._text_starts.append(self.length)
        self._segments.append((self.length, source_start, length))
        self.length += length

    def add_synthetic(self, length: int = 1) -> None:
        """Append characters with no source of their own (joined line breaks)."""
        if length <= 0:
            return
        if not self._segments:
            self._text_starts.append(0)
            self._segments.append((0, 0, 0))
        self.length += length

    def source(self, index: int) -> int:
        """Source offset of text character ``index`` (clamped to the block)."""
        if not self._segments:
            return 0
        index = max(0, min(index, self.length - 1)) if self.length else 0
        i = bisect.bisect_right(self._text_starts, index) - 1
        t, s, n = self._segments[max(i, 0)]
        if n == 0:
            return s
        return s + min(index - t, n - 1)

    def source_end(self, index: int) -> int:
        """Source offset just after text character ``index - 1`` (for span ends)."""
        if index <= 0:
            return self.source(0)
        return self.source(index - 1) + 1


class LineIndex:
    """Offset <-> 1-based (line, column) for one source text. Columns count characters."""

    def __init__(self, source: str):
        starts = [0]
        for m in re.finditer(r"\r\n|\r|\n", source):
            starts.append(m.end())
        self.starts = starts
        self.length = len(source)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self.length))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, column: int = 1) -> int:
        line = max(1, min(line, len(self.starts)))
        return min(self.starts[line - 1] + column - 1, self.length)

    @property
    def line_count(self) -> int:
        return len(self.starts)


# --- tokenization -------------------------------------------------------------------------------

WORD_RE = re.compile(r"[^\W_](?:[\w'’\-]*[^\W_])?")
_ABBREVIATIONS = {
    "dr", "mr", "mrs", "ms", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "eg", "ie", "no",
    "fig", "approx", "dept", "inc", "ltd", "co", "mt", "ft", "u.s", "u.k", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "al", "ca", "vol", "pp", "p", "ed", "min",
}
# A sentence ends at . ! ? (or an ellipsis), optionally followed by closing quotes or brackets,
# then whitespace and something that can start a sentence.
_LAST_TOKEN = re.compile(r"([\w.]+)\.$")
_BOUNDARY = re.compile(r"(?:\.{3}|…|[.!?]+)[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


class Word:
    """A word of a block: its span in the block's text, the text, and the text in lower case."""

    __slots__ = ("start", "end", "text", "lower")

    def __init__(self, start: int, end: int, text: str):
        self.start = start
        self.end = end
        self.text = text
        self.lower = text.lower()

    def __repr__(self) -> str:
        return f"Word({self.start}, {self.end}, {self.text!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Word) and (self.start, self.end, self.text) == (other.start, other.end, other.text)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.text))


@dataclass
class Sentence:
    block: "Block"
    start: int  # index into the block text
    end: int
    text: str
    index: int  # position within the block

    @property
    def lower(self) -> str | None:
        """The sentence in lower case (a slice of the block's), or None if lower-casing changes length."""
        low = self.block.lower
        return low[self.start : self.end] if len(low) == len(self.block.text) else None

    @cached_property
    def tokens(self) -> list[str]:
        """The sentence's words in lower case, without positions: one C-level pass, for the many
        checks that only count or compare words. :attr:`words` has positions, built on demand."""
        low = self.lower
        return WORD_RE.findall(low if low is not None else self.text.lower())

    @property
    def word_count(self) -> int:
        return len(self.tokens)

    @cached_property
    def words(self) -> list[Word]:
        off = self.start
        return [Word(a + off, b + off, self.text[a:b]) for a, b in (m.span() for m in WORD_RE.finditer(self.text))]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) index pairs of the sentences of ``text``; whitespace between them excluded."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if text[m.start()] == "." and m.end() - m.start() == 1:
            # "Dr. Smith", "e.g. Aspirin", "U.S. Army", initials ("J. Smith"): not a boundary.
            before = _LAST_TOKEN.search(text, max(start, m.start() - 24), m.start() + 1)
            token = before.group(1).lower() if before else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        _append_span(text, start, end, spans)
        start = end
    _append_span(text, start, len(text), spans)
    return spans


def _append_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


@dataclass
class BlockAnalyses:
    """What the duplicate checks derive from one block, computed on first use by
    :mod:`healthlint.textsim` and shared by every rule (within the article and across files)."""

    words: list[str] | None = None  # textsim.block_words: the block's lower-cased words
    shingles: dict[int, set[int]] = field(default_factory=dict)  # textsim.block_shingles, by shingle size


@dataclass
class Analyses:
    """Results that several rules derive from one document, computed once on first use by the
    module named beside each field and kept here, so that the document's shape, and what a check
    may rely on, can be read in one place. ``None`` means "not computed yet"."""

    # promo.promotion_signals: the kinds of advertising signal in the article ("voice", "price", …)
    promotion: set[str] | None = None
    # promo.business_sentences: the body sentences that speak as the business (indexes in doc.sentences)
    business_sentences: list[int] | None = None
    # readability.readability: Flesch reading ease and Flesch-Kincaid grade of the prose
    readability: dict[str, float] | None = None
    # citations.has_reference_list / cites_anything / block_sourced (by block index)
    has_references: bool | None = None
    cites_anything: bool | None = None
    sourced_blocks: dict[int, bool] = field(default_factory=dict)
    # phrases.repeated_phrases, by (min_n, max_n, min_count); phrases' n-gram index, by n
    phrases: dict[tuple[int, int, int], list[Any]] = field(default_factory=dict)
    ngram_positions: dict[int, dict[tuple[str, ...], list[Any]]] = field(default_factory=dict)
    # checks.cross_duplicate: the document's paragraph fingerprints, by the parameters that shape them
    crossdup_fingerprints: dict[tuple[Any, ...], bytes] = field(default_factory=dict)
    # the pattern prefilter: which literals the joined text contains, by (body_only, folded)
    literal_hits: dict[tuple[bool, bool], dict[str, bool]] = field(default_factory=dict)
    # Document.joined, by body_only
    joined: dict[bool, tuple[str, str | None, list[int]]] = field(default_factory=dict)


# A text that ends as a sentence does: a stop, then any closing quotes or brackets.
SENTENCE_END = re.compile(r"[.!?…]['\"”’)]*\s*$")


def comma_list_shaped(text: str) -> bool:
    """Three or more comma-separated phrases of at most six words, not ending as a sentence does."""
    t = text.strip()
    if not t or "," not in t or SENTENCE_END.search(t):
        return False
    parts = [p.strip() for p in t.split(",")]
    return len(parts) >= 3 and all(0 < len(p.split()) <= 6 for p in parts)


@dataclass
class Block:
    kind: str  # one of BLOCK_KINDS
    text: str
    offsets: OffsetMap
    level: int = 0  # heading level (1-6); list nesting depth for list items
    index: int = 0  # position in Document.blocks
    section: int = 0  # index of the heading block that opens this block's section (-1: none)
    attrs: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return [
            Sentence(self, s, e, self.text[s:e], i) for i, (s, e) in enumerate(split_sentences(self.text))
        ]

    @cached_property
    def words(self) -> list[Word]:
        return [w for s in self.sentences for w in s.words]

    @cached_property
    def lower(self) -> str:
        """The block's text in lower case, computed once for the checks that match lexicons."""
        return self.text.lower()

    @cached_property
    def tokens(self) -> list[str]:
        return [t for s in self.sentences for t in s.tokens]

    @property
    def word_count(self) -> int:
        return len(self.tokens)

    @property
    def is_heading(self) -> bool:
        return self.kind in ("title", "heading")

    @cached_property
    def is_keyword_list(self) -> bool:
        """A comma list of short phrases with no sentence end ("Dental veneers guide, Smile
        enhancement, Veneer cost"), optionally after a label ("SEO Keywords: …"): an SEO field
        pasted with the text, not prose. Residue rules report it; claim and stuffing rules skip it."""
        return comma_list_shaped(self.text)

    @cached_property
    def analyses(self) -> BlockAnalyses:
        """The block's shared derived results (see :class:`BlockAnalyses`)."""
        return BlockAnalyses()

    def source_span(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        """Source offsets [start, end) of the text characters [start, end)."""
        end = len(self.text) if end is None else end
        return self.offsets.source(start), self.offsets.source_end(end)


@dataclass
class Metadata:
    title: str | None = None
    description: str | None = None
    author: str | None = None
    date: str | None = None  # published
    modified: str | None = None
    keyphrase: str | None = None
    slug: str | None = None  # front matter slug/permalink/url
    canonical: str | None = None  # front matter canonical, HTML <link rel="canonical">
    page_type: str | None = None  # front matter type (faq, landing, contact…)
    has_head: bool = False  # the file has front matter (Markdown) or a <head> (HTML)
    links: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    # Source offsets of metadata values that came from the file (front matter, <meta>), for findings.
    positions: dict[str, int] = field(default_factory=dict)


@dataclass
class Image:
    """An image of the article: its address, its alt text (None: no alt attribute; Markdown always
    has one, possibly empty) and where it stands in the source. ``where`` is ``body`` for an image
    in the text, ``head`` for one declared in the front matter or the HTML head (og:image)."""

    src: str
    alt: str | None
    start: int  # source offsets
    end: int
    where: str = "body"


@dataclass
class Link:
    """A link of the article's text: its target, its anchor text, and the block it stands in."""

    href: str
    text: str
    block: Block
    start: int  # index into the block's text
    end: int

    @property
    def external(self) -> bool:
        """An absolute web address (http, https or protocol-relative)."""
        return bool(re.match(r"(?:https?:)?//", self.href.strip(), re.I))

    @property
    def relative(self) -> bool:
        """A path on the same site ("/about", "../sleep.md"): no scheme, not a fragment or mailto."""
        h = self.href.strip()
        return bool(h) and not h.startswith("#") and not self.external and not re.match(r"[a-z][a-z0-9+.-]*:", h, re.I)


@dataclass
class Document:
    path: str
    source: str
    format: str  # markdown, html, text
    blocks: list[Block]
    meta: Metadata = field(default_factory=Metadata)
    notes: list[str] = field(default_factory=list)  # decoding notes ("decoded as cp1252")
    images: list[Image] = field(default_factory=list)  # filled by the Markdown and HTML parsers

    @cached_property
    def analyses(self) -> Analyses:
        """The document's shared derived results (see :class:`Analyses`)."""
        return Analyses()

    @cached_property
    def links(self) -> list[Link]:
        """The links of the text (Markdown and HTML), in reading order, with their anchor text."""
        out = []
        for b in self.blocks:
            for start, end, href in b.attrs.get("links", ()):
                out.append(Link(href, b.text[start:end], b, start, end))
        return out

    @cached_property
    def slug(self) -> str | None:
        """The page's slug: the front matter's, else the last part of the canonical address."""
        if self.meta.slug:
            return self.meta.slug.strip("/").rsplit("/", 1)[-1] or None
        if self.meta.canonical:
            path = re.sub(r"^[a-z]+://[^/]+", "", self.meta.canonical.strip(), flags=re.I).split("?")[0].split("#")[0]
            return path.strip("/").rsplit("/", 1)[-1] or None
        return None

    def __post_init__(self) -> None:
        section = -1
        for i, b in enumerate(self.blocks):
            b.index = i
            if b.kind == "heading":
                section = i
            b.section = section

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.source)

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)

    @cached_property
    def body(self) -> list[Block]:
        """The blocks a reader reads as prose: everything but the title and headings."""
        return [b for b in self.blocks if not b.is_heading]

    @cached_property
    def sentences(self) -> list[Sentence]:
        return [s for b in self.body for s in b.sentences]

    @cached_property
    def word_count(self) -> int:
        return sum(b.word_count for b in self.body)

    def joined(self, body_only: bool = True) -> tuple[str, str | None, list[int]]:
        """The body blocks' (or all blocks') text joined with NUL characters, its lower-cased form
        (None when lower-casing changes the length), and where each block starts in it: one string
        for a whole-article scan before per-sentence or per-block work (see
        :meth:`healthlint.lexicon.Lexicon.block_spans`)."""
        cached = self.analyses.joined.get(body_only)
        if cached is None:
            blocks = self.body if body_only else self.blocks
            text = "\0".join(b.text for b in blocks)
            low = text.lower()
            starts = []
            at = 0
            for b in blocks:
                starts.append(at)
                at += len(b.text) + 1
            cached = self.analyses.joined[body_only] = (text, low if len(low) == len(text) else None, starts)
        return cached

    @cached_property
    def prose(self) -> str:
        """Body text joined into one string for whole-document metrics (readability formulas)."""
        return prose_of(self.body)

    @cached_property
    def section_readability(self) -> list[dict[str, Any]]:
        """Readability per section (heading, line, words, Flesch figures), for articles with
        subheadings; ``[]`` otherwise. Computed once: :func:`healthlint.readability.section_figures`."""
        from .readability import section_figures

        return section_figures(self)

    @cached_property
    def title(self) -> str | None:
        if self.meta.title:
            return self.meta.title
        for b in self.blocks:
            if b.kind == "title" or (b.kind == "heading" and b.level == 1):
                return b.text
        return None

    @cached_property
    def subject(self) -> str | None:
        """What the article is about, as its heading states it: the title, or the first heading
        when there is none (a page exported with its article title as an ``h2``)."""
        return self.title or next((b.text for b in self.blocks if b.is_heading), None)

    @cached_property
    def questions(self) -> dict[int, int]:
        """Block index -> index of the question heading ("How is it treated?") it answers: the
        nearest question heading before it. Headings that are not questions ("Overview") sit
        inside an answer, since plain text gives them no reliable level. Blocks before the first
        question heading are absent."""
        out: dict[int, int] = {}
        question: int | None = None
        for b in self.blocks:
            if b.kind == "heading":
                if b.text.rstrip().endswith("?"):
                    question = b.index
            elif b.kind != "title" and question is not None:
                out[b.index] = question
        return out

    def sections(self) -> list[tuple[Block | None, list[Block]]]:
        """(heading, body blocks) in order; the first pair's heading is None before any heading."""
        out: list[tuple[Block | None, list[Block]]] = [(None, [])]
        for b in self.blocks:
            if b.kind == "heading":
                out.append((b, []))
            elif b.kind != "title":
                out[-1][1].append(b)
        return [s for s in out if s[0] is not None or s[1]]

