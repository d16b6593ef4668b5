"""Kind ``existence``: text matching any of a rule's patterns (Vale's "existence").

Parameters: ``patterns`` (regular expressions; ``\\b`` word boundaries are up to the pattern),
``ignore_case``; ``match: search`` (anywhere in the unit) or ``full`` (the whole unit, for lines of
page debris); the scope (``sentence``, ``paragraph`` for any body block, ``heading``, ``block`` for
every block including headings and the title). ``region`` limits where it counts: ``any``,
``opening`` (the body blocks before the first subheading, at most ``opening_blocks`` of them) or
``after-opening``; ``min_count`` reports only the n-th and later matches in that region (2: "a
second introduction"); with ``count_blocks`` a block counts once however many matches it holds
(two hooks in one paragraph are one introduction, not two). Message fields: ``match``, ``count``.
"""

from __future__ import annotations

from typing import Iterable

from ..lexicon import Lexicon, validate_patterns
from . import register
from .base import Check, Hit, Param, touched


def opening_indexes(doc, limit: int) -> set[int]:
    """Indexes of the body blocks of the article's opening section: those before its first
    subheading, or, when a subheading comes first, those of the first section; at most ``limit``."""
    out: list[int] = []
    section = None
    for b in doc.body:
        if section is None:
            section = b.section
        if b.section != section or len(out) >= limit:
            break
        out.append(b.index)
    return set(out)


@register
class Existence(Check):
    kind = "existence"
    scopes = ("sentence", "paragraph", "heading", "block")
    params = {
        "patterns": Param(list),
        "ignore_case": Param(bool, True),
        "match": Param(str, "search", choices=("search", "full")),
        "region": Param(str, "any", choices=("any", "opening", "after-opening")),
        "opening_blocks": Param(int, 4, min=1, max=1000),
        "min_count": Param(int, 1, min=1, max=1000),
        "count_blocks": Param(bool, False),
    }
    fields = ("match", "count")

    @classmethod
    def validate_params(cls, p: dict) -> dict[str, str]:
        if not p["patterns"] or not all(isinstance(x, str) and x for x in p["patterns"]):
            return {"patterns": "must be a non-empty list of regular expressions"}
        return validate_patterns(p, ("patterns",), p["ignore_case"])

    def setup(self) -> None:
        self.lexicon = Lexicon(self.p["patterns"], self.p["ignore_case"], trusted=self.trusted)

    def _units(self, doc):
        if self.scope == "sentence":
            for s in doc.sentences:
                yield s.block, s.start, s.text
        elif self.scope == "heading":
            for b in doc.blocks:
                if b.is_heading:
                    yield b, 0, b.text
        else:
            blocks = doc.blocks if self.scope == "block" else doc.body
            for b in blocks:
                yield b, 0, b.text

    def check(self, doc) -> Iterable[Hit]:
        spans = None
        if self.p["match"] == "search" and self.scope != "heading":
            # One scan of the joined text; then only the units a match touches are searched.
            spans = self.lexicon.block_spans(doc, self.scope != "block")
            if spans is not None and not spans:
                return
        region = self.p["region"]
        opening = opening_indexes(doc, self.p["opening_blocks"]) if region != "any" else set()
        count = 0
        counted: set[int] = set()
        last_opening = max(opening, default=-1)
        for block, offset, text in self._units(doc):
            if region == "opening" and block.index not in opening:
                continue
            if region == "after-opening" and block.index <= last_opening:
                continue
            if not touched(spans, block.index, offset, offset + len(text)):
                continue
            if self.p["match"] == "full":
                m = self.lexicon.fullmatch(text.strip())
                matches = [m] if m else []
                shift = len(text) - len(text.lstrip())
            else:
                low = block.lower[offset : offset + len(text)] if len(block.lower) == len(block.text) else None
                matches = list(self.lexicon.finditer(text, low))
                shift = 0
            for m in matches:
                if not (self.p["count_blocks"] and block.index in counted):
                    count += 1
                    counted.add(block.index)
                if count < self.p["min_count"]:
                    continue
                start, end = offset + shift + m.start(), offset + shift + m.end()
                yield Hit(block, start, end, {"match": text[shift + m.start() : shift + m.end()], "count": count})
